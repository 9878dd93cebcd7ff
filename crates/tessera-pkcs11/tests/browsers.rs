//! Real browsers log in with the simulated card through Tessera's module: headless Chromium
//! (Debian `chromium`) and headless Firefox ESR (`firefox-esr`, driven over Marionette) open
//! `https://127.0.0.1:…` on an `openssl s_server` that requires a client certificate from the
//! simulator's CA, and the test reads the page the server returns (protocol, client certificate).
//!
//! A headless browser cannot type a PIN: these tests load the module built with the test-only
//! `test-autologin` feature (cargo xtask test builds it into target/autologin), which logs in
//! with TESSERA_PKCS11_TEST_PIN when a session opens. Release builds never have it.
//! A missing browser is a failure, not a skip.

mod support;

use tessera_testkit::{PIN, Testbed};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{nss_db_with, server};
use tessera_sim::Preset;

/// The module with the test-only auto-login (target/autologin/<profile>/).
fn autologin_module() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary");
    // target/<profile>/deps/<test> → target/
    let target = exe.ancestors().nth(3).expect("target dir");
    let name = format!("{}tessera_pkcs11{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    let p = target.join("autologin").join("debug").join(name);
    assert!(
        p.exists(),
        "{} is missing: build it with `cargo build -p tessera-pkcs11 --features test-autologin --target-dir target/autologin` (cargo xtask test does)",
        p.display()
    );
    p
}

fn browser(name: &str) -> PathBuf {
    let p = Path::new("/usr/bin").join(name);
    assert!(p.exists(), "{name} is not installed (apt-get install {name}): a missing browser is a failure");
    p
}

