//! Moving bytes to and from a card: the [`Connection`] and [`Transaction`] traits, the errors a
//! user can meet on the way, and the APDU tracer. `tessera-pcsc` and the simulator implement them.

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
    Pcsc(String),
}

/// A connection to the card in one reader.
pub trait Connection: Send {
    /// The reader's name.
    fn reader(&self) -> &str;
    /// The card's answer to reset.
    fn atr(&self) -> &[u8];
    /// Starts an exclusive transaction; the card is released when it is dropped.
    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>, TransportError>;
    /// Lets another thread watch (and give up on) the next transactions; see [`Watch`].
    /// Connections that never block (the in-process simulator) ignore it.
    fn set_watch(&mut self, _watch: Option<Watch>) {}
    /// Whether a card of Tessera's public test authority (a simulated CIE) may receive a PIN
    /// or PUK through this connection. Only the in-process demo says yes by itself.
    fn trusts_simulated_cards(&self) -> bool {
        false
    }
    /// Trusts (or not) simulated cards with secrets: an explicit user or test choice.
    fn set_trust_simulated_cards(&mut self, _trust: bool) {}
    /// Keeps the card's verified state when a transaction that carried a PIN ends (a token's
    /// login, held between signatures so that its PIN need not be kept), instead of resetting
    /// the card. [`Connection::end_login`] ends that state. Without it (the default) such a
    /// transaction ends with a card reset: nothing verified is left behind.
    fn keep_verified(&mut self, _keep: bool) {}
    /// Ends a kept login: the card is reset, so that it is no longer verified — unless another
    /// program is connected to it then (it may hold a login of its own; the last one to leave
    /// resets the card). The connection stays usable.
    fn end_login(&mut self) {}
    /// Resets the card if no other program is connected to it, and says whether it did: a
    /// verified state found then is an orphan (the program that held the login is gone without
    /// logging out — killed, or crashed). The connection stays usable.
    fn reset_if_alone(&mut self) -> bool {
        false
    }
}

/// What another thread can see of a card operation, and the one thing it may do to it.
///
/// PC/SC gives no way to abort `SCardBeginTransaction` (it waits as long as another program
/// holds the card) nor `SCardTransmit` (a mute card is timed out by the reader's driver, if
/// ever). So card operations run on their own thread, and the thread that talks to the user
/// watches them: after a second without the transaction it says that another program holds
/// the card; it may give up ([`Watch::cancel_if_waiting`]), and then the transaction, if it
/// comes later, is ended at once with nothing sent. Once the transaction has begun, giving up
/// is only possible by abandoning the operation, and [`Watch::secret_sent`] says whether a
/// PIN or PUK may have reached the card.
#[derive(Debug, Clone, Default)]
pub struct Watch(std::sync::Arc<WatchState>);

#[derive(Debug, Default)]
struct WatchState {
    /// 0: waiting for the transaction, 1: begun, 2: given up.
    phase: std::sync::atomic::AtomicU8,
    secret_sent: std::sync::atomic::AtomicBool,
}

impl Watch {
    const WAITING: u8 = 0;
    const BEGUN: u8 = 1;
    const GIVEN_UP: u8 = 2;

    /// A fresh watch: waiting.
    pub fn new() -> Self {
        Self::default()
    }

    fn cas(&self, from: u8, to: u8) -> bool {
        use std::sync::atomic::Ordering::SeqCst;
        self.0.phase.compare_exchange(from, to, SeqCst, SeqCst).is_ok()
    }

    /// The transport got the card: false when the watcher gave up meanwhile (the transport then
    /// ends the transaction without sending anything). Back to waiting when it ends.
    pub fn try_begin(&self) -> bool {
        self.cas(Self::WAITING, Self::BEGUN)
    }

    /// The transaction ended.
    pub fn ended(&self) {
        self.cas(Self::BEGUN, Self::WAITING);
    }

    /// Whether a transaction is under way.
    pub fn begun(&self) -> bool {
        self.0.phase.load(std::sync::atomic::Ordering::SeqCst) == Self::BEGUN
    }

    /// Gives up while the operation still waits for the card: true when it had not begun and
    /// now never will send anything; false when it is already talking to the card.
    pub fn cancel_if_waiting(&self) -> bool {
        self.cas(Self::WAITING, Self::GIVEN_UP)
    }

    /// The transport is about to send a command carrying a PIN or PUK.
    pub fn mark_secret_sent(&self) {
        self.0.secret_sent.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// Whether a command carrying a PIN or PUK was handed to the card.
    pub fn secret_sent(&self) -> bool {
        self.0.secret_sent.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// An exclusive session with the card: one per user operation.
pub trait Transaction {
    /// Sends one command APDU and returns the raw response (data ‖ SW1 SW2). The response may be
    /// shorter than 2 bytes when the card dies mid-command; the caller must treat that as an error.
    fn transmit(&mut self, cmd: &CommandApdu) -> Result<Vec<u8>, TransportError>;
    /// Resets the card and goes on in the same transaction (its verified state, current file
    /// and secure session are gone; other programs' handles see the reset).
    fn reset(&mut self) -> Result<(), TransportError> {
        Err(TransportError::Pcsc("this transport cannot reset the card".into()))
    }
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
