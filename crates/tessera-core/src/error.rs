//! The core error: what a user can meet in a card operation, by cause. [`Error::row`] gives its
//! row of the one error table ([`crate::error_table`]): its id, message, exit code, PKCS#11 and
//! SCARD values; [`Error::message_args`] the values its message names. It names only types of
//! this crate's lower layers (transport, card, certificate, secrets), and defines what an
//! interrupted PIN operation leaves known ([`Interruption`]).

use crate::card::{CardError, PinPolicy, TriesLeft};
use crate::cert::CertError;
use crate::error_table::{self as t, ErrorRow};
use crate::secret::{FormatError, PinKind, PinRuleError};
use tessera_apdu::transport::TransportError;

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
    /// the interruption; `service::pin::check_after_interruption` reads the counters
    /// once the card is back.
    #[error(transparent)]
    Interrupted(Box<Interruption>),
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

/// A PIN change or an unblock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PinOp {
    /// Change the PIN (current PIN + new PIN).
    Change,
    /// Unblock the PIN (PUK + new PIN).
    Unblock,
}

/// How far an interrupted PIN operation got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// No command carrying a secret was sent: nothing changed, no try was spent.
    NothingSent,
    /// The separate check of the current PIN or the PUK (a CIE sends it before the change) was
    /// sent and its answer lost: a try may have been spent, the PIN was certainly not changed.
    CheckSent,
    /// The change or unblock command itself was sent and its answer lost: the card may have
    /// carried it out.
    CommandSent,
}

/// Counters read in the operation's transaction, before anything secret was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Before {
    /// PIN tries left.
    pub pin: TriesLeft,
    /// PUK tries left (read for an unblock only).
    pub puk: TriesLeft,
}

/// What is known of an interrupted PIN operation: enough to judge it once the card is back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    /// Which operation.
    pub op: PinOp,
    /// How far it got.
    pub stage: Stage,
    /// The counters before anything secret was sent.
    pub before: Before,
    /// The card's counters and lengths.
    pub policy: PinPolicy,
}

/// A PIN operation whose end is not known: the card or the connection failed during it.
#[derive(Debug, thiserror::Error)]
#[error("{:?} interrupted ({:?}): {cause}", pending.op, pending.stage)]
pub struct Interruption {
    /// What is known.
    pub pending: Pending,
    /// What failed.
    #[source]
    pub cause: Box<Error>,
}

/// A value a message names (Fluent variable).
#[derive(Debug)]
pub enum Arg<'a> {
    /// A number (plurals follow it).
    Num(i64),
    /// A text.
    Text(String),
    /// Another error, told by its own message (the cause of an interruption).
    Error(&'a Error),
}

