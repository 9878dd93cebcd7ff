//! Measures the contrast of every line of text in the window's screenshots, and finds text cut
//! off at the side. For each `NAME.png` the window wrote `NAME.text.tsv` (where each line of
//! text is and the colour it was painted in; see `text_boxes` in src/gui/app.rs). The background
//! is measured on the picture: the most frequent colour inside the line's box. Disabled
//! widgets (drawn faded on purpose) are left out, as WCAG leaves them out.
//!
//! Usage: cargo run --release --example contrast -- [--min 4.5] FILE.png|DIR...
//! Exit 1 when a line reads below the minimum or is cut off; prints the lowest ratio per file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tessera::gui::theme::contrast;

struct Image {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
}

fn read_png(path: &Path) -> Result<Image, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| format!("{}: {e}", path.display()))?;
    let mut buf = vec![0; reader.output_buffer_size().ok_or("image too large")?];
    let info = reader.next_frame(&mut buf).map_err(|e| format!("{}: {e}", path.display()))?;
    let channels = info.color_type.samples();
    let rgba = buf[..info.buffer_size()]
        .chunks(channels)
        .flat_map(|p| match channels {
            4 => [p[0], p[1], p[2], p[3]],
            3 => [p[0], p[1], p[2], 255],
            _ => [p[0], p[0], p[0], 255],
        })
        .collect();
    Ok(Image { width: info.width as usize, height: info.height as usize, rgba })
}

/// One line of the `.text.tsv` file.
struct Line {
    rect: [f32; 4],
    clip: [f32; 4],
    color: [u8; 4],
    opacity: f32,
    text: String,
}

fn parse(tsv: &str) -> Vec<Line> {
    tsv.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.splitn(14, '\t').collect();
            if f.len() < 14 {
                return None;
            }
            let n = |i: usize| f[i].parse::<f32>().ok();
            let b = |i: usize| f[i].parse::<u8>().ok();
            Some(Line {
                rect: [n(0)?, n(1)?, n(2)?, n(3)?],
                clip: [n(4)?, n(5)?, n(6)?, n(7)?],
                color: [b(8)?, b(9)?, b(10)?, b(11)?],
                opacity: n(12)?,
                text: f[13].to_owned(),
            })
        })
        .collect()
}

/// What one file gave: the lowest ratio and the lines that failed.
struct Outcome {
    lines: usize,
    lowest: Option<(f64, String)>,
    failures: Vec<String>,
}

fn check(png: &Path, min: f64) -> Result<Outcome, String> {
    let image = read_png(png)?;
    let tsv_path = png.with_extension("text.tsv");
    let tsv = std::fs::read_to_string(&tsv_path).map_err(|e| format!("{}: {e}", tsv_path.display()))?;
    let mut out = Outcome { lines: 0, lowest: None, failures: Vec::new() };
    for line in parse(&tsv) {
        if line.opacity < 0.99 {
            continue;
        }
        let [x0, y0, x1, y1] = line.rect;
        let [cx0, cy0, cx1, cy1] = line.clip;
        // Scrolled out of view (above or below): not on the picture, nothing to read.
        if y1 <= cy0 || y0 >= cy1 || x1 <= cx0 || x0 >= cx1 {
            continue;
        }
        if x1 > cx1 + 2.0 || x0 < cx0 - 2.0 {
            out.failures.push(format!("cut off at the side: {:?} (text {x0:.0}..{x1:.0}, visible {cx0:.0}..{cx1:.0})", line.text));
        }
        let (vx0, vy0) = (x0.max(cx0).max(0.0) as usize, y0.max(cy0).max(0.0) as usize);
        let (vx1, vy1) = (x1.min(cx1).min(image.width as f32) as usize, y1.min(cy1).min(image.height as f32) as usize);
        if vx1 <= vx0 + 1 || vy1 <= vy0 + 1 {
            continue;
        }
        let mut counts: HashMap<[u8; 3], u32> = HashMap::new();
        for y in vy0..vy1 {
            for x in vx0..vx1 {
                let i = (y * image.width + x) * 4;
                *counts.entry([image.rgba[i], image.rgba[i + 1], image.rgba[i + 2]]).or_default() += 1;
            }
        }
        let Some((&bg, _)) = counts.iter().max_by_key(|(c, n)| (**n, **c)) else { continue };
        // The painted colour (premultiplied alpha) over the measured background.
        let [r, g, b, a] = line.color;
        if a == 0 {
            continue;
        }
        let alpha = f64::from(a) / 255.0 * f64::from(line.opacity);
        let un = |v: u8| f64::from(v) / (f64::from(a) / 255.0);
        let mix = |v: u8, back: u8| (un(v) * alpha + f64::from(back) * (1.0 - alpha)).round().clamp(0.0, 255.0) as u8;
        let fg = [mix(r, bg[0]), mix(g, bg[1]), mix(b, bg[2])];
        let ratio = contrast(fg, bg);
        out.lines += 1;
        if out.lowest.as_ref().is_none_or(|(low, _)| ratio < *low) {
            out.lowest = Some((ratio, line.text.clone()));
        }
        if ratio < min {
            out.failures.push(format!("{ratio:.2}:1 {:?} (text {fg:?} on {bg:?})", line.text));
        }
    }
    if out.lines == 0 {
        out.failures.push("no text found on the picture".to_owned());
    }
    Ok(out)
}

fn main() -> ExitCode {
    let mut min = 4.5;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--min" {
            min = args.next().and_then(|v| v.parse().ok()).unwrap_or(min);
            continue;
        }
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut in_dir: Vec<PathBuf> = std::fs::read_dir(&p).into_iter().flatten().flatten().map(|e| e.path()).collect();
            in_dir.retain(|f| f.extension().is_some_and(|e| e == "png") && f.with_extension("text.tsv").exists());
            in_dir.sort();
            files.extend(in_dir);
        } else {
            files.push(p);
        }
    }
    if files.is_empty() {
        eprintln!("contrast: no screenshots given (FILE.png with FILE.text.tsv beside it, or a folder of them)");
        return ExitCode::from(2);
    }
    let (mut failed, mut lines, mut lowest) = (0, 0, f64::MAX);
    for f in &files {
        match check(f, min) {
            Ok(o) => {
                lines += o.lines;
                let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if let Some((low, text)) = &o.lowest {
                    lowest = lowest.min(*low);
                    println!("{name:<44} {:>3} lines, lowest {low:5.2}:1 ({text:?})", o.lines);
                }
                for fail in &o.failures {
                    println!("  FAIL {fail}");
                }
                failed += usize::from(!o.failures.is_empty());
            }
            Err(e) => {
                println!("  FAIL {e}");
                failed += 1;
            }
        }
    }
    println!("contrast: {} pictures, {lines} lines of text, lowest {lowest:.2}:1 (minimum {min}:1), {failed} failed", files.len());
    if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
