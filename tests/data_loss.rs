//! No silent data loss: files are created new or replaced atomically with their permissions,
//! never over a file the user did not ask to replace; a policy file Tessera cannot read is left
//! alone; `browser remove` removes only what Tessera added; the error log keeps every entry
//! when failures happen at once. Through the real binary, on the demo card (no reader needed).

use std::path::Path;
use std::process::{Command, Output};

fn tessera(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LANG", "en")
        .env("TESSERA_DATA_DIR", data_dir)
        .args(args)
        .output()
        .expect("run tessera")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn report_out_never_overwrites_without_force() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("report.txt");
    std::fs::write(&out, "the user's notes").expect("write");
    let o = tessera(&["report", "--demo", "--out", s(&out)], dir.path());
    assert_eq!(o.status.code(), Some(16), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "the user's notes");
    let o = tessera(&["report", "--demo", "--out", s(&out), "--force"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read_to_string(&out).expect("read").contains("Tessera"));
}

#[cfg(unix)]
#[test]
fn export_force_keeps_the_files_mode_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("cert.pem");
    std::fs::write(&out, "old").expect("write");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let o = tessera(&["cert", "export", "--demo", "--out", s(&out), "--force"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read_to_string(&out).expect("read").starts_with("-----BEGIN CERTIFICATE-----"));
    assert_eq!(std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777, 0o600);
    let names: Vec<String> = std::fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, vec!["cert.pem".to_owned()], "only the export itself");
}

#[cfg(unix)]
#[test]
fn export_never_follows_a_planted_symlink() {
    let dir = tempfile::tempdir().expect("tmp");
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "precious").expect("write");
    let out = dir.path().join("cert.pem");
    std::os::unix::fs::symlink(&victim, &out).expect("symlink");
    let o = tessera(&["cert", "export", "--demo", "--out", s(&out)], dir.path());
    assert_eq!(o.status.code(), Some(16), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), "precious");
}

fn nss_dir(root: &Path, pkcs11_txt: &str) -> std::path::PathBuf {
    let db = root.join("nssdb");
    std::fs::create_dir_all(&db).expect("db");
    std::fs::write(db.join("pkcs11.txt"), pkcs11_txt).expect("pkcs11.txt");
    db
}

const INTERNAL: &str = "library=\nname=NSS Internal PKCS #11 Module\nparameters=configdir='sql:/x'\nNSS=Flags=internal,critical\n\n";

#[test]
fn a_policy_file_tessera_cannot_read_is_left_untouched_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = nss_dir(dir.path(), INTERNAL);
    let lib = dir.path().join("libfake-pkcs11.so");
    for (content, why) in [("{ \"policies\": { \"DisableTelemetry\": true, ", "not valid JSON"), ("{ \"policies\": [1, 2] }", "\"policies\" is not an object")] {
        let policy = dir.path().join("policies.json");
        std::fs::write(&policy, content).expect("policy");
        let o = tessera(&["browser", "setup", "--nss-db", s(&db), "--module", s(&lib), "--policy-file", s(&policy)], dir.path());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(17), "{err}");
        assert!(err.contains("was NOT changed") && err.contains(why), "{err}");
        assert_eq!(std::fs::read_to_string(&policy).expect("read"), content, "untouched");
        assert_eq!(std::fs::read_to_string(db.join("pkcs11.txt")).expect("read"), INTERNAL, "no database changed either");
    }
    // A good file is merged, keeping the administrator's policies.
    let policy = dir.path().join("good.json");
    std::fs::write(&policy, "{ \"policies\": { \"DisableTelemetry\": true } }").expect("policy");
    let o = tessera(&["browser", "setup", "--nss-db", s(&db), "--module", s(&lib), "--policy-file", s(&policy)], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&policy).expect("read")).expect("json");
    assert_eq!(v["policies"]["DisableTelemetry"], true);
    assert_eq!(v["policies"]["SecurityDevices"]["Tessera (smart card)"], s(&lib));
}

