//! Tessera's PKCS#11 module: browsers (Firefox everywhere, Chromium on Linux) log citizens in
//! with every CNS lot Tessera knows and with the CIE, through PC/SC.
//!
//! This file is the C ABI only: it exports `C_GetFunctionList` and nothing else, checks and
//! converts pointers, and runs every entry point inside [`guard`] (`catch_unwind`: a panic must
//! never cross into the browser). The logic is in [`module`] (slots, tokens, sessions, login,
//! signing) and [`objects`] (objects and attributes), over `tessera_core`.
//!
//! Mechanisms ([`mechanism`]): on every card `CKM_RSA_PKCS` and the hash-and-sign
//! `CKM_SHA1/SHA256/SHA384/SHA512_RSA_PKCS`; on CNS cards also `CKM_RSA_PKCS_PSS` and
//! `CKM_SHA256/384/512_RSA_PKCS_PSS` (MGF1 of the same hash), padded on the host over the card's
//! raw RSA. The CIE pads by itself and has no PSS: a CIE can log in over TLS 1.2, not TLS 1.3.
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]
#![allow(non_snake_case, clippy::missing_safety_doc)]

pub mod mechanism;
pub mod module;
pub mod objects;

use cryptoki_sys::*;
use module::{Module, Rv, SignOp, current_token, locked, visible};
use objects::{Kind, Lookup, attribute};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use zeroize::Zeroizing;

static MODULE: Mutex<Option<Module>> = Mutex::new(None);

/// Runs an entry point: a panic becomes CKR_GENERAL_ERROR instead of aborting the browser.
fn guard(f: impl FnOnce() -> Result<(), Rv>) -> CK_RV {
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
fn with_module<T>(f: impl FnOnce(&mut Module) -> Result<T, Rv>) -> Result<T, Rv> {
    let mut g = locked(&MODULE);
    let m = g.as_mut().ok_or(CKR_CRYPTOKI_NOT_INITIALIZED)?;
    f(m)
}

/// Runs `f` with the token now in slot `id`, under the slot's lock (read from the card when it
/// is new, CKR_TOKEN_NOT_PRESENT when the reader is empty).
fn with_slot_token<T>(
    id: CK_SLOT_ID,
    f: impl FnOnce(&mut module::Token, &tessera_pcsc::PcscContext, &module::Slot) -> Result<T, Rv>,
) -> Result<T, Rv> {
    let (slot, ctx) = with_module(|m| Ok((m.slot(id)?, m.pcsc()?)))?;
    let mut st = locked(&slot.state);
    let t = current_token(&ctx, &slot, &mut st)?;
    f(t, &ctx, &slot)
}

/// Space-padded, not NUL-terminated, cut at a character boundary.
fn pad<const N: usize>(text: &str) -> [u8; N] {
    let mut out = [b' '; N];
    let mut end = text.len().min(N);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    out[..end].copy_from_slice(&text.as_bytes()[..end]);
    out
}

const VERSION: CK_VERSION = CK_VERSION { major: 0, minor: 1 };

/// Writes a list into a caller buffer the PKCS#11 way (NULL: the length only).
unsafe fn write_list<T: Copy>(items: &[T], out: *mut T, count: *mut CK_ULONG) -> Result<(), Rv> {
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
unsafe fn bytes<'a>(p: *const CK_BYTE, len: CK_ULONG) -> Result<&'a [u8], Rv> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(CKR_ARGUMENTS_BAD);
    }
    // SAFETY: the caller passes `len` readable bytes at `p`.
    Ok(unsafe { std::slice::from_raw_parts(p, len as usize) })
}

