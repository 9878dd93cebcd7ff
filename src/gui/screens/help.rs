//! Help (the helpdesk report with copy and save), the card self-test, and browser setup.

use super::{notice, row, title};
use crate::gui::app::{Screen, TesseraApp, field, message, ui_text};
use crate::gui::widgets::{secret_field, tries};
use crate::gui::worker::Request;
use crate::i18n::{Text, Ui, tr};
use tessera_core::secret::Pin;
use crate::report;
use crate::selftest::StepResult;
use eframe::egui;

/// One question: its answer folds open under it.
fn faq(ui: &mut egui::Ui, open: bool, question: &str, answer: impl FnOnce(&mut egui::Ui)) {
    faq_focused(ui, open, false, question, answer);
}

/// A question; `focus`: opened and scrolled to the top of the page (once: the person can fold
/// it again).
fn faq_focused(ui: &mut egui::Ui, open: bool, focus: bool, question: &str, answer: impl FnOnce(&mut egui::Ui)) {
    let mut header = egui::CollapsingHeader::new(egui::RichText::new(question).size(18.0).strong()).id_salt(question).default_open(open);
    if focus {
        header = header.open(Some(true));
    }
    let r = header.show(ui, |ui| {
        ui.set_max_width(ui.available_width());
        answer(ui);
        ui.add_space(6.0);
    });
    if focus {
        r.header_response.scroll_to_me(Some(egui::Align::TOP));
    }
}

/// Steps as the wizard shows them ("Passo 1 di 3: …"), one per line.
fn steps(ui: &mut egui::Ui, lines: &[&str]) {
    for l in lines {
        ui.label(*l);
    }
}

fn back(app: &mut TesseraApp, ui: &mut egui::Ui) {
    ui.add_space(16.0);
    if ui.button(ui_text(app.lang, Ui::Back)).clicked() {
        let ctx = ui.ctx().clone();
        app.go(&ctx, Screen::Home);
    }
}

/// The help page: the frequent questions (each with the steps the helpdesk reads aloud, numbered
/// as the wizards number them, and a button to the screen it talks about), then the report for
/// the helpdesk in the user's language.
pub fn show_report(app: &mut TesseraApp, ui: &mut egui::Ui) {
    use crate::i18n::fluent::text;
    let lang = app.lang;
    let t = |id: &str| text(lang, id);
    let advice = crate::i18n::advice::advice(app.issuer(), lang);
    let card_ok = app.card().is_some();
    let pin_blocked = app.card().is_some_and(|c| c.pin_tries_left == Some(0));
    let puk_blocked = app.card().is_some_and(|c| c.puk_tries_left == Some(0));
    title(ui, ui_text(lang, Ui::Help));
    ui.label(egui::RichText::new(t("help-faq-title")).size(21.0).strong());
    ui.label(t("help-steps-intro"));
    ui.add_space(6.0);
    let mut go = None;
    let open = app.faq_open;
    let unblock_steps = |ui: &mut egui::Ui, go: &mut Option<Screen>| {
        ui.label(t("faq-unblock-start"));
        steps(ui, &[&format!("{} {}", t("faq-unblock-1"), advice.puk_where), t("faq-unblock-2"), t("faq-unblock-3")]);
        if card_ok && !puk_blocked && ui.add(crate::gui::theme::secondary(ui_text(lang, Ui::UnblockPin))).clicked() {
            *go = Some(Screen::Unblock);
        }
    };
    faq(ui, open, t("faq-change-q"), |ui| {
        ui.label(t("faq-change-start"));
        steps(ui, &[t("faq-change-1"), t("faq-change-2"), t("faq-change-3")]);
        if card_ok && !pin_blocked && ui.add(crate::gui::theme::secondary(ui_text(lang, Ui::ChangePin))).clicked() {
            go = Some(Screen::Change);
        }
    });
    faq(ui, open, t("faq-forgot-q"), |ui| {
        ui.label(t("faq-forgot-a"));
        unblock_steps(ui, &mut go);
    });
    faq(ui, open, t("faq-blocked-q"), |ui| {
        ui.label(t("faq-blocked-a"));
        unblock_steps(ui, &mut go);
    });
    let lost_puk = std::mem::take(&mut app.help_lost_puk);
    faq_focused(ui, open, lost_puk, t("faq-puk-lost-q"), |ui| {
        ui.label(advice.puk_lost);
    });
    faq(ui, open, t("faq-puk-blocked-q"), |ui| {
        ui.label(advice.puk_blocked);
        ui.label(advice.still_works);
    });
    faq(ui, open, t("faq-lost-q"), |ui| {
        ui.label(advice.lost);
    });
    faq(ui, open, t("faq-browser-q"), |ui| {
        steps(ui, &[t("faq-browser-1"), t("faq-browser-2"), t("faq-browser-3")]);
        if ui.add(crate::gui::theme::secondary(ui_text(lang, Ui::Browser))).clicked() {
            go = Some(Screen::Browser);
        }
    });
    if let Some(screen) = go {
        let ctx = ui.ctx().clone();
        app.go(&ctx, screen);
        return;
    }
    ui.add_space(16.0);
    ui.separator();
    ui.label(egui::RichText::new(ui_text(lang, Ui::ReportTitle)).size(21.0).strong());
    ui.label(t("help-report-intro"));
    if ui.checkbox(&mut app.report_personal, ui_text(lang, Ui::IncludePersonal)).changed() {
        app.report = None;
        app.send(Request::Report { include_personal_data: app.report_personal, lang });
    }
    let Some(r) = &app.report else {
        ui.spinner();
        return;
    };
    let text = report::to_text(r, lang);
    ui.add(egui::TextEdit::multiline(&mut text.as_str()).font(egui::TextStyle::Monospace).desired_width(f32::INFINITY));
    ui.horizontal(|ui| {
        crate::gui::widgets::copy_button(ui, lang, "report", ui_text(lang, Ui::Copy), &text);
        if ui.button(ui_text(lang, Ui::SaveReport)).clicked() {
            // Written by the card worker: file I/O stays off the window's thread.
            app.exported = None;
            app.send(crate::gui::worker::Request::SaveReport(text.clone()));
        }
        if ui.add_enabled(app.save_dialog.is_none(), egui::Button::new(ui_text(lang, Ui::SaveAs))).clicked() {
            app.ask_where_to_save(crate::gui::dialog::Purpose::Report);
        }
    });
    match &app.exported {
        Some(Ok(p)) => {
            let p = p.clone();
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{} {}", ui_text(lang, Ui::Saved), p.display()));
                if ui.button(ui_text(lang, Ui::OpenFolder)).clicked() {
                    crate::gui::dialog::reveal(&p);
                }
            });
        }
        Some(Err(e)) => {
            let m = message(app, e);
            notice(ui, &m.what, &m.next, true);
        }
        None => {}
    }
    back(app, ui);
}

