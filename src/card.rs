//! Card profiles: ISO 7816 commands and the exchange helper, ATR recognition, the CNS/CPS
//! profile. Data (AIDs, file ids, PIN references) and vendor quirks live here.

pub mod cie;
pub mod cns;
pub mod detect;
pub mod iso7816;

use crate::apdu::{ResponseError, StatusWord};
use crate::secret::PinKind;
use crate::transport::TransportError;
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
        })
    }
}

/// Errors of the card layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
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
    /// A file the profile needs is missing.
    #[error("file not found: {0}")]
    NotFound(&'static str),
    /// A file's content is malformed.
    #[error("malformed {0}")]
    Malformed(&'static str),
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
