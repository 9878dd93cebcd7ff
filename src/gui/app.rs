//! The application: what is shared (the card, the worker, the settings), the worker's events
//! routed to the screens that own them, the screen shown, and the screens' commands applied
//! after each frame.

use crate::i18n::{Text, tr};
use super::nav::{Command, Commands, View, ui_text};
use super::screens::browser::BrowserPage;
use super::screens::certificate::CertificatePage;
use super::screens::help::HelpPage;
use super::screens::home::HomePage;
use super::screens::pin::{Step, Wizard};
use super::screens::selftest::SelftestPage;
use super::settings::Settings;
use super::worker::{Event, Request, Source, Worker};
use crate::i18n::{Lang, Ui};
use tessera_core::service::CardOverview;
use tessera_core::transport::ReaderInfo;
use crate::{Error, Result};
use super::nav::Screen;
use eframe::egui;
use std::path::PathBuf;
use std::time::Instant;

/// How the window starts.
#[derive(Debug, Clone)]
pub struct GuiOptions {
    /// Open on the demo card (model, state).
    pub demo: Option<(tessera_sim::SimProfile, tessera_sim::Preset)>,
    /// Language from the command line.
    pub lang: Option<Lang>,
    /// When the process started (for the start-up figure).
    pub started: Instant,
}

/// Start-up automation for screenshots and figures (environment variables, see
/// scripts/screenshots.sh and scripts/gui-figures.sh).
#[derive(Debug, Default)]
struct Automation {
    screenshot: Option<PathBuf>,
    screen: Option<String>,
    exit_after_first_frame: bool,
    frames_ready: u32,
    requested: bool,
}

/// The Tessera window.
pub struct TesseraApp {
    /// Language of the window.
    pub lang: Lang,
    /// Shown screen.
    pub screen: Screen,
    /// The PIN wizards' state (change and unblock).
    pub wizard: Wizard,
    /// The card screen's state.
    pub home: HomePage,
    /// The certificate screen's state.
    pub certificate: CertificatePage,
    /// The help page's state (the report included).
    pub help: HelpPage,
    /// The self-test's state.
    pub selftest: SelftestPage,
    /// The browser page's state.
    pub browser: BrowserPage,
    /// The last reader list.
    pub readers: Option<Result<Vec<ReaderInfo>>>,
    /// The last card overview (or why there is none).
    pub overview: Option<Result<CardOverview>>,
    /// The worker is talking to the card.
    pub busy: bool,
    /// Since when the worker is busy, and since when its current transaction has run.
    busy_since: Option<Instant>,
    begun_since: Option<Instant>,
    /// What the last "stop waiting" left behind, shown until the next operation.
    gave_up: Option<String>,
    /// The card source is the demo card.
    pub demo: bool,
    /// About box open.
    pub about: bool,
    worker: Worker,
    settings: Settings,
    started: Instant,
    first_frame: bool,
    auto: Automation,
    pending_pin_event: bool,
    /// Theme and text size (from the settings; the Appearance menu changes them).
    pub theme: super::theme::Choice,
    /// Text size in percent.
    pub text_size: u16,
    styled: bool,
    /// The system's save dialog, while it is open.
    pub save_dialog: Option<super::dialog::Pending>,
    /// How many requests a caught bug stopped (the window went on each time).
    pub internal_errors: u32,
    /// The page (screen and wizard step) drawn last: a new one starts scrolled to the top.
    shown_page: Option<(Screen, Step)>,
}

impl TesseraApp {
    /// A window on `opts`' card source; `wake` repaints the window from the worker thread.
    pub fn new(opts: GuiOptions, settings: Settings, wake: impl Fn() + Send + Sync + Clone + 'static) -> Self {
        let lang = opts
            .lang
            .or(settings.lang)
            .unwrap_or_else(Lang::from_env);
        let source = match (opts.demo, std::env::var("TESSERA_SCREEN").as_deref()) {
            // Training states without a card, for the screenshot script.
            (Some(_), Ok("no-reader")) => Source::DemoNoReader,
            (Some(_), Ok("unknown-card")) => Source::DemoUnknownCard,
            (Some((profile, preset)), _) => Source::demo(profile, preset),
            (None, _) => Source::Pcsc,
        };
        Self::with_source(source, lang, settings, opts.started, wake)
    }