/// Kills the browser (and its children, by process group) when the test ends.
struct Browser(Child);

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = Command::new("pkill").args(["-KILL", "-g", &self.0.id().to_string()]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_in_own_group(cmd: &mut Command) -> Browser {
    use std::os::unix::process::CommandExt;
    Browser(cmd.process_group(0).spawn().unwrap_or_else(|e| panic!("{cmd:?}: {e}")))
}

/// The machine-wide Chromium policy the test needs (auto-select the card's certificate for the
/// test server); removed when the test ends.
struct Policy(PathBuf);

impl Drop for Policy {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn headless_chromium_logs_in_with_the_card() {
    let chromium = browser("chromium");
    let module = autologin_module();
    let tb = Testbed::cps(Preset::Fresh);
    let tmp = tempfile::tempdir().expect("temp dir");
    let home = tmp.path();
    let _srv = server(home, 8445, "-tls1_3");
    // Chromium's NSS database on Linux: $HOME/.pki/nssdb.
    std::fs::create_dir_all(home.join(".pki")).expect("mkdir");
    nss_db_with(home, &module);
    std::fs::rename(home.join("nssdb"), home.join(".pki/nssdb")).expect("move db");
    let dir = Path::new("/etc/chromium/policies/managed");
    std::fs::create_dir_all(dir).expect("policy dir");
    let policy = Policy(dir.join("tessera-test-client-cert.json"));
    let rule = json!({"pattern": "https://127.0.0.1:8445", "filter": {"ISSUER": {"CN": "Tessera Simulated CNS CA - NOT A REAL CA"}}});
    std::fs::write(&policy.0, json!({"AutoSelectCertificateForUrls": [rule.to_string()]}).to_string()).expect("policy");

    let started = Instant::now();
    let mut b = spawn_in_own_group(
        Command::new(chromium)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--ignore-certificate-errors",
                "--dump-dom",
            ])
            .arg(format!("--user-data-dir={}", home.join("chromium").display()))
            .arg("https://127.0.0.1:8445/")
            .env("HOME", home)
            .env("TESSERA_PKCS11_TEST_PIN", PIN)
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
    let page = read_until(&mut b.0, "</pre>", Duration::from_secs(90));
    eprintln!("headless Chromium login with the CPS: {} ms", started.elapsed().as_millis());
    assert!(page.contains("TLSv1.3"), "Chromium's page: {page}");
    assert!(page.contains("SMPMRA85C55L378I"), "the server saw the card's certificate: {page}");
    assert_eq!(tb.card.pin_tries_left(), 3);
}

/// Reads the child's stdout until `marker` appears (or the deadline).
fn read_until(child: &mut Child, marker: &str, limit: Duration) -> String {
    let mut out = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + limit;
    let mut page = String::new();
    while !page.contains(marker) && Instant::now() < deadline {
        if let Ok(chunk) = rx.recv_timeout(Duration::from_millis(200)) {
            page.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
    page
}

/// A minimal Marionette client (Firefox's remote protocol: `length:json` frames).
struct Marionette {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    id: u64,
}

impl Marionette {
    fn connect(port: u16, limit: Duration) -> Self {
        let deadline = Instant::now() + limit;
        let stream = loop {
            match TcpStream::connect(("127.0.0.1", port)) {
                Ok(s) => break s,
                Err(e) => {
                    assert!(Instant::now() < deadline, "Marionette did not start: {e}");
                    std::thread::sleep(Duration::from_millis(200));
                }
            }
        };
        stream.set_read_timeout(Some(Duration::from_secs(90))).expect("timeout");
        let mut m = Marionette { reader: BufReader::new(stream.try_clone().expect("clone")), writer: stream, id: 0 };
        let hello = m.frame();
        assert_eq!(hello["applicationType"], "gecko", "{hello}");
        m
    }

    fn frame(&mut self) -> Value {
        let mut len = Vec::new();
        self.reader.read_until(b':', &mut len).expect("frame length");
        let n: usize = String::from_utf8_lossy(&len[..len.len() - 1]).parse().expect("length");
        let mut body = vec![0u8; n];
        self.reader.read_exact(&mut body).expect("frame body");
        serde_json::from_slice(&body).expect("json")
    }

    fn call(&mut self, command: &str, params: Value) -> Value {
        self.id += 1;
        let msg = json!([0, self.id, command, params]).to_string();
        write!(self.writer, "{}:{}", msg.len(), msg).expect("send");
        loop {
            let r = self.frame();
            if r[1] == self.id {
                assert!(r[2].is_null(), "{command}: {}", r[2]);
                return r[3].clone();
            }
        }
    }
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn headless_firefox_logs_in_with_the_card() {
    let firefox = browser("firefox-esr");
    let module = autologin_module();
    let tb = Testbed::cps(Preset::Fresh);
    let tmp = tempfile::tempdir().expect("temp dir");
    let home = tmp.path();
    let _srv = server(home, 8446, "-tls1_3");
    // A Firefox profile is an NSS database plus preferences.
    let db = nss_db_with(home, &module);
    let profile = home.join("nssdb");
    // The test server's CA, trusted in this profile only.
    support::run(Command::new("certutil").args(["-A", "-d", &db, "-n", "tessera-test-server-ca", "-t", "C,,", "-i"]).arg(home.join("srv-ca.pem")));
    let port = 28_446;
    let prefs = [
        ("security.default_personal_cert", json!("Select Automatically")),
        ("marionette.port", json!(port)),
        ("browser.shell.checkDefaultBrowser", json!(false)),
        ("datareporting.policy.dataSubmissionEnabled", json!(false)),
        ("toolkit.telemetry.reportingpolicy.firstRun", json!(false)),
        ("browser.startup.homepage_override.mstone", json!("ignore")),
        ("app.update.disabledForTesting", json!(true)),
        ("network.connectivity-service.enabled", json!(false)),
        ("network.captive-portal-service.enabled", json!(false)),
    ];
    let user_js: String = prefs.iter().map(|(k, v)| format!("user_pref(\"{k}\", {v});\n")).collect();
    std::fs::write(profile.join("user.js"), user_js).expect("user.js");

    let started = Instant::now();
    let _b = spawn_in_own_group(
        Command::new(firefox)
            .args(["--headless", "--marionette", "--no-remote", "--profile"])
            .arg(&profile)
            .arg("about:blank")
            .env("HOME", home)
            .env("MOZ_HEADLESS", "1")
            .env("TESSERA_PKCS11_TEST_PIN", PIN)
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let mut m = Marionette::connect(port, Duration::from_secs(60));
    m.call("WebDriver:NewSession", json!({"capabilities": {"acceptInsecureCerts": true}}));
    m.call("WebDriver:Navigate", json!({"url": "https://127.0.0.1:8446/"}));
    let page = m.call("WebDriver:GetPageSource", json!({}))["value"].as_str().unwrap_or_default().to_owned();
    eprintln!("headless Firefox login with the CPS: {} ms", started.elapsed().as_millis());
    assert!(page.contains("TLSv1.3"), "Firefox's page: {page}");
    assert!(page.contains("SMPMRA85C55L378I"), "the server saw the card's certificate: {page}");
    assert_eq!(tb.card.pin_tries_left(), 3);
}
