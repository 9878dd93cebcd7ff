//! The top bar: the title, the demo-card menu, the language, the appearance (theme and text
//! size, both remembered) and About; the demo banner under it.

use super::app::TesseraApp;
use super::nav::{Screen, ui_text};
use super::worker::Source;
use crate::i18n::{Lang, Ui};
use eframe::egui;
use tessera_sim::{Preset, SimProfile};

impl TesseraApp {
    pub(super) fn top_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.horizontal_wrapped(|ui| {
            ui.heading(egui::RichText::new(ui_text(lang, Ui::AppTitle)).strong());
            ui.separator();
            ui.menu_button(ui_text(lang, Ui::DemoMenu), |ui| {
                let presets: [(Ui, SimProfile, Preset); 5] = [
                    (Ui::DemoCps, SimProfile::Cps, Preset::Fresh),
                    (Ui::DemoTsCns, SimProfile::TsCns, Preset::Fresh),
                    (Ui::DemoAce2025, SimProfile::Ace2025, Preset::Fresh),
                    (Ui::DemoIdemia2021, SimProfile::Idemia2021, Preset::Fresh),
                    (Ui::DemoCie, SimProfile::Cie, Preset::Fresh),
                ];
                for (label, profile, preset) in presets {
                    if ui.button(ui_text(lang, label)).clicked() {
                        self.set_source(Source::demo(profile, preset));
                        self.go(ui.ctx(), Screen::Home);
                        ui.close();
                    }
                }
                ui.separator();
                for (name, preset) in Preset::ALL.iter().skip(1) {
                    if ui.button(format!("CPS: {}", crate::i18n::preset_name(lang, name))).clicked() {
                        self.set_source(Source::demo(SimProfile::Cps, *preset));
                        self.go(ui.ctx(), Screen::Home);
                        ui.close();
                    }
                }
                ui.separator();
                if ui.button(ui_text(lang, Ui::DemoNoReader)).clicked() {
                    self.set_source(Source::DemoNoReader);
                    self.go(ui.ctx(), Screen::Home);
                    ui.close();
                }
                if ui.button(ui_text(lang, Ui::DemoUnknownCard)).clicked() {
                    self.set_source(Source::DemoUnknownCard);
                    self.go(ui.ctx(), Screen::Home);
                    ui.close();
                }
                if self.demo {
                    ui.separator();
                    if ui.button(ui_text(lang, Ui::UseRealCard)).clicked() {
                        self.set_source(Source::Pcsc);
                        self.go(ui.ctx(), Screen::Home);
                        ui.close();
                    }
                }
            });
            ui.menu_button(ui_text(lang, Ui::Language), |ui| {
                for (l, name) in [(Lang::It, "Italiano"), (Lang::En, "English"), (Lang::De, "Deutsch")] {
                    if ui.selectable_label(self.lang == l, name).clicked() {
                        self.lang = l;
                        let ctx = ui.ctx().clone();
                        self.save_settings(&ctx);
                        ui.close();
                    }
                }
            });
            ui.menu_button(ui_text(lang, Ui::Appearance), |ui| self.appearance_menu(ui));
            if ui.button(ui_text(lang, Ui::About)).clicked() {
                self.about = true;
            }
        });
        let simulated = self.card().is_some_and(|c| c.simulated_card);
        if self.demo || simulated {
            let text = if self.demo { ui_text(lang, Ui::DemoMode) } else { ui_text(lang, Ui::Simulated) };
            egui::Frame::new().fill(egui::Color32::from_rgb(0xF5, 0xC2, 0x42)).inner_margin(6.0).show(ui, |ui| {
                ui.label(egui::RichText::new(text).strong().color(egui::Color32::BLACK));
            });
        }
    }

    /// Theme (system, light, dark) and text size; both remembered.
    fn appearance_menu(&mut self, ui: &mut egui::Ui) {
        use super::theme::{Choice, TEXT_SIZES};
        let lang = self.lang;
        let ctx = ui.ctx().clone();
        for (choice, label) in Choice::ALL.into_iter().zip([Ui::ThemeSystem, Ui::ThemeLight, Ui::ThemeDark]) {
            if ui.radio(self.theme == choice, ui_text(lang, label)).clicked() {
                self.theme = choice;
                super::theme::apply(&ctx, self.theme, self.text_size);
                self.save_settings(&ctx);
            }
        }
        ui.separator();
        ui.label(egui::RichText::new(ui_text(lang, Ui::TextSize)).strong());
        for percent in TEXT_SIZES {
            if ui.radio(self.text_size == percent, format!("{percent} %")).clicked() && percent != self.text_size {
                self.set_text_size(&ctx, percent);
            }
        }
    }

    /// Changes the text size and grows (or shrinks) the window with it, within the screen, so
    /// the layout stays the same.
    pub fn set_text_size(&mut self, ctx: &egui::Context, percent: u16) {
        let (old, new) = (f32::from(self.text_size) / 100.0, f32::from(percent) / 100.0);
        let (inner, monitor) = ctx.input(|i| (i.viewport().inner_rect, i.viewport().monitor_size));
        self.text_size = percent;
        super::theme::apply(ctx, self.theme, self.text_size);
        if let Some(inner) = inner {
            // In screen units (points at 100 %), then in the new zoom's points.
            let mut want = inner.size() * old * (new / old);
            if let Some(m) = monitor {
                want = want.min(m * old * 0.9);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(want / new));
        }
        self.save_settings(ctx);
    }
}