    /// A window on an explicit card source (tests use this with a simulated card).
    pub fn with_source(source: Source, lang: Lang, settings: Settings, started: Instant, wake: impl Fn() + Send + Sync + Clone + 'static) -> Self {
        let demo = source.is_demo();
        let auto = Automation {
            screenshot: std::env::var_os("TESSERA_SCREENSHOT").map(PathBuf::from),
            screen: std::env::var("TESSERA_SCREEN").ok(),
            exit_after_first_frame: std::env::var_os("TESSERA_EXIT_AFTER_FIRST_FRAME").is_some(),
            ..Default::default()
        };
        let theme = settings.theme.unwrap_or_default();
        let text_size = super::theme::text_size(settings.text_size);
        Self {
            theme,
            text_size,
            styled: false,
            save_dialog: None,
            lang,
            screen: Screen::Home,
            wizard: Wizard::default(),
            home: HomePage::default(),
            certificate: CertificatePage::default(),
            help: HelpPage::default(),
            selftest: SelftestPage::default(),
            browser: BrowserPage::default(),
            readers: None,
            overview: None,
            busy: true,
            busy_since: None,
            begun_since: None,
            gave_up: None,
            demo,
            about: false,
            worker: Worker::spawn(source, wake),
            settings,
            started,
            first_frame: true,
            auto,
            pending_pin_event: false,
            internal_errors: 0,
            shown_page: None,
        }
    }

    /// The overview, when a card was read.
    pub fn card(&self) -> Option<&CardOverview> {
        self.overview.as_ref().and_then(|o| o.as_ref().ok())
    }

    /// Who issued the card on screen (the advice names its office).
    pub fn issuer(&self) -> Option<crate::i18n::advice::Issuer> {
        self.card().map(|c| c.issuer())
    }

    /// Switches the card source (demo presets, or back to the real reader).
    pub fn set_source(&mut self, source: Source) {
        self.demo = source.is_demo();
        self.overview = None;
        self.busy = true;
        self.worker.send(Request::SetSource(source));
    }

    /// Goes to a screen, wiping every PIN field on the way; the wizards and the self-test start
    /// afresh.
    pub fn go(&mut self, ctx: &egui::Context, screen: Screen) {
        self.wipe_fields(ctx);
        self.wizard = Wizard::default();
        self.selftest = SelftestPage::default();
        self.certificate.exported = None;
        self.help.exported = None;
        self.help.lost_puk_focus = false;
        self.screen = screen;
        let card_type = self.card().map_or(tessera_core::card::CardType::Cps, |c| c.card_type);
        match screen {
            Screen::Help => self.send(Request::Report { include_personal_data: self.help.report_personal, lang: self.lang }),
            Screen::Browser => self.send(Request::BrowserStatus(self.browser.places(card_type))),
            _ => {}
        }
    }

    /// Wipes every PIN buffer and egui's undo history for those fields.
    pub fn wipe_fields(&mut self, ctx: &egui::Context) {
        self.wizard.wipe(ctx);
        self.selftest.wipe(ctx);
    }

    /// What a screen asked, once the frame is drawn.
    fn apply(&mut self, ctx: &egui::Context, commands: Commands) {
        for c in commands {
            match c {
                Command::Go(screen) => self.go(ctx, screen),
                Command::HelpOnLostPuk => {
                    self.go(ctx, Screen::Help);
                    self.help.lost_puk_focus = true;
                }
                Command::Send(r) => self.send(r),
                Command::Refresh => {
                    self.busy = true;
                    self.refresh();
                }
                Command::SetSource(source) => self.set_source(source),
                Command::AskWhereToSave(purpose) => self.ask_where_to_save(purpose),
            }
        }
    }

    pub(crate) fn send(&mut self, r: Request) {
        if matches!(r, Request::ChangePin(_) | Request::Unblock(_) | Request::Selftest(..)) {
            self.pending_pin_event = true;
        }
        self.worker.send(r);
    }

