//! Browser login setup judged by NSS itself (through pcscd + vpcd with the simulated CPS), the
//! refusal while Firefox holds a profile, the helpdesk report's redaction, and the self-test.

use tessera_testkit::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tessera_sim::Preset;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tessera-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("tmp dir");
    d
}

fn tessera(args: &[&str], stdin: &str, env: &[(&str, &Path)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tessera"));
    c.env("TESSERA_LANG", "en").args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("spawn");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write");
    child.wait_with_output().expect("wait")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// NSS tools with OpenSC's file cache off and a private HOME.
fn nss_tool(tool: &str, home: &Path) -> Command {
    let conf = home.join("opensc.conf");
    std::fs::write(&conf, "app default {\n  framework pkcs15 {\n    use_file_caching = no;\n  }\n}\n").expect("conf");
    let mut c = Command::new(tool);
    c.env("HOME", home).env("OPENSC_CONF", conf);
    c
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn browser_setup_is_verified_by_nss_through_pcscd() {
    let tb = Testbed::cps(Preset::Fresh);
    let home = tmp("nss-home");
    let db = home.join("nssdb");
    std::fs::create_dir_all(&db).expect("db dir");
    let ok = Command::new("certutil").args(["-N", "--empty-password", "-d"]).arg(format!("sql:{}", db.display())).status().expect("certutil");
    assert!(ok.success(), "fresh NSS database");
    let o = tessera(&["browser", "setup", "--nss-db", db.to_str().expect("utf8")], "", &[("TESSERA_DATA_DIR", &home)]);
    assert!(o.status.success(), "{}", text(&o));
    // NSS lists the module…
    let list = nss_tool("modutil", &home).args(["-list", "-dbdir"]).arg(format!("sql:{}", db.display())).output().expect("modutil");
    let list = String::from_utf8_lossy(&list.stdout);
    // Tessera's own module (next to the tessera binary in the build tree) by default.
    assert!(list.contains("Tessera (smart card)") && list.contains("libtessera_pkcs11"), "{list}");
    // …and reads the card's certificate through it.
    let certs = nss_tool("certutil", &home).args(["-L", "-h", "all", "-d"]).arg(format!("sql:{}", db.display())).output().expect("certutil");
    let certs = String::from_utf8_lossy(&certs.stdout).into_owned();
    assert!(certs.contains("MARIA ESEMPIO"), "{certs}");
    let nick = certs.lines().find(|l| l.contains("MARIA ESEMPIO")).expect("line").split("  ").next().expect("nick").trim().to_owned();
    // Looking a token certificate up by name makes NSS log in to the token: give it the PIN of
    // the simulated card in a password file, as certutil takes it.
    let pw = home.join("pin.txt");
    std::fs::write(&pw, format!("{PIN}\n")).expect("pw");
    let token = nick.rsplit_once(':').map(|(t, _)| t.to_owned()).expect("token:nick");
    let pem = nss_tool("certutil", &home)
        .args(["-L", "-a", "-h", &token, "-n", &nick, "-f"])
        .arg(&pw)
        .arg("-d")
        .arg(format!("sql:{}", db.display()))
        .output()
        .expect("certutil -a");
    // certutil -a prints the base64 body, with or without the BEGIN/END lines.
    let body = String::from_utf8_lossy(&pem.stdout).into_owned();
    let pem_text = if let (Some(a), Some(b)) = (body.find("-----BEGIN CERTIFICATE-----"), body.find("-----END CERTIFICATE-----")) {
        format!("{}-----END CERTIFICATE-----\n", &body[a..b])
    } else {
        format!("-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n", body.trim())
    };
    let der = tessera_core::cert::import(pem_text.as_bytes()).unwrap_or_else(|e| panic!("{e}: {pem_text:?}"));
    assert_eq!(der, tb.card.certificate_der());
    // Idempotent, and removable.
    let again = tessera(&["browser", "setup", "--nss-db", db.to_str().expect("utf8"), "--json"], "", &[("TESSERA_DATA_DIR", &home)]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already so"), "{}", text(&again));
    let rm = tessera(&["browser", "remove", "--nss-db", db.to_str().expect("utf8")], "", &[("TESSERA_DATA_DIR", &home)]);
    assert!(rm.status.success(), "{}", text(&rm));
    let list = nss_tool("modutil", &home).args(["-list", "-dbdir"]).arg(format!("sql:{}", db.display())).output().expect("modutil");
    assert!(!String::from_utf8_lossy(&list.stdout).contains("Tessera (smart card)"));
}

#[test]
fn setup_refuses_while_firefox_holds_the_profile_and_changes_nothing() {
    let home = tmp("ff-home");
    let root = home.join(".mozilla/firefox");
    let profile = root.join("abcd1234.default-release");
    std::fs::create_dir_all(&profile).expect("profile");
    std::fs::write(root.join("profiles.ini"), "[Profile0]\nName=default-release\nIsRelative=1\nPath=abcd1234.default-release\nDefault=1\n\n[General]\nStartWithLastProfile=1\n").expect("ini");
    let original = "library=\nname=NSS Internal PKCS #11 Module\n";
    std::fs::write(profile.join("pkcs11.txt"), original).expect("pkcs11.txt");
    std::os::unix::fs::symlink("127.0.0.1:+4242", profile.join("lock")).expect("lock");
    let env = [("TESSERA_HOME", home.as_path()), ("TESSERA_DATA_DIR", home.as_path())];
    let status = tessera(&["browser", "status", "--card-type", "CPS", "--module", "/usr/lib/fake-pkcs11.so", "--json"], "", &env);
    assert!(String::from_utf8_lossy(&status.stdout).contains("\"in_use\": true"), "{}", text(&status));
    let o = tessera(&["browser", "setup", "--card-type", "CPS", "--module", "/usr/lib/fake-pkcs11.so"], "", &env);
    assert_eq!(o.status.code(), Some(17), "{}", text(&o));
    assert!(text(&o).contains("Firefox is open"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(profile.join("pkcs11.txt")).expect("read"), original, "unchanged");
    assert!(!profile.join("pkcs11.txt.tessera-backup").exists());
    // Once Firefox is closed, setup works and keeps a backup.
    std::fs::remove_file(profile.join("lock")).expect("unlock");
    let o = tessera(&["browser", "setup", "--card-type", "CPS", "--module", "/usr/lib/fake-pkcs11.so"], "", &env);
    assert!(o.status.success(), "{}", text(&o));
    assert!(std::fs::read_to_string(profile.join("pkcs11.txt")).expect("read").contains("library=/usr/lib/fake-pkcs11.so"));
    assert_eq!(std::fs::read_to_string(profile.join("pkcs11.txt.tessera-backup")).expect("backup"), original);
}

#[test]
fn report_redacts_personal_data_by_default_and_never_holds_a_pin() {
    let data = tmp("report-data");
    let env = [("TESSERA_DATA_DIR", data.as_path())];
    // Leave some PIN activity behind first: a change and a failed self-test.
    let o = tessera(&["pin", "change", "--demo"], &format!("{PIN}\n58209749\n58209749\n"), &env);
    assert!(o.status.success(), "{}", text(&o));
    let o = tessera(&["selftest", "--demo"], "11112222\n", &env);
    assert_eq!(o.status.code(), Some(18), "{}", text(&o));
    // A real failure (no smart-card service) is logged; the demo practice above is not.
    let nowhere = Path::new("/nonexistent/pcscd.comm");
    let o = tessera(&["status"], "", &[("TESSERA_DATA_DIR", data.as_path()), ("PCSCLITE_CSOCK_NAME", nowhere)]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    for json in [false, true] {
        let mut args = vec!["report", "--demo"];
        if json {
            args.push("--json");
        }
        let r = tessera(&args, "", &env);
        assert!(r.status.success(), "{}", text(&r));
        let out = String::from_utf8_lossy(&r.stdout);
        // The text is read out on the phone: the number grouped, the labels in the user's
        // language, the browsers with their versions; JSON keeps the plain number.
        let number = if json { "6022000000123456" } else { "Card number: 6022 0000 0012 3456" };
        assert!(out.contains(number), "the card number is there: {out}");
        if !json {
            assert!(out.contains("PIN tries left: 3") && out.contains("Personal data: not included"), "{out}");
            assert!(out.contains("Installed browser: "), "browser versions (or that none was found): {out}");
        }
        assert!(!out.contains("MARIA") && !out.contains("SMPMRA85C55L378I"), "redacted: {out}");
        // Recent real errors: said in words in the text, by their id in the JSON.
        let recent = if json { "\"no_service\"" } else { "The system's smart-card service is not running." };
        assert!(out.contains(recent), "recent real errors: {out}");
        assert!(!out.contains("selftest_failed"), "demo practice kept out of the error log: {out}");
        for secret in [PIN, "58209749", "11112222"] {
            assert!(!out.contains(secret), "{secret} in the report");
        }
    }
    let r = tessera(&["report", "--demo", "--include-personal-data"], "", &env);
    let out = String::from_utf8_lossy(&r.stdout);
    assert!(out.contains("MARIA ESEMPIO") && out.contains("SMPMRA85C55L378I"), "{out}");
    let log = std::fs::read_to_string(data.join("errors.log")).expect("error log");
    assert!(!log.contains(PIN) && !log.contains("11112222"));
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn selftest_through_pcscd_passes_and_a_wrong_pin_fails_with_one_try_spent() {
    let tb = Testbed::cps(Preset::Fresh);
    let data = tmp("selftest-data");
    let env = [("TESSERA_DATA_DIR", data.as_path())];
    let o = tessera(&["selftest"], &format!("{PIN}\n"), &env);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).matches("[OK  ]").count(), 4, "{}", text(&o));
    let o = tessera(&["selftest"], "11112222\n", &env);
    assert_eq!(o.status.code(), Some(18), "{}", text(&o));
    assert_eq!(tb.card.pin_tries_left(), 2);
    assert_eq!(tb.card.counters().pin_tries, 2, "one try per self-test");
}

#[test]
fn cie_selftest_in_process() {
    let card = tessera_sim::SimCard::cie(Preset::Fresh);
    let res = tessera::selftest::run(&mut card.connect().expect("connect"), &pin(PIN), false).expect("selftest");
    assert!(res.passed(), "{res:?}");
}

/// The report is read out in the user's language, its error log included: an error met in
/// Italian is logged and reported in Italian (with its stable id for the developers).
#[test]
fn report_and_its_error_log_are_in_the_users_language() {
    let data = tmp("report-lang");
    let nowhere = Path::new("/nonexistent/pcscd.comm");
    let italian = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_tessera"))
            .args(args)
            .env("TESSERA_LANG", "it")
            .env("TESSERA_DATA_DIR", &data)
            .env("PCSCLITE_CSOCK_NAME", nowhere)
            .output()
            .expect("run")
    };
    assert_eq!(italian(&["status"]).status.code(), Some(3));
    assert_eq!(italian(&["status"]).status.code(), Some(3));
    let r = italian(&["report", "--demo"]);
    let out = String::from_utf8_lossy(&r.stdout);
    assert!(out.contains("Numero carta: 6022 0000 0012 3456") && out.contains("Tentativi PIN rimasti: 3"), "{out}");
    assert!(out.contains("Rapporto creato: ") && !out.contains("UTC"), "the report's local date and time: {out}");
    // The same error twice is one line, said with its count; the id stays in the JSON.
    let line = out.lines().filter(|l| l.starts_with("Errore recente: ")).collect::<Vec<_>>();
    assert_eq!(line.len(), 1, "{out}");
    assert!(line[0].contains("Il servizio smart card del sistema non è attivo.") && line[0].ends_with("(2 volte)"), "{out}");
    assert!(!out.contains("Card number") && !out.contains("Recent error"), "no English labels: {out}");
    let json: serde_json::Value = serde_json::from_slice(&italian(&["report", "--demo", "--json"]).stdout).expect("json");
    assert_eq!((json["last_errors"][0]["id"].as_str(), json["last_errors"][0]["count"].as_u64()), (Some("no_service"), Some(2)));
}
