//! The card overview: live, from the reader monitor.

use super::{notice, row, title};
use crate::error::CoreError;
use crate::gui::nav::{Command, Commands, Screen, View, ui_text};
use crate::gui::theme::{primary, primary_if, secondary};
use crate::gui::widgets::tries;
use crate::gui::worker::Source;
use crate::i18n::{Text, Ui, tr};
use tessera_sim::{Preset, SimProfile};
use tessera_core::transport::TransportError;
use crate::Error;
use eframe::egui;

/// The card screen's own state.
#[derive(Debug, Default)]
pub struct HomePage {
    /// The helpdesk details are unfolded.
    pub details: bool,
}

/// The card screen.
pub fn show(v: &View, home: &mut HomePage, ui: &mut egui::Ui) -> Commands {
    let mut cmds = Commands::new();
    let lang = v.lang;
    let Some(ov) = v.overview.map(|o| o.as_ref().cloned().map_err(|e| v.message(e))) else {
        ui.add_space(40.0);
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(ui_text(lang, Ui::Working));
        });
        return cmds;
    };
    let err_kind = v.overview.and_then(|o| o.as_ref().err()).map(|e| match e {
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
            ui.horizontal_wrapped(|ui| {
                if ui.button(ui_text(lang, Ui::Refresh)).clicked() {
                    cmds.push(Command::Refresh);
                }
                let offer_demo = e_kind == 3 && !v.demo;
                if offer_demo && ui.button(ui_text(lang, Ui::UseDemoCard)).clicked() {
                    cmds.push(Command::SetSource(Source::demo(SimProfile::Cps, Preset::Fresh)));
                }
                if ui.button(ui_text(lang, Ui::Help)).clicked() {
                    cmds.push(Command::Go(Screen::Help));
                }
            });
            readers(v, ui);
            return cmds;
        }
    };
    // What matters most comes first: a blocked PUK or PIN, or the last try.
    let pin_blocked = ov.pin_tries_left == Some(0);
    let puk_blocked = ov.puk_tries_left == Some(0);
    if puk_blocked {
        let m = v.message(&Error::Core(CoreError::PukBlocked));
        notice(ui, &m.what, &m.next, true);
    } else if pin_blocked {
        notice(ui, ui_text(lang, Ui::PinBlockedNotice), &v.message(&Error::Core(CoreError::PinBlocked)).next, true);
    } else if ov.pin_tries_left == Some(1) {
        notice(ui, tr(lang, Text::LastTryWarningPin), ui_text(lang, Ui::LastTryHint), true);
    }
    ui.add_space(8.0);
    // The card as a card (its name, number grouped for reading aloud, holder, codice fiscale),
    // with the facts beside it when the window is wide enough, under it otherwise.
    let wide = ui.available_width() >= 680.0;
    let mut expiry_notice = None;
    let facts = |ui: &mut egui::Ui, expiry_notice: &mut Option<&'static str>| {
        ui.horizontal_wrapped(|ui| {
            row(ui, tr(lang, Text::CardNumber), &ov.card_number.as_deref().map_or_else(|| "-".to_owned(), crate::i18n::grouped));
            // The copy is the plain number.
            if let Some(n) = &ov.card_number {
                crate::gui::widgets::copy_button(ui, lang, "card-number", ui_text(lang, Ui::Copy), n);
            }
        });
        if let Some(c) = &ov.certificate {
            let date = crate::i18n::long_date(lang, &c.not_after);
            let validity = if c.days_left < 0 {
                format!("{} ({date})", ui_text(lang, Ui::Expired))
            } else {
                let left = crate::i18n::fluent::format(lang, "days-left", &[("days", c.days_left.into())]);
                format!("{} {date} ({left})", tr(lang, Text::ValidUntil))
            };
            row(ui, tr(lang, Text::Certificate), &validity);
            if c.days_left < 60 {
                let advice = crate::i18n::advice::advice(Some(ov.issuer()), lang);
                *expiry_notice = Some(if c.days_left < 0 { advice.expired } else { advice.expiring });
            }
        }
        ui.add_space(4.0);
        let suffix = |left: Option<u8>| match left {
            Some(0) => tr(lang, Text::Blocked),
            Some(_) => ui_text(lang, Ui::TriesOfMax),
            None => tr(lang, Text::Unknown),
        };
        if ov.pin_in_use {
            row(ui, "PIN", crate::i18n::t(lang, "text-pin-in-use"));
        } else {
            tries(ui, "PIN", ov.pin_tries_left, ov.pin_max_tries, suffix(ov.pin_tries_left));
        }
        tries(ui, "PUK", ov.puk_tries_left, ov.puk_max_tries, suffix(ov.puk_tries_left));
    };
    if wide {
        ui.horizontal_top(|ui| {
            ui.allocate_ui(egui::vec2(300.0, 0.0), |ui| crate::gui::widgets::card_face(ui, &ov, v.demo));
            ui.add_space(12.0);
            ui.vertical(|ui| facts(ui, &mut expiry_notice));
        });
    } else {
        // Narrow (a small window, or large text): a smaller card, so the facts stay in view.
        ui.allocate_ui(egui::vec2(ui.available_width().min(340.0), 0.0), |ui| crate::gui::widgets::card_face(ui, &ov, v.demo));
        ui.add_space(8.0);
        facts(ui, &mut expiry_notice);
    }
    if let Some(text) = expiry_notice {
        let expired = ov.certificate.as_ref().is_some_and(|c| c.days_left < 0);
        notice(ui, ui_text(lang, if expired { Ui::Expired } else { Ui::Certificate }), text, true);
    }
    ui.add_space(16.0);
    ui.add_space(8.0);
    if puk_blocked {
        // Nothing on the card can be unblocked or changed any more: only what still helps —
        // the advice above (where to go, what the card still does) and the help page with the
        // report for the helpdesk.
        if ui.add(primary(ui, ui_text(lang, Ui::Help))).clicked() {
            cmds.push(Command::Go(Screen::Help));
        }
        helpdesk_details(lang, home, ui, &ov);
        return cmds;
    }
    ui.horizontal_wrapped(|ui| {
        // The one thing to do now is the primary button: change the PIN, or unblock it. With one
        // PIN try left the safe way is the PUK's, so «Ho dimenticato il PIN» is the primary one.
        let last_try = ov.pin_tries_left == Some(1);
        let change = if last_try { secondary(ui_text(lang, Ui::ChangePin)) } else { primary_if(ui, !v.busy, ui_text(lang, Ui::ChangePin)) };
        if !pin_blocked && ui.add_enabled(!v.busy, change).clicked() {
            cmds.push(Command::Go(Screen::Change));
        }
        let unblock = match (pin_blocked, last_try) {
            (true, _) => primary_if(ui, !v.busy, ui_text(lang, Ui::UnblockPin)),
            (false, true) => primary_if(ui, !v.busy, ui_text(lang, Ui::ForgotPin)),
            (false, false) => secondary(ui_text(lang, Ui::ForgotPin)),
        };
        if ui.add_enabled(!v.busy, unblock).clicked() {
            cmds.push(Command::Go(Screen::Unblock));
        }
        // Without the PUK the unblock cannot start: where a lost PUK is found again.
        if pin_blocked && ui.add(secondary(crate::i18n::t(lang, "ui-no-puk"))).clicked() {
            cmds.push(Command::HelpOnLostPuk);
        }
        if ov.certificate.is_some() && ui.add(secondary(ui_text(lang, Ui::Certificate))).clicked() {
            cmds.push(Command::Go(Screen::Certificate));
        }
    });
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if !pin_blocked && ui.add_enabled(!v.busy, egui::Button::new(ui_text(lang, Ui::Selftest))).clicked() {
            cmds.push(Command::Go(Screen::Selftest));
        }
        if ui.button(ui_text(lang, Ui::Browser)).clicked() {
            cmds.push(Command::Go(Screen::Browser));
        }
        if ui.button(ui_text(lang, Ui::Help)).clicked() {
            cmds.push(Command::Go(Screen::Help));
        }
    });
    helpdesk_details(lang, home, ui, &ov);
    cmds
}

