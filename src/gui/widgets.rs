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
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(format!("{name}:")).weak());
        if let Some(n) = left {
            let r = 7.0;
            let (rect, resp) = ui.allocate_exact_size(egui::vec2(f32::from(max) * (2.0 * r + 4.0), 2.0 * r + 2.0), egui::Sense::hover());
            let color = if n == 0 {
                egui::Color32::from_rgb(0xB0, 0x30, 0x20)
            } else if n == 1 {
                egui::Color32::from_rgb(0xD0, 0x80, 0x00)
            } else {
                egui::Color32::from_rgb(0x1E, 0x8E, 0x3E)
            };
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
