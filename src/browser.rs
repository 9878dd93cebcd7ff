//! Browser login setup: find the browsers' NSS certificate databases (every Firefox profile,
//! Chrome/Chromium's NSS database on Linux), find the PKCS#11 module that reaches the card, and
//! register or remove it in the database's module list (`pkcs11.txt`) safely: idempotent,
//! backed up, written atomically, and refused while Firefox has the profile open.

pub use crate::error::BrowserError;
use crate::error::CoreError;
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// The name Tessera registers its module under.
pub const MODULE_NAME: &str = "Tessera (smart card)";

/// A PKCS#11 module that reaches a card family.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ModuleChoice {
    /// Human name.
    pub name: &'static str,
    /// Installed path, if found.
    pub path: Option<PathBuf>,
    /// What to install when missing.
    pub install_hint: &'static str,
}

/// The file name of Tessera's own PKCS#11 module on this OS.
pub const TESSERA_MODULE_FILE: &str = if cfg!(windows) {
    "tessera_pkcs11.dll"
} else if cfg!(target_os = "macos") {
    "libtessera_pkcs11.dylib"
} else {
    "libtessera_pkcs11.so"
};

/// Tessera's own module: next to the `tessera` program (a build tree, the Windows install
/// folder, the macOS bundle's Frameworks), or where the Linux packages put it.
pub fn tessera_module() -> ModuleChoice {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(dir) = std::env::current_exe().ok().and_then(|e| e.parent().map(Path::to_path_buf)) {
        candidates.push(dir.join(TESSERA_MODULE_FILE));
        candidates.push(dir.join("../Frameworks").join(TESSERA_MODULE_FILE));
    }
    if cfg!(target_os = "linux") {
        for lib in ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"] {
            candidates.push(Path::new(lib).join(TESSERA_MODULE_FILE));
        }
    }
    ModuleChoice {
        name: "Tessera",
        path: candidates.into_iter().find(|p| p.exists()),
        install_hint: "Tessera's package (it includes the module), or build it: cargo build --release -p tessera-pkcs11",
    }
}

/// The official CIE module (CieID), selectable with `--module cie`.
pub fn cie_module() -> ModuleChoice {
    let candidates: &[&str] = if cfg!(windows) {
        &["C:\\Windows\\System32\\ciepki.dll"]
    } else if cfg!(target_os = "macos") {
        &["/usr/local/lib/libcie-pkcs11.dylib", "/Library/CIE/libcie-pkcs11.dylib"]
    } else {
        &["/usr/local/lib/libcie-pkcs11.so", "/usr/lib/libcie-pkcs11.so", "/usr/lib/x86_64-linux-gnu/libcie-pkcs11.so"]
    };
    ModuleChoice {
        name: "CIE PKCS#11 (CieID)",
        path: first_existing(candidates),
        install_hint: "CieID / CIE middleware (https://www.cartaidentita.interno.gov.it)",
    }
}

/// OpenSC's module, selectable with `--module opensc` (it reads the classic CNS lots only).
pub fn opensc_module() -> ModuleChoice {
    let candidates: &[&str] = if cfg!(windows) {
        &["C:\\Windows\\System32\\opensc-pkcs11.dll", "C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll"]
    } else if cfg!(target_os = "macos") {
        &["/Library/OpenSC/lib/opensc-pkcs11.so", "/usr/local/lib/opensc-pkcs11.so", "/opt/homebrew/lib/opensc-pkcs11.so"]
    } else {
        &[
            "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
            "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
            "/usr/lib64/opensc-pkcs11.so",
            "/usr/lib/opensc-pkcs11.so",
            "/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so",
        ]
    };
    ModuleChoice {
        name: "OpenSC",
        path: first_existing(candidates),
        install_hint: if cfg!(target_os = "linux") { "opensc-pkcs11 (apt install opensc-pkcs11; dnf install opensc)" } else { "OpenSC (https://github.com/OpenSC/OpenSC/releases)" },
    }
}

/// Which module serves a card type: Tessera's own, for every card it knows (every CNS lot and
/// the CIE). The one place this choice is made.
pub fn module_for(_card_type: tessera_core::card::CardType) -> ModuleChoice {
    tessera_module()
}

