//! What every layer that talks to a card shares, and nothing more: ISO 7816 APDUs (commands,
//! responses, status words as data, the FCI) and the transport traits ([`transport::Connection`],
//! [`transport::Transaction`]) with their errors. The card layer (`tessera-core`) speaks through
//! these traits; the PC/SC backend (`tessera-pcsc`) and the simulated cards (`tessera-sim`)
//! implement them. No smart-card service is linked here.
#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::unwrap_used)]

pub mod apdu;
pub mod transport;
