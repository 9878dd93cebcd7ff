//! The card side of the device authentication (DAPP, CIE spec §3.5): the terminal
//! certificate, EXTERNAL AUTHENTICATE, and the chip's INTERNAL AUTHENTICATE.

use super::{CHR_CA, CieApplet, SN_ICC, sw, tag};
use tessera_core::apdu::StatusWord;
use tessera_core::card::cie::crypto;
use iso7816_tlv::ber::{Tlv, Value};
use rand::RngCore;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};

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
        let n = self.chip.n().to_bytes_be();
        let mut prnd = vec![0u8; n.len() - 34];
        rand::thread_rng().fill_bytes(&mut prnd);
        let rest = [&pk_icc[..], &SN_ICC, rnd_ifd, &pk_ifd, &self.g, &self.p, &self.q].concat();
        let Some(sig) = crypto::sign_9796(&n, &self.chip.d().to_bytes_be(), &prnd, &rest) else {
            return sw(StatusWord::NoDiagnosis);
        };
        let mut ssc = [0u8; 8];
        ssc[..4].copy_from_slice(&rnd_icc[4..8]);
        ssc[4..].copy_from_slice(&rnd_ifd[4..8]);
        self.after_int_auth = Some(ssc);
        self.dapp_done = true;
        ([&SN_ICC[..], &sig].concat(), StatusWord::Ok)
    }

    /// DAPP step 2: recover the terminal certificate with the CA key, check it, keep its key.
    pub(super) fn verify_certificate(&mut self, cvc: &[u8]) -> (Vec<u8>, StatusWord) {
        if !self.ca_selected {
            return sw(StatusWord::ConditionsNotSatisfied);
        }
        let Ok(t) = Tlv::from_bytes(cvc) else { return sw(StatusWord::IncorrectData) };
        let field = |tg: &[u8]| t.find(&tag(tg)).and_then(|x| match x.value() {
            Value::Primitive(v) => Some(v.clone()),
            Value::Constructed(_) => None,
        });
        let (Some(s), Some(rem)) = (field(&[0x5F, 0x37]), field(&[0x5F, 0x38])) else {
            return sw(StatusWord::IncorrectData);
        };
        let Some((m1, h)) = crypto::recover_9796(&self.ca_n, &self.ca_e, &s) else {
            return sw(StatusWord::SecurityStatusNotSatisfied);
        };
        if h != crypto::sha256(&[&m1, &rem]) {
            return sw(StatusWord::SecurityStatusNotSatisfied);
        }
        let m = [m1, rem].concat();
        // 8A ‖ CAR(8) ‖ CHR(12) ‖ CHA(7) ‖ OID(9) ‖ n ‖ e(4)
        let car_len = CHR_CA.len() - 4;
        let fixed = 1 + car_len + 12 + 7 + 9;
        if m.len() < fixed + 4 + 1 || m[0] != 0x8A || m[1..1 + car_len] != CHR_CA[4..] {
            return sw(StatusWord::IncorrectData);
        }
        let chr = m[1 + car_len..1 + car_len + 12].to_vec();
        let n = m[fixed..m.len() - 4].to_vec();
        let e = m[m.len() - 4..].to_vec();
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
        let rest = [&pk_ifd[..], sn_ifd, &rnd_icc, &pk_icc, &self.g, &self.p, &self.q].concat();
        let ok = crypto::recover_9796(&n, &e, sig).is_some_and(|(prnd, h)| h == crypto::sha256(&[&prnd, &rest]));
        self.ext_auth_ok = ok;
        sw(if ok { StatusWord::Ok } else { StatusWord::SecurityStatusNotSatisfied })
    }
}
