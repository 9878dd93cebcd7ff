//! Tessera's PKCS#11 module: browsers (Firefox everywhere, Chromium on Linux) log citizens in
//! with every CNS lot Tessera knows and with the CIE, through PC/SC.
//!
//! This file is the C ABI's face: it exports `C_GetFunctionList` and nothing else, and its
//! function table. The entry points (`entry/`) check and convert pointers and run inside
//! `ffi::guard` (`catch_unwind`: a panic must never cross into the browser). The logic is in
//! [`module`] (slots, tokens, sessions, login, signing), [`mechanism`] and [`objects`] (objects
//! and attributes), over `tessera_core`.
//!
//! Mechanisms ([`mechanism`]): on every card `CKM_RSA_PKCS` and the hash-and-sign
//! `CKM_SHA1/SHA256/SHA384/SHA512_RSA_PKCS`; on CNS cards also `CKM_RSA_PKCS_PSS` and
//! `CKM_SHA256/384/512_RSA_PKCS_PSS` (MGF1 of the same hash), padded on the host over the card's
//! raw RSA. The CIE pads by itself and has no PSS: a CIE can log in over TLS 1.2, not TLS 1.3.
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]
#![allow(non_snake_case, clippy::missing_safety_doc)]

mod entry;
mod ffi;
pub mod mechanism;
pub mod module;
pub mod objects;

use cryptoki_sys::*;
use entry::sessions::*;
use entry::signing::*;
use entry::slots::*;
use entry::unsupported::*;
use ffi::guard;

unsafe extern "C" fn C_GetFunctionList_internal(list: *mut *mut CK_FUNCTION_LIST) -> CK_RV {
    // SAFETY: the same contract as the exported symbol.
    unsafe { C_GetFunctionList(list) }
}

/// The module's only exported symbol.
///
/// # Safety
/// `list` is NULL or points to writable storage for one pointer (PKCS#11 §5.4).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn C_GetFunctionList(list: *mut *mut CK_FUNCTION_LIST) -> CK_RV {
    guard(|| {
        if list.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        // SAFETY: checked non-null. The table is immutable; PKCS#11 hands out a mutable pointer.
        unsafe { *list = std::ptr::addr_of!(FUNCTIONS) as *mut CK_FUNCTION_LIST };
        Ok(())
    })
}

static FUNCTIONS: CK_FUNCTION_LIST = CK_FUNCTION_LIST {
    version: CK_VERSION { major: 2, minor: 40 },
    C_Initialize: Some(C_Initialize),
    C_Finalize: Some(C_Finalize),
    C_GetInfo: Some(C_GetInfo),
    C_GetFunctionList: Some(C_GetFunctionList_internal),
    C_GetSlotList: Some(C_GetSlotList),
    C_GetSlotInfo: Some(C_GetSlotInfo),
    C_GetTokenInfo: Some(C_GetTokenInfo),
    C_GetMechanismList: Some(C_GetMechanismList),
    C_GetMechanismInfo: Some(C_GetMechanismInfo),
    C_InitToken: Some(C_InitToken),
    C_InitPIN: Some(C_InitPIN),
    C_SetPIN: Some(C_SetPIN),
    C_OpenSession: Some(C_OpenSession),
    C_CloseSession: Some(C_CloseSession),
    C_CloseAllSessions: Some(C_CloseAllSessions),
    C_GetSessionInfo: Some(C_GetSessionInfo),
    C_GetOperationState: Some(C_GetOperationState),
    C_SetOperationState: Some(C_SetOperationState),
    C_Login: Some(C_Login),
    C_Logout: Some(C_Logout),
    C_CreateObject: Some(C_CreateObject),
    C_CopyObject: Some(C_CopyObject),
    C_DestroyObject: Some(C_DestroyObject),
    C_GetObjectSize: Some(C_GetObjectSize),
    C_GetAttributeValue: Some(C_GetAttributeValue),
    C_SetAttributeValue: Some(C_SetAttributeValue),
    C_FindObjectsInit: Some(C_FindObjectsInit),
    C_FindObjects: Some(C_FindObjects),
    C_FindObjectsFinal: Some(C_FindObjectsFinal),
    C_EncryptInit: Some(C_EncryptInit),
    C_Encrypt: Some(C_Encrypt),
    C_EncryptUpdate: Some(C_EncryptUpdate),
    C_EncryptFinal: Some(C_EncryptFinal),
    C_DecryptInit: Some(C_DecryptInit),
    C_Decrypt: Some(C_Decrypt),
    C_DecryptUpdate: Some(C_DecryptUpdate),
    C_DecryptFinal: Some(C_DecryptFinal),
    C_DigestInit: Some(C_DigestInit),
    C_Digest: Some(C_Digest),
    C_DigestUpdate: Some(C_DigestUpdate),
    C_DigestKey: Some(C_DigestKey),
    C_DigestFinal: Some(C_DigestFinal),
    C_SignInit: Some(C_SignInit),
    C_Sign: Some(C_Sign),
    C_SignUpdate: Some(C_SignUpdate),
    C_SignFinal: Some(C_SignFinal),
    C_SignRecoverInit: Some(C_SignRecoverInit),
    C_SignRecover: Some(C_SignRecover),
    C_VerifyInit: Some(C_VerifyInit),
    C_Verify: Some(C_Verify),
    C_VerifyUpdate: Some(C_VerifyUpdate),
    C_VerifyFinal: Some(C_VerifyFinal),
    C_VerifyRecoverInit: Some(C_VerifyRecoverInit),
    C_VerifyRecover: Some(C_VerifyRecover),
    C_DigestEncryptUpdate: Some(C_DigestEncryptUpdate),
    C_DecryptDigestUpdate: Some(C_DecryptDigestUpdate),
    C_SignEncryptUpdate: Some(C_SignEncryptUpdate),
    C_DecryptVerifyUpdate: Some(C_DecryptVerifyUpdate),
    C_GenerateKey: Some(C_GenerateKey),
    C_GenerateKeyPair: Some(C_GenerateKeyPair),
    C_WrapKey: Some(C_WrapKey),
    C_UnwrapKey: Some(C_UnwrapKey),
    C_DeriveKey: Some(C_DeriveKey),
    C_SeedRandom: Some(C_SeedRandom),
    C_GenerateRandom: Some(C_GenerateRandom),
    C_GetFunctionStatus: Some(C_GetFunctionStatus),
    C_CancelFunction: Some(C_CancelFunction),
    C_WaitForSlotEvent: Some(C_WaitForSlotEvent),
};
