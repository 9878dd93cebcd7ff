//! PIN rules (checked before any APDU), PIN change and unblock.
//!
//! Every check that can fail without the card runs before the transaction; inside it, the
//! retry counter is read (no try spent) and the operation refuses — sending nothing secret —
//! when the secret is blocked, or when this could be the last try and the user did not confirm.

use super::transaction::with_card;
pub use crate::card::PinPolicy;
use crate::card::cns::CardDate;
use crate::card::{CardError, CardType, TriesLeft};
pub use crate::error::{Before, Interruption, Pending, PinOp, Stage};
pub use crate::secret::PinRuleError;
use crate::secret::{FormatError, LengthRule, Pin, PinKind, Puk};
use tessera_apdu::transport::Connection;
use crate::error::{Error, Result};
use zeroize::Zeroize;

/// Weak-PIN warnings: allowed, but the user is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PinWarning {
    /// All digits the same (11111).
    AllSameDigit,
    /// An ascending or descending run (12345, 98765).
    Sequence,
    /// The holder's birth date.
    BirthDate,
}

/// Weak-PIN warnings for `digits` (ASCII), given the holder's birth date if known.
pub fn weak_pin_warnings(digits: &[u8], birth: Option<CardDate>) -> Vec<PinWarning> {
    let mut w = Vec::new();
    if digits.len() > 1 && digits.iter().all(|&d| d == digits[0]) {
        w.push(PinWarning::AllSameDigit);
    }
    let steps: Vec<i16> = digits.windows(2).map(|p| (i16::from(p[1]) - i16::from(p[0])).rem_euclid(10)).collect();
    if !steps.is_empty() && (steps.iter().all(|&s| s == 1) || steps.iter().all(|&s| s == 9)) {
        w.push(PinWarning::Sequence);
    }
    if let Some(b) = birth {
        let d = b.ddmmyyyy();
        let (dd, mm, yyyy) = (&d[0..2], &d[2..4], &d[4..8]);
        let yy = &yyyy[2..];
        let forms = [
            format!("{dd}{mm}{yyyy}"),
            format!("{dd}{mm}{yy}"),
            format!("{yyyy}{mm}{dd}"),
            format!("{yy}{mm}{dd}"),
            format!("{mm}{dd}{yyyy}"),
            format!("{dd}{mm}{yyyy}").get(..5).unwrap_or_default().to_owned(),
        ];
        let s = String::from_utf8_lossy(digits);
        if forms.iter().any(|f| *f == *s) || (digits.len() >= 6 && s.contains(&format!("{dd}{mm}{yy}"))) {
            w.push(PinWarning::BirthDate);
        }
    }
    w
}

/// Validates a new PIN typed twice; both strings are zeroized. `current` (if given) must differ.
pub fn new_pin(
    mut typed: String,
    mut again: String,
    current: Option<&Pin>,
    rule: LengthRule,
    birth: Option<CardDate>,
) -> Result<(Pin, Vec<PinWarning>), PinRuleError> {
    let same = typed == again;
    again.zeroize();
    let pin = Pin::parse(std::mem::take(&mut typed), rule)?;
    if !same {
        return Err(PinRuleError::ConfirmationMismatch);
    }
    if current.is_some_and(|c| c.expose_secret() == pin.expose_secret()) {
        return Err(PinRuleError::SameAsCurrent);
    }
    let warnings = weak_pin_warnings(pin.expose_secret(), birth);
    Ok((pin, warnings))
}

/// A PIN change, with every input collected.
#[derive(Debug)]
pub struct ChangePin {
    /// The current PIN.
    pub current: Pin,
    /// The new PIN (validated with [`new_pin`]).
    pub new: Pin,
    /// The user confirmed spending what may be the last PIN try.
    pub confirm_last_try: bool,
}

/// An unblock, with every input collected.
#[derive(Debug)]
pub struct UnblockPin {
    /// The PUK.
    pub puk: Puk,
    /// The new PIN (validated with [`new_pin`]).
    pub new: Pin,
    /// The user confirmed spending what may be the last PUK try.
    pub confirm_last_try: bool,
}

/// What a successful PIN operation reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PinOutcome {
    /// APDUs sent.
    pub apdus: u32,
}

/// Refuses before the try if the secret is blocked or the try may be the last one unconfirmed.
pub(crate) fn preflight(kind: PinKind, tries: TriesLeft, confirmed: bool) -> Result<()> {
    match (kind, tries) {
        (PinKind::Pin, TriesLeft::Known(0)) => Err(Error::PinBlocked),
        (PinKind::Puk, TriesLeft::Known(0)) => Err(Error::PukBlocked),
        // One try left — or the card will not say, so it could be the last: the user must confirm.
        (_, TriesLeft::Known(1) | TriesLeft::Unknown) if !confirmed => {
            Err(Error::LastTryNotConfirmed { kind, tries_known: tries != TriesLeft::Unknown })
        }
        _ => Ok(()),
    }
}