pub fn show_selftest(app: &mut TesseraApp, ui: &mut egui::Ui) {
    let lang = app.lang;
    let ctx = ui.ctx().clone();
    title(ui, ui_text(lang, Ui::Selftest));
    let (left, max, rule) = app.card().map_or((None, 3, (5, 8)), |c| (c.pin_tries_left, c.pin_max_tries, (c.pin_min_len, c.pin_max_len)));
    ui.label(ui_text(lang, Ui::SelftestHelp));
    tries(ui, "PIN", left, max, ui_text(lang, Ui::TriesOfMax));
    if matches!(left, Some(1) | None) {
        notice(ui, tr(lang, if left.is_none() { Text::UnknownTriesWarning } else { Text::LastTryWarningPin }), "", true);
    }
    match &app.selftest {
        None if app.pin_operation_pending() => {
            ui.spinner();
        }
        None => {
            let r = secret_field(ui, field::current(), ui_text(lang, Ui::CurrentPinLabel), &mut app.wizard.current, rule.1);
            // The one thing to type here: the cursor is in the field when the page opens.
            if !r.has_focus() && app.wizard.current.as_str().is_empty() && !app.wizard.confirm_open {
                r.request_focus();
            }
            let typed = app.wizard.current.as_str();
            let ok = typed.chars().all(|c| c.is_ascii_digit()) && (rule.0..=rule.1).contains(&typed.len());
            let mut pressed = ui.add_enabled(ok && !app.busy, egui::Button::new(ui_text(lang, Ui::RunSelftest))).clicked();
            pressed |= ok && !app.wizard.confirm_open && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if let Some(confirmed) = super::pin::confirm_if_last_try(app, &ctx, pressed, tessera_core::secret::PinKind::Pin, left) {
                let rule = tessera_core::secret::LengthRule { min: rule.0, max: rule.1 };
                let pin = Pin::parse(app.wizard.current.take(), rule);
                app.wipe_fields(&ctx);
                match pin {
                    Ok(p) => app.send(Request::Selftest(p, confirmed, lang)),
                    Err(e) => app.selftest = Some(Err(crate::Error::Core(tessera_core::Error::InvalidInput(e.into())))),
                }
            }
        }
        Some(Ok(res)) => {
            let crate::gui::theme::Palette { good, bad, .. } = crate::gui::theme::colors(ui);
            for s in &res.steps {
                let name = match s.id {
                    "certificate_dates" => Ui::StepCertDates,
                    "pin" => Ui::StepPin,
                    "signature" => Ui::StepSignature,
                    _ => Ui::StepVerified,
                };
                let (word, color) = match s.result {
                    StepResult::Pass => (Ui::Passed, good),
                    StepResult::Fail => (Ui::Failed, bad),
                    StepResult::Skipped => (Ui::NotRun, ui.visuals().weak_text_color()),
                };
                ui.horizontal(|ui| {
                    ui.label(ui_text(lang, name));
                    ui.label(egui::RichText::new(ui_text(lang, word)).strong().color(color));
                    ui.label(egui::RichText::new(s.detail_text(lang)).weak());
                });
            }
            let summary = if res.passed() { Ui::SelftestOk } else { Ui::SelftestKo };
            ui.label(egui::RichText::new(ui_text(lang, summary)).size(20.0).strong());
        }
        Some(Err(e)) => {
            let m = message(app, e);
            notice(ui, &m.what, &m.next, true);
        }
    }
    back(app, ui);
}

