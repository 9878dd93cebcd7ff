//! The simulated CIE's own cryptography (CIE spec §3–§4), written from the spec for the card side
//! and sharing no code with Tessera's client: a mistake made in one cannot be made in the other
//! unnoticed. Both are pinned to the same outside vectors (the spec's worked example, and vectors
//! computed with Python in `scripts/cie-vectors.py`). Primitives come from RustCrypto and the
//! `rsa` crate's raw operations; only the composition is written here.

use cbc::cipher::block_padding::NoPadding;
use cbc::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyIvInit};
use retail_mac::{KeyInit, Mac, RetailMac};
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Two-key 3DES session keys (K_ENC, K_MAC).
pub(crate) type Key16 = Zeroizing<[u8; 16]>;

/// ISO/IEC 9797-1 padding method 2, in place: `80`, then `00` up to a multiple of 8.
pub(crate) fn pad_m2(buf: &mut Vec<u8>) {
    buf.push(0x80);
    buf.resize(buf.len().div_ceil(8) * 8, 0x00);
}

/// Strips method-2 padding: trailing `00`s then one `80`; `None` when it is not there.
pub(crate) fn unpad_m2(buf: &[u8]) -> Option<&[u8]> {
    let mut end = buf.len();
    while end > 0 && buf[end - 1] == 0x00 {
        end -= 1;
    }
    (end > 0 && buf[end - 1] == 0x80).then(|| &buf[..end - 1])
}

/// 3DES-EDE2 CBC with a zero IV over `plain` after method-2 padding.
pub(crate) fn encrypt(k: &[u8; 16], plain: &[u8]) -> Vec<u8> {
    let mut buf = plain.to_vec();
    pad_m2(&mut buf);
    cbc::Encryptor::<des::TdesEde2>::new(k.into(), &[0u8; 8].into()).encrypt_padded_vec::<NoPadding>(&buf)
}

/// The inverse of [`encrypt`]; `None` for a length that is not whole blocks or bad padding.
pub(crate) fn decrypt(k: &[u8; 16], cipher: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    if cipher.is_empty() || !cipher.len().is_multiple_of(8) {
        return None;
    }
    let plain = Zeroizing::new(cbc::Decryptor::<des::TdesEde2>::new(k.into(), &[0u8; 8].into()).decrypt_padded_vec::<NoPadding>(cipher).ok()?);
    unpad_m2(&plain).map(|p| Zeroizing::new(p.to_vec()))
}

/// ISO/IEC 9797-1 MAC algorithm 3 (single DES CBC, 3DES on the last block) of `msg` after
/// method-2 padding.
pub(crate) fn mac(k: &[u8; 16], msg: &[u8]) -> [u8; 8] {
    let mut buf = msg.to_vec();
    pad_m2(&mut buf);
    mac_of_blocks(k, &buf)
}

/// MAC algorithm 3 over whole blocks, no padding added.
fn mac_of_blocks(k: &[u8; 16], blocks: &[u8]) -> [u8; 8] {
    #[allow(clippy::expect_used)]
    let mut m = <RetailMac<des::Des> as KeyInit>::new_from_slice(k).expect("16-byte key");
    m.update(blocks);
    let mut out = [0u8; 8];
    out.copy_from_slice(&m.finalize().into_bytes());
    out
}

/// `base^exp mod m` as exactly `len` big-endian bytes (the card always answers full-length
/// values; CIE spec §3.4).
pub(crate) fn modexp(base: &[u8], exp: &[u8], m: &[u8], len: usize) -> Vec<u8> {
    let r = BigUint::from_bytes_be(base).modpow(&BigUint::from_bytes_be(exp), &BigUint::from_bytes_be(m)).to_bytes_be();
    let mut out = vec![0u8; len.saturating_sub(r.len())];
    out.extend_from_slice(&r);
    out
}

/// Number of significant bytes (leading zeros not counted).
pub(crate) fn significant(v: &[u8]) -> usize {
    v.len() - v.iter().take_while(|&&b| b == 0).count()
}

/// K_ENC and K_MAC from the DH secret `z`: the first 16 bytes of SHA-256(z ‖ 00000001) and of
/// SHA-256(z ‖ 00000002) (CIE spec §3.4).
pub(crate) fn session_keys(z: &[u8]) -> (Key16, Key16) {
    let one = |counter: u32| {
        let digest = Sha256::new().chain_update(z).chain_update(counter.to_be_bytes()).finalize();
        let mut k = Zeroizing::new([0u8; 16]);
        k.copy_from_slice(&digest[..16]);
        k
    };
    (one(1), one(2))
}

