//! The CNS / CPS card profile (CNS spec §2–§4): file ids, PIN references, EF_DatiPersonali, and
//! the vendor quirks, each documented where it is handled.

use super::detect::{CardKind, CnsAtr, identify};
use super::iso7816::{self, Channel};
use super::{CardError, Op, TriesLeft, map_pin_status};
use crate::apdu::StatusWord;
use crate::secret::{LengthRule, Pin, PinKind, Puk};
use zeroize::Zeroizing;

/// EF_IDCarta: card number, 16 ASCII digits (path from MF).
pub const EF_ID_CARTA: [u8; 4] = [0x10, 0x00, 0x10, 0x03];
/// CNS0 authentication certificate (DER X.509).
pub const EF_CERT_CNS0: [u8; 4] = [0x11, 0x00, 0x11, 0x01];
/// EF_DatiPersonali (400 bytes, CNS spec §2.3).
pub const EF_DATI_PERSONALI: [u8; 4] = [0x11, 0x00, 0x11, 0x02];
/// ST2022 lots, seen over NFC: CNS files under this application (CNS spec §1.4).
pub const AID_ST2022: [u8; 8] = [0xA0, 0x00, 0x00, 0x00, 0x95, 0x01, 0x00, 0x4D];

/// PIN length rule of CNS cards: 5 to 8 digits (CNS spec §3.2).
pub const PIN_RULE: LengthRule = LengthRule { min: 5, max: 8 };
/// PUK length rule: 8 digits.
pub const PUK_RULE: LengthRule = LengthRule { min: 8, max: 8 };
/// PIN tries before blocking.
pub const PIN_MAX_TRIES: u8 = 3;
/// PUK tries before the card is unusable.
pub const PUK_MAX_TRIES: u8 = 10;
/// Stored PIN length: digits are right-padded with 0xFF to 8 bytes (CNS spec §3.2).
const PADDED_LEN: usize = 8;

/// Where the CNS files are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Classic: under the MF, selected by path from the MF.
    Classic,
    /// Under an application selected by AID (newer lots, contactless).
    Application(&'static [u8]),
}

/// A CNS card, as recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CnsProfile {
    /// What the ATR says (absent for cards recognised by AID).
    pub atr: Option<CnsAtr>,
    /// Where the files are.
    pub layout: Layout,
    /// PIN reference (P2).
    pub pin_ref: u8,
    /// PUK reference (P2 of a VERIFY on the PUK).
    pub puk_ref: u8,
}

