//! The screenshot automation's output: the picture (PNG) and where each line of text is, with
//! its colour, for the contrast check (scripts/screenshots.sh, examples/contrast.rs).

use eframe::egui;

/// Every line of text painted this frame, one per line: its box and clip box in pixels, its
/// colour (RGBA, premultiplied), its opacity (below 1: a disabled widget) and the text.
pub fn text_boxes(ctx: &egui::Context) -> String {
    use egui::epaint::Shape;
    fn walk(shape: &Shape, clip: egui::Rect, ppp: f32, out: &mut String) {
        match shape {
            Shape::Vec(v) => v.iter().for_each(|s| walk(s, clip, ppp, out)),
            Shape::Text(t) => {
                for row in &t.galley.rows {
                    let text: String = row.glyphs.iter().map(|g| g.chr).filter(|c| !c.is_whitespace()).collect();
                    if text.is_empty() {
                        continue;
                    }
                    let vertex = row.visuals.mesh.vertices.get(row.visuals.glyph_vertex_range.start).map(|v| v.color);
                    let color = match (t.override_text_color, vertex) {
                        (Some(c), _) => c,
                        (None, Some(c)) if c != egui::Color32::PLACEHOLDER => c,
                        _ => t.fallback_color,
                    };
                    let r = row.rect().translate(t.pos.to_vec2()) * ppp;
                    let c = clip * ppp;
                    let [cr, cg, cb, ca] = color.to_array();
                    out.push_str(&format!(
                        "{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{cr}\t{cg}\t{cb}\t{ca}\t{:.2}\t{}\n",
                        r.min.x, r.min.y, r.max.x, r.max.y, c.min.x, c.min.y, c.max.x, c.max.y, t.opacity_factor, text.replace(['\t', '\n'], " ")
                    ));
                }
            }
            _ => {}
        }
    }
    let ppp = ctx.pixels_per_point();
    // Under an open dialog the window is dimmed on purpose: only what is above it is read.
    let layers: Vec<egui::LayerId> = ctx.memory(|m| m.layer_ids().filter(|l| m.is_above_modal_layer(*l)).collect());
    let mut out = String::new();
    ctx.graphics(|g| {
        for id in layers {
            if let Some(list) = g.get(id) {
                for shape in list.all_entries() {
                    walk(&shape.shape, shape.clip_rect, ppp, &mut out);
                }
            }
        }
    });
    out
}

pub fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> std::io::Result<()> {
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut enc = png::Encoder::new(file, image.size[0] as u32, image.size[1] as u32);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().map_err(std::io::Error::other)?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    w.write_image_data(&bytes).map_err(std::io::Error::other)
}
