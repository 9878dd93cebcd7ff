//! Writes seed inputs for the `hostile_card` fuzz target: real sessions with the simulated cards
//! (every answer recorded in the target's script format), so the fuzzer starts from complete
//! operations on each lot and mutates from there. Also a seed for `personal_data`.
//!   cargo run -p tessera-sim --example fuzz-seeds -- fuzz/corpus

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tessera_core::apdu::CommandApdu;
use tessera_core::secret::{LengthRule, Pin, Puk};
use tessera_core::service::{self, ChangePin, UnblockPin};
use tessera_core::transport::{Connection, Transaction, TransportError};
use tessera_sim::{Preset, SimCard, SimConfig, SimProfile};

/// The fuzz target's ATR table order.
const PROFILES: [SimProfile; 6] = [SimProfile::Cps, SimProfile::TsCns, SimProfile::Ace2025, SimProfile::St2022Nfc, SimProfile::Cie, SimProfile::CieGemalto];

struct Recorder<C> {
    inner: C,
    script: Arc<Mutex<Vec<u8>>>,
}

struct RecTx<'a> {
    inner: Box<dyn Transaction + 'a>,
    script: Arc<Mutex<Vec<u8>>>,
}

impl Transaction for RecTx<'_> {
    fn transmit(&mut self, cmd: &CommandApdu) -> Result<Vec<u8>, TransportError> {
        let r = self.inner.transmit(cmd)?;
        if r.len() >= 2 {
            let mut s = self.script.lock().unwrap_or_else(|p| p.into_inner());
            s.push((r.len() - 2).min(255) as u8);
            s.extend_from_slice(&r[..(r.len() - 2).min(255)]);
            s.extend_from_slice(&r[r.len() - 2..]);
        }
        Ok(r)
    }
}

impl<C: Connection> Connection for Recorder<C> {
    fn reader(&self) -> &str {
        self.inner.reader()
    }
    fn atr(&self) -> &[u8] {
        self.inner.atr()
    }
    fn trusts_simulated_cards(&self) -> bool {
        true
    }
    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>, TransportError> {
        Ok(Box::new(RecTx { inner: self.inner.begin()?, script: self.script.clone() }))
    }
}

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "fuzz/corpus".into()));
    let dir = out.join("hostile_card");
    std::fs::create_dir_all(&dir).expect("corpus folder");
    for (i, profile) in PROFILES.iter().enumerate() {
        let cie = matches!(profile, SimProfile::Cie | SimProfile::CieGemalto);
        let rule = if cie { LengthRule { min: 8, max: 8 } } else { LengthRule { min: 5, max: 8 } };
        for op in 0u8..5 {
            let preset = if op == 4 { Preset::PinBlocked } else { Preset::Fresh };
            let card = SimCard::new(SimConfig { pin: "31415926".into(), puk: "27182818".into(), ..SimConfig::new(*profile, preset) });
            let script = Arc::new(Mutex::new(Vec::new()));
            let mut c = Recorder { inner: card.connect().expect("connect"), script: script.clone() };
            let pin = |s: &str| Pin::parse(s.into(), rule).expect("pin");
            let _ = match op {
                0 => service::overview(&mut c).map(|_| ()),
                1 => service::read_certificate(&mut c).map(|_| ()),
                2 => service::pin_status(&mut c).map(|_| ()),
                3 => service::change_pin(&mut c, ChangePin { current: pin("31415926"), new: pin("58209749"), confirm_last_try: true }).map(|_| ()),
                _ => {
                    let puk = Puk::parse("27182818".into(), LengthRule { min: 8, max: 8 }).expect("puk");
                    service::unblock_pin(&mut c, UnblockPin { puk, new: pin("58209749"), confirm_last_try: true }).map(|_| ())
                }
            };
            // The target's selector byte: ATR index i, operation op (see fuzz_targets/hostile_card.rs).
            let sel = (op * 8) as usize + i;
            let mut seed = vec![sel as u8];
            seed.extend_from_slice(&script.lock().unwrap_or_else(|p| p.into_inner()));
            std::fs::write(dir.join(format!("{profile:?}-op{op}").to_lowercase()), seed).expect("seed");
        }
    }
    // An EF_DatiPersonali record as the simulated CPS holds it (CNS spec §2.3), 0x00 to 400 bytes.
    let mut record = b"00007504402208010120200801012030\
07ESEMPIO05MARIA081503198501F0010SMPMRA85C55L378I0004L378000004L37814VIA DEL SIMULATORE 100"
        .to_vec();
    record.resize(400, 0);
    let pd = out.join("personal_data");
    std::fs::create_dir_all(&pd).expect("corpus folder");
    std::fs::write(pd.join("cps"), record).expect("seed");
    println!("seeds written under {}", out.display());
}
