//! Developer commands for Tessera, run as `cargo xtask …` (alias in `.cargo/config.toml`).
//!
//! - `cargo xtask demo [ARGS…]`: build and open the window on the demo card. On Linux it first
//!   installs what the build needs (the PC/SC headers and pkg-config) with the system's package
//!   manager; on macOS and Windows nothing extra is needed.
//! - `cargo xtask test [ARGS…]`: install what the tests need, then run every test
//!   (`scripts/test.sh`, as root: the testbed starts a private pcscd).
//! - `cargo xtask deps build|test|ci [--check]`: only check (and without `--check`, install) a
//!   package set.
//!
//! Std only, so that it builds on a machine that has nothing but Rust. Nothing is downloaded
//! outside the OS's package manager and crates.io.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod packages;

use packages::{Need, Set};

const USAGE: &str = "\
usage: cargo xtask <command>

  demo [ARGS…]            build Tessera and open the window on the demo card
                          (ARGS go to tessera, e.g. `cargo xtask demo status` for the command line)
  test [ARGS…]            install what the tests need, then run every test (ARGS go to cargo test,
                          e.g. `cargo xtask test --test lots`)
  deps build|test|ci [--check]
                          install a package set (with --check: only list what is missing)

On Linux, missing packages are installed with apt-get (Debian, Ubuntu) or dnf (Fedora), through
sudo when not run as root. Set TESSERA_NO_INSTALL=1 to be told what is missing instead.";

fn main() -> ExitCode {
    let mut args: Vec<OsString> = env::args_os().skip(1).collect();
    if args.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let command = args.remove(0);
    let result = match command.to_str() {
        Some("demo") => demo(args),
        Some("test") => test(args),
        Some("deps") => deps(args),
        Some("help" | "-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("xtask: unknown command {command:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { message, code }) => {
            if !message.is_empty() {
                eprintln!("xtask: {message}");
            }
            ExitCode::from(code)
        }
    }
}

/// A failed step: what to tell the developer, and the exit code to pass on.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    fn new(message: impl Into<String>) -> Self {
        Failure { message: message.into(), code: 1 }
    }
}

type Result<T = ()> = std::result::Result<T, Failure>;

/// The workspace root (xtask lives one folder below it).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask is inside the workspace").to_path_buf()
}

/// The cargo that started us (cargo sets `CARGO` for `cargo run`), else the one on PATH.
fn cargo() -> Command {
    let mut command = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root());
    command
}

/// Runs a command to the end, passing its exit status on as a failure.
fn run(mut command: Command) -> Result {
    let status = command.status().map_err(|e| Failure::new(format!("cannot start {:?}: {e}", command.get_program())))?;
    if status.success() {
        Ok(())
    } else {
        // The command has said what went wrong; pass its code on without adding noise.
        Err(Failure { message: String::new(), code: status.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(1) })
    }
}

fn demo(args: Vec<OsString>) -> Result {
    ensure(Set::Build)?;
    eprintln!("xtask: building Tessera (release) and opening it on the demo card…");
    let mut command = cargo();
    // `--demo` last: after a command (`status`) it is that command's flag.
    command.args(["run", "--release", "--locked", "--"]).args(args).arg("--demo");
    run(command)
}

fn test(args: Vec<OsString>) -> Result {
    if !cfg!(target_os = "linux") {
        // The testbed (private pcscd + vpcd in namespaces) is Linux only.
        eprintln!("xtask: the PC/SC testbed needs Linux; running the tests that do not need it (cargo test)");
        let mut command = cargo();
        command.args(["test", "--workspace", "--locked"]).args(args);
        return run(command);
    }
    ensure(Set::Test)?;
    let script = root().join("scripts/test.sh");
    let mut command = if packages::is_root() {
        Command::new(&script)
    } else {
        // The private pcscd needs root; keep PATH so that sudo finds this cargo and rustup.
        eprintln!("xtask: the tests start a private pcscd, which needs root: running scripts/test.sh through sudo");
        let mut command = Command::new("sudo");
        command.arg("-E").arg("env").arg(format!("PATH={}", env::var("PATH").unwrap_or_default())).arg(&script);
        command
    };
    command.current_dir(root()).args(args);
    run(command)
}

fn deps(args: Vec<OsString>) -> Result {
    let mut set = None;
    let mut check = false;
    for arg in &args {
        match arg.to_str() {
            Some("--check") => check = true,
            Some(name) if set.is_none() => {
                set = Some(Set::parse(name).ok_or_else(|| usage(format!("unknown package set {name:?} (build, test or ci)")))?)
            }
            _ => return Err(usage(format!("unexpected argument {arg:?}"))),
        }
    }
    let set = set.ok_or_else(|| usage("which package set? build, test or ci".into()))?;
    if check {
        let need = packages::need(set)?;
        report(&need);
        if need.missing.is_empty() { Ok(()) } else { Err(Failure { message: String::new(), code: 1 }) }
    } else {
        ensure(set)
    }
}

fn usage(message: String) -> Failure {
    Failure { message: format!("{message}\n\n{USAGE}"), code: 2 }
}

fn report(need: &Need) {
    match &need.manager {
        None => eprintln!("xtask: {}", need.note),
        Some(manager) if need.missing.is_empty() => {
            eprintln!("xtask: {} packages: all present ({})", need.set.name(), manager.name())
        }
        Some(manager) => eprintln!(
            "xtask: {} packages missing ({}): {}",
            need.set.name(),
            manager.name(),
            need.missing.join(" ")
        ),
    }
}

/// Installs what `set` needs and is missing, saying what it does.
fn ensure(set: Set) -> Result {
    let need = packages::need(set)?;
    report(&need);
    let Some(manager) = need.manager.filter(|_| !need.missing.is_empty()) else {
        return Ok(());
    };
    let commands = manager.install_commands(&need.missing);
    let shown = commands.iter().map(|c| c.join(" ")).collect::<Vec<_>>().join(" && ");
    if env::var_os("TESSERA_NO_INSTALL").is_some() {
        return Err(Failure::new(format!("TESSERA_NO_INSTALL is set; install them with: {shown}")));
    }
    let sudo = if packages::is_root() {
        false
    } else if packages::on_path("sudo") {
        true
    } else {
        return Err(Failure::new(format!("not root and no sudo; as root, run: {shown}")));
    };
    for argv in commands {
        eprintln!("xtask: running {}{}", if sudo { "sudo " } else { "" }, argv.join(" "));
        let mut command = if sudo { Command::new("sudo") } else { Command::new(&argv[0]) };
        command.args(&argv[usize::from(!sudo)..]);
        run(command)?;
    }
    let after = packages::need(set)?;
    if after.missing.is_empty() {
        eprintln!("xtask: {} packages installed", set.name());
        Ok(())
    } else {
        Err(Failure::new(format!("still missing after the install: {}", after.missing.join(" "))))
    }
}

#[cfg(test)]
mod tests;
