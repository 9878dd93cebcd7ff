//! The desktop window driven by egui_kittest on the simulated card, finding widgets by their
//! accessible labels, as a person (or a screen reader) would; the simulator's try counters are
//! asserted too.

use tessera_testkit::{PIN, PUK};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::time::{Duration, Instant};
use tessera::gui::TesseraApp;
use tessera::gui::settings::Settings;
use tessera::gui::worker::Source;
use tessera::i18n::Lang;
use tessera_sim::{Fault, FaultKind, Preset, SimCard, SimConfig, SimProfile, Trigger};

fn app(card: &SimCard) -> Harness<'static, TesseraApp> {
    let dir = std::env::temp_dir().join(format!("tessera-gui-{}-{:?}", std::process::id(), std::thread::current().id()));
    let settings = Settings { file: Some(dir.join("settings.json")), ..Settings::default() };
    let app = TesseraApp::with_source(Source::Demo(card.clone()), Lang::It, settings, Instant::now(), || {});
    let mut h = Harness::builder().with_size([900.0, 1500.0]).build_ui_state(|ui, app: &mut TesseraApp| app.show(ui), app);
    settle(&mut h, |a| a.overview.is_some() && !a.busy);
    h
}

/// The window on the real reader (the testbed's), its settings under `dir`, once the card shows.
fn reader_app(dir: &std::path::Path) -> Harness<'static, TesseraApp> {
    let settings = Settings { file: Some(dir.join("settings.json")), ..Settings::default() };
    let app = TesseraApp::with_source(Source::Pcsc, Lang::It, settings, Instant::now(), || {});
    let mut h = Harness::builder().with_size([900.0, 1500.0]).build_ui_state(|ui, app: &mut TesseraApp| app.show(ui), app);
    settle(&mut h, |a| a.card().is_some() && !a.busy);
    h
}

/// Steps the window until `cond` holds (the card worker answers from its own thread).
fn settle(h: &mut Harness<'static, TesseraApp>, cond: impl Fn(&TesseraApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        h.step();
        if cond(h.state()) {
            h.run_steps(3);
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the window did not reach the expected state");
}

fn has_text(h: &Harness<'static, TesseraApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// Types into the text field labelled `label`.
fn type_into(h: &mut Harness<'static, TesseraApp>, label: &str, text: &str) {
    let is_field = |n: &egui_kittest::Node<'_>| {
        matches!(n.accesskit_node().role(), eframe::egui::accesskit::Role::PasswordInput | eframe::egui::accesskit::Role::TextInput)
    };
    h.query_all_by_label(label).find(is_field).unwrap_or_else(|| panic!("no text field labelled {label}")).focus();
    h.run_steps(2);
    let node = h.query_all_by_label(label).find(is_field).unwrap_or_else(|| panic!("no text field labelled {label}"));
    assert!(node.is_focused(), "{label} has the keyboard focus");
    node.type_text(text);
    h.run_steps(2);
}

/// Presses Enter, as a person does to move on.
fn press_enter(h: &mut Harness<'static, TesseraApp>) {
    h.key_press(eframe::egui::Key::Enter);
    h.run_steps(3);
}

fn click(h: &mut Harness<'static, TesseraApp>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(2);
}

fn change_pin(h: &mut Harness<'static, TesseraApp>, current: &str, new: &str) {
    click(h, "Cambia PIN");
    assert!(has_text(h, "Passo 1 di 3"));
    type_into(h, "PIN attuale", current);
    click(h, "Avanti");
    assert!(has_text(h, "Passo 2 di 3"));
    type_into(h, "Nuovo PIN", new);
    type_into(h, "Ripeti il nuovo PIN", new);
    click(h, "Avanti");
    assert!(has_text(h, "Passo 3 di 3"));
    click(h, "Cambia il PIN ora");
}

#[test]
fn home_shows_the_card_and_the_tries_before_anything_is_typed() {
    let card = SimCard::cps(Preset::Fresh);
    let h = app(&card);
    assert!(has_text(&h, "MARIA ESEMPIO"));
    assert!(has_text(&h, "6022 0000 0012 3456"), "the card number grouped for reading aloud");
    let not_after = h.state().card().and_then(|c| c.certificate.as_ref()).expect("certificate").not_after.clone();
    let written = tessera::i18n::long_date(Lang::It, &not_after);
    assert!(written.contains(" 20") && !written.contains('-'), "{written}");
    assert!(has_text(&h, &format!("valido fino al {written}")), "a date as people write it: {written}");
    assert!(has_text(&h, "PIN: 3/3"));
    assert!(has_text(&h, "MODALITÀ DEMO"));
    assert_eq!(card.counters().pin_tries, 0);
}

#[test]
fn the_window_reads_the_new_lots_and_changes_the_pin_on_the_strict_ace2025() {
    for (profile, number) in [(SimProfile::Ace2025Strict, "8039 0123 4567 8901"), (SimProfile::Idemia2021, "7026 0000 0042 4242")] {
        let card = SimCard::new(SimConfig::new(profile, Preset::Fresh));
        let mut h = app(&card);
        assert!(has_text(&h, "MARIA ESEMPIO"), "{profile:?}");
        assert!(has_text(&h, number), "{profile:?}");
        assert!(has_text(&h, "PIN: 3/3"), "{profile:?}");
        change_pin(&mut h, PIN, "58209749");
        settle(&mut h, |a| a.wizard.outcome.is_some());
        assert!(has_text(&h, "PIN cambiato"), "{profile:?}");
        assert!(card.pin_is("58209749"));
        assert_eq!(card.counters().pin_tries, 1);
    }
}

#[test]
fn change_pin_succeeds() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    change_pin(&mut h, PIN, "58209749");
    settle(&mut h, |a| a.wizard.outcome.is_some());
    assert!(has_text(&h, "PIN cambiato"), "result screen");
    assert!(card.pin_is("58209749"));
    assert_eq!(card.counters().pin_tries, 1);
    // The PIN fields were wiped on submit.
    assert!(h.state().wizard.current.as_str().is_empty() && h.state().wizard.new.as_str().is_empty());
}

