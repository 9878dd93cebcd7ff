//! The one table of errors: for every message a user can meet, its stable id (the command
//! line's JSON `error`, the error log), its Fluent message (`err-<msg>-what` and `err-<msg>-next`
//! in `locales/*.ftl`), the command line's exit code, the PKCS#11 return value and the Windows
//! smart-card status the minidriver answers. Every front-end reads its column here; none keeps
//! its own mapping. `Error::row` (in `error.rs`) picks the row of an error.
//!
//! The PKCS#11 and SCARD values are plain numbers, so that the core needs neither binding crate:
//! the module's and the minidriver's tests check them against `cryptoki-sys` and `windows-sys`.

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorRow {
    /// Stable identifier (README: `--json` errors). Several rows may share one: they are the same
    /// error told with different words.
    pub id: &'static str,
    /// The Fluent message stem: `err-<msg>-what` says what happened, `err-<msg>-next` what to do.
    pub msg: &'static str,
    /// The command line's exit code (README: exit codes).
    pub exit: u8,
    /// What the PKCS#11 module returns (`CK_RV`).
    pub ck_rv: u64,
    /// What the Windows minidriver returns (an `SCARD_*` HRESULT).
    pub scard: u32,
}

/// Exit codes (README.md, "Exit codes").
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// Any other error.
    pub const OTHER: u8 = 1;
    /// Bad command line.
    pub const USAGE: u8 = 2;
    /// The smart-card service is not running.
    pub const NO_SERVICE: u8 = 3;
    /// No reader, or the named reader does not exist.
    pub const NO_READER: u8 = 4;
    /// No card, or the card was removed / stopped answering.
    pub const NO_CARD: u8 = 5;
    /// Not a supported card, or a CNS model not supported yet.
    pub const UNSUPPORTED_CARD: u8 = 6;
    /// Card in use by another program, or reset by it.
    pub const CARD_BUSY: u8 = 7;
    /// Wrong PIN or PUK.
    pub const WRONG_PIN: u8 = 10;
    /// PIN blocked.
    pub const PIN_BLOCKED: u8 = 11;
    /// PUK blocked: the card cannot be recovered.
    pub const PUK_BLOCKED: u8 = 12;
    /// Possibly the last try and not confirmed: nothing sent.
    pub const LAST_TRY_NOT_CONFIRMED: u8 = 13;
    /// Invalid input or cancelled: nothing sent.
    pub const INVALID_INPUT: u8 = 14;
    /// Unexpected card answer, unreadable certificate, broken secure channel, card not authentic.
    pub const CARD_ERROR: u8 = 15;
    /// A file could not be written.
    pub const IO: u8 = 16;
    /// Browser setup refused.
    pub const BROWSER: u8 = 17;
    /// The self-test found a problem.
    pub const SELFTEST_FAILED: u8 = 18;
    /// A PIN operation cut short after the secret reached the card, its outcome unknown.
    pub const INTERRUPTED: u8 = 19;
    /// A PIN operation cut short, then checked on the card: it did NOT happen (the PIN is the
    /// one from before; no try of a wrong secret was seen spent).
    pub const NOT_APPLIED: u8 = 20;
}

/// PKCS#11 v2.40 return values (`CK_RV`) the table uses.
pub mod ckr {
    #![allow(missing_docs)]
    pub const DEVICE_ERROR: u64 = 0x30;
    pub const DEVICE_REMOVED: u64 = 0x32;
    pub const FUNCTION_CANCELED: u64 = 0x50;
    pub const PIN_INCORRECT: u64 = 0xA0;
    pub const PIN_INVALID: u64 = 0xA1;
    pub const PIN_LEN_RANGE: u64 = 0xA2;
    pub const PIN_LOCKED: u64 = 0xA4;
    pub const TOKEN_NOT_RECOGNIZED: u64 = 0xE1;
    pub const USER_NOT_LOGGED_IN: u64 = 0x101;
    pub const FUNCTION_REJECTED: u64 = 0x200;
}

