//! The helpdesk report: what the helpline asks for (app and OS version, smart-card service,
//! readers, card type and number, tries left, certificate validity, browser setup, PKCS#11
//! modules, recent errors). Personal data (name, codice fiscale) is left out unless the user
//! opts in; a PIN is never part of it (nothing here ever holds one).

use super::browser::{self, DatabaseState, ModuleChoice};
use tessera_core::card::CardIdentity;
use tessera_core::card::identity::CardKind;
use tessera_core::transport::{Connection, ReaderInfo};
use crate::error::CoreError;
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// One reader in the report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ReaderReport {
    /// Name.
    pub name: String,
    /// A card is in it.
    pub card_present: bool,
    /// ATR of the card.
    pub atr: String,
    /// The reader has a PIN pad (`None`: it would not say).
    pub pinpad: Option<bool>,
}

/// The card part of the report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CardReport {
    /// ATR.
    pub atr: String,
    /// Decoded family, vendor, version.
    pub decoded: CardKind,
    /// "CPS", "CIE", …
    pub card_type: tessera_core::card::CardType,
    /// Chip/OS description.
    pub model: String,
    /// What sets the card apart from its model.
    pub model_note: Option<tessera_core::card::ModelNote>,
    /// Card number (the helpline asks for it).
    pub card_number: Option<String>,
    /// Holder (only with consent).
    pub holder: Option<String>,
    /// Codice fiscale (only with consent).
    pub codice_fiscale: Option<String>,
    /// PIN tries left.
    pub pin_tries_left: Option<u8>,
    /// PUK tries left.
    pub puk_tries_left: Option<u8>,
    /// Certificate end of validity.
    pub cert_not_after: Option<String>,
    /// Days left.
    pub cert_days_left: Option<i64>,
    /// Tessera's simulated card.
    pub simulated_card: bool,
}

/// A browser found on the system, and its version as the browser says it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InstalledBrowser {
    /// "Firefox", "Chromium", "Google Chrome", "Microsoft Edge".
    pub name: &'static str,
    /// E.g. "Mozilla Firefox 128.5.0esr", "Chromium 131.0.6778.85 built on Debian 12.8".
    pub version: String,
}

/// The whole report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    /// Tessera version.
    pub app_version: &'static str,
    /// Operating system and version.
    pub os: String,
    /// Smart-card service state.
    pub smart_card_service: String,
    /// Readers.
    pub readers: Vec<ReaderReport>,
    /// The card, if one could be read.
    pub card: Option<CardReport>,
    /// Why the card could not be read.
    pub card_error: Option<String>,
    /// Browser databases and whether the module is registered.
    pub browsers: Vec<DatabaseState>,
    /// The browsers installed, with their versions (the helpdesk asks for them).
    pub installed_browsers: Vec<InstalledBrowser>,
    /// PKCS#11 modules for each card family.
    pub pkcs11_modules: Vec<ModuleChoice>,
    /// Windows only: the card type and minidriver Windows uses for the card in the reader (from
    /// the Calais keys), so the helpdesk sees when another middleware claims it.
    pub windows_card_driver: Option<WindowsDriver>,
    /// When the report was made: local date and time with the offset (RFC 3339).
    pub created: String,
    /// The most recent errors, each once with how often it happened (newest last).
    pub last_errors: Vec<RecentError>,
    /// Whether name and codice fiscale are included.
    pub personal_data_included: bool,
    /// The card used is the demo card.
    pub demo: bool,
}

/// One error of the log, with how many times it happened in a row of the log's last entries.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RecentError {
    /// The last time, local ("2026-12-05 01:17"); as logged when it cannot be read.
    pub last: String,
    /// The error table's id.
    pub id: String,
    /// The message as it was shown.
    pub message: String,
    /// How many times among the last entries.
    pub count: u32,
}

