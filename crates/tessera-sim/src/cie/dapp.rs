//! The card side of the device authentication (DAPP, CIE spec §3.5): the terminal
//! certificate, EXTERNAL AUTHENTICATE, and the chip's INTERNAL AUTHENTICATE.

use super::crypto::{iso9796_open, iso9796_sign, sha256_of};
use super::{CHR_CA, CieApplet, SN_ICC, sw, tag};
use iso7816_tlv::ber::{Tlv, Value};
use rand::RngCore;
use rsa::RsaPrivateKey;
use rsa::traits::PublicKeyParts;
use tessera_apdu::apdu::StatusWord;

/// The chip's answer to INTERNAL AUTHENTICATE in the device authentication (CIE spec §3.5(d)):
/// SN.ICC ‖ the ISO 9796-2 signature of PRND2 ‖ SHA-256(PRND2 ‖ PK.ICC ‖ SN.ICC ‖ RND.IFD ‖
/// PK.IFD ‖ g ‖ p ‖ q), PRND2 filling the block.
pub(super) fn chip_answer(chip: &RsaPrivateKey, prnd2: &[u8], rnd_ifd: &[u8], dh: [&[u8]; 5]) -> Option<Vec<u8>> {
    let [pk_icc, pk_ifd, g, p, q] = dh;
    let rest = [pk_icc, &SN_ICC, rnd_ifd, pk_ifd, g, p, q].concat();
    Some([&SN_ICC[..], &iso9796_sign(chip, prnd2, &rest)?].concat())
}

/// Whether the terminal's EXTERNAL AUTHENTICATE signature opens with its key (n, e) to PRND and
/// SHA-256(PRND ‖ PK.IFD ‖ SN.IFD ‖ RND.ICC ‖ PK.ICC ‖ g ‖ p ‖ q) (CIE spec §3.5(c)).
pub(super) fn terminal_signature_ok(key: (&[u8], &[u8]), sn_ifd: &[u8], sig: &[u8], rnd_icc: &[u8], dh: [&[u8]; 5]) -> bool {
    let [pk_icc, pk_ifd, g, p, q] = dh;
    let rest = [pk_ifd, sn_ifd, rnd_icc, pk_icc, g, p, q].concat();
    iso9796_open(key.0, key.1, sig).is_some_and(|(prnd, h)| h == sha256_of(&[&prnd, &rest]))
}

/// What the card takes from a terminal certificate (CIE spec §3.5(a)): opened with the CA key,
/// framed `6A … BC`, its hash over the recovered part and the remainder right, and the message
/// `8A ‖ CAR ‖ CHR(12) ‖ CHA(7) ‖ OID(9) ‖ n ‖ e(4)` naming this CA: the terminal's (CHR, n, e).
pub(super) fn open_terminal_certificate(ca_n: &[u8], ca_e: &[u8], cvc: &[u8]) -> Option<(Vec<u8>, Vec<u8>, Vec<u8>)> {
    let t = Tlv::from_bytes(cvc).ok()?;
    let field = |tg: &[u8]| match t.find(&tag(tg))?.value() {
        Value::Primitive(v) => Some(v.clone()),
        Value::Constructed(_) => None,
    };
    let (s, remainder) = (field(&[0x5F, 0x37])?, field(&[0x5F, 0x38])?);
    let (recovered, hash) = iso9796_open(ca_n, ca_e, &s)?;
    if hash != sha256_of(&[&recovered, &remainder]) {
        return None;
    }
    let m = [recovered, remainder].concat();
    let car = &CHR_CA[4..];
    let (head, key) = m.split_at_checked(1 + car.len() + 12 + 7 + 9)?;
    if head[0] != 0x8A || &head[1..1 + car.len()] != car || key.len() < 5 {
        return None;
    }
    let chr = head[1 + car.len()..1 + car.len() + 12].to_vec();
    let (n, e) = key.split_at(key.len() - 4);
    Some((chr, n.to_vec(), e.to_vec()))
}

impl CieApplet {
    /// DAPP step 7: SN.ICC ‖ ISO 9796-2 signature over PRND2 ‖ PK.ICC ‖ SN.ICC ‖ RND.IFD ‖
    /// PK.IFD ‖ g ‖ p ‖ q; then the new counter.
    pub(super) fn chip_authenticate(&mut self, rnd_ifd: &[u8]) -> (Vec<u8>, StatusWord) {
        let (Some(pk_icc), Some(pk_ifd), Some(rnd_icc)) = (self.pk_icc.clone(), self.pk_ifd.clone(), self.rnd_icc) else {
            return sw(StatusWord::ConditionsNotSatisfied);
        };
        if !self.ext_auth_ok || rnd_ifd.len() != 8 {
            return sw(StatusWord::ConditionsNotSatisfied);
        }
        let mut prnd2 = vec![0u8; self.chip.size() - 34];
        rand::thread_rng().fill_bytes(&mut prnd2);
        let Some(answer) = chip_answer(&self.chip, &prnd2, rnd_ifd, [&pk_icc, &pk_ifd, &self.g, &self.p, &self.q]) else {
            return sw(StatusWord::NoDiagnosis);
        };
        let mut ssc = [0u8; 8];
        ssc[..4].copy_from_slice(&rnd_icc[4..8]);
        ssc[4..].copy_from_slice(&rnd_ifd[4..8]);
        self.after_int_auth = Some(ssc);
        self.dapp_done = true;
        (answer, StatusWord::Ok)
    }

