//! Which system packages each developer command needs, how to tell whether they are present, and
//! how to install them with the system's package manager.
//!
//! Presence is judged by what the tools look for (a command, a pkg-config module, a file), not by
//! a package database, so a tool installed some other way counts as present.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::workspace::{Failure, Result};

/// A package set: what one developer command needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Set {
    /// Building the app: a C linker, pkg-config and the PC/SC headers (pcsc-sys).
    Build,
    /// `cargo xtask test`: the build set, the testbed (pcscd, vpcd, namespaces) and the judges
    /// (OpenSC, NSS, Chromium, Firefox ESR, gdb).
    Test,
    /// `.ci/run`: the test set plus the window figures and screenshots (Xvfb, Mesa), the
    /// packages (.deb tools, MinGW, wixl) and the Windows run under Wine (debootstrap).
    Ci,
}

impl Set {
    pub fn parse(name: &str) -> Option<Set> {
        match name {
            "build" => Some(Set::Build),
            "test" => Some(Set::Test),
            "ci" => Some(Set::Ci),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Set::Build => "build",
            Set::Test => "test",
            Set::Ci => "ci",
        }
    }

    /// The packages of this set, its smaller sets' included.
    fn packages(self) -> impl Iterator<Item = &'static Package> {
        PACKAGES.iter().filter(move |p| p.set as usize <= self as usize)
    }
}

/// How to tell that a package's files are there.
#[derive(Debug)]
enum Probe {
    /// One of these commands is found on PATH or in the sbin folders.
    Command(&'static [&'static str]),
    /// `pkg-config --exists MODULE`.
    PkgConfig(&'static str),
    /// One of these files exists (`*` stands for the multiarch folder name).
    File(&'static [&'static str]),
    /// dpkg says it is installed (libraries that have no other trace worth probing; Debian only).
    Dpkg,
}

#[derive(Debug)]
struct Package {
    set: Set,
    apt: &'static str,
    /// Fedora's name; `None` when Fedora has no package for it.
    dnf: Option<&'static str>,
    probe: Probe,
}

const fn pkg(set: Set, apt: &'static str, dnf: Option<&'static str>, probe: Probe) -> Package {
    Package { set, apt, dnf, probe }
}