#[test]
fn wrong_pin_shows_the_tries_decreasing() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    change_pin(&mut h, "11112222", "58209749");
    settle(&mut h, |a| a.wizard.outcome.is_some() && !a.busy);
    assert!(has_text(&h, "PIN errato. Tentativi rimasti: 2."));
    click(&mut h, "Fine");
    assert!(has_text(&h, "PIN: 2/3"));
    assert_eq!(card.counters().pin_tries, 1);
}

#[test]
fn last_try_asks_first_and_cancelling_sends_nothing() {
    let card = SimCard::cps(Preset::PinLastTry);
    let mut h = app(&card);
    assert!(has_text(&h, "resta UN SOLO tentativo"), "warned on the home screen");
    change_pin(&mut h, PIN, "58209749");
    assert!(has_text(&h, "Ultimo tentativo"), "confirmation dialog");
    click(&mut h, "No, non ora");
    assert!(!h.state().pin_operation_pending());
    assert_eq!(card.counters().pin_tries, 0, "nothing sent");
    click(&mut h, "Cambia il PIN ora");
    click(&mut h, "Sì, usa l'ultimo tentativo");
    settle(&mut h, |a| a.wizard.outcome.is_some());
    assert!(card.pin_is("58209749"));
    assert_eq!(card.counters().pin_tries, 1);
}

#[test]
fn blocked_pin_is_unblocked_with_the_puk() {
    let card = SimCard::cps(Preset::PinBlocked);
    let mut h = app(&card);
    assert!(has_text(&h, "Il PIN è bloccato."));
    click(&mut h, "Sblocca PIN");
    assert!(has_text(&h, "Passo 1 di 3"));
    type_into(&mut h, "PUK", PUK);
    click(&mut h, "Avanti");
    type_into(&mut h, "Nuovo PIN", "58209749");
    type_into(&mut h, "Ripeti il nuovo PIN", "58209749");
    click(&mut h, "Avanti");
    click(&mut h, "Sblocca il PIN ora");
    settle(&mut h, |a| a.wizard.outcome.is_some() && !a.busy);
    assert!(has_text(&h, "PIN sbloccato"));
    assert!(card.pin_is("58209749"));
    assert_eq!((card.counters().puk_tries, card.pin_tries_left()), (1, 3));
}

#[test]
fn puk_blocked_home_offers_only_what_still_helps_and_sends_nothing() {
    let card = SimCard::cps(Preset::PukBlocked);
    let h = app(&card);
    assert!(has_text(&h, "Il PUK è bloccato"));
    assert!(has_text(&h, "APSS") && has_text(&h, "Agenzia delle Entrate"), "where a CPS holder goes");
    assert!(has_text(&h, "tessera sanitaria"), "the card still works as a health card");
    for gone in ["Sblocca PIN", "Ho dimenticato il PIN", "Cambia PIN", "Prova la carta"] {
        assert!(h.query_all_by_label(gone).next().is_none(), "no dead end: {gone}");
    }
    assert!(h.query_all_by_label("Aiuto").next().is_some(), "help and the report stay");
    assert_eq!((card.counters().pin_tries, card.counters().puk_tries), (0, 0));
}

