//! The CLI on the demo card: output, JSON fields, exit codes, input checks.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    run_bytes(args, stdin.as_bytes())
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn status_json_has_the_documented_fields() {
    let o = run(&["status", "--demo", "--json"], "");
    assert!(o.status.success(), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["card_type"], "CPS");
    assert_eq!(v["card_number"], "6022000000123456");
    assert_eq!(v["holder"], "MARIA ESEMPIO");
    assert_eq!(v["codice_fiscale"], "SMPMRA85C55L378I");
    assert_eq!(v["pin_tries_left"], 3);
    assert_eq!(v["puk_tries_left"], 10);
    assert_eq!(v["demo"], true);
    assert!(v["cert_not_after"].as_str().expect("date").ends_with('Z'));
}

#[test]
fn demo_is_always_marked() {
    let o = run(&["status", "--demo"], "");
    assert!(text(&o).contains("DEMO CARD"), "{}", text(&o));
}

#[test]
fn exit_codes_for_pin_outcomes() {
    let wrong = run(&["pin", "change", "--demo"], "11112222\n50719\n50719\n");
    assert_eq!(wrong.status.code(), Some(10), "{}", text(&wrong));
    assert!(text(&wrong).contains("Tries left: 2"), "{}", text(&wrong));
    let last = run(&["pin", "change", "--demo=pin-last-try"], "31415926\n50719\n50719\n");
    assert_eq!(last.status.code(), Some(13), "{}", text(&last));
    // Secrets are read and checked before the card is touched, then the counters decide.
    let blocked = run(&["pin", "change", "--demo=pin-blocked"], "31415926\n50719\n50719\n");
    assert_eq!(blocked.status.code(), Some(11));
    assert!(text(&blocked).contains("tessera pin unblock"));
    let dead = run(&["pin", "unblock", "--demo=puk-blocked", "--json"], "27182818\n50719\n50719\n");
    assert_eq!(dead.status.code(), Some(12));
    let v: serde_json::Value = serde_json::from_slice(&dead.stdout).expect("json");
    assert_eq!(v["error"], "puk_blocked");
    assert!(v["next_step"].as_str().expect("text").contains("Agenzia delle Entrate"));
    let ok = run(&["pin", "unblock", "--demo=pin-blocked"], "27182818\n50719\n50719\n");
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok));
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    for (input, needle) in [
        ("31415926\n١٢٣٤٥\n١٢٣٤٥\n", "0-9"),
        ("31415926\n1234\n1234\n", "5 to 8 digits"),
        ("31415926\n50719\n50718\n", "differ"),
        ("31415926\n31415926\n31415926\n", "same as the current"),
        ("3141 5926\n", "spaces"),
    ] {
        let o = run(&["pin", "change", "--demo"], input);
        assert_eq!(o.status.code(), Some(14), "{input:?}: {}", text(&o));
        assert!(text(&o).contains(needle), "{input:?}: {}", text(&o));
        assert!(text(&o).to_lowercase().contains("nothing was sent"), "{input:?}: {}", text(&o));
    }
}

#[test]
fn atr_explains_cps_and_cie() {
    let o = run(&["atr", "3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 17 17 01 11 01 43 4E 53 11 31 80 8C"], "");
    assert!(text(&o).contains("STIncard") && text(&o).contains("CNS 1.1"), "{}", text(&o));
    let o = run(&["atr", "--json", "3B8F8001803180654954 4A3444120FFF8290008D"], "");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["kind"]["family"], "cie");
    assert_eq!(run(&["atr", "zz"], "").status.code(), Some(2));
}

#[test]
fn atr_of_new_lots_never_claims_a_key_size_and_contactless_is_maybe_a_cns() {
    // ACe 2025: the ATR says CNS 1.0; the key (RSA-2048) is only known from the certificate.
    let o = run(&["atr", "--lang", "en", "3B FF 18 00 FF 81 31 FE 4D 00 6B 04 04 B8 5B 01 F1 01 43 4E 53 10 31 80 9D"], "");
    let t = text(&o);
    assert!(t.contains("Giesecke") && t.contains("from the certificate") && !t.contains("RSA-1024"), "{t}");
    assert!(t.contains("layouts probed in order: ace2025"), "{t}");
    // ST2022 over NFC: not "not supported".
    let o = run(&["atr", "--lang", "en", "3B 80 80 01 01"], "");
    let t = text(&o);
    assert!(t.contains("possibly a CNS over NFC") && !t.contains("not supported"), "{t}");
    let o = run(&["atr", "--json", "3B 80 80 01 01"], "");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!((v["kind"]["family"].as_str(), v["maybe_supported"].as_bool()), (Some("maybe_cns_contactless"), Some(true)));
}

