//! What the screens share with the application, one layer below both: which screen is shown,
//! what a screen sees of the application ([`View`], read-only) and what it asks of it
//! ([`Command`]s, applied by the application after the frame, as egui's demo app does). A
//! screen owns its own state; it never holds or changes the application.

use super::dialog::Purpose;
use super::worker::{Request, Source};
use crate::Error;
use crate::i18n::Lang;
use crate::i18n::advice::Issuer;
use tessera_core::service::CardOverview;
use tessera_core::transport::ReaderInfo;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Card overview.
    Home,
    /// Change-PIN wizard.
    Change,
    /// Unblock wizard.
    Unblock,
    /// Certificate details and export.
    Certificate,
    /// Helpdesk report.
    Help,
    /// Card self-test.
    Selftest,
    /// Browser login setup.
    Browser,
}

/// What a screen asks the application to do once the frame is drawn.
#[must_use]
pub enum Command {
    /// Show another screen (every PIN field is wiped on the way).
    Go(Screen),
    /// The help page, opened on the answer for a lost PUK.
    HelpOnLostPuk,
    /// Ask the card worker.
    Send(Request),
    /// Read the readers and the card again.
    Refresh,
    /// Another card source (the demo card, the real reader).
    SetSource(Source),
    /// The system's save dialog for the certificate or the report.
    AskWhereToSave(Purpose),
}

/// Commands a screen collects while it draws.
pub type Commands = Vec<Command>;

/// What a screen sees of the application.
pub struct View<'a> {
    /// The window's language.
    pub lang: Lang,
    /// The last card overview, or why there is none (`None`: not read yet).
    pub overview: Option<&'a crate::Result<CardOverview>>,
    /// The last reader list.
    pub readers: Option<&'a crate::Result<Vec<ReaderInfo>>>,
    /// The card worker is busy.
    pub busy: bool,
    /// The card is the demo card.
    pub demo: bool,
    /// A PIN operation (change, unblock, self-test) has been sent and not answered yet.
    pub pin_pending: bool,
    /// The system's save dialog is open.
    pub saving: bool,
}

impl View<'_> {
    /// The overview, when a card was read.
    pub fn card(&self) -> Option<&CardOverview> {
        self.overview.and_then(|o| o.as_ref().ok())
    }

    /// Who issued the card on screen (the advice names its office).
    pub fn issuer(&self) -> Option<Issuer> {
        self.card().map(|c| c.issuer())
    }

    /// An error's message for the window, with the advice for the card on screen.
    pub fn message(&self, e: &Error) -> crate::i18n::Described {
        crate::i18n::describe_error_for(e, self.lang, self.issuer(), crate::i18n::Surface::Window)
    }
}

/// The window's text for a key (the i18n table).
pub use crate::i18n::ui as ui_text;