/// A CIE with a blocked PUK is sent to the Comune, never to APSS or the Agenzia delle Entrate,
/// and is told it is still an identity document.
#[test]
fn cie_puk_blocked_advice_names_the_comune() {
    let card = SimCard::new(SimConfig::new(SimProfile::Cie, Preset::PukBlocked));
    let h = app(&card);
    assert!(has_text(&h, "Il PUK è bloccato"));
    assert!(has_text(&h, "Comune"), "the CIE's office");
    assert!(has_text(&h, "documento d'identità"), "still an identity document");
    assert!(!has_text(&h, "APSS") && !has_text(&h, "Agenzia"), "never the CPS's offices");
    assert_eq!((card.counters().pin_tries, card.counters().puk_tries), (0, 0));
}

/// A CIE holder is told where a CIE's PUK is (two halves: the Comune's receipt and the letter
/// with the card) at the unblock's first step, next to the low-PUK warning, and after the last
/// wrong PIN — never to look for a CNS envelope.
#[test]
fn a_cie_holder_gets_cie_advice_at_every_puk_step() {
    // PIN blocked, two PUK tries left.
    let card = SimCard::new(SimConfig::new(SimProfile::Cie, Preset::PukLow));
    let mut h = app(&card);
    click(&mut h, "Sblocca PIN");
    assert!(has_text(&h, "Passo 1 di 3"));
    assert!(has_text(&h, "le prime 4 sono sulla ricevuta rilasciata dal Comune"), "the CIE's two halves");
    assert!(has_text(&h, "Restano pochi tentativi PUK"), "the low-PUK warning");
    assert!(!has_text(&h, "busta"), "no CNS envelope for a CIE");

    let card = SimCard::new(SimConfig::new(SimProfile::Cie, Preset::PinLastTry));
    let mut h = app(&card);
    change_pin(&mut h, "11112222", "58209749");
    click(&mut h, "Sì, usa l'ultimo tentativo");
    settle(&mut h, |a| a.wizard.outcome.is_some() && !a.busy);
    assert!(has_text(&h, "Sbloccalo con il PUK"), "the last wrong PIN blocks it");
    assert!(has_text(&h, "le prime 4 sono sulla ricevuta rilasciata dal Comune"), "and says where a CIE's PUK is");
    assert!(!has_text(&h, "busta"), "no CNS envelope for a CIE");
    assert_eq!(card.pin_tries_left(), 0);
}

#[test]
fn certificate_export_writes_the_card_certificate() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    click(&mut h, "Certificato");
    assert!(has_text(&h, "SHA-256"));
    let dir = std::env::temp_dir().join(format!("tessera-gui-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    h.state_mut().certificate.export_path = dir.join("certificato").display().to_string();
    click(&mut h, "Salva come DER (binario)");
    settle(&mut h, |a| a.certificate.exported.is_some());
    let written = std::fs::read(dir.join("certificato.der")).expect("written");
    assert_eq!(written, card.certificate_der());
    assert!(has_text(&h, "Apri la cartella"), "the saved file can be shown in the file manager");
    assert!(has_text(&h, "Salva come…"), "the system's save dialog is offered first");
    // The same name again: never replaced silently, only after "Sostituisci il file esistente".
    std::fs::write(dir.join("certificato.der"), b"keep me").expect("write");
    h.state_mut().certificate.exported = None;
    click(&mut h, "Salva come DER (binario)");
    settle(&mut h, |a| a.certificate.exported.is_some());
    assert!(has_text(&h, "il file esiste già"), "said, not done");
    assert_eq!(std::fs::read(dir.join("certificato.der")).expect("kept"), b"keep me");
    click(&mut h, "Sostituisci il file esistente");
    settle(&mut h, |a| matches!(a.certificate.exported, Some(Ok(_))));
    assert_eq!(std::fs::read(dir.join("certificato.der")).expect("replaced"), card.certificate_der());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn card_removed_mid_operation_shows_the_right_message() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Removal { processed: false } });
    change_pin(&mut h, PIN, "58209749");
    settle(&mut h, |a| a.wizard.outcome.is_some());
    assert!(has_text(&h, "La carta è stata rimossa durante l'operazione."));
    assert_eq!(card.counters().ins_log.iter().filter(|&&i| i == 0x24).count(), 1, "no retry");
}