/// The log's lines ("YYYY-MM-DD HH:MM UTC id: message"), each distinct error once, at its last
/// time, in local time.
pub fn recent_errors(lines: &[String]) -> Vec<RecentError> {
    let mut out: Vec<RecentError> = Vec::new();
    for l in lines {
        let (stamp, rest) = match l.split_once(" UTC ") {
            Some((st, rest)) => (local_time(st).unwrap_or_else(|| format!("{st} UTC")), rest),
            None => (String::new(), l.as_str()),
        };
        let (id, message) = rest.split_once(": ").unwrap_or(("", rest));
        let count = match out.iter().position(|e| e.id == id && e.message == message) {
            Some(i) => out.remove(i).count + 1,
            None => 1,
        };
        out.push(RecentError { last: stamp, id: id.to_owned(), message: message.to_owned(), count });
    }
    out
}

/// "YYYY-MM-DD HH:MM" in UTC as the same minute in the system's time zone.
fn local_time(utc: &str) -> Option<String> {
    let civil: jiff::civil::DateTime = format!("{}:00", utc.replace(' ', "T")).parse().ok()?;
    let zoned = civil.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok()?.with_time_zone(jiff::tz::TimeZone::system());
    Some(zoned.strftime("%Y-%m-%d %H:%M").to_string())
}

/// A path as the report shows it: the home folder (often the person's name) as "~".
fn without_home(p: &std::path::Path) -> PathBuf {
    match browser::home().and_then(|h| p.strip_prefix(h).ok().map(Path::to_path_buf)) {
        Some(rest) => Path::new("~").join(rest),
        None => p.to_path_buf(),
    }
}

/// The minidriver Windows registered for a card's ATR.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WindowsDriver {
    /// The card type's name (`Calais\SmartCards\<name>`); `None`: no card type takes the ATR.
    pub card_type: Option<String>,
    /// The driver DLL (`80000001`).
    pub driver: Option<String>,
}

/// The card type and driver that `reg query HKLM\…\Calais\SmartCards /s` lists for `atr`: the
/// first key whose ATR, under its mask, is the card's (as Windows matches).
pub fn windows_driver_for(reg_output: &str, atr: &[u8]) -> WindowsDriver {
    let hex = |v: &str| (0..v.len()).step_by(2).map(|i| v.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok())).collect::<Option<Vec<u8>>>();
    let mut key: Option<String> = None;
    let (mut want, mut mask, mut dll): (Option<Vec<u8>>, Option<Vec<u8>>, Option<String>) = (None, None, None);
    let mut found = None;
    let mut check = |key: &Option<String>, want: &Option<Vec<u8>>, mask: &Option<Vec<u8>>, dll: &Option<String>| {
        if let (Some(k), Some(w), Some(m)) = (key, want, mask)
            && found.is_none()
            && w.len() == atr.len()
            && m.len() == atr.len()
            && atr.iter().zip(m).zip(w).all(|((a, m), w)| a & m == *w)
        {
            found = Some(WindowsDriver { card_type: Some(k.clone()), driver: dll.clone() });
        }
    };
    for line in reg_output.lines() {
        if let Some(name) = line.trim_end().rsplit_once(r"\SmartCards\").map(|(_, n)| n.to_owned()).filter(|_| !line.starts_with(' ')) {
            check(&key, &want, &mask, &dll);
            (key, want, mask, dll) = (Some(name), None, None, None);
            continue;
        }
        let parts: Vec<&str> = line.trim().splitn(3, "    ").map(str::trim).collect();
        match parts.as_slice() {
            ["ATR", "REG_BINARY", v] => want = hex(v),
            ["ATRMask", "REG_BINARY", v] => mask = hex(v),
            ["80000001", "REG_SZ", v] => dll = Some((*v).to_owned()),
            _ => {}
        }
    }
    check(&key, &want, &mask, &dll);
    found.unwrap_or(WindowsDriver { card_type: None, driver: None })
}

/// The driver Windows uses for `atr` (Windows only; `None` elsewhere or when `reg` fails).
fn windows_card_driver(atr: &[u8]) -> Option<WindowsDriver> {
    if !cfg!(windows) || atr.is_empty() {
        return None;
    }
    let out = run_briefly(&["reg", "query", r"HKLM\SOFTWARE\Microsoft\Cryptography\Calais\SmartCards", "/s"])?;
    Some(windows_driver_for(&out, atr))
}

/// Operating system and version, e.g. "linux: Debian GNU/Linux 12 (bookworm)".
pub fn os_description() -> String {
    let pretty = std::fs::read_to_string("/etc/os-release").ok().and_then(|t| {
        t.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=").map(|v| v.trim_matches('"').to_owned()))
    });
    match pretty {
        Some(p) => format!("{} {}: {p}", std::env::consts::OS, std::env::consts::ARCH),
        None => format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
    }
}

