//! Where the workspace is, and how a task step fails.

use std::path::{Path, PathBuf};

/// A failed step: what to tell the developer, and the exit code to pass on.
pub struct Failure {
    /// What to tell the developer (empty: the step said it already).
    pub message: String,
    /// The exit code.
    pub code: u8,
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Self {
        Failure { message: message.into(), code: 1 }
    }
}

pub type Result<T = ()> = std::result::Result<T, Failure>;

/// The workspace root (xtask lives one folder below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask is inside the workspace").to_path_buf()
}
