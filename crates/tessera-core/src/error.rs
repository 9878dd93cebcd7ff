//! The core error: what a user can meet in a card operation, by cause. Front-ends turn it into a
//! translated message and, in the CLI, an exit code. It names only types of this crate's lower
//! layers (transport, card, certificate, secrets).

use crate::card::CardError;
use crate::cert::CertError;
use crate::secret::{PinKind, PinRuleError};
use crate::transport::TransportError;

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in a user operation.
#[derive(Debug, thiserror::Error)]
// Exhaustive on purpose: every front-end maps every variant to a message.
pub enum Error {
    /// Smart-card service, reader or card presence problems.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The card stopped answering in the middle of a command.
    #[error("the card stopped answering during the operation")]
    CardDied,
    /// The secure channel with the card broke (a wrong MAC or a garbled answer): the session
    /// was dropped and nothing is repeated.
    #[error("the secure channel with the card broke")]
    SecureChannel,
    /// The chip failed its authentication, or its authority is unknown.
    #[error("the card could not prove it is genuine")]
    CardNotAuthentic,
    /// The card authenticated with Tessera's public test authority: a simulated card, or a
    /// forgery. Nothing secret was sent; it needs an explicit choice (or the demo).
    #[error("simulated card: secrets refused without an explicit choice")]
    SimulatedCard,
    /// A protocol-level problem (unexpected status word, malformed file…).
    #[error(transparent)]
    Card(CardError),
    /// Wrong PIN or PUK.
    #[error("wrong {kind}: {tries_left} tries left")]
    WrongSecret {
        /// PIN or PUK.
        kind: PinKind,
        /// Tries left (0: now blocked).
        tries_left: u8,
    },
    /// The PIN is blocked: unblock it with the PUK.
    #[error("the PIN is blocked")]
    PinBlocked,
    /// A PIN kept from a login may no longer be the card's (the counter shows a failed try
    /// since): it was dropped and not sent. Log in again.
    #[error("the login is no longer valid: log in again")]
    LoginExpired,
    /// The PUK is blocked: the card cannot be recovered.
    #[error("the PUK is blocked")]
    PukBlocked,
    /// Only one try is left and the user did not confirm using it.
    #[error("this may be the last {kind} try: explicit confirmation needed")]
    LastTryNotConfirmed {
        /// PIN or PUK.
        kind: PinKind,
        /// The card said one try is left (false: the card would not tell).
        tries_known: bool,
    },
    /// A PIN change or unblock was cut short by a fault: what may have reached the card is in
    /// the interruption; [`crate::service::pin::check_after_interruption`] reads the counters
    /// once the card is back.
    #[error(transparent)]
    Interrupted(Box<crate::service::pin::Interruption>),
    /// Typed input breaks a rule; nothing was sent.
    #[error(transparent)]
    InvalidInput(#[from] PinRuleError),
    /// The user cancelled before anything was sent.
    #[error("cancelled")]
    Cancelled,
    /// The card is not one Tessera manages (yet).
    #[error("unsupported card (ATR {atr})")]
    UnsupportedCard {
        /// ATR, hex.
        atr: String,
        /// It is a CIE (support not available in this version).
        cie: bool,
    },
    /// A CNS card of a model (file layout) Tessera does not know yet.
    #[error("this CNS card model is not supported yet (ATR {atr})")]
    CardModelNotSupported {
        /// ATR, hex.
        atr: String,
    },
    /// The certificate could not be parsed.
    #[error(transparent)]
    Certificate(#[from] CertError),
    /// The card holds no authentication certificate.
    #[error("the card holds no authentication certificate")]
    NoCertificate,
    /// File I/O (export).
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

impl From<CardError> for Error {
    fn from(e: CardError) -> Self {
        match e {
            CardError::Transport(t) => Error::Transport(t),
            CardError::Response(_) => Error::CardDied,
            CardError::WrongSecret { kind, tries_left } => Error::WrongSecret { kind, tries_left },
            CardError::Blocked { kind: PinKind::Pin } => Error::PinBlocked,
            CardError::Blocked { kind: PinKind::Puk } => Error::PukBlocked,
            CardError::NotFound("certificate") => Error::NoCertificate,
            CardError::NewPinRefused => Error::InvalidInput(PinRuleError::RefusedByCard),
            CardError::SecureMessaging(_) => Error::SecureChannel,
            CardError::ChipNotAuthentic | CardError::UnknownAuthority => Error::CardNotAuthentic,
            CardError::SimulatedAuthority => Error::SimulatedCard,
            other => Error::Card(other),
        }
    }
}
