//! The window's second round (issue 21): the safe path is the highlighted one, every page opens
//! at its top, Escape closes the topmost layer first, the browser page says what comes next and
//! leaves real browsers alone in demo mode.

use super::*;
use eframe::egui;

/// The window at `percent` text size in an 800×600 window, as an older person sets it.
fn app_sized(card: &SimCard, percent: u16) -> Harness<'static, TesseraApp> {
    let dir = std::env::temp_dir().join(format!("tessera-gui2-{}-{:?}", std::process::id(), std::thread::current().id()));
    let settings = Settings { file: Some(dir.join("settings.json")), text_size: Some(percent), ..Settings::default() };
    let app = TesseraApp::with_source(Source::Demo(card.clone()), Lang::It, settings, Instant::now(), || {});
    let mut h = Harness::builder().with_size([800.0, 600.0]).build_ui_state(|ui, app: &mut TesseraApp| app.show(ui), app);
    settle(&mut h, |a| a.overview.is_some() && !a.busy);
    h
}

/// Whether the node labelled `label` lies inside the window (not scrolled away).
fn in_view(h: &Harness<'static, TesseraApp>, label: &str) -> bool {
    let screen = h.ctx.content_rect();
    let node = h.query_all_by_label_contains(label).next().unwrap_or_else(|| panic!("no {label}"));
    let r = node.rect();
    r.min.y >= screen.min.y - 0.5 && r.max.y <= screen.max.y + 0.5
}

/// Scrolls to the button labelled `label`, as a person does, and clicks it.
fn scroll_and_click(h: &mut Harness<'static, TesseraApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(3);
    assert!(in_view(h, label), "{label} scrolled into view");
    click(h, label);
}

fn field_value(h: &Harness<'static, TesseraApp>, label: &str) -> String {
    let is_field = |n: &egui_kittest::Node<'_>| {
        matches!(n.accesskit_node().role(), egui::accesskit::Role::PasswordInput | egui::accesskit::Role::TextInput)
    };
    h.query_all_by_label(label).find(is_field).and_then(|n| n.value()).unwrap_or_default()
}

/// At 200 % in 800×600, each wizard step opens with its step number in view, even when the
/// step before was scrolled down (typing in its last field scrolls to it); the way forward is
/// there to scroll to.
#[test]
fn every_step_opens_at_its_top_at_200_percent() {
    let card = SimCard::cps(Preset::PinLastTry);
    let mut h = app_sized(&card, 200);
    scroll_and_click(&mut h, "Cambia PIN");
    assert!(in_view(&h, "Passo 1 di 3"), "step 1 opens at its top");
    type_into(&mut h, "PIN attuale", PIN);
    press_enter(&mut h);
    assert!(in_view(&h, "Passo 2 di 3"), "step 2 opens at its top");
    type_into(&mut h, "Nuovo PIN", "58209749");
    type_into(&mut h, "Ripeti il nuovo PIN", "58209749");
    // Down to «Avanti», as a person scrolls to it: the title leaves the view.
    h.get_by_label("Avanti").scroll_to_me();
    h.run_steps(3);
    assert!(in_view(&h, "Avanti") && !in_view(&h, "Passo 2 di 3"), "step 2 is scrolled down");
    click(&mut h, "Avanti");
    assert!(has_text(&h, "Passo 3 di 3"));
    assert!(in_view(&h, "Passo 3 di 3"), "step 3 opens on its title and summary, not on the warning below");
    assert!(h.query_all_by_label("Cambia il PIN ora").next().is_some(), "the one button that sends is on the page");
    // Help, after a scrolled wizard, opens at its title too.
    scroll_and_click(&mut h, "Annulla");
    scroll_and_click(&mut h, "Aiuto");
    assert!(in_view(&h, "Domande frequenti") || in_view(&h, "Aiuto"), "help opens at its top");
    assert_eq!(card.counters().pin_tries, 0, "nothing sent");
}

