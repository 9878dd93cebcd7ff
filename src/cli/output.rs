//! Human and JSON output, and the one mapping from errors to exit codes.

use crate::Error;
use crate::browser::BrowserError;
use crate::error::CoreError;
use tessera_core::cert::CertSummary;
use crate::advice::{Issuer, advice};
use crate::i18n::{Described, Lang, Text, describe_error_for, tr};
use tessera_core::secret::PinKind;
use tessera_core::service::CardOverview;
use tessera_core::transport::TransportError;
use serde_json::json;
use std::sync::Mutex;

/// The card this command talks to: who issued it (from its ATR, so that the advice names the
/// right office) and whether it is the demo card (its errors are practice, not for the error
/// log). One card per CLI process; set where the card is opened, which may be a worker thread.
static CARD: Mutex<(Option<Issuer>, bool)> = Mutex::new((None, false));

fn card() -> (Option<Issuer>, bool) {
    *CARD.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Records the card this command talks to: its issuer, and whether it is the demo card.
pub fn set_card(issuer: Option<Issuer>, demo: bool) {
    *CARD.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = (issuer, demo);
}

/// Records an error in the error log the helpdesk report shows, unless it happened on the demo
/// card (practice mistakes are not the user's real problems).
pub fn log_error(id: &str, message: &str) {
    if !card().1 {
        crate::report::errlog::record(id, message);
    }
}

/// An error in the user's language, with the advice for this command's card.
pub fn describe(e: &Error, lang: Lang) -> Described {
    describe_error_for(e, lang, card().0, crate::i18n::Surface::Cli)
}

/// Exit codes (documented in README.md).
pub mod code {
    /// Success.
    pub const OK: u8 = 0;
    /// Any other error.
    pub const OTHER: u8 = 1;
    /// Bad command line.
    pub const USAGE: u8 = 2;
    /// The smart-card service is not running.
    pub const NO_SERVICE: u8 = 3;
    /// No reader.
    pub const NO_READER: u8 = 4;
    /// No card, or the card was removed / stopped answering.
    pub const NO_CARD: u8 = 5;
    /// Not a supported card.
    pub const UNSUPPORTED_CARD: u8 = 6;
    /// Card in use by another program, or reset by it.
    pub const CARD_BUSY: u8 = 7;
    /// Wrong PIN or PUK.
    pub const WRONG_PIN: u8 = 10;
    /// PIN blocked.
    pub const PIN_BLOCKED: u8 = 11;
    /// PUK blocked: card unusable.
    pub const PUK_BLOCKED: u8 = 12;
    /// Last try not confirmed (nothing sent).
    pub const LAST_TRY_NOT_CONFIRMED: u8 = 13;
    /// Invalid input (nothing sent) or cancelled.
    pub const INVALID_INPUT: u8 = 14;
    /// Unexpected card answer.
    pub const CARD_ERROR: u8 = 15;
    /// File could not be written.
    pub const IO: u8 = 16;
    /// Browser database busy (browser open) or no PKCS#11 module installed.
    pub const BROWSER: u8 = 17;
    /// The self-test found a problem.
    pub const SELFTEST_FAILED: u8 = 18;
    /// A PIN change or unblock was interrupted and its outcome is not (yet) known: read the
    /// message before trying again.
    pub const INTERRUPTED: u8 = 19;
}

/// The exit code for an error.
pub fn exit_code(e: &Error) -> u8 {
    let e = match e {
        Error::Browser(_) => return code::BROWSER,
        Error::Exit(c) => return *c,
        Error::Internal(_) => return code::OTHER,
        Error::Core(c) => c,
    };
    match e {
        CoreError::Transport(TransportError::NoService) => code::NO_SERVICE,
        CoreError::Transport(TransportError::NoReader | TransportError::UnknownReader(_)) => code::NO_READER,
        CoreError::Transport(TransportError::NoCard | TransportError::CardRemoved | TransportError::Unresponsive)
        | CoreError::CardDied => code::NO_CARD,
        CoreError::Transport(TransportError::SharingViolation | TransportError::Reset) => code::CARD_BUSY,
        CoreError::Transport(_) => code::OTHER,
        CoreError::UnsupportedCard { .. } | CoreError::CardModelNotSupported { .. } => code::UNSUPPORTED_CARD,
        CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 0 } | CoreError::PukBlocked => code::PUK_BLOCKED,
        CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 0 } => code::PIN_BLOCKED,
        CoreError::WrongSecret { .. } => code::WRONG_PIN,
        CoreError::PinBlocked => code::PIN_BLOCKED,
        CoreError::LoginExpired => code::OTHER,
        CoreError::LastTryNotConfirmed { .. } => code::LAST_TRY_NOT_CONFIRMED,
        CoreError::InvalidInput(_) | CoreError::Cancelled => code::INVALID_INPUT,
        CoreError::Card(_)
        | CoreError::Certificate(_)
        | CoreError::NoCertificate
        | CoreError::SecureChannel
        | CoreError::CardNotAuthentic
        | CoreError::SimulatedCard => {
            code::CARD_ERROR
        }
        CoreError::Io { .. } => code::IO,
        CoreError::Interrupted(i) if i.pending.stage == tessera_core::service::Stage::NothingSent => exit_code(&Error::Core(tessera_core::Error::CardDied)),
        CoreError::Interrupted(_) => code::INTERRUPTED,
    }
}

