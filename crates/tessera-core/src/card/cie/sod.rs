//! EF.SOD: what ties the CIE's chip key to the national authority chain.
//!
//! The chip proves itself with the key in EF.IntAuth (1004), which the card hands out in plain;
//! on its own that proves nothing (a forger can put any key there). The chain is EF.SOD (1006):
//! a CMS SignedData (RFC 5652) over an LDSSecurityObject (content type 2.23.136.1.1.1) listing a
//! hash per data group (A4 = EF 1004), signed by a Document Signer whose certificate, inside the
//! SignedData, a Country Signing CA (CSCA) issued. The official middleware reads EF.SOD only at
//! enrolment and checks no CSCA (CIE spec §2.3). Tessera checks it before any PIN is sent.
//!
//! Trust anchors: Tessera's *test* CSCA (the simulator's, `assets/sim/cie-csca.key.pem`), always
//! known, and marks a card chained to it as simulated; and the national CSCA certificates
//! (published at csca-ita.interno.gov.it), read from a folder (`TESSERA_CSCA_DIR`, else
//! `/usr/share/tessera/csca`). When national anchors are installed, a card must chain to one;
//! without them a card that does not is let through and reported as unverified.

use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use der::asn1::{Int, OctetString};
use der::{Decode, Encode, Header, Reader, SliceReader, Tag, TagNumber};
use rsa::RsaPublicKey;
use rsa::pkcs1v15::Pkcs1v15Sign;
use rsa::pkcs8::DecodePublicKey;
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::Certificate;
use x509_cert::spki::AlgorithmIdentifierOwned;

/// One data group's hash.
#[derive(Clone, Debug, Eq, PartialEq, der::Sequence)]
struct DataGroupHash {
    /// The group number (one content byte on the CIE, e.g. A4 for EF 1004).
    pub number: Int,
    /// Its hash.
    pub hash: OctetString,
}

/// ICAO-style LDSSecurityObject.
#[derive(Clone, Debug, Eq, PartialEq, der::Sequence)]
struct LdsSecurityObject {
    /// 0.
    pub version: Int,
    /// The hash of every group.
    pub hash_algorithm: AlgorithmIdentifierOwned,
    /// The groups.
    pub hashes: Vec<DataGroupHash>,
}

/// The data group number of EF 1004 (the chip key) in EF.SOD.
pub const DG_CHIP_KEY: u8 = 0xA4;

/// Which anchor a chain ends at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// An installed national CSCA certificate.
    National,
    /// Tessera's test CSCA: a simulated card.
    Test,
}

/// What EF.SOD says about the chip key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChipKeyCheck {
    /// Signed, chained to an anchor, and the chip key's hash matches.
    Verified(Anchor),
    /// EF.SOD is signed and chains to an anchor, but lists another chip key: a forged or
    /// altered card.
    Mismatch,
    /// EF.SOD could not be checked (missing, unreadable, an algorithm Tessera does not verify,
    /// no anchor for its signer): the reason.
    Unverified(&'static str),
}

const SIM_CSCA_KEY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-csca.key.pem"));

fn hash(alg: &str, data: &[u8]) -> Option<Vec<u8>> {
    Some(match alg {
        "2.16.840.1.101.3.4.2.1" => Sha256::digest(data).to_vec(),
        "2.16.840.1.101.3.4.2.2" => Sha384::digest(data).to_vec(),
        "2.16.840.1.101.3.4.2.3" => Sha512::digest(data).to_vec(),
        _ => return None,
    })
}

