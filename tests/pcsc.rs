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
    assert!(err.contains("may have reached the card before the connection was lost"), "{err}");
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
    assert!(err.contains("another program (a browser, other card software) may be using it"), "{err}");
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
    assert!(err.contains("another program (a browser, other card software) may be using it"), "{err}");
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
    // First asked to take the card out (the counters would then tell), then given up.
    assert!(err.contains("Take the card out of the reader and put it back: Tessera will then read the tries left"), "{err}");
    assert!(err.contains("it may have reached the card"), "{err}");
    assert!(took < std::time::Duration::from_secs(6), "gave up before the card answered: {took:?}");
    // Let the stalled answer drain before the next test uses the reader.
    std::thread::sleep(std::time::Duration::from_secs(6));
    assert_eq!(tb.card.counters().pin_tries, 1);
}

/// Runs `tessera ARGS` with the PINs on stdin while `during` acts on the card; returns its output.
fn cli_with(args: &[&str], env: &[(&str, &str)], stdin: &str, during: impl FnOnce()) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .envs(env.iter().copied())
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write");
    during();
    child.wait_with_output().expect("wait")
}

/// The card pulled before the change reached it: Tessera cannot know that, so it says "may have
/// reached"; with the counter full before and after it says that either PIN may be in force and
/// that finding out costs at most one try (exit 19) — never "the new PIN is more likely". With a
/// counter that can tell, the definite "did NOT happen, no try used" has its own exit code (20).
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn a_change_cut_short_before_it_reached_the_card_claims_nothing() {
    let input = format!("{PIN}\n50719\n50719\n");
    for (preset, code, says) in [
        (Preset::Fresh, 19, ["the old PIN or the new one may be in force", "Finding out costs at most one try"]),
        (Preset::PinLastTry, 20, ["the change did NOT happen and no try was used", "The old PIN is still in force"]),
    ] {
        let mut tb = Testbed::cps(preset);
        tb.card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Removal { processed: false } });
        let card = tb.card.clone();
        let o = cli_with(&["pin", "change", "--confirm-last-try"], &[], &input, || {
            tb.wait_removed();
            tb.insert();
        });
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(code), "{preset:?}: {err}");
        assert!(err.contains("may have reached the card"), "{preset:?}: {err}");
        for s in says {
            assert!(err.contains(s), "{preset:?}: {s:?} in {err}");
        }
        assert!(!err.contains("more likely") && !err.contains("reached the card, but"), "{preset:?}: {err}");
        assert!(card.pin_is(PIN), "{preset:?}: the old PIN is in force");
    }
}

/// The card does not come back: the fallback says once what each counter reading will mean —
/// here a wrong current PIN, so "2" means the old PIN is valid — and does not repeat "put the
/// card back" after giving up.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn a_change_whose_card_does_not_come_back_gets_a_true_fallback() {
    let mut tb = Testbed::cps(Preset::Fresh);
    tb.card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Removal { processed: true } });
    let o = cli_with(&["pin", "change"], &[("TESSERA_RECHECK_WAIT_SECS", "2")], "11112222\n50719\n50719\n", || {});
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(19), "{err}");
    assert!(err.contains("could not check what happened"), "{err}");
    assert!(err.contains("2 means the current PIN you typed was wrong and the old PIN is valid"), "{err}");
    assert!(!err.contains("if the PIN counter is full after a change, the new PIN is in force"), "{err}");
    assert_eq!(err.matches("Put the card back").count(), 1, "{err}");
    tb.insert();
    assert_eq!(tb.card.pin_tries_left(), 2);
    assert!(tb.card.pin_is(PIN));
}

/// A card that answers late, after the user was asked to take it out: the answer is taken (the
/// change happened) instead of giving up at the first bound.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn a_late_answer_after_the_mute_bound_is_taken() {
    let tb = Testbed::cps(Preset::Fresh);
    tb.card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Stall { millis: 3000 } });
    let o = cli_with(&["pin", "change"], &[("TESSERA_MUTE_TIMEOUT_SECS", "2")], &format!("{PIN}\n50719\n50719\n"), || {});
    let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("Take the card out of the reader"), "{err}");
    assert!(out.contains("PIN changed"), "{out}");
    assert!(tb.card.pin_is("50719"));
}
