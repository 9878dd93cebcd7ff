//! Simulated CNS cards, faithful to the CNS spec §7 so that independent software (OpenSC)
//! accepts them: a real file system, a PIN/PUK engine with counters, an RSA key with a
//! certificate from a test CA, raw-RSA PSO, command chaining, and fault injection.
//!
//! One [`SimCard`] is reachable in process ([`SimCard::connect`], for unit tests and `--demo`)
//! and as a vpcd virtual card ([`vpcd::run`], for tests through the real PC/SC stack). It counts
//! every APDU and every PIN/PUK try it receives, so tests can assert on them.

mod cie;
mod cns;
mod config;
mod engine;
pub mod fs;
mod hex;
pub mod keys;
pub mod vpcd;

use tessera_apdu::apdu::CommandApdu;
use tessera_apdu::transport::{Connection, Transaction, TransportError};
pub use config::{Counters, DEFAULT_PIN, DEFAULT_PUK, Fault, FaultKind, Preset, SimConfig, SimProfile, Trigger};
use engine::{Engine, Outcome};
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// A simulated card. Clones share the same card.
#[derive(Clone)]
pub struct SimCard {
    inner: Arc<Mutex<Engine>>,
}

impl fmt::Debug for SimCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SimCard")
    }
}

impl SimCard {
    /// Builds a card.
    pub fn new(config: SimConfig) -> Self {
        Self { inner: Arc::new(Mutex::new(Engine::new(&config))) }
    }

    /// A CPS with the default secrets in the given state.
    pub fn cps(preset: Preset) -> Self {
        Self::new(SimConfig::new(SimProfile::Cps, preset))
    }

    /// A CIE (Bit4id family) with the default secrets in the given state.
    pub fn cie(preset: Preset) -> Self {
        Self::new(SimConfig::new(SimProfile::Cie, preset))
    }

    fn engine(&self) -> MutexGuard<'_, Engine> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Replaces the card's whole state (same `SimCard` handle, e.g. while it sits in vpcd).
    pub fn replace(&self, config: SimConfig) {
        *self.engine() = Engine::new(&config);
    }

    /// The ATR.
    pub fn atr(&self) -> Vec<u8> {
        self.engine().atr().to_vec()
    }

    /// Answers a reader's GET ATR and counts it (a vpcd card is really in the slot once it
    /// has been asked for its ATR).
    pub fn answer_get_atr(&self) -> Vec<u8> {
        let mut e = self.engine();
        e.atr_requests += 1;
        e.atr().to_vec()
    }

    /// How many times a reader asked for the ATR.
    pub fn atr_requests(&self) -> u64 {
        self.engine().atr_requests
    }

    /// The certificate on the card, DER.
    pub fn certificate_der(&self) -> Vec<u8> {
        self.engine().certificate().to_vec()
    }

    /// What the card has received so far.
    pub fn counters(&self) -> Counters {
        self.engine().counters.clone()
    }

    /// Zeroes the counters.
    pub fn reset_counters(&self) {
        self.engine().counters = Counters::default();
    }

    /// PIN tries left on the card.
    pub fn pin_tries_left(&self) -> u8 {
        self.engine().tries_left().0
    }

    /// PUK tries left on the card.
    pub fn puk_tries_left(&self) -> u8 {
        self.engine().tries_left().1
    }

    /// Whether `pin` is the card's current PIN (no try spent: test inspection only).
    pub fn pin_is(&self, pin: &str) -> bool {
        self.engine().pin_matches(pin.as_bytes())
    }

    /// Whether the PIN is verified on the card now (test inspection only).
    pub fn pin_verified(&self) -> bool {
        self.engine().pin_verified()
    }

    /// Arms a one-shot fault.
    pub fn inject(&self, fault: Fault) {
        self.engine().faults.push(fault);
    }

    /// A CNS card of an unknown model: every file and application select answers 6A82 (the
    /// ATR stays a CNS one). No effect on a CIE.
    pub fn set_files_absent(&self, absent: bool) {
        if let engine::Applet::Cns(c) = &mut self.engine().applet {
            c.files_absent = absent;
        }
    }

    /// A CNS card whose EF_DatiPersonali holds these 16 fields (surname is field 4, name 5).
    /// No effect on a CIE.
    pub fn set_cns_personal_data(&self, fields: &[&str; 16]) {
        if let engine::Applet::Cns(c) = &mut self.engine().applet {
            c.set_personal_data(fields);
        }
    }

    /// A forged CIE: its chip key is not the one its EF.SOD lists (the chip still proves it has
    /// the key it shows). No effect on a CNS card.
    pub fn forge_cie_chip_key(&self) {
        if let engine::Applet::Cie(c) = &mut self.engine().applet {
            c.forge_chip_key();
        }
    }

    /// A CIE without EF.SOD: nothing ties its chip key to an authority. No effect on a CNS card.
    pub fn remove_cie_sod(&self) {
        if let engine::Applet::Cie(c) = &mut self.engine().applet {
            c.remove_sod();
        }
    }