/// Escape with a menu open closes the menu only: the wizard and what was typed stay. The next
/// Escape leaves the wizard (and wipes the field).
#[test]
fn escape_with_a_menu_open_keeps_the_wizard() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    click(&mut h, "Cambia PIN");
    type_into(&mut h, "PIN attuale", PIN);
    click(&mut h, "Aspetto");
    assert!(has_text(&h, "Dimensione del testo"), "the menu is open");
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert!(!has_text(&h, "Dimensione del testo"), "Escape closed the menu");
    assert!(has_text(&h, "Passo 1 di 3"), "and kept the wizard");
    assert_eq!(field_value(&h, "PIN attuale").chars().count(), PIN.len(), "with what was typed");
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert!(!has_text(&h, "Passo 1 di 3"), "a second Escape leaves the wizard");
    assert!(h.state().wizard.current.as_str().is_empty(), "and wipes the PIN");
    assert_eq!(card.counters().pin_tries, 0);
}

/// With one PIN try left, the last-try dialog offers the PUK's way, which sends nothing and
/// opens the unblock.
#[test]
fn the_last_try_dialog_leads_to_the_puk() {
    let card = SimCard::cps(Preset::PinLastTry);
    let mut h = app(&card);
    change_pin(&mut h, PIN, "58209749");
    assert!(has_text(&h, "Ultimo tentativo"));
    click(&mut h, "Usa il PUK invece");
    h.run_steps(3);
    assert!(has_text(&h, "Sblocca PIN") && has_text(&h, "Passo 1 di 3"), "the unblock's first step");
    assert!(h.query_all_by_label("PUK").next().is_some());
    assert!(!h.state().pin_operation_pending());
    assert_eq!((card.counters().pin_tries, card.pin_tries_left()), (0, 1), "the last PIN try is kept");
}

/// A blocked PIN's card screen has a way for a person without the PUK: the help's answer on a
/// lost PUK, open — for a CIE, CieID's «Recupero PUK» and the Comune's reprint.
#[test]
fn no_puk_on_a_blocked_cie_opens_the_lost_puk_answer() {
    let card = SimCard::new(SimConfig::new(SimProfile::Cie, Preset::PinBlocked));
    let mut h = app(&card);
    click(&mut h, "Non hai il PUK?");
    assert!(has_text(&h, "Ho perso il PUK"));
    assert!(has_text(&h, "Recupero PUK"), "CieID's way");
    assert!(has_text(&h, "ristampa PIN/PUK"), "the Comune's way");
    assert!(in_view(&h, "Recupero PUK"), "the answer is in view");
    assert_eq!((card.counters().pin_tries, card.counters().puk_tries), (0, 0));
}

/// The rules of the first field are said before anything is typed, with no red cross; a short
/// entry gets its cross and «Avanti» stays off until the rule is met.
#[test]
fn step_one_says_the_length_before_anything_is_typed() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    click(&mut h, "Cambia PIN");
    assert!(has_text(&h, "(5–8)"), "the PIN's length on step 1");
    assert!(h.query_all_by_label("--").next().is_none(), "no cross before anything is typed");
    type_into(&mut h, "PIN attuale", "12");
    assert!(h.query_all_by_label("--").next().is_some(), "a cross next to the rule not met");
    assert!(h.get_by_label("Avanti").accesskit_node().is_disabled());
    type_into(&mut h, "PIN attuale", "345");
    assert!(!h.get_by_label("Avanti").accesskit_node().is_disabled());
    assert_eq!(card.counters().pin_tries, 0);
}

/// In demo mode the browser page reads the browsers but writes nothing, and says so; the
/// module's file is folded into the helpdesk details and browsers have people's names.
#[test]
fn browser_page_in_demo_mode_writes_nothing() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    click(&mut h, "Browser");
    settle(&mut h, |a| a.browser.browsers.is_some());
    assert!(has_text(&h, "non modifica i tuoi browser"), "says the demo leaves browsers alone");
    assert!(h.get_by_label("Configura tutti i browser").accesskit_node().is_disabled());
    assert!(!has_text(&h, "Chrome Chrome") && !has_text(&h, "Firefox default"), "no raw names");
    assert!(!has_text(&h, ".so") && !has_text(&h, ".dll"), "no module path in view");
}

/// «Prova la carta» opens with the cursor in the PIN field.
#[test]
fn selftest_opens_with_the_pin_field_focused() {
    let card = SimCard::cps(Preset::Fresh);
    let mut h = app(&card);
    click(&mut h, "Prova la carta");
    h.run_steps(2);
    let focused = h.query_all_by_label("PIN attuale").any(|n| n.is_focused());
    assert!(focused, "the PIN field has the keyboard focus");
    assert_eq!(card.counters().pin_tries, 0);
}

