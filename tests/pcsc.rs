//! Through the real PC/SC stack: pcscd + vsmartcard vpcd, with the simulated card connected to
//! vpcd from this process. Run by cargo xtask test; skipped with a note elsewhere, and a failure
//! in CI if the testbed is missing.

use tessera_testkit::*;
use std::process::Command;
use tessera_core::Error;
use tessera_core::secret::PinKind;
use tessera_core::service::{self, ChangePin, UnblockPin};
use tessera_sim::{Fault, FaultKind, Preset, Trigger};
use tessera_core::transport::TransportError;
use tessera_pcsc::PcscContext;

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn readers_and_status_through_pcscd() {
    let tb = Testbed::cps(Preset::Fresh);
    let readers = PcscContext::establish().expect("pcscd").readers().expect("readers");
    assert!(readers.iter().any(|r| r.name.starts_with("Virtual PCD") && r.card_present), "{readers:?}");
    let mut conn = tb.connect();
    let o = service::overview(&mut conn).expect("overview");
    assert_eq!(o.card_type, tessera_core::card::CardType::Cps);
    assert!(o.reader.starts_with("Virtual PCD"), "{}", o.reader);
    assert_eq!(o.card_number.as_deref(), Some("6022000000123456"));
    assert_eq!((o.pin_tries_left, o.puk_tries_left), (Some(3), Some(10)));
    assert_eq!(o.certificate_der.as_deref(), Some(&tb.card.certificate_der()[..]));
    let n = tb.card.counters();
    assert_eq!((n.pin_tries, n.puk_tries), (0, 0));
    assert_eq!(n.apdus, o.apdus, "every APDU the client counted reached the card, and no more");
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn change_wrong_block_unblock_through_pcscd() {
    let tb = Testbed::cps(Preset::Fresh);
    let change = |cur: &str, new: &str, confirm: bool| {
        let mut c = tb.connect();
        service::change_pin(&mut c, ChangePin { current: pin(cur), new: pin(new), confirm_last_try: confirm })
    };
    change(PIN, "50719", false).expect("change");
    assert!(tb.card.pin_is("50719"));
    // Wrong PIN: the tries decrease, and the status shows it.
    let e = change("11112222", "60718", false).expect_err("wrong");
    assert!(matches!(e, Error::WrongSecret { kind: PinKind::Pin, tries_left: 2 }), "{e:?}");
    let o = service::overview(&mut tb.connect()).expect("overview");
    assert_eq!(o.pin_tries_left, Some(2));
    // Block it.
    change("11112222", "60718", false).expect_err("wrong");
    let e = change("11112222", "60718", false).expect_err("last try unconfirmed");
    assert!(matches!(e, Error::LastTryNotConfirmed { .. }), "{e:?}");
    let e = change("11112222", "60718", true).expect_err("wrong, now blocked");
    assert!(matches!(e, Error::WrongSecret { tries_left: 0, .. }), "{e:?}");
    assert_eq!(tb.card.counters().pin_tries, 4, "1 change + 3 wrong; the unconfirmed one sent nothing");
    // Unblock with the PUK.
    let mut c = tb.connect();
    service::unblock_pin(&mut c, UnblockPin { puk: puk(PUK), new: pin("70913"), confirm_last_try: false }).expect("unblock");
    assert!(tb.card.pin_is("70913"));
    assert_eq!(tb.card.counters().puk_tries, 1);
    assert_eq!(service::overview(&mut tb.connect()).expect("overview").pin_tries_left, Some(3));
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn puk_blocked_sends_nothing_through_pcscd() {
    let tb = Testbed::cps(Preset::PukBlocked);
    let mut c = tb.connect();
    let e = service::unblock_pin(&mut c, UnblockPin { puk: puk(PUK), new: pin("70913"), confirm_last_try: true })
        .expect_err("PUK blocked");
    assert!(matches!(e, Error::PukBlocked), "{e:?}");
    let n = tb.card.counters();
    assert_eq!((n.pin_tries, n.puk_tries), (0, 0));
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn card_removed_mid_operation_is_a_clear_error_and_not_retried() {
    let mut tb = Testbed::cps(Preset::Fresh);
    tb.card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Removal { processed: false } });
    let mut c = tb.connect();
    let e = service::change_pin(&mut c, ChangePin { current: pin(PIN), new: pin("50719"), confirm_last_try: false })
        .expect_err("removed");
    // vpcd reports a card that vanished mid-command as a 0-byte answer or a PC/SC removal;
    // either way the change had been handed to the card, so its outcome is not known.
    assert!(
        matches!(&e, Error::Interrupted(i) if i.pending.stage == service::Stage::CommandSent
            && matches!(*i.cause, Error::CardDied | Error::Transport(TransportError::CardRemoved))),
        "{e:?}"
    );
    drop(c);
    tb.wait_removed();
    let n = tb.card.counters();
    assert_eq!(n.pin_tries, 1);
    assert_eq!(n.ins_log.iter().filter(|&&i| i == 0x24).count(), 1, "no retry");
    let e = PcscContext::establish().expect("pcscd").connect(None).err().expect("no card now");
    assert!(matches!(e, TransportError::NoCard), "{e:?}");
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn cli_status_json_through_pcscd() {
    let _tb = Testbed::cps(Preset::CertExpiring);
    let o = Command::new(env!("CARGO_BIN_EXE_tessera")).args(["status", "--json"]).output().expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["demo"], false);
    assert_eq!(v["card_type"], "CPS");
    assert!(v["cert_days_left"].as_i64().expect("days") < 60);
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn pcscd_not_running_is_a_clear_error() {
    testbed_expected();
    let o = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .env("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm")
        .args(["status", "--json"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(3));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["error"], "no_service");
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn unblock_carried_out_then_removed_is_confirmed_by_the_counters_after_reinsertion() {
    let mut tb = Testbed::cps(Preset::PinBlocked);
    tb.card.inject(Fault { when: Trigger::Ins(0x2C), what: FaultKind::Removal { processed: true } });
    let mut c = tb.connect();
    let e = service::unblock_pin(&mut c, UnblockPin { puk: puk(PUK), new: pin("50719"), confirm_last_try: false })
        .expect_err("removed");
    let Error::Interrupted(i) = e else { panic!("{e:?}") };
    assert_eq!(i.pending.stage, service::Stage::CommandSent);
    drop(c);
    tb.wait_removed();
    tb.insert();
    let a = service::check_after_interruption(&mut tb.connect(), &i.pending).expect("check");
    assert_eq!(a.verdict, service::Verdict::Applied);
    assert_eq!(tb.card.counters().puk_tries, 0, "the check sends no PUK");
    assert!(tb.card.pin_is("50719"));
}

/// The CLI waits for the card to come back and says which PIN is in force.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn cli_change_interrupted_waits_for_the_card_and_tells_the_truth() {
    use std::io::Write;
    let mut tb = Testbed::cps(Preset::PinLastTry);
    tb.card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Removal { processed: true } });
    let mut child = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .args(["pin", "change", "--json", "--confirm-last-try"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run");
    child.stdin.take().expect("stdin").write_all(format!("{PIN}\n50719\n50719\n").as_bytes()).expect("write");
    tb.wait_removed();
    let pin_tries_sent = tb.card.counters().pin_tries;
    tb.insert();
    let o = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("may already be in force"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["after_check"]["verdict"], "applied", "{v}");
    assert_eq!(v["interrupted"], "command_sent");
    assert_eq!(pin_tries_sent, 1);
    assert_eq!(tb.card.counters().pin_tries, 0, "the check after reinsertion sends no PIN");
    assert!(tb.card.pin_is("50719"));
}

/// Another program holds a transaction: the CLI says so after a second, gives up after the
/// bound, and nothing reaches the card.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn another_program_holding_the_card_is_said_and_bounded() {
    use tessera_core::transport::Connection;
    let tb = Testbed::cps(Preset::Fresh);
    let mut holder = tb.connect();
    let held = holder.begin().expect("the other program's transaction");
    let started = std::time::Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .env("TESSERA_BUSY_TIMEOUT_SECS", "3")
        .args(["status", "--json"])
        .output()
        .expect("run");
    let took = started.elapsed();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(7), "{err}");
    assert!(err.contains("Waiting for another program"), "{err}");
    assert!(err.contains("nothing was sent to the card"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["error"], "card_busy");
    assert!(took < std::time::Duration::from_secs(15), "{took:?}");
    assert_eq!(tb.card.counters().apdus, 0, "nothing reached the card");
    // The helpdesk report waits the same way, and is bounded too.
    let o = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .env("TESSERA_BUSY_TIMEOUT_SECS", "3")
        .args(["report"])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(7), "{err}");
    assert!(err.contains("Waiting for another program"), "{err}");
    drop(held);
    drop(holder);
    // Released: the next status works, and the abandoned wait sent nothing later either.
    let o = Command::new(env!("CARGO_BIN_EXE_tessera")).args(["status", "--json"]).output().expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// A card that goes silent after the PIN change was sent: the CLI gives up after the bound and
/// says the PIN may have reached the card.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn a_card_that_goes_mute_is_given_up_with_the_truth() {
    use std::io::Write;
    let tb = Testbed::cps(Preset::Fresh);
    tb.card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Stall { millis: 6000 } });
    let started = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .env("TESSERA_MUTE_TIMEOUT_SECS", "2")
        .args(["pin", "change"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run");
    child.stdin.take().expect("stdin").write_all(format!("{PIN}\n50719\n50719\n").as_bytes()).expect("write");
    let o = child.wait_with_output().expect("wait");
    let took = started.elapsed();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(5), "{err}");
    assert!(err.contains("it may have reached the card"), "{err}");
    assert!(took < std::time::Duration::from_secs(6), "gave up before the card answered: {took:?}");
    // Let the stalled answer drain before the next test uses the reader.
    std::thread::sleep(std::time::Duration::from_secs(6));
    assert_eq!(tb.card.counters().pin_tries, 1);
}
