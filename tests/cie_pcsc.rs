//! The CIE through the real PC/SC stack (pcscd + vpcd, simulated CIE connected from this
//! process): status, change, wrong PIN, block, unblock, PUK blocked, removal mid-session, and a
//! broken MAC. Run by cargo xtask test.

use tessera_testkit::*;
use std::process::Command;
use tessera_core::Error;
use tessera_core::secret::PinKind;
use tessera_core::service::{self, ChangePin, UnblockPin};
use tessera_sim::{Fault, FaultKind, Preset, Trigger};
use tessera_core::transport::TransportError;

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn cie_status_change_block_unblock_through_pcscd() {
    let tb = Testbed::cie(Preset::Fresh);
    let o = service::overview(&mut tb.connect()).expect("overview");
    assert_eq!(o.card_type, tessera_core::card::CardType::Cie);
    assert_eq!(o.card_number.as_deref(), Some("CA12345XY"));
    assert!(o.simulated_card);
    assert_eq!((o.pin_tries_left, o.puk_tries_left), (Some(3), Some(10)));
    assert_eq!(o.certificate_der.as_deref(), Some(&tb.card.certificate_der()[..]));
    let change = |cur: &str, new: &str, confirm: bool| {
        service::change_pin(&mut tb.connect(), ChangePin { current: pin(cur), new: pin(new), confirm_last_try: confirm })
    };
    change(PIN, "58209749", false).expect("change");
    assert!(tb.card.pin_is("58209749"));
    let e = change("11112222", "60718293", false).expect_err("wrong");
    assert!(matches!(e, Error::WrongSecret { kind: PinKind::Pin, tries_left: 2 }), "{e:?}");
    assert_eq!(service::overview(&mut tb.connect()).expect("overview").pin_tries_left, Some(2));
    change("11112222", "60718293", false).expect_err("wrong");
    let e = change("11112222", "60718293", true).expect_err("blocked now");
    assert!(matches!(e, Error::WrongSecret { tries_left: 0, .. }), "{e:?}");
    service::unblock_pin(&mut tb.connect(), UnblockPin { puk: puk(PUK), new: pin("70913264"), confirm_last_try: false })
        .expect("unblock");
    assert!(tb.card.pin_is("70913264"));
    let n = tb.card.counters();
    assert_eq!((n.pin_tries, n.puk_tries), (2 + 3, 1), "change = VERIFY + CHANGE; 3 wrong VERIFYs; 1 PUK");
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn cie_puk_blocked_sends_nothing_through_pcscd() {
    let tb = Testbed::cie(Preset::PukBlocked);
    let e = service::unblock_pin(&mut tb.connect(), UnblockPin { puk: puk(PUK), new: pin("70913264"), confirm_last_try: true })
        .expect_err("dead");
    assert!(matches!(e, Error::PukBlocked), "{e:?}");
    assert_eq!((tb.card.counters().pin_tries, tb.card.counters().puk_tries), (0, 0));
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn cie_broken_mac_through_pcscd() {
    let tb = Testbed::cie(Preset::Fresh);
    tb.card.inject(Fault { when: Trigger::Ins(0x20), what: FaultKind::Corrupt });
    let e = service::change_pin(&mut tb.connect(), ChangePin { current: pin(PIN), new: pin("58209749"), confirm_last_try: false })
        .expect_err("MAC");
    assert!(matches!(&e, Error::Interrupted(i) if i.pending.stage == service::Stage::NothingSent && matches!(*i.cause, Error::SecureChannel)), "{e:?}");
    assert_eq!(tb.card.counters().pin_tries, 0);
    // The next operation authenticates afresh and works.
    assert_eq!(service::overview(&mut tb.connect()).expect("overview").pin_tries_left, Some(3));
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn cie_removed_mid_session_through_pcscd() {
    let mut tb = Testbed::cie(Preset::Fresh);
    tb.card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Removal { processed: false } });
    let mut c = tb.connect();
    let e = service::change_pin(&mut c, ChangePin { current: pin(PIN), new: pin("58209749"), confirm_last_try: false })
        .expect_err("removed");
    assert!(
        matches!(&e, Error::Interrupted(i) if i.pending.stage == service::Stage::CommandSent
            && matches!(*i.cause, Error::CardDied | Error::Transport(TransportError::CardRemoved))),
        "{e:?}"
    );
    drop(c);
    tb.wait_removed();
    assert_eq!(tb.card.counters().ins_log.iter().filter(|&&i| i == 0x24).count(), 1, "no replay");
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn cie_cli_status_through_pcscd_says_simulated() {
    let _tb = Testbed::cie(Preset::Fresh);
    let o = Command::new(env!("CARGO_BIN_EXE_tessera")).env("TESSERA_LANG", "en").args(["status"]).output().expect("run");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(text.contains("SIMULATED CARD") && text.contains("CIE 3.0 (Bit4Id2023)"), "{text}");
}

fn cli_pin_change(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .args(["pin", "change"])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write");
    child.wait_with_output().expect("wait")
}

/// A card of Tessera's public test authority in a real reader gets no PIN unless the user
/// chose so explicitly, and then every PIN operation says it is simulated.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn a_simulated_cie_in_a_reader_gets_a_pin_only_by_explicit_choice_and_is_named_every_time() {
    let tb = Testbed::cie(Preset::Fresh);
    // Core: an untrusting connection refuses before anything secret.
    let mut plain = tessera_pcsc::PcscContext::establish().expect("pcscd").connect(None).expect("card");
    let e = service::change_pin(&mut plain, ChangePin { current: pin(PIN), new: pin("58209749"), confirm_last_try: false })
        .expect_err("refused");
    assert!(matches!(e, Error::SimulatedCard), "{e:?}");
    drop(plain);
    assert_eq!(tb.card.counters().pin_tries, 0);
    // CLI without the flag: refused, nothing sent.
    let input = format!("{PIN}\n58209749\n58209749\n");
    let o = cli_pin_change(&["--json"], &input);
    assert_eq!(o.status.code(), Some(15), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["error"], "simulated_card");
    assert_eq!(tb.card.counters().pin_tries, 0, "no PIN reached the card");
    // Refused before the PIN is asked: with nothing on stdin it is still "simulated card", not
    // "the PIN was not given"; the same for the unblock and the self-test.
    for args in [&["pin", "change", "--json"][..], &["pin", "unblock", "--json"], &["selftest", "--json"]] {
        let o = Command::new(env!("CARGO_BIN_EXE_tessera"))
            .env("TESSERA_LANG", "en")
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!((o.status.code(), v["error"].as_str()), (Some(15), Some("simulated_card")), "{args:?}: {v}");
    }
    // With the flag: the banner, then the change.
    let o = cli_pin_change(&["--allow-simulated-card"], &input);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("SIMULATED CARD"), "{err}");
    assert!(tb.card.pin_is("58209749"));
}

/// A typed secret of the wrong format is refused before any card I/O: the length rule comes
/// from the ATR (a CIE PIN has 8 digits), so not even the 30-odd APDUs of the key agreement run.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn cie_secrets_are_checked_before_any_apdu() {
    let tb = Testbed::cie(Preset::Fresh);
    for input in ["1234\n58209749\n58209749\n", "31415926\n50719\n50719\n", "31415926\n5820974a\n5820974a\n"] {
        let o = cli_pin_change(&["--json", "--allow-simulated-card"], input);
        assert_eq!(o.status.code(), Some(14), "{input:?}: {}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        assert!(v["next_step"].as_str().unwrap_or_default().contains("nothing was sent"), "{v}");
        assert_eq!(tb.card.counters().apdus, 0, "{input:?}: not one APDU");
    }
}
