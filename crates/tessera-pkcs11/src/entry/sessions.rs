//! Sessions, login and objects: C_OpenSession … C_GetAttributeValue.

use crate::ffi::*;
use cryptoki_sys::*;
use crate::module::{locked, visible};
use crate::objects::{Lookup, attribute};
use zeroize::Zeroizing;

pub(crate) extern "C" fn C_OpenSession(
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
        let generation = with_slot_token(id, |t| {
            #[cfg(feature = "test-autologin")]
            if !t.logged_in() {
                if let Ok(pin) = std::env::var("TESSERA_PKCS11_TEST_PIN") {
                    t.login(Zeroizing::new(pin.into_bytes()))?;
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

pub(crate) extern "C" fn C_CloseSession(h: CK_SESSION_HANDLE) -> CK_RV {
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

pub(crate) extern "C" fn C_CloseAllSessions(id: CK_SLOT_ID) -> CK_RV {
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

pub(crate) extern "C" fn C_GetSessionInfo(h: CK_SESSION_HANDLE, info: *mut CK_SESSION_INFO) -> CK_RV {
    guard(|| {
        if info.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        let rw = with_module(|m| Ok(m.session(h)?.rw))?;
        let (id, logged_in) = with_token(h, |id, t| Ok((id, t.logged_in())))?;
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

pub(crate) extern "C" fn C_Login(h: CK_SESSION_HANDLE, user: CK_USER_TYPE, pin: *mut CK_UTF8CHAR, len: CK_ULONG) -> CK_RV {
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
        with_token(h, |_, t| t.login(typed))
    })
}

pub(crate) extern "C" fn C_Logout(h: CK_SESSION_HANDLE) -> CK_RV {
    guard(|| {
        with_token(h, |_, t| {
            if !t.logged_in() {
                return Err(CKR_USER_NOT_LOGGED_IN);
            }
            t.logout();
            Ok(())
        })
    })
}

pub(crate) extern "C" fn C_FindObjectsInit(h: CK_SESSION_HANDLE, t: *mut CK_ATTRIBUTE, n: CK_ULONG) -> CK_RV {
    guard(|| {
        // SAFETY: caller's template.
        let want = unsafe { template(t, n) }?;
        let found = with_token(h, |id, tok| {
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

pub(crate) extern "C" fn C_FindObjects(h: CK_SESSION_HANDLE, out: *mut CK_OBJECT_HANDLE, max: CK_ULONG, count: *mut CK_ULONG) -> CK_RV {
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

pub(crate) extern "C" fn C_FindObjectsFinal(h: CK_SESSION_HANDLE) -> CK_RV {
    guard(|| with_module(|m| m.session(h)?.found.take().map(|_| ()).ok_or(CKR_OPERATION_NOT_INITIALIZED)))
}

pub(crate) extern "C" fn C_GetAttributeValue(h: CK_SESSION_HANDLE, obj: CK_OBJECT_HANDLE, t: *mut CK_ATTRIBUTE, n: CK_ULONG) -> CK_RV {
    guard(|| {
        if t.is_null() && n > 0 {
            return Err(CKR_ARGUMENTS_BAD);
        }
        with_token(h, |id, tok| {
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
