//! The CIE's cryptographic building blocks (CIE spec §3–§4), composed from RustCrypto
//! primitives: 2-key 3DES-CBC with a zero IV, ISO/IEC 9797-1 padding method 2, the retail MAC
//! (ISO/IEC 9797-1 algorithm 3), SHA-256 key derivation, Diffie-Hellman and the ISO/IEC 9796-2
//! scheme 1 signatures of the device authentication. The client's own: the simulated card has
//! its own implementation (crates/tessera-sim), and both are pinned to the spec's worked example
//! and to vectors computed outside Rust (tests/fixtures/cie/vectors.txt).

use cbc::cipher::block_padding::{Iso7816, NoPadding};
use cbc::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyIvInit};
use retail_mac::{KeyInit, Mac, RetailMac};
use rsa::BigUint;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

type TdesCbcEnc = cbc::Encryptor<des::TdesEde2>;
type TdesCbcDec = cbc::Decryptor<des::TdesEde2>;

/// ISO/IEC 9797-1 padding method 2: `80` then `00`s up to a multiple of 8 (always ≥ 1 byte).
pub fn pad(data: &[u8]) -> Vec<u8> {
    let mut v = data.to_vec();
    v.push(0x80);
    while !v.len().is_multiple_of(8) {
        v.push(0);
    }
    v
}

/// 3DES-CBC encryption (IV 0) of `data` padded with method 2.
pub fn encrypt(k_enc: &[u8; 16], data: &[u8]) -> Vec<u8> {
    TdesCbcEnc::new(k_enc.into(), &[0u8; 8].into()).encrypt_padded_vec::<Iso7816>(data)
}

/// 3DES-CBC decryption (IV 0) and removal of method-2 padding; `None` if malformed.
pub fn decrypt(k_enc: &[u8; 16], data: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    if data.is_empty() || !data.len().is_multiple_of(8) {
        return None;
    }
    let plain = TdesCbcDec::new(k_enc.into(), &[0u8; 8].into()).decrypt_padded_vec::<NoPadding>(data).ok()?;
    let plain = Zeroizing::new(plain);
    let end = plain.iter().rposition(|&b| b != 0)?;
    (plain[end] == 0x80).then(|| Zeroizing::new(plain[..end].to_vec()))
}

/// Retail MAC (ISO/IEC 9797-1 alg. 3, IV 0) of `data`, which the caller has already padded.
pub fn retail_mac(k_mac: &[u8; 16], data: &[u8]) -> [u8; 8] {
    debug_assert_eq!(data.len() % 8, 0);
    #[allow(clippy::expect_used)]
    let mut mac = <RetailMac<des::Des> as KeyInit>::new_from_slice(k_mac).expect("16-byte key");
    mac.update(data);
    let mut out = [0u8; 8];
    out.copy_from_slice(&mac.finalize().into_bytes());
    out
}

/// Session keys from the DH shared secret `z` (fixed length |p|): SHA-256(z ‖ counter)[..16],
/// counter 1 for K_ENC and 2 for K_MAC (CIE spec §3.4).
pub fn derive_keys(z: &[u8]) -> (Zeroizing<[u8; 16]>, Zeroizing<[u8; 16]>) {
    let derive = |c: u8| {
        let mut h = Sha256::new();
        h.update(z);
        h.update([0, 0, 0, c]);
        let d = h.finalize();
        let mut k = Zeroizing::new([0u8; 16]);
        k.copy_from_slice(&d[..16]);
        k
    };
    (derive(1), derive(2))
}

/// Why card-supplied DH parameters or a public value were refused.
pub type DhCheck = Result<(), &'static str>;

/// Checks DH domain parameters from the card before any use: sizes (p of 1024 to 4096 bits,
/// q of 160 bits or more and shorter than p), p odd, 1 < g < p − 1, and q dividing p − 1
/// (a subgroup order, as in the CIE's parameters). Nothing here trusts the card's lengths.
pub fn check_dh_params(g: &[u8], p: &[u8], q: &[u8]) -> DhCheck {
    let (gs, ps, qs) = (strip_zeros(g), strip_zeros(p), strip_zeros(q));
    if !(128..=512).contains(&ps.len()) {
        return Err("DH prime size");
    }
    if ps[ps.len() - 1] & 1 == 0 {
        return Err("DH prime even");
    }
    if qs.len() < 20 || qs.len() > ps.len() {
        return Err("DH subgroup size");
    }
    let (g, p, q) = (BigUint::from_bytes_be(gs), BigUint::from_bytes_be(ps), BigUint::from_bytes_be(qs));
    let one = BigUint::from(1u8);
    let p1 = &p - &one;
    if g <= one || g >= p1 {
        return Err("DH generator");
    }
    if (&p1 % &q) != BigUint::from(0u8) {
        return Err("DH subgroup order");
    }
    Ok(())
}