#[cfg(unix)]
#[test]
fn browser_remove_removes_only_what_tessera_added_and_keeps_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let lib = dir.path().join("libfake-pkcs11.so");
    let users_own = format!("library={}\nname=My own entry\n", lib.display());
    let db = nss_dir(dir.path(), &format!("{INTERNAL}{users_own}"));
    std::fs::set_permissions(db.join("pkcs11.txt"), std::fs::Permissions::from_mode(0o600)).expect("chmod");
    // The user's own entry for the same library: setup sees it as set up, remove leaves it.
    let o = tessera(&["browser", "remove", "--nss-db", s(&db), "--module", s(&lib)], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(db.join("pkcs11.txt")).expect("read");
    assert!(text.contains("name=My own entry"), "{text}");
    // Tessera's own entry (in a second database) is removed, and the file keeps 0600.
    let dir2 = tempfile::tempdir().expect("tmp");
    let db2 = nss_dir(dir2.path(), INTERNAL);
    std::fs::set_permissions(db2.join("pkcs11.txt"), std::fs::Permissions::from_mode(0o600)).expect("chmod");
    assert!(tessera(&["browser", "setup", "--nss-db", s(&db2), "--module", s(&lib)], dir2.path()).status.success());
    assert!(std::fs::read_to_string(db2.join("pkcs11.txt")).expect("read").contains("name=Tessera (smart card)"));
    assert_eq!(std::fs::metadata(db2.join("pkcs11.txt")).expect("meta").permissions().mode() & 0o777, 0o600);
    assert!(tessera(&["browser", "remove", "--nss-db", s(&db2), "--module", s(&lib)], dir2.path()).status.success());
    let text = std::fs::read_to_string(db2.join("pkcs11.txt")).expect("read");
    assert!(!text.contains("Tessera"), "{text}");
    assert_eq!(std::fs::metadata(db2.join("pkcs11.txt")).expect("meta").permissions().mode() & 0o777, 0o600);
}

#[test]
fn ten_failures_at_once_keep_ten_entries_even_after_a_garbled_log() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("errors.log"), b"\xff\xfe not text\n").expect("garbled");
    let children: Vec<_> = (0..10)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_tessera"))
                .env("TESSERA_LANG", "en")
                .env("TESSERA_DATA_DIR", dir.path())
                .env("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm")
                .args(["status", "--json"])
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut c in children {
        assert_eq!(c.wait().expect("wait").code(), Some(3), "no smart-card service");
    }
    let log = std::fs::read(dir.path().join("errors.log")).expect("log");
    let text = String::from_utf8_lossy(&log);
    assert_eq!(text.lines().filter(|l| l.contains("no_service")).count(), 10, "{text}");
    assert!(text.lines().count() <= 20, "bounded");
}

/// A full disk: the export over an existing file fails, the file keeps its content, and no
/// temporary file is left. A private 16 KiB tmpfs in a mount namespace (root, as in CI).
#[cfg(target_os = "linux")]
#[test]
#[ignore = "needs root for a private tmpfs: run with cargo xtask test"]
fn a_full_disk_keeps_the_old_file_and_leaves_no_temporary_file() {
    assert_eq!(std::env::var("TESSERA_PCSC_TESTBED").as_deref(), Ok("1"), "run with cargo xtask test (root)");
    let dir = tempfile::tempdir().expect("tmp");
    let mnt = dir.path().join("full");
    std::fs::create_dir_all(&mnt).expect("mnt");
    let script = format!(
        "set -e; mount -t tmpfs -o size=16k none '{m}'; echo old > '{m}/cert.pem'; \
         dd if=/dev/zero of='{m}/filler' bs=1k count=64 2>/dev/null || true; \
         set +e; '{bin}' cert export --demo --out '{m}/cert.pem' --force; echo \"exit=$?\"; \
         cat '{m}/cert.pem'; ls -a '{m}'",
        m = mnt.display(),
        bin = env!("CARGO_BIN_EXE_tessera")
    );
    let o = Command::new("unshare").args(["--mount", "sh", "-c", &script]).env("TESSERA_LANG", "en").output().expect("unshare");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("exit=16"), "{out}{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("old"), "the old file is intact: {out}");
    assert!(!out.contains(".tmp"), "no temporary file left: {out}");
}
