//! Times a PKCS#11 module the way a browser uses it: C_Initialize → slot → session → login →
//! find the key → first signature, then a second signature in the same session.
//! Usage: pkcs11-bench MODULE [MARK]   (the PIN on stdin, never in argv; prints milliseconds;
//! APDUs are counted by the card. MARK: a file created between the two signatures, and waited
//! on until the caller removes it.)

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, ObjectClass};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let module = args.next().ok_or("usage: pkcs11-bench MODULE [MARK] (PIN on stdin)")?;
    let mut pin = String::new();
    std::io::stdin().read_line(&mut pin)?;
    let pin = pin.trim().to_owned();
    let mark = args.next();
    let t0 = Instant::now();
    let p = Pkcs11::new(&module)?;
    p.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))?;
    let slot = *p.get_slots_with_token()?.first().ok_or("no token")?;
    let s = p.open_ro_session(slot)?;
    s.login(UserType::User, Some(&AuthPin::from(pin)))?;
    let key = *s.find_objects(&[Attribute::Class(ObjectClass::PRIVATE_KEY), Attribute::Sign(true)])?.first().ok_or("no key")?;
    // A SHA-256 DigestInfo, as TLS 1.2 signs.
    let mut di = vec![0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
    di.extend_from_slice(&[0x5A; 32]);
    s.sign(&Mechanism::RsaPkcs, key, &di)?;
    let first = t0.elapsed();
    if let Some(m) = &mark {
        // Lets the caller read the card's APDU count between the two signatures.
        std::fs::write(m, "")?;
        while std::path::Path::new(m).exists() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
    let t1 = Instant::now();
    s.sign(&Mechanism::RsaPkcs, key, &di)?;
    let second = t1.elapsed();
    println!("{:.1} {:.1}", first.as_secs_f64() * 1000.0, second.as_secs_f64() * 1000.0);
    Ok(())
}
