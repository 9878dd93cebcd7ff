//! The simulated cards' keys (committed test keys, see assets/sim/README.md) and certificates,
//! issued at run time by a test CA so that validity can be relative to today.

use base64ct::Encoding;
use der::Encode;
use der::asn1::{Any, PrintableStringRef, SetOfVec, Utf8StringRef};
use rsa::RsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey};
use sha1::{Digest, Sha1};
use std::str::FromStr;
use std::time::{Duration, SystemTime};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::der::oid::ObjectIdentifier;
use x509_cert::ext::pkix::ExtendedKeyUsage;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::{Time, Validity};

const CA_KEY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/test-ca.key.pem"));
const CARD_KEY_2048: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/card-2048.key.pem"));
const CARD_KEY_1024: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/card-1024.key.pem"));
const CIE_CHIP_KEY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-chip.key.pem"));
const CIE_SERVICES_KEY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-services.key.pem"));
const CIE_DH: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-dh.hex"));

/// The simulated CIE's chip key (0x82) and services key (0x83).
pub fn cie_keys() -> (RsaPrivateKey, RsaPrivateKey) {
    (committed(CIE_CHIP_KEY), committed(CIE_SERVICES_KEY))
}

const CIE_DAPP_CA_KEY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-ca.key.pem"));

/// The public key (n, e) of the simulated CIE's device-authentication CA (key 0x84), which the
/// card serves by GET DATA and verifies terminal certificates with.
pub fn cie_dapp_ca_public() -> (Vec<u8>, Vec<u8>) {
    use rsa::traits::PublicKeyParts;
    let k = committed(CIE_DAPP_CA_KEY);
    (k.n().to_bytes_be(), k.e().to_bytes_be())
}

/// ANSI X9.42 DomainParameters, as the simulated CIE's EF.DH (D004) holds its group. The real
/// file's format is not known (CIE spec §2.1: only hashed, for EF.SOD); one TLV is what matters.
#[derive(der::Sequence)]
struct DhDomain {
    p: der::asn1::Uint,
    g: der::asn1::Uint,
    q: der::asn1::Uint,
}

/// The simulated CIE's EF.DH: its group as one DER TLV.
pub fn cie_dh_file(p: &[u8], g: &[u8], q: &[u8]) -> Vec<u8> {
    #[allow(clippy::expect_used)]
    let uint = |v: &[u8]| der::asn1::Uint::new(v).expect("group value");
    #[allow(clippy::expect_used)]
    DhDomain { p: uint(p), g: uint(g), q: uint(q) }.to_der().expect("EF.DH encodes")
}

/// The simulated CIE's DH group (p, q, g), from `assets/sim/cie-dh.hex`.
pub fn cie_dh_group() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let field = |name: &str| -> Vec<u8> {
        let line = CIE_DH.lines().find(|l| l.starts_with(name)).unwrap_or_default();
        let hex = line.trim_start_matches(name);
        (0..hex.len() / 2).filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()).collect()
    };
    (field("p="), field("q="), field("g="))
}

/// Loads a committed test key.
pub fn card_key(bits: u16) -> RsaPrivateKey {
    committed(if bits >= 2048 { CARD_KEY_2048 } else { CARD_KEY_1024 })
}

fn ca_key() -> RsaPrivateKey {
    committed(CA_KEY)
}

fn oid(s: &str) -> ObjectIdentifier {
    ObjectIdentifier::new_unwrap(s)
}

fn rdn(o: &str, value: &str, printable: bool) -> Result<RelativeDistinguishedName, der::Error> {
    let value = if printable {
        Any::encode_from(&PrintableStringRef::new(value)?)?
    } else {
        Any::encode_from(&Utf8StringRef::new(value)?)?
    };
    let atv = AttributeTypeAndValue { oid: oid(o), value };
    Ok(RelativeDistinguishedName(SetOfVec::try_from(vec![atv])?))
}

/// The simulated CA's name.
pub fn ca_name() -> Name {
    #[allow(clippy::expect_used)]
    Name::from_str("CN=Tessera Simulated CNS CA - NOT A REAL CA,O=Tessera test,C=IT").expect("static name")
}