extern "C" fn C_Initialize(args: *mut std::ffi::c_void) -> CK_RV {
    guard(|| {
        if !args.is_null() {
            // SAFETY: a non-NULL argument is a CK_C_INITIALIZE_ARGS (PKCS#11 §5.4).
            let a = unsafe { std::ptr::read_unaligned(args as *const CK_C_INITIALIZE_ARGS) };
            if !a.pReserved.is_null() {
                return Err(CKR_ARGUMENTS_BAD);
            }
            // Braces copy each field out first: on Windows the struct is packed.
            let callbacks = [{ a.CreateMutex }.is_some(), { a.DestroyMutex }.is_some(), { a.LockMutex }.is_some(), { a.UnlockMutex }.is_some()];
            if callbacks.iter().any(|c| *c) && !callbacks.iter().all(|c| *c) {
                return Err(CKR_ARGUMENTS_BAD);
            }
            // Mutex callbacks without CKF_OS_LOCKING_OK: we can only use the OS's locks.
            if callbacks[0] && a.flags & CKF_OS_LOCKING_OK == 0 {
                return Err(CKR_CANT_LOCK);
            }
        }
        let mut g = locked(&MODULE);
        if g.is_some() {
            return Err(CKR_CRYPTOKI_ALREADY_INITIALIZED);
        }
        *g = Some(Module::start());
        Ok(())
    })
}

extern "C" fn C_Finalize(reserved: *mut std::ffi::c_void) -> CK_RV {
    guard(|| {
        if !reserved.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        // Dropping the module drops every token and the PINs kept (zeroized).
        locked(&MODULE).take().map(|_| ()).ok_or(CKR_CRYPTOKI_NOT_INITIALIZED)
    })
}

extern "C" fn C_GetInfo(info: *mut CK_INFO) -> CK_RV {
    guard(|| {
        with_module(|_| Ok(()))?;
        if info.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        let i = CK_INFO {
            cryptokiVersion: CK_VERSION { major: 2, minor: 40 },
            manufacturerID: pad("Tessera"),
            flags: 0,
            libraryDescription: pad("Tessera: CNS, CPS, TS-CNS, CIE"),
            libraryVersion: VERSION,
        };
        // SAFETY: checked non-null.
        unsafe { std::ptr::write_unaligned(info, i) };
        Ok(())
    })
}

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

extern "C" fn C_GetSlotList(token_present: CK_BBOOL, list: *mut CK_SLOT_ID, count: *mut CK_ULONG) -> CK_RV {
    guard(|| {
        let ids: Vec<CK_SLOT_ID> = with_module(|m| {
            Ok(m.refresh_slots().into_iter().filter(|(_, present)| token_present == 0 || *present).map(|(id, _)| id).collect())
        })?;
        // SAFETY: caller buffers per PKCS#11.
        unsafe { write_list(&ids, list, count) }
    })
}

extern "C" fn C_GetSlotInfo(id: CK_SLOT_ID, info: *mut CK_SLOT_INFO) -> CK_RV {
    guard(|| {
        if info.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        let (slot, present) = with_module(|m| {
            let present = m.refresh_slots().into_iter().any(|(i, p)| i == id && p);
            Ok((m.slot(id)?, present))
        })?;
        let mut flags = CKF_REMOVABLE_DEVICE | CKF_HW_SLOT;
        if present {
            flags |= CKF_TOKEN_PRESENT;
        }
        let i = CK_SLOT_INFO {
            slotDescription: pad(&slot.reader),
            manufacturerID: pad("Tessera (PC/SC)"),
            flags,
            hardwareVersion: VERSION,
            firmwareVersion: VERSION,
        };
        // SAFETY: checked non-null.
        unsafe { std::ptr::write_unaligned(info, i) };
        Ok(())
    })
}

