//! Tessera, the app: the command line, the window, translations, browser-login setup, the
//! helpdesk report and the card self-test. It produces the `tessera` binary.
//!
//! The card layer (APDUs, PC/SC, CNS and CIE profiles, PIN/certificate/signing services) is the
//! `tessera_core` crate; the simulated cards are `tessera_sim`. Layering inside the app:
//! `browser`, `report`, `selftest` ← `i18n` ← `cli`, `gui`. Only `gui` uses egui, only `cli`
//! uses clap and rpassword.
#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::unwrap_used)]

pub mod browser;
pub mod cli;
pub mod error;
pub mod export;
pub mod gui;
pub mod i18n;
pub mod report;
pub mod selftest;

pub use error::{Error, Result};
