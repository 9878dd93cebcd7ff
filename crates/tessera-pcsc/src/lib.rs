//! Tessera's PC/SC backend (pcscd on Linux, WinSCard on Windows, CryptoTokenKit's PC/SC on
//! macOS): a [`Connection`] to a card in a reader, reader lists and events. The only crate that
//! links the smart-card service; the card layer, the simulator and the fuzz targets know only
//! the transport traits of `tessera-apdu`.
#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::unwrap_used)]

use pcsc::{Context, Disposition, Protocols, ReaderState, Scope, ShareMode, State};
use tessera_apdu::apdu::CommandApdu;
use tessera_apdu::transport::{Connection, ReaderInfo, Transaction, TransportError, Watch};
use std::ffi::CString;
use std::time::{Duration, Instant};

/// Maps a PC/SC error to the cause a user can act on.
pub fn map_error(e: pcsc::Error) -> TransportError {
    use pcsc::Error as E;
    match e {
        E::NoReadersAvailable => TransportError::NoReader,
        E::NoService | E::ServiceStopped => TransportError::NoService,
        E::UnknownReader | E::ReaderUnavailable => TransportError::UnknownReader(String::new()),
        E::NoSmartcard => TransportError::NoCard,
        // NotTransacted is what pcscd answers between a card's removal and its next poll.
        E::RemovedCard | E::NotTransacted => TransportError::CardRemoved,
        E::ResetCard => TransportError::Reset,
        E::SharingViolation => TransportError::SharingViolation,
        E::UnpoweredCard | E::UnresponsiveCard | E::UnsupportedCard => TransportError::Unresponsive,
        E::Cancelled => TransportError::Cancelled,
        E::Timeout => TransportError::Timeout,
        other => TransportError::Pcsc(other.to_string()),
    }
}

/// A PC/SC context: lists readers, waits for events, connects to cards.
#[derive(Clone)]
pub struct PcscContext {
    ctx: Context,
}

impl PcscContext {
    /// Connects to the smart-card service. Fails with [`TransportError::NoService`] when it is
    /// not running.
    pub fn establish() -> Result<Self, TransportError> {
        Context::establish(Scope::User).map(|ctx| Self { ctx }).map_err(map_error)
    }

    /// The readers and what is in them. An empty list means no reader.
    pub fn readers(&self) -> Result<Vec<ReaderInfo>, TransportError> {
        let names = match self.ctx.list_readers_owned() {
            Ok(n) => n,
            Err(pcsc::Error::NoReadersAvailable) => return Ok(Vec::new()),
            Err(e) => return Err(map_error(e)),
        };
        let mut states: Vec<ReaderState> =
            names.into_iter().map(|n| ReaderState::new(n, State::UNAWARE)).collect();
        if states.is_empty() {
            return Ok(Vec::new());
        }
        self.ctx.get_status_change(Duration::ZERO, &mut states).map_err(map_error)?;
        Ok(states.iter().map(reader_info).collect())
    }

    /// Connects (shared) to the card in `reader`, or in the first reader holding a card.
    pub fn connect(&self, reader: Option<&str>) -> Result<PcscConnection, TransportError> {
        let readers = self.readers()?;
        if readers.is_empty() {
            return Err(TransportError::NoReader);
        }
        let chosen = match reader {
            Some(name) => readers
                .iter()
                .find(|r| r.name == name)
                .ok_or_else(|| TransportError::UnknownReader(name.to_owned()))?,
            None => readers.iter().find(|r| r.card_present).ok_or(TransportError::NoCard)?,
        };
        let cname = CString::new(chosen.name.clone()).map_err(|_| TransportError::UnknownReader(chosen.name.clone()))?;
        let card = self.ctx.connect(&cname, ShareMode::Shared, Protocols::ANY).map_err(map_error)?;
        let atr = card.status2_owned().map_err(map_error)?.atr().to_vec();
        tracing::debug!(reader = %chosen.name, atr = %tessera_apdu::apdu::hex(&atr), "connected");
        Ok(PcscConnection {
            card: Some(card),
            ctx: self.ctx.clone(),
            reader: chosen.name.clone(),
            atr,
            watch: None,
            trust_simulated: false,
            keep_verified: false,
            verified_left: std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
        })
    }

    /// A monitor of reader and card events on its own context.
    pub fn monitor() -> Result<ReaderMonitor, TransportError> {
        ReaderMonitor::new()
    }
}

fn reader_info(s: &ReaderState) -> ReaderInfo {
    let st = s.event_state();
    ReaderInfo {
        name: s.name().to_string_lossy().into_owned(),
        card_present: st.contains(State::PRESENT) && !st.contains(State::MUTE),
        exclusive: st.contains(State::EXCLUSIVE),
        atr: if st.contains(State::PRESENT) { s.atr().to_vec() } else { Vec::new() },
        event_count: s.event_count(),
    }
}

