//! The application icon, drawn in code (a card with a chip) so no image decoder is needed.
//! `scripts/make-icons.py` writes the same picture to assets/icons/ for the installers.

use eframe::egui::IconData;

/// RGBA pixels of the icon at `size`×`size`.
pub fn pixels(size: u32) -> Vec<u8> {
    let s = size as f32;
    let mut px = vec![0u8; (size * size * 4) as usize];
    for y in 0..size {
        for x in 0..size {
            let (fx, fy) = (x as f32 / s, y as f32 / s);
            let i = ((y * size + x) * 4) as usize;
            // Rounded card body.
            let (l, r, t, b, rad) = (0.06, 0.94, 0.2, 0.8, 0.07);
            let cx = fx.clamp(l + rad, r - rad);
            let cy = fy.clamp(t + rad, b - rad);
            let inside = (fx - cx).powi(2) + (fy - cy).powi(2) <= rad * rad && fx >= l && fx <= r && fy >= t && fy <= b;
            if !inside {
                continue;
            }
            let mut c = [0x1f, 0x5f, 0xa8, 0xff]; // blue card
            if fy > 0.66 && fy < 0.72 && fx > 0.14 && fx < 0.86 {
                c = [0xe8, 0xf0, 0xfa, 0xff]; // stripe
            }
            if (0.16..0.40).contains(&fx) && (0.32..0.56).contains(&fy) {
                c = [0xe6, 0xb8, 0x3c, 0xff]; // gold chip
                if ((fx - 0.28).abs() < 0.01) || ((fy - 0.44).abs() < 0.01) {
                    c = [0xb0, 0x86, 0x20, 0xff];
                }
            }
            px[i..i + 4].copy_from_slice(&c);
        }
    }
    px
}

/// The window icon.
pub fn icon() -> IconData {
    IconData { rgba: pixels(64), width: 64, height: 64 }
}