impl CnsProfile {
    /// The product name: "CPS", "TS-CNS" or "CNS".
    pub fn card_type(&self) -> &'static str {
        self.atr.as_ref().map_or("CNS", |a| a.card_type)
    }

    fn from_atr(atr: CnsAtr) -> Self {
        // Quirk (STIncard, H4=09 — the Trentino CPS, ST20xx TS-CNS, InfoCamere): PIN references
        // need bit 0x80 (0x90/0x91); OpenSC does the same and notes other vendors must not get it.
        let bit = if atr.is_stincard() { 0x80 } else { 0x00 };
        Self { atr: Some(atr), layout: Layout::Classic, pin_ref: 0x10 | bit, puk_ref: 0x11 | bit }
    }

    /// Recognises a CNS card: by the ATR, or — for lots whose ATR carries no CNS marker — by
    /// selecting the CNS application by AID. Returns `None` for other cards.
    pub fn detect(ch: &mut Channel<'_>, atr: &[u8]) -> Result<Option<Self>, CardError> {
        match identify(atr) {
            CardKind::Cns(a) => Ok(Some(Self::from_atr(a))),
            CardKind::Cie { .. } => Ok(None),
            CardKind::Unknown => {
                let r = ch.exchange(&iso7816::select_aid(&AID_ST2022))?;
                if r.sw.is_ok() {
                    // ST2022 is a STIncard product: keep the 0x80 reference bit (CNS spec §6).
                    Ok(Some(Self { atr: None, layout: Layout::Application(&AID_ST2022), pin_ref: 0x90, puk_ref: 0x91 }))
                } else {
                    Ok(None)
                }
            }
        }
    }

    fn select(&self, ch: &mut Channel<'_>, path: &[u8], what: &'static str) -> Result<bool, CardError> {
        let cmd = match self.layout {
            Layout::Classic => iso7816::select_path_from_mf(path),
            Layout::Application(aid) => {
                let r = ch.exchange(&iso7816::select_aid(aid))?;
                if !r.sw.is_ok() {
                    return Err(CardError::Unexpected { op: Op::Select, sw: r.sw });
                }
                iso7816::select_path_from_current(path)
            }
        };
        let r = ch.exchange(&cmd)?;
        match r.sw {
            StatusWord::Ok => Ok(true),
            StatusWord::FileNotFound => Ok(false),
            sw => {
                tracing::debug!(file = what, %sw, "select failed");
                Err(CardError::Unexpected { op: Op::Select, sw })
            }
        }
    }

    /// Makes the MF (or the CNS application) current, as OpenSC does before PIN commands.
    pub fn select_root(&self, ch: &mut Channel<'_>) -> Result<(), CardError> {
        let cmd = match self.layout {
            Layout::Classic => iso7816::select_mf(),
            Layout::Application(aid) => iso7816::select_aid(aid),
        };
        let r = ch.exchange(&cmd)?;
        if r.sw.is_ok() { Ok(()) } else { Err(CardError::Unexpected { op: Op::Select, sw: r.sw }) }
    }

    /// EF_IDCarta: the 16-digit card number.
    pub fn read_card_number(&self, ch: &mut Channel<'_>) -> Result<String, CardError> {
        if !self.select(ch, &EF_ID_CARTA, "EF_IDCarta")? {
            return Err(CardError::NotFound("EF_IDCarta"));
        }
        let raw = ch.read_binary(0, 16)?;
        let text: String = raw.iter().map(|&b| b as char).collect();
        if raw.len() != 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CardError::Malformed("EF_IDCarta"));
        }
        Ok(text)
    }

    /// EF_DatiPersonali; `None` when the card has no such file.
    pub fn read_personal_data(&self, ch: &mut Channel<'_>) -> Result<Option<PersonalData>, CardError> {
        if !self.select(ch, &EF_DATI_PERSONALI, "EF_DatiPersonali")? {
            return Ok(None);
        }
        // The first 6 characters give the length of what follows: read 256 bytes, and more only
        // when the record is longer (typically ~100 bytes of the 400-byte EF are used).
        let mut raw = ch.read_binary(0, 256)?;
        let total = declared_len(&raw).ok_or(CardError::Malformed("EF_DatiPersonali"))? + 6;
        if total > raw.len() {
            let more = ch.read_binary(raw.len(), total - raw.len())?;
            raw.extend_from_slice(&more);
        }
        PersonalData::parse(&raw).map(Some).ok_or(CardError::Malformed("EF_DatiPersonali"))
    }

    /// The CNS0 authentication certificate, DER, cut at its DER length (the EF may be padded).
    pub fn read_certificate(&self, ch: &mut Channel<'_>) -> Result<Vec<u8>, CardError> {
        if !self.select(ch, &EF_CERT_CNS0, "certificate")? {
            return Err(CardError::NotFound("certificate"));
        }
        let mut der = ch.read_binary(0, 256)?;
        let total = der_total_len(&der).ok_or(CardError::Malformed("certificate"))?;
        if total > der.len() {
            let more = ch.read_binary(der.len(), total - der.len())?;
            der.extend_from_slice(&more);
        }
        if der.len() < total {
            return Err(CardError::Malformed("certificate"));
        }
        der.truncate(total);
        Ok(der)
    }

    fn reference(&self, kind: PinKind) -> u8 {
        match kind {
            PinKind::Pin => self.pin_ref,
            PinKind::Puk => self.puk_ref,
        }
    }

    /// Tries left, read with VERIFY without data, which spends no try (CNS spec §3.3).
    /// Whether CNS chips answer it is unverified: anything but 63Cx / 6983 is "unknown", and
    /// 9000 (already verified in this session) is "unknown" too — never a guess.
    pub fn tries_left(&self, ch: &mut Channel<'_>, kind: PinKind) -> Result<TriesLeft, CardError> {
        let r = ch.exchange(&iso7816::verify(self.reference(kind), None))?;
        Ok(match r.sw {
            StatusWord::VerifyFailed { tries_left } => TriesLeft::Known(tries_left),
            StatusWord::AuthMethodBlocked => TriesLeft::Known(0),
            sw => {
                tracing::debug!(%kind, %sw, "retry counter unavailable");
                TriesLeft::Unknown
            }
        })
    }

    /// CHANGE REFERENCE DATA: current ‖ new, each FF-padded to 8 bytes.
    pub fn change_pin(&self, ch: &mut Channel<'_>, current: &Pin, new: &Pin) -> Result<(), CardError> {
        let mut body = pad(current.expose_secret());
        body.extend_from_slice(&pad(new.expose_secret()));
        let r = ch.exchange(&iso7816::change_reference_data(self.pin_ref, &body))?;
        map_pin_status(Op::ChangePin, PinKind::Pin, r.sw)
    }

    /// RESET RETRY COUNTER: PUK ‖ new PIN; P2 is the PIN's reference, not the PUK's.
    pub fn unblock_pin(&self, ch: &mut Channel<'_>, puk: &Puk, new: &Pin) -> Result<(), CardError> {
        let mut body = pad(puk.expose_secret());
        body.extend_from_slice(&pad(new.expose_secret()));
        let r = ch.exchange(&iso7816::reset_retry_counter(self.pin_ref, &body))?;
        map_pin_status(Op::Unblock, PinKind::Puk, r.sw)
    }

    /// VERIFY the PIN (used by the self-test and signing).
    pub fn verify_pin(&self, ch: &mut Channel<'_>, pin: &Pin) -> Result<(), CardError> {
        let r = ch.exchange(&iso7816::verify(self.pin_ref, Some(&pad(pin.expose_secret()))))?;
        map_pin_status(Op::Verify, PinKind::Pin, r.sw)
    }
}

