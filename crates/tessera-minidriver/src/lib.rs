//! Tessera's Windows smart-card minidriver (`tessera_minidriver.dll`): the Microsoft Base Smart
//! Card Crypto Provider and the Smart Card Key Storage Provider reach a CNS card or a CIE through
//! it, so the certificate propagates to the user's store and Chrome and Edge log in with it. A
//! read-only, authentication-only card, built in memory from one read of the card per context
//! ([`card_fs`]); the PIN, the signature, the PIN change and the unblock go through the same core
//! services as the app and the PKCS#11 module, with the same rules (docs/windows-login.md).
//!
//! The API's structures come from `windows-sys` (cardmod.h); the entry points live in `driver`
//! (Windows only). What is pure — the card file system, the signing requests, the registration —
//! is tested on every platform.
#![warn(missing_docs, clippy::unwrap_used)]

pub mod card_fs;
pub mod registration;
pub mod signing;

#[cfg(windows)]
mod driver;
#[cfg(windows)]
mod transport;

#[cfg(windows)]
pub use driver::CardAcquireContext;

#[cfg(test)]
mod tests {
    /// The error table's SCARD codes are Windows' own (the minidriver returns them as they are).
    #[test]
    fn the_scard_codes_are_the_api_constants() {
        use tessera_core::error_table::scard as ours;
        use windows_sys::Win32::Foundation as wf;
        let pairs: &[(u32, i32)] = &[
            (ours::F_INTERNAL_ERROR, wf::SCARD_F_INTERNAL_ERROR),
            (ours::E_CANCELLED, wf::SCARD_E_CANCELLED),
            (ours::E_INVALID_PARAMETER, wf::SCARD_E_INVALID_PARAMETER),
            (ours::E_NO_MEMORY, wf::SCARD_E_NO_MEMORY),
            (ours::E_INSUFFICIENT_BUFFER, wf::SCARD_E_INSUFFICIENT_BUFFER),
            (ours::E_UNKNOWN_READER, wf::SCARD_E_UNKNOWN_READER),
            (ours::E_TIMEOUT, wf::SCARD_E_TIMEOUT),
            (ours::E_SHARING_VIOLATION, wf::SCARD_E_SHARING_VIOLATION),
            (ours::E_NO_SMARTCARD, wf::SCARD_E_NO_SMARTCARD),
            (ours::E_INVALID_VALUE, wf::SCARD_E_INVALID_VALUE),
            (ours::E_CARD_UNSUPPORTED, wf::SCARD_E_CARD_UNSUPPORTED),
            (ours::E_NO_SERVICE, wf::SCARD_E_NO_SERVICE),
            (ours::E_UNEXPECTED, wf::SCARD_E_UNEXPECTED),
            (ours::E_UNSUPPORTED_FEATURE, wf::SCARD_E_UNSUPPORTED_FEATURE),
            (ours::E_DIR_NOT_FOUND, wf::SCARD_E_DIR_NOT_FOUND),
            (ours::E_FILE_NOT_FOUND, wf::SCARD_E_FILE_NOT_FOUND),
            (ours::E_INVALID_CHV, wf::SCARD_E_INVALID_CHV),
            (ours::E_NO_SUCH_CERTIFICATE, wf::SCARD_E_NO_SUCH_CERTIFICATE),
            (ours::E_NO_READERS_AVAILABLE, wf::SCARD_E_NO_READERS_AVAILABLE),
            (ours::E_COMM_DATA_LOST, wf::SCARD_E_COMM_DATA_LOST),
            (ours::E_NO_KEY_CONTAINER, wf::SCARD_E_NO_KEY_CONTAINER),
            (ours::W_UNRESPONSIVE_CARD, wf::SCARD_W_UNRESPONSIVE_CARD),
            (ours::W_RESET_CARD, wf::SCARD_W_RESET_CARD),
            (ours::W_REMOVED_CARD, wf::SCARD_W_REMOVED_CARD),
            (ours::W_SECURITY_VIOLATION, wf::SCARD_W_SECURITY_VIOLATION),
            (ours::W_WRONG_CHV, wf::SCARD_W_WRONG_CHV),
            (ours::W_CHV_BLOCKED, wf::SCARD_W_CHV_BLOCKED),
            (ours::W_CANCELLED_BY_USER, wf::SCARD_W_CANCELLED_BY_USER),
            (ours::W_CARD_NOT_AUTHENTICATED, wf::SCARD_W_CARD_NOT_AUTHENTICATED),
        ];
        for (ours, theirs) in pairs {
            assert_eq!(*ours, *theirs as u32);
        }
        for row in tessera_core::error_table::ALL {
            assert_eq!(row.scard >> 16, 0x8010, "{}: {:#x} is not an SCARD code", row.id, row.scard);
        }
    }
}
