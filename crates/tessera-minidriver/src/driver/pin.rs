//! The PIN entry points: login (CardAuthenticatePin / Ex), deauthentication, and Windows' own
//! PIN change and unblock, through the core's token and PIN services.

use super::call::{Result, State, attempts, code, entry, secret_text, set_attempts, wstr};
use tessera_core::Error;
use tessera_core::error_table::scard;
use tessera_core::secret::{Pin, Puk};
use tessera_core::service::token;
use tessera_core::service::{self, ChangePin, UnblockPin};
use windows_sys::Win32::Security::Cryptography as wc;
use windows_sys::core::PCWSTR;
use zeroize::Zeroizing;

/// The user's PIN: its format (nothing sent when wrong), the counter (blocked: nothing sent),
/// one VERIFY; the card stays verified for the signatures. A wrong PIN is never sent again.
fn authenticate(st: &mut State, text: Zeroizing<String>, remaining: *mut u32) -> Result {
    let pin = Pin::parse(text.to_string(), st.model.policy.pin).map_err(|_| scard::E_INVALID_CHV)?;
    st.login = None;
    let kept = st.kept.take();
    match token::login(&mut st.card, kept, &pin) {
        Ok((session, _)) => {
            st.login = Some(session);
            Ok(())
        }
        Err(e) => {
            set_attempts(remaining, attempts(&e));
            Err(code(&e))
        }
    }
}

pub(super) unsafe extern "system" fn card_authenticate_pin(pcarddata: *const wc::CARD_DATA, user: PCWSTR, pbpin: *const u8, cbpin: u32, remaining: *mut u32) -> u32 {
    entry(pcarddata, |_, st| {
        if wstr(user).as_deref() != Some("user") {
            return Err(scard::E_INVALID_PARAMETER);
        }
        authenticate(st, secret_text(pbpin, cbpin)?, remaining)
    })
}

pub(super) unsafe extern "system" fn card_authenticate_ex(
    pcarddata: *const wc::CARD_DATA,
    pinid: u32,
    flags: u32,
    pbpin: *const u8,
    cbpin: u32,
    session_pin: *mut *mut u8,
    cb_session_pin: *mut u32,
    remaining: *mut u32,
) -> u32 {
    entry(pcarddata, |_, st| {
        if pinid != wc::ROLE_USER {
            return Err(scard::E_INVALID_PARAMETER);
        }
        if flags & (wc::CARD_AUTHENTICATE_GENERATE_SESSION_PIN | wc::CARD_AUTHENTICATE_SESSION_PIN) != 0 {
            return Err(scard::E_UNSUPPORTED_FEATURE);
        }
        // SAFETY: optional out-parameters of the caller.
        unsafe {
            if let Some(p) = session_pin.as_mut() {
                *p = std::ptr::null_mut();
            }
            if let Some(p) = cb_session_pin.as_mut() {
                *p = 0;
            }
        }
        authenticate(st, secret_text(pbpin, cbpin)?, remaining)
    })
}

/// Leaves the card unverified: the login is dropped and the card reset (its verified state, and
/// a CIE's secure session, end there).
fn deauthenticate(st: &mut State) -> Result {
    st.login = None;
    st.kept = None;
    st.card.reset().map_err(|e| code(&Error::Transport(e)))
}

pub(super) unsafe extern "system" fn card_deauthenticate(pcarddata: *const wc::CARD_DATA, _user: PCWSTR, _flags: u32) -> u32 {
    entry(pcarddata, |_, st| deauthenticate(st))
}

pub(super) unsafe extern "system" fn card_deauthenticate_ex(pcarddata: *const wc::CARD_DATA, _pinid: u32, _flags: u32) -> u32 {
    entry(pcarddata, |_, st| deauthenticate(st))
}