/// The folding box with what the helpdesk asks for (reader, model, ATR).
fn helpdesk_details(lang: crate::i18n::Lang, home: &mut HomePage, ui: &mut egui::Ui, ov: &tessera_core::service::CardOverview) {
    ui.add_space(16.0);
    ui.checkbox(&mut home.details, ui_text(lang, Ui::HelpdeskDetails));
    if home.details {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            row(ui, tr(lang, Text::Reader), &crate::i18n::reader_name(lang, &ov.reader));
            row(ui, tr(lang, Text::Model), &crate::i18n::model_text(lang, &ov.model, ov.model_note));
            row(ui, "ATR", &ov.atr);
            row(ui, "APDU", &ov.apdus.to_string());
            if let Some(n) = &ov.nis {
                row(ui, "NIS", n);
            }
        });
    }
}

fn readers(v: &View, ui: &mut egui::Ui) {
    if let Some(Ok(rs)) = v.readers
        && !rs.is_empty() {
            ui.add_space(12.0);
            ui.label(egui::RichText::new(ui_text(v.lang, Ui::Readers)).weak());
            for r in rs {
                let state = if r.card_present { tr(v.lang, Text::CardPresent) } else { tr(v.lang, Text::NoCardInReader) };
                ui.label(format!("{} — {state}", r.name));
            }
        }
}
