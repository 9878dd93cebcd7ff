//! The card worker: a thread that owns all card I/O. The window sends [`Request`]s and gets
//! [`Event`]s back; every event wakes the window with `request_repaint`. Reader and card
//! changes come from a second thread blocked in `SCardGetStatusChange` (no polling loop).

use tessera_core::cert::ExportFormat;
use tessera_core::service::{self, CardOverview, CertificateInfo, ChangePin, PinOutcome, UnblockPin};
use tessera_sim::{Preset, SimCard, SimConfig, SimProfile};
use tessera_core::transport::{Connection, ReaderInfo, TransportError, Watch};
use tessera_pcsc::PcscContext;
use crate::error::CoreError;
use crate::{Error, Result};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Where the card comes from.
#[derive(Clone)]
pub enum Source {
    /// The smart-card service (a real reader).
    Pcsc,
    /// The built-in simulated card.
    Demo(SimCard),
    /// Training: no reader connected.
    DemoNoReader,
    /// Training: a card Tessera does not know.
    DemoUnknownCard,
}

impl Source {
    /// A demo card of the given model and state.
    pub fn demo(profile: SimProfile, preset: Preset) -> Self {
        Source::Demo(SimCard::new(SimConfig::new(profile, preset)))
    }

    /// Whether this is a demo source.
    pub fn is_demo(&self) -> bool {
        !matches!(self, Source::Pcsc)
    }
}

/// What the window asks the worker.
pub enum Request {
    /// Read readers and the card overview again.
    Refresh,
    /// Change the PIN (all input collected).
    ChangePin(ChangePin),
    /// Unblock the PIN (all input collected).
    Unblock(UnblockPin),
    /// Write the certificate to a file.
    Export {
        /// DER bytes.
        der: Vec<u8>,
        /// Format.
        format: ExportFormat,
        /// Target.
        path: PathBuf,
        /// Replace an existing file (only after the user said so).
        overwrite: bool,
    },
    /// Save the helpdesk report's text in the documents folder, under a name of its own.
    SaveReport(String),
    /// Save the helpdesk report's text where the user chose in the save dialog (which asked
    /// before replacing a file).
    SaveReportAs(PathBuf, String),
    /// Build the helpdesk report.
    Report {
        /// Include name and codice fiscale.
        include_personal_data: bool,
        /// The window's language (the report is read out to the helpdesk in it).
        lang: crate::i18n::Lang,
    },
    /// Run the card self-test (the PIN check is a real try).
    Selftest(tessera_core::secret::Pin, bool, crate::i18n::Lang),
    /// Browser databases and the module for this card type.
    BrowserStatus(crate::browser::Places),
    /// Register (true) or remove (false) the module in every browser database.
    BrowserChange(crate::browser::Places, bool),
    /// Switch to another card source.
    SetSource(Source),
    /// Stop.
    Shutdown,
}

// Hand-written: a derived Debug would print the PIN requests' fields (which are redacted
// anyway), but this makes the rule visible: no request is ever printed with its secrets.
impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Request::Refresh => "Refresh",
            Request::ChangePin(_) => "ChangePin(***)",
            Request::Unblock(_) => "Unblock(***)",
            Request::Export { .. } => "Export",
            Request::SaveReport(_) => "SaveReport",
            Request::SaveReportAs(..) => "SaveReportAs",
            Request::Report { .. } => "Report",
            Request::Selftest(..) => "Selftest(***)",
            Request::BrowserStatus(_) => "BrowserStatus",
            Request::BrowserChange(..) => "BrowserChange",
            Request::SetSource(_) => "SetSource",
            Request::Shutdown => "Shutdown",
        })
    }
}

/// What the worker reports.
#[derive(Debug)]
pub enum Event {
    /// The readers (empty: none).
    Readers(Result<Vec<ReaderInfo>>),
    /// The card overview, or why there is none.
    Overview(Box<Result<CardOverview>>),
    /// A PIN change finished.
    PinChanged(Result<PinOutcome>),
    /// An unblock finished.
    Unblocked(Result<PinOutcome>),
    /// The certificate was saved.
    Exported(Result<PathBuf>),
    /// The helpdesk report.
    Report(Box<crate::report::Report>),
    /// The self-test finished.
    Selftest(Result<crate::selftest::Selftest>),
    /// Browser databases (and the module, or why there is none); the result of a change.
    Browsers(Result<std::path::PathBuf>, Vec<crate::browser::DatabaseState>, Option<Result<()>>),
    /// A bug in Tessera stopped the last request (caught; the worker goes on).
    Internal(String),
    /// The counters read once the card was back after an interrupted PIN operation.
    AfterCheck(service::Pending, tessera_core::service::AfterCheck),
    /// The worker started (true) or finished (false) talking to the card.
    Busy(bool),
}

