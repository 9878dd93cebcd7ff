//! Real TLS client authentication through the module: `openssl s_server` asks for a client
//! certificate issued by the simulator's CA (`-Verify 1 -verify_return_error`), and NSS's
//! `tstclnt`, with only Tessera's module in its database, completes the handshake with the
//! simulated card: TLS 1.3 (RSA-PSS) with a CNS card, TLS 1.2 (PKCS#1) with the CIE. The page
//! the server returns names the protocol and the card's certificate.


mod support;

use tessera_testkit::{PIN, Testbed};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{nss_db, server};
use tessera_sim::Preset;

/// tstclnt with the card's certificate; returns the page the server sent. tstclnt keeps
/// polling its closed stdin after the server hangs up, so it is ended once the page is complete.
fn tstclnt(db: &str, port: u16, nickname: &str, versions: &str) -> String {
    use std::io::Read;
    let mut child = Command::new("tstclnt")
        .env("TESSERA_ALLOW_SIMULATED_CARD", "1")
        .args(["-4", "-o", "-h", "127.0.0.1", "-p", &port.to_string(), "-d", db, "-n", nickname, "-w", PIN, "-V", versions])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tstclnt");
    child.stdin.take().expect("stdin").write_all(b"GET / HTTP/1.0\r\n\r\n").expect("request");
    let page = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let mut out = child.stdout.take().expect("stdout");
    let sink = page.clone();
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().expect("page").push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let done = page.lock().expect("page").contains("</HTML>");
        let exited = child.try_wait().expect("tstclnt status").is_some();
        if done || exited || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let status = child.wait().expect("tstclnt");
    let _ = reader.join();
    let mut err = String::new();
    let _ = child.stderr.take().expect("stderr").read_to_string(&mut err);
    let page = page.lock().expect("page").clone();
    assert!(page.contains("</HTML>"), "no page from the server (tstclnt {status}): {page}\n{err}");
    page
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn tls13_client_auth_with_a_cns_card() {
    let tb = Testbed::cps(Preset::Fresh);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let _srv = server(dir, 8443, "-tls1_3");
    let db = nss_db(dir);
    let started = Instant::now();
    let page = tstclnt(&db, 8443, "MARIA ESEMPIO (CPS):CPS authentication", "tls1.3:tls1.3");
    eprintln!("TLS 1.3 handshake with the CPS: {} ms", started.elapsed().as_millis());
    assert!(page.contains("TLSv1.3"), "{page}");
    assert!(page.contains("SMPMRA85C55L378I"), "the server saw the card's certificate: {page}");
    assert_eq!(tb.card.pin_tries_left(), 3);
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn tls12_client_auth_with_the_cie() {
    let tb = Testbed::cie(Preset::Fresh);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let _srv = server(dir, 8444, "-tls1_2");
    let db = nss_db(dir);
    let page = tstclnt(&db, 8444, "MARIA ESEMPIO (CIE):CIE authentication", "tls1.2:tls1.2");
    assert!(page.contains("TLSv1.2"), "{page}");
    assert!(page.contains("MARIA"), "the server saw the card's certificate: {page}");
    assert_eq!(tb.card.pin_tries_left(), 3);
}
