//! Exporting the card's certificate to a file: where it goes by default, and writing it without
//! ever replacing a file the user did not agree to replace.

use crate::error::CoreError;
use crate::{Error, Result};
use std::path::{Path, PathBuf};
use tessera_core::cert::{self, CertSummary, ExportFormat};
use tessera_files::atomic::{Existing, write};

/// Where an export goes by default: the user's documents folder (or home, or the current
/// folder), named after the holder's codice fiscale, e.g. `certificato-RSSMRA80A01L378X.pem`.
pub fn default_path(summary: &CertSummary, format: ExportFormat) -> PathBuf {
    let dir = [dirs::document_dir(), dirs::home_dir()]
        .into_iter()
        .flatten()
        .find(|d| d.is_dir())
        .unwrap_or_else(|| PathBuf::from("."));
    let stem = summary.codice_fiscale.clone().unwrap_or_else(|| summary.serial.replace(':', ""));
    let ext = match format {
        ExportFormat::Pem => "pem",
        ExportFormat::Der => "der",
    };
    dir.join(format!("certificato-{stem}.{ext}"))
}

/// Writes the certificate to `path` as PEM or DER. Refuses to replace an existing file unless
/// `overwrite`; a replacement goes through a temporary file, so a failure never leaves half a file.
pub fn certificate(der: &[u8], format: ExportFormat, path: &Path, overwrite: bool) -> Result<()> {
    let bytes = cert::export(der, format)?;
    let existing = if overwrite { Existing::Replace } else { Existing::Refuse };
    write(path, &bytes, existing).map_err(|source| Error::Core(CoreError::Io { path: path.display().to_string(), source }))
}