/// The card's own length rules (a CPS PIN may have 5 digits, a CIE PIN has 8): checked before
/// anything secret is sent.
fn check_lengths(p: &crate::card::Profile, pins: &[(&Pin, PinKind)]) -> Result<()> {
    let rule = p.policy().pin;
    for (pin, kind) in pins {
        if !rule.contains(pin.len()) {
            return Err(PinRuleError::Format(FormatError::Length { kind: *kind, min: rule.min, max: rule.max }).into());
        }
    }
    Ok(())
}

/// Checks one PIN against the card's length rule.
pub(crate) fn check_pin_length(p: &crate::card::Profile, pin: &Pin) -> Result<()> {
    check_lengths(p, &[(pin, PinKind::Pin)])
}

/// Changes the PIN: one transaction of SELECT MF, counter read, CHANGE REFERENCE DATA.
/// Spends at most one PIN try, and none when it refuses. When the answer to a command carrying
/// a secret is lost, the error is [`Error::Interrupted`]: it says what may have reached the card.
pub fn change_pin(conn: &mut dyn Connection, req: ChangePin) -> Result<PinOutcome> {
    if req.current.expose_secret() == req.new.expose_secret() {
        return Err(PinRuleError::SameAsCurrent.into());
    }
    let ((), apdus) = with_card(conn, |p, ch| {
        check_lengths(p, &[(&req.current, PinKind::Pin), (&req.new, PinKind::Pin)])?;
        let policy = p.policy();
        let mut before = Before { pin: TriesLeft::Unknown, puk: TriesLeft::Unknown };
        let lost = |before, ch: &crate::card::iso7816::Channel<'_>, e| interrupted(PinOp::Change, before, policy, ch, e);
        p.prepare_pin_commands(ch).map_err(|e| lost(before, ch, e))?;
        p.may_receive_secret(ch).map_err(|e| lost(before, ch, e))?;
        before.pin = pin_counter(p, ch).map_err(|e| lost(before, ch, e))?;
        preflight(PinKind::Pin, before.pin, req.confirm_last_try)?;
        p.change_pin(ch, &req.current, &req.new).map_err(|e| lost(before, ch, e))
    })?;
    Ok(PinOutcome { apdus })
}

/// Unblocks the PIN with the PUK and sets a new PIN: SELECT MF, PIN and PUK counter reads,
/// RESET RETRY COUNTER. Spends at most one PUK try, and none when it refuses (PUK blocked:
/// nothing sent). The PIN counter is read first so that, if the answer is lost, the counter
/// read after reconnecting can tell whether the card unblocked the PIN.
pub fn unblock_pin(conn: &mut dyn Connection, req: UnblockPin) -> Result<PinOutcome> {
    let ((), apdus) = with_card(conn, |p, ch| {
        check_lengths(p, &[(&req.new, PinKind::Pin)])?;
        let policy = p.policy();
        if !policy.puk.contains(req.puk.len()) {
            let r = policy.puk;
            return Err(PinRuleError::Format(FormatError::Length { kind: PinKind::Puk, min: r.min, max: r.max }).into());
        }
        let mut before = Before { pin: TriesLeft::Unknown, puk: TriesLeft::Unknown };
        let lost = |before, ch: &crate::card::iso7816::Channel<'_>, e| interrupted(PinOp::Unblock, before, policy, ch, e);
        p.prepare_pin_commands(ch).map_err(|e| lost(before, ch, e))?;
        p.may_receive_secret(ch).map_err(|e| lost(before, ch, e))?;
        before.puk = p.tries_left(ch, PinKind::Puk).map_err(|e| lost(before, ch, e))?;
        preflight(PinKind::Puk, before.puk, req.confirm_last_try)?;
        before.pin = pin_counter(p, ch).map_err(|e| lost(before, ch, e))?;
        p.unblock_pin(ch, &req.puk, &req.new).map_err(|e| lost(before, ch, e))
    })?;
    Ok(PinOutcome { apdus })
}

/// The PIN counter, read without spending a try. A card whose PIN is verified because another
/// program keeps a login on it (a browser, through a PKCS#11 module) answers "verified" instead
/// of its counter: it is reset first — that login ends, as it would when this operation ends
/// with its own reset; the program asks for the PIN again — and read again. Before any secret.
fn pin_counter(p: &mut crate::card::Profile, ch: &mut crate::card::iso7816::Channel<'_>) -> Result<TriesLeft, CardError> {
    let tries = p.tries_left(ch, PinKind::Pin)?;
    if !p.pin_in_use() {
        return Ok(tries);
    }
    tracing::debug!("the PIN is verified by another program's login: the card is reset to read its counter");
    ch.reset_card()?;
    p.resume();
    p.prepare_pin_commands(ch)?;
    p.tries_left(ch, PinKind::Pin)
}

