//! The signing mechanisms the module offers, as one table: which hash a mechanism applies on the
//! host, whether it pads PKCS#1 v1.5 or PSS, and which cards can do it. A CNS card does raw RSA,
//! so both paddings are built on the host; a CIE pads PKCS#1 v1.5 itself and cannot make PSS
//! signatures (CIE spec §6).

use cryptoki_sys::*;
use rsa::pkcs1v15::Pkcs1v15Sign;
use sha2::digest::DynDigest;

/// How the card's input is made from what the application passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Padding {
    /// PKCS#1 v1.5: the card signs a DigestInfo.
    Pkcs1,
    /// EMSA-PSS encoded on the host (raw RSA on the card): CNS only.
    Pss,
}

/// One mechanism.
#[derive(Debug, Clone, Copy)]
pub struct Mechanism {
    /// Its PKCS#11 type.
    pub ty: CK_MECHANISM_TYPE,
    /// The hash the module applies to the data (`CKM_SHA*`), or `None` when the application
    /// passes a DigestInfo (CKM_RSA_PKCS) or a hash (CKM_RSA_PKCS_PSS) itself.
    pub hash: Option<CK_MECHANISM_TYPE>,
    /// The padding.
    pub padding: Padding,
}

const fn m(ty: CK_MECHANISM_TYPE, hash: Option<CK_MECHANISM_TYPE>, padding: Padding) -> Mechanism {
    Mechanism { ty, hash, padding }
}

/// Every mechanism, in the order C_GetMechanismList lists them.
pub const ALL: [Mechanism; 9] = [
    m(CKM_RSA_PKCS, None, Padding::Pkcs1),
    m(CKM_SHA1_RSA_PKCS, Some(CKM_SHA_1), Padding::Pkcs1),
    m(CKM_SHA256_RSA_PKCS, Some(CKM_SHA256), Padding::Pkcs1),
    m(CKM_SHA384_RSA_PKCS, Some(CKM_SHA384), Padding::Pkcs1),
    m(CKM_SHA512_RSA_PKCS, Some(CKM_SHA512), Padding::Pkcs1),
    m(CKM_RSA_PKCS_PSS, None, Padding::Pss),
    m(CKM_SHA256_RSA_PKCS_PSS, Some(CKM_SHA256), Padding::Pss),
    m(CKM_SHA384_RSA_PKCS_PSS, Some(CKM_SHA384), Padding::Pss),
    m(CKM_SHA512_RSA_PKCS_PSS, Some(CKM_SHA512), Padding::Pss),
];

/// The mechanism of this type, if the module knows it.
pub fn find(ty: CK_MECHANISM_TYPE) -> Option<Mechanism> {
    ALL.iter().copied().find(|x| x.ty == ty)
}

/// The mechanisms of a card whose modulus is `key_len` bytes: all of them with raw RSA (CNS),
/// PKCS#1 v1.5 only without (CIE). A hash-and-sign PSS mechanism whose hash and a salt of the
/// same length (what TLS 1.3 asks) do not fit the key is left out (SHA-512 on RSA-1024).
pub fn for_card(raw_rsa: bool, key_len: usize) -> Vec<CK_MECHANISM_TYPE> {
    let fits = |x: &Mechanism| x.hash.and_then(pss_hash).is_none_or(|(hlen, _)| 2 * hlen + 2 <= key_len);
    ALL.iter().filter(|x| x.padding == Padding::Pkcs1 || (raw_rsa && fits(x))).map(|x| x.ty).collect()
}

/// A running hash of the named `CKM_SHA*`.
pub fn hasher(hash: CK_MECHANISM_TYPE) -> Option<Box<dyn DynDigest + Send>> {
    Some(match hash {
        CKM_SHA_1 => Box::new(sha1::Sha1::default()),
        CKM_SHA256 => Box::new(sha2::Sha256::default()),
        CKM_SHA384 => Box::new(sha2::Sha384::default()),
        CKM_SHA512 => Box::new(sha2::Sha512::default()),
        _ => return None,
    })
}

/// The DER prefix of a DigestInfo for the named hash (RFC 8017 §9.2 note 1), from RustCrypto.
pub fn digest_info_prefix(hash: CK_MECHANISM_TYPE) -> Option<Box<[u8]>> {
    Some(match hash {
        CKM_SHA_1 => Pkcs1v15Sign::new::<sha1::Sha1>().prefix,
        CKM_SHA256 => Pkcs1v15Sign::new::<sha2::Sha256>().prefix,
        CKM_SHA384 => Pkcs1v15Sign::new::<sha2::Sha384>().prefix,
        CKM_SHA512 => Pkcs1v15Sign::new::<sha2::Sha512>().prefix,
        _ => return None,
    })
}

/// The hash's output length and its MGF1 function (PSS parameters must name the same hash).
pub fn pss_hash(hash: CK_MECHANISM_TYPE) -> Option<(usize, CK_RSA_PKCS_MGF_TYPE)> {
    Some(match hash {
        CKM_SHA256 => (32, CKG_MGF1_SHA256),
        CKM_SHA384 => (48, CKG_MGF1_SHA384),
        CKM_SHA512 => (64, CKG_MGF1_SHA512),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cie_gets_the_pkcs1_mechanisms_only() {
        let cie = for_card(false, 256);
        assert_eq!(cie, vec![CKM_RSA_PKCS, CKM_SHA1_RSA_PKCS, CKM_SHA256_RSA_PKCS, CKM_SHA384_RSA_PKCS, CKM_SHA512_RSA_PKCS]);
        assert_eq!(for_card(true, 256).len(), ALL.len());
        // RSA-1024 (TS-CNS): SHA-512 and a 64-byte salt need 130 bytes.
        let ts_cns = for_card(true, 128);
        assert!(ts_cns.contains(&CKM_SHA384_RSA_PKCS_PSS) && !ts_cns.contains(&CKM_SHA512_RSA_PKCS_PSS));
    }

    #[test]
    fn every_hash_has_its_hasher_and_prefix() {
        for x in ALL {
            if let Some(h) = x.hash {
                let mut d = hasher(h).expect("hasher");
                d.update(b"abc");
                let out = d.finalize_reset();
                // The prefix ends with the OCTET STRING header of the hash: 04 <hash length>.
                let prefix = digest_info_prefix(h).expect("prefix");
                assert_eq!(&prefix[prefix.len() - 2..], &[0x04, out.len() as u8]);
                if x.padding == Padding::Pss {
                    assert_eq!(pss_hash(h).expect("PSS hash").0, out.len());
                }
            }
        }
        // SHA-256's DigestInfo prefix, RFC 8017 §9.2 note 1.
        assert_eq!(&*digest_info_prefix(CKM_SHA256).expect("prefix"), &[0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]);
    }
}
