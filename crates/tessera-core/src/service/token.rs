//! Login and signing for token front-ends (the PKCS#11 module, the minidriver): a login verifies
//! the PIN once and leaves the card verified ([`LoggedIn`]); the PIN is not kept. Each signature
//! is a transaction of its own that first checks, sending nothing secret, that the card is still
//! verified: a card reset, removed, or whose PIN another program tried or changed is not, and the
//! login is then over ([`Error::LoginExpired`], or the transport's error) — the front-end asks
//! for the PIN again. [`logout`] resets the card (unless another program is using it).

use super::pin::{check_pin_length, preflight};
use super::transaction::{with_card_kept, with_kept_profile};
use tessera_apdu::apdu::StatusWord;
use crate::card::{CardError, Profile, TriesLeft};
use crate::secret::{Pin, PinKind};
use tessera_apdu::transport::Connection;
use crate::error::{Error, Result};
use zeroize::Zeroizing;

/// What a login found: the PIN was right, and the tries left now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Login {
    /// PIN tries left after the login (the maximum after a right PIN, where the card tells).
    pub pin: TriesLeft,
    /// APDUs sent.
    pub apdus: u32,
}

/// A login held on the card: its profile (on a CIE, with the secure session the PIN was
/// verified in) and nothing secret.
pub struct LoggedIn {
    profile: Profile,
}

impl std::fmt::Debug for LoggedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoggedIn").field("card", &self.profile.card_type()).finish()
    }
}

/// A card read for a token and kept for its login: the lot found (CNS), and on a CIE the
/// secure session the read opened, so that a token runs the key agreement and device
/// authentication once, not once per transaction. Nothing secret.
pub struct KeptCard {
    profile: Profile,
}

impl std::fmt::Debug for KeptCard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeptCard").field("card", &self.profile.card_type()).finish()
    }
}

/// Reads the card for a token ([`super::overview`], no try spent) and keeps it for the login.
pub fn read(conn: &mut dyn Connection) -> Result<(super::status::CardOverview, KeptCard)> {
    super::status::overview_kept(conn).map(|(o, profile)| (o, KeptCard { profile }))
}

/// The PIN counter, read first in a login (nothing secret). A kept secure session that a reset
/// or another program broke since shows here; a new one is opened and the counter read again,
/// still before anything secret.
fn counter_in_live_session(p: &mut Profile, ch: &mut crate::card::iso7816::Channel<'_>, kept: bool) -> Result<TriesLeft> {
    p.prepare_pin_commands(ch)?;
    let first = p.tries_left(ch, PinKind::Pin);
    if !kept || (first.is_ok() && p.session_open()) {
        return Ok(first?);
    }
    tracing::debug!("the kept secure session is gone: a new one");
    p.forget_session();
    p.prepare_pin_commands(ch)?;
    Ok(p.tries_left(ch, PinKind::Pin)?)
}

/// Checks `pin` on the card: the length rule (nothing sent when wrong), the counter (no try
/// spent; a blocked PIN is refused with nothing sent), then one VERIFY, and keeps the card
/// verified on `conn` ([`Connection::keep_verified`]). A wrong PIN is [`Error::WrongSecret`]
/// with the tries left; the caller must never send it again. The caller drops the PIN.
///
/// A login is an explicit user action, so there is no last-try confirmation here: front-ends
/// that can ask (the app) ask before calling; the PKCS#11 module reports the final try in its
/// token flags, which browsers show before asking for the PIN.
///
/// `card`: the card as [`read`] kept it (its session is used when it is still alive), or
/// `None` to read it afresh.
pub fn login(conn: &mut dyn Connection, card: Option<KeptCard>, pin: &Pin) -> Result<(LoggedIn, Login)> {
    conn.keep_verified(true);
    let kept = card.is_some();
    let body = |p: &mut Profile, ch: &mut crate::card::iso7816::Channel<'_>| {
        check_pin_length(p, pin)?;
        let tries = counter_in_live_session(p, ch, kept)?;
        p.may_receive_secret(ch)?;
        preflight(PinKind::Pin, tries, true)?;
        p.verify_pin(ch, pin)?;
        Ok(TriesLeft::Known(p.policy().pin_max_tries))
    };
    let done = match card {
        Some(KeptCard { mut profile }) => with_kept_profile(conn, &mut profile, body).map(|(t, apdus)| (t, profile, apdus)),
        None => with_card_kept(conn, body),
    };
    match done {
        Ok((pin_left, profile, apdus)) => Ok((LoggedIn { profile }, Login { pin: pin_left, apdus })),
        Err(e) => {
            // Nothing verified to keep (a wrong PIN, a refusal, a fault): the card is reset as
            // after any transaction that carried a PIN.
            conn.end_login();
            Err(e)
        }
    }
}

/// Ends a login: the card is reset, so that nothing is left verified (unless another program
/// is connected to it then; see [`Connection::end_login`]).
pub fn logout(conn: &mut dyn Connection, session: LoggedIn) {
    drop(session);
    conn.end_login();
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

/// Signs in a login: one transaction that checks the card is still verified (nothing secret
/// sent; [`Error::LoginExpired`] when it is not, and the login is over) and signs. `modulus_bits`:
/// the key's size, from the certificate.
pub fn sign(conn: &mut dyn Connection, session: &mut LoggedIn, input: SignInput<'_>, modulus_bits: usize) -> Result<(Vec<u8>, u32)> {
    let key_len = modulus_bits.div_ceil(8);
    let block = match input {
        SignInput::Pss { hash, digest, salt_len } => Some(pss_block(hash, digest, salt_len, modulus_bits)?),
        SignInput::DigestInfo(_) => None,
    };
    with_kept_profile(conn, &mut session.profile, |p, ch| {
        if p.login_lost(ch)? {
            return Err(Error::LoginExpired);
        }
        let signed = match (input, &block) {
            (SignInput::DigestInfo(d), _) => p.sign(ch, None, d, key_len),
            (SignInput::Pss { .. }, Some(block)) if p.has_raw_rsa() => p.sign_raw(ch, None, block),
            _ => return Err(CardError::Malformed("PSS on a card without raw RSA").into()),
        };
        match signed {
            // Not verified after all (a card that does not say so beforehand).
            Err(CardError::Unexpected { sw: StatusWord::SecurityStatusNotSatisfied, .. }) => Err(Error::LoginExpired),
            other => Ok(other?),
        }
    })
}
