//! Opening the card a command works on (a reader's card, or the demo card), and what is said
//! about a simulated card before anything is asked.

use super::args::CardArgs;
use super::guard;
use super::output::Ctx;
use crate::error::CoreError;
use crate::i18n::{Lang, Text, tr};
use crate::{Error, Result};
use tessera_core::card::CardIdentity;
use tessera_core::service::{self, PinStatus};
use tessera_core::transport::Connection;
use tessera_pcsc::PcscContext;
use tessera_sim::{Preset, SimCard, SimConfig, SimProfile};

/// An open card: real (PC/SC) or the demo card.
pub(super) struct Opened {
    /// The connection.
    pub conn: Box<dyn Connection>,
    /// The demo card.
    pub demo: bool,
}

/// Opens the card the arguments name, waiting (and saying so) while another program holds it.
pub(super) fn open(card: &CardArgs, ctx: &Ctx) -> Result<Opened, Error> {
    open_inner(card, ctx, true)
}

/// [`open`] for work that already runs watched (the report): no second watcher.
pub(super) fn open_unwatched(card: &CardArgs, ctx: &Ctx) -> Result<Opened, Error> {
    open_inner(card, ctx, false)
}

fn open_inner(card: &CardArgs, ctx: &Ctx, watched: bool) -> Result<Opened, Error> {
    if let Some(preset) = &card.demo {
        // Both were checked when the arguments were parsed (usage errors, exit 2).
        let preset: Preset = preset.parse().map_err(Error::Internal)?;
        let profile: SimProfile = card.demo_profile.parse().map_err(Error::Internal)?;
        let sim = SimCard::new(SimConfig::new(profile, preset));
        let conn = sim.connect()?;
        ctx.set_card(CardIdentity::of(conn.atr()).issuer(), true);
        return Ok(Opened { conn: Box::new(conn), demo: true });
    }
    let connect = || Ok(PcscContext::establish()?.connect(card.reader.as_deref())?);
    let mut conn = if watched { guard::connecting(ctx, connect)? } else { connect()? };
    conn.set_trust_simulated_cards(card.allow_simulated_card);
    ctx.set_card(CardIdentity::of(conn.atr()).issuer(), false);
    Ok(Opened { conn: Box::new(conn), demo: false })
}

/// A CIE of Tessera's public test authority in a real reader gets no PIN or PUK unless
/// --allow-simulated-card says so: refused before anything is asked (which authority a CIE
/// has is known after its device authentication: one read, nothing secret sent).
pub(super) fn refuse_untrusted_simulated_cie(o: &mut Opened, ctx: &Ctx) -> Result<()> {
    if !CardIdentity::of(o.conn.atr()).is_cie() || o.conn.trusts_simulated_cards() {
        return Ok(());
    }
    let st = guard::run(o.conn.as_mut(), ctx, |c| service::pin_status(c))?;
    if st.simulated { Err(Error::Core(CoreError::SimulatedCard)) } else { Ok(()) }
}

/// A simulated card in a real reader, allowed by --allow-simulated-card: said every time.
pub(super) fn simulated_banner(o: &Opened, st: &PinStatus, lang: Lang) {
    if st.simulated && !o.demo {
        eprintln!("*** {} ***", tr(lang, Text::SimulatedCard));
    }
}
