//! Widgets: the PIN field (zeroizing buffer, password mode, undo history wiped), tries as dots.

use eframe::egui::{self, TextBuffer};
use eframe::egui::epaint::text::CharIndex;
use zeroize::{Zeroize, Zeroizing};

/// A text buffer for PINs that zeroizes what it drops.
#[derive(Default)]
pub struct SecretBuffer(Zeroizing<String>);

impl SecretBuffer {
    /// Hands the typed text over (for `Pin::parse`, which zeroizes it) and clears the buffer.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut *self.0)
    }

    /// The typed text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Wipes the buffer.
    pub fn wipe(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for SecretBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBuffer(***)")
    }
}

impl TextBuffer for SecretBuffer {
    fn is_mutable(&self) -> bool {
        true
    }

    fn as_str(&self) -> &str {
        &self.0
    }

    fn insert_text(&mut self, text: &str, char_index: CharIndex) -> usize {
        // Grow by copying into a fresh zeroizing string, so no stale copy is left behind.
        let byte = self.byte_index_from_char_index(char_index).0;
        let mut s = Zeroizing::new(String::with_capacity(self.0.len() + text.len() + 8));
        s.push_str(&self.0[..byte]);
        s.push_str(text);
        s.push_str(&self.0[byte..]);
        self.0 = s;
        text.chars().count()
    }

    fn delete_char_range(&mut self, char_range: std::ops::Range<CharIndex>) {
        let a = self.byte_index_from_char_index(char_range.start).0;
        let b = self.byte_index_from_char_index(char_range.end).0;
        let mut s = Zeroizing::new(String::with_capacity(self.0.len()));
        s.push_str(&self.0[..a]);
        s.push_str(&self.0[b..]);
        self.0 = s;
    }

    fn type_id(&self) -> std::any::TypeId {
        std::any::TypeId::of::<Self>()
    }
}

/// A labelled PIN field; returns the text edit's response.
pub fn secret_field(ui: &mut egui::Ui, id: egui::Id, label: &str, buf: &mut SecretBuffer, max_len: usize) -> egui::Response {
    let l = ui.label(egui::RichText::new(label).size(18.0));
    let r = ui.add(
        egui::TextEdit::singleline(buf)
            .id(id)
            .password(true)
            .char_limit(max_len + 4)
            .desired_width(220.0)
            .font(egui::TextStyle::Heading),
    );
    r.labelled_by(l.id)
}

/// Wipes a PIN field's buffer and egui's undo history for it (egui keeps undo snapshots of
/// the text even in password mode).
pub fn wipe_field(ctx: &egui::Context, id: egui::Id, buf: &mut SecretBuffer) {
    buf.wipe();
    if let Some(mut state) = egui::TextEdit::load_state(ctx, id) {
        state.clear_undoer();
        state.store(ctx, id);
    }
}

/// Tries as painted circles (filled = left), then "2/3" and `suffix`; the accessible label
/// says the same in words. (Painted, not typed: the bundled fonts have no circle glyphs.)
pub fn tries(ui: &mut egui::Ui, name: &str, left: Option<u8>, max: u8, suffix: &str) -> egui::Response {
    let text = match left {
        Some(n) => format!("{name}: {}/{max} {suffix}", n.min(max)),
        None => format!("{name}: {suffix}"),
    };
    // Wrapped: at large text sizes the count goes under the dots instead of under the scrollbar.
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(format!("{name}:")).weak());
        if let Some(n) = left {
            let r = if max > 5 { 6.0 } else { 7.0 };
            let (rect, resp) = ui.allocate_exact_size(egui::vec2(f32::from(max) * (2.0 * r + 4.0), 2.0 * r + 2.0), egui::Sense::hover());
            let p = super::theme::colors(ui);
            let color = if n == 0 { p.bad } else if n == 1 { p.warn } else { p.good };
            for i in 0..max {
                let c = egui::pos2(rect.left() + r + 1.0 + f32::from(i) * (2.0 * r + 4.0), rect.center().y);
                if i < n {
                    ui.painter().circle_filled(c, r, color);
                } else {
                    ui.painter().circle_stroke(c, r - 0.5, egui::Stroke::new(1.5, ui.visuals().weak_text_color()));
                }
            }
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
            ui.label(egui::RichText::new(format!("{}/{max} {suffix}", n.min(max))).strong());
        } else {
            ui.label(egui::RichText::new(suffix).strong());
        }
    })
    .response
}