/// SHA-256 over the pieces, in order.
pub(crate) fn sha256_of(pieces: &[&[u8]]) -> [u8; 32] {
    pieces.iter().fold(Sha256::new(), |h, p| h.chain_update(p)).finalize().into()
}

/// ISO/IEC 9796-2 scheme 1, SHA-256, implicit trailer, made with the private key (the chip's
/// answer to INTERNAL AUTHENTICATE): the block `6A ‖ recoverable ‖ SHA-256(recoverable ‖ rest) ‖
/// BC` raised to d. `recoverable` must fill the block (k − 34 bytes).
pub(crate) fn iso9796_sign(key: &RsaPrivateKey, recoverable: &[u8], rest: &[u8]) -> Option<Vec<u8>> {
    let k = key.size();
    if recoverable.len() + 34 != k {
        return None;
    }
    let mut block = Vec::with_capacity(k);
    block.push(0x6A);
    block.extend_from_slice(recoverable);
    block.extend_from_slice(&sha256_of(&[recoverable, rest]));
    block.push(0xBC);
    let s = rsa::hazmat::rsa_decrypt_and_check(key, None::<&mut rand::rngs::ThreadRng>, &BigUint::from_bytes_be(&block)).ok()?;
    let s = s.to_bytes_be();
    let mut out = vec![0u8; k - s.len()];
    out.extend_from_slice(&s);
    Some(out)
}

/// Opens an ISO/IEC 9796-2 scheme 1 signature with the public key (n, e): `(recoverable,
/// hash)` when the block has the `6A … BC` frame, `None` otherwise.
pub(crate) fn iso9796_open(n: &[u8], e: &[u8], sig: &[u8]) -> Option<(Vec<u8>, [u8; 32])> {
    let key = RsaPublicKey::new(BigUint::from_bytes_be(n), BigUint::from_bytes_be(e)).ok()?;
    let k = key.size();
    if sig.len() > k || k < 64 {
        return None;
    }
    let m = rsa::hazmat::rsa_encrypt(&key, &BigUint::from_bytes_be(sig)).ok()?.to_bytes_be();
    // The block starts with 6A, so it has no leading zero byte and is exactly k bytes long.
    if m.len() != k || m[0] != 0x6A || m[k - 1] != 0xBC {
        return None;
    }
    let mut hash = [0u8; 32];
    hash.copy_from_slice(&m[k - 33..k - 1]);
    Some((m[1..k - 33].to_vec(), hash))
}

/// The card's PKCS#1 v1.5 signature over data it is handed as is (MSE SET algorithm 02: the card
/// pads with type 01 and adds no DigestInfo; CIE spec §3.1, §6).
pub(crate) fn pkcs1_sign_raw(key: &RsaPrivateKey, data: &[u8]) -> Option<Vec<u8>> {
    key.sign(rsa::pkcs1v15::Pkcs1v15Sign::new_unprefixed(), data).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hex::unhex;

    #[test]
    fn session_keys_match_the_spec_example() {
        // CIE spec §4.1: Z = 00 01 … FF.
        let z: Vec<u8> = (0..=255u8).collect();
        let (enc, mac) = session_keys(&z);
        assert_eq!(enc.to_vec(), unhex("20D0CA4184B64CF791DA828CC135E354"));
        assert_eq!(mac.to_vec(), unhex("9B0BB985660ADF0B819D798B8A6D9071"));
    }

    #[test]
    fn mac_matches_iso_9797_1_annex_b() {
        // ISO/IEC 9797-1 annex B, MAC algorithm 3 over "Now is the time for all " (three whole
        // blocks, padding method 1 adds nothing).
        let k: [u8; 16] = unhex("0123456789ABCDEFFEDCBA9876543210").try_into().expect("16");
        assert_eq!(mac_of_blocks(&k, b"Now is the time for all ").to_vec(), unhex("A1C72E74EA3FA9B6"));
    }

    #[test]
    fn padding_and_cipher_round_trip() {
        let k = [9u8; 16];
        for n in [0usize, 1, 7, 8, 15, 16, 300] {
            let data: Vec<u8> = (0..n).map(|i| i as u8).collect();
            let c = encrypt(&k, &data);
            assert_eq!(c.len(), n / 8 * 8 + 8, "method 2 always adds a byte");
            assert_eq!(decrypt(&k, &c).expect("decrypts").to_vec(), data);
        }
        assert_eq!(unpad_m2(&[1, 2, 0x80, 0, 0]), Some(&[1u8, 2][..]));
        assert_eq!(unpad_m2(&[1, 2, 0, 0]), None);
    }
}
