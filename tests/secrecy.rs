//! PINs never appear in logs (even at trace level), Debug output, or the CLI's output.

use tessera_testkit::*;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use tessera_core::service::{self, ChangePin, UnblockPin};
use tessera_sim::Preset;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The PIN's digits as text and as the hex bytes a naive tracer would print.
fn leaks(log: &str, secret: &str) -> bool {
    let hex: Vec<String> = secret.bytes().map(|b| format!("{b:02X}")).collect();
    log.contains(secret) || log.contains(&hex.join(" ")) || log.to_uppercase().contains(&hex.concat())
}

#[test]
fn trace_log_of_pin_change_and_unblock_has_no_pin_digits() {
    let cap = Captured::default();
    let writer = cap.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let card = sim(Preset::Fresh);
    tracing::subscriber::with_default(subscriber, || {
        let mut c = card.connect().expect("connect");
        service::change_pin(&mut c, ChangePin { current: pin(PIN), new: pin("58209749"), confirm_last_try: false })
            .expect("change");
        let mut c = card.connect().expect("connect");
        let _ = service::unblock_pin(&mut c, UnblockPin { puk: puk(PUK), new: pin("60431785"), confirm_last_try: false })
            .expect("unblock");
    });
    let log = String::from_utf8(cap.0.lock().expect("lock").clone()).expect("utf8");
    // The trace is on and shows the PIN commands' headers, so this test can fail.
    assert!(log.contains("00 24 00 90 Lc=16 [redacted]"), "{log}");
    assert!(log.contains("00 2C 00 90 Lc=16 [redacted]"), "{log}");
    for s in [PIN, PUK, "58209749", "60431785"] {
        assert!(!leaks(&log, s), "{s} leaked in:\n{log}");
    }
}

#[test]
fn debug_output_of_requests_is_redacted() {
    let req = ChangePin { current: pin(PIN), new: pin("58209749"), confirm_last_try: false };
    let dbg = format!("{req:?}");
    assert!(dbg.contains("Pin(***)"), "{dbg}");
    assert!(!dbg.contains(PIN) && !dbg.contains("58209749"), "{dbg}");
}

fn tessera() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tessera"));
    c.env_remove("TESSERA_LOG").env("TESSERA_LANG", "en");
    c
}

#[test]
fn cli_pin_change_at_trace_level_leaks_nothing() {
    let mut child = tessera()
        .args(["-vv", "pin", "change", "--demo"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(format!("{PIN}\n58209749\n58209749\n").as_bytes()).expect("write");
    let out = child.wait_with_output().expect("wait");
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{all}");
    assert!(all.contains("PIN changed"), "{all}");
    assert!(all.contains("[redacted]"), "trace was on: {all}");
    assert!(!leaks(&all, PIN) && !leaks(&all, "58209749"), "{all}");
}