/// A module by its short name (`--module tessera|opensc|cie`).
pub fn module_named(name: &str) -> Option<ModuleChoice> {
    match name.to_ascii_lowercase().as_str() {
        "tessera" => Some(tessera_module()),
        "opensc" => Some(opensc_module()),
        "cie" | "cieid" => Some(cie_module()),
        _ => None,
    }
}

fn first_existing(paths: &[&str]) -> Option<PathBuf> {
    paths.iter().map(PathBuf::from).find(|p| p.exists())
}

/// Which browser a database belongs to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BrowserKind {
    /// A Firefox profile.
    Firefox,
    /// Chrome / Chromium (Linux: a shared NSS database).
    Chrome,
    /// A database named on the command line.
    Custom,
}

/// One NSS database a browser uses.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NssDatabase {
    /// Browser.
    pub browser: BrowserKind,
    /// Profile name (Firefox) or a description.
    pub name: String,
    /// Folder holding cert9.db / pkcs11.txt.
    pub dir: PathBuf,
}

/// The state of one database.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DatabaseState {
    /// The database.
    pub db: NssDatabase,
    /// Tessera's module (or the same library under another name) is registered.
    pub registered: bool,
    /// Firefox has the profile open (its lock file is present).
    pub in_use: bool,
    /// The database is in the old format (secmod.db) that cannot be edited safely.
    pub legacy: bool,
}


/// The user's data folder when `XDG_DATA_HOME` names one (else `~/.local/share`).
fn data_home() -> Option<PathBuf> {
    std::env::var_os("XDG_DATA_HOME").map(PathBuf::from)
}

/// The user's home (overridable for tests with `TESSERA_HOME`).
pub(crate) fn home() -> Option<PathBuf> {
    std::env::var_os("TESSERA_HOME").map(PathBuf::from).or_else(dirs::home_dir)
}

fn firefox_roots(home: &Path) -> Vec<PathBuf> {
    if cfg!(windows) {
        dirs::config_dir().map(|d| vec![d.join("Mozilla").join("Firefox")]).unwrap_or_default()
    } else if cfg!(target_os = "macos") {
        vec![home.join("Library/Application Support/Firefox")]
    } else {
        vec![
            home.join(".mozilla/firefox"),
            home.join("snap/firefox/common/.mozilla/firefox"),
            home.join(".var/app/org.mozilla.firefox/.mozilla/firefox"),
        ]
    }
}

/// Where browser setup looks: a home folder (its browsers' databases) and the module to
/// register. The window's browser page owns one, so a test can point it at a scratch home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// The home folder whose browsers are listed (none: no browsers).
    pub home: Option<PathBuf>,
    /// `XDG_DATA_HOME` when it is set for this home (Chromium's second database).
    pub data_home: Option<PathBuf>,
    /// The module registered in them.
    pub module: ModuleChoice,
}

impl Places {
    /// This user's home and the module for `card_type`.
    pub fn of_this_user(card_type: tessera_core::card::CardType) -> Self {
        Self { home: home(), data_home: data_home(), module: module_for(card_type) }
    }

    /// The browsers' databases under this home.
    pub fn databases(&self) -> Vec<NssDatabase> {
        self.home.as_deref().map(|h| discover_in(h, self.data_home.as_deref())).unwrap_or_default()
    }
}

/// Every Firefox profile (from each profiles.ini) and, on Linux, Chrome's NSS databases.
pub fn discover() -> Vec<NssDatabase> {
    home().as_deref().map(|h| discover_in(h, data_home().as_deref())).unwrap_or_default()
}

/// [`discover`] under the home folder `home`, whose data folder is `data_home` (by default
/// `home/.local/share`).
pub fn discover_in(home: &Path, data_home: Option<&Path>) -> Vec<NssDatabase> {
    let mut out = Vec::new();
    for root in firefox_roots(home) {
        let Ok(text) = std::fs::read(root.join("profiles.ini")) else { continue };
        for p in tessera_files::browser::firefox_profiles(&String::from_utf8_lossy(&text)) {
            let dir = if p.relative { root.join(&p.path) } else { PathBuf::from(&p.path) };
            let name = p.name;
            if dir.is_dir() && !out.iter().any(|d: &NssDatabase| d.dir == dir) {
                out.push(NssDatabase { browser: BrowserKind::Firefox, name, dir });
            }
        }
    }
    if cfg!(target_os = "linux") {
        let xdg = data_home.map_or_else(|| home.join(".local/share"), Path::to_path_buf);
        for dir in [home.join(".pki/nssdb"), xdg.join("pki/nssdb")] {
            if dir.is_dir() && !out.iter().any(|d| d.dir == dir) {
                out.push(NssDatabase { browser: BrowserKind::Chrome, name: "Chrome / Chromium".into(), dir });
            }
        }
    }
    out
}