#[test]
fn language_switch_changes_the_visible_text() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    assert!(has_text(&h, "Cambia PIN"));
    click(&mut h, "Lingua");
    click(&mut h, "English");
    assert!(has_text(&h, "Change PIN") && !has_text(&h, "Cambia PIN"));
    click(&mut h, "Language");
    click(&mut h, "Deutsch");
    assert!(has_text(&h, "PIN ändern"));
    // The help page and its report follow the language too.
    click(&mut h, "Hilfe");
    settle(&mut h, |a| a.help.report.is_some());
    assert!(has_text(&h, "Häufige Fragen") && has_text(&h, "Wie ändere ich meine PIN?"));
    let report = tessera::report::to_text(h.state().help.report.as_ref().expect("report"), h.state().lang);
    assert!(report.contains("Kartennummer: 6022 0000 0012 3456"), "the report in German: {report}");
    // The choice is remembered in the settings file.
    let dir = std::env::temp_dir().join(format!("tessera-gui-{}-{:?}", std::process::id(), std::thread::current().id()));
    let saved = std::fs::read_to_string(dir.join("settings.json")).expect("settings saved");
    assert!(saved.contains("\"lang\": \"de\""), "{saved}");
}

#[test]
fn cie_demo_card_in_the_window() {
    let card = SimCard::cie(Preset::Fresh);
    let mut h = app(&card);
    assert!(has_text(&h, "CIE"));
    assert!(has_text(&h, "CA 12345 XY"));
    change_pin(&mut h, PIN, "58209749");
    settle(&mut h, |a| a.wizard.outcome.is_some());
    assert!(card.pin_is("58209749"));
}

/// Through pcscd + vpcd: the window follows insertion and removal (event-driven monitor).
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn window_follows_card_insertion_and_removal_through_pcscd() {
    let mut tb = tessera_testkit::Testbed::cps(Preset::Fresh);
    let mut h = reader_app(&std::env::temp_dir().join(format!("tessera-gui-pcsc-{}", std::process::id())));
    assert!(has_text(&h, "MARIA ESEMPIO") && !has_text(&h, "MODALITÀ DEMO"));
    tb.remove();
    settle(&mut h, |a| matches!(&a.overview, Some(Err(_))) && !a.busy);
    assert!(has_text(&h, "Inserisci la carta"));
    tb.insert();
    settle(&mut h, |a| a.card().is_some() && !a.busy);
    assert!(has_text(&h, "6022 0000 0012 3456"));
}

/// Through pcscd + vpcd: the smart-card service stops and comes back (an update, a crash); the
/// window says the service is not running while it is down, and once it runs again shows the
/// card with no click, never "not running" about a service that runs.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn window_outlives_a_pcscd_restart() {
    let mut tb = tessera_testkit::Testbed::cps(Preset::Fresh);
    let mut h = reader_app(&std::env::temp_dir().join(format!("tessera-gui-restart-{}", std::process::id())));
    tb.stop_pcscd();
    settle(&mut h, |a| matches!(&a.overview, Some(Err(_))) && !a.busy);
    assert!(has_text(&h, "servizio smart card del sistema non è attivo"), "says the smart-card service is not running");
    tb.start_pcscd();
    settle(&mut h, |a| a.card().is_some() && !a.busy);
    assert!(has_text(&h, "6022 0000 0012 3456"), "the card is back on screen");
    assert!(!has_text(&h, "non è attivo"), "nothing about a stopped service once it runs");
    assert_eq!(tb.card.counters().pin_tries, 0);
}

#[test]
fn worker_requests_never_print_a_pin() {
    use tessera::gui::worker::Request;
    use tessera_core::service::ChangePin;
    let r = Request::ChangePin(ChangePin { current: tessera_testkit::pin(PIN), new: tessera_testkit::pin("58209749"), confirm_last_try: false });
    let dbg = format!("{r:?}");
    assert_eq!(dbg, "ChangePin(***)");
}

#[test]
fn selftest_in_the_window_and_the_helpdesk_report() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    click(&mut h, "Prova la carta");
    type_into(&mut h, "PIN attuale", PIN);
    click(&mut h, "Avvia la prova");
    settle(&mut h, |a| a.selftest.result.is_some() && !a.busy);
    assert!(has_text(&h, "La carta funziona."));
    assert_eq!(card.counters().pin_tries, 1);
    click(&mut h, "Indietro");
    click(&mut h, "Aiuto");
    settle(&mut h, |a| a.help.report.is_some());
    let text = tessera::report::to_text(h.state().help.report.as_ref().expect("report"), Lang::It);
    assert!(text.contains("Numero carta: 6022 0000 0012 3456") && !text.contains("MARIA"), "{text}");
    assert!(text.contains("Tentativi PIN rimasti: 3") && text.contains("Dati personali: non inclusi"), "in Italian: {text}");
    assert!(!text.contains(PIN));
}

