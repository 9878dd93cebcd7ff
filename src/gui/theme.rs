//! The look: light and dark themes (light follows the system by default), the text sizes, the
//! colours that carry meaning (good, bad, warning, the card faces) chosen for at least 4.5:1
//! contrast on their background (scripts/screenshots.sh measures it), and the user's text size.

use eframe::egui::{self, Color32, FontId, TextStyle, Theme};

/// Which theme the user chose (remembered in the settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    /// Follow the system (light when the system says nothing).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Choice {
    /// All choices, in menu order.
    pub const ALL: [Choice; 3] = [Choice::System, Choice::Light, Choice::Dark];

    fn preference(self) -> egui::ThemePreference {
        match self {
            Choice::System => egui::ThemePreference::System,
            Choice::Light => egui::ThemePreference::Light,
            Choice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The text sizes offered, in percent of the normal size (the whole window scales with them).
pub const TEXT_SIZES: [u16; 4] = [100, 125, 150, 200];

/// The text size the settings may hold, snapped to one offered (unknown values: 100 %).
pub fn text_size(percent: Option<u16>) -> u16 {
    percent.filter(|p| TEXT_SIZES.contains(p)).unwrap_or(100)
}

/// Sets both themes' styles and the user's choices on `ctx`. Cheap enough to call once at start
/// and again when a choice changes (not every frame).
pub fn apply(ctx: &egui::Context, choice: Choice, text_percent: u16) {
    ctx.options_mut(|o| o.fallback_theme = Theme::Light);
    ctx.set_theme(choice.preference());
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |s| style(s, theme));
    }
    ctx.set_zoom_factor(f32::from(text_percent) / 100.0);
}

/// Sizes and colours for one theme.
fn style(s: &mut egui::Style, theme: Theme) {
    use egui::FontFamily::{Monospace, Proportional};
    s.text_styles = [
        (TextStyle::Small, FontId::new(15.0, Proportional)),
        (TextStyle::Body, FontId::new(17.0, Proportional)),
        (TextStyle::Button, FontId::new(17.0, Proportional)),
        (TextStyle::Monospace, FontId::new(16.0, Monospace)),
        (TextStyle::Heading, FontId::new(26.0, Proportional)),
    ]
    .into();
    // 17 px text + 2 × 10 px padding: every button at least 40 px high (rows of text keep
    // their own height).
    s.spacing.button_padding = egui::vec2(14.0, 10.0);
    s.spacing.interact_size.y = 26.0;
    s.spacing.item_spacing = egui::vec2(10.0, 8.0);
    s.spacing.menu_margin = egui::Margin::same(8);
    let v = &mut s.visuals;
    // Disabled buttons stay readable (4.5:1 and more), only paler than enabled ones.
    v.disabled_alpha = 0.75;
    let p = palette(theme);
    v.panel_fill = p.background;
    v.window_fill = p.raised;
    v.extreme_bg_color = p.field;
    v.faint_bg_color = p.raised;
    v.weak_text_color = Some(p.weak_text);
    v.hyperlink_color = p.accent_text;
    v.widgets.noninteractive.fg_stroke.color = p.text;
    v.widgets.inactive.fg_stroke.color = p.text;
    v.widgets.inactive.weak_bg_fill = p.button;
    v.widgets.inactive.bg_fill = p.button;
    v.widgets.hovered.weak_bg_fill = p.button_hover;
    v.widgets.hovered.bg_fill = p.button_hover;
    v.widgets.hovered.fg_stroke.color = p.strong_text;
    v.widgets.active.fg_stroke.color = p.strong_text;
    v.widgets.noninteractive.bg_stroke.color = p.border;
    // Check boxes, radio buttons and buttons have an edge that stands out (3:1, WCAG's minimum
    // for controls): a pale box on a pale window is easy to miss.
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, p.control_edge);
    v.widgets.hovered.bg_stroke = egui::Stroke::new(1.5, p.control_edge);
    v.widgets.inactive.corner_radius = egui::CornerRadius::same(6);
    v.widgets.hovered.corner_radius = egui::CornerRadius::same(6);
    v.widgets.active.corner_radius = egui::CornerRadius::same(6);
    v.selection.bg_fill = p.selection;
    v.selection.stroke.color = p.strong_text;
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// The window's background.
    pub background: Color32,
    /// Frames and dialogs on it.
    pub raised: Color32,
    /// Text fields.
    pub field: Color32,
    /// Body text.
    pub text: Color32,
    /// Titles and values.
    pub strong_text: Color32,
    /// Field labels ("Numero carta:").
    pub weak_text: Color32,
    /// Secondary buttons.
    pub button: Color32,
    /// Secondary buttons under the pointer.
    pub button_hover: Color32,
    /// Primary buttons (white text on it).
    pub accent: Color32,
    /// Primary buttons under the pointer.
    pub accent_hover: Color32,
    /// Links.
    pub accent_text: Color32,
    /// Frame borders.
    pub border: Color32,
    /// The edge of buttons, check boxes and radio buttons (3:1 on the background).
    pub control_edge: Color32,
    /// Selected text.
    pub selection: Color32,
    /// "Done", "passed".
    pub good: Color32,
    /// Errors, "blocked".
    pub bad: Color32,
    /// Warnings.
    pub warn: Color32,
}

