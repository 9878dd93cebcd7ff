//! The CIE's chip key tied to the authority chain through EF.SOD: a forged card (another chip
//! key than the one its EF.SOD lists) gets no PIN; a card whose chip key is bound to nothing is
//! let through only while no national CSCA certificate is installed. One test per binary state:
//! the national-anchor folder comes from the environment.

use tessera_testkit::*;
use tessera_core::Error;
use tessera_core::secret::Pin;
use tessera_core::service::{self, ChangePin};
use tessera_sim::{Preset, SimCard};

fn change(card: &SimCard) -> Result<service::PinOutcome, Error> {
    let p = |s: &str| Pin::parse(s.into(), tessera_core::card::cie::PIN_RULE).expect("pin");
    service::change_pin(&mut card.connect().expect("connect"), ChangePin { current: p(PIN), new: p("58209749"), confirm_last_try: false })
}

#[test]
fn the_chip_key_must_be_the_one_ef_sod_lists() {
    // Genuine simulated card: EF.SOD chains to the test CSCA and lists its chip key.
    let genuine = SimCard::cie(Preset::Fresh);
    change(&genuine).expect("genuine card");
    assert!(genuine.pin_is("58209749"));

    // Forged: the chip proves a key of its own, EF.SOD (signed, chained) lists another.
    let forged = SimCard::cie(Preset::Fresh);
    forged.forge_cie_chip_key();
    // Reading it is harmless…
    assert!(service::overview(&mut forged.connect().expect("connect")).is_ok());
    // …but it gets no PIN.
    let e = change(&forged).expect_err("forged");
    assert!(matches!(e, Error::CardNotAuthentic), "{e:?}");
    assert_eq!(forged.counters().pin_tries, 0, "no PIN reached the forged card");

    // No EF.SOD and no national CSCA installed: let through (reported as unverified). (Another
    // chip key than the genuine card's: a key once verified is remembered for the process.)
    assert!(std::env::var_os("TESSERA_CSCA_DIR").is_none());
    let unbound = SimCard::cie(Preset::Fresh);
    unbound.forge_cie_chip_key();
    unbound.remove_cie_sod();
    change(&unbound).expect("unverified card without national anchors");

    // With a national CSCA installed, a card that does not chain to it gets no PIN.
    let dir = tempfile::tempdir().expect("tmp");
    let some_national = tessera_sim::keys::ca_certificate().expect("an RSA certificate");
    std::fs::write(dir.path().join("csca.der"), some_national).expect("anchor");
    // SAFETY: this test binary has this single test; nothing else reads the environment now.
    unsafe { std::env::set_var("TESSERA_CSCA_DIR", dir.path()) };
    let unbound = SimCard::cie(Preset::Fresh);
    unbound.forge_cie_chip_key();
    unbound.remove_cie_sod();
    let e = change(&unbound).expect_err("not chained to the national CSCA");
    assert!(matches!(e, Error::CardNotAuthentic), "{e:?}");
    assert_eq!(unbound.counters().pin_tries, 0);
    // The genuine simulated card still chains to the test CSCA: a simulated card, as before.
    let genuine = SimCard::cie(Preset::Fresh);
    change(&genuine).expect("test chain, demo trust");
}