/// The fill of the button labelled `label`, as drawn: the filled rectangle that covers the
/// button's area (accesskit does not carry colours, the frame's shapes do).
fn button_fill(h: &Harness<'static, TesseraApp>, label: &str) -> egui::Color32 {
    let node = h.query_all_by_label(label).find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button);
    let area = node.unwrap_or_else(|| panic!("no button {label}")).rect();
    // The button's own frame: the smallest filled rectangle that holds the button's centre and
    // is about the button's size (egui may grow it by a point or two when hovered).
    drawn(h)
        .into_iter()
        .filter_map(|s| match s {
            egui::Shape::Rect(r) => Some((r.rect, r.fill)),
            _ => None,
        })
        .filter(|(r, fill)| *fill != egui::Color32::TRANSPARENT && r.contains(area.center()) && r.width() <= area.width() + 4.0 && r.height() <= area.height() + 4.0)
        .min_by(|a, b| a.0.area().total_cmp(&b.0.area()))
        .unwrap_or_else(|| panic!("no frame drawn for {label}"))
        .1
}

/// Every shape of the last frame, nested lists opened.
fn drawn(h: &Harness<'static, TesseraApp>) -> Vec<egui::Shape> {
    fn open(shape: &egui::Shape, out: &mut Vec<egui::Shape>) {
        match shape {
            egui::Shape::Vec(v) => v.iter().for_each(|s| open(s, out)),
            s => out.push(s.clone()),
        }
    }
    let mut out = Vec::new();
    h.output().shapes.iter().for_each(|c| open(&c.shape, &mut out));
    out
}

/// With one PIN try left, the safe way is the one drawn as the primary button (the accent
/// fill): «Ho dimenticato il PIN», not «Cambia PIN». With tries to spare, the opposite.
#[test]
fn with_one_try_left_the_safe_way_is_the_primary_button() {
    let accent = tessera::gui::theme::palette(egui::Theme::Light).accent;
    let card = SimCard::cps(Preset::PinLastTry);
    let h = app(&card);
    assert_eq!(button_fill(&h, "Ho dimenticato il PIN"), accent, "the PUK's way is the primary button");
    assert_ne!(button_fill(&h, "Cambia PIN"), accent, "changing the PIN is not");
    let card = SimCard::cps(Preset::Fresh);
    let h = app(&card);
    assert_eq!(button_fill(&h, "Cambia PIN"), accent, "with tries to spare, changing the PIN is the way forward");
    assert_eq!(card.counters().pin_tries, 0);
}

/// A scratch home with one Firefox profile, and a module file to register.
fn scratch_browsers(tag: &str) -> (tempfile::TempDir, std::path::PathBuf, tessera::browser::Places) {
    let dir = tempfile::Builder::new().prefix(&format!("tessera-gui-browser-{tag}")).tempdir().expect("tempdir");
    let root = dir.path().join(".mozilla/firefox");
    let profile = root.join("x1y2z3.default-esr");
    std::fs::create_dir_all(&profile).expect("profile");
    std::fs::write(root.join("profiles.ini"), "[Profile0]\nName=default-esr\nIsRelative=1\nPath=x1y2z3.default-esr\nDefault=1\n").expect("ini");
    std::fs::write(profile.join("pkcs11.txt"), "library=\nname=NSS Internal PKCS #11 Module\n").expect("pkcs11.txt");
    let module = dir.path().join("libtessera_pkcs11.so");
    std::fs::write(&module, b"").expect("module");
    let mut places = tessera::browser::Places::of_this_user(tessera_core::card::CardType::Cps);
    (places.home, places.data_home, places.module.path) = (Some(dir.path().to_owned()), None, Some(module));
    (dir, profile, places)
}

