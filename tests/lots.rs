//! The current CNS lots (ACe 2025, IDEMIA 2021, ST2022 over NFC, a signature token) and the
//! strict ACe 2025 variant: through the real PC/SC stack (pcscd + vpcd, run by cargo xtask test)
//! for every lot, and in process for the honest-result rules. The simulator's counters prove
//! that no PIN or PUK try was spent that the test did not submit.

use tessera_testkit::*;
use tessera_core::Error;
use tessera_core::apdu::{CommandApdu, StatusWord};
use tessera_core::secret::PinKind;
use tessera_core::service::{self, ChangePin, UnblockPin};
use tessera_core::transport::Connection;
use tessera_sim::{Preset, SimCard, SimConfig, SimProfile};

/// (profile, lot id, card type, card number)
const LOTS: &[(SimProfile, &str, &str, &str)] = &[
    (SimProfile::Ace2025, "ace2025", "CNS", "8039012345678901"),
    (SimProfile::Ace2025Strict, "ace2025", "CNS", "8039012345678901"),
    (SimProfile::Idemia2021, "idemia2021", "CNS", "7026000000424242"),
    (SimProfile::St2022Nfc, "st2022-nfc", "CNS", "6022000000777777"),
    (SimProfile::Cps, "classic", "CPS", "6022000000123456"),
];

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn every_lot_through_pcscd_status_export_change_block_unblock_selftest() {
    for &(profile, lot, card_type, number) in LOTS {
        let tb = Testbed::with(SimConfig::new(profile, Preset::Fresh));
        let what = profile.name();

        // Status: every field, no try spent, every APDU counted reached the card.
        let o = service::overview(&mut tb.connect()).unwrap_or_else(|e| panic!("{what}: overview: {e}"));
        assert_eq!((o.lot.map(|l| l.name()), o.card_type.name()), (Some(lot), card_type), "{what}");
        assert_eq!(o.card_number.as_deref(), Some(number), "{what}");
        assert_eq!(o.holder.as_deref(), Some("MARIA ESEMPIO"), "{what}");
        assert_eq!(o.codice_fiscale.as_deref(), Some("SMPMRA85C55L378I"), "{what}");
        assert!(o.personal_data.is_some(), "{what}");
        assert_eq!((o.pin_tries_left, o.puk_tries_left), (Some(3), Some(10)), "{what}");
        let c = o.certificate.as_ref().unwrap_or_else(|| panic!("{what}: certificate"));
        // The key size comes from the certificate: RSA-2048 on these lots whatever the ATR says.
        assert!(c.public_key.contains("2048"), "{what}: {}", c.public_key);
        assert_eq!(o.certificate_der.as_deref(), Some(&tb.card.certificate_der()[..]), "{what}: certificate = card's");
        let n = tb.card.counters();
        assert_eq!((n.pin_tries, n.puk_tries), (0, 0), "{what}");
        assert_eq!(n.apdus, o.apdus, "{what}");
        let verify_no_data = n.ins_log.iter().filter(|&&i| i == 0x20).count();
        assert_eq!(verify_no_data, 2, "{what}: each counter read once");
        eprintln!("{what}: status {} APDUs", o.apdus);

        // Certificate export equals the card's.
        let info = service::read_certificate(&mut tb.connect()).expect("certificate");
        assert_eq!(info.der, tb.card.certificate_der(), "{what}");

        // Self-test signature (PIN, MSE/PSO on the lot's key) verifies with the certificate.
        tb.card.reset_counters();
        let signed = service::sign_sha256(&mut tb.connect(), &pin(PIN), b"challenge", false).expect("sign");
        assert!(service::verify_sha256(&signed.certificate, b"challenge", &signed.signature).expect("verify"), "{what}");
        assert_eq!(tb.card.counters().pin_tries, 1, "{what}: one VERIFY for one signature");

        // Change, wrong PIN (tries shown), block, unblock.
        let change = |cur: &str, new: &str, confirm: bool| {
            service::change_pin(&mut tb.connect(), ChangePin { current: pin(cur), new: pin(new), confirm_last_try: confirm })
        };
        tb.card.reset_counters();
        change(PIN, "50719", false).unwrap_or_else(|e| panic!("{what}: change: {e}"));
        assert!(tb.card.pin_is("50719"), "{what}");
        let e = change("11112222", "60718", false).expect_err("wrong");
        assert!(matches!(e, Error::WrongSecret { kind: PinKind::Pin, tries_left: 2 }), "{what}: {e:?}");
        assert_eq!(service::overview(&mut tb.connect()).expect("overview").pin_tries_left, Some(2), "{what}");
        change("11112222", "60718", false).expect_err("wrong");
        let e = change("11112222", "60718", false).expect_err("last try unconfirmed");
        assert!(matches!(e, Error::LastTryNotConfirmed { .. }), "{what}: {e:?}");
        let e = change("11112222", "60718", true).expect_err("wrong, now blocked");
        assert!(matches!(e, Error::WrongSecret { tries_left: 0, .. }), "{what}: {e:?}");
        assert_eq!(tb.card.counters().pin_tries, 4, "{what}: 1 change + 3 wrong; the unconfirmed one sent nothing");
        let unblock = |p: &str| service::unblock_pin(&mut tb.connect(), UnblockPin { puk: puk(p), new: pin("70913"), confirm_last_try: true });
        unblock(PUK).unwrap_or_else(|e| panic!("{what}: unblock: {e}"));
        assert!(tb.card.pin_is("70913"), "{what}");
        assert_eq!(tb.card.counters().puk_tries, 1, "{what}");
    }
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn puk_blocked_sends_nothing_on_every_lot_through_pcscd() {
    for &(profile, ..) in LOTS {
        let tb = Testbed::with(SimConfig::new(profile, Preset::PukBlocked));
        let e = service::unblock_pin(&mut tb.connect(), UnblockPin { puk: puk(PUK), new: pin("70913"), confirm_last_try: true })
            .expect_err("PUK blocked");
        assert!(matches!(e, Error::PukBlocked), "{}: {e:?}", profile.name());
        let n = tb.card.counters();
        assert_eq!((n.pin_tries, n.puk_tries), (0, 0), "{}: nothing secret sent", profile.name());
        assert!(!n.ins_log.contains(&0x2C), "{}", profile.name());
    }
}

#[test]
fn a_signature_token_with_the_cps_atr_is_not_called_a_cps() {
    let card = SimCard::new(SimConfig::new(SimProfile::CnsToken, Preset::Fresh));
    let o = service::overview(&mut card.connect().expect("connect")).expect("overview");
    assert_eq!(o.card_type, tessera_core::card::CardType::Cns);
    assert_eq!(o.model_note, Some(tessera_core::card::ModelNote::SignatureToken), "{}", o.model);
    assert!(o.certificate.is_some() && o.personal_data.is_none());
    // The holder still comes from the certificate.
    assert_eq!(o.holder.as_deref(), Some("MARIA ESEMPIO"));
}

/// Raw APDUs to the strict ACe 2025: the unsafe alternatives a client might try are refused,
/// so the client tests above prove Tessera uses the safe ones.
#[test]
fn strict_ace2025_refuses_the_unsafe_alternatives() {
    let card = SimCard::new(SimConfig::new(SimProfile::Ace2025Strict, Preset::Fresh));
    let mut conn = card.connect().expect("connect");
    let mut tx = conn.begin().expect("transaction");
    let mut send = |hex: &str| -> StatusWord {
        let bytes: Vec<u8> = hex.split(' ').map(|b| u8::from_str_radix(b, 16).expect("hex")).collect();
        let cmd = CommandApdu::from_bytes(&bytes).expect("APDU");
        let raw = tx.transmit(&cmd).expect("transmit");
        StatusWord::from_bytes(raw[raw.len() - 2], raw[raw.len() - 1])
    };
    // PIN counter without the application selected: 6A88.
    assert_eq!(send("00 20 00 10"), StatusWord::ReferenceNotFound);
    // Classic paths: 6A82 (observed).
    assert_eq!(send("00 A4 08 0C 04 10 00 10 03"), StatusWord::FileNotFound);
    // The application, then FID selects (observed 6A82) and P2=0C paths (strict 6A86).
    assert_eq!(send("00 A4 04 00 0C A0 00 00 05 30 00 0B 10 40 01 02 1A 00"), StatusWord::Ok);
    assert_eq!(send("00 A4 01 0C 02 DA 01"), StatusWord::FileNotFound);
    assert_eq!(send("00 A4 09 0C 04 DA 01 C0 01"), StatusWord::IncorrectP1P2);
    // The observed form works; then the current DF is DA01 and PIN commands are refused.
    assert_eq!(send("00 A4 09 00 04 DA 01 C0 01 00"), StatusWord::Ok);
    assert_eq!(send("00 20 00 10"), StatusWord::ReferenceNotFound);
    // Reading at the end of the file: 6B00 (observed).
    let size = card.certificate_der().len();
    assert_eq!(send(&format!("00 B0 {:02X} {:02X} 01", size >> 8, size & 0xFF)), StatusWord::WrongParameters);
    // Back at the application: the counter answers.
    assert_eq!(send("00 A4 04 00 0C A0 00 00 05 30 00 0B 10 40 01 02 1A 00"), StatusWord::Ok);
    assert_eq!(send("00 20 00 10"), StatusWord::VerifyFailed { tries_left: 3 });
    drop(tx);
    assert_eq!(card.counters().pin_tries, 0);
}

#[test]
fn idemia2021_signs_only_with_its_key_df_selected() {
    // The client selects DF 1400/9002 and uses key reference 02: the signature verifies (above,
    // through pcscd). Without the DF the card answers 6984, which the simulator enforces.
    let card = SimCard::new(SimConfig::new(SimProfile::Idemia2021, Preset::Fresh));
    let signed = service::sign_sha256(&mut card.connect().expect("connect"), &pin(PIN), b"m", false).expect("sign");
    assert!(service::verify_sha256(&signed.certificate, b"m", &signed.signature).expect("verify"));
    let log = card.counters().ins_log;
    let pso = log.iter().position(|&i| i == 0x2A).expect("PSO sent");
    assert!(log[..pso].contains(&0xA4), "a SELECT (the key DF) precedes the signature");
}

/// A card with a CNS ATR on which no known layout answers: an error naming the model as not
/// supported yet, never a blank overview with success.
#[test]
fn unknown_layout_is_an_error_not_a_blank_success() {
    // An ACe 2025 whose ATR was changed to a CPS one is still found by its AID; a card with a
    // CNS ATR and none of the files is reported as a model not supported yet.
    let card = SimCard::new(SimConfig::new(SimProfile::TsCns, Preset::Fresh));
    card.set_files_absent(true);
    let e = service::overview(&mut card.connect().expect("connect")).expect_err("unknown layout");
    assert!(matches!(e, Error::CardModelNotSupported { .. }), "{e:?}");
    assert_eq!(card.counters().pin_tries, 0);
}

#[test]
fn birth_date_failure_never_stops_a_pin_change() {
    use tessera_sim::{Fault, FaultKind, Trigger};
    let card = SimCard::new(SimConfig::new(SimProfile::Cps, Preset::Fresh));
    // The personal-data read fails with an unexpected status word.
    card.inject(Fault { when: Trigger::Ins(0xB0), what: FaultKind::StatusWord(0x6F00) });
    let st = service::pin_status(&mut card.connect().expect("connect")).expect("status despite the unreadable birth date");
    assert_eq!(st.birth_date, None);
    assert_eq!(st.pin, tessera_core::card::TriesLeft::Known(3));
}

#[test]
fn st2022_names_itself_jsign4_and_classic_lots_refuse_get_data() {
    let answer = |profile| {
        let card = SimCard::new(SimConfig::new(profile, Preset::Fresh));
        let mut conn = card.connect().expect("connect");
        let mut tx = conn.begin().expect("transaction");
        let select = CommandApdu::new(0x00, 0xA4, 0x04, 0x0C).with_data(tessera_core::card::cns::AID_ST2022.to_vec());
        let _ = tx.transmit(&select).expect("select");
        tx.transmit(&CommandApdu::new(0x00, 0xCA, 0x01, 0x80).with_le(256)).expect("GET DATA")
    };
    let r = answer(SimProfile::St2022Nfc);
    assert!(r.windows(6).any(|w| w == b"JSign4") && r.ends_with(&[0x90, 0x00]), "{r:02X?}");
    assert_eq!(answer(SimProfile::Cps), vec![0x6D, 0x00], "OpenSC's probes need 6D00 on the classic lots");
}