/// Verifies an RSA signature over `data`: PKCS#1 v1.5 with the digest the algorithm names (or
/// `digest_alg` for plain rsaEncryption), or RSASSA-PSS with the hash and salt length of its
/// parameters (RFC 4055).
fn rsa_verify(key: &RsaPublicKey, sig_alg: &AlgorithmIdentifierOwned, digest_alg: &str, data: &[u8], sig: &[u8]) -> Result<bool, &'static str> {
    let unsupported = "digest algorithm not supported";
    if sig_alg.oid.to_string() == "1.2.840.113549.1.1.10" {
        let params = sig_alg.parameters.as_ref().ok_or("RSASSA-PSS without parameters")?;
        let params = params.to_der().map_err(|_| "RSASSA-PSS parameters")?;
        let params = rsa::pkcs1::RsaPssParams::from_der(&params).map_err(|_| "RSASSA-PSS parameters")?;
        let (hash_oid, salt) = (params.hash.oid.to_string(), usize::from(params.salt_len));
        let digest = hash(&hash_oid, data).ok_or(unsupported)?;
        return Ok(match hash_oid.as_str() {
            "2.16.840.1.101.3.4.2.1" => key.verify(rsa::Pss::new_with_salt::<Sha256>(salt), &digest, sig).is_ok(),
            "2.16.840.1.101.3.4.2.2" => key.verify(rsa::Pss::new_with_salt::<Sha384>(salt), &digest, sig).is_ok(),
            _ => key.verify(rsa::Pss::new_with_salt::<Sha512>(salt), &digest, sig).is_ok(),
        });
    }
    let digest_oid = match sig_alg.oid.to_string().as_str() {
        "1.2.840.113549.1.1.11" => "2.16.840.1.101.3.4.2.1",
        "1.2.840.113549.1.1.12" => "2.16.840.1.101.3.4.2.2",
        "1.2.840.113549.1.1.13" => "2.16.840.1.101.3.4.2.3",
        "1.2.840.113549.1.1.1" => digest_alg,
        _ => return Err("signature algorithm not supported"),
    };
    let digest = hash(digest_oid, data).ok_or(unsupported)?;
    let scheme = match digest_oid {
        "2.16.840.1.101.3.4.2.1" => Pkcs1v15Sign::new::<Sha256>(),
        "2.16.840.1.101.3.4.2.2" => Pkcs1v15Sign::new::<Sha384>(),
        _ => Pkcs1v15Sign::new::<Sha512>(),
    };
    Ok(key.verify(scheme, &digest, sig).is_ok())
}

fn cert_key(c: &Certificate) -> Option<RsaPublicKey> {
    RsaPublicKey::from_public_key_der(&c.tbs_certificate.subject_public_key_info.to_der().ok()?).ok()
}

/// The anchors: Tessera's test CSCA, and the national CSCA certificates installed (PEM or DER
/// files in the folder).
pub fn anchors() -> Vec<(Anchor, RsaPublicKey)> {
    use rsa::pkcs8::DecodePrivateKey;
    let mut out = Vec::new();
    if let Ok(k) = rsa::RsaPrivateKey::from_pkcs8_pem(SIM_CSCA_KEY) {
        out.push((Anchor::Test, k.to_public_key()));
    }
    let dir = std::env::var_os("TESSERA_CSCA_DIR").map(std::path::PathBuf::from).unwrap_or_else(|| "/usr/share/tessera/csca".into());
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(bytes) = std::fs::read(entry.path()) else { continue };
        let Ok(der) = crate::cert::import(&bytes) else { continue };
        match crate::der_bounded::decode::<Certificate>(&der).ok().as_ref().and_then(cert_key) {
            Some(k) => out.push((Anchor::National, k)),
            None => tracing::debug!(file = %entry.path().display(), "CSCA certificate skipped: not an RSA certificate"),
        }
    }
    out
}

/// A fingerprint of a set of anchors (SHA-256 over their moduli, in order): a verdict reached
/// under one set is not taken for another.
pub fn anchors_hash(anchors: &[(Anchor, RsaPublicKey)]) -> String {
    use rsa::traits::PublicKeyParts;
    let mut h = Sha256::new();
    for (a, k) in anchors {
        h.update([u8::from(*a == Anchor::National)]);
        h.update(k.n().to_bytes_be());
    }
    tessera_apdu::apdu::hex(&h.finalize()).replace(' ', "").to_lowercase()
}

