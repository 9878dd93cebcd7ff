//! The CNS / CPS card profile (CNS spec §2–§4): PIN commands, EF_DatiPersonali, the
//! certificate and signing, over every lot of [`lots::LOTS`] (where the files are, how they are
//! selected and encoded). Vendor quirks are documented where they are handled.

pub mod lots;
mod personal;

pub use personal::{CardDate, PersonalData};
use personal::declared_len;

use super::identity::{CardIdentity, CardKind, CardType, CnsAtr, ModelNote, PinPolicy};
use super::iso7816::{self, Channel};
use super::error::{CardError, Op, TriesLeft, map_pin_status};
use tessera_apdu::apdu::{CommandApdu, StatusWord};
use crate::secret::{LengthRule, Pin, PinKind, Puk};
use lots::{KeySet, Lot, NumberEncoding, RefBit, Root};
use zeroize::Zeroizing;

pub use lots::{AID_ACE2025, AID_ST2022};

/// PIN length rule of CNS cards: 5 to 8 digits (CNS spec §3.2).
pub const PIN_RULE: LengthRule = PinPolicy::CNS.pin;
/// PUK length rule: 8 digits.
pub const PUK_RULE: LengthRule = PinPolicy::CNS.puk;
/// Stored PIN length: digits are right-padded with 0xFF to 8 bytes (CNS spec §3.2).
const PADDED_LEN: usize = 8;

/// Which file the card has current, as far as this transaction knows (so that a file already
/// selected is not selected again, and application paths start from the application).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Current {
    /// Unknown (start of the transaction, or after a failed command).
    Unknown,
    /// The root (MF or the CNS application) is the current DF.
    Root,
    /// This EF (path from the root) is current; its parent is the current DF.
    Ef(&'static [u8]),
}

/// A CNS card, as recognised: its ATR (when it has a CNS one) and its lot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CnsProfile {
    /// What the ATR says (absent for cards found by AID).
    pub atr: Option<CnsAtr>,
    /// The lot: where the files are and how to reach them.
    pub lot: &'static Lot,
    /// PIN reference (P2), with the 0x80 bit where the lot needs it.
    pub pin_ref: u8,
    /// PUK reference (P2 of a VERIFY on the PUK).
    pub puk_ref: u8,
    /// The key set whose certificate was found (first of the lot's until one is read).
    key_set: &'static KeySet,
    /// `key_set` was confirmed by finding its certificate in this transaction.
    key_set_found: bool,
    /// Whether the card has EF_DatiPersonali (`None` until looked for).
    has_personal_data: Option<bool>,
    current: Current,
    /// The last PIN counter read answered "verified" (9000): a login is held on the card.
    pin_in_use: bool,
}

impl CnsProfile {
    fn new(atr: Option<CnsAtr>, lot: &'static Lot) -> Self {
        // Quirk (STIncard, H4=09 — the Trentino CPS, ST20xx TS-CNS, InfoCamere): PIN references
        // need bit 0x80 (0x90/0x91); OpenSC does the same and notes other vendors must not get it.
        let bit = match lot.ref_bit {
            RefBit::Always => 0x80,
            RefBit::Never => 0x00,
            RefBit::FromAtr if atr.as_ref().is_some_and(CnsAtr::is_stincard) => 0x80,
            RefBit::FromAtr => 0x00,
        };
        Self {
            atr,
            lot,
            pin_ref: lot.pin_ref | bit,
            puk_ref: lot.puk_ref | bit,
            key_set: &lot.key_sets[0],
            key_set_found: lot.key_sets.len() == 1,
            has_personal_data: None,
            current: Current::Unknown,
            pin_in_use: false,
        }
    }

