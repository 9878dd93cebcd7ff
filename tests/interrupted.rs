//! Truth after a late fault: a PIN change or unblock whose answer is lost says what may have
//! reached the card, and the counters read once the card is back (no try spent) say which PIN
//! is in force. Simulated cards in process, CNS and CIE, "removed after executing" and
//! "removed before executing".

use tessera_testkit::*;
use tessera_core::Error;
use tessera_core::card::TriesLeft;
use tessera_core::secret::Pin;
use tessera_core::service::{self, ChangePin, Interruption, Stage, UnblockPin, Verdict};
use tessera_sim::{Fault, FaultKind, Preset, SimCard, Trigger};

const NEW_CNS: &str = "50719";
const NEW_CIE: &str = "58209749";

fn cie_pin(s: &str) -> Pin {
    Pin::parse(s.into(), tessera_core::card::cie::PIN_RULE).expect("CIE PIN")
}

fn change(card: &SimCard, cur: Pin, new: Pin) -> Result<service::PinOutcome, Error> {
    let mut c = card.connect().expect("connect");
    service::change_pin(&mut c, ChangePin { current: cur, new, confirm_last_try: true })
}

fn unblock(card: &SimCard, new: Pin) -> Result<service::PinOutcome, Error> {
    let mut c = card.connect().expect("connect");
    service::unblock_pin(&mut c, UnblockPin { puk: puk(PUK), new, confirm_last_try: true })
}

fn interruption(r: Result<service::PinOutcome, Error>) -> Box<Interruption> {
    match r {
        Err(Error::Interrupted(i)) => i,
        other => panic!("expected an interruption, got {other:?}"),
    }
}

/// Puts the card back and reads the counters; asserts no secret was sent by the check.
fn check(card: &SimCard, i: &Interruption) -> service::AfterCheck {
    card.reinsert();
    let before = card.counters();
    let a = service::check_after_interruption(&mut card.connect().expect("connect"), &i.pending).expect("check");
    let after = card.counters();
    assert_eq!((after.pin_tries, after.puk_tries), (before.pin_tries, before.puk_tries), "the check sends nothing secret");
    a
}

fn removal(ins: u8, processed: bool) -> Fault {
    Fault { when: Trigger::Ins(ins), what: FaultKind::Removal { processed } }
}

#[test]
fn cns_change_carried_out_then_removed_is_applied_when_the_counter_can_tell() {
    // One try left before: a successful change puts the counter back to 3.
    let card = SimCard::cps(Preset::PinLastTry);
    card.inject(removal(0x24, true));
    let i = interruption(change(&card, pin(PIN), pin(NEW_CNS)));
    assert_eq!(i.pending.stage, Stage::CommandSent);
    assert_eq!(i.pending.before.pin, TriesLeft::Known(1));
    let a = check(&card, &i);
    assert_eq!(a.verdict, Verdict::Applied);
    assert!(card.pin_is(NEW_CNS));
    assert_eq!(card.counters().ins_log.iter().filter(|&&x| x == 0x24).count(), 1, "never replayed");
}

#[test]
fn cns_change_removed_before_executing_keeps_the_old_pin() {
    let card = SimCard::cps(Preset::PinLastTry);
    card.inject(removal(0x24, false));
    let i = interruption(change(&card, pin(PIN), pin(NEW_CNS)));
    assert_eq!(i.pending.stage, Stage::CommandSent, "the command was handed to the reader: it may have arrived");
    assert_eq!(check(&card, &i).verdict, Verdict::NotApplied { try_spent: Some(false) });
    assert!(card.pin_is(PIN));
}

#[test]
fn cns_change_with_a_wrong_pin_carried_out_says_the_try_was_spent() {
    let card = SimCard::cps(Preset::Fresh);
    card.inject(removal(0x24, true));
    let i = interruption(change(&card, pin("99999"), pin(NEW_CNS)));
    let a = check(&card, &i);
    assert_eq!(a.verdict, Verdict::NotApplied { try_spent: Some(true) });
    assert_eq!(a.pin, TriesLeft::Known(2));
    assert!(card.pin_is(PIN));
}

#[test]
fn cns_change_from_a_full_counter_is_honestly_unknown() {
    let card = SimCard::cps(Preset::Fresh);
    card.inject(removal(0x24, true));
    let i = interruption(change(&card, pin(PIN), pin(NEW_CNS)));
    assert_eq!(check(&card, &i).verdict, Verdict::Unknown);
    // The message must not claim either way, and must point to the new PIN first.
    assert!(card.pin_is(NEW_CNS));
}

#[test]
fn cns_unblock_carried_out_then_removed_is_applied() {
    let card = SimCard::cps(Preset::PinBlocked);
    card.inject(removal(0x2C, true));
    let i = interruption(unblock(&card, pin(NEW_CNS)));
    assert_eq!(i.pending.stage, Stage::CommandSent);
    assert_eq!(i.pending.before.pin, TriesLeft::Known(0));
    let a = check(&card, &i);
    assert_eq!(a.verdict, Verdict::Applied);
    assert!(card.pin_is(NEW_CNS));
    assert_eq!(card.counters().puk_tries, 1, "one PUK try, never replayed");
}

#[test]
fn cns_unblock_removed_before_executing_is_not_applied() {
    let card = SimCard::cps(Preset::PinBlocked);
    card.inject(removal(0x2C, false));
    let i = interruption(unblock(&card, pin(NEW_CNS)));
    assert_eq!(check(&card, &i).verdict, Verdict::NotApplied { try_spent: Some(false) });
    assert_eq!(card.pin_tries_left(), 0);
}

#[test]
fn nothing_sent_when_the_card_goes_before_the_secret() {
    let card = SimCard::cps(Preset::Fresh);
    // The first VERIFY is the counter read (no data).
    card.inject(removal(0x20, false));
    let i = interruption(change(&card, pin(PIN), pin(NEW_CNS)));
    assert_eq!(i.pending.stage, Stage::NothingSent);
    assert_eq!(card.counters().pin_tries, 0);
}

#[test]
fn cie_change_carried_out_then_removed_is_unknown_and_never_replayed() {
    // The CIE verifies the current PIN first (counter back to 3), so the counter cannot tell.
    let card = SimCard::cie(Preset::Fresh);
    card.inject(removal(0x24, true));
    let i = interruption(change(&card, cie_pin(PIN), cie_pin(NEW_CIE)));
    assert_eq!(i.pending.stage, Stage::CommandSent);
    assert_eq!(check(&card, &i).verdict, Verdict::Unknown);
    assert!(card.pin_is(NEW_CIE));
    assert_eq!(card.counters().ins_log.iter().filter(|&&x| x == 0x24).count(), 1);
}

#[test]
fn cie_unblock_carried_out_then_removed_is_applied() {
    let card = SimCard::cie(Preset::PinBlocked);
    card.inject(removal(0x2C, true));
    let i = interruption(unblock(&card, cie_pin(NEW_CIE)));
    assert_eq!(i.pending.stage, Stage::CommandSent);
    assert_eq!(check(&card, &i).verdict, Verdict::Applied);
    assert!(card.pin_is(NEW_CIE));
}

#[test]
fn cie_unblock_removed_before_executing_is_not_applied() {
    let card = SimCard::cie(Preset::PinBlocked);
    card.inject(removal(0x2C, false));
    let i = interruption(unblock(&card, cie_pin(NEW_CIE)));
    assert_eq!(check(&card, &i).verdict, Verdict::NotApplied { try_spent: Some(false) });
    assert!(card.pin_is(PIN));
}
