//! The library, slots, tokens and mechanisms: C_Initialize … C_GetMechanismInfo.

use crate::ffi::*;
use cryptoki_sys::*;
use crate::module::{Module, locked};

pub(crate) extern "C" fn C_Initialize(args: *mut std::ffi::c_void) -> CK_RV {
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

pub(crate) extern "C" fn C_Finalize(reserved: *mut std::ffi::c_void) -> CK_RV {
    guard(|| {
        if !reserved.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        // Dropping the module drops every token and the PINs kept (zeroized).
        locked(&MODULE).take().map(|_| ()).ok_or(CKR_CRYPTOKI_NOT_INITIALIZED)
    })
}

pub(crate) extern "C" fn C_GetInfo(info: *mut CK_INFO) -> CK_RV {
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

pub(crate) extern "C" fn C_GetSlotList(token_present: CK_BBOOL, list: *mut CK_SLOT_ID, count: *mut CK_ULONG) -> CK_RV {
    guard(|| {
        let ids: Vec<CK_SLOT_ID> = with_module(|m| {
            Ok(m.refresh_slots().into_iter().filter(|(_, present)| token_present == 0 || *present).map(|(id, _)| id).collect())
        })?;
        // SAFETY: caller buffers per PKCS#11.
        unsafe { write_list(&ids, list, count) }
    })
}

pub(crate) extern "C" fn C_GetSlotInfo(id: CK_SLOT_ID, info: *mut CK_SLOT_INFO) -> CK_RV {
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

pub(crate) extern "C" fn C_GetTokenInfo(id: CK_SLOT_ID, info: *mut CK_TOKEN_INFO) -> CK_RV {
    guard(|| {
        if info.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        let (sessions, rw) = with_module(|m| Ok(m.session_counts(id)))?;
        let i = with_slot_token(id, |t| Ok(CK_TOKEN_INFO {
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

pub(crate) extern "C" fn C_GetMechanismList(id: CK_SLOT_ID, list: *mut CK_MECHANISM_TYPE, count: *mut CK_ULONG) -> CK_RV {
    guard(|| {
        let mechs = with_slot_token(id, |t| Ok(t.mechanisms().to_vec()))?;
        // SAFETY: caller buffers per PKCS#11.
        unsafe { write_list(&mechs, list, count) }
    })
}

pub(crate) extern "C" fn C_GetMechanismInfo(id: CK_SLOT_ID, mech: CK_MECHANISM_TYPE, info: *mut CK_MECHANISM_INFO) -> CK_RV {
    guard(|| {
        if info.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        let bits = with_slot_token(id, |t| {
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

// C_WaitForSlotEvent is not offered: NSS and Chromium poll C_GetSlotList/C_GetSlotInfo when a
// module answers CKR_FUNCTION_NOT_SUPPORTED, and a blocking wait would need a PC/SC context
// per waiter that C_Finalize can cancel — not worth the risk of a hang inside the browser.
pub(crate) extern "C" fn C_WaitForSlotEvent(_flags: CK_FLAGS, _slot: *mut CK_SLOT_ID, _r: *mut std::ffi::c_void) -> CK_RV {
    guard(|| with_module(|_| Err(CKR_FUNCTION_NOT_SUPPORTED)))
}
