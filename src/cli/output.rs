//! Human and JSON output, the command's context (language, JSON, the card it talks to), and
//! errors reported through the one error table.

use crate::Error;
use crate::error::CoreError;
use crate::i18n::advice::{Issuer, advice};
use crate::i18n::{Described, Lang, Text, describe_error_for, tr};
use serde_json::json;
use std::sync::Mutex;
use tessera_core::cert::CertSummary;
use tessera_core::service::CardOverview;

/// Exit codes (README.md): the error table's, and the ones the command line gives itself.
pub use tessera_core::error_table::exit as code;

/// What a command's messages depend on: the language, JSON or text, and the card it talks to —
/// who issued it (so that the advice names the right office) and whether it is the demo card
/// (its errors are practice, not for the error log). The card may be opened on a worker
/// thread (the report), hence the lock.
pub struct Ctx {
    /// The user's language.
    pub lang: Lang,
    /// `--json`.
    pub json: bool,
    card: Mutex<(Option<Issuer>, bool)>,
}

impl Ctx {
    /// A command's context, before any card is opened.
    pub fn new(lang: Lang, json: bool) -> Self {
        Self { lang, json, card: Mutex::new((None, false)) }
    }

    fn card(&self) -> (Option<Issuer>, bool) {
        *self.card.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Records the card this command talks to: its issuer, and whether it is the demo card.
    pub fn set_card(&self, issuer: Option<Issuer>, demo: bool) {
        *self.card.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = (issuer, demo);
    }

    /// Records an error in the error log the helpdesk report shows, unless it happened on the
    /// demo card (practice mistakes are not the user's real problems).
    pub fn log_error(&self, id: &str, message: &str) {
        if !self.card().1 {
            crate::report::errlog::record(id, message);
        }
    }

    /// An error in the user's language, with the advice for this command's card.
    pub fn describe(&self, e: &Error) -> Described {
        describe_error_for(e, self.lang, self.card().0, crate::i18n::Surface::Cli)
    }

    /// Prints an error (stderr for people, stdout JSON with `--json`) and returns its exit code,
    /// both from the error table.
    pub fn report_error(&self, e: &Error) -> u8 {
        let m = self.describe(e);
        let row = e.row();
        tracing::debug!(error = %e, "operation failed");
        // In the user's language: the helpdesk report shows the log as it is.
        self.log_error(row.id, &m.what);
        if self.json {
            let tries = e.core().and_then(CoreError::tries_left);
            let v = json!({"ok": false, "error": row.id, "message": m.what, "next_step": m.next, "tries_left": tries});
            out!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        } else {
            eprintln!("{}\n{}", m.what, m.next);
        }
        row.exit
    }

    /// Expiry guidance when under 60 days, or expired.
    pub fn expiry_guidance(&self, c: &CertSummary) -> Option<&'static str> {
        let advice = advice(self.card().0, self.lang);
        if c.days_left < 0 {
            Some(advice.expired)
        } else if c.days_left < 60 {
            Some(advice.expiring)
        } else {
            None
        }
    }
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

/// Prints the card overview.
pub fn print_overview(o: &CardOverview, demo: bool, ctx: &Ctx) {
    let (lang, as_json) = (ctx.lang, ctx.json);
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
    line(tr(lang, Text::Reader), &crate::i18n::reader_name(lang, &o.reader));
    line(tr(lang, Text::CardType), o.card_type.name());
    line(tr(lang, Text::Model), &crate::i18n::model_text(lang, &o.model, o.model_note));
    line(tr(lang, Text::Holder), o.holder.as_deref().unwrap_or("-"));
    line(tr(lang, Text::CodiceFiscale), o.codice_fiscale.as_deref().unwrap_or("-"));
    // Grouped in fours, as it is read aloud on the phone.
    line(tr(lang, Text::CardNumber), &o.card_number.as_deref().map_or_else(|| "-".to_owned(), crate::i18n::grouped));
    if let Some(nis) = &o.nis {
        line("NIS", nis);
    }
    match &o.certificate {
        Some(c) => line(tr(lang, Text::Certificate), &validity_line(c, lang)),
        None => line(tr(lang, Text::Certificate), "-"),
    }
    if o.pin_in_use {
        line(tr(lang, Text::PinTries), crate::i18n::t(lang, "text-pin-in-use"));
    } else {
        line(tr(lang, Text::PinTries), &dots(o.pin_tries_left, o.pin_max_tries, lang));
    }
    line(tr(lang, Text::PukTries), &dots(o.puk_tries_left, o.puk_max_tries, lang));
    if let Some(g) = o.certificate.as_ref().and_then(|c| ctx.expiry_guidance(c)) {
        out!("\n{g}");
    }
    if o.pin_tries_left == Some(0) && o.puk_tries_left != Some(0) {
        out!("\n{}", ctx.describe(&Error::Core(CoreError::PinBlocked)).next);
    }
    if o.puk_tries_left == Some(0) {
        let m = ctx.describe(&Error::Core(CoreError::PukBlocked));
        out!("\n{}\n{}", m.what, m.next);
    }
}

/// Prints the certificate details.
pub fn print_certificate(c: &CertSummary, demo: bool, ctx: &Ctx) {
    let (lang, as_json) = (ctx.lang, ctx.json);
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
    if let Some(g) = ctx.expiry_guidance(c) {
        out!("\n{g}");
    }
}
