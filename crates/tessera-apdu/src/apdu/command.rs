//! Command APDUs (ISO/IEC 7816-4 §5.1): cases 1–4, short and extended, command chaining.

use std::fmt;
use zeroize::Zeroizing;

/// Largest `Nc` of a short APDU.
pub const SHORT_MAX_DATA: usize = 255;
/// Largest `Ne` of a short APDU (encoded as `00`).
pub const SHORT_MAX_LE: u32 = 256;
/// Largest `Ne` of an extended APDU (encoded as `00 00`).
pub const EXTENDED_MAX_LE: u32 = 65_536;

/// A command APDU.
///
/// The body is kept in a zeroizing buffer. Commands that carry secrets (VERIFY, CHANGE REFERENCE
/// DATA, RESET RETRY COUNTER) are marked [`CommandApdu::sensitive`]: their body never appears in
/// `Debug` output or in traces.
#[derive(Clone, PartialEq, Eq)]
pub struct CommandApdu {
    /// Class byte.
    pub cla: u8,
    /// Instruction byte.
    pub ins: u8,
    /// Parameter 1.
    pub p1: u8,
    /// Parameter 2.
    pub p2: u8,
    data: Zeroizing<Vec<u8>>,
    le: Option<u32>,
    sensitive: bool,
}

/// Why bytes could not be decoded as a command APDU.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// Fewer than 4 header bytes.
    #[error("APDU shorter than its 4-byte header")]
    TooShort,
    /// The length fields do not match the number of bytes.
    #[error("APDU length fields do not match its size")]
    BadLength,
}

impl CommandApdu {
    /// A case 1 command (header only).
    pub fn new(cla: u8, ins: u8, p1: u8, p2: u8) -> Self {
        Self { cla, ins, p1, p2, data: Zeroizing::new(Vec::new()), le: None, sensitive: false }
    }

    /// Sets the command data (`Nc` = its length; empty = no Lc field).
    #[must_use]
    pub fn with_data(mut self, data: impl Into<Vec<u8>>) -> Self {
        self.data = Zeroizing::new(data.into());
        self
    }

    /// Sets the expected response length `Ne` (1..=65536; `None` = no Le field).
    #[must_use]
    pub fn with_le(mut self, le: u32) -> Self {
        self.le = Some(le.clamp(1, EXTENDED_MAX_LE));
        self
    }

    /// Removes the Le field.
    #[must_use]
    pub fn without_le(mut self) -> Self {
        self.le = None;
        self
    }

    /// Marks the body as secret (PIN/PUK): never logged, never shown by `Debug`.
    #[must_use]
    pub fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Whether the body is secret.
    pub fn is_sensitive(&self) -> bool {
        self.sensitive
    }

    /// The command data.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The expected response length `Ne`, if any.
    pub fn le(&self) -> Option<u32> {
        self.le
    }

    /// The ISO case: 1 (no data, no Le), 2 (Le), 3 (data), 4 (data and Le).
    pub fn case(&self) -> u8 {
        match (self.data.is_empty(), self.le.is_some()) {
            (true, false) => 1,
            (true, true) => 2,
            (false, false) => 3,
            (false, true) => 4,
        }
    }

    /// Whether the encoding needs extended length fields.
    pub fn is_extended(&self) -> bool {
        self.data.len() > SHORT_MAX_DATA || self.le.is_some_and(|le| le > SHORT_MAX_LE)
    }