/// The palette for a theme. Every text colour here has at least 4.5:1 on `background` and
/// `raised`; white has at least 4.5:1 on `accent` and on the card faces.
pub fn palette(theme: Theme) -> Palette {
    let c = Color32::from_rgb;
    match theme {
        Theme::Light => Palette {
            background: c(0xF7, 0xF8, 0xFA),
            raised: c(0xFF, 0xFF, 0xFF),
            field: c(0xFF, 0xFF, 0xFF),
            text: c(0x22, 0x25, 0x2B),
            strong_text: c(0x0B, 0x0D, 0x12),
            weak_text: c(0x4D, 0x53, 0x5E),
            button: c(0xE3, 0xE7, 0xEE),
            button_hover: c(0xD3, 0xD9, 0xE3),
            accent: c(0x1D, 0x5B, 0xB0),
            accent_hover: c(0x16, 0x4A, 0x93),
            accent_text: c(0x1A, 0x53, 0xA3),
            border: c(0xB8, 0xBF, 0xCB),
            control_edge: c(0x7A, 0x83, 0x94),
            selection: c(0xBF, 0xD6, 0xF6),
            good: c(0x1B, 0x6E, 0x31),
            bad: c(0xA8, 0x28, 0x1A),
            warn: c(0x87, 0x4A, 0x00),
        },
        Theme::Dark => Palette {
            background: c(0x1C, 0x1E, 0x22),
            raised: c(0x26, 0x29, 0x2E),
            field: c(0x12, 0x13, 0x16),
            text: c(0xDD, 0xE0, 0xE6),
            strong_text: c(0xFF, 0xFF, 0xFF),
            weak_text: c(0xB2, 0xB8, 0xC2),
            button: c(0x3A, 0x3F, 0x47),
            button_hover: c(0x4A, 0x50, 0x5A),
            accent: c(0x2A, 0x64, 0xBC),
            accent_hover: c(0x35, 0x72, 0xCF),
            accent_text: c(0x8C, 0xB8, 0xF5),
            border: c(0x55, 0x5B, 0x66),
            control_edge: c(0x8A, 0x93, 0xA3),
            selection: c(0x2F, 0x4F, 0x7F),
            good: c(0x7F, 0xD6, 0x93),
            bad: c(0xFF, 0x92, 0x82),
            warn: c(0xF2, 0xB8, 0x5C),
        },
    }
}

/// The palette of the theme `ui` is drawn in.
pub fn colors(ui: &egui::Ui) -> Palette {
    palette(if ui.visuals().dark_mode { Theme::Dark } else { Theme::Light })
}

/// A primary button: white text on the accent colour, 44 px high.
pub fn primary(ui: &egui::Ui, text: &str) -> egui::Button<'static> {
    let p = colors(ui);
    egui::Button::new(egui::RichText::new(text).size(19.0).color(Color32::WHITE)).fill(p.accent).min_size(egui::vec2(170.0, 44.0))
}

/// A primary button that may be disabled: disabled, it is drawn as a secondary one (a faded
/// accent with white text would fall below 4.5:1; grey with dark text stays readable).
pub fn primary_if(ui: &egui::Ui, enabled: bool, text: &str) -> egui::Button<'static> {
    if enabled { primary(ui, text).min_size(egui::vec2(170.0, 44.0)) } else { secondary(text).min_size(egui::vec2(170.0, 44.0)) }
}

/// A secondary button as high as a primary one.
pub fn secondary(text: &str) -> egui::Button<'static> {
    egui::Button::new(egui::RichText::new(text).size(19.0)).min_size(egui::vec2(150.0, 44.0))
}

/// Relative luminance (WCAG 2.x) of an sRGB colour.
pub fn luminance(c: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(c: Color32) -> [u8; 3] {
        [c.r(), c.g(), c.b()]
    }

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
        assert!((contrast([0x76, 0x76, 0x76], [255, 255, 255]) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_text_colour_of_both_palettes_reads_at_4_5_to_1() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = palette(theme);
            for bg in [p.background, p.raised] {
                for (name, fg) in [("text", p.text), ("strong", p.strong_text), ("weak", p.weak_text), ("link", p.accent_text), ("good", p.good), ("bad", p.bad), ("warn", p.warn)] {
                    let r = contrast(rgb(fg), rgb(bg));
                    assert!(r >= 4.5, "{theme:?} {name} on {bg:?}: {r:.2}");
                }
                assert!(contrast(rgb(p.text), rgb(p.button)) >= 4.5, "{theme:?} button text");
                assert!(contrast(rgb(p.strong_text), rgb(p.button_hover)) >= 4.5, "{theme:?} hovered button text");
            }
            assert!(contrast(rgb(p.control_edge), rgb(p.background)) >= 3.0, "{theme:?} control edges");
            for accent in [p.accent, p.accent_hover] {
                assert!(contrast([255; 3], rgb(accent)) >= 4.5, "{theme:?} primary button text");
            }
        }
    }

    #[test]
    fn text_sizes_snap_to_the_offered_ones() {
        assert_eq!(text_size(None), 100);
        assert_eq!(text_size(Some(150)), 150);
        assert_eq!(text_size(Some(130)), 100);
        assert_eq!(serde_json::from_str::<Choice>(r#""dark""#).ok(), Some(Choice::Dark));
        assert_eq!(serde_json::from_str::<Choice>(r#""purple""#).ok().unwrap_or_default(), Choice::System);
    }
}
