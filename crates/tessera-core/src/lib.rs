//! Tessera's card layer, shared by the app (command line and window) and the PKCS#11 module.
//! It has no GUI or CLI dependency, and links no smart-card service: it talks to cards through
//! the transport traits of `tessera-apdu` (re-exported as [`apdu`] and [`transport`]), which the
//! PC/SC backend (`tessera-pcsc`) and the simulated cards implement.
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

pub use tessera_apdu::{apdu, transport};
pub mod card;
pub mod cert;
pub mod der_bounded;
pub mod error;
pub mod error_table;
pub mod secret;
pub mod service;
pub mod text;

pub use error::{Error, Result};