extern "C" fn C_GetTokenInfo(id: CK_SLOT_ID, info: *mut CK_TOKEN_INFO) -> CK_RV {
    guard(|| {
        if info.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        let (sessions, rw) = with_module(|m| Ok(m.session_counts(id)))?;
        let i = with_slot_token(id, |t, _, _| Ok(CK_TOKEN_INFO {
            label: pad(&t.label),
            manufacturerID: pad("Tessera"),
            model: pad(t.card_type.name()),
            serialNumber: pad(&t.serial),
            flags: t.flags(),
            ulMaxSessionCount: CK_EFFECTIVELY_INFINITE,
            ulSessionCount: sessions as CK_ULONG,
            ulMaxRwSessionCount: CK_EFFECTIVELY_INFINITE,
            ulRwSessionCount: rw as CK_ULONG,
            ulMaxPinLen: t.pin_len.1 as CK_ULONG,
            ulMinPinLen: t.pin_len.0 as CK_ULONG,
            ulTotalPublicMemory: CK_UNAVAILABLE_INFORMATION,
            ulFreePublicMemory: CK_UNAVAILABLE_INFORMATION,
            ulTotalPrivateMemory: CK_UNAVAILABLE_INFORMATION,
            ulFreePrivateMemory: CK_UNAVAILABLE_INFORMATION,
            hardwareVersion: VERSION,
            firmwareVersion: VERSION,
            utcTime: [b' '; 16],
        }))?;
        // SAFETY: checked non-null.
        unsafe { std::ptr::write_unaligned(info, i) };
        Ok(())
    })
}

extern "C" fn C_GetMechanismList(id: CK_SLOT_ID, list: *mut CK_MECHANISM_TYPE, count: *mut CK_ULONG) -> CK_RV {
    guard(|| {
        let mechs = with_slot_token(id, |t, _, _| Ok(t.mechanisms().to_vec()))?;
        // SAFETY: caller buffers per PKCS#11.
        unsafe { write_list(&mechs, list, count) }
    })
}

extern "C" fn C_GetMechanismInfo(id: CK_SLOT_ID, mech: CK_MECHANISM_TYPE, info: *mut CK_MECHANISM_INFO) -> CK_RV {
    guard(|| {
        if info.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        let bits = with_slot_token(id, |t, _, _| {
            if !t.mechanisms().contains(&mech) {
                return Err(CKR_MECHANISM_INVALID);
            }
            Ok(t.key_bits())
        })?;
        let i = CK_MECHANISM_INFO { ulMinKeySize: bits, ulMaxKeySize: bits, flags: CKF_SIGN | CKF_HW };
        // SAFETY: checked non-null.
        unsafe { std::ptr::write_unaligned(info, i) };
        Ok(())
    })
}

extern "C" fn C_OpenSession(
    id: CK_SLOT_ID,
    flags: CK_FLAGS,
    _app: *mut std::ffi::c_void,
    _notify: CK_NOTIFY,
    session: *mut CK_SESSION_HANDLE,
) -> CK_RV {
    guard(|| {
        if session.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        if flags & CKF_SERIAL_SESSION == 0 {
            return Err(CKR_SESSION_PARALLEL_NOT_SUPPORTED);
        }
        let generation = with_slot_token(id, |t, _ctx, _slot| {
            #[cfg(feature = "test-autologin")]
            if !t.logged_in() {
                if let Ok(pin) = std::env::var("TESSERA_PKCS11_TEST_PIN") {
                    t.login(_ctx, &_slot.reader, Zeroizing::new(pin.into_bytes()))?;
                }
            }
            Ok(t.generation)
        })?;
        let h = with_module(|m| Ok(m.open_session(id, flags & CKF_RW_SESSION != 0, generation)))?;
        // SAFETY: checked non-null.
        unsafe { *session = h };
        Ok(())
    })
}

extern "C" fn C_CloseSession(h: CK_SESSION_HANDLE) -> CK_RV {
    guard(|| {
        let (id, last) = with_module(|m| m.close_session(h))?;
        if last {
            // The last session closed: the login ends with it (PKCS#11 §5.6).
            let slot = with_module(|m| m.slot(id))?;
            if let Some(t) = locked(&slot.state).as_mut() {
                t.logout();
            }
        }
        Ok(())
    })
}

extern "C" fn C_CloseAllSessions(id: CK_SLOT_ID) -> CK_RV {
    guard(|| {
        let slot = with_module(|m| {
            m.close_all(id);
            m.slot(id)
        })?;
        if let Some(t) = locked(&slot.state).as_mut() {
            t.logout();
        }
        Ok(())
    })
}