    /// Encodes the command; short form when it fits, extended form otherwise.
    /// The returned buffer is zeroized on drop (it may hold a PIN).
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::with_capacity(self.data.len() + 9));
        out.extend_from_slice(&[self.cla, self.ins, self.p1, self.p2]);
        let ext = self.is_extended();
        if !self.data.is_empty() {
            let n = self.data.len();
            if ext {
                out.extend_from_slice(&[0, (n >> 8) as u8, n as u8]);
            } else {
                out.push(n as u8);
            }
            out.extend_from_slice(&self.data);
        }
        if let Some(le) = self.le {
            let v = if le >= EXTENDED_MAX_LE { 0 } else { le };
            if ext {
                if self.data.is_empty() {
                    out.push(0);
                }
                out.extend_from_slice(&[(v >> 8) as u8, v as u8]);
            } else {
                out.push(if le >= SHORT_MAX_LE { 0 } else { le as u8 });
            }
        }
        out
    }

    /// Decodes a command APDU (used by the simulated card).
    pub fn from_bytes(b: &[u8]) -> Result<Self, DecodeError> {
        if b.len() < 4 {
            return Err(DecodeError::TooShort);
        }
        let mut cmd = Self::new(b[0], b[1], b[2], b[3]);
        let body = &b[4..];
        let short_le = |x: u8| if x == 0 { SHORT_MAX_LE } else { u32::from(x) };
        let ext_le = |hi: u8, lo: u8| {
            let v = u32::from(u16::from_be_bytes([hi, lo]));
            if v == 0 { EXTENDED_MAX_LE } else { v }
        };
        match body.len() {
            0 => {}
            1 => cmd.le = Some(short_le(body[0])),
            _ if body[0] != 0 => {
                let nc = usize::from(body[0]);
                if body.len() == 1 + nc {
                    cmd.data = Zeroizing::new(body[1..].to_vec());
                } else if body.len() == 2 + nc {
                    cmd.data = Zeroizing::new(body[1..=nc].to_vec());
                    cmd.le = Some(short_le(body[1 + nc]));
                } else {
                    return Err(DecodeError::BadLength);
                }
            }
            3 => cmd.le = Some(ext_le(body[1], body[2])),
            n if n > 3 => {
                let nc = usize::from(u16::from_be_bytes([body[1], body[2]]));
                if nc == 0 {
                    return Err(DecodeError::BadLength);
                }
                if n == 3 + nc {
                    cmd.data = Zeroizing::new(body[3..].to_vec());
                } else if n == 5 + nc {
                    cmd.data = Zeroizing::new(body[3..3 + nc].to_vec());
                    cmd.le = Some(ext_le(body[3 + nc], body[4 + nc]));
                } else {
                    return Err(DecodeError::BadLength);
                }
            }
            _ => return Err(DecodeError::BadLength),
        }
        Ok(cmd)
    }

    /// Splits the command into an ISO command chain (CLA bit b5 set on all but the last link),
    /// each link carrying at most `max_data` bytes. Le goes on the last link only.
    pub fn chain(&self, max_data: usize) -> Vec<CommandApdu> {
        let max_data = max_data.max(1);
        if self.data.len() <= max_data {
            return vec![self.clone()];
        }
        let chunks: Vec<&[u8]> = self.data.chunks(max_data).collect();
        let last = chunks.len() - 1;
        chunks
            .into_iter()
            .enumerate()
            .map(|(i, chunk)| CommandApdu {
                cla: if i == last { self.cla } else { self.cla | 0x10 },
                ins: self.ins,
                p1: self.p1,
                p2: self.p2,
                data: Zeroizing::new(chunk.to_vec()),
                le: if i == last { self.le } else { None },
                sensitive: self.sensitive,
            })
            .collect()
    }

    /// The header and length fields for a trace line, with the body only if not sensitive.
    pub fn trace_string(&self) -> String {
        let mut s = format!("{:02X} {:02X} {:02X} {:02X}", self.cla, self.ins, self.p1, self.p2);
        if !self.data.is_empty() {
            s.push_str(&format!(" Lc={}", self.data.len()));
            if self.sensitive {
                s.push_str(" [redacted]");
            } else {
                s.push_str(&format!(" {}", hex(&self.data)));
            }
        }
        if let Some(le) = self.le {
            s.push_str(&format!(" Le={le}"));
        }
        s
    }
}