/// Sets the browsers up from the window with a real card in the reader (a demo card writes
/// nothing) and returns what the page says then.
fn set_up_browsers(tag: &str) -> (tempfile::TempDir, Harness<'static, TesseraApp>) {
    let (dir, profile, places) = scratch_browsers(tag);
    let mut h = reader_app(dir.path());
    h.state_mut().browser.places = Some(places);
    click(&mut h, "Browser");
    settle(&mut h, |a| a.browser.browsers.is_some());
    assert!(has_text(&h, "Firefox, profilo «default-esr»") && has_text(&h, "non configurato"));
    assert_eq!(button_fill(&h, "Configura tutti i browser"), tessera::gui::theme::palette(egui::Theme::Light).accent, "setting up is the way forward");
    click(&mut h, "Configura tutti i browser");
    settle(&mut h, |a| matches!(&a.browser.browsers, Some((_, _, Some(_)))));
    let written = std::fs::read_to_string(profile.join("pkcs11.txt")).expect("pkcs11.txt");
    assert!(written.contains("libtessera_pkcs11.so"), "the module is registered: {written}");
    assert!(has_text(&h, "Fatto: i browser sono configurati."), "the page says it is done");
    (dir, h)
}

/// After «Configura tutti i browser», a CPS holder is told what comes next: reopen the browser,
/// choose the CNS login, type the card's PIN.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn browser_setup_with_a_cns_says_what_comes_next() {
    let _tb = tessera_testkit::Testbed::cps(Preset::Fresh);
    let (_dir, h) = set_up_browsers("cns");
    assert!(has_text(&h, "Chiudi e riapri il browser") && has_text(&h, "l'accesso con CNS"), "the CNS way");
    assert!(!has_text(&h, "Entra con CIE"));
    assert_eq!(h.state().browser.browsers.as_ref().map(|b| b.1.iter().all(|s| s.registered)), Some(true));
}

/// The same for a CIE holder: «Entra con CIE».
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn browser_setup_with_a_cie_says_entra_con_cie() {
    let _tb = tessera_testkit::Testbed::cie(Preset::Fresh);
    let (_dir, h) = set_up_browsers("cie");
    assert!(has_text(&h, "Chiudi e riapri il browser") && has_text(&h, "«Entra con CIE»"), "the CIE way");
    assert!(!has_text(&h, "l'accesso con CNS"));
}

/// The card drawn on the home screen: its texts and its chip never overlap, for every card
/// model, in a wide window (the card beside the facts), in 800×600 at 100 % and 200 %, and in
/// a narrow one (a name on two lines pushes the chip down).
#[test]
fn the_drawn_card_never_draws_text_over_text_or_chip() {
    use tessera::gui::widgets::CHIP_GOLD;
    // One model per face: the CPS, a TS-CNS, a signature token, a CIE.
    for (name, profile) in [("cps", SimProfile::Cps), ("ts-cns", SimProfile::TsCns), ("cns-token", SimProfile::CnsToken), ("cie", SimProfile::Cie)] {
        for (percent, sizes) in [(100, &[[900.0, 1500.0], [800.0, 600.0], [420.0, 900.0]][..]), (200, &[[800.0, 600.0]][..])] {
            let card = SimCard::new(SimConfig::new(profile, Preset::Fresh));
            let mut h = app_sized(&card, percent);
            for size in sizes {
                h.set_size(egui::vec2(size[0], size[1]));
                h.run_steps(3);
                let face = h.query_all(egui_kittest::kittest::By::new().role(egui::accesskit::Role::Image)).find(|n| n.accesskit_node().label().is_some_and(|l| l.contains(" · ")));
                let face = face.unwrap_or_else(|| panic!("{name}: no card drawn")).rect();
                let shapes = drawn(&h);
                let texts: Vec<egui::Rect> = shapes
                    .iter()
                    .filter_map(|s| match s {
                        egui::Shape::Text(t) if !t.galley.is_empty() => Some(t.visual_bounding_rect()),
                        _ => None,
                    })
                    .filter(|r| face.contains_rect(r.shrink(0.5)))
                    .collect();
                let chip = shapes.iter().find_map(|s| match s {
                    egui::Shape::Rect(r) if r.fill == CHIP_GOLD => Some(r.rect),
                    _ => None,
                });
                let chip = chip.unwrap_or_else(|| panic!("{name}: no chip"));
                assert!(texts.len() >= 4, "{name} {size:?} {percent}%: the card's texts: {texts:?}");
                for (i, a) in texts.iter().enumerate() {
                    assert!(!a.shrink(0.5).intersects(chip), "{name} {size:?} {percent}%: text {a:?} over the chip {chip:?}");
                    for b in &texts[i + 1..] {
                        assert!(!a.shrink(0.5).intersects(b.shrink(0.5)), "{name} {size:?} {percent}%: text {a:?} over text {b:?}");
                    }
                }
            }
        }
    }
}
