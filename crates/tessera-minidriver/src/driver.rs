//! The entry points. `CardAcquireContext` (the one export) reads the card once through the core
//! and fills the function table; the others answer from that model or go through the core's
//! token and PIN services. Every entry point catches panics (SCARD_E_UNEXPECTED) and checks its
//! pointers; what would write to the card, generate or import keys, decrypt or agree keys answers
//! SCARD_E_UNSUPPORTED_FEATURE.

mod call;
mod pin;
mod sign;
mod unsupported;

use call::{Result, State, as_bytes, code, cstr, entry, give, put, wide_eq};
use crate::card_fs::{CardModel, ModelError};
use crate::transport::CallerCard;
use std::sync::Mutex;
use tessera_core::error_table::scard;
use tessera_core::service::token;
use windows_sys::Win32::Security::Cryptography as wc;
use windows_sys::core::{PCSTR, PCWSTR};

/// The version this driver speaks: 4 to 7 are accepted, and the answer is the lower of the
/// caller's and this (7: Windows 8 and later).
const OUR_VERSION: u32 = wc::CARD_DATA_VERSION_SEVEN;
const ERROR_REVISION_MISMATCH: u32 = 1306;

/// The one export: version negotiation (the lower of the caller's and ours; below 4 refused),
/// one read of the card through the core (type, number, certificate, counters: no try spent),
/// then the function table.
///
/// # Safety
/// Called by the Base CSP / KSP with a CARD_DATA it owns, as the minidriver API says.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn CardAcquireContext(pcarddata: *mut wc::CARD_DATA, dwflags: u32) -> u32 {
    let run = || -> Result {
        // SAFETY: the caller's CARD_DATA, valid and writable for the call.
        let cd = unsafe { pcarddata.as_mut() }.ok_or(scard::E_INVALID_PARAMETER)?;
        if dwflags & wc::CARD_SECURE_KEY_INJECTION_NO_CARD_MODE != 0 {
            return Err(scard::E_UNSUPPORTED_FEATURE);
        }
        if cd.dwVersion < wc::CARD_DATA_VERSION_FOUR {
            return Err(ERROR_REVISION_MISMATCH);
        }
        cd.dwVersion = cd.dwVersion.min(OUR_VERSION);
        if cd.pbAtr.is_null() || cd.cbAtr == 0 || cd.pfnCspAlloc.is_none() || cd.pfnCspFree.is_none() || cd.hScard == 0 {
            return Err(scard::E_INVALID_PARAMETER);
        }
        // SAFETY: `cbAtr` bytes from the caller.
        let atr = unsafe { std::slice::from_raw_parts(cd.pbAtr, cd.cbAtr as usize) }.to_vec();
        let mut card = CallerCard::new(cd.hScard, atr);
        if let Some(store) = tessera_files::cache::functions() {
            tessera_core::card::cie::memory::install(Box::new(store));
        }
        let (overview, kept) = token::read(&mut card).map_err(|e| code(&e))?;
        let model = CardModel::from_overview(&overview).map_err(|e| match e {
            ModelError::NoCertificate => scard::E_NO_SUCH_CERTIFICATE,
            ModelError::BadCertificate => scard::E_UNEXPECTED,
        })?;
        tracing::debug!(card = %model.card_type, apdus = overview.apdus, "minidriver: card read");
        let state = Box::new(Mutex::new(State { card, model, kept: Some(kept), login: None }));
        cd.pvVendorSpecific = Box::into_raw(state).cast();
        fill_table(cd);
        Ok(())
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(Ok(())) => 0,
        Ok(Err(e)) => e,
        Err(_) => scard::E_UNEXPECTED,
    }
}