/// Whether national anchors are installed (then every CIE must chain to one).
pub fn national_anchors_installed(anchors: &[(Anchor, RsaPublicKey)]) -> bool {
    anchors.iter().any(|(a, _)| *a == Anchor::National)
}

/// The ICAO LDS tag of EF.SOD, `77` (application 23, constructed), around the ContentInfo.
const LDS_SOD_TAG: Tag = Tag::Application { constructed: true, number: TagNumber::N23 };

/// The first TLV of `bytes` (files may carry trailing bytes after it), if its header is DER.
fn first_tlv(bytes: &[u8]) -> Option<&[u8]> {
    let mut r = SliceReader::new(bytes).ok()?;
    let header = Header::decode(&mut r).ok()?;
    let end = usize::try_from((header.encoded_len().ok()? + header.length).ok()?).ok()?;
    bytes.get(..end)
}

/// The CMS ContentInfo in EF.SOD. Real cards frame it as ICAO 9303 LDS files are framed, `77 L
/// ContentInfo` (the official middleware takes the first SEQUENCE inside tag 77); the bare
/// ContentInfo is accepted too. Bytes after the first TLV are ignored.
fn content_info(sod: &[u8]) -> Result<ContentInfo, &'static str> {
    let mut r = SliceReader::new(sod).map_err(|_| "EF.SOD is empty")?;
    let header = Header::decode(&mut r).map_err(|_| "EF.SOD is not a TLV")?;
    let inner = if header.tag == LDS_SOD_TAG {
        r.read_slice(header.length).map_err(|_| "EF.SOD is shorter than its tag 77 says")?
    } else {
        sod
    };
    let first = first_tlv(inner).ok_or("EF.SOD is not a CMS ContentInfo")?;
    crate::der_bounded::decode::<ContentInfo>(first).map_err(|_| "EF.SOD is not a CMS ContentInfo")
}

/// Checks `sod` (EF.SOD) against the chip key file `int_auth` (EF 1004, as read) and the
/// `anchors`.
pub fn check(sod: &[u8], int_auth: &[u8], anchors: &[(Anchor, RsaPublicKey)]) -> ChipKeyCheck {
    match check_inner(sod, int_auth, anchors) {
        Ok(c) => c,
        Err(why) => ChipKeyCheck::Unverified(why),
    }
}

