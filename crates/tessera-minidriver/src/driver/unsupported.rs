//! Everything a read-only, authentication-only card does not do: SCARD_E_UNSUPPORTED_FEATURE.

use windows_sys::Win32::Security::Cryptography as wc;
use tessera_core::error_table::scard::E_UNSUPPORTED_FEATURE as NO;
use windows_sys::core::{PCSTR, PCWSTR};

pub unsafe extern "system" fn delete_container(_: *const wc::CARD_DATA, _: u8, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn create_container(_: *const wc::CARD_DATA, _: u8, _: u32, _: u32, _: u32, _: *const u8) -> u32 {
    NO
}
pub unsafe extern "system" fn get_challenge(_: *const wc::CARD_DATA, _: *mut *mut u8, _: *mut u32) -> u32 {
    NO
}
pub unsafe extern "system" fn authenticate_challenge(_: *const wc::CARD_DATA, _: *const u8, _: u32, _: *mut u32) -> u32 {
    NO
}
pub unsafe extern "system" fn create_directory(_: *const wc::CARD_DATA, _: PCSTR, _: wc::CARD_DIRECTORY_ACCESS_CONDITION) -> u32 {
    NO
}
pub unsafe extern "system" fn delete_directory(_: *const wc::CARD_DATA, _: PCSTR) -> u32 {
    NO
}
pub unsafe extern "system" fn create_file(_: *const wc::CARD_DATA, _: PCSTR, _: PCSTR, _: u32, _: wc::CARD_FILE_ACCESS_CONDITION) -> u32 {
    NO
}
pub unsafe extern "system" fn write_file(_: *const wc::CARD_DATA, _: PCSTR, _: PCSTR, _: u32, _: *const u8, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn delete_file(_: *const wc::CARD_DATA, _: PCSTR, _: PCSTR, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn rsa_decrypt(_: *const wc::CARD_DATA, _: *mut wc::CARD_RSA_DECRYPT_INFO) -> u32 {
    NO
}
pub unsafe extern "system" fn construct_dh_agreement(_: *const wc::CARD_DATA, _: *mut wc::CARD_DH_AGREEMENT_INFO) -> u32 {
    NO
}
pub unsafe extern "system" fn derive_key(_: *const wc::CARD_DATA, _: *mut wc::CARD_DERIVE_KEY) -> u32 {
    NO
}
pub unsafe extern "system" fn destroy_dh_agreement(_: *const wc::CARD_DATA, _: u8, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn get_challenge_ex(_: *const wc::CARD_DATA, _: u32, _: *mut *mut u8, _: *mut u32, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn set_container_property(_: *const wc::CARD_DATA, _: u8, _: PCWSTR, _: *const u8, _: u32, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn md_import_session_key(_: *const wc::CARD_DATA, _: PCWSTR, _: PCWSTR, _: *mut usize, _: *const u8, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn md_encrypt_data(_: *const wc::CARD_DATA, _: usize, _: PCWSTR, _: *const u8, _: u32, _: u32, _: *mut *mut wc::CARD_ENCRYPTED_DATA, _: *mut u32) -> u32 {
    NO
}
pub unsafe extern "system" fn import_session_key(_: *const wc::CARD_DATA, _: u8, _: *const core::ffi::c_void, _: PCWSTR, _: PCWSTR, _: *mut usize, _: *const u8, _: u32, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn get_shared_key_handle(_: *const wc::CARD_DATA, _: *const u8, _: u32, _: *mut *mut u8, _: *mut u32, _: *mut usize) -> u32 {
    NO
}
pub unsafe extern "system" fn get_algorithm_property(_: *const wc::CARD_DATA, _: PCWSTR, _: PCWSTR, _: *mut u8, _: u32, _: *mut u32, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn get_key_property(_: *const wc::CARD_DATA, _: usize, _: PCWSTR, _: *mut u8, _: u32, _: *mut u32, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn set_key_property(_: *const wc::CARD_DATA, _: usize, _: PCWSTR, _: *const u8, _: u32, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn destroy_key(_: *const wc::CARD_DATA, _: usize) -> u32 {
    NO
}
pub unsafe extern "system" fn process_encrypted_data(_: *const wc::CARD_DATA, _: usize, _: PCWSTR, _: *const wc::CARD_ENCRYPTED_DATA, _: u32, _: *mut u8, _: u32, _: *mut u32, _: u32) -> u32 {
    NO
}
pub unsafe extern "system" fn create_container_ex(_: *const wc::CARD_DATA, _: u8, _: u32, _: u32, _: u32, _: *const u8, _: u32) -> u32 {
    NO
}
