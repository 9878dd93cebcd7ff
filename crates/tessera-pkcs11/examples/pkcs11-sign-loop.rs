//! One browser's worth of PKCS#11 work, as its own process: C_Initialize → session → C_Login →
//! N signatures (each a new session, as a browser opens one per TLS handshake) → C_Finalize.
//! Usage: pkcs11-sign-loop MODULE N [--pause FILE]
//! The PIN is read from stdin; like a browser, when a signature answers CKR_USER_NOT_LOGGED_IN
//! it logs in again with the next line of stdin and signs once more. `--pause FILE`: after the
//! first signature, creates FILE and waits until it is removed (the caller acts on the card
//! meanwhile). Prints "signed N", or the failing call.
//!
//! The module tests run two of these at once against one card (two browsers sharing it), and
//! one that meets a PIN changed by another program.

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::RvError;
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, ObjectClass};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;

fn main() {
    if let Err(e) = run() {
        println!("{e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let module = args.next().ok_or("usage: pkcs11-sign-loop MODULE N (PIN on stdin)")?;
    let n: u32 = args.next().and_then(|n| n.parse().ok()).ok_or("N: a number of signatures")?;
    let pause = match args.next().as_deref() {
        Some("--pause") => Some(args.next().ok_or("--pause FILE")?),
        Some(other) => return Err(format!("unknown argument {other}")),
        None => None,
    };
    let pin = next_pin()?;

    let p = Pkcs11::new(&module).map_err(|e| format!("load: {e}"))?;
    p.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)).map_err(|e| format!("C_Initialize: {e}"))?;
    let slot = *p.get_slots_with_token().map_err(|e| format!("C_GetSlotList: {e}"))?.first().ok_or("no token")?;
    let login = p.open_ro_session(slot).map_err(|e| format!("C_OpenSession (login): {e}"))?;
    login.login(UserType::User, Some(&pin)).map_err(|e| format!("C_Login: {e}"))?;
    // A SHA-256 DigestInfo, as TLS 1.2 signs.
    let mut di = vec![0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
    di.extend_from_slice(&[0x5A; 32]);
    for i in 0..n {
        if i == 1
            && let Some(file) = &pause
        {
            std::fs::write(file, "").map_err(|e| format!("{file}: {e}"))?;
            while std::path::Path::new(file).exists() {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        }
        let s = p.open_ro_session(slot).map_err(|e| format!("signature {i}: C_OpenSession: {e}"))?;
        let key = |s: &cryptoki::session::Session| -> Result<_, String> {
            Ok(*s
                .find_objects(&[Attribute::Class(ObjectClass::PRIVATE_KEY), Attribute::Sign(true)])
                .map_err(|e| format!("signature {i}: C_FindObjects: {e}"))?
                .first()
                .ok_or(format!("signature {i}: no key"))?)
        };
        match s.sign(&Mechanism::RsaPkcs, key(&s)?, &di) {
            Ok(_) => {}
            Err(cryptoki::error::Error::Pkcs11(RvError::UserNotLoggedIn, _)) => {
                // As NSS and Chromium do: ask for the PIN again, log in, sign again.
                println!("signature {i}: asked for the PIN again");
                login.login(UserType::User, Some(&next_pin()?)).map_err(|e| format!("C_Login again: {e}"))?;
                s.sign(&Mechanism::RsaPkcs, key(&s)?, &di).map_err(|e| format!("signature {i} after the new login: C_Sign: {e}"))?;
            }
            Err(e) => return Err(format!("signature {i}: C_Sign: {e}")),
        }
    }
    drop(login);
    p.finalize().map_err(|e| format!("C_Finalize: {e}"))?;
    println!("signed {n}");
    Ok(())
}

/// The next line of stdin: the PIN "typed" into the browser's dialog.
fn next_pin() -> Result<AuthPin, String> {
    let mut pin = String::new();
    match std::io::stdin().read_line(&mut pin) {
        Ok(0) => Err("no PIN left on stdin".into()),
        Ok(_) => Ok(AuthPin::from(pin.trim().to_owned())),
        Err(e) => Err(format!("stdin: {e}")),
    }
}