impl CnsProfile {
    /// Signs a full PKCS#1 v1.5 block (`block`, modulus length) with the CNS0 key, as OpenSC
    /// does (CNS spec §5.1): VERIFY PIN, MSE RESTORE SE #3, MSE SET (decipher template B8, key
    /// 01), PSO DECIPHER `80 86` with the padding indicator 00. The card does raw RSA. A
    /// 2048-bit block needs 257 data bytes: sent with ISO command chaining (short APDUs).
    pub fn sign_block(&self, ch: &mut Channel<'_>, pin: &Pin, block: &[u8]) -> Result<Vec<u8>, CardError> {
        self.select_root(ch)?;
        self.verify_pin(ch, pin)?;
        // OpenSC sends MSE RESTORE as a case-2 APDU with Le=00 (CNS spec §5.1).
        let r = ch.exchange(&crate::apdu::CommandApdu::new(0x00, 0x22, 0xF3, 0x03).with_le(256))?;
        if !r.sw.is_ok() {
            return Err(CardError::Unexpected { op: Op::Sign, sw: r.sw });
        }
        let mse = crate::apdu::CommandApdu::new(0x00, 0x22, 0xF1, 0xB8).with_data(vec![0x83, 0x01, 0x01]);
        let r = ch.exchange(&mse)?;
        if !r.sw.is_ok() {
            return Err(CardError::Unexpected { op: Op::Sign, sw: r.sw });
        }
        let mut data = vec![0x00];
        data.extend_from_slice(block);
        let pso = crate::apdu::CommandApdu::new(0x00, 0x2A, 0x80, 0x86).with_data(data).with_le(256);
        let r = ch.exchange_chained(&pso)?;
        if !r.sw.is_ok() {
            return Err(CardError::Unexpected { op: Op::Sign, sw: r.sw });
        }
        Ok(r.data().to_vec())
    }
}

/// Quirk (all CNS): PIN values are ASCII digits right-padded with 0xFF to 8 bytes.
fn pad(digits: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut v = Zeroizing::new(Vec::with_capacity(PADDED_LEN * 2));
    v.extend_from_slice(digits);
    v.resize(PADDED_LEN.max(digits.len()), 0xFF);
    v
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

fn declared_len(raw: &[u8]) -> Option<usize> {
    let head = std::str::from_utf8(raw.get(..6)?).ok()?;
    usize::from_str_radix(head, 16).ok()
}

/// A date as written on the card (ddmmyyyy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CardDate {
    /// Year.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl CardDate {
    /// Parses `ddmmyyyy`.
    pub fn parse(s: &str) -> Option<Self> {
        if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let day: u8 = s[0..2].parse().ok()?;
        let month: u8 = s[2..4].parse().ok()?;
        let year: u16 = s[4..8].parse().ok()?;
        ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some(Self { year, month, day })
    }

    /// `ddmmyyyy`, as on the card.
    pub fn ddmmyyyy(&self) -> String {
        format!("{:02}{:02}{:04}", self.day, self.month, self.year)
    }
}

impl std::fmt::Display for CardDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for CardDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// EF_DatiPersonali (CNS spec §2.3).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonalData {
    /// Issuer code.
    pub issuer_code: String,
    /// Issue date.
    pub issue_date: Option<CardDate>,
    /// Expiry date.
    pub expiry_date: Option<CardDate>,
    /// Surname.
    pub surname: String,
    /// First name(s).
    pub name: String,
    /// Birth date.
    pub birth_date: Option<CardDate>,
    /// Sex, M or F.
    pub sex: String,
    /// Codice fiscale (16 characters).
    pub codice_fiscale: String,
    /// Birth municipality (cadastral code).
    pub birth_place: String,
    /// Residence municipality.
    pub residence: String,
}