    /// Reads the readers and the card again (what a card event does; tests of the demo card,
    /// which has no event monitor, call it after putting the card back).
    pub fn refresh(&mut self) {
        self.worker.send(Request::Refresh);
    }

    /// Whether a PIN operation is under way.
    pub fn pin_operation_pending(&self) -> bool {
        self.pending_pin_event
    }

    fn handle_events(&mut self) {
        for e in self.worker.events() {
            match e {
                Event::Readers(r) => self.readers = Some(r),
                Event::Overview(o) => {
                    if let Ok(ov) = o.as_ref()
                        && self.certificate.export_path.is_empty()
                            && let Some(c) = &ov.certificate {
                                self.certificate.export_path =
                                    crate::export::default_path(c, tessera_core::cert::ExportFormat::Pem).display().to_string();
                            }
                    self.overview = Some(*o);
                }
                Event::PinChanged(r) | Event::Unblocked(r) => {
                    self.pending_pin_event = false;
                    self.wizard.outcome = Some(r.map(|_| ()));
                    self.wizard.after_check = None;
                }
                // The certificate's export, or the report's save on the help page.
                Event::Exported(r) if self.screen == Screen::Help => self.help.exported = Some(r),
                Event::Exported(r) => self.certificate.exported = Some(r),
                Event::Report(r) => self.help.report = Some(*r),
                Event::Selftest(r) => {
                    self.pending_pin_event = false;
                    self.selftest.result = Some(r);
                }
                Event::Browsers(m, s, c) => self.browser.browsers = Some((m, s, c)),
                Event::AfterCheck(p, a) => self.wizard.after_check = Some((p, a)),
                Event::Internal(what) => {
                    self.internal_errors += 1;
                    // A caught bug: the request it stopped gets its error where the user waits.
                    if self.pending_pin_event && self.screen == Screen::Selftest {
                        self.pending_pin_event = false;
                        self.selftest.result = Some(Err(Error::Internal(what)));
                    } else if self.pending_pin_event {
                        self.pending_pin_event = false;
                        self.wizard.outcome = Some(Err(Error::Internal(what)));
                    } else {
                        self.overview = Some(Err(Error::Internal(what)));
                    }
                }
                Event::Busy(b) => {
                    self.busy = b;
                    self.busy_since = b.then(Instant::now);
                    self.begun_since = None;
                    if b {
                        self.gave_up = None;
                    }
                }
            }
        }
    }

    pub(super) fn save_settings(&mut self, ctx: &egui::Context) {
        let size = ctx.input(|i| i.viewport().inner_rect.map(|r| [r.width(), r.height()]));
        let lang = Some(self.lang);
        // In screen units (egui's points times the text size), as the window is opened.
        let zoom = f32::from(self.text_size) / 100.0;
        let size = size.map(|[w, h]| [w * zoom, h * zoom]);
        let next = Settings {
            lang,
            window: size.or(self.settings.window),
            theme: (self.theme != super::theme::Choice::System).then_some(self.theme),
            text_size: (self.text_size != 100).then_some(self.text_size),
            file: self.settings.file.clone(),
        };
        if next != self.settings {
            self.settings = next;
            self.settings.save();
        }
    }

