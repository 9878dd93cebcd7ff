//! One module per screen.
//!
//! Each screen owns its state and draws from a read-only [`View`](super::nav::View) of the
//! application, returning the [`Command`](super::nav::Command)s the application applies after
//! the frame; no screen holds or changes the application.

pub mod about;
pub mod browser;
pub mod certificate;
pub mod help;
pub mod home;
pub mod pin;
pub mod selftest;

use eframe::egui;

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
