//! The app's error: a card-layer error, or one of the app's own services (browser setup).
//! Front-ends turn it into a translated message ([`crate::i18n::describe_error`]) and, in the
//! CLI, an exit code.

pub use tessera_core::Error as CoreError;
use std::path::PathBuf;
use tessera_core::error::Arg;
use tessera_core::cert::CertError;
use tessera_core::secret::PinRuleError;
use tessera_core::transport::TransportError;

/// Why a database cannot be changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BrowserError {
    /// Firefox is running on this profile.
    #[error("Firefox is open on this profile: close it first")]
    InUse(PathBuf),
    /// The module list is read-only: left as it is (the user made it so).
    #[error("read-only: {0}")]
    ReadOnly(PathBuf),
    /// No PKCS#11 module for the card is installed.
    #[error("no PKCS#11 module installed: install {0}")]
    NoModule(&'static str),
    /// Not an NSS database in the current (SQL) format.
    #[error("not an NSS database in SQL format: {0}")]
    NotADatabase(PathBuf),
    /// A Firefox policy file that is not valid JSON or not shaped as Firefox expects: left
    /// untouched (rewriting it would drop the administrator's policies).
    #[error("{0}: {1}")]
    BadPolicyFile(PathBuf, String),
}

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
}

/// The app's own rows of the error table (the core's are in [`tessera_core::error_table`]).
pub mod rows {
    use tessera_core::error_table::{ErrorRow, ckr, exit, scard};

    const fn row(id: &'static str, msg: &'static str, exit: u8) -> ErrorRow {
        ErrorRow { id, msg, exit, ck_rv: ckr::DEVICE_ERROR, scard: scard::F_INTERNAL_ERROR }
    }

    /// Firefox is open on the profile (`$dir`).
    pub const BROWSER_RUNNING: ErrorRow = row("browser_running", "browser-running", exit::BROWSER);
    /// No PKCS#11 module installed (`$hint`: where to get one).
    pub const NO_PKCS11_MODULE: ErrorRow = row("no_pkcs11_module", "no-pkcs11-module", exit::BROWSER);
    /// A policy file Tessera cannot add to (`$path`, `$detail`).
    pub const BROWSER_POLICY: ErrorRow = row("browser_database", "browser-policy", exit::BROWSER);
    /// A read-only module list, left as it is (`$path`).
    pub const BROWSER_READ_ONLY: ErrorRow = row("browser_read_only", "browser-read-only", exit::BROWSER);
    /// A browser database that cannot be changed (`$detail`).
    pub const BROWSER_DATABASE: ErrorRow = row("browser_database", "browser-database", exit::BROWSER);
    /// A bug in Tessera, caught (`$detail`).
    pub const INTERNAL: ErrorRow = row("internal_error", "internal-error", exit::OTHER);
}

/// Every app row, for the tests that check each has its messages.
pub const APP_ROWS: &[tessera_core::error_table::ErrorRow] =
    &[rows::BROWSER_RUNNING, rows::NO_PKCS11_MODULE, rows::BROWSER_POLICY, rows::BROWSER_READ_ONLY, rows::BROWSER_DATABASE, rows::INTERNAL];

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
            Error::Browser(_) | Error::Internal(_) => None,
        }
    }

    /// This error's row of the error table.
    pub fn row(&self) -> &'static tessera_core::error_table::ErrorRow {
        match self {
            Error::Core(e) => e.row(),
            Error::Browser(BrowserError::InUse(_)) => &rows::BROWSER_RUNNING,
            Error::Browser(BrowserError::NoModule(_)) => &rows::NO_PKCS11_MODULE,
            Error::Browser(BrowserError::BadPolicyFile(..)) => &rows::BROWSER_POLICY,
            Error::Browser(BrowserError::ReadOnly(_)) => &rows::BROWSER_READ_ONLY,
            Error::Browser(_) => &rows::BROWSER_DATABASE,
            Error::Internal(_) => &rows::INTERNAL,
        }
    }

    /// The values its message names (see [`CoreError::message_args`]).
    pub fn message_args(&self) -> Vec<(&'static str, Arg<'_>)> {
        match self {
            Error::Core(e) => e.message_args(),
            Error::Browser(BrowserError::InUse(dir)) => vec![("dir", Arg::Text(dir.display().to_string()))],
            Error::Browser(BrowserError::NoModule(hint)) => vec![("hint", Arg::Text(hint.to_string()))],
            Error::Browser(BrowserError::BadPolicyFile(path, why)) => {
                vec![("path", Arg::Text(path.display().to_string())), ("detail", Arg::Text(why.to_string()))]
            }
            Error::Browser(BrowserError::ReadOnly(path)) => vec![("path", Arg::Text(path.display().to_string()))],
            Error::Browser(e) => vec![("detail", Arg::Text(e.to_string()))],
            Error::Internal(what) => vec![("detail", Arg::Text(what.clone()))],
        }
    }
}

/// The text of a caught panic (for [`Error::Internal`]).
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic.downcast_ref::<&str>().map(|s| (*s).to_owned()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default()
}