/// The help page: the questions fold open on the steps the helpdesk reads aloud, numbered as
/// the wizard numbers them, with a button to the wizard; the advice follows the card's issuer;
/// the report below is in the window's language.
#[test]
fn help_page_answers_the_frequent_questions_with_the_wizard_steps() {
    let card = SimCard::cie(Preset::Fresh);
    let mut h = app(&card);
    click(&mut h, "Aiuto");
    settle(&mut h, |a| a.help.report.is_some());
    for q in ["Come cambio il PIN?", "Ho dimenticato il PIN", "Il PIN è bloccato", "Ho perso il PUK", "Il PUK è bloccato", "Ho perso la carta", "Come accedo ai siti con la carta?"] {
        assert!(has_text(&h, q), "question {q}");
    }
    assert!(!has_text(&h, "Passo 1 di 3"), "answers start folded");
    click(&mut h, "Come cambio il PIN?");
    assert!(has_text(&h, "Passo 1 di 3: scrivi il PIN attuale e premi «Avanti»"));
    assert!(has_text(&h, "Passo 3 di 3: controlla il riepilogo e fai clic su «Cambia il PIN ora»"), "the wizard's own button name");
    click(&mut h, "Ho perso il PUK");
    assert!(has_text(&h, "«Recupero PUK»") && has_text(&h, "48 ore"), "a lost CIE PUK: CieID's recovery first");
    click(&mut h, "Il PUK è bloccato");
    assert!(has_text(&h, "Comune") && !has_text(&h, "APSS"), "a CIE's office is the Comune's");
    assert!(has_text(&h, "Rapporto per l'assistenza"));
    let report = tessera::report::to_text(h.state().help.report.as_ref().expect("report"), h.state().lang);
    assert!(report.contains("Numero carta: CA 12345 XY"), "the report, in Italian: {report}");
    // The button under the answer opens the wizard at step 1.
    h.get_all_by_label("Cambia PIN").next().expect("button to the wizard").click();
    h.run_steps(3);
    assert!(has_text(&h, "Passo 1 di 3"));
    assert_eq!(card.counters().pin_tries, 0, "reading help sends nothing");
}

/// The text size is a setting: the Appearance menu changes it (the whole window scales) and it
/// is remembered with the theme.
#[test]
fn text_size_and_theme_are_chosen_in_the_appearance_menu_and_remembered() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    click(&mut h, "Aspetto");
    click(&mut h, "150 %");
    assert_eq!(h.state().text_size, 150);
    assert_eq!(h.ctx.zoom_factor(), 1.5);
    click(&mut h, "Aspetto");
    click(&mut h, "Scuro");
    h.run_steps(2);
    assert_eq!(h.ctx.theme(), eframe::egui::Theme::Dark);
    assert!(h.ctx.global_style().visuals.dark_mode, "dark theme");
    let dir = std::env::temp_dir().join(format!("tessera-gui-{}-{:?}", std::process::id(), std::thread::current().id()));
    let saved = std::fs::read_to_string(dir.join("settings.json")).expect("settings saved");
    assert!(saved.contains("\"text_size\": 150") && saved.contains("\"theme\": \"dark\""), "{saved}");
    // A new window with these settings starts at 150 %, dark.
    let settings = Settings::load_from(&dir.join("settings.json"));
    assert_eq!((settings.text_size, settings.theme), (Some(150), Some(tessera::gui::theme::Choice::Dark)));
}

