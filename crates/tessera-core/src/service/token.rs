//! Login and signing for token front-ends (the PKCS#11 module): a PIN checked once at login and
//! kept by the caller, then each signature in one transaction of its own (VERIFY + sign), since a
//! transaction that carried a PIN ends with a card reset.

use super::pin::{check_pin_length, preflight};
use super::with_card;
use crate::card::{CardError, TriesLeft};
use crate::secret::{Pin, PinKind};
use crate::transport::Connection;
use crate::{Error, Result};
use zeroize::Zeroizing;

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
    /// RSASSA-PSS (RFC 8017 §9.1) of a message `digest` made with `hash`, MGF1 of the same hash
    /// and a random salt of `salt_len` bytes: encoded on the host, raw RSA on the card. CNS only
    /// (a CIE pads by itself).
    Pss {
        /// The hash of the message, and of the encoding.
        hash: PssHash,
        /// The message's hash.
        digest: &'a [u8],
        /// Salt length in bytes.
        salt_len: usize,
    },
}

/// The hashes PSS is offered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PssHash {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

/// The block the card exponentiates for a PSS signature with a key of `modulus_bits`.
fn pss_block(hash: PssHash, digest: &[u8], salt_len: usize, modulus_bits: usize) -> Result<Zeroizing<Vec<u8>>> {
    use rand::RngCore;
    let mut salt = vec![0u8; salt_len];
    rand::thread_rng().fill_bytes(&mut salt);
    let encoded = match hash {
        PssHash::Sha256 => super::pss::encode::<sha2::Sha256>(digest, &salt, modulus_bits),
        PssHash::Sha384 => super::pss::encode::<sha2::Sha384>(digest, &salt, modulus_bits),
        PssHash::Sha512 => super::pss::encode::<sha2::Sha512>(digest, &salt, modulus_bits),
    };
    encoded.map(Zeroizing::new).map_err(|_| CardError::Malformed("PSS: hash and salt do not fit the key").into())
}

/// Signs with the PIN kept from a [`login`]: one transaction of counter read, VERIFY and the
/// signature. If the counter shows a failed try since the login (someone typed a wrong PIN
/// elsewhere, maybe after changing it), the kept PIN is not sent: [`Error::LoginExpired`].
/// `modulus_bits`: the key's size, from the certificate.
pub fn sign_after_login(conn: &mut dyn Connection, pin: &Pin, input: SignInput<'_>, modulus_bits: usize) -> Result<(Vec<u8>, u32)> {
    let key_len = modulus_bits.div_ceil(8);
    let block = match input {
        SignInput::Pss { hash, digest, salt_len } => Some(pss_block(hash, digest, salt_len, modulus_bits)?),
        SignInput::DigestInfo(_) => None,
    };
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
        Ok(match (input, &block) {
            (SignInput::DigestInfo(d), _) => p.sign(ch, pin, d, key_len)?,
            (SignInput::Pss { .. }, Some(block)) if p.has_raw_rsa() => p.sign_raw(ch, pin, block)?,
            _ => return Err(CardError::Malformed("PSS on a card without raw RSA").into()),
        })
    })
}
