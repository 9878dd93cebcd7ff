//! The PC/SC testbed: a private `pcscd --foreground` (with vsmartcard's vpcd reader) in its own
//! mount and network namespaces, and a command run inside that network namespace, so that a
//! simulated card can reach vpcd on 127.0.0.1:35963 there while the machine's network and any
//! system pcscd stay untouched. `PCSCLITE_CSOCK_NAME` points PC/SC clients at the private pcscd,
//! `TESSERA_PCSC_TESTBED=1` tells the tests it is there. Needs root. The pcscd goes when the
//! command ends. `PCSCD_ARGS=--debug` (or `--debug --apdu`) passes flags to pcscd.

use crate::workspace::{Failure, Result, root};
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// A running private pcscd; stopped (and its folder removed) on drop.
struct Pcscd {
    child: Child,
    dir: PathBuf,
}

impl Pcscd {
    fn log(&self) -> PathBuf {
        self.dir.with_extension("log")
    }

    fn socket(&self) -> PathBuf {
        self.dir.join("pcscd.comm")
    }

    fn start() -> Result<Self> {
        if !crate::packages::is_root() {
            return Err(Failure::new("the testbed needs root for the private pcscd (try: sudo -E cargo xtask testbed …)"));
        }
        for tool in ["pcscd", "unshare", "nsenter", "ip"] {
            if !crate::packages::on_path(tool) {
                return Err(Failure::new(format!("missing {tool}: cargo xtask deps test")));
            }
        }
        if !crate::packages::vpcd_installed() {
            return Err(Failure::new("vsmartcard-vpcd is not installed: cargo xtask deps test"));
        }
        let dir = fresh_dir()?;
        std::fs::create_dir_all("/run/pcscd").map_err(|e| Failure::new(format!("/run/pcscd: {e}")))?;
        let log = std::fs::File::create(dir.with_extension("log")).map_err(|e| Failure::new(format!("pcscd log: {e}")))?;
        let flags = std::env::var("PCSCD_ARGS").unwrap_or_default();
        let script = format!("mount --bind '{}' /run/pcscd && ip link set lo up && exec pcscd --foreground {flags}", dir.display());
        let child = Command::new("unshare")
            .args(["--mount", "--net", "--", "sh", "-c", &script])
            .stdout(log.try_clone().map_err(|e| Failure::new(e.to_string()))?)
            .stderr(log)
            .spawn()
            .map_err(|e| Failure::new(format!("cannot start unshare: {e}")))?;
        let pcscd = Pcscd { child, dir };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !pcscd.socket().exists() {
            if Instant::now() > deadline {
                let log = std::fs::read_to_string(pcscd.log()).unwrap_or_default();
                return Err(Failure::new(format!("pcscd did not start:\n{log}")));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(pcscd)
    }

    /// `argv` inside the testbed's network namespace, with the testbed's variables.
    fn command(&self, argv: &[OsString]) -> Command {
        let mut command = Command::new("nsenter");
        command
            .arg(format!("--net=/proc/{}/ns/net", self.child.id()))
            .arg("--")
            .args(argv)
            .env("PCSCLITE_CSOCK_NAME", self.socket())
            .env("TESSERA_PCSC_TESTBED", "1")
            // The card cache of this run only (not the user's): removed with the testbed.
            .env("TESSERA_CACHE_DIR", self.dir.join("card-cache"))
            // Its error log too: the faults the tests provoke never reach the user's report.
            .env("TESSERA_DATA_DIR", self.dir.join("data"))
            .current_dir(root());
        command
    }

    /// After a failure: the end of pcscd's log.
    fn tell_log(&self) {
        let log = std::fs::read_to_string(self.log()).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(20).collect();
        eprintln!("--- pcscd log (tail) ---");
        for line in tail.iter().rev() {
            eprintln!("{line}");
        }
    }
}

impl Drop for Pcscd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // A test may have restarted pcscd (tessera_testkit::Testbed::start_pcscd): the one now
        // running on this socket folder is named by its pid file (digits, then NUL padding), and
        // goes too.
        let pid = std::fs::read_to_string(self.dir.join("pcscd.pid")).ok().and_then(|p| p.chars().take_while(char::is_ascii_digit).collect::<String>().parse::<u32>().ok());
        if let Some(pid) = pid.filter(|&p| p != self.child.id() && is_pcscd(p)) {
            let _ = Command::new("kill").arg(pid.to_string()).status();
            let deadline = Instant::now() + Duration::from_secs(5);
            while is_pcscd(pid) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        let _ = std::fs::remove_file(self.log());
        let _ = std::fs::remove_file(self.dir.with_extension("restarted.log"));
    }
}

/// Whether process `pid` is a pcscd.
fn is_pcscd(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "pcscd")
}

/// A new folder under /tmp for the private pcscd's socket.
fn fresh_dir() -> Result<PathBuf> {
    let base = Path::new("/tmp");
    let seed = std::process::id() ^ Instant::now().elapsed().subsec_nanos();
    for n in 0..1000u32 {
        let dir = base.join(format!("tessera-pcscd.{seed:x}{n:x}"));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Failure::new(format!("{}: {e}", dir.display()))),
        }
    }
    Err(Failure::new("no free folder for the testbed under /tmp"))
}

fn pass_on(status: ExitStatus) -> Result {
    if status.success() {
        Ok(())
    } else {
        Err(Failure { message: String::new(), code: status.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(1) })
    }
}

/// `cargo xtask testbed CMD…`: runs CMD next to the testbed and passes its exit code on.
pub fn run_command(argv: Vec<OsString>) -> Result {
    if argv.is_empty() {
        return Err(Failure { message: "usage: cargo xtask testbed CMD [ARGS…]".into(), code: 2 });
    }
    let pcscd = Pcscd::start()?;
    let status = pcscd.command(&argv).status().map_err(|e| Failure::new(format!("cannot start {:?}: {e}", argv[0])))?;
    if !status.success() {
        pcscd.tell_log();
    }
    pass_on(status)
}

/// What a `cargo test` run said.
pub struct Outcome {
    pub passed: u64,
    pub failed: u64,
    pub success: bool,
}

/// Runs `cargo test …` next to the testbed, passing its output through and adding up its
/// "test result:" lines.
pub fn run_counting(argv: &[OsString]) -> Result<Outcome> {
    let pcscd = Pcscd::start()?;
    let mut child = pcscd
        .command(argv)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::new(format!("cannot start {:?}: {e}", argv[0])))?;
    let (mut passed, mut failed) = (0, 0);
    if let Some(out) = child.stdout.take() {
        let mut stdout = std::io::stdout();
        for line in BufReader::new(out).lines().map_while(std::result::Result::ok) {
            let _ = writeln!(stdout, "{line}");
            // "test result: ok. 12 passed; 0 failed; …"
            if let Some(rest) = line.strip_prefix("test result: ") {
                let words: Vec<&str> = rest.split_whitespace().collect();
                let number_before = |word: &str| words.windows(2).find(|w| w[1].trim_end_matches(';') == word).and_then(|w| w[0].parse::<u64>().ok());
                passed += number_before("passed").unwrap_or(0);
                failed += number_before("failed").unwrap_or(0);
            }
        }
    }
    let status = child.wait().map_err(|e| Failure::new(e.to_string()))?;
    if !status.success() {
        pcscd.tell_log();
    }
    Ok(Outcome { passed, failed, success: status.success() })
}
