//! The CIE behind the same service API, against the in-process simulated CIE: overview, PIN
//! change, wrong PIN, block, unblock, PUK blocked, removal and a broken MAC mid-session. The
//! simulator's counters prove no try is spent but the ones the user submitted.

use tessera_testkit::*;
use tessera_core::Error;
use tessera_core::secret::PinKind;
use tessera_core::service::{self, ChangePin, UnblockPin};
use tessera_sim::{Fault, FaultKind, Preset, SimCard, SimConfig, SimProfile, Trigger};
use tessera_core::transport::TransportError;

fn change(card: &SimCard, cur: &str, new: &str, confirm: bool) -> Result<service::PinOutcome, Error> {
    service::change_pin(&mut card.connect().expect("connect"), ChangePin { current: pin(cur), new: pin(new), confirm_last_try: confirm })
}

fn unblock(card: &SimCard, k: &str, new: &str, confirm: bool) -> Result<service::PinOutcome, Error> {
    service::unblock_pin(&mut card.connect().expect("connect"), UnblockPin { puk: puk(k), new: pin(new), confirm_last_try: confirm })
}

#[test]
fn overview_of_both_cie_families() {
    for profile in [SimProfile::Cie, SimProfile::CieGemalto] {
        let card = SimCard::new(SimConfig::new(profile, Preset::Fresh));
        let o = service::overview(&mut card.connect().expect("connect")).expect("overview");
        assert_eq!(o.card_type, tessera_core::card::CardType::Cie);
        assert_eq!(o.card_number.as_deref(), Some("CA12345XY"));
        assert_eq!(o.nis.as_deref(), Some("123456789012"));
        assert_eq!(o.holder.as_deref(), Some("MARIA ESEMPIO"));
        assert_eq!(o.codice_fiscale.as_deref(), Some("SMPMRA85C55L378I"));
        assert_eq!((o.pin_tries_left, o.puk_tries_left), (Some(3), Some(10)));
        assert_eq!(o.certificate_der.as_deref(), Some(&card.certificate_der()[..]));
        assert!(o.simulated_card, "recognised by its test authority");
        assert_eq!((o.pin_min_len, o.pin_max_len), (8, 8));
        let n = card.counters();
        assert_eq!((n.pin_tries, n.puk_tries), (0, 0), "{profile:?}");
        // Under secure messaging every READ BINARY asks for what one answer can carry: none
        // needs a GET RESPONSE.
        assert!(!n.ins_log.windows(2).any(|w| w == [0xB0, 0xC0]), "{profile:?}: {:02X?}", n.ins_log);
    }
}

#[test]
fn change_pin_presents_the_pin_once_per_command() {
    let card = SimCard::cie(Preset::Fresh);
    change(&card, PIN, "58209749", false).expect("change");
    assert!(card.pin_is("58209749"));
    // VERIFY (current PIN) then CHANGE REFERENCE DATA (current ‖ new), as the official middleware.
    assert_eq!(card.counters().pin_tries, 2);
    assert_eq!(card.pin_tries_left(), 3);
}

#[test]
fn wrong_pin_stops_at_the_verify() {
    let card = SimCard::cie(Preset::Fresh);
    let e = change(&card, "11112222", "58209749", false).expect_err("wrong");
    assert!(matches!(e, Error::WrongSecret { kind: PinKind::Pin, tries_left: 2 }), "{e:?}");
    assert_eq!(card.counters().pin_tries, 1);
    assert!(!card.counters().ins_log.contains(&0x24), "no CHANGE after a failed VERIFY");
    let o = service::overview(&mut card.connect().expect("connect")).expect("overview");
    assert_eq!(o.pin_tries_left, Some(2));
}

#[test]
fn cie_pin_is_eight_digits_checked_before_anything_secret_is_sent() {
    let card = SimCard::cie(Preset::Fresh);
    let e = change(&card, PIN, "50719", false).expect_err("5 digits");
    assert!(matches!(e, Error::InvalidInput(_)), "{e:?}");
    assert_eq!(card.counters().apdus, 0);
}