/// The session's slot, the PC/SC context, and a check that the session's card is still the one
/// in the reader (a removal or a new card kills the session: CKR_DEVICE_REMOVED, then the
/// handle is gone).
fn session_slot(h: CK_SESSION_HANDLE) -> Result<(CK_SLOT_ID, std::sync::Arc<module::Slot>, tessera_pcsc::PcscContext, u64), Rv> {
    with_module(|m| {
        let s = m.session(h)?;
        let (id, generation) = (s.slot, s.generation);
        Ok((id, m.slot(id)?, m.pcsc()?, generation))
    })
}

/// Runs `f` with the session's live token; a token gone or replaced closes the session.
fn with_token<T>(h: CK_SESSION_HANDLE, f: impl FnOnce(CK_SLOT_ID, &mut module::Token, &tessera_pcsc::PcscContext, &str) -> Result<T, Rv>) -> Result<T, Rv> {
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
    f(id, t, &ctx, &slot.reader)
}

extern "C" fn C_GetSessionInfo(h: CK_SESSION_HANDLE, info: *mut CK_SESSION_INFO) -> CK_RV {
    guard(|| {
        if info.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        let rw = with_module(|m| Ok(m.session(h)?.rw))?;
        let (id, logged_in) = with_token(h, |id, t, _, _| Ok((id, t.logged_in())))?;
        let state = match (rw, logged_in) {
            (false, false) => CKS_RO_PUBLIC_SESSION,
            (false, true) => CKS_RO_USER_FUNCTIONS,
            (true, false) => CKS_RW_PUBLIC_SESSION,
            (true, true) => CKS_RW_USER_FUNCTIONS,
        };
        let flags = CKF_SERIAL_SESSION | if rw { CKF_RW_SESSION } else { 0 };
        // SAFETY: checked non-null.
        unsafe { std::ptr::write_unaligned(info, CK_SESSION_INFO { slotID: id, state, flags, ulDeviceError: 0 }) };
        Ok(())
    })
}

extern "C" fn C_Login(h: CK_SESSION_HANDLE, user: CK_USER_TYPE, pin: *mut CK_UTF8CHAR, len: CK_ULONG) -> CK_RV {
    guard(|| {
        match user {
            CKU_USER => {}
            CKU_SO => return Err(CKR_USER_TYPE_INVALID),
            CKU_CONTEXT_SPECIFIC => return Err(CKR_OPERATION_NOT_INITIALIZED),
            _ => return Err(CKR_USER_TYPE_INVALID),
        }
        if pin.is_null() {
            // No protected authentication path (PIN pad) is offered.
            return Err(CKR_ARGUMENTS_BAD);
        }
        // SAFETY: the caller passes `len` bytes.
        let typed = Zeroizing::new(unsafe { bytes(pin, len) }?.to_vec());
        with_token(h, |_, t, ctx, reader| t.login(ctx, reader, typed))
    })
}

extern "C" fn C_Logout(h: CK_SESSION_HANDLE) -> CK_RV {
    guard(|| {
        with_token(h, |_, t, _, _| {
            if !t.logged_in() {
                return Err(CKR_USER_NOT_LOGGED_IN);
            }
            t.logout();
            Ok(())
        })
    })
}

/// Starts a session's operation: one of a kind at a time (CKR_OPERATION_ACTIVE).
fn start<T>(slot: &mut Option<T>, op: T) -> Result<(), Rv> {
    if slot.is_some() {
        return Err(CKR_OPERATION_ACTIVE);
    }
    *slot = Some(op);
    Ok(())
}