/// What goes into a simulated card's certificate.
pub struct CertSpec<'a> {
    /// Given name.
    pub given_name: &'a str,
    /// Surname.
    pub surname: &'a str,
    /// Codice fiscale.
    pub codice_fiscale: &'a str,
    /// Card number (EF_IDCarta).
    pub card_number: &'a str,
    /// EF_DatiPersonali content (hashed into the CN, as CNS certificates do).
    pub personal_data: &'a [u8],
    /// Start of validity.
    pub not_before: SystemTime,
    /// End of validity.
    pub not_after: SystemTime,
    /// Serial number.
    pub serial: u32,
    /// A CIE certificate (national-ID style subject) rather than a CNS one.
    pub cie: bool,
}

/// Issues a CNS-style authentication certificate for `key`, signed by the test CA.
pub fn issue_certificate(key: &RsaPrivateKey, spec: &CertSpec<'_>) -> Result<Vec<u8>, String> {
    let e = |x: &dyn std::fmt::Display| x.to_string();
    // CNS auth-cert CN: <codice fiscale>/<card number>.<base64(SHA-1(EF_DatiPersonali))>.
    let (cn, org, unit) = if spec.cie {
        (format!("{} {}", spec.given_name, spec.surname), "Tessera Simulated CIE", "Carta d'Identita Elettronica (simulata)")
    } else {
        (
            format!("{}/{}.{}", spec.codice_fiscale, spec.card_number, base64ct::Base64::encode_string(&Sha1::digest(spec.personal_data))),
            "Tessera Simulated CNS",
            "Carta Nazionale dei Servizi (simulata)",
        )
    };
    let subject = RdnSequence(vec![
        rdn("2.5.4.6", "IT", true).map_err(|x| e(&x))?,
        rdn("2.5.4.10", org, false).map_err(|x| e(&x))?,
        rdn("2.5.4.11", unit, false).map_err(|x| e(&x))?,
        rdn("2.5.4.4", spec.surname, false).map_err(|x| e(&x))?,
        rdn("2.5.4.42", spec.given_name, false).map_err(|x| e(&x))?,
        rdn("2.5.4.5", &format!("TINIT-{}", spec.codice_fiscale), true).map_err(|x| e(&x))?,
        rdn("2.5.4.3", &cn, false).map_err(|x| e(&x))?,
    ]);
    let spki_der = key.to_public_key().to_public_key_der().map_err(|x| e(&x))?;
    let spki = <SubjectPublicKeyInfoOwned as der::Decode>::from_der(spki_der.as_bytes()).map_err(|x| e(&x))?;
    let validity = Validity {
        not_before: Time::try_from(spec.not_before).map_err(|x| e(&x))?,
        not_after: Time::try_from(spec.not_after).map_err(|x| e(&x))?,
    };
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(ca_key());
    let mut builder = CertificateBuilder::new(
        Profile::Leaf { issuer: ca_name(), enable_key_agreement: false, enable_key_encipherment: true },
        SerialNumber::from(spec.serial),
        validity,
        subject,
        spki,
        &signer,
    )
    .map_err(|x| e(&x))?;
    builder
        .add_extension(&ExtendedKeyUsage(vec![oid("1.3.6.1.5.5.7.3.2"), oid("1.3.6.1.5.5.7.3.4")]))
        .map_err(|x| e(&x))?;
    let cert = builder.build::<rsa::pkcs1v15::Signature>().map_err(|x| e(&x))?;
    cert.to_der().map_err(|x| e(&x))
}