/// Firefox holds `lock` (a symlink on Linux/macOS) or `parent.lock` while a profile is open.
pub fn in_use(dir: &Path) -> bool {
    ["lock", ".parentlock", "parent.lock"].iter().any(|f| std::fs::symlink_metadata(dir.join(f)).is_ok())
}

/// Whether `library` is registered in the database's module list.
pub fn is_registered(dir: &Path, library: &Path) -> bool {
    let Ok(text) = std::fs::read(dir.join("pkcs11.txt")) else { return false };
    tessera_files::browser::lists_module(&String::from_utf8_lossy(&text), &library.to_string_lossy())
}

/// The state of a database with respect to `library`.
pub fn state(db: &NssDatabase, library: Option<&Path>) -> DatabaseState {
    DatabaseState {
        registered: library.is_some_and(|l| is_registered(&db.dir, l)),
        in_use: in_use(&db.dir),
        legacy: !db.dir.join("pkcs11.txt").exists() && db.dir.join("secmod.db").exists(),
        db: db.clone(),
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Core(CoreError::Io { path: path.display().to_string(), source })
}

/// Writes `text` over `path` atomically (keeping its permissions: `pkcs11.txt` is 0600), after
/// a one-time backup `pkcs11.txt.tessera-backup` (created new, never over a file or a link,
/// with the original's permissions).
fn rewrite(path: &Path, text: &str) -> Result<()> {
    let backup = path.with_extension("txt.tessera-backup");
    let original = std::fs::read(path).map_err(io(path))?;
    match tessera_files::atomic::write_new_like(&backup, &original, path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io(&backup)(e)),
    }
    tessera_files::atomic::write(path, text.as_bytes(), tessera_files::atomic::Existing::Replace).map_err(io(path))
}

/// The module list to edit: `pkcs11.txt`, or the file it links to (a profile kept elsewhere,
/// dotfiles): the link stays a link, and the file it points to is what changes. A read-only
/// file is refused: someone made it so, and replacing it would undo that silently.
fn check_editable(dir: &Path) -> Result<PathBuf> {
    let file = dir.join("pkcs11.txt");
    if !file.exists() {
        return Err(Error::Browser(BrowserError::NotADatabase(dir.to_owned())));
    }
    if in_use(dir) {
        return Err(Error::Browser(BrowserError::InUse(dir.to_owned())));
    }
    let file = if std::fs::symlink_metadata(&file).is_ok_and(|m| m.file_type().is_symlink()) {
        let target = std::fs::canonicalize(&file).map_err(io(&file))?;
        tracing::info!(link = %file.display(), target = %target.display(), "pkcs11.txt is a link: its target is edited");
        target
    } else {
        file
    };
    if std::fs::metadata(&file).map_err(io(&file))?.permissions().readonly() {
        return Err(Error::Browser(BrowserError::ReadOnly(file)));
    }
    Ok(file)
}

/// Registers `library` in the database (no change if it is there already). Returns whether
/// the file changed.
pub fn register(dir: &Path, library: &Path) -> Result<bool> {
    let file = check_editable(dir)?;
    if is_registered(dir, library) {
        return Ok(false);
    }
    let text = std::fs::read_to_string(&file).map_err(io(&file))?;
    rewrite(&file, &tessera_files::browser::with_module(&text, &library.to_string_lossy(), MODULE_NAME))?;
    Ok(true)
}