fn check_inner(sod: &[u8], int_auth: &[u8], anchors: &[(Anchor, RsaPublicKey)]) -> Result<ChipKeyCheck, &'static str> {
    let ci = content_info(sod)?;
    if ci.content_type.to_string() != "1.2.840.113549.1.7.2" {
        return Err("EF.SOD is not a SignedData");
    }
    let sd: SignedData = ci.content.decode_as().map_err(|_| "EF.SOD: malformed SignedData")?;
    if sd.encap_content_info.econtent_type.to_string() != "2.23.136.1.1.1" {
        return Err("EF.SOD: not an LDS security object");
    }
    let econtent = sd.encap_content_info.econtent.as_ref().ok_or("EF.SOD: no content")?;
    let lds_bytes = econtent.decode_as::<OctetString>().map_err(|_| "EF.SOD: content is not an OCTET STRING")?;
    let lds = crate::der_bounded::decode::<LdsSecurityObject>(lds_bytes.as_bytes()).map_err(|_| "EF.SOD: malformed LDS security object")?;
    // The signer and its certificate.
    let signer = sd.signer_infos.0.iter().next().ok_or("EF.SOD: no signer")?;
    let certs: Vec<&Certificate> = sd
        .certificates
        .as_ref()
        .map(|s| s.0.iter().filter_map(|c| if let cms::cert::CertificateChoices::Certificate(c) = c { Some(c) } else { None }).collect())
        .unwrap_or_default();
    let ds = match &signer.sid {
        SignerIdentifier::IssuerAndSerialNumber(i) => {
            certs.iter().find(|c| c.tbs_certificate.issuer == i.issuer && c.tbs_certificate.serial_number == i.serial_number)
        }
        SignerIdentifier::SubjectKeyIdentifier(_) => certs.first(),
    }
    .ok_or("EF.SOD: the signer's certificate is missing")?;
    let ds_key = cert_key(ds).ok_or("EF.SOD: the Document Signer key is not RSA")?;
    let digest_alg = signer.digest_alg.oid.to_string();
    let signed = match &signer.signed_attrs {
        Some(attrs) => {
            // messageDigest must be the hash of the content.
            let md = attrs
                .iter()
                .find(|a| a.oid.to_string() == "1.2.840.113549.1.9.4")
                .and_then(|a| a.values.iter().next())
                .and_then(|v| v.decode_as::<OctetString>().ok())
                .ok_or("EF.SOD: no message digest")?;
            if Some(md.as_bytes().to_vec()) != hash(&digest_alg, lds_bytes.as_bytes()) {
                return Err("EF.SOD: the message digest does not match its content");
            }
            attrs.to_der().map_err(|_| "EF.SOD: signed attributes")?
        }
        None => lds_bytes.as_bytes().to_vec(),
    };
    if !rsa_verify(&ds_key, &signer.signature_algorithm, &digest_alg, &signed, signer.signature.as_bytes())? {
        return Err("EF.SOD: the Document Signer's signature is wrong");
    }
    // The Document Signer's certificate, signed by an anchor.
    let tbs = ds.tbs_certificate.to_der().map_err(|_| "Document Signer certificate")?;
    let Some(sig) = ds.signature.as_bytes() else { return Err("Document Signer certificate signature") };
    let anchor = anchors
        .iter()
        .find(|(_, k)| rsa_verify(k, &ds.signature_algorithm, "2.16.840.1.101.3.4.2.1", &tbs, sig).unwrap_or(false))
        .map(|(a, _)| *a)
        .ok_or("no known CSCA issued the Document Signer")?;
    // Now the chain is trusted: the chip key must be the one it lists. The official middleware
    // hashes the file's first TLV (CIE spec §2.3); a card whose SOD hashes the whole file as
    // stored is not a forgery either, so both readings are accepted (a forger would need a
    // second preimage for either).
    let alg = lds.hash_algorithm.oid.to_string();
    let want = lds.hashes.iter().find(|g| g.number.as_bytes() == [DG_CHIP_KEY]).map(|g| g.hash.as_bytes());
    let tlv = first_tlv(int_auth).unwrap_or(int_auth);
    let (Some(of_tlv), Some(of_file)) = (hash(&alg, tlv), hash(&alg, int_auth)) else {
        return Err("EF.SOD: hash algorithm not supported");
    };
    let listed = want.is_some_and(|w| w == of_tlv || w == of_file);
    Ok(if listed { ChipKeyCheck::Verified(anchor) } else { ChipKeyCheck::Mismatch })
}

/// Positive verdicts already reached in this process, by chip key (EF 1004): the check depends only on
/// the card's EF.SOD, that key and the anchors, and the chip proves it holds the key at every
/// session, so a card seen before need not send EF.SOD again (a PKCS#11 module signs in one
/// session per signature). A few entries at most.
static SEEN: std::sync::Mutex<Vec<(Vec<u8>, ChipKeyCheck)>> = std::sync::Mutex::new(Vec::new());

/// The verdict reached earlier in this process for this chip key, if any.
pub fn remembered(int_auth: &[u8]) -> Option<ChipKeyCheck> {
    let seen = SEEN.lock().unwrap_or_else(|p| p.into_inner());
    seen.iter().find(|(k, _)| k == int_auth).map(|(_, c)| c.clone())
}

/// Keeps a positive verdict for this chip key (the last 8 cards); a card that failed is checked
/// again every time.
pub fn remember(int_auth: &[u8], check: &ChipKeyCheck) {
    if !matches!(check, ChipKeyCheck::Verified(_)) {
        return;
    }
    let mut seen = SEEN.lock().unwrap_or_else(|p| p.into_inner());
    seen.retain(|(k, _)| k != int_auth);
    seen.push((int_auth.to_vec(), check.clone()));
    let excess = seen.len().saturating_sub(8);
    seen.drain(..excess);
}