/// Turns a failure inside a PIN operation into an honest one. Answers the card gave (wrong
/// PIN, blocked, refused) are definite and kept; a lost or untrustworthy answer is not.
fn interrupted(op: PinOp, mut before: Before, policy: PinPolicy, ch: &crate::card::iso7816::Channel<'_>, e: CardError) -> Error {
    let lost = matches!(e, CardError::Transport(_) | CardError::Response(_) | CardError::SecureMessaging(_));
    if !lost {
        return e.into();
    }
    let stage = match ch.last_secret() {
        None => Stage::NothingSent,
        // A VERIFY sent on its own (the CIE checks the current PIN or the PUK first).
        Some(s) if s.ins == 0x20 => Stage::CheckSent,
        Some(s) if s.answered && !matches!(e, CardError::SecureMessaging(_)) => return e.into(),
        Some(_) => {
            // A check answered before this command succeeded and reset its counter.
            if ch.secrets_sent() > 1 {
                match op {
                    PinOp::Change => before.pin = TriesLeft::Known(policy.pin_max_tries),
                    PinOp::Unblock => before.puk = TriesLeft::Known(policy.puk_max_tries),
                }
            }
            Stage::CommandSent
        }
    };
    Error::Interrupted(Box::new(Interruption { pending: Pending { op, stage, before, policy }, cause: Box::new(e.into()) }))
}

/// What the counters read after an interruption say about the operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    /// The card carried it out: the new PIN is in force.
    Applied,
    /// The card did not carry it out: the PIN is the one from before.
    NotApplied {
        /// The secret typed was wrong and its try was spent (`None`: the card would not say).
        try_spent: Option<bool>,
    },
    /// The counters cannot tell.
    Unknown,
}

/// The counters after reconnecting, and what they mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct AfterCheck {
    /// What happened.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// PIN tries left now.
    pub pin: TriesLeft,
    /// PUK tries left now.
    pub puk: TriesLeft,
}

/// Judges an interrupted operation from the counters before and after. Relies on what every
/// card does with a retry counter: a wrong secret takes one try, a right one puts the counter
/// back to its maximum, and RESET RETRY COUNTER always puts the PIN counter back to its maximum.
/// When the counter was already at its maximum it cannot tell, and the verdict says so.
pub fn judge(i: &Pending, pin_now: TriesLeft, puk_now: TriesLeft) -> Verdict {
    let pin_max = i.policy.pin_max_tries;
    let dropped = |before: TriesLeft, now: TriesLeft| match (before, now) {
        (TriesLeft::Known(b), TriesLeft::Known(n)) => Some(n < b),
        _ => None,
    };
    match (i.stage, i.op) {
        (Stage::NothingSent, _) => Verdict::NotApplied { try_spent: Some(false) },
        (Stage::CheckSent, PinOp::Change) => Verdict::NotApplied { try_spent: dropped(i.before.pin, pin_now) },
        (Stage::CheckSent, PinOp::Unblock) => Verdict::NotApplied { try_spent: dropped(i.before.puk, puk_now) },
        (Stage::CommandSent, PinOp::Change) => match (i.before.pin, pin_now) {
            (TriesLeft::Known(b), TriesLeft::Known(n)) if n + 1 == b => Verdict::NotApplied { try_spent: Some(true) },
            (TriesLeft::Known(b), TriesLeft::Known(n)) if b < pin_max && n == pin_max => Verdict::Applied,
            (TriesLeft::Known(b), TriesLeft::Known(n)) if b < pin_max && n == b => Verdict::NotApplied { try_spent: Some(false) },
            _ => Verdict::Unknown,
        },
        (Stage::CommandSent, PinOp::Unblock) => {
            if dropped(i.before.puk, puk_now) == Some(true) {
                return Verdict::NotApplied { try_spent: Some(true) };
            }
            match (i.before.pin, pin_now) {
                (TriesLeft::Known(b), TriesLeft::Known(n)) if b < pin_max && n == pin_max => Verdict::Applied,
                (TriesLeft::Known(b), TriesLeft::Known(n)) if b < pin_max && n == b => {
                    Verdict::NotApplied { try_spent: dropped(i.before.puk, puk_now) }
                }
                _ => Verdict::Unknown,
            }
        }
    }
}

/// After an interruption, with the card back: reads the PIN and PUK counters (no try spent,
/// nothing secret sent) and judges what happened.
pub fn check_after_interruption(conn: &mut dyn Connection, i: &Pending) -> Result<AfterCheck> {
    let ((pin, puk), _) = with_card(conn, |p, ch| {
        p.prepare_pin_commands(ch)?;
        Ok((p.tries_left(ch, PinKind::Pin)?, p.tries_left(ch, PinKind::Puk)?))
    })?;
    Ok(AfterCheck { verdict: judge(i, pin, puk), pin, puk })
}

