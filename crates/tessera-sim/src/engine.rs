//! What every simulated card shares: presence, faults, latency, counters; the card's own
//! commands are handled by its applet (CNS or CIE).

use super::cie::CieApplet;
use super::cns::CnsApplet;
use super::config::{Counters, Fault, FaultKind, Preset, SimConfig, SimProfile, Trigger};
use crate::hex::unhex;
use std::time::Duration;

/// What the card does with a command.
pub(crate) enum Outcome {
    /// Answers (data ‖ SW).
    Reply(Vec<u8>),
    /// Has been pulled out.
    Removed,
    /// Was reset by someone else.
    Reset,
    /// Died mid-command: no bytes at all.
    Mute,
}

pub(crate) enum Applet {
    Cns(Box<CnsApplet>),
    Cie(Box<CieApplet>),
}

pub(crate) struct Engine {
    pub(crate) counters: Counters,
    pub(crate) faults: Vec<Fault>,
    /// A one-shot delay of the current answer (a stall fault).
    pub(crate) stall: Duration,
    pub(crate) latency: Duration,
    pub(crate) present: bool,
    pub(crate) atr_requests: u64,
    pub(crate) applet: Applet,
}

impl Engine {
    pub(crate) fn new(cfg: &SimConfig) -> Self {
        let applet = match cfg.profile {
            SimProfile::Cie | SimProfile::CieGemalto => {
                let atr = if cfg.profile == SimProfile::Cie {
                    "3B 8F 80 01 80 31 80 65 49 54 4A 34 44 12 0F FF 82 90 00 8D" // Bit4id 2023
                } else {
                    "3B 8F 80 01 80 31 80 65 B0 85 04 00 11 12 0F FF 82 90 00 8A" // Gemalto
                };
                let (pin_left, puk_left) = match cfg.preset {
                    Preset::PinLastTry => (1, 10),
                    Preset::PinBlocked => (0, 10),
                    Preset::PukLow => (0, 2),
                    Preset::PukBlocked => (0, 0),
                    _ => (3, 10),
                };
                let days = match cfg.preset {
                    Preset::CertExpiring => (-10 * 365 + 20, 20),
                    Preset::CertExpired => (-10 * 365 - 10, -10),
                    _ => (-365, 9 * 365),
                };
                let atr = unhex(atr);
                Applet::Cie(Box::new(CieApplet::new(atr, &cfg.pin, &cfg.puk, pin_left, puk_left, days)))
            }
            _ => Applet::Cns(Box::new(CnsApplet::new(cfg))),
        };
        Self { counters: Counters::default(), faults: Vec::new(), stall: Duration::ZERO, latency: Duration::ZERO, present: true, atr_requests: 0, applet }
    }

    pub(crate) fn atr(&self) -> &[u8] {
        match &self.applet {
            Applet::Cns(a) => &a.atr,
            Applet::Cie(a) => &a.atr,
        }
    }

    pub(crate) fn certificate(&self) -> &[u8] {
        match &self.applet {
            Applet::Cns(a) => &a.certificate,
            Applet::Cie(a) => &a.certificate,
        }
    }

    pub(crate) fn tries_left(&self) -> (u8, u8) {
        match &self.applet {
            Applet::Cns(a) => (a.pin_left, a.puk_left),
            Applet::Cie(a) => (a.pin_left, a.puk_left),
        }
    }

    pub(crate) fn pin_verified(&self) -> bool {
        match &self.applet {
            Applet::Cns(a) => a.verified,
            Applet::Cie(a) => a.pin_ok,
        }
    }

    pub(crate) fn pin_matches(&self, pin: &[u8]) -> bool {
        match &self.applet {
            Applet::Cns(a) => a.pin_matches(pin),
            Applet::Cie(a) => a.pin_matches(pin),
        }
    }

    pub(crate) fn power_reset(&mut self) {
        match &mut self.applet {
            Applet::Cns(a) => a.power_reset(),
            Applet::Cie(a) => a.power_reset(),
        }
    }

    fn take_fault(&mut self, ins: u8) -> Option<FaultKind> {
        let idx = self.faults.iter().position(|f| match f.when {
            Trigger::Ins(i) => i == ins,
            Trigger::After(k) => k <= 1,
        });
        for f in &mut self.faults {
            if let Trigger::After(k) = &mut f.when {
                *k = k.saturating_sub(1);
            }
        }
        idx.map(|i| self.faults.remove(i).what)
    }

    fn dispatch(&mut self, raw: &[u8]) -> Vec<u8> {
        match &mut self.applet {
            Applet::Cns(a) => a.dispatch(raw),
            Applet::Cie(a) => a.handle(raw),
        }
    }

    pub(crate) fn handle(&mut self, raw: &[u8]) -> Outcome {
        if !self.present {
            return Outcome::Removed;
        }
        self.counters.apdus += 1;
        let ins = raw.get(1).copied().unwrap_or(0);
        self.counters.ins_log.push(ins);
        tracing::debug!(target: "tessera::sim", n = self.counters.apdus, "sim apdu INS {ins:02X}");
        // Every PIN/PUK try received is counted, whatever happens to the command afterwards (a
        // fault, a wrong length, a blocked counter): what matters is what the client sent.
        let (pin, puk) = match &self.applet {
            Applet::Cns(a) => a.tries_in(raw),
            Applet::Cie(_) => CieApplet::tries_in(raw),
        };
        self.counters.pin_tries += pin;
        self.counters.puk_tries += puk;
        if pin + puk > 0 {
            // A try presented (never its value): scripts outside the process count these lines.
            tracing::debug!(target: "tessera::sim", "sim try PIN {pin} PUK {puk}");
        }
        match self.take_fault(ins) {
            Some(FaultKind::Removal { processed }) => {
                if processed {
                    let _ = self.dispatch(raw);
                }
                self.present = false;
                self.power_reset();
                Outcome::Removed
            }
            Some(FaultKind::Reset) => {
                self.power_reset();
                Outcome::Reset
            }
            Some(FaultKind::EmptyResponse) => {
                self.present = false;
                self.power_reset();
                Outcome::Mute
            }
            Some(FaultKind::StatusWord(s)) => Outcome::Reply(s.to_be_bytes().to_vec()),
            Some(FaultKind::Stall { millis }) => {
                self.stall = Duration::from_millis(millis);
                Outcome::Reply(self.dispatch(raw))
            }
            Some(FaultKind::Panic) => panic!("simulated card: injected panic at INS {ins:02X}"),
            Some(FaultKind::Corrupt) => {
                let mut r = self.dispatch(raw);
                if r.len() > 2 {
                    r[0] ^= 0x01;
                }
                Outcome::Reply(r)
            }
            None => Outcome::Reply(self.dispatch(raw)),
        }
    }
}
