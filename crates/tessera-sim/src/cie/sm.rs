//! The card side of CIE secure messaging (CIE spec §4), the simulator's own: it opens wrapped
//! commands (DO87/DO85 data, DO97 Le, DO8E MAC) and seals answers (`[87 L 01 enc] 99 02 SW 8E 08
//! MAC`). The send-sequence counter moves once per command opened and once per answer sealed.

use super::crypto::{self, Key16};
use iso7816_tlv::ber::{Tag, Tlv, Value};
use tessera_apdu::apdu::{CommandApdu, StatusWord};

/// A secure-messaging session on the card.
pub(crate) struct CardSm {
    k_enc: Key16,
    k_mac: Key16,
    ssc: u64,
}

fn do_bytes(tag: u8, value: Vec<u8>) -> Vec<u8> {
    #[allow(clippy::expect_used)]
    Tlv::new(Tag::try_from(tag).expect("one-byte tag"), Value::Primitive(value)).expect("data object").to_vec()
}

impl CardSm {
    /// The session the DH secret `z` opens: its keys, counter 1 (CIE spec §3.4).
    pub(crate) fn from_secret(z: &[u8]) -> Self {
        let (k_enc, k_mac) = crypto::session_keys(z);
        Self { k_enc, k_mac, ssc: 1 }
    }

    /// The counter the device authentication sets (CIE spec §3.5(e)).
    pub(crate) fn restart(&mut self, ssc: [u8; 8]) {
        self.ssc = u64::from_be_bytes(ssc);
    }

    fn next_ssc(&mut self) -> [u8; 8] {
        self.ssc = self.ssc.wrapping_add(1);
        self.ssc.to_be_bytes()
    }

    /// Opens a wrapped command: its MAC checked, its data decrypted, its Le taken from DO97.
    /// `None` when the class does not say SM, an object is unknown or malformed, or the MAC is
    /// wrong.
    pub(crate) fn open(&mut self, wrapped: &CommandApdu) -> Option<CommandApdu> {
        if wrapped.cla & 0x0C != 0x0C {
            return None;
        }
        let ssc = self.next_ssc();
        let mut signed = ssc.to_vec();
        signed.extend_from_slice(&[wrapped.cla, wrapped.ins, wrapped.p1, wrapped.p2]);
        crypto::pad_m2(&mut signed);
        let (mut data, mut le, mut mac) = (None, None, None);
        let mut rest = wrapped.data();
        while !rest.is_empty() {
            let (tlv, after) = Tlv::parse(rest);
            let tlv = tlv.ok()?;
            rest = after;
            let Value::Primitive(v) = tlv.value() else { return None };
            let tag = tlv.tag().to_bytes();
            if mac.is_some() {
                return None; // nothing may follow the MAC
            }
            match tag {
                [0x87] => {
                    let (&indicator, enc) = v.split_first()?;
                    if indicator != 0x01 {
                        return None;
                    }
                    data = Some(crypto::decrypt(&self.k_enc, enc)?);
                }
                [0x85] => data = Some(crypto::decrypt(&self.k_enc, v)?),
                [0x97] if v.len() <= 1 => le = Some(v.first().copied().unwrap_or(0)),
                [0x8E] if v.len() == 8 => {
                    mac = Some(v.clone());
                    continue;
                }
                _ => return None,
            }
            signed.extend_from_slice(&tlv.to_vec());
        }
        if mac.as_deref() != Some(&crypto::mac(&self.k_mac, &signed)[..]) {
            return None;
        }
        let mut plain = CommandApdu::new(wrapped.cla & !0x0C, wrapped.ins, wrapped.p1, wrapped.p2);
        if let Some(d) = data {
            plain = plain.with_data(d.to_vec());
        }
        if let Some(l) = le {
            plain = plain.with_le(if l == 0 { 256 } else { u32::from(l) });
        }
        Some(plain)
    }

    /// Seals an answer: the data encrypted in DO87, the status in DO99, the MAC over the counter
    /// and both; then the outer status — 9000, except end of file and an offset past the end,
    /// which the card repeats outside (CIE spec §4).
    pub(crate) fn seal(&mut self, data: &[u8], status: StatusWord) -> Vec<u8> {
        let ssc = self.next_ssc();
        let mut objects = Vec::new();
        if !data.is_empty() {
            let mut v = vec![0x01];
            v.extend_from_slice(&crypto::encrypt(&self.k_enc, data));
            objects.extend_from_slice(&do_bytes(0x87, v));
        }
        objects.extend_from_slice(&do_bytes(0x99, status.to_bytes().to_vec()));
        let mac = crypto::mac(&self.k_mac, &[&ssc[..], &objects].concat());
        objects.extend_from_slice(&do_bytes(0x8E, mac.to_vec()));
        let outer = match status {
            StatusWord::EndOfFile | StatusWord::WrongParameters => status,
            _ => StatusWord::Ok,
        };
        objects.extend_from_slice(&outer.to_bytes());
        objects
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hex::unhex;

    fn cmd(hex: &str) -> CommandApdu {
        CommandApdu::from_bytes(&unhex(hex)).expect("APDU")
    }

    /// The worked example of CIE spec §4.1, from the card's side: each command the terminal
    /// sends opens to the plain command, and each answer seals to the bytes of the example.
    #[test]
    fn worked_example_card_side() {
        let z: Vec<u8> = (0..=255u8).collect();
        let mut card = CardSm::from_secret(&z);
        let verify = card.open(&cmd("0C2000811D 871101C0C020864CCCE390B9B0B11267FF1A97 8E080D437728FB19A1A4 00")).expect("MAC ok");
        assert_eq!((verify.cla, verify.ins, verify.p1, verify.p2, verify.data(), verify.le()), (0, 0x20, 0, 0x81, &b"12345678"[..], None));
        assert_eq!(card.seal(&[], StatusWord::Ok), unhex("990290008E086DDD6702023F1F87 9000"));
        let read = card.open(&cmd("0CB000000D 970180 8E08A7DE171B6C9EF932 00")).expect("MAC ok");
        assert_eq!((read.ins, read.data(), read.le()), (0xB0, &[][..], Some(0x80)));
        assert_eq!(
            card.seal(b"123456789", StatusWord::EndOfFile),
            unhex("871101C0C020864CCCE390270022598B5D6468 99026282 8E08751EBD06100B73ED 6282")
        );
        let rrc = card.open(&cmd("0C2C03810D 970100 8E0868E6D9018447B04D 00")).expect("MAC ok");
        assert_eq!((rrc.ins, rrc.p1, rrc.p2, rrc.data(), rrc.le()), (0x2C, 3, 0x81, &[][..], Some(256)));
    }

    #[test]
    fn a_flipped_bit_or_a_replay_is_refused() {
        let z: Vec<u8> = (0..=255u8).collect();
        let wrapped = unhex("0C2000811D 871101C0C020864CCCE390B9B0B11267FF1A97 8E080D437728FB19A1A4 00");
        let mut tampered = wrapped.clone();
        tampered[8] ^= 1;
        assert!(CardSm::from_secret(&z).open(&CommandApdu::from_bytes(&tampered).expect("APDU")).is_none());
        let mut card = CardSm::from_secret(&z);
        assert!(card.open(&CommandApdu::from_bytes(&wrapped).expect("APDU")).is_some());
        assert!(card.open(&CommandApdu::from_bytes(&wrapped).expect("APDU")).is_none(), "the counter moved: a replay fails");
    }
}
