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
use der::{Decode, Encode};
use rsa::RsaPublicKey;
use rsa::pkcs1v15::Pkcs1v15Sign;
use rsa::pkcs8::DecodePublicKey;
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::Certificate;
use x509_cert::spki::AlgorithmIdentifierOwned;

/// One data group's hash.
#[derive(Clone, Debug, Eq, PartialEq, der::Sequence)]
pub struct DataGroupHash {
    /// The group number (one content byte on the CIE, e.g. A4 for EF 1004).
    pub number: Int,
    /// Its hash.
    pub hash: OctetString,
}

/// ICAO-style LDSSecurityObject.
#[derive(Clone, Debug, Eq, PartialEq, der::Sequence)]
pub struct LdsSecurityObject {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
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

/// Verifies an RSA signature (PKCS#1 v1.5 with the named digest, or PSS) over `data`.
fn rsa_verify(key: &RsaPublicKey, sig_alg: &str, digest_alg: &str, data: &[u8], sig: &[u8]) -> Result<bool, &'static str> {
    let digest_oid = match sig_alg {
        "1.2.840.113549.1.1.11" => "2.16.840.1.101.3.4.2.1",
        "1.2.840.113549.1.1.12" => "2.16.840.1.101.3.4.2.2",
        "1.2.840.113549.1.1.13" => "2.16.840.1.101.3.4.2.3",
        "1.2.840.113549.1.1.1" | "1.2.840.113549.1.1.10" => digest_alg,
        _ => return Err("signature algorithm not supported"),
    };
    let digest = hash(digest_oid, data).ok_or("digest algorithm not supported")?;
    let ok = if sig_alg == "1.2.840.113549.1.1.10" {
        match digest_oid {
            "2.16.840.1.101.3.4.2.1" => key.verify(rsa::Pss::new::<Sha256>(), &digest, sig).is_ok(),
            "2.16.840.1.101.3.4.2.2" => key.verify(rsa::Pss::new::<Sha384>(), &digest, sig).is_ok(),
            _ => key.verify(rsa::Pss::new::<Sha512>(), &digest, sig).is_ok(),
        }
    } else {
        let scheme = match digest_oid {
            "2.16.840.1.101.3.4.2.1" => Pkcs1v15Sign::new::<Sha256>(),
            "2.16.840.1.101.3.4.2.2" => Pkcs1v15Sign::new::<Sha384>(),
            _ => Pkcs1v15Sign::new::<Sha512>(),
        };
        key.verify(scheme, &digest, sig).is_ok()
    };
    Ok(ok)
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
        match Certificate::from_der(&der).ok().as_ref().and_then(cert_key) {
            Some(k) => out.push((Anchor::National, k)),
            None => tracing::debug!(file = %entry.path().display(), "CSCA certificate skipped: not an RSA certificate"),
        }
    }
    out
}

/// Whether national anchors are installed (then every CIE must chain to one).
pub fn national_anchors_installed(anchors: &[(Anchor, RsaPublicKey)]) -> bool {
    anchors.iter().any(|(a, _)| *a == Anchor::National)
}

/// Checks `sod` (EF.SOD) against the chip key file `int_auth` (EF 1004, cut at its DER length)
/// and the `anchors`.
pub fn check(sod: &[u8], int_auth: &[u8], anchors: &[(Anchor, RsaPublicKey)]) -> ChipKeyCheck {
    match check_inner(sod, int_auth, anchors) {
        Ok(c) => c,
        Err(why) => ChipKeyCheck::Unverified(why),
    }
}

fn check_inner(sod: &[u8], int_auth: &[u8], anchors: &[(Anchor, RsaPublicKey)]) -> Result<ChipKeyCheck, &'static str> {
    let sod = &sod[..crate::card::cns::der_total_len(sod).unwrap_or(sod.len()).min(sod.len())];
    let ci = ContentInfo::from_der(sod).map_err(|_| "EF.SOD is not a CMS ContentInfo")?;
    if ci.content_type.to_string() != "1.2.840.113549.1.7.2" {
        return Err("EF.SOD is not a SignedData");
    }
    let sd: SignedData = ci.content.decode_as().map_err(|_| "EF.SOD: malformed SignedData")?;
    if sd.encap_content_info.econtent_type.to_string() != "2.23.136.1.1.1" {
        return Err("EF.SOD: not an LDS security object");
    }
    let econtent = sd.encap_content_info.econtent.as_ref().ok_or("EF.SOD: no content")?;
    let lds_bytes = econtent.decode_as::<OctetString>().map_err(|_| "EF.SOD: content is not an OCTET STRING")?;
    let lds = LdsSecurityObject::from_der(lds_bytes.as_bytes()).map_err(|_| "EF.SOD: malformed LDS security object")?;
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
    let sig_alg = signer.signature_algorithm.oid.to_string();
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
    if !rsa_verify(&ds_key, &sig_alg, &digest_alg, &signed, signer.signature.as_bytes())? {
        return Err("EF.SOD: the Document Signer's signature is wrong");
    }
    // The Document Signer's certificate, signed by an anchor.
    let tbs = ds.tbs_certificate.to_der().map_err(|_| "Document Signer certificate")?;
    let cert_sig_alg = ds.signature_algorithm.oid.to_string();
    let Some(sig) = ds.signature.as_bytes() else { return Err("Document Signer certificate signature") };
    let anchor = anchors
        .iter()
        .find(|(_, k)| rsa_verify(k, &cert_sig_alg, "2.16.840.1.101.3.4.2.1", &tbs, sig).unwrap_or(false))
        .map(|(a, _)| *a)
        .ok_or("no known CSCA issued the Document Signer")?;
    // Now the chain is trusted: the chip key must be the one it lists.
    let alg = lds.hash_algorithm.oid.to_string();
    let want = lds
        .hashes
        .iter()
        .find(|g| g.number.as_bytes() == [DG_CHIP_KEY])
        .map(|g| g.hash.as_bytes().to_vec());
    let got = hash(&alg, int_auth).ok_or("EF.SOD: hash algorithm not supported")?;
    Ok(if want == Some(got) { ChipKeyCheck::Verified(anchor) } else { ChipKeyCheck::Mismatch })
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