#[cfg(test)]
mod tests {
    //! EF.SOD files made by OpenSSL, not by Tessera (tests/fixtures/cie-sod/make.sh): the parser
    //! is judged by bytes that neither the simulator nor the client produced.
    use super::*;
    use rsa::pkcs8::DecodePrivateKey;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/cie-sod/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn test_anchor() -> Vec<(Anchor, RsaPublicKey)> {
        vec![(Anchor::Test, rsa::RsaPrivateKey::from_pkcs8_pem(SIM_CSCA_KEY).expect("test CSCA").to_public_key())]
    }

    #[test]
    fn the_icao_form_with_tag_77_is_verified() {
        let sod = fixture("sod-sha256.der");
        assert_eq!(&sod[..2], &[0x77, 0x82], "the fixture is 77-wrapped");
        assert_eq!(check(&sod, &fixture("int-auth.der"), &test_anchor()), ChipKeyCheck::Verified(Anchor::Test));
    }

    #[test]
    fn the_bare_content_info_is_verified_too() {
        let ci = fixture("content-info-sha256.der");
        assert_eq!(ci[0], 0x30);
        assert_eq!(check(&ci, &fixture("int-auth.der"), &test_anchor()), ChipKeyCheck::Verified(Anchor::Test));
    }

    #[test]
    fn a_pss_signed_sod_with_sha512_hashes_is_verified() {
        // RSASSA-PSS/SHA-512 with OpenSSL's maximal salt (190 bytes): the salt comes from the
        // signature's parameters, not from a default.
        assert_eq!(check(&fixture("sod-pss.der"), &fixture("int-auth.der"), &test_anchor()), ChipKeyCheck::Verified(Anchor::Test));
    }

    #[test]
    fn padding_after_the_files_is_ignored() {
        let mut sod = fixture("sod-sha256.der");
        sod.extend_from_slice(&[0u8; 300]);
        let mut key_file = fixture("int-auth.der");
        key_file.extend_from_slice(&[0xFF; 16]);
        assert_eq!(check(&sod, &key_file, &test_anchor()), ChipKeyCheck::Verified(Anchor::Test));
    }

    #[test]
    fn a_hash_over_the_whole_stored_file_is_accepted_too() {
        // Which bytes of EF 1004 real SODs hash is inferred: its first TLV (the middleware's
        // reading) or the file as stored, padding included. Either binds the key.
        let sod = fixture("sod-whole-file.der");
        assert_eq!(check(&sod, &fixture("int-auth-padded.der"), &test_anchor()), ChipKeyCheck::Verified(Anchor::Test));
        assert_eq!(check(&sod, &fixture("int-auth.der"), &test_anchor()), ChipKeyCheck::Mismatch, "without the padding it is another file");
    }

    #[test]
    fn another_chip_key_is_a_mismatch_and_an_unknown_signer_is_unverified() {
        let sod = fixture("sod-sha256.der");
        let mut other = fixture("int-auth.der");
        let last = other.len() - 10;
        other[last] ^= 0x01;
        assert_eq!(check(&sod, &other, &test_anchor()), ChipKeyCheck::Mismatch);
        let stranger = rsa::RsaPrivateKey::from_pkcs8_pem(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-ds.key.pem")))
            .expect("key")
            .to_public_key();
        assert!(matches!(check(&sod, &fixture("int-auth.der"), &[(Anchor::National, stranger)]), ChipKeyCheck::Unverified(_)));
    }

    #[test]
    fn a_cut_file_is_unverified_not_a_panic() {
        let sod = fixture("sod-sha256.der");
        for n in [0, 1, 2, 4, 100, sod.len() - 1] {
            assert!(matches!(check(&sod[..n], &fixture("int-auth.der"), &test_anchor()), ChipKeyCheck::Unverified(_)), "{n} bytes");
        }
    }
}
