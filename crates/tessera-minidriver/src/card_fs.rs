//! The read-only card the Base CSP and the KSP see, built in memory from one read of the card
//! (the core's overview): the minidriver file system (`cardid`, `cardcf`, `cardapps`,
//! `mscp/cmapfile`, `mscp/kxc00`) and the blobs the entry points hand out. Platform-independent,
//! so it is tested on Linux; the layouts are checked against `windows-sys`'s structures.

use sha2::{Digest, Sha256};
use tessera_core::card::{CardType, PinPolicy};
use tessera_core::service::CardOverview;

/// What the driver knows of the card in the reader: everything it answers without an APDU.
#[derive(Debug, Clone)]
pub struct CardModel {
    /// CPS, TS-CNS, CNS or CIE.
    pub card_type: CardType,
    /// The card number (16 digits on a CNS, 9 characters on a CIE).
    pub card_number: String,
    /// The authentication certificate, DER.
    pub certificate: Vec<u8>,
    /// The certificate key's modulus, big-endian.
    pub modulus: Vec<u8>,
    /// Its public exponent, big-endian.
    pub exponent: Vec<u8>,
    /// PIN lengths and tries.
    pub policy: PinPolicy,
}

/// A card the driver cannot offer: why, as the error table says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelError {
    /// No authentication certificate on the card.
    NoCertificate,
    /// A certificate whose key is not RSA, or unreadable.
    BadCertificate,
}

impl CardModel {
    /// The model of the card an overview describes.
    pub fn from_overview(o: &CardOverview) -> Result<Self, ModelError> {
        use rsa::traits::PublicKeyParts;
        let der = o.certificate_der.clone().ok_or(ModelError::NoCertificate)?;
        let key = tessera_core::cert::rsa_public_key(&der).map_err(|_| ModelError::BadCertificate)?;
        Ok(Self {
            card_type: o.card_type,
            card_number: o.card_number.clone().unwrap_or_default(),
            certificate: der,
            modulus: key.n().to_bytes_be(),
            exponent: key.e().to_bytes_be(),
            policy: o.card_type.policy(),
        })
    }

    /// The key size in bits.
    pub fn key_bits(&self) -> u32 {
        let lead = self.modulus.iter().position(|&b| b != 0).unwrap_or(self.modulus.len());
        let bytes = &self.modulus[lead..];
        bytes.first().map_or(0, |&b| (bytes.len() as u32 - 1) * 8 + (8 - b.leading_zeros()))
    }

    /// The key length in bytes (the signature's length).
    pub fn key_len(&self) -> usize {
        self.key_bits().div_ceil(8) as usize
    }

    fn digest(&self, what: &str) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(b"tessera minidriver ");
        h.update(what.as_bytes());
        h.update(self.card_type.name().as_bytes());
        h.update(self.card_number.as_bytes());
        h.update(&self.certificate);
        h.finalize().into()
    }

    /// `cardid`: a stable GUID for this card (from its type, number and certificate), with the
    /// RFC 4122 version-4 and variant bits, as a GUID's 16 bytes.
    pub fn guid(&self) -> [u8; 16] {
        let d = self.digest("card id");
        let mut g = [0u8; 16];
        g.copy_from_slice(&d[..16]);
        g[6] = (g[6] & 0x0F) | 0x40;
        g[8] = (g[8] & 0x3F) | 0x80;
        g
    }

    /// The container's name: the GUID in its text form, `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`.
    pub fn container_name(&self) -> String {
        let g = self.guid();
        // A GUID's first three fields are little-endian in its byte form.
        let d1 = u32::from_le_bytes([g[0], g[1], g[2], g[3]]);
        let d2 = u16::from_le_bytes([g[4], g[5]]);
        let d3 = u16::from_le_bytes([g[6], g[7]]);
        let tail: String = g[10..].iter().map(|b| format!("{b:02X}")).collect();
        format!("{{{d1:08X}-{d2:04X}-{d3:04X}-{:02X}{:02X}-{tail}}}", g[8], g[9])
    }

    /// `cardcf`: CARD_CACHE_FILE_FORMAT (version, PIN freshness, containers freshness, files
    /// freshness). Never written on a read-only card; its counters differ from card to card, so
    /// a cache of another card's files is never taken for this one's.
    pub fn cardcf(&self) -> [u8; 6] {
        let d = self.digest("cache freshness");
        [0, d[0], d[1], d[2], d[3], d[4]]
    }

    /// `mscp/cmapfile`: one CONTAINER_MAP_RECORD, valid and default, with the key as a
    /// key-exchange key (the CNS authentication key signs and unwraps; Windows' smart-card
    /// logon and TLS use AT_KEYEXCHANGE containers).
    pub fn cmapfile(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(CMAP_RECORD_LEN);
        let name: Vec<u16> = self.container_name().encode_utf16().collect();
        for i in 0..40 {
            out.extend_from_slice(&name.get(i).copied().unwrap_or(0).to_le_bytes());
        }
        out.push(CONTAINER_MAP_VALID_CONTAINER | CONTAINER_MAP_DEFAULT_CONTAINER);
        out.push(0);
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&(self.key_bits() as u16).to_le_bytes());
        out
    }

    /// The file at `dir`/`name` (`dir` `None`: the root), if there is one.
    pub fn file(&self, dir: Option<&str>, name: &str) -> Option<Vec<u8>> {
        match (dir, name) {
            (None, "cardid") => Some(self.guid().to_vec()),
            (None, "cardcf") => Some(self.cardcf().to_vec()),
            (None, "cardapps") => Some(b"mscp\0\0\0\0".to_vec()),
            (Some("mscp"), "cmapfile") => Some(self.cmapfile()),
            (Some("mscp"), "kxc00") => Some(self.certificate.clone()),
            _ => None,
        }
    }

    /// The files of `dir` (`None`: the root), or `None` for a directory that does not exist.
    pub fn list(&self, dir: Option<&str>) -> Option<&'static [&'static str]> {
        match dir {
            None => Some(&["cardid", "cardcf", "cardapps"]),
            Some("mscp") => Some(&["cmapfile", "kxc00"]),
            Some(_) => None,
        }
    }

    /// The public key as a CAPI PUBLICKEYBLOB (BLOBHEADER, RSAPUBKEY, the modulus
    /// little-endian), for CONTAINER_INFO.
    pub fn public_key_blob(&self) -> Vec<u8> {
        let bits = self.key_bits();
        let mut e = [0u8; 4];
        let exp = &self.exponent[self.exponent.len().saturating_sub(4)..];
        e[4 - exp.len()..].copy_from_slice(exp);
        let mut out = vec![PUBLICKEYBLOB, CUR_BLOB_VERSION, 0, 0];
        out.extend_from_slice(&CALG_RSA_KEYX.to_le_bytes());
        out.extend_from_slice(&RSA1.to_le_bytes());
        out.extend_from_slice(&bits.to_le_bytes());
        out.extend_from_slice(&u32::from_be_bytes(e).to_le_bytes());
        let len = bits.div_ceil(8) as usize;
        let lead = self.modulus.len().saturating_sub(len);
        let mut n: Vec<u8> = self.modulus[lead..].to_vec();
        n.reverse();
        n.resize(len, 0);
        out.extend_from_slice(&n);
        out
    }
}