/// Removes Tessera's own registrations of `library` (those named [`MODULE_NAME`]); an entry the
/// user made for the same library under another name stays. Returns whether the file changed.
pub fn unregister(dir: &Path, library: &Path) -> Result<bool> {
    let file = check_editable(dir)?;
    let text = std::fs::read_to_string(&file).map_err(io(&file))?;
    match tessera_files::browser::without_module(&text, &library.to_string_lossy(), MODULE_NAME) {
        Some(out) => {
            rewrite(&file, &out)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Adds the module to a Firefox enterprise policy file (`SecurityDevices`), for admins;
/// merges with what the file already says.
pub fn write_policy(policy_file: &Path, library: &Path) -> Result<()> {
    let bad = |why: &str| Error::Browser(BrowserError::BadPolicyFile(policy_file.to_owned(), why.to_owned()));
    let current = match std::fs::read(policy_file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(io(policy_file)(e)),
    };
    // A file that cannot be read is refused and left as it is: rewriting it would drop the
    // administrator's policies.
    let text = tessera_files::browser::with_security_device(&current, MODULE_NAME, &library.display().to_string())
        .map_err(|e| bad(&e.to_string()))?;
    if let Some(parent) = policy_file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    tessera_files::atomic::write(policy_file, text.as_bytes(), tessera_files::atomic::Existing::Replace).map_err(io(policy_file))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "library=\nname=NSS Internal PKCS #11 Module\nparameters=configdir='sql:/x'\nNSS=Flags=internal,critical\n\n";

    #[test]
    fn register_is_idempotent_backed_up_and_removable() {
        let dir = std::env::temp_dir().join(format!("tessera-nss-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("pkcs11.txt"), SAMPLE).expect("write");
        let lib = Path::new("/usr/lib/opensc-pkcs11.so");
        assert!(register(&dir, lib).expect("register"));
        assert!(!register(&dir, lib).expect("again"), "idempotent");
        let text = std::fs::read_to_string(dir.join("pkcs11.txt")).expect("read");
        assert_eq!(text.matches("library=/usr/lib/opensc-pkcs11.so").count(), 1);
        assert!(text.starts_with("library=\nname=NSS Internal PKCS #11 Module"), "internal module kept first");
        assert_eq!(std::fs::read_to_string(dir.join("pkcs11.txt.tessera-backup")).expect("backup"), SAMPLE);
        assert!(unregister(&dir, lib).expect("remove"));
        assert!(!is_registered(&dir, lib));
        assert!(std::fs::read_to_string(dir.join("pkcs11.txt")).expect("read").contains("NSS Internal PKCS #11 Module"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The file cases: the backup as private as the original, a read-only list refused and
    /// left as it is, a linked list edited through its link (which stays a link), a CR LF file
    /// given back byte for byte after setup and removal.
    #[cfg(unix)]
    #[test]
    fn backups_keep_the_mode_read_only_is_refused_links_stay_links_crlf_survives() {
        use std::os::unix::fs::PermissionsExt;
        let lib = Path::new("/usr/lib/tessera-test.so");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;

        let dir = tempfile::tempdir().expect("tmp");
        let list = dir.path().join("pkcs11.txt");
        let crlf = SAMPLE.replace('\n', "\r\n");
        std::fs::write(&list, &crlf).expect("write");
        std::fs::set_permissions(&list, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        assert!(register(dir.path(), lib).expect("register"));
        assert_eq!(mode(&dir.path().join("pkcs11.txt.tessera-backup")), 0o600, "the backup is as private as the original");
        assert_eq!(mode(&list), 0o600);
        assert!(unregister(dir.path(), lib).expect("remove"));
        assert_eq!(std::fs::read(&list).expect("read"), crlf.as_bytes(), "CR LF file back byte for byte");

        let ro = tempfile::tempdir().expect("tmp");
        let list = ro.path().join("pkcs11.txt");
        std::fs::write(&list, SAMPLE).expect("write");
        std::fs::set_permissions(&list, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        let e = register(ro.path(), lib).expect_err("read-only");
        assert!(matches!(&e, Error::Browser(BrowserError::ReadOnly(p)) if p == &list), "{e:?}");
        assert_eq!(std::fs::read_to_string(&list).expect("read"), SAMPLE);
        assert_eq!(mode(&list), 0o444);

        let linked = tempfile::tempdir().expect("tmp");
        let real = linked.path().join("kept-elsewhere.txt");
        std::fs::write(&real, SAMPLE).expect("write");
        let link = linked.path().join("pkcs11.txt");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        assert!(register(linked.path(), lib).expect("register"));
        assert!(std::fs::symlink_metadata(&link).expect("meta").file_type().is_symlink(), "still a link");
        assert!(is_registered(linked.path(), lib));
        assert!(std::fs::read_to_string(&real).expect("read").contains("library=/usr/lib/tessera-test.so"));
    }
}
