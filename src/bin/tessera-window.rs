//! The window alone, linked for the Windows GUI subsystem so that starting it from the Start
//! menu opens no console. (The `tessera` binary keeps the console for the command line.)
#![cfg_attr(windows, windows_subsystem = "windows")]
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    tessera::gui::run(tessera::gui::GuiOptions { demo: None, lang: None, started: std::time::Instant::now() })
}
