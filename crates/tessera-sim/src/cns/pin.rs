//! The simulated CNS card's PIN and PUK (CNS spec §3): references with the STIncard 0x80 bit,
//! stored 5–8 digits padded with FF, counters of 3 and 10 tries, VERIFY with and without data,
//! CHANGE REFERENCE DATA and RESET RETRY COUNTER.

use super::{CnsApplet, PIN_MAX, PUK_MAX, sw};
use tessera_apdu::apdu::{CommandApdu, StatusWord};
use zeroize::Zeroizing;

/// A stored-format PIN: 5–8 ASCII digits then 0xFF padding to 8 bytes.
fn well_formed_pin(v: &[u8]) -> bool {
    let digits = v.iter().take_while(|b| b.is_ascii_digit()).count();
    v.len() == 8 && (5..=8).contains(&digits) && v[digits..].iter().all(|&b| b == 0xFF)
}

impl CnsApplet {
    pub(super) fn pin_ref(&self) -> u8 {
        // STIncard answers only with the 0x80 bit set (CNS spec §3.1). What a real STIncard
        // answers to a plain 0x10 is unverified; refusing it (6A88) is the strict choice.
        if self.stincard { 0x90 } else { 0x10 }
    }

    pub(super) fn verify(&mut self, cmd: &CommandApdu) -> Vec<u8> {
        if cmd.p1 != 0x00 {
            return sw(StatusWord::IncorrectP1P2);
        }
        let is_pin = cmd.p2 == self.pin_ref();
        let is_puk = cmd.p2 == self.pin_ref() + 1;
        if !is_pin && !is_puk {
            return sw(StatusWord::ReferenceNotFound);
        }
        let left = if is_pin { self.pin_left } else { self.puk_left };
        if cmd.data().is_empty() {
            // Counter query: spends nothing. 9000 when already verified (design choice, CNS §7.7).
            return if left == 0 {
                sw(StatusWord::AuthMethodBlocked)
            } else if is_pin && self.verified {
                sw(StatusWord::Ok)
            } else {
                sw(StatusWord::VerifyFailed { tries_left: left })
            };
        }
        if cmd.data().len() != 8 {
            return sw(StatusWord::WrongLength);
        }
        if left == 0 {
            return sw(StatusWord::AuthMethodBlocked);
        }
        let good = if is_pin { cmd.data() == &self.pin[..] } else { cmd.data() == &self.puk[..] };
        if is_pin {
            self.check_pin(good)
        } else if good {
            self.puk_left = PUK_MAX;
            sw(StatusWord::Ok)
        } else {
            self.puk_left -= 1;
            sw(StatusWord::VerifyFailed { tries_left: self.puk_left })
        }
    }

    fn check_pin(&mut self, good: bool) -> Vec<u8> {
        if good {
            self.pin_left = PIN_MAX;
            self.verified = true;
            sw(StatusWord::Ok)
        } else {
            self.pin_left -= 1;
            self.verified = false;
            sw(StatusWord::VerifyFailed { tries_left: self.pin_left })
        }
    }

    pub(super) fn change(&mut self, cmd: &CommandApdu) -> Vec<u8> {
        if cmd.p1 != 0x00 {
            return sw(StatusWord::IncorrectP1P2);
        }
        if cmd.p2 != self.pin_ref() {
            return sw(StatusWord::ReferenceNotFound);
        }
        if cmd.data().len() != 16 {
            return sw(StatusWord::WrongLength);
        }
        if self.pin_left == 0 {
            return sw(StatusWord::AuthMethodBlocked);
        }
        let (old, new) = cmd.data().split_at(8);
        // Refusing a malformed new PIN before checking the old one spends no try (the real
        // cards' order is unverified; this is the safe choice).
        if !well_formed_pin(new) {
            return sw(StatusWord::IncorrectData);
        }
        let good = old == &self.pin[..];
        let r = self.check_pin(good);
        if good {
            self.pin = Zeroizing::new(new.to_vec());
        }
        r
    }

    pub(super) fn reset_retry_counter(&mut self, cmd: &CommandApdu) -> Vec<u8> {
        if cmd.p2 != self.pin_ref() {
            return sw(StatusWord::ReferenceNotFound);
        }
        let want = match cmd.p1 {
            0x00 => 16,
            0x01 => 8,
            _ => return sw(StatusWord::IncorrectP1P2),
        };
        if cmd.data().len() != want {
            return sw(StatusWord::WrongLength);
        }
        if self.puk_left == 0 {
            return sw(StatusWord::AuthMethodBlocked);
        }
        let (puk, new) = cmd.data().split_at(8);
        if want == 16 && !well_formed_pin(new) {
            return sw(StatusWord::IncorrectData);
        }
        if puk != &self.puk[..] {
            self.puk_left -= 1;
            return sw(StatusWord::VerifyFailed { tries_left: self.puk_left });
        }
        self.puk_left = PUK_MAX;
        self.pin_left = PIN_MAX;
        self.verified = false;
        if want == 16 {
            self.pin = Zeroizing::new(new.to_vec());
        }
        sw(StatusWord::Ok)
    }
}
