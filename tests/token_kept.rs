//! A token keeps the card it read for its login: on a CIE the secure session of the read goes
//! on into the login (one key agreement and device authentication per token), and a kept
//! session that broke in between is replaced before anything secret is sent.

use tessera_core::service::token;
use tessera_sim::{Preset, SimCard};
use tessera_testkit::{PIN, pin};

#[test]
fn a_cie_token_authenticates_once_for_read_login_and_signature() {
    let card = SimCard::cie(Preset::Fresh);
    let mut conn = card.connect().expect("connect");
    let (_, kept) = token::read(&mut conn).expect("read");
    let read = card.counters().ins_log.clone();
    let (mut session, _) = token::login(&mut conn, Some(kept), &pin(PIN)).expect("login");
    let login: Vec<u8> = card.counters().ins_log[read.len()..].to_vec();
    assert!(!login.contains(&0x82), "no second device authentication: {login:02X?}");
    let di = [0x30u8, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]
        .iter()
        .copied()
        .chain([0x5A; 32])
        .collect::<Vec<_>>();
    token::sign(&mut conn, &mut session, token::SignInput::DigestInfo(&di), 2048).expect("sign");
    assert_eq!(card.counters().pin_tries, 1);
}

/// The same through pcscd + vpcd.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn through_pcscd_the_cie_token_authenticates_once() {
    let tb = tessera_testkit::Testbed::cie(Preset::Fresh);
    let mut conn = tb.connect();
    let (_, kept) = token::read(&mut conn).expect("read");
    let read = tb.card.counters().ins_log.len();
    let (_session, _) = token::login(&mut conn, Some(kept), &pin(PIN)).expect("login");
    let login: Vec<u8> = tb.card.counters().ins_log[read..].to_vec();
    assert!(!login.contains(&0x82), "no second device authentication: {login:02X?}");
}

/// A kept session that another program replaced in between (its own key agreement) is found
/// dead by the login's first command, which sends nothing secret; a new one is opened and the
/// login goes on: one PIN sent, no try lost.
#[test]
fn a_kept_session_broken_in_between_is_replaced_before_the_pin() {
    let card = SimCard::cie(Preset::Fresh);
    let mut conn = card.connect().expect("connect");
    let (_, kept) = token::read(&mut conn).expect("read");
    // Another program's read opens its own secure session on the card.
    let other = card.clone();
    std::thread::spawn(move || {
        let mut c = other.connect_shared().expect("second connection");
        tessera_core::service::overview(&mut c).expect("other program's read");
    })
    .join()
    .expect("other");
    let before = card.counters().ins_log.len();
    let (_session, login) = token::login(&mut conn, Some(kept), &pin(PIN)).expect("login");
    let ins: Vec<u8> = card.counters().ins_log[before..].to_vec();
    assert!(ins.contains(&0x82), "a new device authentication: {ins:02X?}");
    assert_eq!(card.counters().pin_tries, 1, "one PIN, sent once, in the new session");
    assert_eq!(login.pin, tessera_core::card::TriesLeft::Known(3));
}
