//! Every service operation against the in-process simulated card, including the fault presets.
//! Each test asserts the simulator counted exactly the PIN/PUK tries the user submitted.

use tessera_testkit::*;
use tessera_core::Error;
use tessera_core::secret::PinKind;
use tessera_core::service::{self, ChangePin, UnblockPin};
use tessera_sim::{Fault, FaultKind, Preset, SimCard, SimConfig, SimProfile, Trigger};
use tessera_core::transport::TransportError;

fn change(card: &SimCard, cur: &str, new: &str, confirm: bool) -> Result<service::PinOutcome, Error> {
    let mut c = card.connect().expect("connect");
    service::change_pin(&mut c, ChangePin { current: pin(cur), new: pin(new), confirm_last_try: confirm })
}

fn unblock(card: &SimCard, k: &str, new: &str, confirm: bool) -> Result<service::PinOutcome, Error> {
    let mut c = card.connect().expect("connect");
    service::unblock_pin(&mut c, UnblockPin { puk: puk(k), new: pin(new), confirm_last_try: confirm })
}

#[test]
fn status_reads_everything_and_spends_no_try() {
    let card = sim(Preset::Fresh);
    let mut c = card.connect().expect("connect");
    let o = service::overview(&mut c).expect("overview");
    assert_eq!(o.card_type, tessera_core::card::CardType::Cps);
    assert_eq!(o.card_number.as_deref(), Some("6022000000123456"));
    assert_eq!(o.holder.as_deref(), Some("MARIA ESEMPIO"));
    assert_eq!(o.codice_fiscale.as_deref(), Some("SMPMRA85C55L378I"));
    assert_eq!((o.pin_tries_left, o.puk_tries_left), (Some(3), Some(10)));
    assert_eq!(o.certificate_der.as_deref(), Some(&card.certificate_der()[..]));
    let cert = o.certificate.expect("certificate");
    assert!(cert.days_left > 1000, "{}", cert.days_left);
    assert_eq!(cert.public_key, "RSA 2048");
    let n = card.counters();
    assert_eq!((n.pin_tries, n.puk_tries), (0, 0));
    assert_eq!(n.apdus, o.apdus);
    assert!(o.apdus <= 14, "status took {} APDUs", o.apdus);
}

#[test]
fn ts_cns_profile_uses_plain_references_and_1024_bit_key() {
    let card = SimCard::new(SimConfig::new(SimProfile::TsCns, Preset::Fresh));
    let mut c = card.connect().expect("connect");
    let o = service::overview(&mut c).expect("overview");
    assert_eq!(o.card_type, tessera_core::card::CardType::TsCns);
    assert_eq!(o.pin_tries_left, Some(3));
    assert_eq!(o.certificate.expect("cert").public_key, "RSA 1024");
    change(&card, PIN, "50719", false).expect("change");
    assert!(card.pin_is("50719"));
}

#[test]
fn change_pin_spends_exactly_one_try() {
    let card = sim(Preset::Fresh);
    change(&card, PIN, "50719", false).expect("change");
    assert!(card.pin_is("50719"));
    assert_eq!(card.counters().pin_tries, 1);
    assert_eq!(card.pin_tries_left(), 3);
}

#[test]
fn wrong_pin_reports_tries_left_and_status_shows_them() {
    let card = sim(Preset::Fresh);
    let e = change(&card, "11112222", "50719", false).expect_err("wrong PIN");
    assert!(matches!(e, Error::WrongSecret { kind: PinKind::Pin, tries_left: 2 }), "{e:?}");
    assert_eq!(card.counters().pin_tries, 1);
    let o = service::overview(&mut card.connect().expect("connect")).expect("overview");
    assert_eq!(o.pin_tries_left, Some(2));
    assert_eq!(card.counters().pin_tries, 1, "status spent no try");
}

#[test]
fn last_try_needs_confirmation_and_sends_nothing_without_it() {
    let card = sim(Preset::PinLastTry);
    let e = change(&card, PIN, "50719", false).expect_err("needs confirmation");
    assert!(matches!(e, Error::LastTryNotConfirmed { kind: PinKind::Pin, tries_known: true }), "{e:?}");
    assert_eq!(card.counters().pin_tries, 0);
    assert!(!card.counters().ins_log.contains(&0x24), "no CHANGE REFERENCE DATA sent");
    change(&card, PIN, "50719", true).expect("confirmed change");
    assert_eq!(card.counters().pin_tries, 1);
}