/// A copy button that says "Copied" for two seconds after a click: the clipboard itself gives
/// no sign that anything happened. `key` tells the copy buttons of one screen apart.
pub fn copy_button(ui: &mut egui::Ui, lang: crate::i18n::Lang, key: &str, label: &str, text: &str) {
    use std::time::{Duration, Instant};
    let id = ui.make_persistent_id(("copied", key));
    let copied_at: Option<Instant> = ui.ctx().data(|d| d.get_temp(id));
    let recent = copied_at.is_some_and(|t| t.elapsed() < Duration::from_secs(2));
    let shown = if recent { crate::i18n::ui(lang, crate::i18n::Ui::Copied) } else { label };
    if ui.button(shown).on_hover_text(text).clicked() {
        ui.ctx().copy_text(text.to_owned());
        ui.ctx().data_mut(|d| d.insert_temp(id, Instant::now()));
        ui.ctx().request_repaint_after(Duration::from_millis(100));
    } else if recent {
        // Back to "Copy" once the two seconds are over; no repaint otherwise (idle stays idle).
        ui.ctx().request_repaint_after(Duration::from_millis(250));
    }
}

/// The drawn chip's colour.
pub const CHIP_GOLD: egui::Color32 = egui::Color32::from_rgb(0xD9, 0xB8, 0x5C);