impl Error {
    /// This error's row of the table: id, message, exit code, PKCS#11 and SCARD values.
    pub fn row(&self) -> &'static ErrorRow {
        use TransportError as T;
        match self {
            Error::Transport(T::NoService) => &t::NO_SERVICE,
            Error::Transport(T::NoReader) => &t::NO_READER,
            Error::Transport(T::UnknownReader(_)) => &t::UNKNOWN_READER,
            Error::Transport(T::NoCard) => &t::NO_CARD,
            Error::Transport(T::CardRemoved) => &t::CARD_REMOVED,
            Error::Transport(T::Reset) => &t::CARD_RESET,
            Error::Transport(T::SharingViolation) => &t::CARD_BUSY,
            Error::Transport(T::Unresponsive) => &t::CARD_UNRESPONSIVE,
            Error::Transport(T::Cancelled | T::Timeout) => &t::PCSC_INTERRUPTED,
            Error::Transport(T::Pcsc(_)) => &t::PCSC_ERROR,
            Error::CardDied => &t::CARD_DIED,
            Error::SecureChannel => &t::SECURE_CHANNEL,
            Error::CardNotAuthentic => &t::CARD_NOT_AUTHENTIC,
            Error::SimulatedCard => &t::SIMULATED_CARD,
            Error::Card(_) => &t::CARD_ERROR,
            Error::WrongSecret { kind: PinKind::Pin, tries_left: 0 } => &t::WRONG_PIN_NOW_BLOCKED,
            Error::WrongSecret { kind: PinKind::Pin, .. } => &t::WRONG_PIN,
            Error::WrongSecret { kind: PinKind::Puk, tries_left: 0 } => &t::WRONG_PUK_NOW_BLOCKED,
            Error::WrongSecret { kind: PinKind::Puk, .. } => &t::WRONG_PUK,
            Error::PinBlocked => &t::PIN_BLOCKED,
            Error::LoginExpired => &t::LOGIN_EXPIRED,
            Error::PukBlocked => &t::PUK_BLOCKED,
            Error::LastTryNotConfirmed { tries_known: false, .. } => &t::LAST_TRY_UNKNOWN,
            Error::LastTryNotConfirmed { kind: PinKind::Pin, .. } => &t::LAST_TRY_PIN,
            Error::LastTryNotConfirmed { kind: PinKind::Puk, .. } => &t::LAST_TRY_PUK,
            Error::Interrupted(i) => match (i.pending.stage, i.pending.op) {
                (Stage::NothingSent, _) => &t::INTERRUPTED_NOTHING_SENT,
                (Stage::CheckSent, PinOp::Change) => &t::INTERRUPTED_CHECK_CHANGE,
                (Stage::CheckSent, PinOp::Unblock) => &t::INTERRUPTED_CHECK_UNBLOCK,
                (Stage::CommandSent, PinOp::Change) => &t::INTERRUPTED_CHANGE,
                (Stage::CommandSent, PinOp::Unblock) => &t::INTERRUPTED_UNBLOCK,
            },
            Error::InvalidInput(r) => match r {
                PinRuleError::ConfirmationMismatch => &t::CONFIRMATION_MISMATCH,
                PinRuleError::SameAsCurrent => &t::SAME_AS_CURRENT,
                PinRuleError::RefusedByCard => &t::REFUSED_BY_CARD,
                PinRuleError::Format(f) => match f {
                    FormatError::Empty(_) => &t::SECRET_EMPTY,
                    FormatError::Missing(_) => &t::SECRET_MISSING,
                    FormatError::NotText(_) => &t::SECRET_NOT_TEXT,
                    FormatError::TooLong(_) => &t::SECRET_TOO_LONG,
                    FormatError::Spaces(_) => &t::SECRET_SPACES,
                    FormatError::NonAsciiDigits(_) => &t::SECRET_OTHER_DIGITS,
                    FormatError::NotDigits(_) => &t::SECRET_NOT_DIGITS,
                    FormatError::Length { min, max, .. } if min == max => &t::SECRET_EXACT_LENGTH,
                    FormatError::Length { .. } => &t::SECRET_LENGTH_RANGE,
                },
            },
            Error::Cancelled => &t::CANCELLED,
            Error::UnsupportedCard { cie: true, .. } => &t::UNSUPPORTED_CIE,
            Error::UnsupportedCard { cie: false, .. } => &t::UNSUPPORTED_CARD,
            Error::CardModelNotSupported { .. } => &t::CARD_MODEL_NOT_SUPPORTED,
            Error::Certificate(_) => &t::BAD_CERTIFICATE,
            Error::NoCertificate => &t::NO_CERTIFICATE,
            Error::Io { source, .. } => {
                use std::io::ErrorKind as K;
                match source.kind() {
                    K::NotFound => &t::IO_NOT_FOUND,
                    K::AlreadyExists => &t::IO_EXISTS,
                    K::PermissionDenied | K::ReadOnlyFilesystem => &t::IO_DENIED,
                    K::StorageFull | K::QuotaExceeded => &t::IO_FULL,
                    _ => &t::IO_OTHER,
                }
            }
        }
    }

    /// The values this error's message names: `tries_left`, `kind` (PIN or PUK), `digits` /
    /// `min` / `max`, `atr`, `name` (a reader), `path`, `detail` (the technical cause, for the
    /// helpdesk), `cause` (an interruption's cause, told by its own message).
    pub fn message_args(&self) -> Vec<(&'static str, Arg<'_>)> {
        let text = |v: String| Arg::Text(v);
        match self {
            Error::Transport(TransportError::UnknownReader(name)) => vec![("name", text(name.clone()))],
            Error::Transport(TransportError::Pcsc(e)) => vec![("detail", text(e.to_string()))],
            Error::Card(c) => vec![("detail", text(c.to_string()))],
            Error::Certificate(c) => vec![("detail", text(c.to_string()))],
            Error::WrongSecret { tries_left, .. } => vec![("tries_left", Arg::Num((*tries_left).into()))],
            Error::Interrupted(i) => vec![("cause", Arg::Error(&i.cause))],
            Error::InvalidInput(PinRuleError::Format(f)) => {
                let kind = |k: &PinKind| ("kind", text(k.to_string()));
                match f {
                    FormatError::Length { kind: k, min, max } => {
                        vec![kind(k), ("digits", Arg::Num(*min as i64)), ("min", Arg::Num(*min as i64)), ("max", Arg::Num(*max as i64))]
                    }
                    FormatError::Empty(k)
                    | FormatError::Missing(k)
                    | FormatError::NotText(k)
                    | FormatError::TooLong(k)
                    | FormatError::Spaces(k)
                    | FormatError::NonAsciiDigits(k)
                    | FormatError::NotDigits(k) => vec![kind(k)],
                }
            }
            Error::UnsupportedCard { atr, .. } | Error::CardModelNotSupported { atr } => vec![("atr", text(atr.clone()))],
            Error::Io { path, source } => vec![("path", text(path.clone())), ("detail", text(source.to_string()))],
            _ => Vec::new(),
        }
    }

    /// Tries left that the error tells (JSON `tries_left`): after a wrong secret; 1 when the last
    /// try was refused unconfirmed and the card said so; 0 when blocked.
    pub fn tries_left(&self) -> Option<u8> {
        match self {
            Error::WrongSecret { tries_left, .. } => Some(*tries_left),
            Error::LastTryNotConfirmed { tries_known: true, .. } => Some(1),
            Error::PinBlocked | Error::PukBlocked => Some(0),
            _ => None,
        }
    }
}