/// Waits for reader and card events with `SCardGetStatusChange` (including the PnP
/// pseudo-reader for readers plugged in or out). No polling loop: each call blocks in the
/// service until something changes or the timeout passes.
pub struct ReaderMonitor {
    ctx: Context,
    states: Vec<ReaderState>,
}

impl ReaderMonitor {
    fn new() -> Result<Self, TransportError> {
        let ctx = Context::establish(Scope::User).map_err(map_error)?;
        let pnp = ReaderState::new(pcsc::PNP_NOTIFICATION(), State::UNAWARE);
        let mut m = Self { ctx, states: vec![pnp] };
        m.refresh_reader_list()?;
        m.ctx.get_status_change(Duration::ZERO, &mut m.states).map_err(map_error)?;
        m.sync();
        Ok(m)
    }

    fn is_pnp(s: &ReaderState) -> bool {
        s.name() == pcsc::PNP_NOTIFICATION()
    }

    fn refresh_reader_list(&mut self) -> Result<(), TransportError> {
        let names = match self.ctx.list_readers_owned() {
            Ok(n) => n,
            Err(pcsc::Error::NoReadersAvailable) => Vec::new(),
            Err(e) => return Err(map_error(e)),
        };
        self.states.retain(|s| Self::is_pnp(s) || names.iter().any(|n| n.as_c_str() == s.name()));
        for n in names {
            if !self.states.iter().any(|s| s.name() == n.as_c_str()) {
                self.states.push(ReaderState::new(n, State::UNAWARE));
            }
        }
        Ok(())
    }

    fn sync(&mut self) {
        for s in &mut self.states {
            s.sync_current_state();
        }
    }

    /// The readers as last seen.
    pub fn snapshot(&self) -> Vec<ReaderInfo> {
        self.states.iter().filter(|s| !Self::is_pnp(s)).map(reader_info).collect()
    }

    /// Blocks until a reader or card changes (or `timeout`), then returns the new snapshot.
    pub fn wait(&mut self, timeout: Duration) -> Result<Vec<ReaderInfo>, TransportError> {
        match self.ctx.get_status_change(timeout, &mut self.states) {
            Ok(()) => {}
            Err(pcsc::Error::Timeout) => return Err(TransportError::Timeout),
            Err(e) => return Err(map_error(e)),
        }
        let readers_changed = self.states.iter().any(|s| {
            Self::is_pnp(s) && s.event_state().contains(State::CHANGED)
                || s.event_state().intersects(State::UNKNOWN | State::IGNORE)
        });
        self.sync();
        if readers_changed {
            self.refresh_reader_list()?;
            self.ctx.get_status_change(Duration::ZERO, &mut self.states).map_err(map_error)?;
            self.sync();
        }
        Ok(self.snapshot())
    }

    /// Waits until `pred` holds for the reader list, or `timeout` passes.
    pub fn wait_until(
        &mut self,
        timeout: Duration,
        mut pred: impl FnMut(&[ReaderInfo]) -> bool,
    ) -> Result<Vec<ReaderInfo>, TransportError> {
        let deadline = Instant::now() + timeout;
        let mut snap = self.snapshot();
        while !pred(&snap) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(TransportError::Timeout);
            }
            snap = self.wait(left)?;
        }
        Ok(snap)
    }
}

/// A shared connection to one card. Dropping it leaves the card as it is (no reset), so other
/// programs' sessions survive a status read; transactions that carried a PIN reset the card
/// when they end, so no verified state is left behind — except for a kept login
/// ([`Connection::keep_verified`]), which [`Connection::end_login`] or the drop of the
/// connection ends.
pub struct PcscConnection {
    card: Option<pcsc::Card>,
    ctx: Context,
    reader: String,
    atr: Vec<u8>,
    watch: Option<Watch>,
    trust_simulated: bool,
    keep_verified: bool,
    /// A transaction carried a PIN and left the card verified (shared with the transactions).
    verified_left: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl PcscConnection {
    /// Whether the reader has a PIN pad (PC/SC part 10 features VERIFY_PIN_START/DIRECT);
    /// `None` when the reader will not say (vpcd, for one, does not support SCardControl).
    pub fn has_pinpad(&self) -> Option<bool> {
        let card = self.card.as_ref()?;
        let mut buf = [0u8; 256];
        let features = card.control(pcsc::ctl_code(3400), &[], &mut buf).ok()?;
        // TLV list: tag (1 byte), length (always 4), control code.
        Some(features.chunks(6).any(|f| matches!(f.first(), Some(0x01 | 0x06))))
    }
}

impl Connection for PcscConnection {
    fn reader(&self) -> &str {
        &self.reader
    }