    /// DAPP step 2: recover the terminal certificate with the CA key, check it, keep its key.
    pub(super) fn verify_certificate(&mut self, cvc: &[u8]) -> (Vec<u8>, StatusWord) {
        if !self.ca_selected {
            return sw(StatusWord::ConditionsNotSatisfied);
        }
        let Some((chr, n, e)) = open_terminal_certificate(&self.ca_n, &self.ca_e, cvc) else {
            return sw(StatusWord::SecurityStatusNotSatisfied);
        };
        self.ifd_key = Some((chr, n, e));
        sw(StatusWord::Ok)
    }

    /// DAPP step 5: the terminal's ISO 9796-2 signature over PRND ‖ PK.IFD ‖ SN.IFD ‖ RND.ICC ‖
    /// PK.ICC ‖ g ‖ p ‖ q.
    pub(super) fn external_authenticate(&mut self, data: &[u8]) -> (Vec<u8>, StatusWord) {
        let (Some((chr, n, e)), Some(rnd_icc), Some(pk_icc), Some(pk_ifd)) =
            (self.ifd_key.clone(), self.rnd_icc, self.pk_icc.clone(), self.pk_ifd.clone())
        else {
            return sw(StatusWord::ConditionsNotSatisfied);
        };
        if !self.ifd_selected || data.len() < 9 {
            return sw(StatusWord::ConditionsNotSatisfied);
        }
        let (sn_ifd, sig) = data.split_at(8);
        if sn_ifd != &chr[4..12] {
            return sw(StatusWord::SecurityStatusNotSatisfied);
        }
        let ok = terminal_signature_ok((&n, &e), sn_ifd, sig, &rnd_icc, [&pk_icc, &pk_ifd, &self.g, &self.p, &self.q]);
        self.ext_auth_ok = ok;
        sw(if ok { StatusWord::Ok } else { StatusWord::SecurityStatusNotSatisfied })
    }
}

#[cfg(test)]
mod tests {
    //! The card side pinned to vectors computed outside Rust (scripts/cie-vectors.py).
    use super::*;
    use crate::hex::unhex;

    fn vector(name: &str) -> Vec<u8> {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/cie/vectors.txt"));
        let line = text.lines().find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix('='))).expect("vector present");
        unhex(line)
    }

    fn group() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let (p, q, g) = crate::keys::cie_dh_group();
        (g, p, q)
    }

    #[test]
    fn dh_answer_and_session_keys_match_the_vectors() {
        let (g, p, _) = group();
        let (pk_icc, z) = super::super::dh::dh_answer(&g, &p, &vector("x_icc"), &vector("pk_ifd"));
        assert_eq!(pk_icc, vector("pk_icc"));
        assert_eq!(z.to_vec(), vector("z"));
        let (enc, mac) = super::super::crypto::session_keys(&z);
        assert_eq!((enc.to_vec(), mac.to_vec()), (vector("k_enc"), vector("k_mac")));
    }

    #[test]
    fn the_terminal_certificate_vector_opens_to_the_middleware_key() {
        let (n, e) = crate::keys::cie_dapp_ca_public();
        let (chr, n_ifd, e_ifd) = open_terminal_certificate(&n, &e, &vector("terminal_certificate")).expect("accepted");
        assert_eq!(chr, unhex("00000000 2000000000000001"));
        assert_eq!(&n_ifd[..4], &unhex("BA2837AB")[..], "the middleware's terminal modulus (CIE spec §7)");
        assert_eq!((n_ifd.len(), e_ifd), (256, unhex("00010001")));
        let mut bad = vector("terminal_certificate");
        bad[20] ^= 1;
        assert!(open_terminal_certificate(&n, &e, &bad).is_none());
    }

    #[test]
    fn external_authenticate_vector_is_accepted_and_a_changed_challenge_is_not() {
        let (g, p, q) = group();
        let (pk_icc, pk_ifd) = (vector("pk_icc"), vector("pk_ifd"));
        let ext = vector("external_authenticate");
        let (sn_ifd, sig) = ext.split_at(8);
        let n_ifd = open_terminal_certificate(&crate::keys::cie_dapp_ca_public().0, &crate::keys::cie_dapp_ca_public().1, &vector("terminal_certificate"))
            .expect("certificate")
            .1;
        let dh = [&pk_icc[..], &pk_ifd, &g, &p, &q];
        assert!(terminal_signature_ok((&n_ifd, &unhex("00010001")), sn_ifd, sig, &vector("rnd_icc"), dh));
        assert!(!terminal_signature_ok((&n_ifd, &unhex("00010001")), sn_ifd, sig, &[0u8; 8], dh));
    }

    #[test]
    fn the_chip_answer_matches_the_vector() {
        let (g, p, q) = group();
        let (chip, _) = crate::keys::cie_keys();
        let (pk_icc, pk_ifd) = (vector("pk_icc"), vector("pk_ifd"));
        let answer = chip_answer(&chip, &vector("prnd2"), &vector("rnd_ifd"), [&pk_icc, &pk_ifd, &g, &p, &q]).expect("signs");
        assert_eq!(answer, vector("internal_authenticate"));
    }
}
