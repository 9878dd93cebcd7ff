//! What CardSignData is asked, as the core's signing input: PKCS#1 v1.5 with the hash named by
//! `aiHashAlg` (CARD_SIGNING_INFO v1) or by BCRYPT_PKCS1_PADDING_INFO's algorithm (v2; none: the
//! caller passes the DigestInfo), or PSS with BCRYPT_PSS_PADDING_INFO (v2; the CNS only, with a
//! salt as long as the hash, as Chromium and OpenSC use it). Platform-independent and tested
//! here; the entry point only reads the structures.

use rsa::pkcs1v15::Pkcs1v15Sign;
use tessera_core::error_table::scard;
use tessera_core::service::token::PssHash;

/// A hash a caller can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    /// SHA-1 (TLS 1.0/1.1 certificates, old signers).
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Hash {
    /// From a CAPI `ALG_ID` (CALG_SHA1, CALG_SHA_256/384/512).
    pub fn from_alg_id(alg: u32) -> Option<Self> {
        match alg {
            0x8004 => Some(Hash::Sha1),
            0x800C => Some(Hash::Sha256),
            0x800D => Some(Hash::Sha384),
            0x800E => Some(Hash::Sha512),
            _ => None,
        }
    }

    /// From a CNG algorithm name (BCRYPT_SHA1_ALGORITHM = "SHA1", …).
    pub fn from_cng_name(name: &str) -> Option<Self> {
        match name {
            "SHA1" => Some(Hash::Sha1),
            "SHA256" => Some(Hash::Sha256),
            "SHA384" => Some(Hash::Sha384),
            "SHA512" => Some(Hash::Sha512),
            _ => None,
        }
    }

    /// The digest's length.
    pub fn len(self) -> usize {
        match self {
            Hash::Sha1 => 20,
            Hash::Sha256 => 32,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
        }
    }

    fn prefix(self) -> Vec<u8> {
        match self {
            Hash::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>().prefix.to_vec(),
            Hash::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>().prefix.to_vec(),
            Hash::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>().prefix.to_vec(),
            Hash::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>().prefix.to_vec(),
        }
    }

    fn pss(self) -> Option<PssHash> {
        match self {
            Hash::Sha1 => None,
            Hash::Sha256 => Some(PssHash::Sha256),
            Hash::Sha384 => Some(PssHash::Sha384),
            Hash::Sha512 => Some(PssHash::Sha512),
        }
    }
}

/// The padding a caller asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Padding {
    /// PKCS#1 v1.5; `None`: the data is the DigestInfo already.
    Pkcs1(Option<Hash>),
    /// PSS with this hash and salt length.
    Pss(Hash, usize),
    /// Anything else (no padding, OAEP…).
    Other,
}

/// The input for the core, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Sign this DigestInfo with PKCS#1 v1.5 padding.
    DigestInfo(Vec<u8>),
    /// PSS over this digest.
    Pss {
        /// The hash (also MGF1's).
        hash: PssHash,
        /// The digest.
        digest: Vec<u8>,
        /// The salt length.
        salt_len: usize,
    },
}

/// Checks a request against the card, before any APDU: the data's length for its hash, the
/// DigestInfo's room in the key, PSS only on a card that does raw RSA (the CNS) and only with a
/// salt as long as the hash. The errors are the SCARD codes CardSignData returns.
pub fn request(padding: &Padding, data: &[u8], key_len: usize, raw_rsa: bool) -> Result<Request, u32> {
    match padding {
        Padding::Pkcs1(hash) => {
            let di = match hash {
                None => data.to_vec(),
                Some(h) if data.len() == h.len() => [h.prefix(), data.to_vec()].concat(),
                Some(_) => return Err(scard::E_INVALID_PARAMETER),
            };
            if di.len() + 11 > key_len {
                return Err(scard::E_INVALID_PARAMETER);
            }
            Ok(Request::DigestInfo(di))
        }
        Padding::Pss(_, _) if !raw_rsa => Err(scard::E_UNSUPPORTED_FEATURE),
        Padding::Pss(h, salt) => {
            let Some(hash) = h.pss() else { return Err(scard::E_UNSUPPORTED_FEATURE) };
            if *salt != h.len() || data.len() != h.len() || h.len() + salt + 2 > key_len {
                return Err(scard::E_INVALID_PARAMETER);
            }
            Ok(Request::Pss { hash, digest: data.to_vec(), salt_len: *salt })
        }
        Padding::Other => Err(scard::E_UNSUPPORTED_FEATURE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use windows_sys::Win32::Security::Cryptography as wc;

    #[test]
    fn alg_ids_are_the_api_constants() {
        assert_eq!(Hash::from_alg_id(wc::CALG_SHA1), Some(Hash::Sha1));
        assert_eq!(Hash::from_alg_id(wc::CALG_SHA_256), Some(Hash::Sha256));
        assert_eq!(Hash::from_alg_id(wc::CALG_SHA_384), Some(Hash::Sha384));
        assert_eq!(Hash::from_alg_id(wc::CALG_SHA_512), Some(Hash::Sha512));
        assert_eq!(Hash::from_alg_id(wc::CALG_MD5), None);
    }

    #[test]
    fn requests_are_checked_before_the_card() {
        let d = [7u8; 32];
        let di = request(&Padding::Pkcs1(Some(Hash::Sha256)), &d, 256, false).expect("pkcs1");
        assert_eq!(di, Request::DigestInfo([Hash::Sha256.prefix(), d.to_vec()].concat()));
        assert_eq!(request(&Padding::Pkcs1(None), &[1; 51], 256, false), Ok(Request::DigestInfo(vec![1; 51])));
        assert_eq!(request(&Padding::Pkcs1(Some(Hash::Sha256)), &[0; 20], 256, false), Err(scard::E_INVALID_PARAMETER));
        // A CIE (no raw RSA) refuses PSS: nothing is sent.
        assert_eq!(request(&Padding::Pss(Hash::Sha256, 32), &d, 256, false), Err(scard::E_UNSUPPORTED_FEATURE));
        assert!(matches!(request(&Padding::Pss(Hash::Sha256, 32), &d, 256, true), Ok(Request::Pss { salt_len: 32, .. })));
        assert_eq!(request(&Padding::Pss(Hash::Sha256, 20), &d, 256, true), Err(scard::E_INVALID_PARAMETER));
        // SHA-512 PSS does not fit a 1024-bit key.
        assert_eq!(request(&Padding::Pss(Hash::Sha512, 64), &[0; 64], 128, true), Err(scard::E_INVALID_PARAMETER));
        assert_eq!(request(&Padding::Other, &d, 256, true), Err(scard::E_UNSUPPORTED_FEATURE));
    }
}