static PACKAGES: &[Package] = &[
    pkg(Set::Build, "gcc", Some("gcc"), Probe::Command(&["cc"])),
    pkg(Set::Build, "pkgconf", Some("pkgconf-pkg-config"), Probe::Command(&["pkg-config"])),
    pkg(Set::Build, "libpcsclite-dev", Some("pcsc-lite-devel"), Probe::PkgConfig("libpcsclite")),
    pkg(Set::Test, "pcscd", Some("pcsc-lite"), Probe::Command(&["pcscd"])),
    pkg(Set::Test, "vsmartcard-vpcd", None, Probe::File(&["/usr/lib/pcsc/drivers/serial/libifdvpcd.so"])),
    pkg(Set::Test, "iproute2", Some("iproute"), Probe::Command(&["ip"])),
    pkg(Set::Test, "util-linux", Some("util-linux"), Probe::Command(&["unshare"])),
    pkg(Set::Test, "bsdutils", Some("util-linux-script"), Probe::Command(&["script"])),
    pkg(Set::Test, "opensc", Some("opensc"), Probe::Command(&["pkcs15-tool"])),
    pkg(Set::Test, "opensc-pkcs11", Some("opensc"), Probe::File(&["/usr/lib/*/opensc-pkcs11.so", "/usr/lib64/opensc-pkcs11.so"])),
    pkg(Set::Test, "libnss3-tools", Some("nss-tools"), Probe::Command(&["certutil"])),
    pkg(Set::Test, "openssl", Some("openssl"), Probe::Command(&["openssl"])),
    // The tests start `chromium` and `firefox-esr` by these names, as Debian ships them.
    pkg(Set::Test, "chromium", None, Probe::Command(&["chromium"])),
    pkg(Set::Test, "firefox-esr", None, Probe::Command(&["firefox-esr"])),
    pkg(Set::Test, "gdb", Some("gdb"), Probe::Command(&["gdb"])),
    pkg(Set::Ci, "xvfb", None, Probe::Command(&["Xvfb"])),
    pkg(Set::Ci, "xauth", None, Probe::Dpkg),
    pkg(Set::Ci, "libgl1-mesa-dri", None, Probe::Dpkg),
    pkg(Set::Ci, "libegl1", None, Probe::Dpkg),
    pkg(Set::Ci, "libgl1", None, Probe::Dpkg),
    pkg(Set::Ci, "libx11-6", None, Probe::Dpkg),
    pkg(Set::Ci, "libx11-xcb1", None, Probe::Dpkg),
    pkg(Set::Ci, "libxcursor1", None, Probe::Dpkg),
    pkg(Set::Ci, "libxrandr2", None, Probe::Dpkg),
    pkg(Set::Ci, "libxi6", None, Probe::Dpkg),
    pkg(Set::Ci, "libxkbcommon-x11-0", None, Probe::Dpkg),
    pkg(Set::Ci, "dpkg-dev", None, Probe::Command(&["dpkg-architecture"])),
    pkg(Set::Ci, "desktop-file-utils", None, Probe::Command(&["desktop-file-validate"])),
    pkg(Set::Ci, "appstream", None, Probe::Command(&["appstreamcli"])),
    pkg(Set::Ci, "gcc-mingw-w64-x86-64", None, Probe::Command(&["x86_64-w64-mingw32-gcc"])),
    pkg(Set::Ci, "msitools", None, Probe::Command(&["msiinfo"])),
    pkg(Set::Ci, "wixl", None, Probe::Command(&["wixl"])),
    pkg(Set::Ci, "debootstrap", None, Probe::Command(&["debootstrap"])),
];

/// The package managers this knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Manager {
    Apt,
    Dnf,
}

impl Manager {
    pub fn name(self) -> &'static str {
        match self {
            Manager::Apt => "apt-get",
            Manager::Dnf => "dnf",
        }
    }

    /// The commands that install `packages` (each an argv, without sudo).
    pub fn install_commands(self, packages: &[String]) -> Vec<Vec<String>> {
        let owned = |argv: &[&str]| argv.iter().map(|s| s.to_string()).chain(packages.iter().cloned()).collect();
        match self {
            // --no-install-recommends: pcsc-tools and friends would pull in GTK.
            Manager::Apt => vec![
                vec!["apt-get".into(), "update".into(), "-q".into()],
                owned(&["apt-get", "install", "-y", "-q", "--no-install-recommends"]),
            ],
            Manager::Dnf => vec![owned(&["dnf", "install", "-y"])],
        }
    }

    /// The manager of the OS described by an os-release file's `ID` and `ID_LIKE`.
    pub fn from_os_release(text: &str) -> Option<Manager> {
        let mut ids = Vec::new();
        for line in text.lines() {
            if let Some(value) = line.strip_prefix("ID=").or_else(|| line.strip_prefix("ID_LIKE=")) {
                ids.extend(value.trim_matches('"').split_whitespace().map(str::to_owned));
            }
        }
        ids.iter().find_map(|id| match id.as_str() {
            "debian" | "ubuntu" => Some(Manager::Apt),
            "fedora" | "rhel" | "centos" => Some(Manager::Dnf),
            _ => None,
        })
    }
}

/// What a set needs on this machine.
pub struct Need {
    pub set: Set,
    /// The manager to install with; `None` when there is nothing to install on this OS.
    pub manager: Option<Manager>,
    /// Package names, in the manager's naming, still to install.
    pub missing: Vec<String>,
    /// Why nothing is installed, when `manager` is `None`.
    pub note: String,
}