/// Windows smart-card status codes (`winerror.h`) the table uses.
pub mod scard {
    #![allow(missing_docs)]
    pub const F_INTERNAL_ERROR: u32 = 0x8010_0001;
    pub const E_CANCELLED: u32 = 0x8010_0002;
    pub const E_INVALID_PARAMETER: u32 = 0x8010_0004;
    pub const E_NO_MEMORY: u32 = 0x8010_0006;
    pub const E_INSUFFICIENT_BUFFER: u32 = 0x8010_0008;
    pub const E_UNKNOWN_READER: u32 = 0x8010_0009;
    pub const E_TIMEOUT: u32 = 0x8010_000A;
    pub const E_SHARING_VIOLATION: u32 = 0x8010_000B;
    pub const E_NO_SMARTCARD: u32 = 0x8010_000C;
    pub const E_INVALID_VALUE: u32 = 0x8010_0011;
    pub const E_CARD_UNSUPPORTED: u32 = 0x8010_001C;
    pub const E_NO_SERVICE: u32 = 0x8010_001D;
    pub const E_UNEXPECTED: u32 = 0x8010_001F;
    pub const E_UNSUPPORTED_FEATURE: u32 = 0x8010_0022;
    pub const E_DIR_NOT_FOUND: u32 = 0x8010_0023;
    pub const E_FILE_NOT_FOUND: u32 = 0x8010_0024;
    pub const E_INVALID_CHV: u32 = 0x8010_002A;
    pub const E_NO_SUCH_CERTIFICATE: u32 = 0x8010_002C;
    pub const E_NO_READERS_AVAILABLE: u32 = 0x8010_002E;
    pub const E_COMM_DATA_LOST: u32 = 0x8010_002F;
    pub const E_NO_KEY_CONTAINER: u32 = 0x8010_0030;
    pub const W_UNRESPONSIVE_CARD: u32 = 0x8010_0066;
    pub const W_RESET_CARD: u32 = 0x8010_0068;
    pub const W_REMOVED_CARD: u32 = 0x8010_0069;
    pub const W_SECURITY_VIOLATION: u32 = 0x8010_006A;
    pub const W_WRONG_CHV: u32 = 0x8010_006B;
    pub const W_CHV_BLOCKED: u32 = 0x8010_006C;
    pub const W_CANCELLED_BY_USER: u32 = 0x8010_006E;
    pub const W_CARD_NOT_AUTHENTICATED: u32 = 0x8010_006F;
}

const fn row(id: &'static str, msg: &'static str, exit: u8, ck_rv: u64, scard: u32) -> ErrorRow {
    ErrorRow { id, msg, exit, ck_rv, scard }
}

use exit as x;

// Reader, service and card presence.
/// The smart-card service is not running.
pub const NO_SERVICE: ErrorRow = row("no_service", "no-service", x::NO_SERVICE, ckr::DEVICE_ERROR, scard::E_NO_SERVICE);
/// No reader is connected.
pub const NO_READER: ErrorRow = row("no_reader", "no-reader", x::NO_READER, ckr::DEVICE_REMOVED, scard::E_NO_READERS_AVAILABLE);
/// The named reader does not exist (`$name`).
pub const UNKNOWN_READER: ErrorRow = row("unknown_reader", "unknown-reader", x::NO_READER, ckr::DEVICE_REMOVED, scard::E_UNKNOWN_READER);
/// No card in the reader.
pub const NO_CARD: ErrorRow = row("no_card", "no-card", x::NO_CARD, ckr::DEVICE_REMOVED, scard::E_NO_SMARTCARD);
/// The card was removed during the operation.
pub const CARD_REMOVED: ErrorRow = row("card_removed", "card-removed", x::NO_CARD, ckr::DEVICE_REMOVED, scard::W_REMOVED_CARD);
/// Another program reset the card.
pub const CARD_RESET: ErrorRow = row("card_reset", "card-reset", x::CARD_BUSY, ckr::DEVICE_ERROR, scard::W_RESET_CARD);
/// Another program holds the card.
pub const CARD_BUSY: ErrorRow = row("card_busy", "card-busy", x::CARD_BUSY, ckr::DEVICE_ERROR, scard::E_SHARING_VIOLATION);
/// The card does not answer its reset.
pub const CARD_UNRESPONSIVE: ErrorRow = row("card_unresponsive", "card-unresponsive", x::NO_CARD, ckr::DEVICE_ERROR, scard::W_UNRESPONSIVE_CARD);
/// The wait was cancelled or timed out.
pub const PCSC_INTERRUPTED: ErrorRow = row("pcsc_error", "pcsc-interrupted", x::OTHER, ckr::DEVICE_ERROR, scard::E_TIMEOUT);
/// Any other smart-card service error (`$detail`).
pub const PCSC_ERROR: ErrorRow = row("pcsc_error", "pcsc-error", x::OTHER, ckr::DEVICE_ERROR, scard::F_INTERNAL_ERROR);
/// The card stopped answering mid-command.
pub const CARD_DIED: ErrorRow = row("card_died", "card-died", x::NO_CARD, ckr::DEVICE_REMOVED, scard::W_UNRESPONSIVE_CARD);

