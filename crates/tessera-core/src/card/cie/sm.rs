//! CIE secure messaging (CIE spec §4): 3DES-encrypted data (DO87), expected length (DO97),
//! status (DO99) and a retail MAC (DO8E) over the send-sequence counter and the objects.

use super::crypto::{decrypt, encrypt, pad, retail_mac};
use tessera_apdu::apdu::{CommandApdu, ResponseApdu, StatusWord};
pub use crate::card::error::SmError;
use iso7816_tlv::ber::{Tlv, Value};
use zeroize::Zeroizing;

/// Largest plain data piece per SM command; longer data is chained (CIE spec §4).
pub const SM_CHUNK: usize = 0xE7;

/// Bytes asked per READ BINARY under SM: the most whose secured answer fits one response. 231
/// bytes encrypt to 232 (method-2 padding), and `87 81 E9 01 <232> 99 02 SW 8E 08 <MAC>` is 250
/// bytes; 256 would take 283 and a GET RESPONSE, two APDUs for every 256 bytes instead of one
/// for every 231. (The middleware reads 128 at a time, CIE spec §2.2.)
pub const READ_CHUNK: usize = 231;

/// Session keys and send-sequence counter.
pub struct SmSession {
    k_enc: Zeroizing<[u8; 16]>,
    k_mac: Zeroizing<[u8; 16]>,
    ssc: [u8; 8],
}

impl std::fmt::Debug for SmSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SmSession(***)")
    }
}

/// DER length bytes.
pub fn der_len(n: usize) -> Vec<u8> {
    match n {
        0..=0x7F => vec![n as u8],
        0x80..=0xFF => vec![0x81, n as u8],
        _ => vec![0x82, (n >> 8) as u8, n as u8],
    }
}

/// A secure-messaging data object: tag byte, value, and its raw encoding (for the MAC).
type DataObject = (u8, Vec<u8>, Vec<u8>);

/// Splits a sequence of BER-TLV objects into data objects, in received order.
fn data_objects(mut body: &[u8]) -> Option<Vec<DataObject>> {
    let mut out = Vec::new();
    while !body.is_empty() {
        let (tlv, rest) = Tlv::parse(body);
        let tlv = tlv.ok()?;
        let raw = body[..body.len() - rest.len()].to_vec();
        let tag = *tlv.tag().to_bytes().first()?;
        let Value::Primitive(v) = tlv.value() else { return None };
        out.push((tag, v.clone(), raw));
        body = rest;
    }
    Some(out)
}

impl SmSession {
    /// A session with keys and a starting counter.
    pub fn new(k_enc: Zeroizing<[u8; 16]>, k_mac: Zeroizing<[u8; 16]>, ssc: [u8; 8]) -> Self {
        Self { k_enc, k_mac, ssc }
    }

    /// Replaces the counter (after the device authentication, CIE spec §3.5(e)).
    pub fn set_ssc(&mut self, ssc: [u8; 8]) {
        self.ssc = ssc;
    }

    /// The current counter.
    pub fn ssc(&self) -> [u8; 8] {
        self.ssc
    }

    fn step(&mut self) {
        let v = u64::from_be_bytes(self.ssc).wrapping_add(1);
        self.ssc = v.to_be_bytes();
    }

    /// MAC over `data` (already in the order the spec wants), padded.
    pub fn mac(&self, data: &[u8]) -> [u8; 8] {
        retail_mac(&self.k_mac, &pad(data))
    }

    /// Wraps one command (counter + 1). `mac_only` leaves out DO97 on a command without data
    /// or Le (the counter read: VERIFY without data, CIE spec §5).
    pub fn wrap(&mut self, cmd: &CommandApdu, mac_only: bool) -> CommandApdu {
        self.step();
        let cla = cmd.cla | 0x0C;
        let header = [cla, cmd.ins, cmd.p1, cmd.p2];
        let mut dos = Vec::new();
        if !cmd.data().is_empty() {
            let enc = encrypt(&self.k_enc, cmd.data());
            let tag = if cmd.ins & 1 == 0 { 0x87 } else { 0x85 };
            dos.push(tag);
            let body_len = enc.len() + usize::from(tag == 0x87);
            dos.extend_from_slice(&der_len(body_len));
            if tag == 0x87 {
                dos.push(0x01);
            }
            dos.extend_from_slice(&enc);
        }
        if cmd.le().is_some() || (cmd.data().is_empty() && !mac_only) {
            let le = cmd.le().map_or(0, |l| if l >= 256 { 0 } else { l as u8 });
            dos.extend_from_slice(&[0x97, 0x01, le]);
        }
        let mut mac_input = pad(&[&self.ssc[..], &header[..]].concat());
        mac_input.extend_from_slice(&dos);
        let mac = self.mac(&mac_input);
        dos.extend_from_slice(&[0x8E, 0x08]);
        dos.extend_from_slice(&mac);
        let out = CommandApdu::new(cla, cmd.ins, cmd.p1, cmd.p2).with_data(dos).with_le(256);
        if cmd.is_sensitive() { out.sensitive() } else { out }
    }