/// Builds the report from the readers, a connection to the card (or why there is none) and
/// the error log.
pub fn build(
    readers: Result<Vec<(ReaderInfo, Option<bool>)>>,
    conn: Result<Box<dyn Connection>>,
    include_personal_data: bool,
    demo: bool,
    lang: crate::i18n::Lang,
) -> Report {
    let service = match &readers {
        _ if demo => "not used (demo card)".to_owned(),
        Ok(_) => "running".to_owned(),
        Err(Error::Core(CoreError::Transport(tessera_core::transport::TransportError::NoService))) => "not running".to_owned(),
        Err(e) => format!("error: {e}"),
    };
    let readers: Vec<ReaderReport> = readers
        .unwrap_or_default()
        .into_iter()
        .map(|(r, pinpad)| ReaderReport { name: r.name, card_present: r.card_present, atr: tessera_core::apdu::hex(&r.atr), pinpad })
        .collect();
    let (card, card_error) = match conn.and_then(|mut c| Ok(tessera_core::service::overview(c.as_mut())?)) {
        Ok(o) => {
            let atr_bytes = tessera_core::card::detect::atr_from_hex(&o.atr).unwrap_or_default();
            (
                Some(CardReport {
                    decoded: CardIdentity::of(&atr_bytes).kind,
                    atr: o.atr.clone(),
                    card_type: o.card_type,
                    model: o.model.clone(),
                    model_note: o.model_note,
                    card_number: o.card_number.clone(),
                    holder: o.holder.clone().filter(|_| include_personal_data),
                    codice_fiscale: o.codice_fiscale.clone().filter(|_| include_personal_data),
                    pin_tries_left: o.pin_tries_left,
                    puk_tries_left: o.puk_tries_left,
                    cert_not_after: o.certificate.as_ref().map(|c| c.not_after.clone()),
                    cert_days_left: o.certificate.as_ref().map(|c| c.days_left),
                    simulated_card: o.simulated_card,
                }),
                None,
            )
        }
        Err(e) => (None, Some(crate::i18n::describe_error(&e, lang).what)),
    };
    let card_atr = card.as_ref().and_then(|c| tessera_core::card::detect::atr_from_hex(&c.atr).ok()).unwrap_or_default();
    let windows_card_driver = if demo { None } else { windows_card_driver(&card_atr) };
    let modules = vec![browser::tessera_module(), browser::opensc_module(), browser::cie_module()];
    let lib_for_card = card.as_ref().and_then(|c| browser::module_for(c.card_type).path).or_else(|| modules[0].path.clone());
    // Paths without the home folder: the report is read aloud and e-mailed.
    let browsers = browser::discover()
        .iter()
        .map(|db| {
            let mut st = browser::state(db, lib_for_card.as_deref());
            st.db.dir = without_home(&st.db.dir);
            st
        })
        .collect();
    let modules = modules.into_iter().map(|mut m| {
        m.path = m.path.as_deref().map(without_home);
        m
    });
    Report {
        app_version: env!("CARGO_PKG_VERSION"),
        os: os_description(),
        smart_card_service: service,
        readers,
        card,
        card_error,
        browsers,
        installed_browsers: installed_browsers(),
        pkcs11_modules: modules.collect(),
        windows_card_driver,
        created: jiff::ZonedDateTime::now().strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        last_errors: recent_errors(&errlog::recent()),
        personal_data_included: include_personal_data,
        demo,
    }
}

