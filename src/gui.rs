//! The desktop window (eframe/egui): the card overview, PIN change and unblock wizards, the
//! certificate, languages, and the training (demo) card. A worker thread owns all card I/O.

pub mod app;
pub mod dialog;
mod icon;
mod menus;
pub mod nav;
mod screens;
pub mod settings;
mod snapshot;
mod staging;
pub mod theme;
pub mod widgets;
pub mod worker;

pub use app::{GuiOptions, TesseraApp};

use eframe::egui;
use std::process::ExitCode;

/// Opens the window and runs until it is closed.
pub fn run(opts: GuiOptions) -> ExitCode {
    let s = settings::Settings::load();
    // The size the window had (in screen units); the first time, large enough for the text size.
    let zoom = f32::from(theme::text_size(s.text_size)) / 100.0;
    let size = s.window.unwrap_or([(820.0 * zoom).min(1280.0), (720.0 * zoom).min(1000.0)]);
    let viewport = egui::ViewportBuilder::default()
        .with_title("Tessera")
        .with_app_id("tessera")
        .with_inner_size(size)
        .with_min_inner_size([560.0, 480.0])
        .with_icon(icon::icon());
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    let result = eframe::run_native(
        "Tessera",
        options,
        Box::new(move |cc| {
            let ctx = cc.egui_ctx.clone();
            Ok(Box::new(TesseraApp::new(opts, s, move || ctx.request_repaint())))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Tessera: cannot open the window ({e}). Use the command line instead: tessera status --demo");
            ExitCode::from(1)
        }
    }
}
