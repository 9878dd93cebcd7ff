//! Certificates: a summary for people (x509-cert), fingerprints, PEM/DER export.

use crate::der_bounded::decode as bounded;
use der::{Encode, EncodePem, pem::LineEnding};
use rsa::pkcs8::DecodePublicKey;
use rsa::traits::PublicKeyParts;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use std::time::{SystemTime, UNIX_EPOCH};
use x509_cert::Certificate;
use x509_cert::ext::pkix::{ExtendedKeyUsage, KeyUsage, KeyUsages};
use x509_cert::name::Name;

/// Why a certificate could not be read.
#[derive(Debug, thiserror::Error)]
// Exhaustive on purpose: every front-end maps every variant to a message.
pub enum CertError {
    /// Not a DER/PEM X.509 certificate.
    #[error("not a valid X.509 certificate: {0}")]
    Parse(#[from] der::Error),
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Base64 text with BEGIN/END CERTIFICATE lines.
    Pem,
    /// Binary DER.
    Der,
}

/// What people need to know about the authentication certificate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CertSummary {
    /// Holder's name (given name and surname, or the CN).
    pub holder: String,
    /// Codice fiscale found in the subject, if any.
    pub codice_fiscale: Option<String>,
    /// Full subject, RFC 4514 form.
    pub subject: String,
    /// Issuer's organisation or common name.
    pub issuer: String,
    /// Full issuer, RFC 4514 form.
    pub issuer_dn: String,
    /// Serial number, hex.
    pub serial: String,
    /// Start of validity, UTC, RFC 3339.
    pub not_before: String,
    /// End of validity, UTC, RFC 3339.
    pub not_after: String,
    /// End of validity, seconds since the Unix epoch.
    pub not_after_unix: u64,
    /// Calendar days (UTC) until the expiry date; negative once expired.
    pub days_left: i64,
    /// Key usage names.
    pub key_usage: Vec<String>,
    /// Extended key usage names (or OIDs).
    pub extended_key_usage: Vec<String>,
    /// Public key algorithm and size, e.g. "RSA 2048".
    pub public_key: String,
    /// SHA-256 fingerprint, colon-separated hex.
    pub sha256: String,
    /// SHA-1 fingerprint, colon-separated hex.
    pub sha1: String,
}

const OID_GIVEN_NAME: &str = "2.5.4.42";
const OID_SURNAME: &str = "2.5.4.4";
const OID_CN: &str = "2.5.4.3";
const OID_SERIAL_NUMBER: &str = "2.5.4.5";
const OID_O: &str = "2.5.4.10";

fn attr(name: &Name, oid: &str) -> Option<String> {
    name.0.iter().flat_map(|rdn| rdn.0.iter()).find(|atv| atv.oid.to_string() == oid).map(|atv| {
        crate::text::printable(String::from_utf8_lossy(atv.value.value()).trim())
    })
}

fn colon_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(":")
}