    /// The product: CPS or TS-CNS for the Trentino ATRs when the card carries the health-card
    /// data, otherwise CNS (regional cards, signature tokens, cards found by AID).
    pub fn card_type(&self) -> CardType {
        let atr_type = self.atr.as_ref().map_or(CardType::Cns, |a| a.card_type);
        // A signature token can carry a CNS ATR (even the CPS one) but no health-card data.
        if self.has_personal_data == Some(false) { CardType::Cns } else { atr_type }
    }

    /// Lot, OS, version and chip: names and numbers, the same in every language (what sets the
    /// card apart is [`Self::model_note`]).
    pub fn model(&self) -> String {
        match &self.atr {
            Some(a) => format!(
                "{}: {} OS {:02X}.{:02X}, chip {}, CNS {}",
                self.lot.name,
                a.os_maker_name,
                a.os_version.0,
                a.os_version.1,
                a.ic_maker_name,
                a.spec_version_text()
            ),
            None => self.lot.name.to_owned(),
        }
    }

    /// What sets this card apart from its lot, for the front-ends to say in the user's language.
    pub fn model_note(&self) -> Option<ModelNote> {
        if self.has_personal_data == Some(false) {
            Some(ModelNote::SignatureToken)
        } else if self.atr.is_none() {
            Some(ModelNote::SelectedByAid)
        } else {
            None
        }
    }

    /// Recognises a CNS card and its lot, probing the lots cheapest first (see
    /// [`lots::probe_order`]); the lot found is kept for the rest of the transaction.
    /// `Ok(None)`: not a CNS card. [`CardError::UnknownLayout`]: a CNS ATR, but no known
    /// layout answered (a model not supported yet).
    pub fn detect(ch: &mut Channel<'_>, identity: &CardIdentity) -> Result<Option<Self>, CardError> {
        let cns_atr = match &identity.kind {
            CardKind::Cns(a) => Some(a.clone()),
            CardKind::Cie { .. } => return Ok(None),
            CardKind::Unknown | CardKind::MaybeCnsContactless { .. } => None,
        };
        let hint = cns_atr.as_ref().map(|a| (a.ic_maker, a.os_maker, a.os_version.0));
        // Paths a previous lot's probe found absent are not selected again.
        let mut absent: Vec<&'static [u8]> = Vec::new();
        for lot in lots::probe_order(hint) {
            let mut p = Self::new(cns_atr.clone(), lot);
            if p.probe(ch, &mut absent)? {
                tracing::debug!(lot = lot.id.name(), "CNS lot found");
                return Ok(Some(p));
            }
        }
        if cns_atr.is_some() { Err(CardError::UnknownLayout) } else { Ok(None) }
    }

    /// Does the card have this lot's layout? Application lots: SELECT of the AID. MF lots: a
    /// certificate EF or the card-number EF exists (the select is also the first read's).
    fn probe(&mut self, ch: &mut Channel<'_>, absent: &mut Vec<&'static [u8]>) -> Result<bool, CardError> {
        match self.lot.root {
            Root::Application(aid) => {
                let r = ch.exchange(&select_with_fci(0x04, aid))?;
                self.current = if r.sw.is_ok() { Current::Root } else { Current::Unknown };
                Ok(r.sw.is_ok())
            }
            Root::Mf => {
                // The certificate first: `cert show` and the overview read it first, so the
                // probe's select is the read's. Then the card number (a card not activated for
                // online services may have no certificate).
                for ks in self.lot.key_sets {
                    if absent.contains(&ks.cert) {
                        continue;
                    }
                    if self.select(ch, ks.cert, "certificate")? {
                        self.key_set = ks;
                        self.key_set_found = true;
                        return Ok(true);
                    }
                    absent.push(ks.cert);
                }
                let number = self.lot.card_number.0;
                if !absent.contains(&number) {
                    if self.select(ch, number, "card number")? {
                        return Ok(true);
                    }
                    absent.push(number);
                }
                Ok(false)
            }
        }
    }

