//! The device authentication's messages (CIE spec §3.5), as pure functions pinned to outside
//! vectors: the terminal certificate, the terminal's EXTERNAL AUTHENTICATE, and the check of
//! the chip's answer to INTERNAL AUTHENTICATE. [`super::CieProfile::authenticate`] sends them.

use super::crypto;
use super::keys::DappKeys;
use super::tlv::tag;
use crate::card::error::CardError;
use iso7816_tlv::ber::{Tlv, Value};

/// The terminal's serial number in the DAPP (CIE spec §3.5).
pub(super) const SN_IFD: [u8; 8] = [0x20, 0, 0, 0, 0, 0, 0, 0x01];
/// Object identifier in the terminal certificate.
const DAPP_OID: [u8; 9] = [0x2A, 0x81, 0x22, 0xF4, 0x2A, 0x02, 0x04, 0x01, 0x04];

/// The card's CA public key and names, from GET DATA (CIE spec §3.3).
pub(super) struct CaKey {
    pub(super) n: Vec<u8>,
    pub(super) e: Vec<u8>,
    pub(super) car: Vec<u8>,
    pub(super) aid: Vec<u8>,
}

/// The terminal certificate (CIE spec §3.5(a)) signed with the CA exponent `d_ca`: `7F21 {5F37
/// S, 5F38 remainder, 42 CAR}` over `8A ‖ CAR ‖ CHR.IFD ‖ CHA ‖ OID ‖ n.DAPP ‖ e`; `None` when
/// the signature does not open with the card's CA public key (another CA).
pub(super) fn terminal_cvc(ca: &CaKey, d_ca: &[u8], n_dapp: &[u8]) -> Result<Option<Vec<u8>>, CardError> {
    let mut m = vec![0x8A];
    m.extend_from_slice(&ca.car);
    m.extend_from_slice(&[0, 0, 0, 0]);
    m.extend_from_slice(&SN_IFD);
    m.extend_from_slice(&ca.aid);
    m.push(0x01);
    m.extend_from_slice(&DAPP_OID);
    m.extend_from_slice(n_dapp);
    m.extend_from_slice(&[0x00, 0x01, 0x00, 0x01]);
    let k = ca.n.len();
    if m.len() < k - 34 {
        return Err(CardError::Malformed("CA key"));
    }
    let (m1, rem) = m.split_at(k - 34);
    let Some(s) = crypto::sign_9796(&ca.n, d_ca, m1, rem) else { return Ok(None) };
    // The middleware's self-check: the signature must open with the card's CA key.
    if !crypto::recover_9796(&ca.n, &ca.e, &s).is_some_and(|(r1, h)| r1 == m1 && h == crypto::sha256(&[m1, rem])) {
        return Ok(None);
    }
    let inner = [(&[0x5F, 0x37][..], s), (&[0x5F, 0x38][..], rem.to_vec()), (&[0x42][..], ca.car.clone())]
        .into_iter()
        .map(|(t, v)| Tlv::new(tag(t).ok_or(CardError::Malformed("tag"))?, Value::Primitive(v)).map_err(|_| CardError::Malformed("certificate")))
        .collect::<Result<Vec<_>, _>>()?;
    let cvc = Tlv::new(tag(&[0x7F, 0x21]).ok_or(CardError::Malformed("tag"))?, Value::Constructed(inner))
        .map_err(|_| CardError::Malformed("certificate"))?;
    Ok(Some(cvc.to_vec()))
}

/// The data of EXTERNAL AUTHENTICATE (CIE spec §3.5(c)): SN.IFD ‖ the terminal's ISO 9796-2
/// signature of PRND and SHA-256(PRND ‖ PK.IFD ‖ SN.IFD ‖ RND.ICC ‖ PK.ICC ‖ g ‖ p ‖ q).
/// `dh` = [PK.ICC, PK.IFD, g, p, q].
pub(super) fn external_authentication(keys: &DappKeys, prnd: &[u8], rnd_icc: &[u8], dh: [&[u8]; 5]) -> Option<Vec<u8>> {
    let [pk_icc, pk_ifd, g, p, q] = dh;
    let rest = [pk_ifd, &SN_IFD, rnd_icc, pk_icc, g, p, q].concat();
    let sig = crypto::sign_9796(&keys.n_dapp, &keys.d_dapp, prnd, &rest)?;
    Some([&SN_IFD[..], &sig].concat())
}