fn fill_table(cd: &mut wc::CARD_DATA) {
    cd.pfnCardDeleteContext = Some(card_delete_context);
    cd.pfnCardQueryCapabilities = Some(card_query_capabilities);
    cd.pfnCardDeleteContainer = Some(unsupported::delete_container);
    cd.pfnCardCreateContainer = Some(unsupported::create_container);
    cd.pfnCardGetContainerInfo = Some(card_get_container_info);
    cd.pfnCardAuthenticatePin = Some(pin::card_authenticate_pin);
    cd.pfnCardGetChallenge = Some(unsupported::get_challenge);
    cd.pfnCardAuthenticateChallenge = Some(unsupported::authenticate_challenge);
    cd.pfnCardUnblockPin = Some(pin::card_unblock_pin);
    cd.pfnCardChangeAuthenticator = Some(pin::card_change_authenticator);
    cd.pfnCardDeauthenticate = Some(pin::card_deauthenticate);
    cd.pfnCardCreateDirectory = Some(unsupported::create_directory);
    cd.pfnCardDeleteDirectory = Some(unsupported::delete_directory);
    cd.pfnCardCreateFile = Some(unsupported::create_file);
    cd.pfnCardReadFile = Some(card_read_file);
    cd.pfnCardWriteFile = Some(unsupported::write_file);
    cd.pfnCardDeleteFile = Some(unsupported::delete_file);
    cd.pfnCardEnumFiles = Some(card_enum_files);
    cd.pfnCardGetFileInfo = Some(card_get_file_info);
    cd.pfnCardQueryFreeSpace = Some(card_query_free_space);
    cd.pfnCardQueryKeySizes = Some(card_query_key_sizes);
    cd.pfnCardSignData = Some(sign::card_sign_data);
    cd.pfnCardRSADecrypt = Some(unsupported::rsa_decrypt);
    cd.pfnCardConstructDHAgreement = Some(unsupported::construct_dh_agreement);
    if cd.dwVersion >= wc::CARD_DATA_VERSION_FIVE {
        cd.pfnCardDeriveKey = Some(unsupported::derive_key);
        cd.pfnCardDestroyDHAgreement = Some(unsupported::destroy_dh_agreement);
    }
    if cd.dwVersion >= wc::CARD_DATA_VERSION_SIX {
        cd.pfnCardGetChallengeEx = Some(unsupported::get_challenge_ex);
        cd.pfnCardAuthenticateEx = Some(pin::card_authenticate_ex);
        cd.pfnCardChangeAuthenticatorEx = Some(pin::card_change_authenticator_ex);
        cd.pfnCardDeauthenticateEx = Some(pin::card_deauthenticate_ex);
        cd.pfnCardGetContainerProperty = Some(card_get_container_property);
        cd.pfnCardSetContainerProperty = Some(unsupported::set_container_property);
        cd.pfnCardGetProperty = Some(card_get_property);
        cd.pfnCardSetProperty = Some(card_set_property);
    }
    if cd.dwVersion >= wc::CARD_DATA_VERSION_SEVEN {
        cd.pfnMDImportSessionKey = Some(unsupported::md_import_session_key);
        cd.pfnMDEncryptData = Some(unsupported::md_encrypt_data);
        cd.pfnCardImportSessionKey = Some(unsupported::import_session_key);
        cd.pfnCardGetSharedKeyHandle = Some(unsupported::get_shared_key_handle);
        cd.pfnCardGetAlgorithmProperty = Some(unsupported::get_algorithm_property);
        cd.pfnCardGetKeyProperty = Some(unsupported::get_key_property);
        cd.pfnCardSetKeyProperty = Some(unsupported::set_key_property);
        cd.pfnCardDestroyKey = Some(unsupported::destroy_key);
        cd.pfnCardProcessEncryptedData = Some(unsupported::process_encrypted_data);
        cd.pfnCardCreateContainerEx = Some(unsupported::create_container_ex);
    }
}

unsafe extern "system" fn card_delete_context(pcarddata: *mut wc::CARD_DATA) -> u32 {
    let run = || -> Result {
        // SAFETY: the caller's CARD_DATA; the state was leaked by CardAcquireContext.
        let cd = unsafe { pcarddata.as_mut() }.ok_or(scard::E_INVALID_PARAMETER)?;
        let p = std::mem::replace(&mut cd.pvVendorSpecific, std::ptr::null_mut()) as *mut Mutex<State>;
        if !p.is_null() {
            // SAFETY: taken back once (the pointer is cleared above).
            drop(unsafe { Box::from_raw(p) });
        }
        Ok(())
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(Ok(())) => 0,
        Ok(Err(e)) => e,
        Err(_) => scard::E_UNEXPECTED,
    }
}