/// A plain-text rendering in the user's language (for reading out, or pasting into an e-mail).
pub fn to_text(r: &Report, lang: crate::i18n::Lang) -> String {
    use crate::i18n::fluent::{format, text};
    let t = |id: &str| text(lang, id);
    let mut s = String::new();
    let mut line = |k: &str, v: &str| s.push_str(&format!("{k}: {v}\n"));
    line("Tessera", r.app_version);
    // The report's own date and time, local, as the person and the helpdesk read a clock.
    let (day, time) = r.created.split_once('T').unwrap_or((&r.created, ""));
    line(t("report-created"), format!("{} {}", crate::i18n::long_date(lang, day), time.get(..5).unwrap_or_default()).trim_end());
    line(t("report-os"), &r.os);
    let service = match r.smart_card_service.as_str() {
        "running" => t("report-service-running"),
        "not running" => t("report-service-stopped"),
        s if s.starts_with("not used") => t("report-service-demo"),
        other => other,
    };
    line(t("report-service"), service);
    for rd in &r.readers {
        let pinpad = match rd.pinpad {
            Some(true) => t("report-pinpad-yes"),
            Some(false) => t("report-pinpad-no"),
            None => t("report-pinpad-unknown"),
        };
        let present = if rd.card_present { t("report-card-in") } else { t("report-no-card") };
        line(t("report-reader"), &format!("{} — {present} — {pinpad}", crate::i18n::reader_name(lang, &rd.name)));
        // The card's ATR is under the card; a card that could not be read has it here.
        if r.card.is_none() && !rd.atr.is_empty() {
            line("ATR", &rd.atr);
        }
    }
    match (&r.card, &r.card_error) {
        (Some(c), _) => {
            let simulated = if c.simulated_card || r.demo { format!(" {}", t("report-simulated")) } else { String::new() };
            line(t("report-card"), &format!("{} ({}){simulated}", c.card_type, crate::i18n::model_text(lang, &c.model, c.model_note)));
            line(t("report-card-number"), &c.card_number.as_deref().map_or_else(|| "-".to_owned(), crate::i18n::grouped));
            line("ATR", &c.atr);
            let n = |v: Option<u8>| v.map_or_else(|| t("report-unknown").to_owned(), |n| n.to_string());
            line(t("report-pin-tries"), &n(c.pin_tries_left));
            line(t("report-puk-tries"), &n(c.puk_tries_left));
            let until = c.cert_not_after.as_deref().map_or_else(|| "-".to_owned(), |d| crate::i18n::long_date(lang, d));
            let days = format(lang, "report-cert-days", &[("days", c.cert_days_left.unwrap_or(0).into())]);
            line(t("report-cert-until"), &format!("{until} ({days})"));
            if r.personal_data_included {
                line(t("report-holder"), c.holder.as_deref().unwrap_or("-"));
                line(t("report-codice-fiscale"), c.codice_fiscale.as_deref().unwrap_or("-"));
            } else {
                line(t("report-personal"), t("report-personal-left-out"));
            }
        }
        (None, Some(e)) => line(t("report-card"), e),
        (None, None) => line(t("report-card"), "-"),
    }
    if r.installed_browsers.is_empty() {
        line(t("report-browser-installed"), t("report-browser-not-found"));
    }
    for b in &r.installed_browsers {
        line(t("report-browser-installed"), &b.version);
    }
    for b in &r.browsers {
        let state = if b.registered { t("report-set-up") } else { t("report-not-set-up") };
        let open = if b.in_use { format!(" {}", t("report-open")) } else { String::new() };
        line(t("report-browser"), &format!("{:?} {} — {state}{open}", b.db.browser, b.db.name));
    }
    for m in &r.pkcs11_modules {
        line("PKCS#11", &format!("{}: {}", m.name, m.path.as_ref().map_or_else(|| t("report-not-installed").to_owned(), |p| p.display().to_string())));
    }
    if let Some(d) = &r.windows_card_driver {
        let v = match (&d.card_type, &d.driver) {
            (Some(name), Some(dll)) => format!("{name} — {dll}"),
            (Some(name), None) => name.clone(),
            (None, _) => t("report-windows-no-driver").to_owned(),
        };
        line(t("report-windows-driver"), &v);
    }
    for e in &r.last_errors {
        let times = if e.count > 1 { format!(" ({})", format(lang, "report-error-times", &[("count", e.count.into())])) } else { String::new() };
        line(t("report-recent-error"), &format!("{} — {}{times}", e.last, e.message));
    }
    s
}