/// Whether the chip's answer to INTERNAL AUTHENTICATE (SN.ICC ‖ signature, CIE spec §3.5(d))
/// opens with the chip key (n, e) to PRND2 and SHA-256(PRND2 ‖ PK.ICC ‖ SN.ICC ‖ RND.IFD ‖
/// PK.IFD ‖ g ‖ p ‖ q). `dh` = [PK.ICC, PK.IFD, g, p, q].
pub(super) fn chip_answer_ok(chip: (&[u8], &[u8]), answer: &[u8], rnd_ifd: &[u8], dh: [&[u8]; 5]) -> bool {
    let [pk_icc, pk_ifd, g, p, q] = dh;
    let (sn_icc, sig) = answer.split_at(8.min(answer.len()));
    let rest = [pk_icc, sn_icc, rnd_ifd, pk_ifd, g, p, q].concat();
    crypto::recover_9796(chip.0, chip.1, sig).is_some_and(|(prnd2, h)| h == crypto::sha256(&[&prnd2, &rest]))
}

#[cfg(test)]
mod tests {
    //! The client's side pinned to vectors computed outside Rust (scripts/cie-vectors.py), which
    //! the simulated card is pinned to as well, with code of its own.
    use super::*;
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::traits::PublicKeyParts;

    fn vector(name: &str) -> Vec<u8> {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/cie/vectors.txt"));
        let line = text.lines().find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix('='))).expect("vector present");
        crate::card::detect::atr_from_hex(line).expect("hex")
    }

    fn group() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-dh.hex"));
        let field = |n: &str| crate::card::detect::atr_from_hex(text.lines().find_map(|l| l.strip_prefix(n)).expect("field")).expect("hex");
        (field("g="), field("p="), field("q="))
    }

    fn public(pem: &str) -> (Vec<u8>, Vec<u8>) {
        let k = rsa::RsaPrivateKey::from_pkcs8_pem(pem).expect("key").to_public_key();
        (k.n().to_bytes_be(), k.e().to_bytes_be())
    }

    #[test]
    fn dh_values_and_session_keys_match_the_vectors() {
        let (g, p, _) = group();
        assert_eq!(crypto::mod_pow(&g, &vector("x_ifd"), &p, p.len()), vector("pk_ifd"));
        let z = crypto::mod_pow(&vector("pk_icc"), &vector("x_ifd"), &p, p.len());
        assert_eq!(z, vector("z"));
        let (enc, mac) = crypto::derive_keys(&z);
        assert_eq!((enc.to_vec(), mac.to_vec()), (vector("k_enc"), vector("k_mac")));
    }

    #[test]
    fn the_terminal_certificate_matches_the_vector() {
        use rsa::traits::PrivateKeyParts;
        let pem = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-ca.key.pem"));
        let (n, e) = public(pem);
        let d = rsa::RsaPrivateKey::from_pkcs8_pem(pem).expect("key").d().to_bytes_be();
        let ca = CaKey { n, e, car: b"ITTEST01".to_vec(), aid: vec![0xA0, 0x00, 0x00, 0x00, 0x00, 0x39] };
        let cvc = terminal_cvc(&ca, &d, &DappKeys::default().n_dapp).expect("builds").expect("opens with the CA key");
        assert_eq!(cvc, vector("terminal_certificate"));
        // The official CA exponent does not open with this CA's key: not this card's authority.
        let official = DappKeys::default().ca_private_exponents().next().expect("official").1.to_vec();
        assert_eq!(terminal_cvc(&ca, &official, &DappKeys::default().n_dapp).expect("builds"), None);
    }

    #[test]
    fn the_external_authentication_matches_the_vector() {
        let (g, p, q) = group();
        let (pk_icc, pk_ifd) = (vector("pk_icc"), vector("pk_ifd"));
        let ext = external_authentication(&DappKeys::default(), &vector("prnd"), &vector("rnd_icc"), [&pk_icc, &pk_ifd, &g, &p, &q]);
        assert_eq!(ext, Some(vector("external_authenticate")));
    }

    #[test]
    fn the_chip_answer_vector_is_accepted_and_a_changed_one_is_not() {
        let (g, p, q) = group();
        let (pk_icc, pk_ifd) = (vector("pk_icc"), vector("pk_ifd"));
        let (n, e) = public(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-chip.key.pem")));
        let dh = [&pk_icc[..], &pk_ifd, &g, &p, &q];
        let answer = vector("internal_authenticate");
        assert!(chip_answer_ok((&n, &e), &answer, &vector("rnd_ifd"), dh));
        assert!(!chip_answer_ok((&n, &e), &answer, &[0u8; 8], dh), "another challenge");
        let mut other_sn = answer.clone();
        other_sn[0] ^= 1;
        assert!(!chip_answer_ok((&n, &e), &other_sn, &vector("rnd_ifd"), dh), "another SN.ICC");
    }
}
