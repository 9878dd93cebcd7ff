//! ISO/IEC 7816-4 commands and the one exchange helper that handles 61xx and 6Cxx.

use super::error::{CardError, Op};
use tessera_apdu::apdu::{CommandApdu, ResponseApdu, StatusWord};
use tessera_apdu::transport::{Transaction, transmit_traced};

/// A card channel inside one transaction: every APDU of an operation goes through it.
pub struct Channel<'t> {
    tx: &'t mut dyn Transaction,
    sent: u32,
    last_secret: Option<SecretSent>,
    secrets: u32,
    started: std::time::Instant,
}

/// The most commands one operation may take. The longest real ones take about 90 (a CIE's
/// login and first signature, with its key agreement and EF.SOD); a card whose files never
/// end would otherwise keep an operation going for a minute and more.
pub const APDU_BUDGET: u32 = 300;

/// The longest one operation may talk to the card (a mute card is the watcher's business:
/// this bounds a card that answers, but without end). 300 commands at a slow reader's 30 ms
/// take 9 s.
pub const TIME_BUDGET: std::time::Duration = std::time::Duration::from_secs(20);

/// The last command carrying a PIN or PUK that was handed to the transport, and whether its
/// answer came back. What a fault after it may have done on the card depends on both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecretSent {
    /// Its INS byte (0x20 VERIFY, 0x24 CHANGE REFERENCE DATA, 0x2C RESET RETRY COUNTER).
    pub ins: u8,
    /// A complete answer (data and status word) arrived.
    pub answered: bool,
}

impl<'t> Channel<'t> {
    /// Wraps a transaction.
    pub fn new(tx: &'t mut dyn Transaction) -> Self {
        Self { tx, sent: 0, last_secret: None, secrets: 0, started: std::time::Instant::now() }
    }

    /// How many commands carrying a secret were sent in this transaction.
    pub fn secrets_sent(&self) -> u32 {
        self.secrets
    }

    /// The last command carrying a secret, if any was sent in this transaction.
    pub fn last_secret(&self) -> Option<SecretSent> {
        self.last_secret
    }

    /// APDUs sent so far.
    pub fn apdus_sent(&self) -> u32 {
        self.sent
    }

    /// Resets the card and goes on in this transaction (nothing verified, no current file, no
    /// secure session). Only before a secret was sent: what a reset would do to a pending
    /// command's outcome is not for this layer to hide.
    pub fn reset_card(&mut self) -> Result<(), CardError> {
        debug_assert!(self.secrets == 0, "a reset after a secret would hide its outcome");
        Ok(self.tx.reset()?)
    }

    fn send(&mut self, cmd: &CommandApdu) -> Result<ResponseApdu, CardError> {
        if self.sent >= APDU_BUDGET || self.started.elapsed() > TIME_BUDGET {
            tracing::warn!(apdus = self.sent, "the operation's budget is spent: stopped before the next command");
            return Err(CardError::Malformed("the card's answers do not end: the operation was stopped (nothing more was sent)"));
        }
        self.sent += 1;
        if cmd.is_sensitive() {
            self.last_secret = Some(SecretSent { ins: cmd.ins, answered: false });
            self.secrets += 1;
        }
        let raw = transmit_traced(&mut *self.tx, cmd)?;
        let resp = ResponseApdu::from_bytes(&raw)?;
        if let Some(s) = self.last_secret.as_mut().filter(|_| cmd.is_sensitive()) {
            s.answered = true;
        }
        Ok(resp)
    }

    /// Sends `cmd`; fetches 61xx data with GET RESPONSE; re-sends once with the exact Le on
    /// 6Cxx (never for sensitive commands, which carry no Le anyway: a PIN is never re-sent).
    pub fn exchange(&mut self, cmd: &CommandApdu) -> Result<ResponseApdu, CardError> {
        let mut resp = self.send(cmd)?;
        if let StatusWord::WrongLe(exact) = resp.sw
            && !cmd.is_sensitive() && cmd.le().is_some() {
                let again = cmd.clone().with_le(if exact == 0 { 256 } else { u32::from(exact) });
                resp = self.send(&again)?;
            }
        let mut guard = 0;
        while let StatusWord::BytesAvailable(n) = resp.sw {
            guard += 1;
            if guard > 256 {
                return Err(CardError::Unexpected { op: Op::GetResponse, sw: resp.sw });
            }
            let more = self.send(&get_response(n))?;
            resp.extend(more.data());
            resp.sw = more.sw;
        }
        Ok(resp)
    }

