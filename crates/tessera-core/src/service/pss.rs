//! EMSA-PSS encoding (RFC 8017 §9.1.1) for cards that do raw RSA, for token signing
//! ([`super::token::SignInput::Pss`]): the host encodes, the card exponentiates. RustCrypto's `rsa` crate (0.9 and 0.10) keeps its encoder crate-private, so
//! this is the RFC's algorithm over RustCrypto hashes; tests check every encoding with
//! RustCrypto's own PSS verifier.

use sha2::digest::{Digest, FixedOutputReset};

/// MGF1 (RFC 8017 §B.2.1) XORed into `out`.
fn mgf1_xor<D: Digest + FixedOutputReset>(seed: &[u8], out: &mut [u8]) {
    let mut counter: u32 = 0;
    let mut done = 0;
    let mut h = D::new();
    while done < out.len() {
        Digest::update(&mut h, seed);
        Digest::update(&mut h, counter.to_be_bytes());
        let block = h.finalize_reset();
        for (o, b) in out[done..].iter_mut().zip(block.iter()) {
            *o ^= b;
        }
        done += block.len();
        counter += 1;
    }
}

/// Why a PSS encoding is impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PssError {
    /// The hash has the wrong length for the chosen hash function.
    #[error("the hash has the wrong length")]
    HashLength,
    /// Hash and salt do not fit in the modulus.
    #[error("hash and salt do not fit in the key")]
    TooLong,
}

/// EM for a modulus of `mod_bits` bits (so `emBits = mod_bits - 1`), left-padded with zeros
/// to the modulus length in bytes: the block the card exponentiates. `m_hash` is the message
/// hash with `D`; MGF1 uses `D` too; `salt` is random, of the length the caller chose.
pub fn encode<D: Digest + FixedOutputReset>(m_hash: &[u8], salt: &[u8], mod_bits: usize) -> Result<Vec<u8>, PssError> {
    let h_len = <D as Digest>::output_size();
    if m_hash.len() != h_len {
        return Err(PssError::HashLength);
    }
    let em_bits = mod_bits - 1;
    let em_len = em_bits.div_ceil(8);
    if em_len < h_len + salt.len() + 2 {
        return Err(PssError::TooLong);
    }
    // H = Hash(00×8 ‖ mHash ‖ salt)
    let mut h = D::new();
    Digest::update(&mut h, [0u8; 8]);
    Digest::update(&mut h, m_hash);
    Digest::update(&mut h, salt);
    let h = h.finalize();
    // DB = PS ‖ 01 ‖ salt; maskedDB = DB xor MGF(H)
    let db_len = em_len - h_len - 1;
    let mut db = vec![0u8; db_len];
    db[db_len - salt.len() - 1] = 0x01;
    db[db_len - salt.len()..].copy_from_slice(salt);
    mgf1_xor::<D>(&h, &mut db);
    // Clear the leftmost 8·emLen − emBits bits.
    db[0] &= 0xFF >> (8 * em_len - em_bits);
    let k = mod_bits.div_ceil(8);
    let mut out = Vec::with_capacity(k);
    out.resize(k - em_len, 0);
    out.extend_from_slice(&db);
    out.extend_from_slice(&h);
    out.push(0xBC);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngCore;
    use rsa::pss::Pss;
    use rsa::traits::PublicKeyParts;
    use rsa::{BigUint, RsaPrivateKey};
    use sha2::{Sha256, Sha384, Sha512};

    fn raw_sign(key: &RsaPrivateKey, em: &[u8]) -> Vec<u8> {
        let m = BigUint::from_bytes_be(em);
        let s = rsa::hazmat::rsa_decrypt_and_check(key, Some(&mut rand::thread_rng()), &m).expect("raw RSA");
        let mut out = s.to_bytes_be();
        while out.len() < key.size() {
            out.insert(0, 0);
        }
        out
    }

    fn check<D: Digest + FixedOutputReset + sha2::digest::DynDigest + Clone + Send + Sync + 'static>(key: &RsaPrivateKey, salt_len: usize) {
        let mut msg = [0u8; 40];
        rand::thread_rng().fill_bytes(&mut msg);
        let hash = D::digest(msg);
        let mut salt = vec![0u8; salt_len];
        rand::thread_rng().fill_bytes(&mut salt);
        let em = encode::<D>(&hash, &salt, key.n().bits()).expect("encode");
        assert_eq!(em.len(), key.size());
        let sig = raw_sign(key, &em);
        key.to_public_key().verify(Pss::new_with_salt::<D>(salt_len), &hash, &sig).expect("RustCrypto verifies it");
    }

    #[test]
    fn rustcrypto_verifies_every_encoding() {
        // Odd and even bit lengths: emLen < k when modBits − 1 is a multiple of 8.
        for bits in [1024, 1025, 2048] {
            let key = RsaPrivateKey::new(&mut rand::thread_rng(), bits).expect("key");
            for _ in 0..3 {
                check::<Sha256>(&key, 32);
                check::<Sha384>(&key, 48);
                check::<Sha256>(&key, 0);
            }
            check::<Sha512>(&key, if bits >= 2048 { 64 } else { 20 });
        }
    }

    #[test]
    fn refuses_what_does_not_fit() {
        assert_eq!(encode::<Sha256>(&[0; 31], &[], 2048), Err(PssError::HashLength));
        assert_eq!(encode::<Sha512>(&[0; 64], &[0; 64], 1024), Err(PssError::TooLong));
    }
}
