//! Help: the frequent questions with the wizards' steps, and the helpdesk report with copy and
//! save.

use super::{notice, title};
use crate::gui::nav::{Command, Commands, Screen, View, ui_text};
use crate::gui::worker::Request;
use crate::i18n::Ui;
use crate::report;
use eframe::egui;

/// The help page's own state.
#[derive(Debug, Default)]
pub struct HelpPage {
    /// Include personal data in the report.
    pub report_personal: bool,
    /// Every answer starts open (the screenshot of the open answers).
    pub faq_open: bool,
    /// Open on the lost-PUK answer, once.
    pub lost_puk_focus: bool,
    /// The last helpdesk report.
    pub report: Option<report::Report>,
    /// Result of the last save of the report.
    pub exported: Option<crate::Result<std::path::PathBuf>>,
}

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

/// «Indietro», to the card screen.
pub(super) fn back(lang: crate::i18n::Lang, ui: &mut egui::Ui, cmds: &mut Commands) {
    ui.add_space(16.0);
    if ui.button(ui_text(lang, Ui::Back)).clicked() {
        cmds.push(Command::Go(Screen::Home));
    }
}

/// The help page: the frequent questions (each with the steps the helpdesk reads aloud, numbered
/// as the wizards number them, and a button to the screen it talks about), then the report for
/// the helpdesk in the user's language.
pub fn show(v: &View, page: &mut HelpPage, ui: &mut egui::Ui) -> Commands {
    use crate::i18n::fluent::text;
    let mut cmds = Commands::new();
    let lang = v.lang;
    let t = |id: &str| text(lang, id);
    let advice = crate::i18n::advice::advice(v.issuer(), lang);
    let card_ok = v.card().is_some();
    let pin_blocked = v.card().is_some_and(|c| c.pin_tries_left == Some(0));
    let puk_blocked = v.card().is_some_and(|c| c.puk_tries_left == Some(0));
    title(ui, ui_text(lang, Ui::Help));
    ui.label(egui::RichText::new(t("help-faq-title")).size(21.0).strong());
    ui.label(t("help-steps-intro"));
    ui.add_space(6.0);
    let mut go = None;
    let open = page.faq_open;
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
    let lost_puk = std::mem::take(&mut page.lost_puk_focus);
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
        cmds.push(Command::Go(screen));
        return cmds;
    }
    ui.add_space(16.0);
    ui.separator();
    ui.label(egui::RichText::new(ui_text(lang, Ui::ReportTitle)).size(21.0).strong());
    ui.label(t("help-report-intro"));
    if ui.checkbox(&mut page.report_personal, ui_text(lang, Ui::IncludePersonal)).changed() {
        page.report = None;
        cmds.push(Command::Send(Request::Report { include_personal_data: page.report_personal, lang }));
    }
    let Some(r) = &page.report else {
        ui.spinner();
        return cmds;
    };
    let text = report::to_text(r, lang);
    ui.add(egui::TextEdit::multiline(&mut text.as_str()).font(egui::TextStyle::Monospace).desired_width(f32::INFINITY));
    ui.horizontal(|ui| {
        crate::gui::widgets::copy_button(ui, lang, "report", ui_text(lang, Ui::Copy), &text);
        if ui.button(ui_text(lang, Ui::SaveReport)).clicked() {
            // Written by the card worker: file I/O stays off the window's thread.
            page.exported = None;
            cmds.push(Command::Send(Request::SaveReport(text.clone())));
        }
        if ui.add_enabled(!v.saving, egui::Button::new(ui_text(lang, Ui::SaveAs))).clicked() {
            page.exported = None;
            cmds.push(Command::AskWhereToSave(crate::gui::dialog::Purpose::Report));
        }
    });
    match &page.exported {
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
            let m = v.message(e);
            notice(ui, &m.what, &m.next, true);
        }
        None => {}
    }
    back(lang, ui, &mut cmds);
    cmds
}
