//! The simulated CIE's PIN and PUK (CIE spec §5, §8): counters of 3 and 10 tries, VERIFY with
//! and without data, CHANGE REFERENCE DATA and RESET RETRY COUNTER; only after the device
//! authentication, under secure messaging.

use super::{CieApplet, PIN_MAX, PUK_MAX, sw};
use tessera_apdu::apdu::StatusWord;
use zeroize::Zeroizing;

impl CieApplet {
    pub(super) fn verify(&mut self, reference: u8, data: &[u8]) -> (Vec<u8>, StatusWord) {
        let is_pin = reference == 0x81;
        let left = if is_pin { self.pin_left } else { self.puk_left };
        if data.is_empty() {
            // Counter query, no try spent (IAS-ECC behaviour; unverified on real CIEs).
            let verified = if is_pin { self.pin_ok } else { self.puk_ok };
            return sw(if left == 0 {
                StatusWord::AuthMethodBlocked
            } else if verified {
                StatusWord::Ok
            } else {
                StatusWord::VerifyFailed { tries_left: left }
            });
        }
        if data.len() != 8 {
            return sw(StatusWord::WrongLength);
        }
        if left == 0 {
            return sw(StatusWord::AuthMethodBlocked);
        }
        let good = if is_pin { data == &self.pin[..] } else { data == &self.puk[..] };
        let (counter, flag, max) = if is_pin {
            (&mut self.pin_left, &mut self.pin_ok, PIN_MAX)
        } else {
            (&mut self.puk_left, &mut self.puk_ok, PUK_MAX)
        };
        if good {
            *counter = max;
            *flag = true;
            sw(StatusWord::Ok)
        } else {
            *counter -= 1;
            *flag = false;
            sw(StatusWord::VerifyFailed { tries_left: *counter })
        }
    }

    /// CHANGE REFERENCE DATA on the PIN: the current PIN (checked as VERIFY does) ‖ the new one.
    pub(super) fn change_reference_data(&mut self, data: &[u8]) -> (Vec<u8>, StatusWord) {
        if data.len() != 16 {
            return sw(StatusWord::WrongLength);
        }
        let (old, new) = data.split_at(8);
        let r = self.verify(0x81, old);
        if r.1 != StatusWord::Ok {
            return r;
        }
        if !new.iter().all(u8::is_ascii_digit) {
            return sw(StatusWord::IncorrectData);
        }
        self.pin = Zeroizing::new(new.to_vec());
        sw(StatusWord::Ok)
    }

    /// RESET RETRY COUNTER on the PIN after the PUK was verified in this session: P1=02 with the
    /// new PIN, P1=03 the counter only.
    pub(super) fn reset_retry_counter(&mut self, p1: u8, data: &[u8]) -> (Vec<u8>, StatusWord) {
        if !self.puk_ok {
            return sw(StatusWord::SecurityStatusNotSatisfied);
        }
        if p1 == 0x02 {
            if data.len() != 8 {
                return sw(StatusWord::WrongLength);
            }
            if !data.iter().all(u8::is_ascii_digit) {
                return sw(StatusWord::IncorrectData);
            }
            self.pin = Zeroizing::new(data.to_vec());
        }
        self.pin_left = PIN_MAX;
        sw(StatusWord::Ok)
    }
}