/// The test CA's own (self-signed) certificate, DER: what a TLS server trusts to accept the
/// simulated cards' certificates. A new one (same key and name) at every call.
pub fn ca_certificate() -> Result<Vec<u8>, String> {
    let e = |x: &dyn std::fmt::Display| x.to_string();
    let key = ca_key();
    let spki_der = key.to_public_key().to_public_key_der().map_err(|x| e(&x))?;
    let spki = <SubjectPublicKeyInfoOwned as der::Decode>::from_der(spki_der.as_bytes()).map_err(|x| e(&x))?;
    let validity = Validity {
        not_before: Time::try_from(days_from_now(-1)).map_err(|x| e(&x))?,
        not_after: Time::try_from(days_from_now(20 * 365)).map_err(|x| e(&x))?,
    };
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key);
    let builder = CertificateBuilder::new(Profile::Root, SerialNumber::from(1u32), validity, ca_name(), spki, &signer)
        .map_err(|x| e(&x))?;
    let cert = builder.build::<rsa::pkcs1v15::Signature>().map_err(|x| e(&x))?;
    cert.to_der().map_err(|x| e(&x))
}

/// `now` ± days.
pub fn days_from_now(days: i64) -> SystemTime {
    let now = SystemTime::now();
    let d = Duration::from_secs(days.unsigned_abs() * 86_400);
    if days >= 0 { now + d } else { now - d }
}

const CIE_CSCA_KEY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-csca.key.pem"));
const CIE_DS_KEY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-ds.key.pem"));

/// A committed test key (assets/sim).
fn committed(pem: &str) -> RsaPrivateKey {
    #[allow(clippy::expect_used)]
    RsaPrivateKey::from_pkcs8_pem(pem).expect("committed test key parses")
}

/// One entry of the LDSSecurityObject: `DataGroupHash ::= SEQUENCE { dataGroupNumber INTEGER,
/// dataGroupHashValue OCTET STRING }`. The CIE's group numbers are one content byte each
/// (`02 01 A4`), which DER reads as a negative number: kept as the raw INTEGER content.
#[derive(der::Sequence)]
struct GroupHash {
    number: der::asn1::Int,
    hash: der::asn1::OctetString,
}

/// `LDSSecurityObject ::= SEQUENCE { version INTEGER, hashAlgorithm AlgorithmIdentifier,
/// dataGroupHashValues SEQUENCE OF DataGroupHash }` (ICAO 9303-10).
#[derive(der::Sequence)]
struct LdsObject {
    version: der::asn1::Int,
    hash_algorithm: x509_cert::spki::AlgorithmIdentifierOwned,
    hashes: Vec<GroupHash>,
}

/// The ICAO LDS application tag of EF.SOD: `77` (application 23, constructed), which wraps the
/// CMS ContentInfo on real documents (CIE spec §2.1, §2.3).
const LDS_SOD_TAG: der::Tag = der::Tag::Application { constructed: true, number: der::TagNumber::N23 };

/// The simulated CIE's EF.SOD, as real cards frame it: `77 L ContentInfo`, where the ContentInfo
/// is a CMS SignedData (RFC 5652) whose LDSSecurityObject (content type 2.23.136.1.1.1) holds the
/// SHA-256 hash of each data group `(number, content)`, signed by the test Document Signer, whose
/// certificate (in the SignedData) the test CSCA issued.
pub fn cie_sod(groups: &[(u8, &[u8])]) -> Result<Vec<u8>, String> {
    let content_info = cie_sod_content_info(groups)?;
    let e = |x: &dyn std::fmt::Display| x.to_string();
    let len = der::Length::try_from(content_info.len()).map_err(|x| e(&x))?;
    let mut out = der::Header::new(LDS_SOD_TAG, len).map_err(|x| e(&x))?.to_der().map_err(|x| e(&x))?;
    out.extend_from_slice(&content_info);
    Ok(out)
}

