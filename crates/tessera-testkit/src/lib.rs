//! Helpers shared by the integration tests (the app's `tests/` and the PKCS#11 module's):
//! simulated cards in process, and the PC/SC testbed (a private pcscd + vsmartcard vpcd started
//! by `cargo xtask test` / `cargo xtask testbed`, with our simulated card connected to it over
//! TCP from a thread of the test process).
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::path::PathBuf;
use std::process::Command;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tessera_sim::{Preset, SimCard, SimConfig, SimProfile, vpcd};
use tessera_pcsc::{PcscConnection, PcscContext};

pub const PIN: &str = tessera_sim::DEFAULT_PIN;
pub const PUK: &str = tessera_sim::DEFAULT_PUK;

pub fn pin(s: &str) -> tessera_core::secret::Pin {
    tessera_core::secret::Pin::parse(s.into(), tessera_core::card::cns::PIN_RULE).expect("test PIN is well formed")
}

pub fn puk(s: &str) -> tessera_core::secret::Puk {
    tessera_core::secret::Puk::parse(s.into(), tessera_core::card::cns::PUK_RULE).expect("test PUK is well formed")
}

/// The PC/SC testbed must be up: tests that need it are `#[ignore]`d and run explicitly inside
/// the testbed (`cargo xtask test` runs them with `--include-ignored`), so a missing testbed is a
/// failure, never a silent pass.
pub fn testbed_expected() {
    assert_eq!(
        std::env::var("TESSERA_PCSC_TESTBED").as_deref(),
        Ok("1"),
        "this test needs the PC/SC testbed: run it with cargo xtask test (or cargo xtask testbed cargo test -- --ignored)"
    );
}

/// The private pcscd's folder (its socket, pid file and /run/pcscd), from the testbed's
/// `PCSCLITE_CSOCK_NAME`.
fn pcscd_dir() -> PathBuf {
    let sock = std::env::var_os("PCSCLITE_CSOCK_NAME").map(PathBuf::from).expect("the testbed sets PCSCLITE_CSOCK_NAME");
    sock.parent().expect("socket folder").to_owned()
}

/// The testbed's virtual slot, held by one test at a time.
pub struct Testbed {
    pub card: SimCard,
    server: Option<JoinHandle<()>>,
    stop: Arc<AtomicBool>,
    /// A pcscd this process started ([`Testbed::start_pcscd`]); reaped when stopped.
    pcscd: Option<std::process::Child>,
}

static TESTBED: OnceLock<Mutex<Testbed>> = OnceLock::new();