/// What a PIN dialog needs before it asks for anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinStatus {
    /// The card type.
    pub card_type: CardType,
    /// PIN tries left.
    pub pin: TriesLeft,
    /// PUK tries left.
    pub puk: TriesLeft,
    /// Holder's birth date (for the weak-PIN check).
    pub birth_date: Option<CardDate>,
    /// Lengths and counters.
    pub policy: PinPolicy,
    /// Tessera's simulated card (test authority): front-ends say so before every PIN entry.
    pub simulated: bool,
}

/// Reads the PIN and PUK counters (no try spent) and the birth date, in one transaction, just
/// before a PIN change or unblock: a card left verified by another program's login is reset to
/// read its counter (see `pin_counter`; the operation would end that login anyway).
pub fn pin_status(conn: &mut dyn Connection) -> Result<PinStatus> {
    let (st, _) = with_card(conn, |p, ch| {
        // The birth date only feeds the weak-PIN warning: failing to read it never stops a
        // PIN change or unblock, it only drops that warning. A card that went away still stops.
        let birth_date = match p.read_personal_data(ch) {
            Ok(pd) => pd.and_then(|d| d.birth_date),
            Err(e @ (CardError::Transport(_) | CardError::Response(_))) => return Err(e.into()),
            Err(e) => {
                tracing::debug!(error = %e, "birth date unreadable: no birth-date warning");
                None
            }
        };
        p.prepare_pin_commands(ch)?;
        let pin = pin_counter(p, ch)?;
        let puk = p.tries_left(ch, PinKind::Puk)?;
        Ok(PinStatus { card_type: p.card_type(), pin, puk, birth_date, policy: p.policy(), simulated: p.is_simulated() })
    })?;
    Ok(st)
}

#[cfg(test)]
mod tests {
    use super::*;

    const R: LengthRule = crate::card::cns::PIN_RULE;

    #[test]
    fn weak_pins_are_flagged() {
        assert_eq!(weak_pin_warnings(b"11111", None), vec![PinWarning::AllSameDigit]);
        assert_eq!(weak_pin_warnings(b"12345", None), vec![PinWarning::Sequence]);
        assert_eq!(weak_pin_warnings(b"67890", None), vec![PinWarning::Sequence]);
        assert_eq!(weak_pin_warnings(b"54321", None), vec![PinWarning::Sequence]);
        let birth = CardDate { year: 1985, month: 3, day: 15 };
        assert_eq!(weak_pin_warnings(b"15031985", Some(birth)), vec![PinWarning::BirthDate]);
        assert_eq!(weak_pin_warnings(b"150385", Some(birth)), vec![PinWarning::BirthDate]);
        assert!(weak_pin_warnings(b"40271", Some(birth)).is_empty());
    }

    #[test]
    fn new_pin_rules() {
        let cur = Pin::parse("40271".into(), R).expect("valid");
        assert_eq!(
            new_pin("40271".into(), "40271".into(), Some(&cur), R, None).map(|_| ()),
            Err(PinRuleError::SameAsCurrent)
        );
        assert_eq!(
            new_pin("40272".into(), "40273".into(), Some(&cur), R, None).map(|_| ()),
            Err(PinRuleError::ConfirmationMismatch)
        );
        assert!(matches!(
            new_pin("4027".into(), "4027".into(), None, R, None),
            Err(PinRuleError::Format(FormatError::Length { .. }))
        ));
        let (p, w) = new_pin("59173".into(), "59173".into(), Some(&cur), R, None).expect("valid");
        assert_eq!(p.expose_secret(), b"59173");
        assert!(w.is_empty());
    }

    #[test]
    fn preflight_refuses_before_spending() {
        assert!(matches!(preflight(PinKind::Pin, TriesLeft::Known(0), true), Err(Error::PinBlocked)));
        assert!(matches!(preflight(PinKind::Puk, TriesLeft::Known(0), true), Err(Error::PukBlocked)));
        assert!(matches!(
            preflight(PinKind::Pin, TriesLeft::Known(1), false),
            Err(Error::LastTryNotConfirmed { kind: PinKind::Pin, tries_known: true })
        ));
        assert!(matches!(
            preflight(PinKind::Pin, TriesLeft::Unknown, false),
            Err(Error::LastTryNotConfirmed { tries_known: false, .. })
        ));
        assert!(preflight(PinKind::Pin, TriesLeft::Known(1), true).is_ok());
        assert!(preflight(PinKind::Pin, TriesLeft::Known(2), false).is_ok());
    }
}