/// Handle to the worker thread.
pub struct Worker {
    tx: Sender<Request>,
    rx: Receiver<Event>,
    handle: Option<JoinHandle<()>>,
    monitor: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
    /// What the window sees of the worker's card transactions (see `transport::Watch`).
    watch: Watch,
    /// The source the worker uses now (a replacement worker starts on it).
    source: Source,
    wake: std::sync::Arc<dyn Fn() + Send + Sync>,
}

thread_local! {
    /// The worker thread's watch: every connection it opens reports through it.
    static WATCH: std::cell::RefCell<Option<Watch>> = const { std::cell::RefCell::new(None) };
}

impl Worker {
    /// Starts the worker; `wake` is called after every event (the window's `request_repaint`).
    pub fn spawn(source: Source, wake: impl Fn() + Send + Sync + Clone + 'static) -> Self {
        Self::start(source, std::sync::Arc::new(wake))
    }

    fn start(source: Source, wake: std::sync::Arc<dyn Fn() + Send + Sync>) -> Self {
        let (tx, req_rx) = channel::<Request>();
        let (ev_tx, rx) = channel::<Event>();
        let w1 = wake.clone();
        let monitor = spawn_monitor(tx.clone(), move || w1());
        let watch = Watch::new();
        let (w2, thread_watch, thread_source) = (wake.clone(), watch.clone(), source.clone());
        let handle = std::thread::Builder::new()
            .name("tessera-card".into())
            .spawn(move || {
                WATCH.with(|w| *w.borrow_mut() = Some(thread_watch));
                run(thread_source, req_rx, ev_tx, move || w2());
            })
            .ok();
        let _ = tx.send(Request::Refresh);
        Self { tx, rx, handle, monitor, watch, source, wake }
    }

    /// Sends a request (ignored if the worker has stopped).
    pub fn send(&mut self, r: Request) {
        if let Request::SetSource(s) = &r {
            self.source = s.clone();
        }
        let _ = self.tx.send(r);
    }

    /// What the window sees of the current card transaction.
    pub fn watch(&self) -> &Watch {
        &self.watch
    }

    /// Leaves a worker that is stuck in the smart-card service (another program holds the card,
    /// or the card went mute) and starts a fresh one on the same source. The old thread is not
    /// joined: it ends by itself when the service lets it go (its transaction, if it comes
    /// after the user gave up, is ended with nothing sent).
    pub fn replace_stuck(&mut self) {
        let fresh = Self::start(self.source.clone(), self.wake.clone());
        let mut old = std::mem::replace(self, fresh);
        old.handle = None;
    }