    /// Makes the root (the MF, or the CNS application) the current DF — unless it already is,
    /// on an application lot (its paths are relative to the current DF).
    fn enter_root(&mut self, ch: &mut Channel<'_>) -> Result<(), CardError> {
        let cmd = match self.lot.root {
            // The MF was just selected in this transaction: nothing to do.
            Root::Mf if self.current == Current::Root => return Ok(()),
            Root::Mf => iso7816::select_mf(),
            Root::Application(_) if self.root_is_current() => return Ok(()),
            Root::Application(aid) => select_with_fci(0x04, aid),
        };
        let r = ch.exchange(&cmd)?;
        if !r.sw.is_ok() {
            self.current = Current::Unknown;
            return Err(CardError::Unexpected { op: Op::Select, sw: r.sw });
        }
        self.current = Current::Root;
        Ok(())
    }

    fn root_is_current(&self) -> bool {
        match self.current {
            Current::Root => true,
            Current::Ef(path) => path.len() == 2,
            Current::Unknown => false,
        }
    }

    /// Selects an EF by its path from the root; `false` when the card has no such file (6A82).
    fn select(&mut self, ch: &mut Channel<'_>, path: &'static [u8], what: &'static str) -> Result<bool, CardError> {
        if self.current == Current::Ef(path) {
            return Ok(true);
        }
        let cmd = match self.lot.root {
            Root::Mf => iso7816::select_path_from_mf(path),
            Root::Application(_) => {
                self.enter_root(ch)?;
                // O (ACe 2025 log): path from the current DF with P2=00 and Le=00; whether the
                // card takes P2=0C is not observed, so the observed form is used.
                select_with_fci(0x09, path)
            }
        };
        let r = ch.exchange(&cmd)?;
        match r.sw {
            StatusWord::Ok => {
                self.current = Current::Ef(path);
                Ok(true)
            }
            StatusWord::FileNotFound => {
                // A failed select keeps the current file on ISO cards; not relied upon.
                self.current = Current::Unknown;
                Ok(false)
            }
            sw => {
                tracing::debug!(file = what, %sw, "select failed");
                self.current = Current::Unknown;
                Err(CardError::Unexpected { op: Op::Select, sw })
            }
        }
    }

    /// Makes the root current before PIN commands, as OpenSC does on the MF (CNS spec §3.3);
    /// on application lots the application (I: PIN commands may need it current).
    pub fn select_root(&mut self, ch: &mut Channel<'_>) -> Result<(), CardError> {
        self.enter_root(ch)
    }