/// The template's (type, value) pairs.
unsafe fn template(t: *const CK_ATTRIBUTE, n: CK_ULONG) -> Result<Vec<(CK_ATTRIBUTE_TYPE, Vec<u8>)>, Rv> {
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

extern "C" fn C_FindObjectsInit(h: CK_SESSION_HANDLE, t: *mut CK_ATTRIBUTE, n: CK_ULONG) -> CK_RV {
    guard(|| {
        // SAFETY: caller's template.
        let want = unsafe { template(t, n) }?;
        let found = with_token(h, |id, tok, _, _| {
            Ok(visible(id, tok)
                .into_iter()
                .filter(|(_, k)| {
                    want.iter().all(|(ty, v)| matches!(attribute(*k, &tok.key, *ty), Lookup::Found(x) if x.encode() == *v))
                })
                .map(|(h, _)| h)
                .collect::<Vec<_>>())
        })?;
        with_module(|m| start(&mut m.session(h)?.found, found))
    })
}

extern "C" fn C_FindObjects(h: CK_SESSION_HANDLE, out: *mut CK_OBJECT_HANDLE, max: CK_ULONG, count: *mut CK_ULONG) -> CK_RV {
    guard(|| {
        if count.is_null() || (out.is_null() && max > 0) {
            return Err(CKR_ARGUMENTS_BAD);
        }
        let batch = with_module(|m| {
            let s = m.session(h)?;
            let left = s.found.as_mut().ok_or(CKR_OPERATION_NOT_INITIALIZED)?;
            let n = left.len().min(max as usize);
            Ok(left.drain(..n).collect::<Vec<_>>())
        })?;
        // SAFETY: `out` holds `max` >= batch.len() handles; `count` checked.
        unsafe {
            std::ptr::copy_nonoverlapping(batch.as_ptr(), out, batch.len());
            *count = batch.len() as CK_ULONG;
        }
        Ok(())
    })
}

extern "C" fn C_FindObjectsFinal(h: CK_SESSION_HANDLE) -> CK_RV {
    guard(|| with_module(|m| m.session(h)?.found.take().map(|_| ()).ok_or(CKR_OPERATION_NOT_INITIALIZED)))
}

/// The object behind a handle, if the session may see it.
fn object(id: CK_SLOT_ID, t: &module::Token, obj: CK_OBJECT_HANDLE) -> Result<Kind, Rv> {
    match Kind::from_handle(obj) {
        Some((slot, k)) if slot == id && visible(id, t).iter().any(|(_, v)| *v == k) => Ok(k),
        _ => Err(CKR_OBJECT_HANDLE_INVALID),
    }
}

extern "C" fn C_GetAttributeValue(h: CK_SESSION_HANDLE, obj: CK_OBJECT_HANDLE, t: *mut CK_ATTRIBUTE, n: CK_ULONG) -> CK_RV {
    guard(|| {
        if t.is_null() && n > 0 {
            return Err(CKR_ARGUMENTS_BAD);
        }
        with_token(h, |id, tok, _, _| {
            let kind = object(id, tok, obj)?;
            let mut rv = CKR_OK;
            for i in 0..n as usize {
                // SAFETY: the caller passes `n` attributes (read and written unaligned: packed
                // on Windows); each pValue holds ulValueLen bytes.
                let slot = unsafe { t.add(i) };
                let mut a = unsafe { std::ptr::read_unaligned(slot) };
                let (value, have) = (a.pValue, a.ulValueLen as usize);
                a.ulValueLen = match attribute(kind, &tok.key, a.type_) {
                    Lookup::Found(v) => {
                        let bytes = v.encode();
                        if value.is_null() {
                            bytes.len() as CK_ULONG
                        } else if have < bytes.len() {
                            rv = CKR_BUFFER_TOO_SMALL;
                            CK_UNAVAILABLE_INFORMATION
                        } else {
                            // SAFETY: checked length.
                            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), value as *mut u8, bytes.len()) };
                            bytes.len() as CK_ULONG
                        }
                    }
                    Lookup::Sensitive => {
                        rv = CKR_ATTRIBUTE_SENSITIVE;
                        CK_UNAVAILABLE_INFORMATION
                    }
                    Lookup::Invalid => {
                        if rv == CKR_OK {
                            rv = CKR_ATTRIBUTE_TYPE_INVALID;
                        }
                        CK_UNAVAILABLE_INFORMATION
                    }
                };
                // SAFETY: as above.
                unsafe { std::ptr::write_unaligned(slot, a) };
            }
            if rv == CKR_OK { Ok(()) } else { Err(rv) }
        })
    })
}

