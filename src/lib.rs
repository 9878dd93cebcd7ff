//! Tessera: a smart-card manager for the Italian CNS/CPS (and, later, CIE 3.0) cards.
//!
//! Layering (each layer only uses the ones on its left):
//! `apdu` ← `transport` ← `card` ← `service` ← `cli` (and later `gui`).
//! `sim` depends on `apdu` and `transport` only and provides simulated cards, both in-process
//! (a [`transport::Connection`]) and as a vpcd virtual card for the real PC/SC stack.
//!
//! Threading and transactions: a [`transport::Connection`] is owned by one thread. Every user
//! operation runs inside exactly one [`transport::Transaction`] (one PC/SC transaction); all user
//! input (PINs, confirmations) is collected before it starts. PIN-carrying commands are never
//! retried or replayed, not even after a card reset.
#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::unwrap_used)]

pub mod apdu;
pub mod card;
pub mod cert;
pub mod cli;
pub mod error;
pub mod gui;
pub mod i18n;
pub mod secret;
pub mod service;
pub mod sim;
pub mod transport;

pub use error::{Error, Result};
