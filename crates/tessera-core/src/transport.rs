//! Moving bytes to and from a card: the [`Connection`] and [`Transaction`] traits, the PC/SC
//! implementation ([`pcsc`]) and the APDU tracer. The simulator implements the same traits.

pub mod pcsc;

pub use self::pcsc::{MonitorCanceller, PcscConnection, PcscContext, ReaderMonitor};

use crate::apdu::{CommandApdu, hex};

/// Errors of the transport layer: every PC/SC failure a user can meet, by cause.
#[derive(Debug, thiserror::Error)]
// Exhaustive on purpose: every front-end maps every variant to a message.
pub enum TransportError {
    /// The smart-card service (pcscd / WinSCard / CryptoTokenKit) is not running.
    #[error("the smart-card service is not running")]
    NoService,
    /// No reader is connected.
    #[error("no smart-card reader found")]
    NoReader,
    /// The named reader does not exist (any more).
    #[error("reader not found: {0}")]
    UnknownReader(String),
    /// No card in the reader.
    #[error("no card in the reader")]
    NoCard,
    /// The card was removed (possibly during an operation).
    #[error("the card was removed")]
    CardRemoved,
    /// The card was reset by another program during the operation.
    #[error("the card was reset by another program")]
    Reset,
    /// Another program holds the card exclusively.
    #[error("the card is in use by another program")]
    SharingViolation,
    /// The card does not answer (mute, unpowered, or inserted the wrong way).
    #[error("the card does not respond")]
    Unresponsive,
    /// Waiting was cancelled.
    #[error("cancelled")]
    Cancelled,
    /// Waiting timed out.
    #[error("timed out")]
    Timeout,
    /// Any other PC/SC error.
    #[error("PC/SC error: {0}")]
    Pcsc(#[source] ::pcsc::Error),
}

/// A connection to the card in one reader.
pub trait Connection: Send {
    /// The reader's name.
    fn reader(&self) -> &str;
    /// The card's answer to reset.
    fn atr(&self) -> &[u8];
    /// Starts an exclusive transaction; the card is released when it is dropped.
    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>, TransportError>;
}

/// An exclusive session with the card: one per user operation.
pub trait Transaction {
    /// Sends one command APDU and returns the raw response (data ‖ SW1 SW2). The response may be
    /// shorter than 2 bytes when the card dies mid-command; the caller must treat that as an error.
    fn transmit(&mut self, cmd: &CommandApdu) -> Result<Vec<u8>, TransportError>;
}

/// Sends one command through `tx` and traces it at `trace` level. For sensitive commands
/// (VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER) only the header, Lc and SW are traced.
pub fn transmit_traced(tx: &mut dyn Transaction, cmd: &CommandApdu) -> Result<Vec<u8>, TransportError> {
    tracing::trace!(target: "tessera::apdu", "> {}", cmd.trace_string());
    let res = tx.transmit(cmd);
    match &res {
        Ok(r) if r.len() >= 2 => {
            let (data, sw) = r.split_at(r.len() - 2);
            if cmd.is_sensitive() || data.is_empty() {
                tracing::trace!(target: "tessera::apdu", "< {} bytes SW {}", data.len(), hex(sw));
            } else {
                tracing::trace!(target: "tessera::apdu", "< {} SW {}", hex(data), hex(sw));
            }
        }
        Ok(r) => tracing::trace!(target: "tessera::apdu", "< short response ({} bytes)", r.len()),
        Err(e) => tracing::trace!(target: "tessera::apdu", "< error: {e}"),
    }
    res
}

/// One reader as seen by the smart-card service.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReaderInfo {
    /// Reader name.
    pub name: String,
    /// A card is present.
    pub card_present: bool,
    /// Another program holds the card exclusively.
    pub exclusive: bool,
    /// The card's ATR (empty when no card).
    #[serde(serialize_with = "ser_hex")]
    pub atr: Vec<u8>,
    /// The service's count of card events in this reader (insertions and removals): a card
    /// taken out and put back, even the same one, changes it. 0 where the service keeps none.
    #[serde(skip)]
    pub event_count: u32,
}

fn ser_hex<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex(v))
}