unsafe extern "system" fn card_query_capabilities(pcarddata: *const wc::CARD_DATA, caps: *mut wc::CARD_CAPABILITIES) -> u32 {
    entry(pcarddata, |_, _| {
        // SAFETY: the caller's structure.
        let c = unsafe { caps.as_mut() }.ok_or(scard::E_INVALID_PARAMETER)?;
        if c.dwVersion > wc::CARD_CAPABILITIES_CURRENT_VERSION && c.dwVersion != 0 {
            return Err(scard::E_INVALID_PARAMETER);
        }
        c.dwVersion = wc::CARD_CAPABILITIES_CURRENT_VERSION;
        c.fCertificateCompression = 0;
        c.fKeyGen = 0;
        Ok(())
    })
}

fn container_info(st: &State, index: u8, info: &mut wc::CONTAINER_INFO, cd: &wc::CARD_DATA) -> Result {
    if index != 0 {
        return Err(scard::E_NO_KEY_CONTAINER);
    }
    let blob = st.model.public_key_blob();
    info.dwVersion = wc::CONTAINER_INFO_CURRENT_VERSION;
    info.cbSigPublicKey = 0;
    info.pbSigPublicKey = std::ptr::null_mut();
    info.pbKeyExPublicKey = give(cd, &blob)?;
    info.cbKeyExPublicKey = blob.len() as u32;
    Ok(())
}

unsafe extern "system" fn card_get_container_info(pcarddata: *const wc::CARD_DATA, index: u8, _flags: u32, info: *mut wc::CONTAINER_INFO) -> u32 {
    entry(pcarddata, |cd, st| {
        // SAFETY: the caller's structure.
        let info = unsafe { info.as_mut() }.ok_or(scard::E_INVALID_PARAMETER)?;
        container_info(st, index, info, cd)
    })
}

/// The file at `dir`/`file` (`dir` null or empty: the root), or the error the API names.
fn lookup(st: &State, dir: PCSTR, file: PCSTR) -> Result<Vec<u8>> {
    let dir = cstr(dir).filter(|d| !d.is_empty());
    let name = cstr(file).ok_or(scard::E_INVALID_PARAMETER)?;
    if st.model.list(dir.as_deref()).is_none() {
        return Err(scard::E_DIR_NOT_FOUND);
    }
    st.model.file(dir.as_deref(), &name).ok_or(scard::E_FILE_NOT_FOUND)
}

/// Hands `bytes` back through the caller's two out-parameters (buffer, length).
fn give_out<T>(cd: &wc::CARD_DATA, bytes: &[u8], pp: *mut *mut T, pc: *mut u32) -> Result {
    // SAFETY: the caller's out-parameters.
    let (pp, pc) = unsafe { (pp.as_mut(), pc.as_mut()) };
    let (pp, pc) = pp.zip(pc).ok_or(scard::E_INVALID_PARAMETER)?;
    *pp = give(cd, bytes)?.cast();
    *pc = bytes.len() as u32;
    Ok(())
}

unsafe extern "system" fn card_read_file(pcarddata: *const wc::CARD_DATA, dir: PCSTR, file: PCSTR, _flags: u32, ppbdata: *mut *mut u8, pcbdata: *mut u32) -> u32 {
    entry(pcarddata, |cd, st| give_out(cd, &lookup(st, dir, file)?, ppbdata, pcbdata))
}

unsafe extern "system" fn card_enum_files(pcarddata: *const wc::CARD_DATA, dir: PCSTR, names: *mut windows_sys::core::PSTR, pdwcb: *mut u32, _flags: u32) -> u32 {
    entry(pcarddata, |cd, st| {
        let list = st.model.list(cstr(dir).filter(|d| !d.is_empty()).as_deref()).ok_or(scard::E_DIR_NOT_FOUND)?;
        // A multi-string: each name NUL-terminated, then one more NUL.
        let mut bytes = Vec::new();
        for n in list {
            bytes.extend_from_slice(n.as_bytes());
            bytes.push(0);
        }
        bytes.push(0);
        give_out(cd, &bytes, names, pdwcb)
    })
}