    /// Unwraps a response. Status words other than 9000, 6282 and 6B00 come back as they are,
    /// unauthenticated (the card sends no SM objects then), and the counter does not move.
    pub fn unwrap(&mut self, resp: &ResponseApdu) -> Result<ResponseApdu, SmError> {
        if !matches!(resp.sw, StatusWord::Ok | StatusWord::EndOfFile | StatusWord::WrongParameters) {
            return Ok(resp.clone());
        }
        let dos = data_objects(resp.data()).ok_or(SmError::Malformed)?;
        if dos.is_empty() {
            return Err(SmError::Malformed);
        }
        self.step();
        let mut mac_input = self.ssc.to_vec();
        let mut got_mac = None;
        let mut sw = None;
        let mut enc = None;
        for (tag, value, raw) in &dos {
            match tag {
                0x8E if value.len() == 8 => got_mac = Some(value.clone()),
                0x8E => return Err(SmError::Malformed),
                0x99 if value.len() == 2 => {
                    sw = Some(StatusWord::from_bytes(value[0], value[1]));
                    mac_input.extend_from_slice(raw);
                }
                0x87 => {
                    enc = Some(value.get(1..).ok_or(SmError::Malformed)?.to_vec());
                    mac_input.extend_from_slice(raw);
                }
                0x85 => {
                    enc = Some(value.clone());
                    mac_input.extend_from_slice(raw);
                }
                _ => return Err(SmError::Malformed),
            }
        }
        let want = self.mac(&mac_input);
        if got_mac.as_deref() != Some(&want[..]) {
            return Err(SmError::BadMac);
        }
        let data = match enc {
            Some(e) => decrypt(&self.k_enc, &e).ok_or(SmError::Malformed)?.to_vec(),
            None => Vec::new(),
        };
        Ok(ResponseApdu::new(data, sw.ok_or(SmError::Malformed)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::cie::crypto::derive_keys;

    fn hex(s: &str) -> Vec<u8> {
        crate::card::detect::atr_from_hex(s).expect("test hex")
    }

    fn session() -> SmSession {
        let z: Vec<u8> = (0..=255u8).collect();
        let (enc, mac) = derive_keys(&z);
        SmSession::new(enc, mac, [0, 0, 0, 0, 0, 0, 0, 1])
    }

    /// The worked example of CIE spec §4.1, step by step.
    #[test]
    fn worked_example() {
        let mut s = session();
        let verify = CommandApdu::new(0, 0x20, 0, 0x81).with_data(b"12345678".to_vec()).sensitive();
        assert_eq!(
            s.wrap(&verify, false).to_bytes().to_vec(),
            hex("0C2000811D 871101C0C020864CCCE390B9B0B11267FF1A97 8E080D437728FB19A1A4 00")
        );
        let ok = ResponseApdu::from_bytes(&hex("990290008E086DDD6702023F1F87 9000")).expect("r");
        let r = s.unwrap(&ok).expect("MAC ok");
        assert!(r.sw.is_ok() && r.data().is_empty());
        let read = CommandApdu::new(0, 0xB0, 0, 0).with_le(0x80);
        assert_eq!(s.wrap(&read, false).to_bytes().to_vec(), hex("0CB000000D 970180 8E08A7DE171B6C9EF932 00"));
        let eof = ResponseApdu::from_bytes(&hex(
            "871101C0C020864CCCE390270022598B5D6468 99026282 8E08751EBD06100B73ED 6282",
        ))
        .expect("r");
        let r = s.unwrap(&eof).expect("MAC ok");
        assert_eq!(r.data(), b"123456789");
        assert_eq!(r.sw, StatusWord::EndOfFile);
        let rrc = CommandApdu::new(0, 0x2C, 3, 0x81);
        assert_eq!(s.wrap(&rrc, false).to_bytes().to_vec(), hex("0C2C03810D 970100 8E0868E6D9018447B04D 00"));
    }

    #[test]
    fn a_flipped_bit_in_an_answer_is_caught() {
        let mut s = session();
        let verify = CommandApdu::new(0, 0x20, 0, 0x81).with_data(b"12345678".to_vec()).sensitive();
        let _ = s.wrap(&verify, false);
        let mut ok = hex("990290008E086DDD6702023F1F87 9000");
        ok[3] ^= 1;
        assert_eq!(s.unwrap(&ResponseApdu::from_bytes(&ok).expect("r")).err(), Some(SmError::BadMac));
    }

    proptest::proptest! {
        #[test]
        fn unwrap_never_panics(bytes in proptest::collection::vec(proptest::arbitrary::any::<u8>(), 2..200)) {
            let mut s = session();
            if let Ok(r) = ResponseApdu::from_bytes(&bytes) { let _ = s.unwrap(&r); }
        }
    }
}