// What the card said.
/// An unexpected answer (`$detail`).
pub const CARD_ERROR: ErrorRow = row("card_error", "card-error", x::CARD_ERROR, ckr::DEVICE_ERROR, scard::E_UNEXPECTED);
/// The CIE's secure channel broke.
pub const SECURE_CHANNEL: ErrorRow = row("secure_channel_broken", "secure-channel", x::CARD_ERROR, ckr::DEVICE_ERROR, scard::E_COMM_DATA_LOST);
/// The card failed its authentication.
pub const CARD_NOT_AUTHENTIC: ErrorRow = row("card_not_authentic", "card-not-authentic", x::CARD_ERROR, ckr::DEVICE_ERROR, scard::W_SECURITY_VIOLATION);
/// A card of Tessera's public test authority, without the explicit choice.
pub const SIMULATED_CARD: ErrorRow = row("simulated_card", "simulated-card", x::CARD_ERROR, ckr::FUNCTION_REJECTED, scard::W_SECURITY_VIOLATION);
/// Wrong PIN, tries left (`$tries_left`).
pub const WRONG_PIN: ErrorRow = row("wrong_pin", "wrong-pin", x::WRONG_PIN, ckr::PIN_INCORRECT, scard::W_WRONG_CHV);
/// Wrong PIN, and now it is blocked.
pub const WRONG_PIN_NOW_BLOCKED: ErrorRow = row("wrong_pin", "wrong-pin-now-blocked", x::PIN_BLOCKED, ckr::PIN_INCORRECT, scard::W_CHV_BLOCKED);
/// Wrong PUK, tries left (`$tries_left`).
pub const WRONG_PUK: ErrorRow = row("wrong_puk", "wrong-puk", x::WRONG_PIN, ckr::PIN_INCORRECT, scard::W_WRONG_CHV);
/// Wrong PUK, and now it is blocked.
pub const WRONG_PUK_NOW_BLOCKED: ErrorRow = row("wrong_puk", "wrong-puk-now-blocked", x::PUK_BLOCKED, ckr::PIN_INCORRECT, scard::W_CHV_BLOCKED);
/// The PIN is blocked.
pub const PIN_BLOCKED: ErrorRow = row("pin_blocked", "pin-blocked", x::PIN_BLOCKED, ckr::PIN_LOCKED, scard::W_CHV_BLOCKED);
/// The PUK is blocked.
pub const PUK_BLOCKED: ErrorRow = row("puk_blocked", "puk-blocked", x::PUK_BLOCKED, ckr::PIN_LOCKED, scard::W_CHV_BLOCKED);
/// A kept login may be stale: not sent.
pub const LOGIN_EXPIRED: ErrorRow = row("login_expired", "login-expired", x::OTHER, ckr::USER_NOT_LOGGED_IN, scard::W_CARD_NOT_AUTHENTICATED);