/// The browsers installed and their versions, as each says it: `--version` on Linux,
/// the registry on Windows, the bundle's Info.plist on macOS. A browser that does not answer
/// within two seconds is left out.
pub fn installed_browsers() -> Vec<InstalledBrowser> {
    #[cfg(target_os = "linux")]
    const CANDIDATES: &[(&str, &[&str])] = &[
        ("Firefox", &["firefox", "--version"]),
        ("Firefox", &["firefox-esr", "--version"]),
        ("Chromium", &["chromium", "--version"]),
        ("Chromium", &["chromium-browser", "--version"]),
        ("Google Chrome", &["google-chrome", "--version"]),
        ("Microsoft Edge", &["microsoft-edge", "--version"]),
    ];
    #[cfg(windows)]
    const CANDIDATES: &[(&str, &[&str])] = &[
        ("Firefox", &["reg", "query", r"HKLM\SOFTWARE\Mozilla\Mozilla Firefox", "/v", "CurrentVersion"]),
        ("Google Chrome", &["reg", "query", r"HKCU\Software\Google\Chrome\BLBeacon", "/v", "version"]),
        ("Microsoft Edge", &["reg", "query", r"HKCU\Software\Microsoft\Edge\BLBeacon", "/v", "version"]),
    ];
    #[cfg(target_os = "macos")]
    const CANDIDATES: &[(&str, &[&str])] = &[
        ("Firefox", &["defaults", "read", "/Applications/Firefox.app/Contents/Info", "CFBundleShortVersionString"]),
        ("Google Chrome", &["defaults", "read", "/Applications/Google Chrome.app/Contents/Info", "CFBundleShortVersionString"]),
        ("Microsoft Edge", &["defaults", "read", "/Applications/Microsoft Edge.app/Contents/Info", "CFBundleShortVersionString"]),
    ];
    #[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
    const CANDIDATES: &[(&str, &[&str])] = &[];
    let mut found: Vec<InstalledBrowser> = Vec::new();
    for (name, cmd) in CANDIDATES {
        let Some(out) = run_briefly(cmd) else { continue };
        // Linux: the first line ("Mozilla Firefox 128.5.0esr"); Windows: the value after
        // REG_SZ; macOS: the version alone.
        let line = out.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
        let version = match out.lines().find_map(|l| l.split_once("REG_SZ")) {
            Some((_, v)) => format!("{name} {}", v.trim()),
            None if cfg!(target_os = "macos") => format!("{name} {line}"),
            None => line.to_owned(),
        };
        if !version.is_empty() && !found.iter().any(|b| b.version == version) {
            found.push(InstalledBrowser { name, version });
        }
    }
    found
}

/// Runs a command found on the PATH and returns what it printed, if it ends well within two
/// seconds (it is killed otherwise).
fn run_briefly(cmd: &[&str]) -> Option<String> {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let found = std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(cmd[0]).is_file() || d.join(format!("{}.exe", cmd[0])).is_file()));
    if !found {
        return None;
    }
    let mut child = Command::new(cmd[0]).args(&cmd[1..]).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().ok()?;
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => break,
            Ok(Some(_)) | Err(_) => return None,
            Ok(None) if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    let mut out = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take()?, &mut out).ok()?;
    Some(out)
}

/// Saves a report in `dir` under a name no other file has (tessera-rapporto.txt, then
/// tessera-rapporto-2.txt, …): an earlier report is never overwritten.
pub fn save_new(dir: &std::path::Path, text: &str) -> Result<std::path::PathBuf, crate::Error> {
    use tessera_files::atomic::{Existing, write};
    let mut n = 1;
    loop {
        let name = if n == 1 { "tessera-rapporto.txt".to_owned() } else { format!("tessera-rapporto-{n}.txt") };
        let path = dir.join(name);
        match write(&path, text.as_bytes(), Existing::Refuse) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 99 => n += 1,
            Err(source) => return Err(crate::Error::Core(tessera_core::Error::Io { path: path.display().to_string(), source })),
        }
    }
}

/// The last errors, kept in a small log file so a helpdesk report can show them.
pub mod errlog {
    use super::PathBuf;

    const KEEP: usize = 20;

    fn path() -> Option<PathBuf> {
        let dir = std::env::var_os("TESSERA_DATA_DIR").map(PathBuf::from).or_else(|| dirs::data_local_dir().map(|d| d.join("tessera")))?;
        Some(dir.join("errors.log"))
    }

