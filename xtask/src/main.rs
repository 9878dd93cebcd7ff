//! Developer commands for Tessera, run as `cargo xtask …` (alias in `.cargo/config.toml`).
//!
//! - `cargo xtask demo [ARGS…]`: build and open the window on the demo card. On Linux it first
//!   installs what the build needs (the PC/SC headers and pkg-config) with the system's package
//!   manager; on macOS and Windows nothing extra is needed.
//! - `cargo xtask test [ARGS…]`: install what the tests need, build, then run every test next to
//!   the PC/SC testbed (as root: the testbed starts a private pcscd; through sudo when needed).
//! - `cargo xtask testbed CMD…`: run a command next to the PC/SC testbed ([`testbed`]).
//! - `cargo xtask deps build|test|ci [--check]`: only check (and without `--check`, install) a
//!   package set; `--list` prints its Debian names (also `wine-tree`, the Windows run's tree).
//!
//! Std only, so that it builds on a machine that has nothing but Rust. Nothing is downloaded
//! outside the OS's package manager and crates.io.

use std::env;
use std::ffi::OsString;
use std::process::{Command, ExitCode};

mod packages;
mod testbed;
mod workspace;

use packages::{Need, Set};
use workspace::{Failure, Result, root};

const USAGE: &str = "\
usage: cargo xtask <command>

  demo [ARGS…]            build Tessera and open the window on the demo card
                          (ARGS go to tessera, e.g. `cargo xtask demo status` for the command line)
  test [ARGS…]            install what the tests need, then run every test (ARGS go to cargo test,
                          e.g. `cargo xtask test --test lots`)
  testbed CMD…            run CMD next to a private pcscd with the vpcd virtual reader (root)
  deps build|test|ci [--check]
                          install a package set (with --check: only list what is missing)
  deps build|test|ci|wine-tree --list
                          print a set's Debian package names (wine-tree: the Windows run's tree)

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
        Some("testbed") => testbed::run_command(args),
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
    if !packages::is_root() {
        // The private pcscd needs root; keep PATH so that sudo finds this cargo and rustup.
        eprintln!("xtask: the tests start a private pcscd, which needs root: running the tests through sudo");
        let me = env::current_exe().map_err(|e| Failure::new(format!("cannot find this program: {e}")))?;
        let mut command = Command::new("sudo");
        command.arg("-E").arg("env").arg(format!("PATH={}", env::var("PATH").unwrap_or_default())).arg(me).arg("test").args(args);
        command.current_dir(root());
        return run(command);
    }
    // Everything is built first: the tests run inside a network namespace without network.
    let mut build = cargo();
    build.args(["test", "--workspace", "--locked", "--no-run", "-q"]);
    run(build)?;
    // The binaries and the PKCS#11 module in target/debug (a test-only build leaves the module in
    // target/debug/deps, where `tessera browser setup` does not look).
    let mut build = cargo();
    build.args(["build", "--workspace", "--locked", "-q"]);
    run(build)?;
    // The module with the test-only auto-login, for the headless-browser tests (a headless
    // browser cannot type a PIN), in a target folder of its own: the normal build never has it.
    let mut build = cargo();
    build.args(["build", "--locked", "-q", "-p", "tessera-pkcs11", "--features", "test-autologin", "--target-dir", "target/autologin"]);
    run(build)?;
    // One card slot: test binaries run one after another, and tests within one binary take a lock.
    let mut tests: Vec<OsString> = ["cargo", "test", "--workspace", "--no-fail-fast", "--locked", "--offline"].map(OsString::from).to_vec();
    tests.extend(args);
    tests.extend(["--", "--include-ignored"].map(OsString::from));
    let outcome = testbed::run_counting(&tests)?;
    let summary = format!("tests: {} passed, {} failed\n", outcome.passed, outcome.failed);
    eprint!("{summary}");
    std::fs::write(root().join("target/test-summary.txt"), &summary).map_err(|e| Failure::new(format!("target/test-summary.txt: {e}")))?;
    if outcome.success { Ok(()) } else { Err(Failure { message: String::new(), code: 1 }) }
}

fn deps(args: Vec<OsString>) -> Result {
    let mut set = None;
    let check = args.iter().any(|a| a == "--check");
    let list = args.iter().any(|a| a == "--list");
    for arg in &args {
        match arg.to_str() {
            Some("--check" | "--list") => {}
            Some("wine-tree") if set.is_none() && list => set = Some(None),
            Some(name) if set.is_none() => {
                set = Some(Some(Set::parse(name).ok_or_else(|| usage(format!("unknown package set {name:?} (build, test or ci)")))?))
            }
            _ => return Err(usage(format!("unexpected argument {arg:?}"))),
        }
    }
    let set = set.ok_or_else(|| usage("which package set? build, test or ci".into()))?;
    if list {
        // The Debian package names, one line: for scripts that install them elsewhere.
        let names = match set {
            Some(set) => packages::apt_names(set),
            None => packages::WINE_TREE.to_vec(),
        };
        println!("{}", names.join(" "));
        return Ok(());
    }
    let Some(set) = set else { return Err(usage("wine-tree is only listed (--list)".into())) };
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