    /// Sends a command whose data may exceed one short APDU using ISO command chaining.
    pub fn exchange_chained(&mut self, cmd: &CommandApdu) -> Result<ResponseApdu, CardError> {
        let links = cmd.chain(tessera_apdu::apdu::command_short_max());
        let last = links.len() - 1;
        for (i, link) in links.iter().enumerate() {
            let r = self.exchange(link)?;
            if i == last || !r.sw.is_ok() {
                return Ok(r);
            }
        }
        unreachable!("chain() returns at least one link")
    }

    /// Reads `len` bytes of the current EF from `offset` (fewer if the file ends first), with
    /// short READ BINARY commands of at most 256 bytes.
    ///
    /// End of file, as cards signal it: a short answer with 9000, 6282, or 6B00 at an offset
    /// past the end (seen on CNS cards). Any of these ends the read with the data so far.
    pub fn read_binary(&mut self, offset: usize, len: usize) -> Result<Vec<u8>, CardError> {
        read_loop(offset, len, 256, |pos, want| self.exchange(&read_binary(pos, want)))
    }
}

/// Total length of a DER element from its header (`30 82 LL LL` → LLLL + 4).
pub fn der_total_len(b: &[u8]) -> Option<usize> {
    if b.len() < 2 || b[0] != 0x30 {
        return None;
    }
    let l = b[1];
    if l < 0x80 {
        return Some(2 + usize::from(l));
    }
    let n = usize::from(l & 0x7F);
    if n == 0 || n > 3 || b.len() < 2 + n {
        return None;
    }
    let len = b[2..2 + n].iter().fold(0usize, |a, &x| (a << 8) | usize::from(x));
    Some(2 + n + len)
}

/// The largest offset a short READ BINARY can address (15 bits): every file read stops there,
/// whatever the card answers, so a card that never signals the end cannot grow memory or loop.
pub const MAX_READ_OFFSET: usize = 0x7FFF;

/// The one READ BINARY loop, plain or under secure messaging: reads `len` bytes from `offset`
/// (fewer if the file ends first) in chunks of at most `chunk` bytes (≤ 256) with
/// `read(pos, want)`.
///
/// End of file, as cards signal it: a short answer with 9000, 6282, or 6B00 at an offset past
/// the end (seen on CNS cards). Any of these ends the read with the data so far. The read also
/// ends at [`MAX_READ_OFFSET`]; data a card sends beyond what was asked is dropped.
pub fn read_loop(
    offset: usize,
    len: usize,
    chunk: usize,
    mut read: impl FnMut(u16, u32) -> Result<ResponseApdu, CardError>,
) -> Result<Vec<u8>, CardError> {
    let len = len.min((MAX_READ_OFFSET + 1).saturating_sub(offset));
    let chunk = chunk.clamp(1, 256);
    let mut out = Vec::with_capacity(len.min(4096));
    while out.len() < len {
        let pos = offset + out.len();
        let want = (len - out.len()).min(chunk);
        let r = read(pos as u16, want as u32)?;
        match r.sw {
            StatusWord::Ok | StatusWord::EndOfFile => {
                let got = r.data().len();
                out.extend_from_slice(&r.data()[..got.min(want)]);
                if got < want || r.sw == StatusWord::EndOfFile {
                    break;
                }
            }
            StatusWord::WrongParameters if pos > 0 => break,
            sw => return Err(CardError::Unexpected { op: Op::ReadBinary, sw }),
        }
    }
    Ok(out)
}

/// SELECT the MF (ISO 7816-4 §11.1.1), no answer data.
pub fn select_mf() -> CommandApdu {
    CommandApdu::new(0x00, 0xA4, 0x00, 0x0C).with_data(vec![0x3F, 0x00])
}

/// SELECT by path from the MF (P1=08, MF id omitted), no answer data.
pub fn select_path_from_mf(path: &[u8]) -> CommandApdu {
    CommandApdu::new(0x00, 0xA4, 0x08, 0x0C).with_data(path.to_vec())
}

/// SELECT by path from the current DF (P1=09), no answer data.
pub fn select_path_from_current(path: &[u8]) -> CommandApdu {
    CommandApdu::new(0x00, 0xA4, 0x09, 0x0C).with_data(path.to_vec())
}

/// SELECT an application by AID (P1=04), no answer data.
pub fn select_aid(aid: &[u8]) -> CommandApdu {
    CommandApdu::new(0x00, 0xA4, 0x04, 0x0C).with_data(aid.to_vec())
}

/// READ BINARY at a 15-bit offset (ISO 7816-4 §11.2.3).
pub fn read_binary(offset: u16, le: u32) -> CommandApdu {
    CommandApdu::new(0x00, 0xB0, (offset >> 8) as u8 & 0x7F, offset as u8).with_le(le)
}