// Refused before the card.
/// One PIN try left, not confirmed.
pub const LAST_TRY_PIN: ErrorRow = row("last_try_not_confirmed", "last-try-pin", x::LAST_TRY_NOT_CONFIRMED, ckr::FUNCTION_CANCELED, scard::W_CANCELLED_BY_USER);
/// One PUK try left, not confirmed.
pub const LAST_TRY_PUK: ErrorRow = row("last_try_not_confirmed", "last-try-puk", x::LAST_TRY_NOT_CONFIRMED, ckr::FUNCTION_CANCELED, scard::W_CANCELLED_BY_USER);
/// The card will not tell the tries left, not confirmed.
pub const LAST_TRY_UNKNOWN: ErrorRow = row("last_try_not_confirmed", "last-try-unknown", x::LAST_TRY_NOT_CONFIRMED, ckr::FUNCTION_CANCELED, scard::W_CANCELLED_BY_USER);
/// The user cancelled.
pub const CANCELLED: ErrorRow = row("cancelled", "cancelled", x::INVALID_INPUT, ckr::FUNCTION_CANCELED, scard::W_CANCELLED_BY_USER);
/// The two new PINs differ.
pub const CONFIRMATION_MISMATCH: ErrorRow = row("invalid_input", "pins-differ", x::INVALID_INPUT, ckr::PIN_INVALID, scard::E_INVALID_CHV);
/// The new PIN equals the current one.
pub const SAME_AS_CURRENT: ErrorRow = row("invalid_input", "same-pin", x::INVALID_INPUT, ckr::PIN_INVALID, scard::E_INVALID_CHV);
/// The card refused the new PIN's format.
pub const REFUSED_BY_CARD: ErrorRow = row("invalid_input", "pin-refused-by-card", x::INVALID_INPUT, ckr::PIN_INVALID, scard::E_INVALID_CHV);
/// A PIN or PUK (`$kind`) is empty.
pub const SECRET_EMPTY: ErrorRow = row("invalid_input", "secret-empty", x::INVALID_INPUT, ckr::PIN_LEN_RANGE, scard::E_INVALID_CHV);
/// Input ended before the PIN or PUK.
pub const SECRET_MISSING: ErrorRow = row("invalid_input", "secret-missing", x::INVALID_INPUT, ckr::PIN_INVALID, scard::E_INVALID_CHV);
/// Not text.
pub const SECRET_NOT_TEXT: ErrorRow = row("invalid_input", "secret-not-text", x::INVALID_INPUT, ckr::PIN_INVALID, scard::E_INVALID_CHV);
/// An overlong line.
pub const SECRET_TOO_LONG: ErrorRow = row("invalid_input", "secret-too-long", x::INVALID_INPUT, ckr::PIN_INVALID, scard::E_INVALID_CHV);
/// Spaces.
pub const SECRET_SPACES: ErrorRow = row("invalid_input", "secret-spaces", x::INVALID_INPUT, ckr::PIN_INVALID, scard::E_INVALID_CHV);
/// Digits of another script.
pub const SECRET_OTHER_DIGITS: ErrorRow = row("invalid_input", "secret-other-digits", x::INVALID_INPUT, ckr::PIN_INVALID, scard::E_INVALID_CHV);
/// Not digits.
pub const SECRET_NOT_DIGITS: ErrorRow = row("invalid_input", "secret-not-digits", x::INVALID_INPUT, ckr::PIN_INVALID, scard::E_INVALID_CHV);
/// Not exactly `$digits` digits.
pub const SECRET_EXACT_LENGTH: ErrorRow = row("invalid_input", "secret-exact-length", x::INVALID_INPUT, ckr::PIN_LEN_RANGE, scard::E_INVALID_CHV);
/// Not `$min` to `$max` digits.
pub const SECRET_LENGTH_RANGE: ErrorRow = row("invalid_input", "secret-length-range", x::INVALID_INPUT, ckr::PIN_LEN_RANGE, scard::E_INVALID_CHV);

// Cut short.
/// A PIN operation cut short before any secret left (`$cause`).
pub const INTERRUPTED_NOTHING_SENT: ErrorRow = row("interrupted_nothing_sent", "interrupted-nothing-sent", x::NO_CARD, ckr::DEVICE_REMOVED, scard::W_REMOVED_CARD);
/// A change cut short after the check of the current PIN.
pub const INTERRUPTED_CHECK_CHANGE: ErrorRow = row("interrupted_check_sent", "interrupted-check-change", x::INTERRUPTED, ckr::DEVICE_REMOVED, scard::W_REMOVED_CARD);
/// An unblock cut short after the check of the PUK.
pub const INTERRUPTED_CHECK_UNBLOCK: ErrorRow = row("interrupted_check_sent", "interrupted-check-unblock", x::INTERRUPTED, ckr::DEVICE_REMOVED, scard::W_REMOVED_CARD);
/// A change cut short after the command itself.
pub const INTERRUPTED_CHANGE: ErrorRow = row("interrupted_outcome_unknown", "interrupted-change", x::INTERRUPTED, ckr::DEVICE_REMOVED, scard::W_REMOVED_CARD);
/// An unblock cut short after the command itself.
pub const INTERRUPTED_UNBLOCK: ErrorRow = row("interrupted_outcome_unknown", "interrupted-unblock", x::INTERRUPTED, ckr::DEVICE_REMOVED, scard::W_REMOVED_CARD);

