//! Reading and exporting the authentication certificate.

use super::with_card;
use crate::cert::{self, CertSummary, ExportFormat};
use crate::transport::Connection;
use crate::{Error, Result};
use std::io::Write;
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
    if !overwrite && path.exists() {
        return Err(io(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "file exists")));
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{}.tessera-tmp", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()));
    let mut f = std::fs::File::create(&tmp).map_err(io)?;
    f.write_all(&bytes).and_then(|()| f.sync_all()).map_err(io)?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}
