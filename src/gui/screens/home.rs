//! The card overview: live, from the reader monitor.

use super::{notice, row, title};
use crate::error::CoreError;
use crate::gui::app::{Screen, TesseraApp, message, ui_text};
use crate::gui::widgets::tries;
use crate::gui::worker::{Request, Source};
use crate::i18n::{Text, Ui, tr};
use tessera_sim::{Preset, SimProfile};
use tessera_core::transport::TransportError;
use crate::Error;
use eframe::egui;

pub fn show(app: &mut TesseraApp, ui: &mut egui::Ui) {
    let lang = app.lang;
    let Some(ov) = app.overview.as_ref().map(|o| o.as_ref().cloned().map_err(|e| message(app, e))) else {
        ui.add_space(40.0);
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(ui_text(lang, Ui::Working));
        });
        return;
    };
    let err_kind = app.overview.as_ref().and_then(|o| o.as_ref().err()).map(|e| match e {
        Error::Core(CoreError::Transport(TransportError::NoCard | TransportError::CardRemoved)) => 1,
        Error::Core(CoreError::Transport(TransportError::SharingViolation)) => 2,
        Error::Core(CoreError::Transport(TransportError::NoService | TransportError::NoReader)) => 3,
        _ => 0,
    });
    let ov = match ov {
        Ok(o) => o,
        Err(m) => {
            let e_kind = err_kind.unwrap_or(0);
            let e_title = match e_kind {
                1 => ui_text(lang, Ui::NoCardTitle),
                2 => ui_text(lang, Ui::CardBusyTitle),
                _ => "",
            };
            if !e_title.is_empty() {
                title(ui, e_title);
            }
            notice(ui, &m.what, &m.next, false);
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if ui.button(ui_text(lang, Ui::Refresh)).clicked() {
                    app.busy = true;
                    app.send(Request::Refresh);
                }
                let offer_demo = e_kind == 3 && !app.demo;
                if offer_demo && ui.button(ui_text(lang, Ui::UseDemoCard)).clicked() {
                    app.set_source(Source::demo(SimProfile::Cps, Preset::Fresh));
                }
                if ui.button(ui_text(lang, Ui::Help)).clicked() {
                    let ctx = ui.ctx().clone();
                    app.go(&ctx, Screen::Help);
                }
            });
            readers(app, ui);
            return;
        }
    };
    title(ui, &format!("{} — {}", ov.card_type, ov.holder.as_deref().unwrap_or("")));
    row(ui, tr(lang, Text::CodiceFiscale), ov.codice_fiscale.as_deref().unwrap_or("-"));
    ui.horizontal(|ui| {
        // Grouped for reading aloud; the copy is the plain number.
        row(ui, tr(lang, Text::CardNumber), &ov.card_number.as_deref().map_or_else(|| "-".to_owned(), crate::i18n::grouped));
        if let Some(n) = &ov.card_number {
            crate::gui::widgets::copy_button(ui, lang, "card-number", ui_text(lang, Ui::Copy), n);
        }
    });
    if let Some(c) = &ov.certificate {
        let validity = if c.days_left < 0 {
            format!("{} ({})", ui_text(lang, Ui::Expired), crate::i18n::long_date(lang, &c.not_after))
        } else {
            format!("{} {} ({} {})", tr(lang, Text::ValidUntil), crate::i18n::long_date(lang, &c.not_after), c.days_left, ui_text(lang, Ui::DaysLeft))
        };
        row(ui, tr(lang, Text::Certificate), &validity);
        if c.days_left < 60 {
            let advice = crate::advice::advice(app.issuer(), lang);
            let g = if c.days_left < 0 { advice.expired } else { advice.expiring };
            notice(ui, ui_text(lang, if c.days_left < 0 { Ui::Expired } else { Ui::Certificate }), g, true);
        }
    }
    ui.add_space(8.0);
    let suffix = |left: Option<u8>| match left {
        Some(0) => tr(lang, Text::Blocked),
        Some(_) => ui_text(lang, Ui::TriesOfMax),
        None => tr(lang, Text::Unknown),
    };
    tries(ui, "PIN", ov.pin_tries_left, ov.pin_max_tries, suffix(ov.pin_tries_left));
    tries(ui, "PUK", ov.puk_tries_left, ov.puk_max_tries, suffix(ov.puk_tries_left));
    ui.add_space(16.0);
    let pin_blocked = ov.pin_tries_left == Some(0);
    let puk_blocked = ov.puk_tries_left == Some(0);
    if puk_blocked {
        let m = message(app, &Error::Core(CoreError::PukBlocked));
        notice(ui, &m.what, &m.next, true);
    } else if pin_blocked {
        notice(ui, ui_text(lang, Ui::PinBlockedNotice), &message(app, &Error::Core(CoreError::PinBlocked)).next, true);
    } else if ov.pin_tries_left == Some(1) {
        notice(ui, tr(lang, Text::LastTryWarningPin), ui_text(lang, Ui::LastTryHint), true);
    }
    ui.add_space(8.0);
    if puk_blocked {
        // Nothing on the card can be unblocked or changed any more: only what still helps —
        // the advice above (where to go, what the card still does) and the help page with the
        // report for the helpdesk.
        if ui.add(egui::Button::new(egui::RichText::new(ui_text(lang, Ui::Help)).size(19.0)).min_size(egui::vec2(160.0, 44.0))).clicked() {
            let ctx = ui.ctx().clone();
            app.go(&ctx, Screen::Help);
        }
        helpdesk_details(app, ui, &ov);
        return;
    }
    ui.horizontal(|ui| {
        let big = |t: &str| egui::Button::new(egui::RichText::new(t).size(19.0)).min_size(egui::vec2(160.0, 44.0));
        if !pin_blocked && ui.add_enabled(!app.busy, big(ui_text(lang, Ui::ChangePin))).clicked() {
            let ctx = ui.ctx().clone();
            app.go(&ctx, Screen::Change);
        }
        let unblock_label = if pin_blocked { ui_text(lang, Ui::UnblockPin) } else { ui_text(lang, Ui::ForgotPin) };
        if ui.add_enabled(!app.busy, big(unblock_label)).clicked() {
            let ctx = ui.ctx().clone();
            app.go(&ctx, Screen::Unblock);
        }
        if ov.certificate.is_some() && ui.add(big(ui_text(lang, Ui::Certificate))).clicked() {
            let ctx = ui.ctx().clone();
            app.go(&ctx, Screen::Certificate);
        }
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ctx = ui.ctx().clone();
        if !pin_blocked && ui.add_enabled(!app.busy, egui::Button::new(ui_text(lang, Ui::Selftest))).clicked() {
            app.go(&ctx, Screen::Selftest);
        }
        if ui.button(ui_text(lang, Ui::Browser)).clicked() {
            app.go(&ctx, Screen::Browser);
        }
        if ui.button(ui_text(lang, Ui::Help)).clicked() {
            app.go(&ctx, Screen::Help);
        }
    });
    helpdesk_details(app, ui, &ov);
}

/// The folding box with what the helpdesk asks for (reader, model, ATR).
fn helpdesk_details(app: &mut TesseraApp, ui: &mut egui::Ui, ov: &tessera_core::service::CardOverview) {
    let lang = app.lang;
    ui.add_space(16.0);
    ui.checkbox(&mut app.details, ui_text(lang, Ui::HelpdeskDetails));
    if app.details {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            row(ui, tr(lang, Text::Reader), &ov.reader);
            row(ui, tr(lang, Text::Model), &ov.model);
            row(ui, "ATR", &ov.atr);
            row(ui, "APDU", &ov.apdus.to_string());
            if let Some(n) = &ov.nis {
                row(ui, "NIS", n);
            }
        });
    }
}

fn readers(app: &TesseraApp, ui: &mut egui::Ui) {
    if let Some(Ok(rs)) = &app.readers
        && !rs.is_empty() {
            ui.add_space(12.0);
            ui.label(egui::RichText::new(ui_text(app.lang, Ui::Readers)).weak());
            for r in rs {
                let state = if r.card_present { tr(app.lang, Text::CardPresent) } else { tr(app.lang, Text::NoCardInReader) };
                ui.label(format!("{} — {state}", r.name));
            }
        }
}
