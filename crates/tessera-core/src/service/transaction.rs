//! One user operation, one transaction: the card recognised, its profile detected, the work
//! done, the APDUs counted; or a profile kept for a later transaction on the same card.

use crate::card::iso7816::Channel;
use crate::card::{CardIdentity, Profile};
use tessera_apdu::transport::Connection;
use crate::error::{Error, Result};
use tessera_apdu::apdu::hex;

/// Runs `f` inside one transaction with the recognised card profile; returns its result and
/// the number of APDUs sent.
pub fn with_card<T>(
    conn: &mut dyn Connection,
    f: impl FnOnce(&mut Profile, &mut Channel<'_>) -> Result<T>,
) -> Result<(T, u32)> {
    with_card_kept(conn, f).map(|(out, _, apdus)| (out, apdus))
}

/// [`with_card`], keeping the profile for later transactions on the same card (a kept login:
/// the CIE's secure session goes on in them).
pub(crate) fn with_card_kept<T>(
    conn: &mut dyn Connection,
    f: impl FnOnce(&mut Profile, &mut Channel<'_>) -> Result<T>,
) -> Result<(T, Profile, u32)> {
    let identity = CardIdentity::of(conn.atr());
    let trust_simulated = conn.trusts_simulated_cards();
    let mut tx = conn.begin()?;
    let mut ch = Channel::new(&mut *tx);
    let profile = match Profile::detect(&mut ch, &identity) {
        Ok(p) => p,
        Err(crate::card::CardError::UnknownLayout) => return Err(Error::CardModelNotSupported { atr: hex(&identity.atr) }),
        Err(e) => return Err(e.into()),
    };
    let Some(mut profile) = profile else {
        return Err(Error::UnsupportedCard { atr: hex(&identity.atr), cie: identity.is_cie() });
    };
    if let Profile::Cie(c) = &mut profile {
        c.trust_simulated = trust_simulated;
    }
    let out = f(&mut profile, &mut ch)?;
    Ok((out, profile, ch.apdus_sent()))
}

/// Runs `f` in one transaction with a profile kept from an earlier one (see [`with_card_kept`]).
pub(crate) fn with_kept_profile<T>(
    conn: &mut dyn Connection,
    profile: &mut Profile,
    f: impl FnOnce(&mut Profile, &mut Channel<'_>) -> Result<T>,
) -> Result<(T, u32)> {
    let mut tx = conn.begin()?;
    let mut ch = Channel::new(&mut *tx);
    profile.resume();
    let out = f(profile, &mut ch)?;
    Ok((out, ch.apdus_sent()))
}