unsafe extern "system" fn card_get_file_info(pcarddata: *const wc::CARD_DATA, dir: PCSTR, file: PCSTR, info: *mut wc::CARD_FILE_INFO) -> u32 {
    entry(pcarddata, |_, st| {
        let bytes = lookup(st, dir, file)?;
        // SAFETY: the caller's structure.
        let info = unsafe { info.as_mut() }.ok_or(scard::E_INVALID_PARAMETER)?;
        info.dwVersion = wc::CARD_FILE_INFO_CURRENT_VERSION;
        info.cbFileSize = bytes.len() as u32;
        info.AccessCondition = wc::EveryoneReadAdminWriteAc;
        Ok(())
    })
}

fn free_space() -> wc::CARD_FREE_SPACE_INFO {
    wc::CARD_FREE_SPACE_INFO { dwVersion: wc::CARD_FREE_SPACE_INFO_CURRENT_VERSION, dwBytesAvailable: 0, dwKeyContainersAvailable: 0, dwMaxKeyContainers: 1 }
}

unsafe extern "system" fn card_query_free_space(pcarddata: *const wc::CARD_DATA, _flags: u32, info: *mut wc::CARD_FREE_SPACE_INFO) -> u32 {
    entry(pcarddata, |_, _| {
        // SAFETY: the caller's structure.
        *unsafe { info.as_mut() }.ok_or(scard::E_INVALID_PARAMETER)? = free_space();
        Ok(())
    })
}

fn key_sizes(st: &State) -> wc::CARD_KEY_SIZES {
    let bits = st.model.key_bits();
    wc::CARD_KEY_SIZES { dwVersion: wc::CARD_KEY_SIZES_CURRENT_VERSION, dwMinimumBitlen: bits, dwDefaultBitlen: bits, dwMaximumBitlen: bits, dwIncrementalBitlen: 0 }
}

unsafe extern "system" fn card_query_key_sizes(pcarddata: *const wc::CARD_DATA, keyspec: u32, _flags: u32, sizes: *mut wc::CARD_KEY_SIZES) -> u32 {
    entry(pcarddata, |_, st| {
        if keyspec != wc::AT_KEYEXCHANGE && keyspec != wc::AT_SIGNATURE {
            return Err(scard::E_INVALID_PARAMETER);
        }
        // SAFETY: the caller's structure.
        *unsafe { sizes.as_mut() }.ok_or(scard::E_INVALID_PARAMETER)? = key_sizes(st);
        Ok(())
    })
}

fn pin_info(role: u32) -> Result<wc::PIN_INFO> {
    let cache = wc::PIN_CACHE_POLICY { dwVersion: wc::PIN_CACHE_POLICY_CURRENT_VERSION, PinCachePolicyType: wc::PinCacheNone, dwPinCachePolicyInfo: 0 };
    let (purpose, change, unblock) = match role {
        wc::ROLE_USER => (wc::AuthenticationPin, 1 << wc::ROLE_USER, 1 << wc::ROLE_PUK),
        wc::ROLE_PUK => (wc::UnblockOnlyPin, 0, 0),
        _ => return Err(scard::E_INVALID_PARAMETER),
    };
    Ok(wc::PIN_INFO {
        dwVersion: wc::PIN_INFO_CURRENT_VERSION,
        PinType: wc::AlphaNumericPinType,
        PinPurpose: purpose,
        dwChangePermission: change,
        dwUnblockPermission: unblock,
        PinCachePolicy: cache,
        dwFlags: 0,
    })
}

fn bool_bytes(b: bool) -> Vec<u8> {
    (b as i32).to_le_bytes().to_vec()
}

