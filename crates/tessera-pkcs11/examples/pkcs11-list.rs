//! A small PKCS#11 client, built for every OS (the Windows run under Wine uses it, since Debian
//! ships no Windows pkcs11-tool): loads MODULE, lists the slots and their tokens and the token's
//! objects, then, when a PIN comes on stdin, logs in and signs once.
//! Usage: pkcs11-list MODULE [< pin]   (the PIN never goes in the arguments)

use std::io::Read;

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, ObjectClass};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;
use zeroize::Zeroizing;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let module = std::env::args().nth(1).ok_or("usage: pkcs11-list MODULE [< pin]")?;
    let pkcs11 = Pkcs11::new(&module)?;
    pkcs11.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))?;
    let info = pkcs11.get_library_info()?;
    println!("library: {} ({})", info.library_description(), info.manufacturer_id());
    let slots = pkcs11.get_all_slots()?;
    println!("slots: {}", slots.len());
    for slot in &slots {
        println!("slot {}: {}", slot.id(), pkcs11.get_slot_info(*slot)?.slot_description());
    }
    let slot = *pkcs11.get_slots_with_token()?.first().ok_or("no token in any slot")?;
    let token = pkcs11.get_token_info(slot)?;
    println!("token: label {:?}, serial {:?}, model {:?}", token.label(), token.serial_number(), token.model());
    let session = pkcs11.open_ro_session(slot)?;
    for object in session.find_objects(&[])? {
        let attributes = session.get_attributes(object, &[AttributeType::Class, AttributeType::Label])?;
        let (mut class, mut label) = (String::new(), String::new());
        for attribute in attributes {
            match attribute {
                Attribute::Class(c) => class = c.to_string(),
                Attribute::Label(l) => label = String::from_utf8_lossy(&l).into_owned(),
                _ => {}
            }
        }
        println!("object: {class} {label:?}");
    }

    let mut pin = Zeroizing::new(String::new());
    std::io::stdin().read_to_string(&mut pin)?;
    let pin = pin.trim_end_matches(['\r', '\n']);
    if pin.is_empty() {
        return Ok(());
    }
    session.login(UserType::User, Some(&AuthPin::from(pin.to_owned())))?;
    let key = *session
        .find_objects(&[Attribute::Class(ObjectClass::PRIVATE_KEY), Attribute::Sign(true)])?
        .first()
        .ok_or("no signing key")?;
    // A SHA-256 DigestInfo, as TLS 1.2 client authentication signs.
    let mut digest_info = vec![0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
    digest_info.extend_from_slice(&[0x5A; 32]);
    let signature = session.sign(&Mechanism::RsaPkcs, key, &digest_info)?;
    println!("signed: {} bytes", signature.len());
    Ok(())
}
