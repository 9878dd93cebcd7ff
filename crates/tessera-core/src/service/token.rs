//! Login and signing for token front-ends (the PKCS#11 module): a PIN checked once at login and
//! kept by the caller, then each signature in one transaction of its own (VERIFY + sign), since a
//! transaction that carried a PIN ends with a card reset.

use super::pin::{check_pin_length, preflight};
use super::with_card;
use crate::card::TriesLeft;
use crate::secret::{Pin, PinKind};
use crate::transport::Connection;
use crate::{Error, Result};

/// What a login found: the PIN was right, and the tries left now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Login {
    /// PIN tries left after the login (the maximum after a right PIN, where the card tells).
    pub pin: TriesLeft,
    /// APDUs sent.
    pub apdus: u32,
}

/// Checks `pin` on the card: the length rule (nothing sent when wrong), the counter (no try
/// spent; a blocked PIN is refused with nothing sent), then one VERIFY. A wrong PIN is
/// [`Error::WrongSecret`] with the tries left; the caller must never send it again.
///
/// A login is an explicit user action, so there is no last-try confirmation here: front-ends
/// that can ask (the app) ask before calling; the PKCS#11 module reports the final try in its
/// token flags, which browsers show before asking for the PIN.
pub fn login(conn: &mut dyn Connection, pin: &Pin) -> Result<Login> {
    let (pin_left, apdus) = with_card(conn, |p, ch| {
        check_pin_length(p, pin)?;
        p.prepare_pin_commands(ch)?;
        p.may_receive_secret(ch)?;
        let tries = p.tries_left(ch, PinKind::Pin)?;
        preflight(PinKind::Pin, tries, true)?;
        p.verify_pin(ch, pin)?;
        Ok(TriesLeft::Known(p.policy().pin_max_tries))
    })?;
    Ok(Login { pin: pin_left, apdus })
}

/// What to sign.
#[derive(Debug, Clone, Copy)]
pub enum SignInput<'a> {
    /// A DER DigestInfo: PKCS#1 v1.5 (the card pads, or the host builds the type-01 block).
    DigestInfo(&'a [u8]),
    /// A block the host already encoded (e.g. EMSA-PSS), modulus length: raw RSA, CNS only.
    Raw(&'a [u8]),
}

/// Signs with the PIN kept from a [`login`]: one transaction of counter read, VERIFY and the
/// signature. If the counter shows a failed try since the login (someone typed a wrong PIN
/// elsewhere, maybe after changing it), the kept PIN is not sent: [`Error::LoginExpired`].
/// `key_len`: the modulus length in bytes, from the certificate.
pub fn sign_after_login(conn: &mut dyn Connection, pin: &Pin, input: SignInput<'_>, key_len: usize) -> Result<(Vec<u8>, u32)> {
    with_card(conn, |p, ch| {
        check_pin_length(p, pin)?;
        p.prepare_pin_commands(ch)?;
        p.may_receive_secret(ch)?;
        let max = p.policy().pin_max_tries;
        match p.tries_left(ch, PinKind::Pin)? {
            TriesLeft::Known(0) => return Err(Error::PinBlocked),
            TriesLeft::Known(n) if n < max => return Err(Error::LoginExpired),
            _ => {}
        }
        Ok(match input {
            SignInput::DigestInfo(d) => p.sign(ch, pin, d, key_len)?,
            SignInput::Raw(block) => {
                if block.len() != key_len || !p.has_raw_rsa() {
                    return Err(crate::card::CardError::Malformed("raw block").into());
                }
                p.sign_raw(ch, pin, block)?
            }
        })
    })
}
