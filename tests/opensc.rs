//! Independent acceptance: stock OpenSC (pkcs15-tool, pkcs11-tool), unchanged, against the
//! simulated CPS through pcscd + vpcd. Run by cargo xtask test.

use tessera_testkit::*;
use std::path::PathBuf;
use std::process::{Command, Output};
use tessera_sim::Preset;

/// A private OpenSC setup: no file cache (OpenSC ≥ 0.24 caches itacns files), own HOME.
fn opensc(tool: &str) -> Command {
    let dir = std::env::temp_dir().join(format!("tessera-opensc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let conf = dir.join("opensc.conf");
    std::fs::write(&conf, "app default {\n  framework pkcs15 {\n    use_file_caching = no;\n  }\n}\n").expect("conf");
    let mut c = Command::new(tool);
    c.env("OPENSC_CONF", &conf).env("HOME", &dir).env("XDG_CACHE_HOME", dir.join("cache"));
    c
}

fn ok(o: &Output) -> String {
    let all = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{all}");
    all
}

fn pkcs11_module() -> PathBuf {
    ["/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so", "/usr/lib/opensc-pkcs11.so"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .expect("OpenSC PKCS#11 module installed (apt install opensc-pkcs11)")
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn pkcs15_dump_lists_the_cns0_objects() {
    let _tb = Testbed::cps(Preset::Fresh);
    let out = ok(&opensc("pkcs15-tool").arg("-D").output().expect("pkcs15-tool"));
    assert!(out.contains("MARIA ESEMPIO"), "{out}");
    assert!(out.contains("Serial number  : 6022000000123456"), "{out}");
    assert!(out.contains("IC: STMicroelectronics; mask: STIncard"), "{out}");
    assert!(out.contains("ModLength      : 2048"), "{out}");
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn opensc_reads_the_same_certificate_as_tessera() {
    let tb = Testbed::cps(Preset::Fresh);
    let o = opensc("pkcs15-tool").args(["--read-certificate", "01"]).output().expect("pkcs15-tool");
    ok(&o);
    let theirs = tessera_core::cert::import(&o.stdout).expect("OpenSC printed a PEM certificate");
    let ours = tessera_core::service::read_certificate(&mut tb.connect()).expect("read").der;
    assert_eq!(theirs, ours);
    assert_eq!(ours, tb.card.certificate_der());
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn opensc_changes_and_unblocks_the_pin() {
    let tb = Testbed::cps(Preset::Fresh);
    ok(&opensc("pkcs15-tool")
        .args(["--change-pin", "--auth-id", "01", "--pin", PIN, "--new-pin", "50719"])
        .output()
        .expect("change"));
    assert!(tb.card.pin_is("50719"));
    assert_eq!(tb.card.counters().pin_tries, 1);
    ok(&opensc("pkcs15-tool")
        .args(["--unblock-pin", "--auth-id", "01", "--puk", PUK, "--new-pin", "60718"])
        .output()
        .expect("unblock"));
    assert!(tb.card.pin_is("60718"));
    assert_eq!(tb.card.counters().puk_tries, 1);
    // Tessera sees the result.
    assert_eq!(tessera_core::service::overview(&mut tb.connect()).expect("overview").pin_tries_left, Some(3));
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn pkcs11_tool_test_with_login_signs_and_decrypts() {
    let _tb = Testbed::cps(Preset::Fresh);
    let module = pkcs11_module();
    let out = ok(&opensc("pkcs11-tool")
        .arg("--module")
        .arg(&module)
        .args(["--test", "--login", "--pin", PIN])
        .output()
        .expect("pkcs11-tool"));
    assert!(out.contains("No errors"), "{out}");
}
