//! The certificate: details, copyable fingerprints, export as PEM or DER.

use super::{notice, row, title};
use tessera_core::cert::ExportFormat;
use crate::gui::nav::{Command, Commands, Screen, View, ui_text};
use crate::gui::worker::Request;
use crate::i18n::{Text, Ui, tr};
use crate::Error;
use crate::error::CoreError;
use eframe::egui;

/// The certificate screen's own state.
#[derive(Debug, Default)]
pub struct CertificatePage {
    /// The export path typed (or chosen in the save dialog).
    pub export_path: String,
    /// Result of the last export.
    pub exported: Option<crate::Result<std::path::PathBuf>>,
}

/// The certificate screen.
pub fn show(v: &View, page: &mut CertificatePage, ui: &mut egui::Ui) -> Commands {
    let mut cmds = Commands::new();
    let lang = v.lang;
    let Some((summary, der)) = v.card().and_then(|o| Some((o.certificate.clone()?, o.certificate_der.clone()?))) else {
        cmds.push(Command::Go(Screen::Home));
        return cmds;
    };
    title(ui, ui_text(lang, Ui::Certificate));
    row(ui, tr(lang, Text::Holder), &summary.holder);
    row(ui, tr(lang, Text::CodiceFiscale), summary.codice_fiscale.as_deref().unwrap_or("-"));
    row(ui, ui_text(lang, Ui::Issuer), &summary.issuer);
    row(ui, ui_text(lang, Ui::Serial), &summary.serial);
    row(ui, ui_text(lang, Ui::ValidFrom), &crate::i18n::long_date(lang, &summary.not_before));
    row(ui, ui_text(lang, Ui::ValidUntil), &format!("{} ({})", crate::i18n::long_date(lang, &summary.not_after), crate::i18n::fluent::format(lang, "days-left", &[("days", summary.days_left.into())])));
    row(ui, ui_text(lang, Ui::KeyUsage), &crate::i18n::key_usages(lang, &[summary.key_usage.clone(), summary.extended_key_usage.clone()].concat()));
    row(ui, tr(lang, Text::PublicKey), &summary.public_key);
    for (name, fp) in [("SHA-256", &summary.sha256), ("SHA-1", &summary.sha1)] {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("{name}:")).weak());
            // On two lines of at most 16 bytes: readable at any text size, never cut off.
            let half = fp.len().div_ceil(2).next_multiple_of(3).min(fp.len());
            let shown = if fp.len() > 48 { format!("{}\n{}", &fp[..half].trim_end_matches(':'), &fp[half..]) } else { fp.clone() };
            ui.label(egui::RichText::new(shown).monospace());
            crate::gui::widgets::copy_button(ui, lang, name, &format!("{} {name}", ui_text(lang, Ui::Copy)), fp);
        });
    }
    ui.add_space(16.0);
    // The system's save dialog first; a typed path for whoever prefers it.
    let choosing = v.saving;
    if ui.add_enabled(!choosing, crate::gui::theme::primary_if(ui, !choosing, ui_text(lang, Ui::SaveAs))).clicked() {
        page.exported = None;
        cmds.push(Command::AskWhereToSave(crate::gui::dialog::Purpose::Certificate));
    }
    ui.add_space(8.0);
    ui.label(egui::RichText::new(ui_text(lang, Ui::OrTypePath)).weak());
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(ui_text(lang, Ui::SaveTo));
        ui.add(egui::TextEdit::singleline(&mut page.export_path).desired_width(420.0)).labelled_by(l.id);
    });
    ui.horizontal_wrapped(|ui| {
        for (label, format, ext) in [(Ui::ExportPem, ExportFormat::Pem, "pem"), (Ui::ExportDer, ExportFormat::Der, "der")] {
            if ui.button(ui_text(lang, label)).clicked() {
                let mut path = std::path::PathBuf::from(page.export_path.trim());
                path.set_extension(ext);
                page.export_path = path.display().to_string();
                cmds.push(Command::Send(Request::Export { der: der.clone(), format, path, overwrite: false }));
            }
        }
    });
    let mut replace = false;
    match &page.exported {
        Some(Ok(p)) => {
            let p = p.clone();
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{} {}", ui_text(lang, Ui::Saved), p.display())).color(crate::gui::theme::colors(ui).good));
                if ui.button(ui_text(lang, Ui::OpenFolder)).clicked() {
                    crate::gui::dialog::reveal(&p);
                }
            });
        }
        Some(Err(e)) => {
            let m = v.message(e);
            notice(ui, &m.what, &m.next, true);
            // An existing file is never replaced silently: only after this explicit click.
            let exists = matches!(e, Error::Core(CoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists);
            replace = exists && ui.button(ui_text(lang, Ui::ReplaceFile)).clicked();
        }
        None => {}
    }
    if replace {
        // The same file again: its extension says which format was asked for.
        let path = std::path::PathBuf::from(page.export_path.trim());
        let format = if path.extension().is_some_and(|e| e == "der") { ExportFormat::Der } else { ExportFormat::Pem };
        cmds.push(Command::Send(Request::Export { der: der.clone(), format, path, overwrite: true }));
    }
    ui.add_space(16.0);
    if ui.button(ui_text(lang, Ui::Back)).clicked() {
        cmds.push(Command::Go(Screen::Home));
    }
    cmds
}