/// A PIN change or an unblock through Windows' own screens, with the core's services: every
/// input checked first, the counters read without a try, at most one try spent. Windows cannot
/// ask "this is your last try": with one try left the operation is refused with nothing sent
/// (SCARD_W_CANCELLED_BY_USER; Tessera's own window asks).
fn change_or_unblock(st: &mut State, unblock: bool, authenticating: Zeroizing<String>, target: Zeroizing<String>, remaining: *mut u32) -> Result {
    let rule = st.model.policy;
    let new = Pin::parse(target.to_string(), rule.pin).map_err(|_| scard::E_INVALID_CHV)?;
    let authenticating = if unblock {
        Err(Puk::parse(authenticating.to_string(), rule.puk).map_err(|_| scard::E_INVALID_CHV)?)
    } else {
        Ok(Pin::parse(authenticating.to_string(), rule.pin).map_err(|_| scard::E_INVALID_CHV)?)
    };
    // The driver's own login (or an earlier change) leaves the card verified, and a verified
    // card does not show its counter: it is reset first (the login ends with the change anyway).
    let (logged_in, fresh) = (st.login.take().is_some(), st.kept.take().is_some());
    if logged_in || !fresh {
        st.card.reset().map_err(|e| code(&Error::Transport(e)))?;
    }
    let done = match authenticating {
        Err(puk) => service::unblock_pin(&mut st.card, UnblockPin { puk, new, confirm_last_try: false }),
        Ok(current) => service::change_pin(&mut st.card, ChangePin { current, new, confirm_last_try: false }),
    };
    match done {
        Ok(_) => Ok(()),
        Err(e) => {
            set_attempts(remaining, attempts(&e));
            Err(code(&e))
        }
    }
}

pub(super) unsafe extern "system" fn card_change_authenticator(
    pcarddata: *const wc::CARD_DATA,
    user: PCWSTR,
    pbcurrent: *const u8,
    cbcurrent: u32,
    pbnew: *const u8,
    cbnew: u32,
    _retry: u32,
    flags: u32,
    remaining: *mut u32,
) -> u32 {
    entry(pcarddata, |_, st| {
        if wstr(user).as_deref() != Some("user") || flags != 0 {
            return Err(scard::E_INVALID_PARAMETER);
        }
        change_or_unblock(st, false, secret_text(pbcurrent, cbcurrent)?, secret_text(pbnew, cbnew)?, remaining)
    })
}

pub(super) unsafe extern "system" fn card_change_authenticator_ex(
    pcarddata: *const wc::CARD_DATA,
    flags: u32,
    auth_pin: u32,
    pbauth: *const u8,
    cbauth: u32,
    target_pin: u32,
    pbtarget: *const u8,
    cbtarget: u32,
    _retry: u32,
    remaining: *mut u32,
) -> u32 {
    entry(pcarddata, |_, st| {
        let unblock = match (flags, auth_pin, target_pin) {
            (wc::PIN_CHANGE_FLAG_CHANGEPIN, wc::ROLE_USER, wc::ROLE_USER) => false,
            (wc::PIN_CHANGE_FLAG_UNBLOCK, wc::ROLE_PUK | wc::ROLE_ADMIN, wc::ROLE_USER) => true,
            _ => return Err(scard::E_INVALID_PARAMETER),
        };
        change_or_unblock(st, unblock, secret_text(pbauth, cbauth)?, secret_text(pbtarget, cbtarget)?, remaining)
    })
}

pub(super) unsafe extern "system" fn card_unblock_pin(
    pcarddata: *const wc::CARD_DATA,
    user: PCWSTR,
    pbauth: *const u8,
    cbauth: u32,
    pbnew: *const u8,
    cbnew: u32,
    _retry: u32,
    flags: u32,
) -> u32 {
    entry(pcarddata, |_, st| {
        // Only the PUK's plain form (CARD_AUTHENTICATE_PIN_PIN); a challenge-response admin key
        // does not exist on these cards.
        if wstr(user).as_deref() != Some("user") || flags != wc::CARD_AUTHENTICATE_PIN_PIN {
            return Err(scard::E_UNSUPPORTED_FEATURE);
        }
        change_or_unblock(st, true, secret_text(pbauth, cbauth)?, secret_text(pbnew, cbnew)?, std::ptr::null_mut())
    })
}