unsafe extern "system" fn card_get_property(pcarddata: *const wc::CARD_DATA, name: PCWSTR, pbdata: *mut u8, cbdata: u32, pdwdatalen: *mut u32, flags: u32) -> u32 {
    entry(pcarddata, |_, st| {
        let is = |c| wide_eq(name, c);
        let bytes = if is(wc::CP_CARD_GUID) {
            st.model.guid().to_vec()
        } else if is(wc::CP_CARD_SERIAL_NO) {
            st.model.card_number.as_bytes().to_vec()
        } else if is(wc::CP_CARD_READ_ONLY) {
            bool_bytes(true)
        } else if is(wc::CP_CARD_CACHE_MODE) {
            wc::CP_CACHE_MODE_NO_CACHE.to_le_bytes().to_vec()
        } else if is(wc::CP_SUPPORTS_WIN_X509_ENROLLMENT) {
            bool_bytes(false)
        } else if is(wc::CP_CARD_PIN_INFO) {
            as_bytes(&pin_info(flags)?)
        } else if is(wc::CP_CARD_LIST_PINS) {
            ((1u32 << wc::ROLE_USER) | (1 << wc::ROLE_PUK)).to_le_bytes().to_vec()
        } else if is(wc::CP_CARD_PIN_STRENGTH_VERIFY) || is(wc::CP_CARD_PIN_STRENGTH_CHANGE) || is(wc::CP_CARD_PIN_STRENGTH_UNBLOCK) {
            if flags != wc::ROLE_USER && flags != wc::ROLE_PUK {
                return Err(scard::E_INVALID_PARAMETER);
            }
            wc::CARD_PIN_STRENGTH_PLAINTEXT.to_le_bytes().to_vec()
        } else if is(wc::CP_CARD_KEYSIZES) {
            as_bytes(&key_sizes(st))
        } else if is(wc::CP_CARD_FREE_SPACE) {
            as_bytes(&free_space())
        } else if is(wc::CP_CARD_CAPABILITIES) {
            as_bytes(&wc::CARD_CAPABILITIES { dwVersion: wc::CARD_CAPABILITIES_CURRENT_VERSION, fCertificateCompression: 0, fKeyGen: 0 })
        } else if is(wc::CP_CARD_AUTHENTICATED_STATE) {
            (if st.login.is_some() { 1u32 << wc::ROLE_USER } else { 0 }).to_le_bytes().to_vec()
        } else {
            return Err(scard::E_INVALID_PARAMETER);
        };
        put(&bytes, pbdata, cbdata, pdwdatalen)
    })
}

unsafe extern "system" fn card_set_property(pcarddata: *const wc::CARD_DATA, name: PCWSTR, _pbdata: *const u8, _cb: u32, _flags: u32) -> u32 {
    // Accepted and ignored: the parent window, the PIN context string and what a later Windows
    // may add. What this card cannot have changed is refused.
    entry(pcarddata, |_, _| if wide_eq(name, wc::CP_CARD_READ_ONLY) || wide_eq(name, wc::CP_CARD_CACHE_MODE) { Err(scard::E_UNSUPPORTED_FEATURE) } else { Ok(()) })
}

unsafe extern "system" fn card_get_container_property(
    pcarddata: *const wc::CARD_DATA,
    index: u8,
    name: PCWSTR,
    pbdata: *mut u8,
    cbdata: u32,
    pdwdatalen: *mut u32,
    _flags: u32,
) -> u32 {
    entry(pcarddata, |cd, st| {
        if index != 0 {
            return Err(scard::E_NO_KEY_CONTAINER);
        }
        if wide_eq(name, wc::CCP_PIN_IDENTIFIER) {
            return put(&wc::ROLE_USER.to_le_bytes(), pbdata, cbdata, pdwdatalen);
        }
        if !wide_eq(name, wc::CCP_CONTAINER_INFO) {
            return Err(scard::E_INVALID_PARAMETER);
        }
        let size = std::mem::size_of::<wc::CONTAINER_INFO>();
        // SAFETY: the caller's length out-parameter.
        if let Some(len) = unsafe { pdwdatalen.as_mut() } {
            *len = size as u32;
        }
        if (cbdata as usize) < size || pbdata.is_null() {
            return Err(scard::E_INSUFFICIENT_BUFFER);
        }
        // SAFETY: the caller's buffer holds a CONTAINER_INFO (checked above).
        let info = unsafe { &mut *(pbdata as *mut wc::CONTAINER_INFO) };
        container_info(st, 0, info, cd)
    })
}
