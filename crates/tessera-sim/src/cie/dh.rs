//! The simulated CIE's GET DATA (CIE spec §3.2–§3.4): the DH parameters in one or three
//! answers, the CA public key, and the card's DH public value, which opens the secure-messaging
//! session; and PK.IFD taken from MSE SET.

use super::crypto;
use super::sm::CardSm;
use super::{CHA_CA, CHR_CA, CieApplet, cons, prim, sw};
use iso7816_tlv::ber::Tlv;
use rand::RngCore;
use tessera_apdu::apdu::{CommandApdu, StatusWord};
use zeroize::Zeroizing;

/// The card's half of the DH key agreement with its secret `x`: (PK.ICC = g^x mod p, Z =
/// PK.IFD^x mod p), both |p| bytes long (CIE spec §3.4).
pub(super) fn dh_answer(g: &[u8], p: &[u8], x: &[u8], pk_ifd: &[u8]) -> (Vec<u8>, Zeroizing<Vec<u8>>) {
    (crypto::modexp(g, x, p, p.len()), Zeroizing::new(crypto::modexp(pk_ifd, x, p, p.len())))
}

impl CieApplet {
    pub(super) fn get_data(&mut self, cmd: &CommandApdu) -> (Vec<u8>, StatusWord) {
        let d = cmd.data();
        let group = |children: Vec<Tlv>| cons(&[0x70], vec![cons(&[0xBF, 0xA1, 0x01], vec![cons(&[0xA3], children)])]).to_vec();
        match d {
            [0x4D, 0x08, 0x70, 0x06, 0xBF, 0xA1, 0x01, 0x02, 0xA3, 0x80] => (
                group(vec![prim(&[0x97], self.g.clone()), prim(&[0x98], self.p.clone()), prim(&[0x99], self.q.clone())]),
                StatusWord::Ok,
            ),
            [0x4D, 0x0A, 0x70, 0x08, 0xBF, 0xA1, 0x01, 0x04, 0xA3, 0x02, t @ 0x97..=0x99, 0x00] => {
                let v = match t {
                    0x97 => self.g.clone(),
                    0x98 => self.p.clone(),
                    _ => self.q.clone(),
                };
                (group(vec![prim(&[*t], v)]), StatusWord::Ok)
            }
            [0x4D, 0x09, 0x70, 0x07, 0xBF, 0xA0, 0x04, 0x03, 0x7F, 0x49, 0x80] => {
                let key = cons(
                    &[0x7F, 0x49],
                    vec![
                        prim(&[0x81], self.ca_n.clone()),
                        prim(&[0x82], self.ca_e.clone()),
                        prim(&[0x5F, 0x20], CHR_CA.to_vec()),
                        prim(&[0x5F, 0x4C], CHA_CA.to_vec()),
                    ],
                );
                (cons(&[0x70], vec![cons(&[0xBF, 0xA0, 0x04], vec![key])]).to_vec(), StatusWord::Ok)
            }
            [0x4D, 0x04, 0xA6, 0x02, 0x91, 0x00] => {
                let Some(pk_ifd) = self.pk_ifd.clone() else { return sw(StatusWord::ConditionsNotSatisfied) };
                let mut rng = rand::thread_rng();
                // Draw x until PK.ICC and Z have 255+ significant bytes, so that the
                // middleware's minimal-length encoding equals the fixed-length one (CIE spec §8).
                let (pk_icc, z) = loop {
                    let mut x = Zeroizing::new(vec![0u8; self.q.len()]);
                    rng.fill_bytes(&mut x);
                    let (pk, z) = dh_answer(&self.g, &self.p, &x, &pk_ifd);
                    if crypto::significant(&z) >= 255 && crypto::significant(&pk) >= 255 {
                        break (pk, z);
                    }
                };
                self.session = Some(CardSm::from_secret(&z));
                // A new secure session starts with nothing verified: a PIN verified in another
                // program's session is not this one's (the strict choice; IAS-ECC binds the
                // security status to the session, unobserved on a CIE).
                self.pin_ok = false;
                self.puk_ok = false;
                self.pk_icc = Some(pk_icc.clone());
                (cons(&[0xA6], vec![prim(&[0x91], pk_icc)]).to_vec(), StatusWord::Ok)
            }
            _ => sw(StatusWord::ReferenceNotFound),
        }
    }
}