/// The card drawn as a card (ID-1 proportions): the card's name, the chip, the number grouped
/// for reading aloud, the holder and the codice fiscale, white on the issuer's colour. A demo
/// card says DEMO on its face. The accessible label reads the same text.
pub fn card_face(ui: &mut egui::Ui, ov: &tessera_core::service::CardOverview, demo: bool) -> egui::Response {
    use crate::i18n::advice::Issuer;
    use egui::{Color32, FontId, pos2, vec2};
    let issuer = ov.issuer();
    // The cards' own names (the same in every language).
    let (name, fill) = match issuer {
        Issuer::Cps => ("Carta Provinciale dei Servizi", Color32::from_rgb(0x0E, 0x5A, 0x4B)),
        // A signature token carries a CNS but is no health card.
        Issuer::TsCns if ov.model_note == Some(tessera_core::card::ModelNote::SignatureToken) => {
            ("Carta Nazionale dei Servizi", Color32::from_rgb(0x1F, 0x4F, 0x8F))
        }
        Issuer::TsCns => ("Tessera Sanitaria – Carta Nazionale dei Servizi", Color32::from_rgb(0x1F, 0x4F, 0x8F)),
        Issuer::Cie => ("Carta d'Identità Elettronica", Color32::from_rgb(0x6A, 0x2C, 0x5F)),
    };
    let number = ov.card_number.as_deref().map(crate::i18n::grouped).unwrap_or_default();
    let holder = ov.holder.clone().unwrap_or_default();
    let cf = ov.codice_fiscale.clone().unwrap_or_default();
    let width = ui.available_width().min(440.0);
    let (rect, resp) = ui.allocate_exact_size(vec2(width, width / 1.586), egui::Sense::hover());
    let label = [ov.card_type.name(), name, &number, &holder, &cf].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · ");
    let label = if demo { format!("DEMO · {label}") } else { label };
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    if !ui.is_rect_visible(rect) {
        return resp;
    }
    let p = ui.painter_at(rect);
    let s = width / 440.0;
    p.rect_filled(rect, 14.0 * s, fill);
    // A lighter band across the top, as printed cards have.
    let band = egui::Rect::from_min_max(rect.min, pos2(rect.max.x, rect.min.y + 62.0 * s));
    p.rect_filled(band, egui::CornerRadius { nw: (14.0 * s) as u8, ne: (14.0 * s) as u8, sw: 0, se: 0 }, fill.gamma_multiply(0.80).to_opaque());
    let white = Color32::WHITE;
    let margin = 22.0 * s;
    p.text(pos2(rect.min.x + margin, rect.min.y + 16.0 * s), egui::Align2::LEFT_TOP, ov.card_type.name(), FontId::proportional(24.0 * s), white);
    p.text(pos2(rect.max.x - margin, rect.min.y + 20.0 * s), egui::Align2::RIGHT_TOP, if demo { "DEMO" } else { "" }, FontId::proportional((18.0 * s).max(15.0)), white);
    let name_font = FontId::proportional(15.0 * s.max(1.0));
    let name_galley = p.layout(name.to_owned(), name_font, white, width - 2.0 * margin);
    // A name on two lines (a narrow card) pushes the chip and the number down: nothing is
    // drawn over anything else.
    let name_bottom = rect.min.y + 72.0 * s + name_galley.size().y;
    p.galley(pos2(rect.min.x + margin, rect.min.y + 72.0 * s), name_galley, white);
    // The chip.
    let chip_top = (rect.min.y + 112.0 * s).max(name_bottom + 6.0 * s);
    let chip = egui::Rect::from_min_size(pos2(rect.min.x + margin, chip_top), vec2(52.0 * s, 40.0 * s));
    p.rect_filled(chip, 6.0 * s, CHIP_GOLD);
    p.rect_stroke(chip.shrink(8.0 * s), 3.0 * s, egui::Stroke::new(1.5 * s, Color32::from_rgb(0x9C, 0x7C, 0x2A)), egui::StrokeKind::Inside);
    let number_top = (rect.min.y + 170.0 * s).max(chip.bottom() + 6.0 * s);
    p.text(pos2(rect.min.x + margin, number_top), egui::Align2::LEFT_TOP, &number, FontId::monospace(22.0 * s.max(0.8)), white);
    p.text(pos2(rect.min.x + margin, rect.max.y - 62.0 * s), egui::Align2::LEFT_TOP, &holder, FontId::proportional(20.0 * s.max(0.8)), white);
    p.text(pos2(rect.min.x + margin, rect.max.y - 34.0 * s), egui::Align2::LEFT_TOP, &cf, FontId::monospace(16.0 * s.max(0.95)), white);
    resp
}

/// A rule not yet checked: a small ring (neither tick nor cross).
pub fn rule_mark(ui: &mut egui::Ui, color: egui::Color32) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "·"));
    ui.painter().circle_stroke(rect.center(), 4.0, egui::Stroke::new(2.0, color));
    resp
}

/// A tick (✓) or a cross (✗), drawn: no font has to carry the glyph. The accessible label says
/// "OK" or "--", as the command line does.
pub fn tick(ui: &mut egui::Ui, ok: bool, color: egui::Color32) -> egui::Response {
    use egui::pos2;
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, if ok { "OK" } else { "--" }));
    let r = rect.shrink(3.0);
    let stroke = egui::Stroke::new(2.5, color);
    let at = |x: f32, y: f32| pos2(r.left() + x * r.width(), r.top() + y * r.height());
    if ok {
        ui.painter().line(vec![at(0.0, 0.55), at(0.38, 0.9), at(1.0, 0.1)], stroke);
    } else {
        ui.painter().line_segment([at(0.1, 0.1), at(0.9, 0.9)], stroke);
        ui.painter().line_segment([at(0.9, 0.1), at(0.1, 0.9)], stroke);
    }
    resp
}