    /// Draws the whole window into `ui` (eframe calls this each frame; so do the GUI tests).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.handle_events();
        let ctx = ui.ctx().clone();
        if !self.styled {
            self.styled = true;
            super::theme::apply(&ctx, self.theme, self.text_size);
        }
        self.poll_save_dialog(&ctx);
        // Escape goes to the topmost layer first: an open menu, the About box or a dialog takes
        // it (each closes itself); only with none of them open does it leave the screen.
        let dialog_open = self.wizard.confirm_open || self.selftest.confirm_open;
        let layer_open = egui::Popup::is_any_open(&ctx) || self.about || dialog_open || self.save_dialog.is_some();
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape)) && !layer_open;
        egui::Panel::top("top").show(ui, |ui| self.top_bar(ui));
        self.stuck_banner(ui);
        // Every screen and wizard step opens at its top (its title and step number in view): the
        // scroll position of the page before never carries over.
        let page = (self.screen, self.wizard.step);
        let view = View {
            lang: self.lang,
            overview: self.overview.as_ref(),
            readers: self.readers.as_ref(),
            busy: self.busy,
            demo: self.demo,
            pin_pending: self.pending_pin_event,
            saving: self.save_dialog.is_some(),
        };
        let mut commands = Commands::new();
        let (wizard, home, certificate, help, selftest, browser) =
            (&mut self.wizard, &mut self.home, &mut self.certificate, &mut self.help, &mut self.selftest, &mut self.browser);
        let screen = self.screen;
        let mut scroll = egui::ScrollArea::vertical().id_salt(("page", self.screen)).auto_shrink([false; 2]);
        if self.shown_page != Some(page) {
            self.shown_page = Some(page);
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            scroll.show(ui, |ui| {
                // One column, centred, at most 720 points wide: lines stay short enough to read
                // when the window grows, and wrap (never clip) when it shrinks or the text grows.
                let avail = ui.available_width();
                let column = avail.min(720.0);
                ui.horizontal_top(|ui| {
                    ui.add_space(((avail - column) / 2.0).max(0.0));
                    ui.vertical(|ui| {
                        ui.set_width(column);
                        ui.add_space(8.0);
                        use super::screens as s;
                        commands = match screen {
                            Screen::Home => s::home::show(&view, home, ui),
                            Screen::Change => s::pin::show_change(&view, wizard, ui),
                            Screen::Unblock => s::pin::show_unblock(&view, wizard, ui),
                            Screen::Certificate => s::certificate::show(&view, certificate, ui),
                            Screen::Help => s::help::show(&view, help, ui),
                            Screen::Selftest => s::selftest::show(&view, selftest, ui),
                            Screen::Browser => s::browser::show(&view, browser, ui),
                        };
                        ui.add_space(16.0);
                    });
                });
            });
        });
        self.apply(&ctx, commands);
        if self.about && super::screens::about::show(self.lang, &ctx) {
            self.about = false;
        }
        if escape && self.screen != Screen::Home {
            self.go(&ctx, Screen::Home);
        }
        self.automate(&ctx);
    }

    /// While the worker waits on the smart-card service: after a second without the card, says
    /// another program holds it (with Cancel: nothing will be sent); after 15 s inside a
    /// transaction, says the card does not answer (with Stop waiting). PC/SC can abort neither
    /// wait, so giving up leaves the stuck worker behind and starts a fresh one.
    fn stuck_banner(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        let waiting = self.busy_since.is_some_and(|t| t.elapsed() >= std::time::Duration::from_secs(1));
        let begun = self.worker.watch().begun();
        if begun {
            self.begun_since.get_or_insert_with(Instant::now);
        } else {
            self.begun_since = None;
        }
        let mute = self.begun_since.is_some_and(|t| t.elapsed() >= std::time::Duration::from_secs(15));
        if self.busy {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(250));
        }
        let notice = if self.busy && waiting && !begun {
            Some((tr(lang, Text::WaitingForOtherProgram), ui_text(lang, Ui::Cancel)))
        } else if self.busy && mute {
            Some((tr(lang, Text::CardDoesNotAnswer), ui_text(lang, Ui::StopWaiting)))
        } else {
            None
        };
        if notice.is_none() && self.gave_up.is_none() {
            return;
        }
        egui::Panel::top("stuck").show(ui, |ui| {
            ui.add_space(6.0);
            if let Some((text, button)) = notice {
                ui.horizontal_wrapped(|ui| {
                    ui.spinner();
                    ui.label(egui::RichText::new(text).strong());
                    if ui.button(button).clicked() {
                        let nothing_sent = !begun && self.worker.watch().cancel_if_waiting();
                        let secret = self.worker.watch().secret_sent();
                        if nothing_sent || begun {
                            self.worker.replace_stuck();
                            self.busy = false;
                            self.busy_since = None;
                            self.begun_since = None;
                            self.pending_pin_event = false;
                            self.gave_up = Some(if nothing_sent {
                                tr(lang, Text::GaveUpWaiting).to_owned()
                            } else if secret {
                                tr(lang, Text::MuteAfterSecret).to_owned()
                            } else {
                                format!("{} {}", tr(lang, Text::MuteNothingSecret), tr(lang, Text::TakeCardOut))
                            });
                            if self.wizard.outcome.is_none() && self.wizard.step == Step::Result {
                                self.wizard.outcome = Some(Err(Error::Core(crate::error::CoreError::Cancelled)));
                            }
                        }
                    }
                });
            }
            if let Some(g) = &self.gave_up {
                ui.label(g.as_str());
            }
            ui.add_space(6.0);
        });
    }

    /// Opens the system's save dialog for the certificate or the report, with the name Tessera
    /// would use, in the folder of the last export (or Documents).
    pub fn ask_where_to_save(&mut self, purpose: super::dialog::Purpose) {
        use super::dialog::{Purpose, save};
        if self.save_dialog.is_some() {
            return;
        }
        let lang = self.lang;
        let typed = PathBuf::from(self.certificate.export_path.trim());
        let dir = typed.parent().filter(|d| d.is_dir()).map(PathBuf::from).or_else(dirs::document_dir);
        let (title, name, filters): (&str, String, &[(&str, &[&str])]) = match purpose {
            Purpose::Certificate => {
                let name = typed.file_name().map_or_else(|| "certificato.pem".to_owned(), |n| n.to_string_lossy().into_owned());
                (ui_text(lang, Ui::Certificate), name, &[("PEM", &["pem", "crt"]), ("DER", &["der", "cer"])])
            }
            Purpose::Report => (ui_text(lang, Ui::ReportTitle), "tessera-rapporto.txt".to_owned(), &[("Text", &["txt"])]),
        };
        self.certificate.exported = None;
        self.help.exported = None;
        self.save_dialog = Some(save(purpose, title, dir.as_deref(), &name, filters));
    }

    /// When the save dialog closes with a file chosen, saves there (the dialog itself asked
    /// before replacing a file).
    fn poll_save_dialog(&mut self, ctx: &egui::Context) {
        use super::dialog::Purpose;
        let Some(pending) = &self.save_dialog else { return };
        let Some(choice) = pending.poll() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        let purpose = pending.purpose;
        self.save_dialog = None;
        let Some(path) = choice else { return };
        match purpose {
            Purpose::Certificate => {
                let Some(der) = self.card().and_then(|c| c.certificate_der.clone()) else { return };
                let der_ext = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("der") || e.eq_ignore_ascii_case("cer"));
                let format = if der_ext { tessera_core::cert::ExportFormat::Der } else { tessera_core::cert::ExportFormat::Pem };
                self.certificate.export_path = path.display().to_string();
                self.send(Request::Export { der, format, path, overwrite: true });
            }
            Purpose::Report => {
                let Some(report) = &self.help.report else { return };
                let text = crate::report::to_text(report, self.lang);
                self.send(Request::SaveReportAs(path, text));
            }
        }
    }

    fn automate(&mut self, ctx: &egui::Context) {
        if self.first_frame {
            self.first_frame = false;
            if self.auto.exit_after_first_frame {
                eprintln!("first frame after {} ms", self.started.elapsed().as_millis());
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        let Some(path) = self.auto.screenshot.clone() else { return };
        if self.busy || self.overview.is_none() || self.auto.requested {
            ctx.request_repaint();
            return;
        }
        if self.auto.frames_ready == 0
            && let Some(screen) = self.auto.screen.clone() {
                self.stage(ctx, &screen);
            }
        self.auto.frames_ready += 1;
        // Wait for fade-in animations (dialogs) to finish before the picture.
        if self.auto.frames_ready > 30 && !self.busy {
            self.auto.requested = true;
            // Where each line of text is and its colour, for the contrast check of the picture
            // (scripts/screenshots.sh, examples/contrast.rs).
            let boxes = path.with_extension("text.tsv");
            if let Err(err) = std::fs::write(&boxes, super::snapshot::text_boxes(ctx)) {
                eprintln!("text boxes not written: {err}");
            }
            let c = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Err(err) = super::snapshot::write_png(&path, &image) {
                    eprintln!("screenshot not written: {err}");
                }
                c.send_viewport_cmd(egui::ViewportCommand::Close);
                c.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

impl eframe::App for TesseraApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) {
            self.wipe_fields(&ctx);
            self.save_settings(&ctx);
        }
    }
}