pub fn need(set: Set) -> Result<Need> {
    if !cfg!(target_os = "linux") {
        let note = format!("{} packages: nothing to install on this OS (PC/SC is built in)", set.name());
        return Ok(Need { set, manager: None, missing: Vec::new(), note });
    }
    let absent: Vec<&Package> = set.packages().filter(|p| !present(p)).collect();
    if absent.is_empty() {
        return Ok(Need { set, manager: Some(detect_manager().unwrap_or(Manager::Apt)), missing: Vec::new(), note: String::new() });
    }
    let names: Vec<&str> = absent.iter().map(|p| p.apt).collect();
    let manager = detect_manager().ok_or_else(|| {
        Failure::new(format!(
            "missing {}; this Linux has neither apt-get nor dnf: install the equivalents of these Debian packages",
            names.join(" ")
        ))
    })?;
    let missing = match manager {
        Manager::Apt => names.iter().map(|s| s.to_string()).collect(),
        Manager::Dnf => {
            let unpackaged: Vec<&str> = absent.iter().filter(|p| p.dnf.is_none()).map(|p| p.apt).collect();
            if !unpackaged.is_empty() {
                return Err(Failure::new(format!(
                    "the {} set needs {}, which Fedora does not package under the names the tests use; \
                     the full test suite runs on Debian 12/13 (as CI does). On Fedora, `cargo test --workspace` \
                     runs the tests that need no testbed",
                    set.name(),
                    unpackaged.join(" ")
                )));
            }
            let mut names: Vec<String> = absent.iter().filter_map(|p| p.dnf).map(str::to_owned).collect();
            names.dedup();
            names
        }
    };
    Ok(Need { set, manager: Some(manager), missing, note: String::new() })
}

fn detect_manager() -> Option<Manager> {
    std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| Manager::from_os_release(&text))
        .or_else(|| on_path("apt-get").then_some(Manager::Apt))
        .or_else(|| on_path("dnf").then_some(Manager::Dnf))
}

fn present(package: &Package) -> bool {
    match &package.probe {
        Probe::Command(names) => names.iter().any(|name| on_path(name)),
        Probe::PkgConfig(module) => quiet(Command::new("pkg-config").args(["--exists", module])),
        Probe::File(patterns) => patterns.iter().any(|pattern| file_exists(pattern)),
        Probe::Dpkg => {
            let output = Command::new("dpkg-query").args(["-W", "-f=${db:Status-Abbrev}", package.apt]).output();
            output.is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"ii"))
        }
    }
}

fn quiet(command: &mut Command) -> bool {
    command.stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// `pattern` exists; a `*` matches one folder name (the multiarch triplet).
fn file_exists(pattern: &str) -> bool {
    match pattern.split_once("/*/") {
        None => Path::new(pattern).exists(),
        Some((dir, rest)) => std::fs::read_dir(dir)
            .map(|entries| entries.flatten().any(|entry| entry.path().join(rest).exists()))
            .unwrap_or(false),
    }
}

/// `name` is a program on PATH, or in the sbin folders a non-root PATH may leave out.
pub fn on_path(name: &str) -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/local/sbin"].map(Into::into))
        .any(|dir| dir.join(name).is_file())
}

pub fn is_root() -> bool {
    // Std has no getuid; `id -u` is in coreutils everywhere this matters (Linux).
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// vsmartcard's vpcd reader driver is installed (the testbed's virtual reader).
pub fn vpcd_installed() -> bool {
    PACKAGES.iter().find(|p| p.apt == "vsmartcard-vpcd").is_some_and(present)
}

/// What the Debian 13 tree of the Windows run (scripts/windows-wine.sh) installs: Wine 10, whose
/// winscard forwards to pcsc-lite, the testbed's pcscd and vpcd, and a virtual display.
pub const WINE_TREE: &[&str] = &["wine", "wine64", "pcscd", "vsmartcard-vpcd", "iproute2", "xvfb", "xauth", "libgl1-mesa-dri", "libgl1", "libegl1"];

/// The apt names of a set's packages (its smaller sets' included).
pub fn apt_names(set: Set) -> Vec<&'static str> {
    set.packages().map(|p| p.apt).collect()
}