/// A stable identifier of the error, for JSON.
pub fn error_id(e: &Error) -> &'static str {
    let e = match e {
        Error::Browser(BrowserError::InUse(_)) => return "browser_running",
        Error::Browser(BrowserError::NoModule(_)) => return "no_pkcs11_module",
        Error::Browser(_) => return "browser_database",
        Error::Exit(_) => return "reported",
        Error::Internal(_) => return "internal_error",
        Error::Core(c) => c,
    };
    match e {
        CoreError::Transport(TransportError::NoService) => "no_service",
        CoreError::Transport(TransportError::NoReader) => "no_reader",
        CoreError::Transport(TransportError::UnknownReader(_)) => "unknown_reader",
        CoreError::Transport(TransportError::NoCard) => "no_card",
        CoreError::Transport(TransportError::CardRemoved) => "card_removed",
        CoreError::Transport(TransportError::Reset) => "card_reset",
        CoreError::Transport(TransportError::SharingViolation) => "card_busy",
        CoreError::Transport(TransportError::Unresponsive) => "card_unresponsive",
        CoreError::Transport(_) => "pcsc_error",
        CoreError::CardDied => "card_died",
        CoreError::Card(_) => "card_error",
        CoreError::SecureChannel => "secure_channel_broken",
        CoreError::CardNotAuthentic => "card_not_authentic",
        CoreError::SimulatedCard => "simulated_card",
        CoreError::WrongSecret { kind: PinKind::Pin, .. } => "wrong_pin",
        CoreError::WrongSecret { kind: PinKind::Puk, .. } => "wrong_puk",
        CoreError::PinBlocked => "pin_blocked",
        CoreError::LoginExpired => "login_expired",
        CoreError::PukBlocked => "puk_blocked",
        CoreError::LastTryNotConfirmed { .. } => "last_try_not_confirmed",
        CoreError::InvalidInput(_) => "invalid_input",
        CoreError::Cancelled => "cancelled",
        CoreError::UnsupportedCard { .. } => "unsupported_card",
        CoreError::CardModelNotSupported { .. } => "card_model_not_supported",
        CoreError::Certificate(_) => "bad_certificate",
        CoreError::NoCertificate => "no_certificate",
        CoreError::Io { .. } => "io_error",
        CoreError::Interrupted(i) => match i.pending.stage {
            tessera_core::service::Stage::NothingSent => "interrupted_nothing_sent",
            tessera_core::service::Stage::CheckSent => "interrupted_check_sent",
            tessera_core::service::Stage::CommandSent => "interrupted_outcome_unknown",
        },
    }
}

/// Prints an error (stderr for people, stdout JSON with `--json`) and returns its exit code.
pub fn report_error(e: &Error, lang: Lang, as_json: bool) -> u8 {
    let m = describe(e, lang);
    tracing::debug!(error = %e, "operation failed");
    // In the user's language: the helpdesk report shows the log as it is.
    log_error(error_id(e), &m.what);
    if as_json {
        let tries = match e {
            Error::Core(CoreError::WrongSecret { tries_left, .. }) => Some(*tries_left),
            // Refused before the last try: the card said one is left (or would not say).
            Error::Core(CoreError::LastTryNotConfirmed { tries_known: true, .. }) => Some(1),
            Error::Core(CoreError::PinBlocked | CoreError::PukBlocked) => Some(0),
            _ => None,
        };
        let v = json!({"ok": false, "error": error_id(e), "message": m.what, "next_step": m.next, "tries_left": tries});
        out!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else {
        eprintln!("{}\n{}", m.what, m.next);
    }
    exit_code(e)
}

/// ●●○ 2/3
pub fn dots(left: Option<u8>, max: u8, lang: Lang) -> String {
    match left {
        None => tr(lang, Text::Unknown).to_owned(),
        Some(0) => format!("{} 0/{max} — {}", "○".repeat(usize::from(max)), tr(lang, Text::Blocked)),
        Some(n) => {
            let n = n.min(max);
            format!("{}{} {n}/{max}", "●".repeat(usize::from(n)), "○".repeat(usize::from(max - n)))
        }
    }
}

fn line(label: &str, value: &str) {
    out!("  {:<26} {value}", format!("{label}:"));
}

fn validity_line(c: &CertSummary, lang: Lang) -> String {
    if c.days_left < 0 {
        format!("{} ({} {})", tr(lang, Text::Expired), tr(lang, Text::ValidUntil), crate::i18n::long_date(lang, &c.not_after))
    } else {
        format!("{} {} ({} {})", tr(lang, Text::ValidUntil), crate::i18n::long_date(lang, &c.not_after), c.days_left, tr(lang, Text::DaysLeft))
    }
}

/// Expiry guidance when under 60 days, or expired.
pub fn expiry_guidance(c: &CertSummary, lang: Lang) -> Option<&'static str> {
    let advice = advice(card().0, lang);
    if c.days_left < 0 {
        Some(advice.expired)
    } else if c.days_left < 60 {
        Some(advice.expiring)
    } else {
        None
    }
}