    /// The events that arrived since the last call.
    pub fn events(&self) -> Vec<Event> {
        self.rx.try_iter().collect()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.tx.send(Request::Shutdown);
        if let Some((stop, h)) = self.monitor.take() {
            stop.store(true, Ordering::Relaxed);
            let _ = h.join();
        }
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// Watches readers and cards; each change asks the worker to refresh. It outlives the
/// smart-card service: when the service is not running (yet) or goes away (a pcscd restart), it
/// waits for it, and its return is a change too — the window never keeps saying "not running"
/// about a service that runs again.
fn spawn_monitor(tx: Sender<Request>, wake: impl Fn() + Send + 'static) -> Option<(Arc<AtomicBool>, JoinHandle<()>)> {
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = stop.clone();
    let h = std::thread::Builder::new()
        .name("tessera-monitor".into())
        .spawn(move || {
            // Only insertions, removals and reader changes matter: our own connections toggle
            // the "in use" flags, which must not trigger another read of the card.
            let key = |rs: &[ReaderInfo]| rs.iter().map(|r| (r.name.clone(), r.card_present, r.atr.clone())).collect::<Vec<_>>();
            let refresh = || {
                let sent = tx.send(Request::Refresh).is_ok();
                wake();
                sent
            };
            let mut service_was_down = false;
            while !stopped.load(Ordering::Relaxed) {
                let Ok(mut mon) = PcscContext::monitor() else {
                    service_was_down = true;
                    std::thread::sleep(Duration::from_secs(1));
                    continue;
                };
                if std::mem::take(&mut service_was_down) && !refresh() {
                    return;
                }
                let mut last = key(&mon.snapshot());
                // Short waits, so that closing the window never waits long for this thread.
                while !stopped.load(Ordering::Relaxed) {
                    match mon.wait(Duration::from_secs(1)) {
                        Ok(rs) => {
                            let now = key(&rs);
                            if now != last {
                                last = now;
                                if !refresh() {
                                    return;
                                }
                            }
                        }
                        Err(TransportError::Timeout) => {}
                        Err(e) => {
                            tracing::debug!(error = %e, "reader monitor: the service went away; waiting for it");
                            service_was_down = true;
                            if !refresh() {
                                return;
                            }
                            break;
                        }
                    }
                }
            }
        })
        .ok()?;
    Some((stop, h))
}

fn connect(source: &Source) -> Result<Box<dyn Connection>> {
    match source {
        Source::Pcsc => {
            let mut c = PcscContext::establish()?.connect(None)?;
            WATCH.with(|w| c.set_watch(w.borrow().clone()));
            Ok(Box::new(c))
        }
        Source::Demo(card) => Ok(Box::new(card.connect()?)),
        Source::DemoNoReader => Err(Error::Core(CoreError::Transport(TransportError::NoReader))),
        Source::DemoUnknownCard => Err(Error::Core(CoreError::UnsupportedCard { atr: "3B 02 14 50".into(), cie: false })),
    }
}

fn readers(source: &Source) -> Result<Vec<ReaderInfo>> {
    match source {
        Source::Pcsc => Ok(PcscContext::establish()?.readers()?),
        Source::Demo(card) => Ok(vec![ReaderInfo {
            name: tessera_sim::SIM_READER_NAME.into(),
            card_present: card.is_present(),
            exclusive: false,
            atr: card.atr(),
            event_count: 0,
        }]),
        Source::DemoNoReader => Ok(Vec::new()),
        Source::DemoUnknownCard => {
            Ok(vec![ReaderInfo { name: tessera_sim::SIM_READER_NAME.into(), card_present: true, exclusive: false, atr: vec![0x3B, 0x02, 0x14, 0x50], event_count: 0 }])
        }
    }
}

/// An interrupted PIN operation whose outcome the counters may still tell.
fn pending_of(r: &Result<PinOutcome>) -> Option<service::Pending> {
    match r {
        Err(Error::Core(CoreError::Interrupted(i))) if i.pending.stage != service::Stage::NothingSent => Some(i.pending),
        _ => None,
    }
}

/// With the card back after an interruption: reads the counters (no try spent) and reports.
/// Kept for the next card event when the card is not there yet.
fn check_pending(source: &Source, pending: &mut Option<service::Pending>, send: &impl Fn(Event)) {
    let Some(p) = *pending else { return };
    match connect(source).and_then(|mut c| Ok(service::check_after_interruption(c.as_mut(), &p)?)) {
        Ok(after) => {
            *pending = None;
            send(Event::AfterCheck(p, after));
        }
        Err(e) => tracing::debug!(error = %e, "card not back yet: the check waits for the next card event"),
    }
}

fn run(mut source: Source, rx: Receiver<Request>, tx: Sender<Event>, wake: impl Fn()) {
    let send = |e: Event| {
        let _ = tx.send(e);
        wake();
    };
    let mut pending: Option<service::Pending> = None;
    while let Ok(req) = rx.recv() {
        tracing::debug!(request = ?req, "card worker");
        if matches!(req, Request::Shutdown) {
            return;
        }
        // A bug in card code must not take the window down: the panic is caught, reported as
        // an internal error, and the worker goes on with the next request.
        let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handle(req, &mut source, &mut pending, &send)));
        if let Err(panic) = handled {
            let what = crate::error::panic_message(panic.as_ref());
            crate::report::errlog::record("internal_error", &what);
            send(Event::Internal(what));
            send(Event::Busy(false));
        }
    }
}