#[test]
fn block_then_unblock_then_puk_blocked() {
    let card = SimCard::cie(Preset::PinLastTry);
    let e = change(&card, "11112222", "58209749", false).expect_err("needs confirmation");
    assert!(matches!(e, Error::LastTryNotConfirmed { kind: PinKind::Pin, tries_known: true }), "{e:?}");
    assert_eq!(card.counters().pin_tries, 0);
    let e = change(&card, "11112222", "58209749", true).expect_err("wrong, now blocked");
    assert!(matches!(e, Error::WrongSecret { tries_left: 0, .. }), "{e:?}");
    let e = change(&card, PIN, "58209749", true).expect_err("blocked");
    assert!(matches!(e, Error::PinBlocked), "{e:?}");
    assert_eq!(card.counters().pin_tries, 1);
    unblock(&card, PUK, "58209749", false).expect("unblock");
    assert!(card.pin_is("58209749"));
    assert_eq!((card.counters().puk_tries, card.pin_tries_left()), (1, 3));

    let dead = SimCard::cie(Preset::PukBlocked);
    let e = unblock(&dead, PUK, "58209749", true).expect_err("PUK blocked");
    assert!(matches!(e, Error::PukBlocked), "{e:?}");
    assert_eq!((dead.counters().pin_tries, dead.counters().puk_tries), (0, 0));
}

#[test]
fn wrong_puk_counts_down() {
    let card = SimCard::cie(Preset::PinBlocked);
    let e = unblock(&card, "00000000", "58209749", false).expect_err("wrong PUK");
    assert!(matches!(e, Error::WrongSecret { kind: PinKind::Puk, tries_left: 9 }), "{e:?}");
    assert_eq!(card.puk_tries_left(), 9);
    assert!(!card.counters().ins_log.contains(&0x2C), "no RESET RETRY COUNTER after a wrong PUK");
}

#[test]
fn removal_mid_session_is_reported_and_nothing_replayed() {
    let card = SimCard::cie(Preset::Fresh);
    card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Removal { processed: false } });
    let e = change(&card, PIN, "58209749", false).expect_err("removed");
    assert!(matches!(&e, Error::Interrupted(i) if matches!(*i.cause, Error::Transport(TransportError::CardRemoved))), "{e:?}");
    assert_eq!(card.counters().ins_log.iter().filter(|&&i| i == 0x24).count(), 1);
    card.reinsert();
    assert!(card.pin_is(PIN));
}

#[test]
fn broken_mac_drops_the_session_with_a_clear_error() {
    let card = SimCard::cie(Preset::Fresh);
    // The first VERIFY is the counter read; its answer arrives with a flipped bit.
    card.inject(Fault { when: Trigger::Ins(0x20), what: FaultKind::Corrupt });
    let e = change(&card, PIN, "58209749", false).expect_err("MAC");
    assert!(
        matches!(&e, Error::Interrupted(i) if i.pending.stage == tessera_core::service::Stage::NothingSent && matches!(*i.cause, Error::SecureChannel)),
        "{e:?}"
    );
    let n = card.counters();
    assert_eq!(n.pin_tries, 0, "the PIN was never sent");
    assert!(!n.ins_log.contains(&0x24));
    assert!(card.pin_is(PIN));
}

#[test]
fn signing_with_the_authentication_key_verifies_with_the_certificate() {
    for card in [SimCard::cie(Preset::Fresh), SimCard::cps(Preset::Fresh), SimCard::new(SimConfig::new(SimProfile::TsCns, Preset::Fresh))] {
        let msg = b"Tessera self-test challenge";
        let signed = service::sign_sha256(&mut card.connect().expect("connect"), &pin(PIN), msg, false).expect("sign");
        assert_eq!(signed.certificate, card.certificate_der());
        assert!(service::verify_sha256(&signed.certificate, msg, &signed.signature).expect("verify"));
        assert!(!service::verify_sha256(&signed.certificate, b"another message", &signed.signature).expect("verify"));
        assert_eq!(card.counters().pin_tries, 1, "one VERIFY");
        // A wrong PIN signs nothing and costs exactly one try.
        let e = service::sign_sha256(&mut card.connect().expect("connect"), &pin("11112222"), msg, false).expect_err("wrong");
        assert!(matches!(e, Error::WrongSecret { tries_left: 2, .. }), "{e:?}");
        assert_eq!(card.counters().pin_tries, 2);
    }
}
