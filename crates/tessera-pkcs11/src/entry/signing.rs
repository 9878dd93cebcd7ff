//! Signing and random numbers: C_SignInit … C_SignFinal, C_GenerateRandom, C_SeedRandom.

use crate::ffi::*;
use cryptoki_sys::*;
use crate::mechanism;
use crate::module::{Rv, SignOp};
use crate::objects::Kind;

pub(crate) extern "C" fn C_SignInit(h: CK_SESSION_HANDLE, mech: *mut CK_MECHANISM, key: CK_OBJECT_HANDLE) -> CK_RV {
    guard(|| {
        if mech.is_null() {
            return Err(CKR_ARGUMENTS_BAD);
        }
        // SAFETY: checked non-null (Windows structs are packed: read unaligned).
        let m = unsafe { std::ptr::read_unaligned(mech) };
        let mechanism = m.mechanism;
        let op = with_token(h, |id, tok| {
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
pub(crate) unsafe fn finish_sign(h: CK_SESSION_HANDLE, data: Option<&[u8]>, sig: *mut CK_BYTE, sig_len: *mut CK_ULONG) -> Result<(), Rv> {
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
    let result = with_token(h, |_, tok| {
        let len = SignOp::len(tok);
        // SAFETY: checked non-null.
        let have = unsafe { *sig_len } as usize;
        if sig.is_null() || have < len {
            unsafe { *sig_len = len as CK_ULONG };
            return Ok(Some(if sig.is_null() { CKR_OK } else { CKR_BUFFER_TOO_SMALL }));
        }
        let signature = tok.sign(&op, data)?;
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

pub(crate) extern "C" fn C_Sign(h: CK_SESSION_HANDLE, data: *mut CK_BYTE, len: CK_ULONG, sig: *mut CK_BYTE, sig_len: *mut CK_ULONG) -> CK_RV {
    guard(|| {
        // SAFETY: caller buffers per PKCS#11.
        let d = unsafe { bytes(data, len) }?;
        unsafe { finish_sign(h, Some(d), sig, sig_len) }
    })
}

pub(crate) extern "C" fn C_SignUpdate(h: CK_SESSION_HANDLE, part: *mut CK_BYTE, len: CK_ULONG) -> CK_RV {
    guard(|| {
        // SAFETY: caller buffer.
        let d = unsafe { bytes(part, len) }?;
        with_module(|m| {
            m.session(h)?.sign.as_mut().ok_or(CKR_OPERATION_NOT_INITIALIZED)?.update(d);
            Ok(())
        })
    })
}

pub(crate) extern "C" fn C_SignFinal(h: CK_SESSION_HANDLE, sig: *mut CK_BYTE, sig_len: *mut CK_ULONG) -> CK_RV {
    // SAFETY: caller buffers per PKCS#11.
    guard(|| unsafe { finish_sign(h, None, sig, sig_len) })
}

/// Random bytes from the operating system's generator (not the card's: the token does not claim
/// CKF_RNG); consumers such as pkcs11-tool use it to make test data.
pub(crate) extern "C" fn C_GenerateRandom(h: CK_SESSION_HANDLE, out: *mut CK_BYTE, len: CK_ULONG) -> CK_RV {
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

pub(crate) extern "C" fn C_SeedRandom(h: CK_SESSION_HANDLE, _seed: *mut CK_BYTE, _len: CK_ULONG) -> CK_RV {
    guard(|| {
        with_module(|m| m.session(h).map(|_| ()))?;
        Err(CKR_RANDOM_SEED_NOT_SUPPORTED)
    })
}
