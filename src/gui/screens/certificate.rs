//! The certificate: details, copyable fingerprints, export as PEM or DER.

use super::{notice, row, title};
use tessera_core::cert::ExportFormat;
use crate::gui::app::{Screen, TesseraApp, message, ui_text};
use crate::gui::worker::Request;
use crate::i18n::{Text, Ui, tr};
use eframe::egui;

pub fn show(app: &mut TesseraApp, ui: &mut egui::Ui) {
    let lang = app.lang;
    let ctx = ui.ctx().clone();
    let Some((summary, der)) = app.card().and_then(|o| Some((o.certificate.clone()?, o.certificate_der.clone()?))) else {
        app.go(&ctx, Screen::Home);
        return;
    };
    title(ui, ui_text(lang, Ui::Certificate));
    row(ui, tr(lang, Text::Holder), &summary.holder);
    row(ui, tr(lang, Text::CodiceFiscale), summary.codice_fiscale.as_deref().unwrap_or("-"));
    row(ui, ui_text(lang, Ui::Issuer), &summary.issuer);
    row(ui, ui_text(lang, Ui::Serial), &summary.serial);
    row(ui, ui_text(lang, Ui::ValidFrom), &summary.not_before);
    row(ui, ui_text(lang, Ui::ValidUntil), &format!("{} ({} {})", summary.not_after, summary.days_left, ui_text(lang, Ui::DaysLeft)));
    row(ui, ui_text(lang, Ui::KeyUsage), &[summary.key_usage.clone(), summary.extended_key_usage.clone()].concat().join(", "));
    row(ui, tr(lang, Text::PublicKey), &summary.public_key);
    for (name, fp) in [("SHA-256", &summary.sha256), ("SHA-1", &summary.sha1)] {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(format!("{name}:")).weak());
            ui.label(egui::RichText::new(fp).monospace().small());
            if ui.button(format!("{} {name}", ui_text(lang, Ui::Copy))).clicked() {
                ctx.copy_text(fp.clone());
            }
        });
    }
    ui.add_space(16.0);
    ui.horizontal(|ui| {
        let l = ui.label(ui_text(lang, Ui::SaveTo));
        ui.add(egui::TextEdit::singleline(&mut app.export_path).desired_width(420.0)).labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        for (label, format, ext) in [(Ui::ExportPem, ExportFormat::Pem, "pem"), (Ui::ExportDer, ExportFormat::Der, "der")] {
            if ui.button(ui_text(lang, label)).clicked() {
                let mut path = std::path::PathBuf::from(app.export_path.trim());
                path.set_extension(ext);
                app.export_path = path.display().to_string();
                app.send(Request::Export { der: der.clone(), format, path });
            }
        }
    });
    match &app.exported {
        Some(Ok(p)) => {
            ui.label(egui::RichText::new(format!("{} {}", ui_text(lang, Ui::Saved), p.display())).color(egui::Color32::from_rgb(0x1E, 0x8E, 0x3E)));
        }
        Some(Err(e)) => {
            let m = message(app, e);
            notice(ui, &m.what, &m.next, true);
        }
        None => {}
    }
    ui.add_space(16.0);
    if ui.button(ui_text(lang, Ui::Back)).clicked() {
        app.go(&ctx, Screen::Home);
    }
}