#[test]
fn blocking_then_unblocking_with_the_puk() {
    let card = sim(Preset::Fresh);
    for left in [2u8, 1, 0] {
        let e = change(&card, "11112222", "50719", true).expect_err("wrong");
        assert!(matches!(e, Error::WrongSecret { tries_left, .. } if tries_left == left), "{e:?}");
    }
    assert_eq!(card.counters().pin_tries, 3);
    let e = change(&card, PIN, "50719", true).expect_err("blocked");
    assert!(matches!(e, Error::PinBlocked), "{e:?}");
    assert_eq!(card.counters().pin_tries, 3, "nothing sent to a blocked PIN");
    unblock(&card, PUK, "50719", false).expect("unblock");
    assert_eq!(card.counters().puk_tries, 1);
    assert_eq!(card.pin_tries_left(), 3);
    assert!(card.pin_is("50719"));
}

#[test]
fn wrong_puk_counts_down() {
    let card = sim(Preset::PinBlocked);
    let e = unblock(&card, "00000000", "50719", false).expect_err("wrong PUK");
    assert!(matches!(e, Error::WrongSecret { kind: PinKind::Puk, tries_left: 9 }), "{e:?}");
    assert_eq!(card.counters().puk_tries, 1);
    assert_eq!(card.puk_tries_left(), 9);
}

#[test]
fn puk_low_needs_confirmation_only_at_the_last_try() {
    let card = sim(Preset::PukLow); // 2 PUK tries left
    let e = unblock(&card, "00000000", "50719", false).expect_err("wrong PUK");
    assert!(matches!(e, Error::WrongSecret { tries_left: 1, .. }), "{e:?}");
    let e = unblock(&card, PUK, "50719", false).expect_err("last try");
    assert!(matches!(e, Error::LastTryNotConfirmed { kind: PinKind::Puk, .. }), "{e:?}");
    assert_eq!(card.counters().puk_tries, 1);
    unblock(&card, PUK, "50719", true).expect("confirmed");
    assert_eq!(card.counters().puk_tries, 2);
}

#[test]
fn puk_blocked_sends_nothing() {
    let card = sim(Preset::PukBlocked);
    let e = unblock(&card, PUK, "50719", true).expect_err("PUK blocked");
    assert!(matches!(e, Error::PukBlocked), "{e:?}");
    let n = card.counters();
    assert_eq!((n.pin_tries, n.puk_tries), (0, 0));
    assert!(!n.ins_log.contains(&0x2C));
}

#[test]
fn removal_during_change_is_reported_and_never_retried() {
    let card = sim(Preset::Fresh);
    card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Removal { processed: false } });
    let e = change(&card, PIN, "50719", false).expect_err("removed");
    assert!(matches!(&e, Error::Interrupted(i) if matches!(*i.cause, Error::Transport(TransportError::CardRemoved))), "{e:?}");
    let n = card.counters();
    assert_eq!(n.pin_tries, 1);
    assert_eq!(n.ins_log.iter().filter(|&&i| i == 0x24).count(), 1, "no retry");
    assert!(matches!(card.connect(), Err(TransportError::NoCard)));
    card.reinsert();
    assert!(card.pin_is(PIN), "the unanswered change did not take effect");
}

#[test]
fn reset_during_change_is_not_replayed() {
    let card = sim(Preset::Fresh);
    card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Reset });
    let e = change(&card, PIN, "50719", false).expect_err("reset");
    assert!(matches!(&e, Error::Interrupted(i) if matches!(*i.cause, Error::Transport(TransportError::Reset))), "{e:?}");
    assert_eq!(card.counters().ins_log.iter().filter(|&&i| i == 0x24).count(), 1);
}

#[test]
fn empty_response_means_the_card_died() {
    let card = sim(Preset::Fresh);
    card.inject(Fault { when: Trigger::Ins(0x2C), what: FaultKind::EmptyResponse });
    let e = unblock(&card, PUK, "50719", false).expect_err("died");
    assert!(matches!(&e, Error::Interrupted(i) if matches!(*i.cause, Error::CardDied)), "{e:?}");
    assert_eq!(card.counters().puk_tries, 1);
}