/// True for a well-formed 16-character codice fiscale (letters and digits; omocodia allowed).
pub fn looks_like_codice_fiscale(s: &str) -> bool {
    s.len() == 16 && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn find_codice_fiscale(subject: &Name) -> Option<String> {
    if let Some(sn) = attr(subject, OID_SERIAL_NUMBER) {
        let v = sn.trim_start_matches("TINIT-").trim_start_matches("IT:").to_owned();
        if looks_like_codice_fiscale(&v) {
            return Some(v);
        }
    }
    // CNS auth certificates: CN = <codice fiscale>/<card number>.<hash> (CNS spec §2.4).
    let cn = attr(subject, OID_CN)?;
    let first = cn.split('/').next()?.to_owned();
    looks_like_codice_fiscale(&first).then_some(first)
}

fn now_unix() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// Now, UTC, RFC 3339 (comparable as text with [`CertSummary`] dates).
pub fn now_rfc3339() -> String {
    der::DateTime::from_unix_duration(std::time::Duration::from_secs(now_unix())).map(|d| date_time_text(&d)).unwrap_or_default()
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
pub fn date_time_text(d: &der::DateTime) -> String {
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", d.year(), d.month(), d.day(), d.hour(), d.minutes(), d.seconds())
}

fn rfc3339(t: &x509_cert::time::Time) -> String {
    date_time_text(&t.to_date_time())
}

fn key_usage_names(ku: &KeyUsage) -> Vec<String> {
    let all = [
        (KeyUsages::DigitalSignature, "digitalSignature"),
        (KeyUsages::NonRepudiation, "nonRepudiation"),
        (KeyUsages::KeyEncipherment, "keyEncipherment"),
        (KeyUsages::DataEncipherment, "dataEncipherment"),
        (KeyUsages::KeyAgreement, "keyAgreement"),
        (KeyUsages::KeyCertSign, "keyCertSign"),
        (KeyUsages::CRLSign, "cRLSign"),
        (KeyUsages::EncipherOnly, "encipherOnly"),
        (KeyUsages::DecipherOnly, "decipherOnly"),
    ];
    all.iter().filter(|(f, _)| ku.0.contains(*f)).map(|(_, n)| (*n).to_owned()).collect()
}

fn eku_name(oid: &str) -> String {
    match oid {
        "1.3.6.1.5.5.7.3.1" => "serverAuth".into(),
        "1.3.6.1.5.5.7.3.2" => "clientAuth".into(),
        "1.3.6.1.5.5.7.3.4" => "emailProtection".into(),
        other => other.to_owned(),
    }
}

/// Days from today to the expiry date, counted in calendar days (UTC), so that every screen
/// and command shows the same number all day long; once the expiry instant has passed it is
/// negative even on the expiry day itself.
fn days_left(not_after_unix: u64, now: u64) -> i64 {
    let days = (not_after_unix / 86_400) as i64 - (now / 86_400) as i64;
    if now > not_after_unix { days.min(-1) } else { days }
}

/// Summarises a DER certificate, with days left counted from `now` (Unix seconds).
pub fn summarize_at(der: &[u8], now: u64) -> Result<CertSummary, CertError> {
    let cert = bounded::<Certificate>(der)?;
    let tbs = &cert.tbs_certificate;
    let holder = match (attr(&tbs.subject, OID_GIVEN_NAME), attr(&tbs.subject, OID_SURNAME)) {
        (Some(g), Some(s)) => format!("{g} {s}"),
        _ => attr(&tbs.subject, OID_CN).unwrap_or_default(),
    };
    let issuer = attr(&tbs.issuer, OID_O).or_else(|| attr(&tbs.issuer, OID_CN)).unwrap_or_default();
    let not_after_unix = tbs.validity.not_after.to_unix_duration().as_secs();
    let days_left = days_left(not_after_unix, now);
    let mut key_usage = Vec::new();
    let mut extended_key_usage = Vec::new();
    for ext in tbs.extensions.iter().flatten() {
        match ext.extn_id.to_string().as_str() {
            "2.5.29.15" => {
                if let Ok(ku) = bounded::<KeyUsage>(ext.extn_value.as_bytes()) {
                    key_usage = key_usage_names(&ku);
                }
            }
            "2.5.29.37" => {
                if let Ok(eku) = bounded::<ExtendedKeyUsage>(ext.extn_value.as_bytes()) {
                    extended_key_usage = eku.0.iter().map(|o| eku_name(&o.to_string())).collect();
                }
            }
            _ => {}
        }
    }
    let spki_der = tbs.subject_public_key_info.to_der()?;
    let public_key = match rsa::RsaPublicKey::from_public_key_der(&spki_der) {
        Ok(k) => format!("RSA {}", k.n().bits()),
        Err(_) => tbs.subject_public_key_info.algorithm.oid.to_string(),
    };
    Ok(CertSummary {
        holder,
        codice_fiscale: find_codice_fiscale(&tbs.subject),
        subject: crate::text::printable(&tbs.subject.to_string()),
        issuer,
        issuer_dn: crate::text::printable(&tbs.issuer.to_string()),
        serial: colon_hex(tbs.serial_number.as_bytes()),
        not_before: rfc3339(&tbs.validity.not_before),
        not_after: rfc3339(&tbs.validity.not_after),
        not_after_unix,
        days_left,
        key_usage,
        extended_key_usage,
        public_key,
        sha256: colon_hex(&Sha256::digest(der)),
        sha1: colon_hex(&Sha1::digest(der)),
    })
}

/// Summarises a DER certificate as of now.
pub fn summarize(der: &[u8]) -> Result<CertSummary, CertError> {
    summarize_at(der, now_unix())
}

/// The RSA public key of a DER certificate.
pub fn rsa_public_key(der: &[u8]) -> Result<rsa::RsaPublicKey, CertError> {
    let cert = bounded::<Certificate>(der)?;
    let spki = cert.tbs_certificate.subject_public_key_info.to_der()?;
    rsa::RsaPublicKey::from_public_key_der(&spki).map_err(|_| CertError::Parse(der::Tag::BitString.value_error()))
}

/// The DER encodings a PKCS#11 certificate object carries: subject Name, issuer Name, serial
/// number (as a DER INTEGER).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerParts {
    /// Subject Name, DER.
    pub subject: Vec<u8>,
    /// Issuer Name, DER.
    pub issuer: Vec<u8>,
    /// Serial number, DER INTEGER.
    pub serial: Vec<u8>,
}

/// Splits a DER certificate into the parts PKCS#11 objects carry.
pub fn der_parts(der: &[u8]) -> Result<DerParts, CertError> {
    let cert = bounded::<Certificate>(der)?;
    let tbs = &cert.tbs_certificate;
    Ok(DerParts { subject: tbs.subject.to_der()?, issuer: tbs.issuer.to_der()?, serial: tbs.serial_number.to_der()? })
}

/// Encodes the certificate for export.
pub fn export(der: &[u8], format: ExportFormat) -> Result<Vec<u8>, CertError> {
    let cert = bounded::<Certificate>(der)?;
    Ok(match format {
        ExportFormat::Der => cert.to_der()?,
        ExportFormat::Pem => cert.to_pem(LineEnding::LF)?.into_bytes(),
    })
}

/// Reads a certificate from PEM or DER bytes (returns DER).
pub fn import(bytes: &[u8]) -> Result<Vec<u8>, CertError> {
    let cert = match bounded::<Certificate>(bytes) {
        Ok(c) => c,
        Err(e) => {
            // PEM: the base64 is decoded first (into at most the input's size), then read as DER
            // like any other; `der`'s own PEM reader would trust the lengths inside.
            let (label, der) = der::pem::decode_vec(bytes).map_err(|_| e)?;
            if label != "CERTIFICATE" {
                return Err(e.into());
            }
            bounded::<Certificate>(&der)?
        }
    };
    Ok(cert.to_der()?)
}

#[cfg(test)]
mod tests {

    #[test]
    fn days_left_counts_calendar_days_and_is_negative_once_expired() {
        let day = 86_400;
        let expiry = 20_000 * day + 3_600; // 01:00 UTC on its day
        assert_eq!(days_left(expiry, 20_000 * day - 1), 1, "the evening before");
        assert_eq!(days_left(expiry, 19_999 * day), 1, "the whole day before: the same number");
        assert_eq!(days_left(expiry, 20_000 * day), 0, "the expiry day, before the hour");
        assert_eq!(days_left(expiry, expiry + 1), -1, "the expiry day, after the hour");
        assert_eq!(days_left(expiry, 20_002 * day), -2);
    }
    use super::*;

    #[test]
    fn codice_fiscale_shape() {
        assert!(looks_like_codice_fiscale("SMPMRA85C55L378A"));
        assert!(!looks_like_codice_fiscale("smpmra85c55l378a"));
        assert!(!looks_like_codice_fiscale("SMPMRA85C55L378"));
    }

    proptest::proptest! {
        #[test]
        fn summarize_never_panics(bytes in proptest::collection::vec(proptest::arbitrary::any::<u8>(), 0..600)) {
            let _ = summarize(&bytes);
            let _ = import(&bytes);
        }
    }
}
