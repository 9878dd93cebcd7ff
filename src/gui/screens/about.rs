//! The About box.

use crate::gui::app::{TesseraApp, ui_text};
use crate::i18n::Ui;
use eframe::egui;

pub fn show(app: &mut TesseraApp, ctx: &egui::Context) {
    let lang = app.lang;
    let r = egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.label(egui::RichText::new("Tessera").size(26.0).strong());
        ui.label(format!("{} {}", ui_text(lang, Ui::Version), env!("CARGO_PKG_VERSION")));
        ui.add_space(6.0);
        ui.label(ui_text(lang, Ui::AboutText));
        ui.add_space(12.0);
        if ui.button(ui_text(lang, Ui::Close)).clicked() {
            app.about = false;
        }
    });
    if r.should_close() {
        app.about = false;
    }
}
