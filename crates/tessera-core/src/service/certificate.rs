//! Reading the authentication certificate (exporting it is the front-ends' file I/O, over
//! [`crate::cert::export`]).

use super::transaction::with_card;
use crate::error::Result;
use crate::cert::{self, CertSummary};
use tessera_apdu::transport::Connection;

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
