//! Start-up staging for the screenshot script: the window put on a named screen and step,
//! with dummy input (scripts/screenshots.sh).

use super::app::TesseraApp;
use super::nav::Screen;
use super::screens::pin::Step;
use crate::error::CoreError;
use eframe::egui;

impl TesseraApp {
    /// Puts the window on a named screen and step, with dummy input, for the screenshot script.
    /// Names: home, change1, change2, change3, change-last-try, change-done, change-wrong-pin,
    /// change-removed, unblock1, unblock2, unblock3, unblock-done, certificate, about, details, help,
    /// help-open (every answer open)
    /// (and no-reader, unknown-card, chosen when the window opens).
    pub(super) fn stage(&mut self, ctx: &egui::Context, name: &str) {
        let app = self;
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
            app.wizard.step = Step::Result;
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
            "details" => app.home.details = true,
            "about" => app.about = true,
            "selftest-done" => {
                app.go(ctx, Screen::Selftest);
                let ok = |id| crate::selftest::Step { id, result: crate::selftest::StepResult::Pass, detail: String::new(), what: crate::selftest::Detail::PinVerified };
                app.selftest.result = Some(Ok(crate::selftest::Selftest { steps: vec![ok("certificate_dates"), ok("pin"), ok("signature"), ok("signature_verified")] }));
            }
            "certificate" => app.go(ctx, Screen::Certificate),
            "help" => app.go(ctx, Screen::Help),
            "help-open" => {
                app.help.faq_open = true;
                app.go(ctx, Screen::Help);
            }
            "browser" => app.go(ctx, Screen::Browser),
            "selftest" => app.go(ctx, Screen::Selftest),
            n if n.starts_with("change") || n.starts_with("unblock") => {
                let screen = if n.starts_with("change") { Screen::Change } else { Screen::Unblock };
                app.go(ctx, screen);
                fill(app);
                app.wizard.step = match n.trim_start_matches("change").trim_start_matches("unblock") {
                    "2" => Step::NewPin,
                    "3" => Step::Confirm,
                    "-last-try" => {
                        app.wizard.confirm_open = true;
                        Step::Confirm
                    }
                    _ => Step::Secret,
                };
                if app.wizard.step == Step::Secret {
                    app.wipe_fields(ctx);
                }
            }
            _ => {}
        }
    }
}