#[test]
fn unexpected_status_on_the_counter_means_unknown_never_a_guess() {
    let card = sim(Preset::Fresh);
    // The card refuses VERIFY without data (6D00) for both counters.
    card.inject(Fault { when: Trigger::Ins(0x20), what: FaultKind::StatusWord(0x6D00) });
    card.inject(Fault { when: Trigger::Ins(0x20), what: FaultKind::StatusWord(0x6D00) });
    let o = service::overview(&mut card.connect().expect("connect")).expect("overview");
    assert_eq!((o.pin_tries_left, o.puk_tries_left), (None, None));
    // Unknown tries: changing the PIN needs confirmation, since this could be the last try.
    card.inject(Fault { when: Trigger::Ins(0x20), what: FaultKind::StatusWord(0x6D00) });
    let e = change(&card, PIN, "50719", false).expect_err("needs confirmation");
    assert!(matches!(e, Error::LastTryNotConfirmed { tries_known: false, .. }), "{e:?}");
    assert_eq!(card.counters().pin_tries, 0);
}

#[test]
fn slow_card_still_works() {
    let card = sim(Preset::Fresh);
    card.set_latency(std::time::Duration::from_millis(20));
    let t = std::time::Instant::now();
    let o = service::overview(&mut card.connect().expect("connect")).expect("overview");
    assert!(t.elapsed() >= std::time::Duration::from_millis(20 * u64::from(o.apdus)));
    assert_eq!(o.pin_tries_left, Some(3));
}

#[test]
fn same_pin_is_refused_before_any_apdu() {
    let card = sim(Preset::Fresh);
    let e = change(&card, PIN, PIN, false).expect_err("same");
    assert!(matches!(e, Error::InvalidInput(_)), "{e:?}");
    assert_eq!(card.counters().apdus, 0);
}

#[test]
fn expiring_and_expired_certificates() {
    for (preset, lo, hi) in [(Preset::CertExpiring, 18, 20), (Preset::CertExpired, -11, -9)] {
        let card = sim(preset);
        let o = service::overview(&mut card.connect().expect("connect")).expect("overview");
        let d = o.certificate.expect("cert").days_left;
        assert!((lo..=hi).contains(&d), "{preset:?}: {d}");
    }
}

#[test]
fn certificate_read_and_export_match_the_card() {
    let card = sim(Preset::Fresh);
    let info = service::read_certificate(&mut card.connect().expect("connect")).expect("read");
    assert_eq!(info.der, card.certificate_der());
    assert_eq!(info.summary.codice_fiscale.as_deref(), Some("SMPMRA85C55L378I"));
    let dir = std::env::temp_dir().join(format!("tessera-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    for (fmt, name) in [(tessera_core::cert::ExportFormat::Der, "c.der"), (tessera_core::cert::ExportFormat::Pem, "c.pem")] {
        let p = dir.join(name);
        tessera::export::certificate(&info.der, fmt, &p, false).expect("export");
        let back = tessera_core::cert::import(&std::fs::read(&p).expect("read back")).expect("parse back");
        assert_eq!(back, card.certificate_der());
        let e = tessera::export::certificate(&info.der, fmt, &p, false).expect_err("no overwrite");
        assert!(matches!(e, tessera::Error::Core(Error::Io { .. })));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cns_lot_found_by_aid_when_the_atr_says_nothing() {
    let card = SimCard::new(SimConfig::new(SimProfile::St2022Nfc, Preset::Fresh));
    let o = service::overview(&mut card.connect().expect("connect")).expect("overview");
    assert_eq!(o.card_type, tessera_core::card::CardType::Cns);
    assert_eq!(o.card_number.as_deref(), Some("6022000000777777"));
    assert_eq!(o.pin_tries_left, Some(3));
    assert_eq!(o.certificate_der.as_deref(), Some(&card.certificate_der()[..]));
    change(&card, PIN, "50719", false).expect("change under the application");
    assert!(card.pin_is("50719"));
    assert_eq!(card.counters().pin_tries, 1);
}