    /// The 16-digit card number (EF_IDCarta, or the lot's own file and encoding).
    pub fn read_card_number(&mut self, ch: &mut Channel<'_>) -> Result<String, CardError> {
        let (path, encoding) = self.lot.card_number;
        if !self.select(ch, path, "card number")? {
            return Err(CardError::NotFound("card number"));
        }
        match encoding {
            NumberEncoding::Ascii16 => {
                let raw = ch.read_binary(0, 16)?;
                let text: String = raw.iter().map(|&b| b as char).collect();
                if raw.len() != 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(CardError::Malformed("EF_IDCarta"));
                }
                Ok(text)
            }
            NumberEncoding::PackedBcd { offset, len } => {
                let raw = ch.read_binary(usize::from(offset), usize::from(len))?;
                if raw.len() != usize::from(len) {
                    return Err(CardError::Malformed("card number"));
                }
                unpack_bcd(&raw).ok_or(CardError::Malformed("card number"))
            }
        }
    }

    /// EF_DatiPersonali; `None` when the card has no such file (then it is not a health card:
    /// see [`Self::card_type`]).
    pub fn read_personal_data(&mut self, ch: &mut Channel<'_>) -> Result<Option<PersonalData>, CardError> {
        let found = self.select(ch, self.lot.personal_data, "EF_DatiPersonali")?;
        self.has_personal_data = Some(found);
        if !found {
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

    /// The authentication certificate, DER, cut at its DER length (the EF may be padded): the
    /// first of the lot's key sets whose certificate EF exists.
    pub fn read_certificate(&mut self, ch: &mut Channel<'_>) -> Result<Vec<u8>, CardError> {
        let Some(ks) = self.find_key_set(ch)? else {
            return Err(CardError::NotFound("certificate"));
        };
        self.key_set = ks;
        self.key_set_found = true;
        let mut der = ch.read_binary(0, 256)?;
        let total = iso7816::der_total_len(&der).ok_or(CardError::Malformed("certificate"))?;
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

    fn find_key_set(&mut self, ch: &mut Channel<'_>) -> Result<Option<&'static KeySet>, CardError> {
        // The key set found by the probe first (its EF may still be current).
        let first = self.key_set;
        let rest = self.lot.key_sets.iter().filter(|k| !std::ptr::eq(*k, first));
        for ks in std::iter::once(first).chain(rest) {
            if self.select(ch, ks.cert, "certificate")? {
                return Ok(Some(ks));
            }
        }
        Ok(None)
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
    pub fn tries_left(&mut self, ch: &mut Channel<'_>, kind: PinKind) -> Result<TriesLeft, CardError> {
        let r = ch.exchange(&iso7816::verify(self.reference(kind), None))?;
        if kind == PinKind::Pin {
            self.pin_in_use = r.sw.is_ok();
        }
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
    pub fn change_pin(&mut self, ch: &mut Channel<'_>, current: &Pin, new: &Pin) -> Result<(), CardError> {
        let mut body = pad(current.expose_secret());
        body.extend_from_slice(&pad(new.expose_secret()));
        let r = ch.exchange(&iso7816::change_reference_data(self.pin_ref, &body))?;
        map_pin_status(Op::ChangePin, PinKind::Pin, r.sw)
    }

    /// RESET RETRY COUNTER: PUK ‖ new PIN; P2 is the PIN's reference, not the PUK's.
    pub fn unblock_pin(&mut self, ch: &mut Channel<'_>, puk: &Puk, new: &Pin) -> Result<(), CardError> {
        let mut body = pad(puk.expose_secret());
        body.extend_from_slice(&pad(new.expose_secret()));
        let r = ch.exchange(&iso7816::reset_retry_counter(self.pin_ref, &body))?;
        map_pin_status(Op::Unblock, PinKind::Puk, r.sw)
    }

    /// VERIFY the PIN (used by the self-test and signing).
    pub fn verify_pin(&mut self, ch: &mut Channel<'_>, pin: &Pin) -> Result<(), CardError> {
        let r = ch.exchange(&iso7816::verify(self.pin_ref, Some(&pad(pin.expose_secret()))))?;
        map_pin_status(Op::Verify, PinKind::Pin, r.sw)
    }

    /// Whether a kept login is known to be over: VERIFY without data answers the counter
    /// (63Cx) or "blocked" when the PIN is not verified, 9000 when it is (ISO 7816-4; not
    /// observed on CNS lots, so any other answer counts as "does not say"). Sends nothing secret.
    pub fn login_lost(&mut self, ch: &mut Channel<'_>) -> Result<bool, CardError> {
        self.select_root(ch)?;
        let sw = ch.exchange(&iso7816::verify(self.pin_ref, None))?.sw;
        Ok(matches!(sw, StatusWord::VerifyFailed { .. } | StatusWord::AuthMethodBlocked))
    }

    /// Whether the last PIN counter read answered "verified" (9000) instead of a counter: see
    /// [`crate::card::Profile::pin_in_use`].
    pub fn pin_in_use(&self) -> bool {
        self.pin_in_use
    }

    /// Forgets which file is current: a new transaction, other programs may have moved it.
    pub fn resume(&mut self) {
        self.current = Current::Unknown;
    }

    /// Signs a full block (`block`, modulus length; the card does raw RSA) with the key of the
    /// certificate found, as OpenSC does (CNS spec §5.1): the key's DF when it has one
    /// (IDEMIA 2021: else 6984), VERIFY PIN, MSE RESTORE SE #3, MSE SET (decipher template B8,
    /// the key reference), PSO DECIPHER `80 86` with the padding indicator 00. A 2048-bit
    /// block needs 257 data bytes: sent with ISO command chaining (short APDUs).
    /// `pin`: `None` when the card is still verified from a kept login.
    pub fn sign_block(&mut self, ch: &mut Channel<'_>, pin: Option<&Pin>, block: &[u8]) -> Result<Vec<u8>, CardError> {
        // A lot with several key sets (IDEMIA 2021): sign with the key whose certificate is on
        // this card, found before any PIN is sent.
        if !self.key_set_found {
            self.key_set = self.find_key_set(ch)?.ok_or(CardError::NotFound("certificate"))?;
            self.key_set_found = true;
        }
        let ks = self.key_set;
        self.select_root(ch)?;
        if let Some(pin) = pin {
            self.verify_pin(ch, pin)?;
        }
        if let Some(df) = ks.key_df {
            let cmd = match self.lot.root {
                Root::Mf => iso7816::select_path_from_mf(df),
                Root::Application(_) => select_with_fci(0x09, df),
            };
            let r = ch.exchange(&cmd)?;
            self.current = Current::Unknown;
            if !r.sw.is_ok() {
                return Err(CardError::Unexpected { op: Op::Select, sw: r.sw });
            }
        }
        // OpenSC sends MSE RESTORE as a case-2 APDU with Le=00 (CNS spec §5.1).
        let r = ch.exchange(&CommandApdu::new(0x00, 0x22, 0xF3, 0x03).with_le(256))?;
        if !r.sw.is_ok() {
            return Err(CardError::Unexpected { op: Op::Sign, sw: r.sw });
        }
        let mse = CommandApdu::new(0x00, 0x22, 0xF1, 0xB8).with_data(vec![0x83, 0x01, ks.key_ref]);
        let r = ch.exchange(&mse)?;
        if !r.sw.is_ok() {
            return Err(CardError::Unexpected { op: Op::Sign, sw: r.sw });
        }
        let mut data = vec![0x00];
        data.extend_from_slice(block);
        let pso = CommandApdu::new(0x00, 0x2A, 0x80, 0x86).with_data(data).with_le(256);
        let r = ch.exchange_chained(&pso)?;
        if !r.sw.is_ok() {
            return Err(CardError::Unexpected { op: Op::Sign, sw: r.sw });
        }
        Ok(r.data().to_vec())
    }
}

/// SELECT asking for the FCI (P2=00, Le=00), the form the ACe 2025 middleware uses.
fn select_with_fci(p1: u8, data: &[u8]) -> CommandApdu {
    CommandApdu::new(0x00, 0xA4, p1, 0x00).with_data(data.to_vec()).with_le(256)
}

/// Packed BCD, two digits a byte, high nibble first; `None` if a nibble is not 0–9.
pub fn unpack_bcd(raw: &[u8]) -> Option<String> {
    let mut s = String::with_capacity(raw.len() * 2);
    for &b in raw {
        for n in [b >> 4, b & 0x0F] {
            if n > 9 {
                return None;
            }
            s.push(char::from(b'0' + n));
        }
    }
    Some(s)
}

/// Quirk (all CNS): PIN values are ASCII digits right-padded with 0xFF to 8 bytes.
fn pad(digits: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut v = Zeroizing::new(Vec::with_capacity(PADDED_LEN * 2));
    v.extend_from_slice(digits);
    v.resize(PADDED_LEN.max(digits.len()), 0xFF);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_ff_padded_to_8() {
        assert_eq!(&*pad(b"12345"), &[b'1', b'2', b'3', b'4', b'5', 0xFF, 0xFF, 0xFF]);
        assert_eq!(pad(b"12345678").len(), 8);
    }
}