// The card as a whole.
/// A CIE this version cannot manage (`$atr`).
pub const UNSUPPORTED_CIE: ErrorRow = row("unsupported_card", "unsupported-cie", x::UNSUPPORTED_CARD, ckr::TOKEN_NOT_RECOGNIZED, scard::E_CARD_UNSUPPORTED);
/// Neither a CNS nor a CIE (`$atr`).
pub const UNSUPPORTED_CARD: ErrorRow = row("unsupported_card", "unsupported-card", x::UNSUPPORTED_CARD, ckr::TOKEN_NOT_RECOGNIZED, scard::E_CARD_UNSUPPORTED);
/// A CNS of a model not known yet (`$atr`).
pub const CARD_MODEL_NOT_SUPPORTED: ErrorRow = row("card_model_not_supported", "card-model-not-supported", x::UNSUPPORTED_CARD, ckr::TOKEN_NOT_RECOGNIZED, scard::E_CARD_UNSUPPORTED);
/// The certificate cannot be parsed (`$detail`).
pub const BAD_CERTIFICATE: ErrorRow = row("bad_certificate", "bad-certificate", x::CARD_ERROR, ckr::DEVICE_ERROR, scard::E_NO_SUCH_CERTIFICATE);
/// No authentication certificate where known models keep it.
pub const NO_CERTIFICATE: ErrorRow = row("no_certificate", "no-certificate", x::CARD_ERROR, ckr::DEVICE_ERROR, scard::E_NO_SUCH_CERTIFICATE);

// Files (`$path`, `$detail`).
/// The folder does not exist.
pub const IO_NOT_FOUND: ErrorRow = row("io_error", "io-not-found", x::IO, ckr::DEVICE_ERROR, scard::F_INTERNAL_ERROR);
/// The file exists.
pub const IO_EXISTS: ErrorRow = row("io_error", "io-exists", x::IO, ckr::DEVICE_ERROR, scard::F_INTERNAL_ERROR);
/// Not allowed to write there.
pub const IO_DENIED: ErrorRow = row("io_error", "io-denied", x::IO, ckr::DEVICE_ERROR, scard::F_INTERNAL_ERROR);
/// The disk is full.
pub const IO_FULL: ErrorRow = row("io_error", "io-full", x::IO, ckr::DEVICE_ERROR, scard::F_INTERNAL_ERROR);
/// Any other write failure.
pub const IO_OTHER: ErrorRow = row("io_error", "io-other", x::IO, ckr::DEVICE_ERROR, scard::F_INTERNAL_ERROR);

/// Every row of the core, for the tests that check each has its messages and a documented id.
pub const ALL: &[ErrorRow] = &[
    NO_SERVICE,
    NO_READER,
    UNKNOWN_READER,
    NO_CARD,
    CARD_REMOVED,
    CARD_RESET,
    CARD_BUSY,
    CARD_UNRESPONSIVE,
    PCSC_INTERRUPTED,
    PCSC_ERROR,
    CARD_DIED,
    CARD_ERROR,
    SECURE_CHANNEL,
    CARD_NOT_AUTHENTIC,
    SIMULATED_CARD,
    WRONG_PIN,
    WRONG_PIN_NOW_BLOCKED,
    WRONG_PUK,
    WRONG_PUK_NOW_BLOCKED,
    PIN_BLOCKED,
    PUK_BLOCKED,
    LOGIN_EXPIRED,
    LAST_TRY_PIN,
    LAST_TRY_PUK,
    LAST_TRY_UNKNOWN,
    CANCELLED,
    CONFIRMATION_MISMATCH,
    SAME_AS_CURRENT,
    REFUSED_BY_CARD,
    SECRET_EMPTY,
    SECRET_MISSING,
    SECRET_NOT_TEXT,
    SECRET_TOO_LONG,
    SECRET_SPACES,
    SECRET_OTHER_DIGITS,
    SECRET_NOT_DIGITS,
    SECRET_EXACT_LENGTH,
    SECRET_LENGTH_RANGE,
    INTERRUPTED_NOTHING_SENT,
    INTERRUPTED_CHECK_CHANGE,
    INTERRUPTED_CHECK_UNBLOCK,
    INTERRUPTED_CHANGE,
    INTERRUPTED_UNBLOCK,
    UNSUPPORTED_CIE,
    UNSUPPORTED_CARD,
    CARD_MODEL_NOT_SUPPORTED,
    BAD_CERTIFICATE,
    NO_CERTIFICATE,
    IO_NOT_FOUND,
    IO_EXISTS,
    IO_DENIED,
    IO_FULL,
    IO_OTHER,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_told_once_and_ids_are_snake_case() {
        for (i, r) in ALL.iter().enumerate() {
            assert!(ALL[i + 1..].iter().all(|o| o.msg != r.msg), "message {} twice", r.msg);
            assert!(r.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", r.id);
            assert!(r.msg.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{}", r.msg);
        }
    }
}