fn handle(req: Request, source: &mut Source, pending: &mut Option<service::Pending>, send: &impl Fn(Event)) {
    match req {
        Request::Shutdown => {}
        Request::SetSource(s) => {
            *source = s;
            busy(&send, || refresh(source, &send));
        }
        Request::Refresh => busy(&send, || {
            check_pending(source, pending, &send);
            refresh(source, &send);
        }),
        Request::ChangePin(r) => busy(&send, || {
            let res = connect(source).and_then(|mut c| service::change_pin(c.as_mut(), r).map_err(Error::from));
            *pending = pending_of(&res);
            send(Event::PinChanged(res));
            check_pending(source, pending, &send);
            refresh(source, &send);
        }),
        Request::Unblock(r) => busy(&send, || {
            let res = connect(source).and_then(|mut c| service::unblock_pin(c.as_mut(), r).map_err(Error::from));
            *pending = pending_of(&res);
            send(Event::Unblocked(res));
            check_pending(source, pending, &send);
            refresh(source, &send);
        }),
        Request::Export { der, format, path, overwrite } => {
            let res = crate::export::certificate(&der, format, &path, overwrite).map(|()| path);
            send(Event::Exported(res));
        }
        Request::SaveReport(text) => {
            let dir = dirs::document_dir().filter(|d| d.is_dir()).or_else(dirs::home_dir).unwrap_or_else(|| ".".into());
            send(Event::Exported(crate::report::save_new(&dir, &text)));
        }
        Request::SaveReportAs(path, text) => {
            let res = tessera_files::atomic::write(&path, text.as_bytes(), tessera_files::atomic::Existing::Replace)
                .map(|()| path.clone())
                .map_err(|source| Error::Core(CoreError::Io { path: path.display().to_string(), source }));
            send(Event::Exported(res));
        }
        Request::Report { include_personal_data, lang } => busy(&send, || {
            let rs = readers(source).map(|v| v.into_iter().map(|r| (r, None)).collect());
            let r = crate::report::build(rs, connect(source), include_personal_data, source.is_demo(), lang);
            send(Event::Report(Box::new(r)));
        }),
        Request::Selftest(pin, confirm, lang) => busy(&send, || {
            let res = connect(source).and_then(|mut c| crate::selftest::run(c.as_mut(), &pin, confirm));
            // Practice on the demo card stays out of the error log the helpdesk reads.
            if let Err(e) = &res
                && !source.is_demo()
            {
                crate::report::errlog::record("selftest", &crate::i18n::describe_error(e, lang).what);
            }
            send(Event::Selftest(res));
            refresh(source, &send);
        }),
        Request::BrowserStatus(places) => send(browsers(&places, None)),
        Request::BrowserChange(places, add) => {
            let res = match &places.module.path {
                Some(l) => places.databases().iter().try_for_each(|db| {
                    if add { crate::browser::register(&db.dir, l) } else { crate::browser::unregister(&db.dir, l) }.map(|_| ())
                }),
                None => Ok(()),
            };
            send(browsers(&places, Some(res)));
        }
    }
}

/// Runs `work` between Busy(true) and Busy(false).
fn busy(send: &impl Fn(Event), work: impl FnOnce()) {
    send(Event::Busy(true));
    work();
    send(Event::Busy(false));
}

fn browsers(places: &crate::browser::Places, change: Option<Result<()>>) -> Event {
    let states = places.databases().iter().map(|d| crate::browser::state(d, places.module.path.as_deref())).collect();
    let module = places.module.path.clone().ok_or(Error::Browser(crate::browser::BrowserError::NoModule(places.module.install_hint)));
    Event::Browsers(module, states, change)
}

fn refresh(source: &Source, send: &impl Fn(Event)) {
    send(Event::Readers(readers(source)));
    let ov = connect(source).and_then(|mut c| Ok(service::overview(c.as_mut())?));
    send(Event::Overview(Box::new(ov)));
}

/// Reads the certificate info the certificate screen shows (from an overview).
pub fn certificate_of(o: &CardOverview) -> Option<CertificateInfo> {
    Some(CertificateInfo { der: o.certificate_der.clone()?, summary: o.certificate.clone()?, apdus: 0 })
}