    fn atr(&self) -> &[u8] {
        &self.atr
    }

    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>, TransportError> {
        let card = self.card.as_mut().ok_or(TransportError::CardRemoved)?;
        if let Err(pcsc::Error::ResetCard) = card.status2_owned() {
            // Another program reset the card since our last transaction. The handle is made
            // usable again; only a kept login is lost by it, and then the caller is told once
            // (nothing else of ours was pending on the card).
            card.reconnect(ShareMode::Shared, Protocols::ANY, Disposition::LeaveCard).map_err(map_error)?;
            if self.verified_left.swap(false, std::sync::atomic::Ordering::SeqCst) {
                return Err(TransportError::Reset);
            }
        }
        // Blocks while another program holds a transaction on this card (see `Watch`).
        let tx = card.transaction().map_err(map_error)?;
        if let Some(w) = &self.watch
            && !w.try_begin() {
                let _ = tx.end(Disposition::LeaveCard);
                return Err(TransportError::Cancelled);
            }
        Ok(Box::new(PcscTransaction {
            tx: Some(tx),
            sensitive_sent: false,
            card_gone: false,
            keep_verified: self.keep_verified,
            verified_left: self.verified_left.clone(),
            watch: self.watch.clone(),
        }))
    }

    fn keep_verified(&mut self, keep: bool) {
        self.keep_verified = keep;
    }

    fn end_login(&mut self) {
        if self.verified_left.swap(false, std::sync::atomic::Ordering::SeqCst) && self.reset_if_alone() {
            tracing::debug!(reader = %self.reader, "login ended: card reset");
        }
    }

    fn reset_if_alone(&mut self) -> bool {
        // Leave first, then look: another connection to the card keeps it "in use".
        if let Some(card) = self.card.take() {
            let _ = card.disconnect(Disposition::LeaveCard);
        }
        let Ok(name) = CString::new(self.reader.clone()) else { return false };
        let mut state = [ReaderState::new(name.clone(), State::UNAWARE)];
        let others = self.ctx.get_status_change(Duration::ZERO, &mut state).is_ok() && state[0].event_state().contains(State::INUSE);
        let Ok(mut card) = self.ctx.connect(&name, ShareMode::Shared, Protocols::ANY) else { return false };
        let reset = !others && card.reconnect(ShareMode::Shared, Protocols::ANY, Disposition::ResetCard).is_ok();
        if others {
            tracing::debug!(reader = %self.reader, "another program is connected: the card is left as it is");
        }
        self.card = Some(card);
        reset
    }

    fn set_watch(&mut self, watch: Option<Watch>) {
        self.watch = watch;
    }

    fn trusts_simulated_cards(&self) -> bool {
        self.trust_simulated
    }

    fn set_trust_simulated_cards(&mut self, trust: bool) {
        self.trust_simulated = trust;
    }
}

impl Drop for PcscConnection {
    fn drop(&mut self) {
        self.end_login();
        if let Some(card) = self.card.take() {
            let _ = card.disconnect(Disposition::LeaveCard);
        }
    }
}

struct PcscTransaction<'a> {
    tx: Option<pcsc::Transaction<'a>>,
    sensitive_sent: bool,
    /// The card vanished or died mid-command: nothing left to reset. (Asking vpcd to reset a
    /// card whose socket is closed also wedges its slot until pcscd restarts.)
    card_gone: bool,
    keep_verified: bool,
    verified_left: std::sync::Arc<std::sync::atomic::AtomicBool>,
    watch: Option<Watch>,
}

impl Transaction for PcscTransaction<'_> {
    fn transmit(&mut self, cmd: &CommandApdu) -> Result<Vec<u8>, TransportError> {
        let tx = self.tx.as_ref().ok_or(TransportError::CardRemoved)?;
        self.sensitive_sent |= cmd.is_sensitive();
        if let (Some(w), true) = (&self.watch, cmd.is_sensitive()) {
            w.mark_secret_sent();
        }
        let send = cmd.to_bytes();
        let mut buf = zeroize::Zeroizing::new(vec![0u8; pcsc::MAX_BUFFER_SIZE_EXTENDED]);
        match tx.transmit(&send, &mut buf).map_err(map_error) {
            Ok(resp) => {
                self.card_gone |= resp.len() < 2;
                Ok(resp.to_vec())
            }
            Err(e) => {
                self.card_gone |= matches!(e, TransportError::CardRemoved | TransportError::NoCard | TransportError::Unresponsive);
                Err(e)
            }
        }
    }

    fn reset(&mut self) -> Result<(), TransportError> {
        let tx = self.tx.as_mut().ok_or(TransportError::CardRemoved)?;
        tx.reconnect(ShareMode::Shared, Protocols::ANY, Disposition::ResetCard).map_err(map_error)?;
        tracing::debug!("card reset within the transaction");
        Ok(())
    }
}

impl Drop for PcscTransaction<'_> {
    fn drop(&mut self) {
        if let Some(tx) = self.tx.take() {
            let reset = self.sensitive_sent && !self.card_gone && !self.keep_verified;
            if self.sensitive_sent && !self.card_gone && self.keep_verified {
                self.verified_left.store(true, std::sync::atomic::Ordering::SeqCst);
            }
            let _ = tx.end(if reset { Disposition::ResetCard } else { Disposition::LeaveCard });
        }
        if let Some(w) = &self.watch {
            w.ended();
        }
    }
}