extern "C" fn C_SignInit(h: CK_SESSION_HANDLE, mech: *mut CK_MECHANISM, key: CK_OBJECT_HANDLE) -> CK_RV {
    guard(|| {
        if mech.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        // SAFETY: checked non-null (Windows structs are packed: read unaligned).
        let m = unsafe { std::ptr::read_unaligned(mech) };
        let mechanism = m.mechanism;
        let op = with_token(h, |id, tok, _, _| {
            if object(id, tok, key) != Ok(Kind::PrivateKey) {
                return Err(if tok.logged_in() { CKR_KEY_HANDLE_INVALID } else { CKR_USER_NOT_LOGGED_IN });
            }
            let known = mechanism::find(mechanism).filter(|_| tok.mechanisms().contains(&mechanism)).ok_or(CKR_MECHANISM_INVALID)?;
            let pss = if known.padding == mechanism::Padding::Pss {
                if m.pParameter.is_null() || (m.ulParameterLen as usize) < std::mem::size_of::<CK_RSA_PKCS_PSS_PARAMS>() {
                    return Err(CKR_MECHANISM_PARAM_INVALID);
                }
                // SAFETY: checked pointer and length.
                let p = unsafe { std::ptr::read_unaligned(m.pParameter as *const CK_RSA_PKCS_PSS_PARAMS) };
                // The parameters name the hash; a hash-and-sign mechanism must name its own.
                if known.hash.is_some_and(|h| h != p.hashAlg) {
                    return Err(CKR_MECHANISM_PARAM_INVALID);
                }
                let (hlen, mgf) = mechanism::pss_hash(p.hashAlg).ok_or(CKR_MECHANISM_PARAM_INVALID)?;
                let k = tok.key.modulus.len();
                if p.mgf != mgf || p.sLen as usize + hlen + 2 > k {
                    return Err(CKR_MECHANISM_PARAM_INVALID);
                }
                Some((p.hashAlg, p.sLen as usize))
            } else {
                None
            };
            Ok(SignOp::new(known, pss))
        })?;
        with_module(|md| start(&mut md.session(h)?.sign, op))
    })
}

/// Signs `data` with the session's operation; a length query keeps the operation.
unsafe fn finish_sign(h: CK_SESSION_HANDLE, data: Option<&[u8]>, sig: *mut CK_BYTE, sig_len: *mut CK_ULONG) -> Result<(), Rv> {
    if sig_len.is_null() {
        return Err(CKR_ARGUMENTS_BAD);
    }
    let op = with_module(|m| m.session(h)?.sign.take().ok_or(CKR_OPERATION_NOT_INITIALIZED))?;
    let restore = |op: SignOp| {
        with_module(|m| {
            m.session(h)?.sign = Some(op);
            Ok(())
        })
    };
    let result = with_token(h, |_, tok, ctx, reader| {
        let len = SignOp::len(tok);
        // SAFETY: checked non-null.
        let have = unsafe { *sig_len } as usize;
        if sig.is_null() || have < len {
            unsafe { *sig_len = len as CK_ULONG };
            return Ok(Some(if sig.is_null() { CKR_OK } else { CKR_BUFFER_TOO_SMALL }));
        }
        let signature = tok.sign(ctx, reader, &op, data)?;
        // SAFETY: `sig` holds `have` >= len bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(signature.as_ptr(), sig, signature.len());
            *sig_len = signature.len() as CK_ULONG;
        }
        Ok(None)
    });
    match result {
        // Length query or short buffer: the operation stays active (PKCS#11 §5.2).
        Ok(Some(rv)) => {
            restore(op)?;
            if rv == CKR_OK { Ok(()) } else { Err(rv) }
        }
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    }
}