impl Testbed {
    /// Exclusive use of the testbed's virtual slot, with the card reset to `config` and present.
    /// Panics outside the testbed.
    pub fn with(config: SimConfig) -> MutexGuard<'static, Testbed> {
        testbed_expected();
        let tb = TESTBED.get_or_init(|| {
            Mutex::new(Testbed { card: SimCard::cps(Preset::Fresh), server: None, stop: Arc::new(AtomicBool::new(false)), pcscd: None })
        });
        let mut g = tb.lock().unwrap_or_else(|p| p.into_inner());
        let old_atr = g.card.atr();
        g.card.replace(config);
        if g.card.atr() != old_atr && g.server.is_some() {
            // pcscd keeps the ATR of the insertion: a card of another kind must be re-inserted.
            g.stop.store(true, Ordering::Relaxed);
            if let Some(h) = g.server.take() {
                let _ = h.join();
            }
            g.wait_removed();
        }
        g.ensure_inserted();
        g
    }

    /// [`Testbed::with`] a simulated CPS.
    pub fn cps(preset: Preset) -> MutexGuard<'static, Testbed> {
        Self::with(SimConfig::new(SimProfile::Cps, preset))
    }

    /// [`Testbed::with`] a simulated CIE.
    pub fn cie(preset: Preset) -> MutexGuard<'static, Testbed> {
        Self::with(SimConfig::new(SimProfile::Cie, preset))
    }

    pub fn ensure_inserted(&mut self) {
        let alive = self.server.as_ref().is_some_and(|h| !h.is_finished());
        if !alive {
            if let Some(h) = self.server.take() {
                let _ = h.join();
            }
            let card = self.card.clone();
            card.reinsert();
            let asked = card.atr_requests();
            self.stop = Arc::new(AtomicBool::new(false));
            let stop = Some(self.stop.clone());
            let stream = vpcd::connect(vpcd::DEFAULT_ADDR, Duration::from_secs(10)).expect("vpcd reachable");
            self.server = Some(std::thread::spawn(move || {
                let _ = vpcd::serve(&card, stream, stop);
            }));
            // vpcd accepts a new card only once the previous one has left the slot, and then
            // asks for its ATR: wait for that, so a stale PRESENT of the old card cannot fool us.
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            while self.card.atr_requests() == asked {
                assert!(std::time::Instant::now() < deadline, "vpcd never polled the simulated card");
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let atr = self.card.atr();
        let mut mon = PcscContext::monitor().expect("pcscd running");
        mon.wait_until(Duration::from_secs(10), |rs| rs.iter().any(|r| r.card_present && r.atr == atr))
            .expect("simulated card appears in the reader");
        self.card.reset_counters();
    }

    /// Pulls the simulated card out of the reader (closes its vpcd connection) and waits until
    /// pcscd sees the reader empty.
    pub fn remove(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.server.take() {
            let _ = h.join();
        }
        self.wait_removed();
    }

    /// Puts the card back (after [`Testbed::remove`]) and waits until pcscd sees it.
    pub fn insert(&mut self) {
        self.ensure_inserted();
    }

    /// Waits until the reader is empty (after a removal fault).
    pub fn wait_removed(&mut self) {
        let mut mon = PcscContext::monitor().expect("pcscd running");
        mon.wait_until(Duration::from_secs(10), |rs| rs.iter().all(|r| !r.card_present)).expect("card leaves the reader");
    }

    /// Stops the testbed's pcscd, as an update or a crash of the smart-card service does (the
    /// card's link to vpcd goes with it), and waits until it is gone.
    pub fn stop_pcscd(&mut self) {
        let dir = pcscd_dir();
        let pid = std::fs::read_to_string(dir.join("pcscd.pid")).expect("the testbed's pcscd.pid");
        // pcscd pads its pid file with NUL bytes.
        let pid: String = pid.chars().take_while(char::is_ascii_digit).collect();
        assert!(Command::new("kill").arg(&pid).status().expect("kill").success(), "pcscd {pid} stopped");
        let deadline = Instant::now() + Duration::from_secs(10);
        // Gone: no process, or a zombie (the first pcscd's parent, xtask, reaps it only at the end).
        let running = || std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|st| !st.rsplit_once(") ").is_some_and(|(_, rest)| rest.starts_with('Z')));
        while running() || dir.join("pcscd.comm").exists() {
            assert!(Instant::now() < deadline, "pcscd {pid} did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
        if let Some(mut ours) = self.pcscd.take() {
            let _ = ours.wait();
        }
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.server.take() {
            let _ = h.join();
        }
    }

    /// Starts a new pcscd on the testbed's socket folder, in this process's network namespace
    /// (the testbed's: vpcd listens there), and puts the card back. It outlives the test, for the
    /// tests after it; `cargo xtask` stops it by its pid file when the run ends.
    pub fn start_pcscd(&mut self) {
        let dir = pcscd_dir();
        let flags = std::env::var("PCSCD_ARGS").unwrap_or_default();
        let script = format!("mount --bind '{}' /run/pcscd && exec pcscd --foreground {flags}", dir.display());
        let log = std::fs::File::create(dir.with_extension("restarted.log")).expect("pcscd log");
        let child = Command::new("unshare")
            .args(["--mount", "--", "sh", "-c", &script])
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("pcscd started");
        self.pcscd = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while PcscContext::establish().is_err() {
            assert!(Instant::now() < deadline, "the new pcscd answers");
            std::thread::sleep(Duration::from_millis(50));
        }
        self.ensure_inserted();
    }

    /// A connection that trusts the simulated card with PINs (an explicit test choice: the
    /// simulated CIE uses Tessera's public test authority, refused otherwise).
    pub fn connect(&self) -> PcscConnection {
        use tessera_core::transport::Connection;
        let mut c = PcscContext::establish().expect("pcscd").connect(None).expect("card present");
        c.set_trust_simulated_cards(true);
        c
    }
}

/// An in-process CPS.
pub fn sim(preset: Preset) -> SimCard {
    SimCard::cps(preset)
}