#[test]
fn change_carried_out_then_removed_says_it_may_have_reached_the_card_then_checks() {
    let card = SimCard::cps(Preset::PinLastTry);
    let mut h = app(&card);
    card.inject(Fault { when: Trigger::Ins(0x24), what: FaultKind::Removal { processed: true } });
    click(&mut h, "Cambia PIN");
    type_into(&mut h, "PIN attuale", PIN);
    click(&mut h, "Avanti");
    type_into(&mut h, "Nuovo PIN", "58209749");
    type_into(&mut h, "Ripeti il nuovo PIN", "58209749");
    click(&mut h, "Avanti");
    click(&mut h, "Cambia il PIN ora");
    // The last-try confirmation (one try left).
    if has_text(&h, "Sì, usa l'ultimo tentativo") {
        click(&mut h, "Sì, usa l'ultimo tentativo");
    }
    settle(&mut h, |a| a.wizard.outcome.is_some() && !a.busy);
    assert!(has_text(&h, "potrebbe essere arrivata alla carta"), "the truth about a lost answer: it may have reached the card");
    assert!(has_text(&h, "Reinserisci la carta nello stesso lettore"));
    assert!(h.query_all_by_label("Riprova").next().is_none(), "no retry while the outcome is unknown");
    // The card comes back: the counters (read without a try) tell.
    card.reinsert();
    h.state_mut().refresh();
    settle(&mut h, |a| a.wizard.after_check.is_some() && !a.busy);
    assert!(has_text(&h, "Verificato: la carta aveva eseguito il cambio"));
    assert!(card.pin_is("58209749"));
    assert_eq!(card.counters().pin_tries, 1, "one try, never replayed, none to check");
}

#[test]
fn a_panic_in_card_code_leaves_the_window_alive() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    card.inject(Fault { when: Trigger::Ins(0xB0), what: FaultKind::Panic });
    h.state_mut().refresh();
    // (Under the testbed, reader events from other tests may refresh the window again right
    // after: the count of caught bugs is what tells, not the screen of the moment.)
    settle(&mut h, |a| a.internal_errors == 1 && !a.busy);
    if matches!(h.state().overview, Some(Err(tessera::Error::Internal(_)))) {
        assert!(has_text(&h, "Errore interno di Tessera"));
    }
    h.state_mut().refresh();
    settle(&mut h, |a| a.card().is_some() && !a.busy);
    assert!(has_text(&h, "MARIA ESEMPIO"));
    assert_eq!(h.state().internal_errors, 1);
}

/// Step 3 says what is about to happen (operation, card, tries), and Enter there never sends:
/// a double press of Enter on step 2 must not spend a try.
#[test]
fn step_three_is_a_summary_and_enter_there_sends_nothing() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    click(&mut h, "Cambia PIN");
    type_into(&mut h, "PIN attuale", PIN);
    press_enter(&mut h);
    assert!(has_text(&h, "Passo 2 di 3"), "Enter moves on from step 1");
    type_into(&mut h, "Nuovo PIN", "58209749");
    type_into(&mut h, "Ripeti il nuovo PIN", "58209749");
    press_enter(&mut h);
    assert!(has_text(&h, "Passo 3 di 3"), "Enter moves on from step 2");
    assert!(
        has_text(&h, "Stai per cambiare il PIN della carta CPS · 6022 0000 0012 3456 · MARIA ESEMPIO. Tentativi PIN rimasti: 3."),
        "the summary names the operation, the card and the tries"
    );
    for _ in 0..3 {
        press_enter(&mut h);
    }
    assert!(has_text(&h, "Passo 3 di 3"), "still on the summary");
    assert!(!h.state().busy && h.state().wizard.outcome.is_none());
    assert_eq!(card.counters().pin_tries, 0, "Enter on the summary sent nothing");
    click(&mut h, "Cambia il PIN ora");
    settle(&mut h, |a| a.wizard.outcome.is_some());
    assert!(has_text(&h, "PIN cambiato"));
    assert_eq!(card.counters().pin_tries, 1);
}

/// After a wrong PIN the result screen offers "Ho dimenticato il PIN", which leads to the
/// unblock wizard instead of another guess.
#[test]
fn forgot_pin_from_the_wrong_pin_screen_leads_to_the_unblock() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    change_pin(&mut h, "11112222", "58209749");
    settle(&mut h, |a| a.wizard.outcome.is_some() && !a.busy);
    assert!(has_text(&h, "PIN errato. Tentativi rimasti: 2."));
    click(&mut h, "Ho dimenticato il PIN");
    assert!(has_text(&h, "Passo 1 di 3"));
    assert!(h.query_all_by_label("PUK").next().is_some(), "the unblock wizard asks for the PUK");
    assert_eq!(card.counters().pin_tries, 1, "one try, the one the user submitted");
    assert_eq!(card.counters().puk_tries, 0);
}

/// "Copia" says "Copiato" after a click (the clipboard gives no sign), then goes back.
#[test]
fn copy_says_copied() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    click(&mut h, "Copia");
    assert!(h.query_all_by_label("Copiato").next().is_some(), "feedback after the click");
}

mod second_round;
