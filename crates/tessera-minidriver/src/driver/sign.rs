//! CardSignData: the request checked before the card (crate::signing), then the core's token
//! signature in the login, returned little-endian.

use super::call::{Result, entry, code, give, wstr};
use crate::signing::{Hash, Padding, Request};
use tessera_core::Error;
use tessera_core::error_table::scard;
use tessera_core::service::token::{self, SignInput};
use windows_sys::Win32::Security::Cryptography as wc;
use windows_sys::core::PCWSTR;

/// What the caller asked CardSignData for.
fn padding_of(info: &wc::CARD_SIGNING_INFO) -> Result<Padding> {
    let v2 = info.dwVersion >= 2 && info.dwSigningFlags & wc::CARD_PADDING_INFO_PRESENT != 0;
    if !v2 {
        return Ok(match info.aiHashAlg {
            0 => Padding::Pkcs1(None),
            alg => Padding::Pkcs1(Some(Hash::from_alg_id(alg).ok_or(scard::E_UNSUPPORTED_FEATURE)?)),
        });
    }
    let name = |p: PCWSTR| wstr(p).map(|n| Hash::from_cng_name(&n).ok_or(scard::E_UNSUPPORTED_FEATURE)).transpose();
    match info.dwPaddingType {
        wc::CARD_PADDING_PKCS1 => {
            // SAFETY: the structure the padding type names.
            let p = unsafe { (info.pPaddingInfo as *const wc::BCRYPT_PKCS1_PADDING_INFO).as_ref() }.ok_or(scard::E_INVALID_PARAMETER)?;
            Ok(Padding::Pkcs1(name(p.pszAlgId)?))
        }
        wc::CARD_PADDING_PSS => {
            // SAFETY: the structure the padding type names.
            let p = unsafe { (info.pPaddingInfo as *const wc::BCRYPT_PSS_PADDING_INFO).as_ref() }.ok_or(scard::E_INVALID_PARAMETER)?;
            Ok(Padding::Pss(name(p.pszAlgId)?.ok_or(scard::E_INVALID_PARAMETER)?, p.cbSalt as usize))
        }
        _ => Ok(Padding::Other),
    }
}

pub(super) unsafe extern "system" fn card_sign_data(pcarddata: *const wc::CARD_DATA, pinfo: *mut wc::CARD_SIGNING_INFO) -> u32 {
    entry(pcarddata, |cd, st| {
        // SAFETY: the caller's structure.
        let info = unsafe { pinfo.as_mut() }.ok_or(scard::E_INVALID_PARAMETER)?;
        if info.bContainerIndex != 0 {
            return Err(scard::E_NO_KEY_CONTAINER);
        }
        if info.dwKeySpec != wc::AT_KEYEXCHANGE && info.dwKeySpec != wc::AT_SIGNATURE {
            return Err(scard::E_INVALID_PARAMETER);
        }
        let key_len = st.model.key_len();
        if info.dwSigningFlags & wc::CARD_BUFFER_SIZE_ONLY != 0 {
            info.cbSignedData = key_len as u32;
            return Ok(());
        }
        if info.pbData.is_null() {
            return Err(scard::E_INVALID_PARAMETER);
        }
        // SAFETY: `cbData` bytes from the caller.
        let data = unsafe { std::slice::from_raw_parts(info.pbData, info.cbData as usize) };
        let raw_rsa = st.model.card_type != tessera_core::card::CardType::Cie;
        // Checked before the card: a CIE's PSS is refused with nothing sent.
        let request = crate::signing::request(&padding_of(info)?, data, key_len, raw_rsa)?;
        let session = st.login.as_mut().ok_or(scard::W_SECURITY_VIOLATION)?;
        let input = match &request {
            Request::DigestInfo(di) => SignInput::DigestInfo(di),
            Request::Pss { hash, digest, salt_len } => SignInput::Pss { hash: *hash, digest, salt_len: *salt_len },
        };
        let bits = st.model.key_bits() as usize;
        let mut sig = match token::sign(&mut st.card, session, input, bits) {
            Ok((sig, _)) => sig,
            Err(e) => {
                if matches!(e, Error::LoginExpired | Error::Transport(_) | Error::SecureChannel | Error::CardDied) {
                    st.login = None;
                }
                return Err(match e {
                    // The provider asks for the PIN again (nothing was re-sent).
                    Error::LoginExpired | Error::SecureChannel => scard::W_SECURITY_VIOLATION,
                    other => code(&other),
                });
            }
        };
        // The API's byte order: least significant first.
        sig.reverse();
        info.pbSignedData = give(cd, &sig)?;
        info.cbSignedData = sig.len() as u32;
        Ok(())
    })
}
