//! Hostile or broken cards never crash or hang Tessera: card-supplied sizes and numbers are
//! checked before use, every file read is bounded, card text is made harmless before output.

use std::sync::mpsc;
use std::time::Duration;
use tessera_core::Error;
use tessera_core::card::CardError;
use tessera_core::service;
use tessera_sim::{Preset, SimCard};

/// Runs `f` on its own thread and fails (instead of hanging the suite) after 30 s.
fn bounded<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(30)).expect("the operation finished (no hang, no panic)")
}

fn overview_with_dh(g: Vec<u8>, p: Vec<u8>, q: Vec<u8>) -> Result<service::CardOverview, Error> {
    bounded(move || {
        let card = SimCard::cie(Preset::Fresh);
        card.set_cie_dh(g, p, q);
        let r = service::overview(&mut card.connect().expect("connect"));
        assert_eq!(card.counters().pin_tries, 0);
        r
    })
}

#[test]
fn bad_dh_parameters_are_refused_not_a_panic() {
    let (p, q, g) = tessera_sim::keys::cie_dh_group();
    let mut even_p = p.clone();
    *even_p.last_mut().expect("p") &= 0xFE;
    let mut other_q = q.clone();
    *other_q.last_mut().expect("q") ^= 0x02;
    type Case = (&'static str, Vec<u8>, Vec<u8>, Vec<u8>);
    let cases: Vec<Case> = vec![
        ("empty q", g.clone(), p.clone(), vec![]),
        ("empty p", g.clone(), vec![], q.clone()),
        ("empty g", vec![], p.clone(), q.clone()),
        ("even p", g.clone(), even_p, q.clone()),
        ("g = 1", vec![1], p.clone(), q.clone()),
        ("g = p - 1", { let mut x = p.clone(); *x.last_mut().expect("p") -= 1; x }, p.clone(), q.clone()),
        ("q does not divide p - 1", g.clone(), p.clone(), other_q),
        ("tiny p", vec![2], vec![0x17], vec![0x0B]),
    ];
    for (what, g, p, q) in cases {
        let e = overview_with_dh(g, p, q).expect_err(what);
        assert!(matches!(e, Error::Card(CardError::Malformed(_))), "{what}: {e:?}");
    }
}

#[test]
fn a_file_that_never_ends_is_read_to_a_bound() {
    let (apdus, r) = bounded(|| {
        let card = SimCard::cie(Preset::Fresh);
        card.set_cie_endless_files(true);
        let r = service::read_certificate(&mut card.connect().expect("connect"));
        (card.counters().apdus, r.map(|c| c.der.len()))
    });
    // 32 KiB in 256-byte reads is 128 reads (each answer, with its MAC, comes in two parts:
    // 256 APDUs), plus the authentication and selects. Without the bound it never returns.
    assert!(apdus < 320, "{apdus} APDUs");
    if let Ok(len) = r {
        assert!(len <= 32 * 1024, "{len}");
    }
}

/// A CIE whose every file is endless (64 KiB answered to each read, per file bounded at 32 KiB):
/// the whole status is bounded by the operation's command budget, not only each file.
#[test]
fn a_card_whose_files_never_end_stops_at_the_operation_budget() {
    let (apdus, r) = bounded(|| {
        let card = SimCard::cie(Preset::Fresh);
        card.set_cie_endless_files(true);
        let r = service::overview(&mut card.connect().expect("connect"));
        (card.counters().apdus, r)
    });
    assert!(apdus <= tessera_core::card::iso7816::APDU_BUDGET, "{apdus} APDUs");
    let e = r.expect_err("stopped");
    assert!(matches!(e, Error::Card(CardError::Malformed(m)) if m.contains("do not end")), "{e:?}");
}

#[test]
fn card_text_cannot_drive_the_terminal() {
    let card = SimCard::cps(Preset::Fresh);
    let fields = [
        "4022", "01012020", "01012030", "ROSSI\u{1b}[2J\u{1b}]0;x\u{7}", "MARIO\r\nCF: FAKE", "15031985", "M", "",
        "RSSMRA85C15L378X", "", "L378", "", "", "L378", "VIA \u{202E}1", "",
    ];
    card.set_cns_personal_data(&fields);
    let o = service::overview(&mut card.connect().expect("connect")).expect("overview");
    let pd = o.personal_data.expect("personal data");
    for s in [o.holder.clone().unwrap_or_default(), pd.surname, pd.name, pd.residence] {
        assert!(!s.chars().any(|c| c.is_control() || c == '\u{202E}'), "{s:?}");
    }
    assert!(o.holder.unwrap_or_default().contains("ROSSI"));
}
