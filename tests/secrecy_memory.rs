//! PINs out of memory: `tessera pin change` and `pin unblock` run under gdb through pcscd + vpcd
//! (the simulated card lives in this test process, not in tessera's), stopped at exit_group,
//! dumped with gcore; the dump must not hold the PIN, the PUK or the new PIN. CNS and CIE,
//! PINs piped on stdin and typed on a terminal (a pty from `script`).

use tessera_testkit::*;
use std::path::Path;
use std::process::{Command, Stdio};
use tessera_sim::{Preset, SimConfig, SimProfile};

/// Distinctive 8-digit secrets (valid on both card types), unlikely to occur by chance.
const NEW: &str = "73914826";

fn secret_config(profile: SimProfile, preset: Preset) -> SimConfig {
    SimConfig { pin: "58203917".into(), puk: "64829105".into(), ..SimConfig::new(profile, preset) }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Runs tessera under gdb, dumps its memory at exit, returns the dump.
fn dump_after(args: &[&str], input: &str, tty: bool, dir: &Path) -> Vec<u8> {
    let core = dir.join("core");
    let input_file = dir.join("input");
    std::fs::write(&input_file, input).expect("input");
    let bin = env!("CARGO_BIN_EXE_tessera");
    // `run ARGS` replaces the --args ones, so the redirection repeats them.
    let run = if tty { "run".to_owned() } else { format!("run {} < {}", args.join(" "), input_file.display()) };
    // Without glibc's tcache a freed small buffer keeps all but its first 8 bytes (the tcache
    // would overwrite 16, hiding a 16-byte leak such as "current PIN ‖ new PIN").
    let gdb = format!(
        "GLIBC_TUNABLES=glibc.malloc.tcache_count=0 gdb -q -batch -ex 'set pagination off' -ex 'catch syscall exit_group' -ex '{run}' -ex 'gcore {}' -ex kill --args {bin} {}",
        core.display(),
        args.join(" ")
    );
    let out = if tty {
        // `script` gives the command a terminal; what we write to its stdin is typed there.
        let mut child = Command::new("script")
            .args(["-qfec", &gdb, "/dev/null"])
            .env("TESSERA_LANG", "en")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("script");
        {
            use std::io::Write;
            let mut w = child.stdin.take().expect("stdin");
            for line in input.lines() {
                std::thread::sleep(std::time::Duration::from_millis(1500));
                w.write_all(format!("{line}\r").as_bytes()).expect("type");
                w.flush().expect("flush");
            }
            std::thread::sleep(std::time::Duration::from_millis(1500));
        }
        child.wait_with_output().expect("script")
    } else {
        Command::new("sh").args(["-c", &gdb]).env("TESSERA_LANG", "en").output().expect("gdb")
    };
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let dump = std::fs::read(&core).unwrap_or_else(|e| panic!("no core dump ({e}): {text}"));
    assert!(dump.len() > 1_000_000, "a whole process image: {} bytes\n{text}", dump.len());
    dump
}

fn check(profile: SimProfile, preset: Preset, unblock: bool, tty: bool) {
    let tb = Testbed::with(secret_config(profile, preset));
    let dir = tempfile::tempdir().expect("tmp");
    let (old, args): (&str, &[&str]) =
        if unblock { ("64829105", &["pin", "unblock", "--allow-simulated-card"]) } else { ("58203917", &["pin", "change", "--allow-simulated-card"]) };
    let dump = dump_after(args, &format!("{old}\n{NEW}\n{NEW}\n"), tty, dir.path());
    assert!(tb.card.pin_is(NEW), "{profile:?} unblock={unblock} tty={tty}: the operation ran");
    // One command with the secrets on a CNS; the CIE checks the current PIN / PUK first.
    assert!(tb.card.counters().pin_tries + tb.card.counters().puk_tries <= 2, "no secret replayed");
    if profile == SimProfile::Cps {
        // Canary: card data Tessera read and dropped without wiping (not secret) is in the
        // dump, so the scan does see freed heap memory.
        assert!(contains(&dump, b"ESEMPIO"), "the dump covers the heap");
    }
    for secret in [old, NEW] {
        assert!(!contains(&dump, secret.as_bytes()), "{profile:?} unblock={unblock} tty={tty}: {secret} found in memory");
    }
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd) and gdb: run with cargo xtask test"]
fn no_secret_in_memory_after_cns_change_and_unblock_piped() {
    check(SimProfile::Cps, Preset::Fresh, false, false);
    check(SimProfile::Cps, Preset::PinBlocked, true, false);
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd) and gdb: run with cargo xtask test"]
fn no_secret_in_memory_after_cie_change_and_unblock_piped() {
    check(SimProfile::Cie, Preset::Fresh, false, false);
    check(SimProfile::Cie, Preset::PinBlocked, true, false);
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd) and gdb: run with cargo xtask test"]
fn no_secret_in_memory_after_change_and_unblock_typed_on_a_terminal() {
    check(SimProfile::Cps, Preset::Fresh, false, true);
    check(SimProfile::Cie, Preset::PinBlocked, true, true);
}
