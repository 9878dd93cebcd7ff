//! What a CIE's public data lets Tessera remember between processes, so that a browser's login
//! does not read the certificate and EF.SOD again under secure messaging at every start: the
//! certificate and a positive EF.SOD verdict, keyed by the chip key's hash (the key the chip
//! proves it holds in the device authentication) and checked against the card number read from
//! the card each time. Nothing secret: a certificate and a verdict about public data.
//!
//! Where the records live is the front-end's choice ([`install`]: the app and the module store
//! them in the user's cache folder); without a store nothing is remembered across processes.
//! A record that disagrees with the card (another card number, another set of trust anchors)
//! is not used, and is replaced after the card is read.

use super::sod::{Anchor, ChipKeyCheck};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// Where records are kept: a key (hex) to bytes. Errors are the store's business (a record that
/// cannot be written is simply not remembered).
pub trait Store: Send + Sync {
    /// The record saved under `key`, if any.
    fn load(&self, key: &str) -> Option<Vec<u8>>;
    /// Saves `bytes` under `key`, replacing what was there.
    fn save(&self, key: &str, bytes: &[u8]);
}

/// A store from two functions (the front-ends pass `tessera_files::cache`'s).
impl<L, S> Store for (L, S)
where
    L: Fn(&str) -> Option<Vec<u8>> + Send + Sync,
    S: Fn(&str, &[u8]) + Send + Sync,
{
    fn load(&self, key: &str) -> Option<Vec<u8>> {
        (self.0)(key)
    }
    fn save(&self, key: &str, bytes: &[u8]) {
        (self.1)(key, bytes)
    }
}

static STORE: OnceLock<Box<dyn Store>> = OnceLock::new();

/// Installs the process's store (the first one installed stays).
pub fn install(store: Box<dyn Store>) {
    let _ = STORE.set(store);
}

/// One card's record.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Record {
    /// The card number read from the card (EF.Serial): the record is used only for it.
    pub card_number: String,
    /// The authentication certificate, DER, hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// EF.SOD bound this chip key to a trust anchor: which one, and under which set of anchors
    /// (their hash: installing national certificates makes the check stricter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sod_verified: Option<(Anchor, String)>,
}

/// The store key of a chip key (EF.IntAuth's bytes).
fn key_of(int_auth: &[u8]) -> String {
    tessera_apdu::apdu::hex(&Sha256::digest(int_auth)).replace(' ', "").to_lowercase()
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    (0..s.len()).step_by(2).map(|i| s.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok())).collect()
}

fn hex_encode(b: &[u8]) -> String {
    tessera_apdu::apdu::hex(b).replace(' ', "").to_lowercase()
}

/// The record of this chip key for this card number, if one is stored.
pub fn load(int_auth: &[u8], card_number: &str) -> Option<Record> {
    let raw = STORE.get()?.load(&key_of(int_auth))?;
    let r: Record = serde_json::from_slice(&raw).ok()?;
    (r.card_number == card_number).then_some(r)
}

fn update(int_auth: &[u8], card_number: &str, f: impl FnOnce(&mut Record)) {
    let Some(store) = STORE.get() else { return };
    let mut r = load(int_auth, card_number).unwrap_or_else(|| Record { card_number: card_number.to_owned(), ..Record::default() });
    f(&mut r);
    if let Ok(bytes) = serde_json::to_vec_pretty(&r) {
        store.save(&key_of(int_auth), &bytes);
    }
}

/// The certificate remembered for this card, if any.
pub fn certificate(int_auth: &[u8], card_number: &str) -> Option<Vec<u8>> {
    load(int_auth, card_number)?.certificate.as_deref().and_then(hex_decode)
}

/// Remembers the certificate read from this card.
pub fn remember_certificate(int_auth: &[u8], card_number: &str, der: &[u8]) {
    update(int_auth, card_number, |r| r.certificate = Some(hex_encode(der)));
}

/// A positive EF.SOD verdict remembered for this card under these anchors, if any.
pub fn sod_verdict(int_auth: &[u8], card_number: &str, anchors_hash: &str) -> Option<ChipKeyCheck> {
    match load(int_auth, card_number)?.sod_verified {
        Some((anchor, h)) if h == anchors_hash => Some(ChipKeyCheck::Verified(anchor)),
        _ => None,
    }
}

/// Remembers a positive verdict (a negative one is never remembered: it is checked again).
pub fn remember_sod_verdict(int_auth: &[u8], card_number: &str, anchors_hash: &str, check: &ChipKeyCheck) {
    if let ChipKeyCheck::Verified(anchor) = check {
        update(int_auth, card_number, |r| r.sod_verified = Some((*anchor, anchors_hash.to_owned())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_back_and_keys_are_hex() {
        let r = Record { card_number: "CA12345XY".into(), certificate: Some("3082".into()), sod_verified: Some((Anchor::National, "ab".into())) };
        let back: Record = serde_json::from_slice(&serde_json::to_vec(&r).expect("json")).expect("parse");
        assert_eq!(back, r);
        let k = key_of(b"chip key");
        assert_eq!(k.len(), 64);
        assert!(k.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(hex_decode(&hex_encode(&[0, 1, 0xAB, 0xFF])), Some(vec![0, 1, 0xAB, 0xFF]));
        assert_eq!(hex_decode("zz"), None);
    }
}