/// Prints the card overview.
pub fn print_overview(o: &CardOverview, demo: bool, lang: Lang, as_json: bool) {
    if as_json {
        let mut v = serde_json::to_value(o).unwrap_or_default();
        if let Some(map) = v.as_object_mut() {
            map.insert("demo".into(), json!(demo));
            map.insert("cert_not_after".into(), json!(o.certificate.as_ref().map(|c| c.not_after.clone())));
            map.insert("cert_days_left".into(), json!(o.certificate.as_ref().map(|c| c.days_left)));
        }
        out!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return;
    }
    if demo {
        out!("*** {} ***", tr(lang, Text::DemoBanner));
    } else if o.simulated_card {
        out!("*** {} ***", tr(lang, Text::SimulatedCard));
    }
    line(tr(lang, Text::Reader), &o.reader);
    line(tr(lang, Text::CardType), &o.card_type);
    line(tr(lang, Text::Model), &o.model);
    line(tr(lang, Text::Holder), o.holder.as_deref().unwrap_or("-"));
    line(tr(lang, Text::CodiceFiscale), o.codice_fiscale.as_deref().unwrap_or("-"));
    line(tr(lang, Text::CardNumber), o.card_number.as_deref().unwrap_or("-"));
    if let Some(nis) = &o.nis {
        line("NIS", nis);
    }
    match &o.certificate {
        Some(c) => line(tr(lang, Text::Certificate), &validity_line(c, lang)),
        None => line(tr(lang, Text::Certificate), "-"),
    }
    line(tr(lang, Text::PinTries), &dots(o.pin_tries_left, o.pin_max_tries, lang));
    line(tr(lang, Text::PukTries), &dots(o.puk_tries_left, o.puk_max_tries, lang));
    if let Some(g) = o.certificate.as_ref().and_then(|c| expiry_guidance(c, lang)) {
        out!("\n{g}");
    }
    if o.pin_tries_left == Some(0) && o.puk_tries_left != Some(0) {
        out!("\n{}", describe(&Error::Core(CoreError::PinBlocked), lang).next);
    }
    if o.puk_tries_left == Some(0) {
        let m = describe(&Error::Core(CoreError::PukBlocked), lang);
        out!("\n{}\n{}", m.what, m.next);
    }
}

/// Prints the certificate details.
pub fn print_certificate(c: &CertSummary, demo: bool, lang: Lang, as_json: bool) {
    if as_json {
        let mut v = serde_json::to_value(c).unwrap_or_default();
        if let Some(map) = v.as_object_mut() {
            map.insert("demo".into(), json!(demo));
        }
        out!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return;
    }
    if demo {
        out!("*** {} ***", tr(lang, Text::DemoBanner));
    }
    line(tr(lang, Text::Holder), &c.holder);
    line(tr(lang, Text::CodiceFiscale), c.codice_fiscale.as_deref().unwrap_or("-"));
    line(tr(lang, Text::Subject), &c.subject);
    line(tr(lang, Text::Issuer), &c.issuer);
    line(tr(lang, Text::Serial), &c.serial);
    line(tr(lang, Text::ValidFrom), &c.not_before);
    line(tr(lang, Text::Certificate), &validity_line(c, lang));
    line(tr(lang, Text::KeyUsage), &crate::i18n::key_usages(lang, &[c.key_usage.clone(), c.extended_key_usage.clone()].concat()));
    line(tr(lang, Text::PublicKey), &c.public_key);
    line("SHA-256", &c.sha256);
    line("SHA-1", &c.sha1);
    if let Some(g) = expiry_guidance(c, lang) {
        out!("\n{g}");
    }
}
