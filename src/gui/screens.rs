//! One module per screen.

pub mod about;
pub mod certificate;
pub mod help;
pub mod home;
pub mod pin;

use super::app::{Screen, TesseraApp};
use crate::error::CoreError;
use eframe::egui;

/// Puts the window on a named screen and step, with dummy input, for the screenshot script.
/// Names: home, change1, change2, change3, change-last-try, change-done, change-wrong-pin,
/// change-removed, unblock1, unblock2, unblock3, unblock-done, certificate, about, details, help,
/// help-open (every answer open)
/// (and no-reader, unknown-card, chosen when the window opens).
pub fn stage(app: &mut TesseraApp, ctx: &egui::Context, name: &str) {
    use egui::TextBuffer;
    use egui::epaint::text::CharIndex;
    let fill = |app: &mut TesseraApp| {
        app.wizard.current.insert_text("12345678", CharIndex(0));
        app.wizard.puk.insert_text("12345678", CharIndex(0));
        app.wizard.new.insert_text("5820974", CharIndex(0));
        app.wizard.again.insert_text("5820974", CharIndex(0));
    };
    let result = |app: &mut TesseraApp, ctx: &egui::Context, screen: Screen, outcome: crate::Result<()>| {
        app.go(ctx, screen);
        app.wizard.step = 4;
        app.wizard.outcome = Some(outcome);
    };
    match name {
        "change-done" => result(app, ctx, Screen::Change, Ok(())),
        "unblock-done" => result(app, ctx, Screen::Unblock, Ok(())),
        "change-wrong-pin" => result(
            app,
            ctx,
            Screen::Change,
            Err(crate::Error::Core(CoreError::WrongSecret { kind: tessera_core::secret::PinKind::Pin, tries_left: 2 })),
        ),
        "change-removed" => {
            // What a card pulled out right after the change command reached it looks like.
            use tessera_core::service::pin::{Before, Interruption, Pending, PinOp, PinPolicy, Stage};
            let pending = Pending {
                op: PinOp::Change,
                stage: Stage::CommandSent,
                before: Before { pin: tessera_core::card::TriesLeft::Known(2), puk: tessera_core::card::TriesLeft::Unknown },
                policy: PinPolicy::CNS,
            };
            let cause = Box::new(CoreError::Transport(tessera_core::transport::TransportError::CardRemoved));
            result(app, ctx, Screen::Change, Err(crate::Error::Core(CoreError::Interrupted(Box::new(Interruption { pending, cause })))))
        }
        "details" => app.details = true,
        "about" => app.about = true,
        "selftest-done" => {
            app.go(ctx, Screen::Selftest);
            let ok = |id| crate::selftest::Step { id, result: crate::selftest::StepResult::Pass, detail: String::new(), what: crate::selftest::Detail::PinVerified };
            app.selftest = Some(Ok(crate::selftest::Selftest { steps: vec![ok("certificate_dates"), ok("pin"), ok("signature"), ok("signature_verified")] }));
        }
        "certificate" => app.go(ctx, Screen::Certificate),
        "help" => app.go(ctx, Screen::Help),
        "help-open" => {
            app.faq_open = true;
            app.go(ctx, Screen::Help);
        }
        "browser" => app.go(ctx, Screen::Browser),
        "selftest" => app.go(ctx, Screen::Selftest),
        n if n.starts_with("change") || n.starts_with("unblock") => {
            let screen = if n.starts_with("change") { Screen::Change } else { Screen::Unblock };
            app.go(ctx, screen);
            fill(app);
            app.wizard.step = match n.trim_start_matches("change").trim_start_matches("unblock") {
                "2" => 2,
                "3" => 3,
                "-last-try" => {
                    app.wizard.confirm_open = true;
                    3
                }
                _ => 1,
            };
            if app.wizard.step == 1 {
                app.wipe_fields(ctx);
            }
        }
        _ => {}
    }
}

/// A big title line.
pub fn title(ui: &mut egui::Ui, text: &str) {
    ui.add_space(8.0);
    ui.label(egui::RichText::new(text).size(26.0).strong());
    ui.add_space(8.0);
}

/// A label/value row.
pub fn row(ui: &mut egui::Ui, label: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(format!("{label}:")).weak());
        ui.label(egui::RichText::new(value).strong());
    });
}

/// A framed message: what happened, and what to do next.
pub fn notice(ui: &mut egui::Ui, what: &str, next: &str, warn: bool) {
    let p = super::theme::colors(ui);
    let color = if warn { p.bad } else { p.strong_text };
    egui::Frame::group(ui.style()).fill(p.raised).inner_margin(14.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(what).size(19.0).strong().color(color));
        if !next.is_empty() {
            ui.add_space(4.0);
            ui.label(next);
        }
    });
}