    /// Appends an error (an id and its message; never any input the user typed). The file is
    /// locked while it is read and rewritten, so concurrent failures (the window, the CLI and
    /// the PKCS#11 module at once) all keep their entry; it holds the last 20.
    pub fn record(id: &str, message: &str) {
        let Some(p) = path() else { return };
        if let Some(dir) = p.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = append_locked(&p, id, message);
    }

    fn append_locked(p: &std::path::Path, id: &str, message: &str) -> std::io::Result<()> {
        use std::io::{Read, Seek, Write};
        let mut f = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(p)?;
        f.lock()?;
        let mut raw = Vec::new();
        f.read_to_end(&mut raw)?;
        // Tolerant of a file someone else wrote: invalid UTF-8 is replaced, never an error.
        let text = String::from_utf8_lossy(&raw);
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        // "YYYY-MM-DD HH:MM" from the shared RFC 3339 text.
        let stamp = tessera_core::cert::now_rfc3339().get(..16).unwrap_or_default().replace('T', " ");
        let one_line: String = message.chars().map(|c| if c.is_control() { ' ' } else { c }).take(500).collect();
        lines.push(format!("{stamp} UTC {id}: {one_line}"));
        let start = lines.len().saturating_sub(KEEP);
        let out = lines[start..].join("\n") + "\n";
        f.set_len(0)?;
        f.seek(std::io::SeekFrom::Start(0))?;
        f.write_all(out.as_bytes())?;
        f.sync_all()
    }

    /// The most recent errors, oldest first.
    pub fn recent() -> Vec<String> {
        path()
            .and_then(|p| std::fs::read(p).ok())
            .map(|b| String::from_utf8_lossy(&b).lines().map(str::to_owned).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;

    #[test]
    fn the_log_is_grouped_and_in_local_time() {
        let log: Vec<String> = ["2026-12-04 23:22 UTC no_service: A.", "2026-12-04 23:23 UTC card_busy: B.", "2026-12-04 23:24 UTC no_service: A.", "odd line"]
            .map(String::from)
            .to_vec();
        let r = recent_errors(&log);
        assert_eq!(r.iter().map(|e| (e.id.as_str(), e.count)).collect::<Vec<_>>(), [("card_busy", 1), ("no_service", 2), ("", 1)]);
        assert_eq!(r[1].last.len(), "2026-12-04 23:24".len(), "a local time, without UTC: {}", r[1].last);
        assert_eq!(r[2].message, "odd line");
    }

    #[test]
    fn home_paths_become_tilde() {
        let home = browser::home().expect("a home folder");
        assert_eq!(without_home(&home.join(".mozilla/firefox/x.default")), Path::new("~/.mozilla/firefox/x.default"));
        assert_eq!(without_home(Path::new("/usr/lib/x.so")), Path::new("/usr/lib/x.so"));
    }
}

#[cfg(test)]
mod windows_driver_tests {
    use super::*;

    /// `reg query … /s` as Windows (and Wine) print it.
    const REG: &str = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\\Calais\\SmartCards\\Other Vendor CNS\r\n    ATR    REG_BINARY    3BFF0000008131000000\r\n    ATRMask    REG_BINARY    FFFF000000FFFF000000\r\n    80000001    REG_SZ    vendor.dll\r\n\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\\Calais\\SmartCards\\Tessera CIE NXP\r\n    ATR    REG_BINARY    3B8F8001\r\n    ATRMask    REG_BINARY    FFFFFFFF\r\n    80000001    REG_SZ    C:\\Program Files\\Tessera\\tessera_minidriver.dll\r\n";

    #[test]
    fn the_registered_driver_is_found_by_atr_and_mask() {
        let d = windows_driver_for(REG, &[0x3B, 0x8F, 0x80, 0x01]);
        assert_eq!(d.card_type.as_deref(), Some("Tessera CIE NXP"));
        assert_eq!(d.driver.as_deref(), Some("C:\\Program Files\\Tessera\\tessera_minidriver.dll"));
        let other = windows_driver_for(REG, &[0x3B, 0xFF, 0x18, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x55, 0x00]);
        assert_eq!(other.driver.as_deref(), Some("vendor.dll"), "another middleware claims it");
        assert_eq!(windows_driver_for(REG, &[0x3B, 0x00]), WindowsDriver { card_type: None, driver: None });
    }
}
