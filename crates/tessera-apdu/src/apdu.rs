//! ISO/IEC 7816-4 APDUs: command encoding/decoding, responses and status words.

mod command;
mod response;
mod status;
mod tlv;

pub use command::{CommandApdu, DecodeError, hex};
pub use response::{ResponseApdu, ResponseError};
pub use status::StatusWord;
pub use tlv::Fci;

/// Largest data field of a short command APDU (the link size for command chaining).
pub fn command_short_max() -> usize {
    command::SHORT_MAX_DATA
}