#[test]
fn status_json_names_the_lot() {
    for (profile, lot) in [("ace2025", "ace2025"), ("idemia2021", "idemia2021"), ("cps", "classic")] {
        let o = run(&["status", "--json", "--demo", "--demo-profile", profile], "");
        assert_eq!(o.status.code(), Some(0), "{profile}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!(v["lot"], lot);
        assert_eq!(v["holder"], "MARIA ESEMPIO");
    }
}

/// A signature token is said to be one in the user's language; the JSON keeps a code for it.
#[test]
fn a_signature_token_is_named_in_the_users_language() {
    let json = run(&["status", "--json", "--demo", "--demo-profile", "cns-token"], "");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["model_note"], "signature-token");
    assert!(!v["model"].as_str().unwrap_or_default().contains("token"), "the model itself has no words: {}", v["model"]);
    for (lang, words) in [("it", "token di firma: senza i dati della tessera sanitaria"), ("de", "Signatur-Token"), ("en", "signature token")] {
        let t = text(&run(&["--lang", lang, "status", "--demo", "--demo-profile", "cns-token"], ""));
        assert!(t.contains(words), "{lang}: {t}");
    }
    let t = text(&run(&["--lang", "it", "status", "--demo", "--demo-profile", "cps"], ""));
    assert!(!t.contains("token di firma"), "a CPS is not a token: {t}");
}

