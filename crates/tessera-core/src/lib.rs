//! Tessera's card layer, shared by the app (command line and window) and the PKCS#11 module.
//! It has no GUI or CLI dependency.
//!
//! Layering (each layer only uses the ones on its left):
//! `apdu` ← `transport` ← `card` ← `service`. `secret` (PINs and PUKs, zeroizing) and `cert`
//! (certificate summary) sit beside `card`; [`Error`] names only types of these layers.
//!
//! Threading and transactions: a [`transport::Connection`] is owned by one thread. Every user
//! operation runs inside exactly one [`transport::Transaction`] (one PC/SC transaction); all user
//! input (PINs, confirmations) is collected before it starts. PIN-carrying commands are never
//! retried or replayed, not even after a card reset.
#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::unwrap_used)]

pub mod apdu;
pub mod browser_files;
pub mod card;
pub mod cert;
pub mod error;
pub mod error_table;
pub mod fsio;
pub mod pss;
pub mod secret;
pub mod service;
pub mod text;
pub mod transport;

pub use error::{Error, Result};
