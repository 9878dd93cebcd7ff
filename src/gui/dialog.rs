//! The system's own save dialog (rfd: the XDG desktop portal on Linux, the common dialog on
//! Windows, NSSavePanel on macOS), opened off the window's thread so the window keeps drawing,
//! and "open the folder" in the file manager. The system dialog asks before replacing a file.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What the chosen file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The certificate (the extension says PEM or DER).
    Certificate,
    /// The helpdesk report.
    Report,
}

/// A save dialog on screen.
pub struct Pending {
    /// What the file is for.
    pub purpose: Purpose,
    answer: Receiver<Option<PathBuf>>,
}

impl Pending {
    /// `Some(choice)` once the dialog is closed (`None` inside: cancelled, or no dialog could
    /// be shown); `None` while it is open.
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.answer.try_recv() {
            Ok(choice) => Some(choice),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}

/// Opens the save dialog with `name` in `dir` and `filters` (label, extensions).
pub fn save(purpose: Purpose, title: &str, dir: Option<&Path>, name: &str, filters: &[(&str, &[&str])]) -> Pending {
    let mut dialog = rfd::FileDialog::new().set_title(title).set_file_name(name);
    if let Some(d) = dir.filter(|d| d.is_dir()) {
        dialog = dialog.set_directory(d);
    }
    for (label, exts) in filters {
        dialog = dialog.add_filter(*label, exts);
    }
    let (tx, rx) = channel();
    // macOS shows dialogs only from the main thread; elsewhere the window keeps drawing.
    if cfg!(target_os = "macos") {
        let _ = tx.send(dialog.save_file());
    } else {
        std::thread::spawn(move || {
            let _ = tx.send(dialog.save_file());
        });
    }
    Pending { purpose, answer: rx }
}

/// Shows `file` in the file manager (its folder, the file selected where the system can).
pub fn reveal(file: &Path) {
    if let Err(e) = opener::reveal(file) {
        tracing::debug!("cannot show the folder: {e}");
        if let Some(dir) = file.parent() {
            let _ = opener::open(dir);
        }
    }
}
