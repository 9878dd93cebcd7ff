//! The files Tessera writes on the user's disk, apart from the card: [`atomic`] writes that
//! never lose data (a new file never over an existing one, a replacement in one rename, the
//! original's permissions kept), and the [`browser`] configuration files as pure text functions
//! (no I/O, fuzzed), and the [`cache`] folder of public card data. Used by the app (exports,
//! reports, browser setup) and the PKCS#11 module.
#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::unwrap_used)]

pub mod atomic;
pub mod browser;
pub mod cache;