extern "C" fn C_Sign(h: CK_SESSION_HANDLE, data: *mut CK_BYTE, len: CK_ULONG, sig: *mut CK_BYTE, sig_len: *mut CK_ULONG) -> CK_RV {
    guard(|| {
        // SAFETY: caller buffers per PKCS#11.
        let d = unsafe { bytes(data, len) }?;
        unsafe { finish_sign(h, Some(d), sig, sig_len) }
    })
}

extern "C" fn C_SignUpdate(h: CK_SESSION_HANDLE, part: *mut CK_BYTE, len: CK_ULONG) -> CK_RV {
    guard(|| {
        // SAFETY: caller buffer.
        let d = unsafe { bytes(part, len) }?;
        with_module(|m| {
            m.session(h)?.sign.as_mut().ok_or(CKR_OPERATION_NOT_INITIALIZED)?.update(d);
            Ok(())
        })
    })
}

extern "C" fn C_SignFinal(h: CK_SESSION_HANDLE, sig: *mut CK_BYTE, sig_len: *mut CK_ULONG) -> CK_RV {
    // SAFETY: caller buffers per PKCS#11.
    guard(|| unsafe { finish_sign(h, None, sig, sig_len) })
}

// C_WaitForSlotEvent is not offered: NSS and Chromium poll C_GetSlotList/C_GetSlotInfo when a
// module answers CKR_FUNCTION_NOT_SUPPORTED, and a blocking wait would need a PC/SC context
// per waiter that C_Finalize can cancel — not worth the risk of a hang inside the browser.
extern "C" fn C_WaitForSlotEvent(_flags: CK_FLAGS, _slot: *mut CK_SLOT_ID, _r: *mut std::ffi::c_void) -> CK_RV {
    guard(|| with_module(|_| Err(CKR_FUNCTION_NOT_SUPPORTED)))
}

/// Random bytes from the operating system's generator (not the card's: the token does not claim
/// CKF_RNG); consumers such as pkcs11-tool use it to make test data.
extern "C" fn C_GenerateRandom(h: CK_SESSION_HANDLE, out: *mut CK_BYTE, len: CK_ULONG) -> CK_RV {
    guard(|| {
        with_module(|m| m.session(h).map(|_| ()))?;
        if out.is_null() && len > 0 {
            return Err(CKR_ARGUMENTS_BAD);
        }
        if len == 0 {
            return Ok(());
        }
        // SAFETY: the caller passes `len` writable bytes.
        let buf = unsafe { std::slice::from_raw_parts_mut(out, len as usize) };
        rand::RngCore::try_fill_bytes(&mut rand::rngs::OsRng, buf).map_err(|_| CKR_DEVICE_ERROR)
    })
}

extern "C" fn C_SeedRandom(h: CK_SESSION_HANDLE, _seed: *mut CK_BYTE, _len: CK_ULONG) -> CK_RV {
    guard(|| {
        with_module(|m| m.session(h).map(|_| ()))?;
        Err(CKR_RANDOM_SEED_NOT_SUPPORTED)
    })
}

/// Entry points the module does not offer: the answer is CKR_FUNCTION_NOT_SUPPORTED (after the
/// initialisation check, as PKCS#11 wants), never a NULL pointer in the table.
macro_rules! unsupported {
    ($($name:ident($($arg:ty),*);)*) => {
        $(
            extern "C" fn $name($(_: $arg),*) -> CK_RV {
                guard(|| with_module(|_| Err(CKR_FUNCTION_NOT_SUPPORTED)))
            }
        )*
    };
}