/// GET RESPONSE (ISO 7816-4 §11.5.6); `n` = 0 means 256.
pub fn get_response(n: u8) -> CommandApdu {
    CommandApdu::new(0x00, 0xC0, 0x00, 0x00).with_le(if n == 0 { 256 } else { u32::from(n) })
}

/// VERIFY (ISO 7816-4 §11.5.7). Without data it reads the retry counter and spends no try.
pub fn verify(reference: u8, data: Option<&[u8]>) -> CommandApdu {
    let c = CommandApdu::new(0x00, 0x20, 0x00, reference);
    match data {
        Some(d) => c.with_data(d.to_vec()).sensitive(),
        None => c,
    }
}

/// CHANGE REFERENCE DATA (ISO 7816-4 §11.5.8): old ‖ new.
pub fn change_reference_data(reference: u8, old_and_new: &[u8]) -> CommandApdu {
    CommandApdu::new(0x00, 0x24, 0x00, reference).with_data(old_and_new.to_vec()).sensitive()
}

/// RESET RETRY COUNTER (ISO 7816-4 §11.5.10), P1=00: PUK ‖ new PIN; P2 = the PIN's reference.
pub fn reset_retry_counter(pin_reference: u8, puk_and_new: &[u8]) -> CommandApdu {
    CommandApdu::new(0x00, 0x2C, 0x00, pin_reference).with_data(puk_and_new.to_vec()).sensitive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_length_from_header() {
        assert_eq!(der_total_len(&[0x30, 0x82, 0x04, 0xD2]), Some(0x4D2 + 4));
        assert_eq!(der_total_len(&[0x30, 0x10]), Some(18));
        assert_eq!(der_total_len(&[0x31, 0x10]), None);
        assert_eq!(der_total_len(&[0x30, 0x80]), None);
    }

    use tessera_apdu::transport::TransportError;
    use std::collections::VecDeque;

    /// Answers from a script and records what was sent (unit-level check of the helper only).
    struct Script {
        answers: VecDeque<Vec<u8>>,
        sent: Vec<Vec<u8>>,
    }

    impl Transaction for Script {
        fn transmit(&mut self, cmd: &CommandApdu) -> Result<Vec<u8>, TransportError> {
            self.sent.push(cmd.to_bytes().to_vec());
            Ok(self.answers.pop_front().unwrap_or_default())
        }
    }

    fn script(answers: &[&[u8]]) -> Script {
        Script { answers: answers.iter().map(|a| a.to_vec()).collect(), sent: vec![] }
    }

    #[test]
    fn get_response_collects_61xx_data() {
        let mut s = script(&[&[0x61, 0x02], &[1, 2, 0x61, 0x01], &[3, 0x90, 0x00]]);
        let r = Channel::new(&mut s).exchange(&read_binary(0, 256)).expect("ok");
        assert_eq!(r.data(), &[1, 2, 3]);
        assert_eq!(s.sent[1], vec![0, 0xC0, 0, 0, 2]);
        assert_eq!(s.sent[2], vec![0, 0xC0, 0, 0, 1]);
    }

    #[test]
    fn wrong_le_is_resent_once_with_the_exact_length() {
        let mut s = script(&[&[0x6C, 0x10], &[9; 18]]);
        let mut ch = Channel::new(&mut s);
        let _ = ch.exchange(&read_binary(0, 256)).expect("ok");
        assert_eq!(ch.apdus_sent(), 2);
        assert_eq!(s.sent[1], vec![0, 0xB0, 0, 0, 0x10]);
    }

    #[test]
    fn a_response_without_status_word_is_an_error() {
        let mut s = script(&[&[]]);
        let e = Channel::new(&mut s).exchange(&select_mf()).expect_err("must fail");
        assert!(matches!(e, CardError::Response(_)), "{e:?}");
    }

    #[test]
    fn read_binary_stops_at_end_of_file() {
        // 300-byte file: first read 256 bytes, second read asks 256 and gets the last 44.
        let mut first = vec![0xAA; 256];
        first.extend_from_slice(&[0x90, 0]);
        let mut second = vec![0xBB; 44];
        second.extend_from_slice(&[0x90, 0]);
        let mut s = script(&[&first, &second]);
        let data = Channel::new(&mut s).read_binary(0, 1000).expect("ok");
        assert_eq!(data.len(), 300);
        // 6B00 past the end also ends the read.
        let mut s = script(&[&first, &[0x6B, 0x00]]);
        assert_eq!(Channel::new(&mut s).read_binary(0, 512).expect("ok").len(), 256);
    }
}
