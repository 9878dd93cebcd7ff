//! The About box.

use crate::gui::nav::ui_text;
use crate::i18n::{Lang, Ui};
use eframe::egui;

/// Draws the About box; true once it is closed (its button, Escape or a click outside).
pub fn show(lang: Lang, ctx: &egui::Context) -> bool {
    let mut close = false;
    let r = egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.label(egui::RichText::new("Tessera").size(26.0).strong());
        ui.label(format!("{} {}", ui_text(lang, Ui::Version), env!("CARGO_PKG_VERSION")));
        ui.add_space(6.0);
        ui.label(ui_text(lang, Ui::AboutText));
        ui.add_space(12.0);
        if ui.button(ui_text(lang, Ui::Close)).clicked() {
            close = true;
        }
    });
    close || r.should_close()
}