/// The CMS ContentInfo inside [`cie_sod`].
fn cie_sod_content_info(groups: &[(u8, &[u8])]) -> Result<Vec<u8>, String> {
    use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
    use cms::content_info::ContentInfo;
    use cms::signed_data::{CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos};
    use der::asn1::{Int, OctetString};
    use rsa::signature::{SignatureEncoding, Signer};
    use x509_cert::spki::AlgorithmIdentifierOwned;
    let e = |x: &dyn std::fmt::Display| x.to_string();
    let sha256 = || AlgorithmIdentifierOwned { oid: oid("2.16.840.1.101.3.4.2.1"), parameters: None };
    let mut hashes = Vec::new();
    for (n, content) in groups {
        hashes.push(GroupHash {
            number: Int::new(&[*n]).map_err(|x| e(&x))?,
            hash: OctetString::new(sha2::Sha256::digest(content).to_vec()).map_err(|x| e(&x))?,
        });
    }
    let lds = LdsObject { version: Int::new(&[0]).map_err(|x| e(&x))?, hash_algorithm: sha256(), hashes }.to_der().map_err(|x| e(&x))?;

    let ds_key = committed(CIE_DS_KEY);
    let csca_key = committed(CIE_CSCA_KEY);
    let csca_name = Name::from_str("CN=Tessera Simulated CSCA - NOT A REAL CSCA,O=Tessera test,C=IT").map_err(|x| e(&x))?;
    let ds_name = Name::from_str("CN=Tessera Simulated Document Signer,O=Tessera test,C=IT").map_err(|x| e(&x))?;
    let spki_der = ds_key.to_public_key().to_public_key_der().map_err(|x| e(&x))?;
    let spki = <SubjectPublicKeyInfoOwned as der::Decode>::from_der(spki_der.as_bytes()).map_err(|x| e(&x))?;
    let validity = Validity { not_before: Time::try_from(days_from_now(-365)).map_err(|x| e(&x))?, not_after: Time::try_from(days_from_now(3650)).map_err(|x| e(&x))? };
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(csca_key);
    let serial = SerialNumber::from(0x0D5_u32);
    let ds_cert = CertificateBuilder::new(
        Profile::Leaf { issuer: csca_name.clone(), enable_key_agreement: false, enable_key_encipherment: false },
        serial.clone(),
        validity,
        ds_name,
        spki,
        &signer,
    )
    .map_err(|x| e(&x))?
    .build::<rsa::pkcs1v15::Signature>()
    .map_err(|x| e(&x))?;

    let attr = |o: &str, v: Any| -> Result<x509_cert::attr::Attribute, String> {
        Ok(x509_cert::attr::Attribute { oid: oid(o), values: SetOfVec::try_from(vec![v]).map_err(|x| e(&x))? })
    };
    let lds_type = oid("2.23.136.1.1.1");
    let signed_attrs = SetOfVec::try_from(vec![
        attr("1.2.840.113549.1.9.3", Any::encode_from(&lds_type).map_err(|x| e(&x))?)?,
        attr("1.2.840.113549.1.9.4", Any::encode_from(&OctetString::new(sha2::Sha256::digest(&lds).to_vec()).map_err(|x| e(&x))?).map_err(|x| e(&x))?)?,
    ])
    .map_err(|x| e(&x))?;
    let to_sign = signed_attrs.to_der().map_err(|x| e(&x))?;
    let signature = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(ds_key).sign(&to_sign).to_vec();
    let signer_info = SignerInfo {
        version: cms::content_info::CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber { issuer: csca_name, serial_number: serial }),
        digest_alg: sha256(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: AlgorithmIdentifierOwned { oid: oid("1.2.840.113549.1.1.11"), parameters: None },
        signature: OctetString::new(signature).map_err(|x| e(&x))?,
        unsigned_attrs: None,
    };
    let sd = SignedData {
        version: cms::content_info::CmsVersion::V3,
        digest_algorithms: SetOfVec::try_from(vec![sha256()]).map_err(|x| e(&x))?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: lds_type,
            econtent: Some(Any::encode_from(&OctetString::new(lds).map_err(|x| e(&x))?).map_err(|x| e(&x))?),
        },
        certificates: Some(CertificateSet(SetOfVec::try_from(vec![CertificateChoices::Certificate(ds_cert)]).map_err(|x| e(&x))?)),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer_info]).map_err(|x| e(&x))?),
    };
    let ci = ContentInfo { content_type: oid("1.2.840.113549.1.7.2"), content: Any::encode_from(&sd).map_err(|x| e(&x))? };
    ci.to_der().map_err(|x| e(&x))
}

/// A second chip key, for a forged simulated CIE (its EF.SOD no longer matches).
pub fn forged_chip_key() -> RsaPrivateKey {
    card_key(1024)
}
