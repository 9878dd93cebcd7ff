//! What every entry point shares: the state kept per context, the call wrapper (pointers
//! checked, state locked, panics caught), and the caller's buffers, strings and counters.

use crate::card_fs::CardModel;
use crate::transport::CallerCard;
use std::sync::Mutex;
use tessera_core::Error;
use tessera_core::error_table::scard;
use tessera_core::service::token::{KeptCard, LoggedIn};
use windows_sys::Win32::Security::Cryptography as wc;
use windows_sys::core::{PCSTR, PCWSTR};
use zeroize::Zeroizing;

/// What the driver keeps per context.
pub(super) struct State {
    pub(super) card: CallerCard,
    pub(super) model: CardModel,
    /// The card as its read left it (on a CIE, with its secure session), for the first login.
    pub(super) kept: Option<KeptCard>,
    /// The card verified for the user's PIN.
    pub(super) login: Option<LoggedIn>,
}

pub(super) type Result<T = ()> = std::result::Result<T, u32>;

pub(super) fn code(e: &Error) -> u32 {
    e.row().scard
}

fn state_of(cd: &wc::CARD_DATA) -> Result<&Mutex<State>> {
    let p = cd.pvVendorSpecific as *const Mutex<State>;
    // SAFETY: set by CardAcquireContext to a leaked Box<Mutex<State>>, freed only by
    // CardDeleteContext, which the caller calls last.
    unsafe { p.as_ref() }.ok_or(scard::E_INVALID_PARAMETER)
}

/// Runs an entry point: pointers checked, the state locked (two threads on one context take
/// turns), the provider's current card handle taken, panics caught.
pub(super) fn entry(pcarddata: *const wc::CARD_DATA, f: impl FnOnce(&wc::CARD_DATA, &mut State) -> Result) -> u32 {
    let run = || -> Result {
        // SAFETY: the caller passes its CARD_DATA, valid for the call.
        let cd = unsafe { pcarddata.as_ref() }.ok_or(scard::E_INVALID_PARAMETER)?;
        let mut st = state_of(cd)?.lock().unwrap_or_else(|p| p.into_inner());
        st.card.set_handle(cd.hScard);
        f(cd, &mut st)
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(Ok(())) => 0,
        Ok(Err(e)) => e,
        Err(_) => scard::E_UNEXPECTED,
    }
}

/// Copies `bytes` into memory from the caller's allocator (it frees it).
pub(super) fn give(cd: &wc::CARD_DATA, bytes: &[u8]) -> Result<*mut u8> {
    let alloc = cd.pfnCspAlloc.ok_or(scard::E_INVALID_PARAMETER)?;
    // SAFETY: the caller's allocator; the copy stays within the `len` bytes it returned.
    unsafe {
        let p = alloc(bytes.len().max(1)) as *mut u8;
        if p.is_null() {
            return Err(scard::E_NO_MEMORY);
        }
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
        Ok(p)
    }
}

/// Writes a property's bytes into the caller's buffer, or says how many it needs.
pub(super) fn put(bytes: &[u8], pbdata: *mut u8, cbdata: u32, pdwdatalen: *mut u32) -> Result {
    // SAFETY: `pdwdatalen` and `pbdata` (of `cbdata` bytes) are the caller's.
    unsafe {
        if let Some(len) = pdwdatalen.as_mut() {
            *len = bytes.len() as u32;
        }
        if (cbdata as usize) < bytes.len() {
            return Err(scard::E_INSUFFICIENT_BUFFER);
        }
        if pbdata.is_null() {
            return Err(scard::E_INVALID_PARAMETER);
        }
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), pbdata, bytes.len());
    }
    Ok(())
}

pub(super) fn as_bytes<T: Copy>(v: &T) -> Vec<u8> {
    // SAFETY: a plain C structure, read as its bytes.
    unsafe { std::slice::from_raw_parts((v as *const T).cast::<u8>(), std::mem::size_of::<T>()) }.to_vec()
}

pub(super) fn cstr(p: PCSTR) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: a NUL-terminated string from the caller.
    Some(unsafe { std::ffi::CStr::from_ptr(p.cast()) }.to_string_lossy().into_owned())
}

pub(super) fn wstr(p: PCWSTR) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: a NUL-terminated wide string from the caller.
    unsafe {
        let mut n = 0;
        while *p.add(n) != 0 {
            n += 1;
        }
        Some(String::from_utf16_lossy(std::slice::from_raw_parts(p, n)))
    }
}

pub(super) fn wide_eq(p: PCWSTR, constant: PCWSTR) -> bool {
    matches!((wstr(p), wstr(constant)), (Some(a), Some(b)) if a == b)
}

/// The secret the caller passed, as text (Windows passes the PIN's characters as bytes).
pub(super) fn secret_text(pb: *const u8, cb: u32) -> Result<Zeroizing<String>> {
    if pb.is_null() {
        return Err(scard::E_INVALID_PARAMETER);
    }
    // SAFETY: `cb` bytes from the caller.
    let bytes = Zeroizing::new(unsafe { std::slice::from_raw_parts(pb, cb as usize) }.to_vec());
    let text = std::str::from_utf8(&bytes).map_err(|_| scard::E_INVALID_CHV)?;
    Ok(Zeroizing::new(text.to_owned()))
}

pub(super) fn attempts(e: &Error) -> Option<u32> {
    e.tries_left().map(u32::from)
}

pub(super) fn set_attempts(p: *mut u32, n: Option<u32>) {
    // SAFETY: an optional out-parameter of the caller.
    if let (Some(p), Some(n)) = (unsafe { p.as_mut() }, n) {
        *p = n;
    }
}