    /// A hostile CIE for robustness tests: hands out these DH parameters (g, p, q). No effect
    /// on a CNS card.
    pub fn set_cie_dh(&self, g: Vec<u8>, p: Vec<u8>, q: Vec<u8>) {
        if let engine::Applet::Cie(c) = &mut self.engine().applet {
            c.set_dh(g, p, q);
        }
    }

    /// A hostile CIE for robustness tests: under secure messaging every READ BINARY answers
    /// 256 bytes and 9000, at any offset, so the file never ends. No effect on a CNS card.
    pub fn set_cie_endless_files(&self, on: bool) {
        if let engine::Applet::Cie(c) = &mut self.engine().applet {
            c.endless_files = on;
        }
    }

    /// Makes every answer take this long (a slow card).
    pub fn set_latency(&self, d: Duration) {
        self.engine().latency = d;
    }

    /// Whether the card is in the (virtual) reader.
    pub fn is_present(&self) -> bool {
        self.engine().present
    }

    /// Puts a removed card back (powered up fresh).
    pub fn reinsert(&self) {
        let mut e = self.engine();
        e.present = true;
        e.power_reset();
    }

    /// Power-on / reset: clears security state, current file, SE and chaining.
    pub fn power_reset(&self) {
        self.engine().power_reset();
    }

    /// Processes one command APDU (raw bytes), sleeping for the configured latency.
    pub(crate) fn process(&self, raw: &[u8]) -> Outcome {
        let (outcome, latency) = {
            let mut e = self.engine();
            let o = e.handle(raw);
            let extra = std::mem::take(&mut e.stall);
            (o, e.latency + extra)
        };
        if !latency.is_zero() {
            std::thread::sleep(latency);
        }
        outcome
    }

    /// An in-process connection to this card, as if through a reader named "Tessera demo card".
    pub fn connect(&self) -> Result<SimConnection, TransportError> {
        if !self.is_present() {
            return Err(TransportError::NoCard);
        }
        self.power_reset();
        self.connect_shared()
    }

    /// A further connection to the card as it is (another program's: no power-on, nothing of
    /// the first connection's state is touched).
    pub fn connect_shared(&self) -> Result<SimConnection, TransportError> {
        if !self.is_present() {
            return Err(TransportError::NoCard);
        }
        Ok(SimConnection { card: self.clone(), atr: self.atr(), keep_verified: false, verified_left: false })
    }
}

/// Reader name of the in-process simulated card.
pub const SIM_READER_NAME: &str = "Tessera demo card (simulated)";

/// An in-process connection to a [`SimCard`].
pub struct SimConnection {
    card: SimCard,
    atr: Vec<u8>,
    keep_verified: bool,
    /// A transaction carried a PIN and left the card verified.
    verified_left: bool,
}

impl Connection for SimConnection {
    fn reader(&self) -> &str {
        SIM_READER_NAME
    }

    fn atr(&self) -> &[u8] {
        &self.atr
    }

    /// The in-process demo card is Tessera's own: it may receive the demo PINs.
    fn trusts_simulated_cards(&self) -> bool {
        true
    }

    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>, TransportError> {
        if !self.card.is_present() {
            return Err(TransportError::CardRemoved);
        }
        let keep = self.keep_verified;
        Ok(Box::new(SimTransaction { card: &self.card, sensitive_sent: false, keep, verified_left: &mut self.verified_left }))
    }

    fn keep_verified(&mut self, keep: bool) {
        self.keep_verified = keep;
    }

    /// In process no other program can be connected: a kept login always ends with a reset.
    fn end_login(&mut self) {
        if std::mem::take(&mut self.verified_left) {
            self.card.power_reset();
        }
    }
}

impl Drop for SimConnection {
    fn drop(&mut self) {
        self.end_login();
    }
}

struct SimTransaction<'a> {
    card: &'a SimCard,
    sensitive_sent: bool,
    keep: bool,
    verified_left: &'a mut bool,
}

impl Transaction for SimTransaction<'_> {
    fn transmit(&mut self, cmd: &CommandApdu) -> Result<Vec<u8>, TransportError> {
        if !self.card.is_present() {
            return Err(TransportError::CardRemoved);
        }
        self.sensitive_sent |= cmd.is_sensitive();
        match self.card.process(&cmd.to_bytes()) {
            Outcome::Reply(r) => Ok(r),
            Outcome::Removed => Err(TransportError::CardRemoved),
            Outcome::Reset => Err(TransportError::Reset),
            Outcome::Mute => Ok(Vec::new()),
        }
    }

    fn reset(&mut self) -> Result<(), TransportError> {
        if !self.card.is_present() {
            return Err(TransportError::CardRemoved);
        }
        self.card.power_reset();
        Ok(())
    }
}

impl Drop for SimTransaction<'_> {
    fn drop(&mut self) {
        // Like the PC/SC transport: a transaction that carried a PIN ends with a card reset,
        // unless the connection keeps a login.
        if self.sensitive_sent && self.keep {
            *self.verified_left = true;
        } else if self.sensitive_sent {
            self.card.power_reset();
        }
    }
}
