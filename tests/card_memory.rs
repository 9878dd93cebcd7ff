//! Public CIE data remembered between processes (`card::cie::memory`), with a store installed
//! as the app and the module install theirs: the second read of a card does not read its
//! certificate again (its first bytes are checked) nor EF.SOD; a card whose certificate changed
//! is read again; another chip key finds nothing; a verdict is tied to the set of anchors.

use std::collections::HashMap;
use std::sync::Mutex;
use tessera_core::card::cie::memory;
use tessera_core::service::{self, ChangePin};
use tessera_sim::{Preset, SimCard};
use tessera_testkit::{PIN, pin};

static RECORDS: Mutex<Option<HashMap<String, Vec<u8>>>> = Mutex::new(None);

fn install() {
    memory::install(Box::new((
        |k: &str| RECORDS.lock().expect("lock").as_ref().and_then(|m| m.get(k).cloned()),
        |k: &str, b: &[u8]| {
            RECORDS.lock().expect("lock").get_or_insert_with(HashMap::new).insert(k.to_owned(), b.to_vec());
        },
    )));
}

/// Reads of EF.CertCIE (SELECT 1003 under SM shows only as A4; count READ BINARY instead).
fn reads(card: &SimCard) -> usize {
    card.counters().ins_log.iter().filter(|&&i| i == 0xB0).count()
}

#[test]
fn the_second_read_remembers_the_certificate_and_the_sod_verdict_and_checks_them() {
    install();
    let card = SimCard::cie(Preset::Fresh);
    let first = service::overview(&mut card.connect().expect("connect")).expect("overview");
    let cold = reads(&card);
    card.reset_counters();
    let second = service::overview(&mut card.connect().expect("connect")).expect("overview");
    let warm = reads(&card);
    assert_eq!(second.certificate_der, first.certificate_der, "the same certificate");
    assert!(warm + 4 <= cold, "the certificate is not read again: {cold} reads, then {warm}");

    // A PIN operation checks EF.SOD once, then remembers the verdict for this card.
    let change = |card: &SimCard, new: &str| {
        let mut c = card.connect().expect("connect");
        service::change_pin(&mut c, ChangePin { current: pin(PIN), new: pin(new), confirm_last_try: false })
    };
    card.reset_counters();
    change(&card, "58209749").expect("change");
    let with_sod = reads(&card);
    card.reset_counters();
    let mut c = card.connect().expect("connect");
    service::change_pin(&mut c, ChangePin { current: pin("58209749"), new: pin(PIN), confirm_last_try: false }).expect("back");
    let without_sod = reads(&card);
    assert!(without_sod + 5 <= with_sod, "EF.SOD is not read again: {with_sod} reads, then {without_sod}");

    // Another certificate on a card with the same chip key and number (renewed): read again.
    let renewed = SimCard::cie(Preset::CertExpired);
    let o = service::overview(&mut renewed.connect().expect("connect")).expect("overview");
    assert_eq!(o.certificate_der.as_deref(), Some(&renewed.certificate_der()[..]), "the card's own certificate, not the remembered one");
    assert_ne!(o.certificate_der, first.certificate_der);

    // A forged chip key finds no verdict: EF.SOD is checked, and the card refused.
    let forged = SimCard::cie(Preset::Fresh);
    forged.forge_cie_chip_key();
    let mut c = forged.connect().expect("connect");
    let e = service::change_pin(&mut c, ChangePin { current: pin(PIN), new: pin("58209749"), confirm_last_try: false }).expect_err("forged");
    assert!(matches!(e, tessera_core::Error::CardNotAuthentic), "{e:?}");
    assert_eq!(forged.counters().pin_tries, 0);
}
