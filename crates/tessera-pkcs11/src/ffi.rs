//! What every entry point shares: the module's state, the panic guard, and the conversions of
//! caller pointers and buffers (the `unsafe` of the ABI stays here and in the entry points).

use crate::module::{self, Module, Rv, current_token, locked, visible};
use crate::objects::Kind;
use cryptoki_sys::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;

pub(crate) static MODULE: Mutex<Option<Module>> = Mutex::new(None);

/// Runs an entry point: a panic becomes CKR_GENERAL_ERROR instead of aborting the browser.
pub(crate) fn guard(f: impl FnOnce() -> Result<(), Rv>) -> CK_RV {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => CKR_OK,
        Ok(Err(rv)) => rv,
        Err(_) => {
            tracing::error!("internal error (panic) caught at the PKCS#11 boundary");
            CKR_GENERAL_ERROR
        }
    }
}

/// Runs `f` with the initialised module.
pub(crate) fn with_module<T>(f: impl FnOnce(&mut Module) -> Result<T, Rv>) -> Result<T, Rv> {
    let mut g = locked(&MODULE);
    let m = g.as_mut().ok_or(CKR_CRYPTOKI_NOT_INITIALIZED)?;
    f(m)
}

/// Runs `f` with the token now in slot `id`, under the slot's lock (read from the card when it
/// is new, CKR_TOKEN_NOT_PRESENT when the reader is empty).
pub(crate) fn with_slot_token<T>(
    id: CK_SLOT_ID,
    f: impl FnOnce(&mut module::Token) -> Result<T, Rv>,
) -> Result<T, Rv> {
    let (slot, ctx) = with_module(|m| Ok((m.slot(id)?, m.pcsc()?)))?;
    let mut st = locked(&slot.state);
    let t = current_token(&ctx, &slot, &mut st)?;
    f(t)
}

/// Space-padded, not NUL-terminated, cut at a character boundary.
pub(crate) fn pad<const N: usize>(text: &str) -> [u8; N] {
    let mut out = [b' '; N];
    let mut end = text.len().min(N);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    out[..end].copy_from_slice(&text.as_bytes()[..end]);
    out
}

pub(crate) const VERSION: CK_VERSION = CK_VERSION { major: 0, minor: 1 };

/// Writes a list into a caller buffer the PKCS#11 way (NULL: the length only).
pub(crate) unsafe fn write_list<T: Copy>(items: &[T], out: *mut T, count: *mut CK_ULONG) -> Result<(), Rv> {
    if count.is_null() {
        return Err(CKR_ARGUMENTS_BAD);
    }
    // SAFETY: checked non-null; the caller owns it.
    let have = unsafe { *count } as usize;
    unsafe { *count = items.len() as CK_ULONG };
    if out.is_null() {
        return Ok(());
    }
    if have < items.len() {
        return Err(CKR_BUFFER_TOO_SMALL);
    }
    // SAFETY: the caller says `out` holds `have` >= len items.
    unsafe { std::ptr::copy_nonoverlapping(items.as_ptr(), out, items.len()) };
    Ok(())
}

/// A caller byte buffer as a slice (empty for NULL with length 0).
pub(crate) unsafe fn bytes<'a>(p: *const CK_BYTE, len: CK_ULONG) -> Result<&'a [u8], Rv> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(CKR_ARGUMENTS_BAD);
    }
    // SAFETY: the caller passes `len` readable bytes at `p`.
    Ok(unsafe { std::slice::from_raw_parts(p, len as usize) })
}

/// The session's slot, the PC/SC context, and a check that the session's card is still the one
/// in the reader (a removal or a new card kills the session: CKR_DEVICE_REMOVED, then the
/// handle is gone).
pub(crate) fn session_slot(h: CK_SESSION_HANDLE) -> Result<(CK_SLOT_ID, std::sync::Arc<module::Slot>, tessera_pcsc::PcscContext, u64), Rv> {
    with_module(|m| {
        let s = m.session(h)?;
        let (id, generation) = (s.slot, s.generation);
        Ok((id, m.slot(id)?, m.pcsc()?, generation))
    })
}

/// Runs `f` with the session's live token; a token gone or replaced closes the session.
pub(crate) fn with_token<T>(h: CK_SESSION_HANDLE, f: impl FnOnce(CK_SLOT_ID, &mut module::Token) -> Result<T, Rv>) -> Result<T, Rv> {
    let (id, slot, ctx, generation) = session_slot(h)?;
    let mut st = locked(&slot.state);
    let live = match current_token(&ctx, &slot, &mut st) {
        Ok(t) if t.generation == generation => Some(t),
        Ok(_) => None,
        Err(CKR_TOKEN_NOT_PRESENT | CKR_DEVICE_REMOVED) => None,
        Err(e) => return Err(e),
    };
    let Some(t) = live else {
        drop(st);
        let _ = with_module(|m| m.close_session(h));
        return Err(CKR_DEVICE_REMOVED);
    };
    f(id, t)
}

/// Starts a session's operation: one of a kind at a time (CKR_OPERATION_ACTIVE).
pub(crate) fn start<T>(slot: &mut Option<T>, op: T) -> Result<(), Rv> {
    if slot.is_some() {
        return Err(CKR_OPERATION_ACTIVE);
    }
    *slot = Some(op);
    Ok(())
}

/// The template's (type, value) pairs.
pub(crate) unsafe fn template(t: *const CK_ATTRIBUTE, n: CK_ULONG) -> Result<Vec<(CK_ATTRIBUTE_TYPE, Vec<u8>)>, Rv> {
    if n == 0 {
        return Ok(Vec::new());
    }
    if t.is_null() {
        return Err(CKR_ARGUMENTS_BAD);
    }
    (0..n as usize)
        .map(|i| {
            // SAFETY: the caller passes `n` attributes.
            let a = unsafe { std::ptr::read_unaligned(t.add(i)) };
            // SAFETY: each value points to ulValueLen bytes.
            let v = unsafe { bytes(a.pValue as *const CK_BYTE, a.ulValueLen) }?.to_vec();
            Ok((a.type_, v))
        })
        .collect()
}

/// The object behind a handle, if the session may see it.
pub(crate) fn object(id: CK_SLOT_ID, t: &module::Token, obj: CK_OBJECT_HANDLE) -> Result<Kind, Rv> {
    match Kind::from_handle(obj) {
        Some((slot, k)) if slot == id && visible(id, t).iter().any(|(_, v)| *v == k) => Ok(k),
        _ => Err(CKR_OBJECT_HANDLE_INVALID),
    }
}