impl PersonalData {
    /// Parses the file: 6 hex digits of length, then 16 fields of 2 hex digits of length + value.
    /// Returns `None` (never panics) for anything malformed.
    pub fn parse(raw: &[u8]) -> Option<Self> {
        let total = declared_len(raw)?;
        let body = raw.get(6..6 + total)?;
        let mut fields: Vec<String> = Vec::with_capacity(16);
        let mut i = 0;
        while fields.len() < 16 && i < body.len() {
            let len = usize::from_str_radix(std::str::from_utf8(body.get(i..i + 2)?).ok()?, 16).ok()?;
            let v = body.get(i + 2..i + 2 + len)?;
            fields.push(v.iter().map(|&b| b as char).collect::<String>().trim().to_owned());
            i += 2 + len;
        }
        if fields.len() < 9 {
            return None;
        }
        fields.resize(16, String::new());
        Some(Self {
            issuer_code: fields[0].clone(),
            issue_date: CardDate::parse(&fields[1]),
            expiry_date: CardDate::parse(&fields[2]),
            surname: fields[3].clone(),
            name: fields[4].clone(),
            birth_date: CardDate::parse(&fields[5]),
            sex: fields[6].clone(),
            codice_fiscale: fields[8].clone(),
            birth_place: fields[10].clone(),
            residence: fields[13].clone(),
        })
    }

    /// Encodes the record (used by the simulator), padded with 0x00 to `size` bytes.
    pub fn encode(fields: &[&str; 16], size: usize) -> Vec<u8> {
        let mut body = String::new();
        for f in fields {
            body.push_str(&format!("{:02X}{}", f.len(), f));
        }
        let mut out = format!("{:06X}{}", body.len(), body).into_bytes();
        out.resize(size.max(out.len()), 0);
        out
    }

    /// "NAME SURNAME".
    pub fn holder(&self) -> String {
        format!("{} {}", self.name, self.surname).trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dati_personali() {
        let f = [
            "4022", "01012020", "01012026", "ESEMPIO", "MARIA", "15031985", "F", "", "SMPMRA85C55L378A", "", "L378",
            "", "", "L378", "VIA ROMA 1", "",
        ];
        let raw = PersonalData::encode(&f, 400);
        assert_eq!(raw.len(), 400);
        let p = PersonalData::parse(&raw).expect("parses");
        assert_eq!(p.surname, "ESEMPIO");
        assert_eq!(p.holder(), "MARIA ESEMPIO");
        assert_eq!(p.codice_fiscale, "SMPMRA85C55L378A");
        assert_eq!(p.birth_date, Some(CardDate { year: 1985, month: 3, day: 15 }));
        assert_eq!(p.expiry_date.map(|d| d.to_string()).as_deref(), Some("2026-01-01"));
    }

    #[test]
    fn parses_a_real_card_layout_literal() {
        // Shape of a real record (CNS spec §2.3): 6-digit length, then length-prefixed fields.
        let raw = b"00004B04402208011201501012021050EROSSI04MARIO0801011980\
01M0010RSSMRA80A01L378X000004L378";
        // Length claims 0x4B = 75 bytes but fewer follow: rejected, not a panic.
        assert!(PersonalData::parse(raw).is_none());
    }

    #[test]
    fn der_length_from_header() {
        assert_eq!(der_total_len(&[0x30, 0x82, 0x04, 0xD2]), Some(0x4D2 + 4));
        assert_eq!(der_total_len(&[0x30, 0x10]), Some(18));
        assert_eq!(der_total_len(&[0x31, 0x10]), None);
        assert_eq!(der_total_len(&[0x30, 0x80]), None);
    }

    #[test]
    fn pins_are_ff_padded_to_8() {
        assert_eq!(&*pad(b"12345"), &[b'1', b'2', b'3', b'4', b'5', 0xFF, 0xFF, 0xFF]);
        assert_eq!(pad(b"12345678").len(), 8);
    }

    proptest::proptest! {
        #[test]
        fn personal_data_parser_never_panics(bytes in proptest::collection::vec(proptest::arbitrary::any::<u8>(), 0..420)) {
            let _ = PersonalData::parse(&bytes);
        }

        #[test]
        fn personal_data_text_never_panics(s in "[0-9A-F]{6}[ -~]{0,200}") {
            let _ = PersonalData::parse(s.as_bytes());
        }
    }
}