/// Checks the card's DH public value: 1 < y < p − 1 and no longer than p.
pub fn check_dh_public(y: &[u8], p: &[u8]) -> DhCheck {
    let (ys, ps) = (strip_zeros(y), strip_zeros(p));
    if ys.len() > ps.len() {
        return Err("DH public value size");
    }
    let (y, p) = (BigUint::from_bytes_be(ys), BigUint::from_bytes_be(ps));
    let one = BigUint::from(1u8);
    if y <= one || y >= &p - &one {
        return Err("DH public value");
    }
    Ok(())
}

/// `base^exp mod m`, left-padded to `len` bytes (the middleware's minimal-length encoding is a
/// known interoperability bug; CIE spec §3.4).
pub fn mod_pow(base: &[u8], exp: &[u8], m: &[u8], len: usize) -> Vec<u8> {
    let r = BigUint::from_bytes_be(base).modpow(&BigUint::from_bytes_be(exp), &BigUint::from_bytes_be(m));
    left_pad(&r.to_bytes_be(), len)
}

/// Left-pads with zeros to `len` bytes (longer input is returned as is).
pub fn left_pad(v: &[u8], len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len.saturating_sub(v.len())];
    out.extend_from_slice(v);
    out
}

/// Strips leading zero bytes.
pub fn strip_zeros(v: &[u8]) -> &[u8] {
    let i = v.iter().position(|&b| b != 0).unwrap_or(v.len());
    &v[i..]
}

/// ISO/IEC 9796-2 scheme 1 signature with SHA-256 and implicit trailer:
/// `(6A ‖ m1 ‖ SHA-256(m1 ‖ m2) ‖ BC)^d mod n`, where `m1` fills the block (k − 34 bytes) and
/// `m2` is the non-recoverable rest. Returns the k-byte signature.
pub fn sign_9796(n: &[u8], d: &[u8], m1: &[u8], m2: &[u8]) -> Option<Vec<u8>> {
    let k = strip_zeros(n).len();
    if m1.len() + 34 != k {
        return None;
    }
    let mut block = Vec::with_capacity(k);
    block.push(0x6A);
    block.extend_from_slice(m1);
    let mut h = Sha256::new();
    h.update(m1);
    h.update(m2);
    block.extend_from_slice(&h.finalize());
    block.push(0xBC);
    Some(mod_pow(&block, d, n, k))
}

/// Recovers an ISO/IEC 9796-2 scheme 1 block: checks `6A … BC` and returns (m1, hash).
pub fn recover_9796(n: &[u8], e: &[u8], sig: &[u8]) -> Option<(Vec<u8>, [u8; 32])> {
    let k = strip_zeros(n).len();
    // A card-supplied key too short for the scheme (or zero) is refused before any arithmetic.
    if k < 64 || strip_zeros(e).is_empty() || sig.len() > k {
        return None;
    }
    let r = mod_pow(sig, e, n, k);
    if r.len() < 34 || r[0] != 0x6A || r[k - 1] != 0xBC {
        return None;
    }
    let mut hash = [0u8; 32];
    hash.copy_from_slice(&r[k - 33..k - 1]);
    Some((r[1..k - 33].to_vec(), hash))
}

/// SHA-256 of the concatenation of `parts`.
pub fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        crate::card::detect::atr_from_hex(s).expect("test hex")
    }

    #[test]
    fn key_derivation_matches_the_spec_example() {
        // CIE spec §4.1: Z = 00 01 02 … FF.
        let z: Vec<u8> = (0..=255u8).collect();
        let (enc, mac) = derive_keys(&z);
        assert_eq!(enc.to_vec(), hex("20D0CA4184B64CF791DA828CC135E354"));
        assert_eq!(mac.to_vec(), hex("9B0BB985660ADF0B819D798B8A6D9071"));
    }

    #[test]
    fn retail_mac_matches_iso_9797_1_b4() {
        let key: [u8; 16] = hex("0123456789ABCDEFFEDCBA9876543210").try_into().expect("16");
        assert_eq!(retail_mac(&key, b"Now is the time for all ").to_vec(), hex("A1C72E74EA3FA9B6"));
    }

    #[test]
    fn encrypt_decrypt_round_trip_and_padding() {
        let k = [7u8; 16];
        for n in [0usize, 1, 7, 8, 9, 31] {
            let data: Vec<u8> = (0..n as u8).collect();
            let c = encrypt(&k, &data);
            assert_eq!(c.len(), (n / 8 + 1) * 8);
            assert_eq!(decrypt(&k, &c).expect("decrypts").to_vec(), data);
        }
        assert_eq!(pad(b"12345678").len(), 16);
        assert!(decrypt(&k, &[1, 2, 3]).is_none());
    }
}