impl fmt::Debug for CommandApdu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CommandApdu({})", self.trace_string())
    }
}

/// Upper-case hex with spaces, for traces and messages.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&format!("{b:02X}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn encodes_the_four_short_cases() {
        let c1 = CommandApdu::new(0, 0x20, 0, 0x90);
        assert_eq!(&*c1.to_bytes(), &[0x00, 0x20, 0x00, 0x90]);
        let c2 = CommandApdu::new(0, 0xB0, 0, 0).with_le(256);
        assert_eq!(&*c2.to_bytes(), &[0x00, 0xB0, 0x00, 0x00, 0x00]);
        let c3 = CommandApdu::new(0, 0xA4, 0, 0x0C).with_data(vec![0x3F, 0x00]);
        assert_eq!(&*c3.to_bytes(), &[0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00]);
        let c4 = CommandApdu::new(0, 0xA4, 8, 0).with_data(vec![0x11, 0x00]).with_le(256);
        assert_eq!(&*c4.to_bytes(), &[0x00, 0xA4, 0x08, 0x00, 0x02, 0x11, 0x00, 0x00]);
    }

    #[test]
    fn encodes_extended_forms() {
        // 2048-bit PSO DECIPHER as OpenSC sends it on readers with extended length.
        let data = vec![0u8; 257];
        let c = CommandApdu::new(0, 0x2A, 0x80, 0x86).with_data(data).with_le(256);
        let b = c.to_bytes();
        assert_eq!(&b[..7], &[0x00, 0x2A, 0x80, 0x86, 0x00, 0x01, 0x01]);
        assert_eq!(&b[b.len() - 2..], &[0x01, 0x00]);
        let c2 = CommandApdu::new(0, 0xB0, 0, 0).with_le(65536);
        assert_eq!(&*c2.to_bytes(), &[0, 0xB0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn chains_long_data_with_cla_bit_b5() {
        let c = CommandApdu::new(0, 0x2A, 0x80, 0x86).with_data(vec![7u8; 257]).with_le(256);
        let links = c.chain(255);
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].cla, 0x10);
        assert_eq!(links[0].data().len(), 255);
        assert_eq!(links[0].le(), None);
        assert_eq!(links[1].cla, 0x00);
        assert_eq!(links[1].data().len(), 2);
        assert_eq!(links[1].le(), Some(256));
    }

    #[test]
    fn sensitive_body_is_not_in_debug_or_trace() {
        let c = CommandApdu::new(0, 0x20, 0, 0x90).with_data(b"31415926".to_vec()).sensitive();
        let dbg = format!("{c:?}");
        assert!(!dbg.contains("33 31"), "{dbg}");
        assert!(dbg.contains("Lc=8 [redacted]"), "{dbg}");
    }

    #[test]
    fn rejects_inconsistent_lengths() {
        assert_eq!(CommandApdu::from_bytes(&[0, 0xA4, 0]), Err(DecodeError::TooShort));
        assert_eq!(CommandApdu::from_bytes(&[0, 0xA4, 0, 0, 3, 1]), Err(DecodeError::BadLength));
        assert_eq!(CommandApdu::from_bytes(&[0, 0xA4, 0, 0, 0, 0]), Err(DecodeError::BadLength));
    }

    proptest! {
        #[test]
        fn round_trips(cla: u8, ins: u8, p1: u8, p2: u8,
                       data in proptest::collection::vec(any::<u8>(), 0..600),
                       le in proptest::option::of(1u32..=65536)) {
            let mut c = CommandApdu::new(cla, ins, p1, p2).with_data(data);
            if let Some(le) = le { c = c.with_le(le); }
            let back = CommandApdu::from_bytes(&c.to_bytes()).expect("decodes");
            prop_assert_eq!(back, c);
        }

        #[test]
        fn decoding_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = CommandApdu::from_bytes(&bytes);
        }
    }
}
