//! Reading and exporting the authentication certificate.

use super::with_card;
use crate::cert::{self, CertSummary, ExportFormat};
use crate::transport::Connection;
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// The certificate and its summary.
#[derive(Debug, Clone)]
pub struct CertificateInfo {
    /// DER bytes as read from the card.
    pub der: Vec<u8>,
    /// Summary.
    pub summary: CertSummary,
    /// APDUs the read took.
    pub apdus: u32,
}

/// Reads the authentication certificate (no PIN needed).
pub fn read_certificate(conn: &mut dyn Connection) -> Result<CertificateInfo> {
    let (der, apdus) = with_card(conn, |p, ch| Ok(p.read_certificate(ch)?))?;
    let summary = cert::summarize(&der)?;
    Ok(CertificateInfo { der, summary, apdus })
}

/// Where an export goes by default: the user's documents folder (or home, or the current
/// folder), named after the holder's codice fiscale, e.g. `certificato-RSSMRA80A01L378X.pem`.
pub fn default_export_path(summary: &CertSummary, format: ExportFormat) -> PathBuf {
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
/// `overwrite`; writes to a temporary file first so a failure never leaves half a file.
pub fn export_certificate(der: &[u8], format: ExportFormat, path: &Path, overwrite: bool) -> Result<()> {
    let io = |source: std::io::Error| Error::Io { path: path.display().to_string(), source };
    let bytes = cert::export(der, format)?;
    let existing = if overwrite { crate::fsio::Existing::Replace } else { crate::fsio::Existing::Refuse };
    crate::fsio::write(path, &bytes, existing).map_err(io)
}