pub fn show_browser(app: &mut TesseraApp, ui: &mut egui::Ui) {
    use crate::browser::BrowserKind;
    use crate::i18n::fluent::{format, text};
    let lang = app.lang;
    title(ui, ui_text(lang, Ui::Browser));
    ui.label(ui_text(lang, Ui::BrowserHelp));
    ui.add_space(8.0);
    let card_type = app.card().map_or(tessera_core::card::CardType::Cps, |c| c.card_type);
    let Some((module, states, change)) = &app.browsers else {
        ui.spinner();
        return;
    };
    if let Err(e) = module {
        let m = message(app, e);
        notice(ui, &m.what, &m.next, true);
    }
    if states.is_empty() {
        notice(ui, ui_text(lang, Ui::NoProfiles), text(lang, "ui-no-profiles-next"), false);
    }
    for s in states {
        let state = if s.registered { ui_text(lang, Ui::SetUp) } else { ui_text(lang, Ui::NotSetUp) };
        let open = if s.in_use { format!(" — {}", ui_text(lang, Ui::BrowserOpen)) } else { String::new() };
        // A person's words: "Firefox, profilo «default-esr»", "Chrome / Chromium".
        let name = match s.db.browser {
            BrowserKind::Firefox => format(lang, "ui-firefox-profile", &[("name", s.db.name.clone().into())]),
            BrowserKind::Chrome | BrowserKind::Custom => s.db.name.clone(),
        };
        row(ui, &name, &format!("{state}{open}"));
    }
    match change {
        Some(Err(e)) => {
            let m = message(app, e);
            notice(ui, &m.what, &m.next, true);
        }
        // What comes next, in the browser: the portal's button for this card and the PIN.
        Some(Ok(())) if states.iter().all(|s| s.registered) => {
            let next = if card_type == tessera_core::card::CardType::Cie { "ui-browser-done-cie" } else { "ui-browser-done-cns" };
            notice(ui, text(lang, "ui-browser-done"), text(lang, next), false);
        }
        _ => {}
    }
    // The demo card is for practice: the person's real browsers are left as they are.
    if app.demo {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(text(lang, "ui-browser-demo")).strong());
    }
    let can = module.is_ok() && !states.is_empty() && !app.demo;
    let all_set = !states.is_empty() && states.iter().all(|s| s.registered);
    let any_set = states.iter().any(|s| s.registered);
    let module_path = module.as_ref().ok().map(|p| p.display().to_string());
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        // Setting up is the way forward until every browser is set up.
        let set_up = if all_set { crate::gui::theme::secondary(ui_text(lang, Ui::SetUpAll)) } else { crate::gui::theme::primary_if(ui, can, ui_text(lang, Ui::SetUpAll)) };
        if ui.add_enabled(can, set_up).clicked() {
            app.send(Request::BrowserChange(card_type, true));
        }
        if ui.add_enabled(can && any_set, egui::Button::new(ui_text(lang, Ui::RemoveAll))).clicked() {
            app.send(Request::BrowserChange(card_type, false));
        }
        if ui.button(ui_text(lang, Ui::Refresh)).clicked() {
            app.send(Request::BrowserStatus(card_type));
        }
    });
    // The module's file is for the helpdesk, folded away.
    if let Some(p) = module_path {
        ui.add_space(8.0);
        egui::CollapsingHeader::new(ui_text(lang, Ui::HelpdeskDetails)).id_salt("browser-details").show(ui, |ui| {
            row(ui, ui_text(lang, Ui::Module), &p);
        });
    }
    back(app, ui);
}
