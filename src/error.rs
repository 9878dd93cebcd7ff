//! The app's error: a card-layer error, or one of the app's own services (browser setup).
//! Front-ends turn it into a translated message ([`crate::i18n::describe_error`]) and, in the
//! CLI, an exit code.

use crate::browser::BrowserError;
pub use tessera_core::Error as CoreError;
use tessera_core::cert::CertError;
use tessera_core::secret::PinRuleError;
use tessera_core::transport::TransportError;

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in an app operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A card operation failed (or its input was refused before anything was sent).
    #[error(transparent)]
    Core(#[from] CoreError),
    /// A browser database cannot be changed.
    #[error(transparent)]
    Browser(#[from] BrowserError),
    /// A bug in Tessera (a panic in card code), caught: the program goes on.
    #[error("internal error: {0}")]
    Internal(String),
    /// The command already told the user what happened; exit with this code.
    #[error("exit {0}")]
    Exit(u8),
}

impl From<TransportError> for Error {
    fn from(e: TransportError) -> Self {
        Error::Core(e.into())
    }
}

impl From<PinRuleError> for Error {
    fn from(e: PinRuleError) -> Self {
        Error::Core(e.into())
    }
}

impl From<CertError> for Error {
    fn from(e: CertError) -> Self {
        Error::Core(e.into())
    }
}

impl Error {
    /// The card-layer error, when this is one.
    pub fn core(&self) -> Option<&CoreError> {
        match self {
            Error::Core(e) => Some(e),
            Error::Browser(_) | Error::Exit(_) | Error::Internal(_) => None,
        }
    }
}

/// The text of a caught panic (for [`Error::Internal`]).
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic.downcast_ref::<&str>().map(|s| (*s).to_owned()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default()
}
