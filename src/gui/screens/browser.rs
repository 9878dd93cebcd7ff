//! Browser login: which browsers use the card's module, set it up or remove it, and what to do
//! next in the browser.

use super::help::back;
use super::{notice, row, title};
use crate::gui::nav::{Command, Commands, View, ui_text};
use crate::gui::worker::Request;
use crate::i18n::Ui;
use crate::Result;
use eframe::egui;
use std::path::PathBuf;

/// What the browser page shows: the module (or why none), each database, the last change.
pub type BrowserView = (Result<PathBuf>, Vec<crate::browser::DatabaseState>, Option<Result<()>>);

/// The browser page's own state.
#[derive(Debug, Default)]
pub struct BrowserPage {
    /// Browser databases, module and the last change's result.
    pub browsers: Option<BrowserView>,
    /// Where to look and what to register; none: this user's home and Tessera's module.
    pub places: Option<crate::browser::Places>,
}

impl BrowserPage {
    /// Where the page looks for browsers, for a card of type `card_type`.
    pub fn places(&self, card_type: tessera_core::card::CardType) -> crate::browser::Places {
        self.places.clone().unwrap_or_else(|| crate::browser::Places::of_this_user(card_type))
    }
}

/// The browser page.
pub fn show(v: &View, page: &mut BrowserPage, ui: &mut egui::Ui) -> Commands {
    use crate::browser::BrowserKind;
    use crate::i18n::fluent::{format, text};
    let mut cmds = Commands::new();
    let lang = v.lang;
    title(ui, ui_text(lang, Ui::Browser));
    ui.label(ui_text(lang, Ui::BrowserHelp));
    ui.add_space(8.0);
    let card_type = v.card().map_or(tessera_core::card::CardType::Cps, |c| c.card_type);
    let Some((module, states, change)) = &page.browsers else {
        ui.spinner();
        return cmds;
    };
    if let Err(e) = module {
        let m = v.message(e);
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
    let all_set = !states.is_empty() && states.iter().all(|s| s.registered);
    match change {
        Some(Err(e)) => {
            let m = v.message(e);
            notice(ui, &m.what, &m.next, true);
        }
        // What comes next, in the browser: the portal's button for this card and the PIN.
        Some(Ok(())) if all_set => {
            let next = if card_type == tessera_core::card::CardType::Cie { "ui-browser-done-cie" } else { "ui-browser-done-cns" };
            notice(ui, text(lang, "ui-browser-done"), text(lang, next), false);
        }
        _ => {}
    }
    // The demo card is for practice: the person's real browsers are left as they are.
    if v.demo {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(text(lang, "ui-browser-demo")).strong());
    }
    let can = module.is_ok() && !states.is_empty() && !v.demo;
    let any_set = states.iter().any(|s| s.registered);
    let module_path = module.as_ref().ok().map(|p| p.display().to_string());
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        // Setting up is the way forward until every browser is set up.
        let set_up = if all_set { crate::gui::theme::secondary(ui_text(lang, Ui::SetUpAll)) } else { crate::gui::theme::primary_if(ui, can, ui_text(lang, Ui::SetUpAll)) };
        if ui.add_enabled(can, set_up).clicked() {
            cmds.push(Command::Send(Request::BrowserChange(page.places(card_type), true)));
        }
        if ui.add_enabled(can && any_set, egui::Button::new(ui_text(lang, Ui::RemoveAll))).clicked() {
            cmds.push(Command::Send(Request::BrowserChange(page.places(card_type), false)));
        }
        if ui.button(ui_text(lang, Ui::Refresh)).clicked() {
            cmds.push(Command::Send(Request::BrowserStatus(page.places(card_type))));
        }
    });
    // The module's file is for the helpdesk, folded away.
    if let Some(p) = module_path {
        ui.add_space(8.0);
        egui::CollapsingHeader::new(ui_text(lang, Ui::HelpdeskDetails)).id_salt("browser-details").show(ui, |ui| {
            row(ui, ui_text(lang, Ui::Module), &p);
        });
    }
    back(lang, ui, &mut cmds);
    cmds
}
