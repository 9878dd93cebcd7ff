//! The card layer's errors and the values its profiles share: the operation an error happened
//! in, the tries a counter shows, and the one mapping of a PIN command's status word.

use tessera_apdu::apdu::{ResponseError, StatusWord};
use crate::secret::PinKind;
use tessera_apdu::transport::TransportError;
use std::fmt;

/// The card operation an error happened in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Op {
    /// SELECT FILE / application.
    Select,
    /// READ BINARY.
    ReadBinary,
    /// GET RESPONSE.
    GetResponse,
    /// Reading a retry counter (VERIFY without data).
    ReadCounter,
    /// VERIFY.
    Verify,
    /// CHANGE REFERENCE DATA.
    ChangePin,
    /// RESET RETRY COUNTER.
    Unblock,
    /// GET DATA.
    GetData,
    /// Key agreement and device authentication.
    Authenticate,
    /// Signing with the authentication key.
    Sign,
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Op::Select => "SELECT",
            Op::ReadBinary => "READ BINARY",
            Op::GetResponse => "GET RESPONSE",
            Op::ReadCounter => "VERIFY (counter)",
            Op::Verify => "VERIFY",
            Op::ChangePin => "CHANGE REFERENCE DATA",
            Op::Unblock => "RESET RETRY COUNTER",
            Op::GetData => "GET DATA",
            Op::Authenticate => "device authentication",
            Op::Sign => "signature",
        })
    }
}

/// Errors of the card layer.
#[derive(Debug, thiserror::Error)]
// Exhaustive on purpose: every front-end maps every variant to a message.
pub enum CardError {
    /// The transport failed.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The card answered with no status word (it died or was removed mid-command).
    #[error(transparent)]
    Response(#[from] ResponseError),
    /// Wrong PIN or PUK (63Cx).
    #[error("wrong {kind}: {tries_left} tries left")]
    WrongSecret {
        /// PIN or PUK.
        kind: PinKind,
        /// Tries left (0: now blocked).
        tries_left: u8,
    },
    /// The PIN or PUK is blocked (6983).
    #[error("{kind} is blocked")]
    Blocked {
        /// PIN or PUK.
        kind: PinKind,
    },
    /// The card refused the new PIN's format (6A80).
    #[error("the card refused the new PIN's format")]
    NewPinRefused,
    /// A status word the operation does not expect.
    #[error("{op}: unexpected status {sw}")]
    Unexpected {
        /// The operation.
        op: Op,
        /// The status word.
        sw: StatusWord,
    },
    /// The secure channel broke (bad MAC or malformed answer); the session is dropped.
    #[error(transparent)]
    SecureMessaging(#[from] SmError),
    /// The card's authority is neither the national CIE one nor Tessera's simulator.
    #[error("the card's certificate authority is not known")]
    UnknownAuthority,
    /// The card authenticated with Tessera's public test authority, and the connection does not
    /// trust simulated cards with secrets.
    #[error("the card uses Tessera's public test authority")]
    SimulatedAuthority,
    /// The chip's authentication signature is wrong: not a genuine card, or a fault.
    #[error("the chip failed its authentication")]
    ChipNotAuthentic,
    /// A file the profile needs is missing.
    #[error("file not found: {0}")]
    NotFound(&'static str),
    /// A file's content is malformed.
    #[error("malformed {0}")]
    Malformed(&'static str),
    /// A CNS ATR, but none of the known CNS layouts answered: a card model not supported yet.
    #[error("no known CNS file layout on this card")]
    UnknownLayout,
}

/// Maps the status word of a PIN command (VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER);
/// `kind` is the secret the card checks. The same on CNS cards (CNS spec §3.4) and the CIE
/// (CIE spec §5, inside secure messaging).
pub(crate) fn map_pin_status(op: Op, kind: PinKind, sw: StatusWord) -> Result<(), CardError> {
    match sw {
        StatusWord::Ok => Ok(()),
        StatusWord::VerifyFailed { tries_left } => Err(CardError::WrongSecret { kind, tries_left }),
        StatusWord::AuthMethodBlocked => Err(CardError::Blocked { kind }),
        StatusWord::IncorrectData => Err(CardError::NewPinRefused),
        sw => Err(CardError::Unexpected { op, sw }),
    }
}

/// How many tries a PIN or PUK has left, as read from the card without spending one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "tries_left")]
pub enum TriesLeft {
    /// The card reported this many tries left (0 = blocked).
    Known(u8),
    /// The card would not tell (never guessed).
    Unknown,
}

impl TriesLeft {
    /// The number, if known.
    pub fn known(self) -> Option<u8> {
        match self {
            TriesLeft::Known(n) => Some(n),
            TriesLeft::Unknown => None,
        }
    }

    /// Known to be blocked.
    pub fn is_blocked(self) -> bool {
        self == TriesLeft::Known(0)
    }
}

/// Why a secured response was refused. The session is unusable afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SmError {
    /// The response MAC does not match: data altered, or keys/counter out of step.
    #[error("secure messaging: response MAC mismatch")]
    BadMac,
    /// The response is not a well-formed set of SM data objects.
    #[error("secure messaging: malformed response")]
    Malformed,
}

