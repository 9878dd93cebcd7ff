//! A scripted hostile card: the fuzzer writes every answer the "card" gives, and the service
//! operations run against it with these invariants:
//! - no panic, no endless loop: when the script ends, the card keeps repeating its last answer
//!   (say 256 bytes + 9000 forever), and every read loop must still end;
//! - reads (overview, certificate, PIN dialog status) send no PIN or PUK at all;
//! - a PIN change or unblock presents the secrets in at most 1 command on a CNS card and at
//!   most 2 on a CIE (check, then change), never again after an error;
//! - the number of APDUs per operation is bounded.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_core::apdu::CommandApdu;
use tessera_core::secret::{LengthRule, Pin, Puk};
use tessera_core::service::{self, ChangePin, UnblockPin};
use tessera_core::transport::{Connection, Transaction, TransportError};

const ATRS: [&[u8]; 6] = [
    &[0x3B, 0xFF, 0x18, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x55, 0x00, 0x6B, 0x02, 0x09, 0x17, 0x17, 0x01, 0x11, 0x01, 0x43, 0x4E, 0x53, 0x11, 0x31, 0x80, 0x8C],
    &[0x3B, 0xFF, 0x18, 0x00, 0xFF, 0xC1, 0x0A, 0x31, 0xFE, 0x55, 0x00, 0x6B, 0x05, 0x08, 0xC8, 0x0C, 0x01, 0x11, 0x01, 0x43, 0x4E, 0x53, 0x10, 0x31, 0x80, 0x05],
    &[0x3B, 0xFF, 0x18, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x4D, 0x00, 0x6B, 0x04, 0x04, 0xB8, 0x5B, 0x01, 0xF1, 0x01, 0x43, 0x4E, 0x53, 0x10, 0x31, 0x80, 0x9D],
    &[0x3B, 0x80, 0x80, 0x01, 0x01],
    &[0x3B, 0x8F, 0x80, 0x01, 0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x44, 0x12, 0x0F, 0xFF, 0x82, 0x90, 0x00, 0x8D],
    &[0x3B, 0x8F, 0x80, 0x01, 0x80, 0x31, 0x80, 0x65, 0xB0, 0x85, 0x04, 0x00, 0x11, 0x12, 0x0F, 0xFF, 0x82, 0x90, 0x00, 0x8A],
];

/// No operation may need more APDUs than this (a whole 32 KiB file in 256-byte reads, each
/// answer in up to 256 GET RESPONSE parts, is far below; an unbounded loop is far above).
const MAX_APDUS: u32 = 40_000;

struct Script<'a> {
    atr: &'a [u8],
    data: &'a [u8],
}

/// One transaction: answers from the script, counting into the connection.
struct Tx<'a, 'b> {
    script: &'b mut Script<'a>,
    last: Vec<u8>,
    apdus: &'b mut u32,
    secrets: &'b mut u32,
}

impl Transaction for Tx<'_, '_> {
    fn transmit(&mut self, cmd: &CommandApdu) -> Result<Vec<u8>, TransportError> {
        *self.apdus += 1;
        assert!(*self.apdus <= MAX_APDUS, "unbounded: {} APDUs", self.apdus);
        if cmd.is_sensitive() {
            *self.secrets += 1;
        }
        // One answer: a length byte, that many data bytes, SW1 SW2.
        let d = &mut self.script.data;
        if let Some((&n, rest)) = d.split_first() {
            let n = usize::from(n).min(rest.len().saturating_sub(2));
            if rest.len() >= n + 2 {
                self.last = rest[..n + 2].to_vec();
                *d = &rest[n + 2..];
            } else {
                *d = &[];
            }
        }
        if self.last.is_empty() {
            return Err(TransportError::CardRemoved);
        }
        Ok(self.last.clone())
    }
}

struct Conn<'a> {
    script: Script<'a>,
    secrets: u32,
    apdus: u32,
}

impl Connection for Conn<'_> {
    fn reader(&self) -> &str {
        "hostile"
    }
    fn atr(&self) -> &[u8] {
        self.script.atr
    }
    fn trusts_simulated_cards(&self) -> bool {
        true
    }
    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>, TransportError> {
        Ok(Box::new(Tx { script: &mut self.script, last: Vec::new(), apdus: &mut self.apdus, secrets: &mut self.secrets }))
    }
}

fn pin(s: &str) -> Pin {
    Pin::parse(s.into(), LengthRule { min: 5, max: 8 }).expect("pin")
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let atr = ATRS[usize::from(sel) % ATRS.len()];
    let cie = atr.len() == 20;
    let op = (sel / 8) % 5;
    let mut c = Conn { script: Script { atr, data: rest }, secrets: 0, apdus: 0 };
    let max_secrets = match op {
        0 => {
            let _ = service::overview(&mut c);
            0
        }
        1 => {
            let _ = service::read_certificate(&mut c);
            0
        }
        2 => {
            let _ = service::pin_status(&mut c);
            0
        }
        3 => {
            let _ = service::change_pin(&mut c, ChangePin { current: pin("31415926"), new: pin("58209749"), confirm_last_try: true });
            if cie { 2 } else { 1 }
        }
        _ => {
            let puk = Puk::parse("27182818".into(), LengthRule { min: 8, max: 8 }).expect("puk");
            let _ = service::unblock_pin(&mut c, UnblockPin { puk, new: pin("58209749"), confirm_last_try: true });
            if cie { 2 } else { 1 }
        }
    };
    assert!(c.secrets <= max_secrets, "op {op}: {} commands carried a secret (max {max_secrets})", c.secrets);
    assert!(c.apdus <= MAX_APDUS);
});