unsupported! {
    C_InitToken(CK_SLOT_ID, *mut CK_UTF8CHAR, CK_ULONG, *mut CK_UTF8CHAR);
    C_InitPIN(CK_SESSION_HANDLE, *mut CK_UTF8CHAR, CK_ULONG);
    C_SetPIN(CK_SESSION_HANDLE, *mut CK_UTF8CHAR, CK_ULONG, *mut CK_UTF8CHAR, CK_ULONG);
    C_GetOperationState(CK_SESSION_HANDLE, *mut CK_BYTE, *mut CK_ULONG);
    C_SetOperationState(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, CK_OBJECT_HANDLE, CK_OBJECT_HANDLE);
    C_CreateObject(CK_SESSION_HANDLE, *mut CK_ATTRIBUTE, CK_ULONG, *mut CK_OBJECT_HANDLE);
    C_CopyObject(CK_SESSION_HANDLE, CK_OBJECT_HANDLE, *mut CK_ATTRIBUTE, CK_ULONG, *mut CK_OBJECT_HANDLE);
    C_DestroyObject(CK_SESSION_HANDLE, CK_OBJECT_HANDLE);
    C_GetObjectSize(CK_SESSION_HANDLE, CK_OBJECT_HANDLE, *mut CK_ULONG);
    C_SetAttributeValue(CK_SESSION_HANDLE, CK_OBJECT_HANDLE, *mut CK_ATTRIBUTE, CK_ULONG);
    C_EncryptInit(CK_SESSION_HANDLE, *mut CK_MECHANISM, CK_OBJECT_HANDLE);
    C_Encrypt(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_EncryptUpdate(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_EncryptFinal(CK_SESSION_HANDLE, *mut CK_BYTE, *mut CK_ULONG);
    C_DecryptInit(CK_SESSION_HANDLE, *mut CK_MECHANISM, CK_OBJECT_HANDLE);
    C_Decrypt(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_DecryptUpdate(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_DecryptFinal(CK_SESSION_HANDLE, *mut CK_BYTE, *mut CK_ULONG);
    C_DigestInit(CK_SESSION_HANDLE, *mut CK_MECHANISM);
    C_Digest(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_DigestUpdate(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG);
    C_DigestKey(CK_SESSION_HANDLE, CK_OBJECT_HANDLE);
    C_DigestFinal(CK_SESSION_HANDLE, *mut CK_BYTE, *mut CK_ULONG);
    C_SignRecoverInit(CK_SESSION_HANDLE, *mut CK_MECHANISM, CK_OBJECT_HANDLE);
    C_SignRecover(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_VerifyInit(CK_SESSION_HANDLE, *mut CK_MECHANISM, CK_OBJECT_HANDLE);
    C_Verify(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, CK_ULONG);
    C_VerifyUpdate(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG);
    C_VerifyFinal(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG);
    C_VerifyRecoverInit(CK_SESSION_HANDLE, *mut CK_MECHANISM, CK_OBJECT_HANDLE);
    C_VerifyRecover(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_DigestEncryptUpdate(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_DecryptDigestUpdate(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_SignEncryptUpdate(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_DecryptVerifyUpdate(CK_SESSION_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_BYTE, *mut CK_ULONG);
    C_GenerateKey(CK_SESSION_HANDLE, *mut CK_MECHANISM, *mut CK_ATTRIBUTE, CK_ULONG, *mut CK_OBJECT_HANDLE);
    C_GenerateKeyPair(CK_SESSION_HANDLE, *mut CK_MECHANISM, *mut CK_ATTRIBUTE, CK_ULONG, *mut CK_ATTRIBUTE, CK_ULONG, *mut CK_OBJECT_HANDLE, *mut CK_OBJECT_HANDLE);
    C_WrapKey(CK_SESSION_HANDLE, *mut CK_MECHANISM, CK_OBJECT_HANDLE, CK_OBJECT_HANDLE, *mut CK_BYTE, *mut CK_ULONG);
    C_UnwrapKey(CK_SESSION_HANDLE, *mut CK_MECHANISM, CK_OBJECT_HANDLE, *mut CK_BYTE, CK_ULONG, *mut CK_ATTRIBUTE, CK_ULONG, *mut CK_OBJECT_HANDLE);
    C_DeriveKey(CK_SESSION_HANDLE, *mut CK_MECHANISM, CK_OBJECT_HANDLE, *mut CK_ATTRIBUTE, CK_ULONG, *mut CK_OBJECT_HANDLE);
    C_GetFunctionStatus(CK_SESSION_HANDLE);
    C_CancelFunction(CK_SESSION_HANDLE);
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