#[test]
fn no_smart_card_service_is_a_clear_error_offering_the_demo() {
    let o = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .env("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm")
        .args(["status"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(text(&o).contains("not running") && text(&o).contains("--demo"), "{}", text(&o));
}

#[test]
fn export_writes_the_card_certificate() {
    let dir = std::env::temp_dir().join(format!("tessera-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("cert.der");
    let o = run(&["cert", "export", "--demo", "--format", "der", "--out", path.to_str().expect("utf8")], "");
    assert!(o.status.success(), "{}", text(&o));
    let der = std::fs::read(&path).expect("written");
    assert_eq!(der[0], 0x30);
    let again = run(&["cert", "export", "--demo", "--format", "der", "--out", path.to_str().expect("utf8")], "");
    assert_eq!(again.status.code(), Some(16));
    let _ = std::fs::remove_dir_all(&dir);
}

fn run_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // A command that stops reading early (a line too long) closes its end: the rest is not taken.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().expect("wait")
}

/// A line far too long for a secret is refused as soon as it passes the limit: the rest of the
/// input is never read (draining it byte by byte would take half a minute for 100 MB).
#[test]
fn an_overlong_line_is_refused_at_the_limit_without_reading_the_rest() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .args(["pin", "change", "--demo", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = [b'1'; 65536];
        let mut written = 0usize;
        while written < 64 << 20 {
            match stdin.write(&chunk) {
                Ok(n) => written += n,
                Err(_) => break,
            }
        }
        written
    });
    let o = child.wait_with_output().expect("wait");
    let written = writer.join().expect("writer");
    assert_eq!(o.status.code(), Some(14), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(v["message"].as_str().unwrap_or_default().contains("is far too long"), "{v}");
    // At most what the pipe buffers before the command exits: nowhere near the 64 MB offered.
    assert!(written < 4 << 20, "{written} bytes were taken from the input");
}

#[test]
fn piped_input_is_read_exactly_cr_lf_and_crlf_end_a_line() {
    for input in [&b"31415926\r50719\r50719\r"[..], b"31415926\r\n50719\r\n50719\r\n", b"31415926\n50719\n50719"] {
        let o = run_bytes(&["pin", "change", "--demo"], input);
        assert!(o.status.success(), "{:?}: {}", String::from_utf8_lossy(input), text(&o));
    }
}

#[test]
fn bad_piped_input_is_named_for_what_it_is_and_nothing_is_sent() {
    let cases: [(&[u8], &str); 4] = [
        (b"", "was not given: the input ended first"),
        (b"31415926\n", "was not given: the input ended first"),
        (b"3141\xff5926\n50719\n50719\n", "contains bytes that are not text"),
        (&[b'1'; 100_000], "is far too long"),
    ];
    for (input, want) in cases {
        let o = run_bytes(&["pin", "change", "--demo", "--json"], input);
        assert_eq!(o.status.code(), Some(14), "{}", text(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!(v["error"], "invalid_input");
        assert!(v["message"].as_str().unwrap_or_default().contains(want), "{v}");
    }
}

/// A mistyped --demo state, --demo-profile or --lang is a usage error (exit 2) that lists the
/// valid values and suggests the likely one, and nothing runs (no false "no card" diagnosis).
#[test]
fn bad_demo_state_profile_or_language_is_a_usage_error_with_a_suggestion() {
    let model_as_state = run(&["status", "--demo=cie"], "");
    assert_eq!(model_as_state.status.code(), Some(2), "{}", text(&model_as_state));
    let t = text(&model_as_state);
    assert!(t.contains("--demo-profile cie") && t.contains("pin-last-try"), "{t}");
    assert!(!t.contains("Nessuna carta") && !t.contains("No card"), "{t}");

    let typo = run(&["status", "--demo=pin-blokced"], "");
    assert_eq!(typo.status.code(), Some(2));
    assert!(text(&typo).contains("did you mean 'pin-blocked'?"), "{}", text(&typo));

    let profile = run(&["status", "--demo", "--demo-profile", "ace2052"], "");
    assert_eq!(profile.status.code(), Some(2), "{}", text(&profile));
    let t = text(&profile);
    assert!(t.contains("idemia2021") && t.contains("did you mean 'ace2025'?"), "{t}");

    let french = run(&["status", "--demo", "--lang", "fr"], "");
    assert_eq!(french.status.code(), Some(2), "{}", text(&french));
    assert!(text(&french).contains("it (italiano), en (English) and de (Deutsch)"), "{}", text(&french));
    // The window's own --demo / --demo-profile are checked the same way, before any window opens.
    let window = run(&["--demo=cie"], "");
    assert_eq!(window.status.code(), Some(2), "{}", text(&window));
    assert!(run(&["--demo-profile", "xyz"], "").status.code() == Some(2));
    // Regional codes stay valid.
    assert!(run(&["status", "--demo", "--lang", "en_GB.UTF-8"], "").status.success());
}

/// The last try refused without confirmation tells JSON readers how many tries are left.
#[test]
fn last_try_not_confirmed_reports_the_one_try_left() {
    let o = run(&["pin", "change", "--demo=pin-last-try", "--json"], "31415926\n50719\n50719\n");
    assert_eq!(o.status.code(), Some(13), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["error"], "last_try_not_confirmed");
    assert_eq!(v["tries_left"], 1, "{v}");
}

/// An export into a folder that does not exist says so, instead of suggesting --force.
#[test]
fn export_into_a_missing_folder_names_the_folder_problem() {
    let path = std::env::temp_dir().join(format!("tessera-no-such-folder-{}", std::process::id())).join("cert.pem");
    let o = run(&["cert", "export", "--demo", "--lang", "it", "--out", path.to_str().expect("utf8")], "");
    assert_eq!(o.status.code(), Some(16), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("la cartella non esiste") && t.contains("Crea prima la cartella"), "{t}");
    assert!(!t.contains("--force"), "{t}");
}

/// The advice follows the card: a CIE with a blocked PUK goes to the Comune, a CPS to APSS.
#[test]
fn puk_blocked_advice_names_the_office_of_the_card_type() {
    let cie = run(&["pin", "unblock", "--demo=puk-blocked", "--demo-profile", "cie", "--json", "--lang", "it"], "27182818\n50719122\n50719122\n");
    assert_eq!(cie.status.code(), Some(12), "{}", text(&cie));
    let v: serde_json::Value = serde_json::from_slice(&cie.stdout).expect("json");
    let next = v["next_step"].as_str().expect("text");
    assert!(next.contains("Comune") && next.contains("documento d'identità"), "{next}");
    assert!(!next.contains("APSS") && !next.contains("Agenzia"), "{next}");
    let status = run(&["status", "--demo=puk-blocked", "--demo-profile", "ts-cns", "--lang", "en"], "");
    let t = text(&status);
    assert!(t.contains("health service") && !t.contains("APSS"), "another region's TS-CNS: {t}");
}

/// The self-test speaks the user's language all through, its details included (no English
/// "wrong PIN: 2 tries left" inside Italian output).
#[test]
fn selftest_details_are_in_the_users_language() {
    let o = run(&["selftest", "--demo", "--lang", "it"], "11112222\n");
    assert_eq!(o.status.code(), Some(18), "{}", text(&o));
    let out = text(&o);
    assert!(out.contains("PIN errato: 2 tentativi rimasti"), "{out}");
    assert!(out.contains("giorni rimasti") && out.contains(" 20"), "dates written out: {out}");
    for english in ["tries left", "days left", "wrong PIN", " .. "] {
        assert!(!out.contains(english), "{english:?} in Italian output: {out}");
    }
}
