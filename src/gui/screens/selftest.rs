//! The card self-test: certificate dates, the PIN (a real try, asked before the last one), a
//! signature and its verification.

use super::help::back;
use super::{notice, title};
use crate::gui::nav::{Command, Commands, View, ui_text};
use crate::gui::widgets::{SecretBuffer, secret_field, tries, wipe_field};
use crate::gui::worker::Request;
use crate::i18n::{Text, Ui, tr};
use crate::selftest::StepResult;
use eframe::egui;
use tessera_core::secret::Pin;

/// The self-test's own state.
#[derive(Default)]
pub struct SelftestPage {
    /// The PIN typed (wiped when dropped, like every [`SecretBuffer`]).
    pub pin: SecretBuffer,
    /// The last-try confirmation dialog is open.
    pub confirm_open: bool,
    /// The result, once known.
    pub result: Option<crate::Result<crate::selftest::Selftest>>,
}

impl SelftestPage {
    /// Wipes the PIN and egui's undo history for its field.
    pub fn wipe(&mut self, ctx: &egui::Context) {
        wipe_field(ctx, pin_field(), &mut self.pin);
    }
}

fn pin_field() -> egui::Id {
    egui::Id::unique("selftest-pin")
}

/// The self-test screen.
pub fn show(v: &View, page: &mut SelftestPage, ui: &mut egui::Ui) -> Commands {
    let mut cmds = Commands::new();
    let lang = v.lang;
    let ctx = ui.ctx().clone();
    title(ui, ui_text(lang, Ui::Selftest));
    let (left, max, rule) = v.card().map_or((None, 3, (5, 8)), |c| (c.pin_tries_left, c.pin_max_tries, (c.pin_min_len, c.pin_max_len)));
    ui.label(ui_text(lang, Ui::SelftestHelp));
    tries(ui, "PIN", left, max, ui_text(lang, Ui::TriesOfMax));
    if matches!(left, Some(1) | None) {
        notice(ui, tr(lang, if left.is_none() { Text::UnknownTriesWarning } else { Text::LastTryWarningPin }), "", true);
    }
    match &page.result {
        None if v.pin_pending => {
            ui.spinner();
        }
        None => {
            let r = secret_field(ui, pin_field(), ui_text(lang, Ui::CurrentPinLabel), &mut page.pin, rule.1);
            // The one thing to type here: the cursor is in the field when the page opens.
            if !r.has_focus() && page.pin.as_str().is_empty() && !page.confirm_open {
                r.request_focus();
            }
            let typed = page.pin.as_str();
            let (digits, length) = super::pin::digits_ok(typed, rule.0, rule.1);
            let ok = digits && length;
            let mut pressed = ui.add_enabled(ok && !v.busy, egui::Button::new(ui_text(lang, Ui::RunSelftest))).clicked();
            pressed |= ok && !page.confirm_open && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let kind = tessera_core::secret::PinKind::Pin;
            if let Some(confirmed) = super::pin::confirm_if_last_try(v, &mut page.confirm_open, &ctx, pressed, kind, left, &mut cmds) {
                let rule = tessera_core::secret::LengthRule { min: rule.0, max: rule.1 };
                let pin = Pin::parse(page.pin.take(), rule);
                page.wipe(&ctx);
                match pin {
                    Ok(p) => cmds.push(Command::Send(Request::Selftest(p, confirmed, lang))),
                    Err(e) => page.result = Some(Err(crate::Error::Core(tessera_core::Error::InvalidInput(e.into())))),
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
            let m = v.message(e);
            notice(ui, &m.what, &m.next, true);
        }
    }
    back(lang, ui, &mut cmds);
    cmds
}