/// `sizeof(CONTAINER_MAP_RECORD)`: 40 UTF-16 units, two bytes, two key sizes.
pub const CMAP_RECORD_LEN: usize = 86;
const CONTAINER_MAP_VALID_CONTAINER: u8 = 1;
const CONTAINER_MAP_DEFAULT_CONTAINER: u8 = 2;
const PUBLICKEYBLOB: u8 = 6;
const CUR_BLOB_VERSION: u8 = 2;
const CALG_RSA_KEYX: u32 = 0xA400;
/// "RSA1".
const RSA1: u32 = 0x3141_5352;

#[cfg(test)]
mod tests {
    use super::*;
    use windows_sys::Win32::Security::Cryptography as wc;

    fn model() -> CardModel {
        let modulus: Vec<u8> = std::iter::once(0xC1).chain((1..256).map(|i| i as u8)).collect();
        CardModel {
            card_type: CardType::Cps,
            card_number: "6022000000123456".into(),
            certificate: vec![0x30, 0x03, 0x02, 0x01, 0x01],
            modulus,
            exponent: vec![0x01, 0x00, 0x01],
            policy: PinPolicy::CNS,
        }
    }

    #[test]
    fn the_layouts_are_the_api_structures() {
        assert_eq!(std::mem::size_of::<wc::CONTAINER_MAP_RECORD>(), CMAP_RECORD_LEN);
        assert_eq!(std::mem::size_of::<wc::CARD_CACHE_FILE_FORMAT>(), 6);
        assert_eq!(u32::from(CONTAINER_MAP_VALID_CONTAINER), wc::CONTAINER_MAP_VALID_CONTAINER);
        assert_eq!(u32::from(CONTAINER_MAP_DEFAULT_CONTAINER), wc::CONTAINER_MAP_DEFAULT_CONTAINER);
        assert_eq!(CALG_RSA_KEYX, wc::CALG_RSA_KEYX);
        assert_eq!(u32::from(PUBLICKEYBLOB), wc::PUBLICKEYBLOB);
        let m = model();
        let cmap = m.cmapfile();
        assert_eq!(cmap.len(), CMAP_RECORD_LEN);
        let name: String = char::decode_utf16(cmap[..80].chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).take_while(|&u| u != 0))
            .map(|c| c.expect("utf-16"))
            .collect();
        assert_eq!(name, m.container_name());
        assert_eq!(name.len(), 38);
        assert_eq!(u16::from_le_bytes([cmap[84], cmap[85]]), 2048, "key-exchange key size");
    }

    #[test]
    fn ids_are_stable_and_differ_between_cards() {
        let a = model();
        let mut b = model();
        b.card_number = "6022000000654321".into();
        assert_eq!(a.guid(), model().guid());
        assert_ne!(a.guid(), b.guid());
        assert_ne!(a.cardcf(), b.cardcf());
        assert_eq!(a.guid()[6] >> 4, 4, "version 4");
        assert_eq!(a.file(None, "cardapps").as_deref(), Some(&b"mscp\0\0\0\0"[..]));
        assert_eq!(a.file(Some("mscp"), "kxc00"), Some(a.certificate.clone()));
        assert_eq!(a.file(Some("mscp"), "ksc00"), None);
        assert_eq!(a.list(Some("nope")), None);
    }

    #[test]
    fn the_public_key_blob_is_little_endian_with_its_header() {
        let m = model();
        let blob = m.public_key_blob();
        assert_eq!(blob.len(), 8 + 12 + 256);
        assert_eq!(&blob[..4], &[6, 2, 0, 0]);
        assert_eq!(&blob[8..12], b"RSA1");
        assert_eq!(u32::from_le_bytes([blob[12], blob[13], blob[14], blob[15]]), 2048);
        assert_eq!(u32::from_le_bytes([blob[16], blob[17], blob[18], blob[19]]), 65537);
        assert_eq!(blob[20], 0xFF, "least significant byte first");
        assert_eq!(*blob.last().expect("last"), 0xC1);
        assert_eq!(m.key_len(), 256);
    }
}
