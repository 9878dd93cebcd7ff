//! Error messages: what happened and what to do next, in every language.

use super::t;
use super::actions::{Surface, fill};
use fluent_bundle::FluentValue;
use super::{Lang, Text, tr};
use crate::advice::{Advice, Issuer, advice};
use crate::Error;
use crate::browser::BrowserError;
use crate::error::CoreError;
use tessera_core::secret::{FormatError, PinKind};
use tessera_core::service::pin::PinRuleError;
use tessera_core::transport::TransportError;

/// What happened, and what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// What happened.
    pub what: String,
    /// What to do next.
    pub next: String,
}


/// A message with variables from the Fluent files.
fn fmt(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    super::fluent::format(lang, id, args)
}

fn d(what: impl Into<String>, next: impl Into<String>) -> Described {
    Described { what: what.into(), next: next.into() }
}

fn kind_name(kind: PinKind) -> &'static str {
    match kind {
        PinKind::Pin => "PIN",
        PinKind::Puk => "PUK",
    }
}

fn describe_format(e: FormatError, lang: Lang) -> Described {
    let next = t(lang, "err-check-try-again-nothing-sent");
    // Whole sentences with the secret's name ("PIN", "PUK") as $kind: Italian and German put
    // the article before it ("Il PIN", "Die PIN").
    let k = |kind: PinKind| ("kind", FluentValue::from(kind_name(kind)));
    let what = match e {
        FormatError::Empty(kind) => fmt(lang, "err-secret-empty", &[k(kind)]),
        FormatError::Missing(kind) => fmt(lang, "err-secret-missing", &[k(kind)]),
        FormatError::NotText(kind) => fmt(lang, "err-secret-not-text", &[k(kind)]),
        FormatError::TooLong(kind) => fmt(lang, "err-secret-too-long", &[k(kind)]),
        FormatError::Spaces(kind) => fmt(lang, "err-secret-spaces", &[k(kind)]),
        FormatError::NonAsciiDigits(kind) => fmt(lang, "err-secret-other-digits", &[k(kind)]),
        FormatError::NotDigits(kind) => fmt(lang, "err-secret-not-digits", &[k(kind)]),
        FormatError::Length { kind, min, max } if min == max => fmt(lang, "err-secret-exact-length", &[k(kind), ("digits", min.into())]),
        FormatError::Length { kind, min, max } => fmt(lang, "err-secret-length-range", &[k(kind), ("min", min.into()), ("max", max.into())]),
    };
    d(what, next)
}

fn describe_rule(e: PinRuleError, lang: Lang) -> Described {
    let nothing = t(lang, "err-nothing-sent-card-try-again");
    match e {
        PinRuleError::Format(f) => describe_format(f, lang),
        PinRuleError::ConfirmationMismatch => d(
            t(lang, "err-two-new-pins-typed-differ"),
            nothing,
        ),
        PinRuleError::SameAsCurrent => d(
            t(lang, "err-new-pin-same-current-one"),
            t(lang, "err-choose-different-pin-nothing-sent"),
        ),
        PinRuleError::RefusedByCard => d(
            t(lang, "err-card-refused-new-pin"),
            t(lang, "err-use-5-8-digits-try"),
        ),
    }
}

fn describe_transport(e: &TransportError, lang: Lang) -> Described {
    match e {
        TransportError::NoService => d(
            t(lang, "err-systems-smart-card-service-not"),
            t(lang, "err-linux-start-pcscd-pcscd-cmd"),
        ),
        TransportError::NoReader => d(
            t(lang, "err-no-smart-card-reader-connected"),
            t(lang, "err-connect-reader-try-again-try"),
        ),
        TransportError::UnknownReader(name) => d(
            format!("{} {name}", t(lang, "err-reader-not-found")),
            "{readers_hint}",
        ),
        TransportError::NoCard => d(
            t(lang, "err-no-card-reader"),
            t(lang, "err-insert-card-chip-facing-up"),
        ),
        TransportError::CardRemoved => d(
            t(lang, "err-card-removed-during-operation"),
            t(lang, "err-reinsert-card-check-tries-left"),
        ),
        TransportError::Reset => d(
            t(lang, "err-another-program-reset-card-during"),
            t(lang, "err-close-other-programs-using-card"),
        ),
        TransportError::SharingViolation => d(
            t(lang, "err-card-use-another-program"),
            t(lang, "err-close-other-program-e-g"),
        ),
        TransportError::Unresponsive => d(
            t(lang, "err-card-does-not-respond"),
            t(lang, "err-take-card-out-check-its"),
        ),
        TransportError::Cancelled | TransportError::Timeout => d(
            t(lang, "err-operation-interrupted"),
            t(lang, "err-try-again"),
        ),
        TransportError::Pcsc(e) => d(
            format!("{} {e}", t(lang, "err-smart-card-service-error")),
            t(lang, "err-unplug-replug-reader-then-try"),
        ),
    }
}

/// Describes any error for the command line, with advice that names no office.
pub fn describe_error(e: &Error, lang: Lang) -> Described {
    describe_error_for(e, lang, None, Surface::Cli)
}

/// Describes any error for the user; the advice (where the PUK is, where to go) is the one for
/// the card's issuer when it is known, and the ways to act are those of `surface`.
pub fn describe_error_for(e: &Error, lang: Lang, issuer: Option<Issuer>, surface: Surface) -> Described {
    let m = describe_any(e, lang, issuer);
    Described { what: fill(&m.what, lang, surface), next: fill(&m.next, lang, surface) }
}

fn describe_any(e: &Error, lang: Lang, issuer: Option<Issuer>) -> Described {
    match e {
        Error::Core(e) => describe_core_error_for(e, lang, issuer),
        Error::Browser(e) => describe_browser_error(e, lang),
        Error::Exit(_) => d(String::new(), String::new()),
        Error::Internal(what) => d(
            format!(
                "{} ({what})",
                t(lang, "err-internal-error-tessera-operation-stopped")
            ),
            t(lang, "err-take-card-out-put-back"),
        ),
    }
}

fn describe_browser_error(e: &BrowserError, lang: Lang) -> Described {
    match e {
        BrowserError::InUse(dir) => d(
            format!(
                "{} ({})",
                t(lang, "err-firefox-open-profile-setup-not"),
                dir.display()
            ),
            t(lang, "err-close-firefox-try-again"),
        ),
        BrowserError::NoModule(hint) => d(
            t(lang, "err-module-lets-browser-use-card"),
            format!("{} {hint}", t(lang, "err-install")),
        ),
        BrowserError::BadPolicyFile(path, why) => d(
            format!(
                "{} {} ({why})",
                t(lang, "err-firefox-policy-file-cannot-read"),
                path.display()
            ),
            t(lang, "err-file-not-changed-fix-must"),
        ),
        e => d(
            format!("{} ({e})", t(lang, "err-browser-database-cannot-changed")),
            t(lang, "err-open-browser-once-close-try"),
        ),
    }
}

/// A card-layer error in the user's language, advice naming no office.
pub fn describe_core_error(e: &CoreError, lang: Lang) -> Described {
    describe_core_error_for(e, lang, None)
}

/// A card-layer error in the user's language, with the advice for the card's issuer.
pub fn describe_core_error_for(e: &CoreError, lang: Lang, issuer: Option<Issuer>) -> Described {
    let advice = advice(issuer, lang);
    match e {
        CoreError::Transport(t) => describe_transport(t, lang),
        CoreError::CardDied => d(
            t(lang, "err-card-stopped-answering-during-operation"),
            t(lang, "err-take-card-out-put-back-2"),
        ),
        CoreError::SecureChannel => d(
            t(lang, "err-secure-channel-card-broke-altered"),
            t(lang, "err-take-card-out-put-back-3"),
        ),
        CoreError::CardNotAuthentic => d(
            t(lang, "err-card-failed-its-authentication-may"),
            t(lang, "err-do-not-type-pin-contact"),
        ),
        CoreError::SimulatedCard => d(
            t(lang, "err-card-authenticated-tesseras-public-test"),
            t(lang, "err-do-not-type-pin-only"),
        ),
        CoreError::Card(c) => d(
            format!("{} ({c})", t(lang, "err-card-answered-unexpectedly")),
            t(lang, "err-try-again-if-happens-again"),
        ),
        CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 0 } => d(
            t(lang, "err-wrong-pin-pin-now-blocked"),
            t(lang, "err-unblock-puk-envelope-came-card"),
        ),
        CoreError::WrongSecret { kind: PinKind::Pin, tries_left } => d(
            fmt(lang, "err-wrong-pin-tries-left", &[("tries_left", tries_left.into())]),
            t(lang, "err-check-pin-calmly-before-trying"),
        ),
        CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 0 } | CoreError::PukBlocked => {
            describe_puk_blocked(lang, matches!(e, CoreError::WrongSecret { .. }), &advice)
        }
        CoreError::WrongSecret { kind: PinKind::Puk, tries_left } => d(
            fmt(lang, "err-wrong-puk-puk-tries-left", &[("tries_left", tries_left.into())]),
            format!(
                "{} {}",
                advice.puk_where,
                t(lang, "err-check-before-trying-again-if")
            ),
        ),
        CoreError::PinBlocked => d(
            t(lang, "err-pin-blocked-too-many-wrong"),
            t(lang, "err-unblock-puk-choose-new-pin"),
        ),
        CoreError::LastTryNotConfirmed { kind, tries_known } => {
            let what = match (kind, tries_known) {
                (PinKind::Pin, true) => tr(lang, Text::LastTryWarningPin).to_owned(),
                (PinKind::Puk, true) => tr(lang, Text::LastTryWarningPuk).to_owned(),
                (_, false) => tr(lang, Text::UnknownTriesWarning).to_owned(),
            };
            d(
                what,
                t(lang, "err-last-try-hint"),
            )
        }
        CoreError::Interrupted(i) => describe_interruption(i, lang),
        CoreError::InvalidInput(r) => describe_rule(*r, lang),
        CoreError::Cancelled => d(tr(lang, Text::Cancelled), t(lang, "err-can-try-again-whenever-like")),
        CoreError::UnsupportedCard { atr, cie: true } => d(
            format!("{} (ATR {atr})", t(lang, "err-electronic-identity-card-cie-version")),
            t(lang, "err-cie-use-official-cieid-software"),
        ),
        CoreError::UnsupportedCard { atr, cie: false } => d(
            format!("{} (ATR {atr})", t(lang, "err-card-not-recognised-neither-cps")),
            t(lang, "err-check-inserted-carta-provinciale-dei"),
        ),
        CoreError::Certificate(c) => d(
            format!("{} ({c})", t(lang, "err-certificate-card-cannot-read")),
            t(lang, "err-contact-helpdesk-card-may-need"),
        ),
        CoreError::CardModelNotSupported { atr } => d(
            format!(
                "{} (ATR {atr})",
                t(lang, "err-cns-card-but-model-tessera")
            ),
            t(lang, "err-card-not-damaged-no-pin"),
        ),
        CoreError::LoginExpired => d(
            t(lang, "err-card-login-no-longer-valid"),
            t(lang, "err-log-again-pin"),
        ),
        CoreError::NoCertificate => d(
            t(lang, "err-tessera-did-not-find-authentication"),
            t(lang, "err-may-card-model-tessera-does"),
        ),
        CoreError::Io { path, source } => {
            use std::io::ErrorKind;
            let cannot = t(lang, "err-cannot-write");
            let (why, next) = match source.kind() {
                ErrorKind::NotFound => (
                    t(lang, "err-folder-does-not-exist"),
                    t(lang, "err-create-folder-first-choose-folder"),
                ),
                ErrorKind::AlreadyExists => (
                    t(lang, "err-file-already-exists"),
                    "{replace_hint}",
                ),
                ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => (
                    t(lang, "err-may-not-write-there"),
                    t(lang, "err-choose-folder-own-example-documents"),
                ),
                ErrorKind::StorageFull | ErrorKind::QuotaExceeded => (
                    t(lang, "err-disk-full"),
                    t(lang, "err-free-some-space-choose-another"),
                ),
                _ => (
                    "",
                    t(lang, "err-choose-another-folder-file-name"),
                ),
            };
            let what = if why.is_empty() { format!("{cannot} {path}: {source}") } else { format!("{cannot} {path}: {why}") };
            d(what, next)
        }
    }
}

/// A PIN operation cut short: what broke, what may have reached the card, what to do before
/// anything else (never "just retry": the new PIN may already be in force).
fn describe_interruption(i: &tessera_core::service::Interruption, lang: Lang) -> Described {
    use tessera_core::service::{PinOp, Stage};
    let cause = describe_core_error(&i.cause, lang).what;
    let p = &i.pending;
    let (what, next) = match (p.stage, p.op) {
        (Stage::NothingSent, _) => (
            t(lang, "err-no-pin-puk-reached-card"),
            t(lang, "err-put-card-back-try-again"),
        ),
        (Stage::CheckSent, PinOp::Change) => (
            t(lang, "err-pin-not-changed-current-pin"),
            t(lang, "err-old-pin-still-valid-one"),
        ),
        (Stage::CheckSent, PinOp::Unblock) => (
            t(lang, "err-pin-not-unblocked-puk-reached"),
            t(lang, "err-put-card-back-tessera-reads"),
        ),
        (Stage::CommandSent, PinOp::Change) => (
            t(lang, "err-pin-change-reached-card-but"),
            t(lang, "err-do-not-try-old-pin"),
        ),
        (Stage::CommandSent, PinOp::Unblock) => (
            t(lang, "err-unblock-reached-card-but-its"),
            t(lang, "err-do-not-repeat-unblock-yet"),
        ),
    };
    d(format!("{cause} {what}"), next)
}

/// What the counters read after an interruption say, and which PIN to use.
pub fn describe_after_check(p: &tessera_core::service::Pending, c: &tessera_core::service::AfterCheck, lang: Lang) -> Described {
    use tessera_core::service::{PinOp, Verdict};
    let pin_left = c.pin.known().map_or_else(|| tr(lang, Text::Unknown).to_owned(), |n| n.to_string());
    let puk_left = c.puk.known().map_or_else(|| tr(lang, Text::Unknown).to_owned(), |n| n.to_string());
    match (c.verdict, p.op) {
        (Verdict::Applied, PinOp::Change) => d(
            t(lang, "err-checked-card-had-carried-out"),
            t(lang, "err-use-new-pin-from-now"),
        ),
        (Verdict::Applied, PinOp::Unblock) => d(
            t(lang, "err-checked-card-had-carried-out-2"),
            t(lang, "err-use-new-pin-from-now-2"),
        ),
        (Verdict::NotApplied { try_spent: Some(true) }, PinOp::Change) => d(
            fmt(lang, "err-checked-change-did-not-happen", &[("pin_left", pin_left.into())]),
            t(lang, "err-old-pin-still-valid-one-2"),
        ),
        (Verdict::NotApplied { try_spent: Some(true) }, PinOp::Unblock) => d(
            fmt(lang, "err-checked-unblock-did-not-happen", &[("puk_left", puk_left.into())]),
            t(lang, "err-check-puk-before-trying-again"),
        ),
        (Verdict::NotApplied { try_spent }, op) => d(
            t(lang, match (op, try_spent) {
                (PinOp::Change, Some(false)) => "err-change-not-done-no-try-used",
                (PinOp::Change, _) => "err-change-not-done",
                (PinOp::Unblock, Some(false)) => "err-unblock-not-done-no-try-used",
                (PinOp::Unblock, _) => "err-unblock-not-done",
            }),
            t(lang, "err-can-try-again"),
        ),
        (Verdict::Unknown, PinOp::Change) => d(
            fmt(lang, "err-change-outcome-unknown", &[("pin_left", pin_left.into())]),
            t(lang, "err-next-time-try-new-pin"),
        ),
        (Verdict::Unknown, PinOp::Unblock) => d(
            fmt(lang, "err-unblock-outcome-unknown", &[("pin_left", pin_left.into()), ("puk_left", puk_left.into())]),
            t(lang, "err-next-time-try-new-pin-2"),
        ),
    }
}

fn describe_puk_blocked(lang: Lang, just_now: bool, advice: &Advice) -> Described {
    let what = if just_now {
        t(lang, "err-wrong-puk-puk-now-blocked")
    } else {
        t(lang, "err-puk-blocked-pin-can-no")
    };
    let next = if advice.still_works.is_empty() { advice.puk_blocked.to_owned() } else { format!("{} {}", advice.puk_blocked, advice.still_works) };
    d(what, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each error a user can meet (the variants that carry no card data).
    fn every_error() -> Vec<Error> {
        let transport = [
            TransportError::NoService,
            TransportError::NoReader,
            TransportError::UnknownReader("X".into()),
            TransportError::NoCard,
            TransportError::CardRemoved,
            TransportError::Reset,
            TransportError::SharingViolation,
            TransportError::Unresponsive,
            TransportError::Cancelled,
            TransportError::Timeout,
        ];
        let mut all: Vec<Error> = transport.into_iter().map(|t| Error::Core(CoreError::Transport(t))).collect();
        let core = [
            CoreError::CardDied,
            CoreError::SecureChannel,
            CoreError::CardNotAuthentic,
            CoreError::SimulatedCard,
            CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 0 },
            CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 2 },
            CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 0 },
            CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 5 },
            CoreError::PinBlocked,
            CoreError::LoginExpired,
            CoreError::PukBlocked,
            CoreError::LastTryNotConfirmed { kind: PinKind::Pin, tries_known: true },
            CoreError::LastTryNotConfirmed { kind: PinKind::Puk, tries_known: false },
            CoreError::Cancelled,
            CoreError::UnsupportedCard { atr: "3B".into(), cie: false },
            CoreError::UnsupportedCard { atr: "3B".into(), cie: true },
            CoreError::CardModelNotSupported { atr: "3B".into() },
            CoreError::NoCertificate,
            CoreError::Io { path: "f".into(), source: std::io::ErrorKind::AlreadyExists.into() },
            CoreError::Io { path: "f".into(), source: std::io::ErrorKind::NotFound.into() },
        ];
        all.extend(core.into_iter().map(Error::Core));
        all
    }

    /// A command line in a text: `tessera` followed by a command, a `--flag`, or sudo.
    fn command_line_in(text: &str) -> Option<&'static str> {
        let commands = ["status", "pin ", "report", "readers", "cert ", "browser", "selftest", "atr ", "simulate"];
        if commands.iter().any(|c| text.contains(&format!("tessera {c}"))) {
            return Some("tessera <command>");
        }
        if text.split_whitespace().any(|w| w.starts_with("--") && w.len() > 2) {
            return Some("--flag");
        }
        text.contains("sudo ").then_some("sudo")
    }

    #[test]
    fn no_window_message_contains_a_command_line() {
        for lang in [Lang::It, Lang::En, Lang::De] {
            for e in every_error() {
                for issuer in [None, Some(Issuer::Cps), Some(Issuer::TsCns), Some(Issuer::Cie)] {
                    let m = describe_error_for(&e, lang, issuer, Surface::Window);
                    for text in [&m.what, &m.next] {
                        assert!(command_line_in(text).is_none(), "{e:?} in the window says {:?}: {text}", command_line_in(text));
                        assert!(!text.contains('{'), "an unfilled token: {text}");
                    }
                }
            }
        }
        // The same messages on the command line still name the commands.
        let cli = describe_error_for(&Error::Core(CoreError::PinBlocked), Lang::It, None, Surface::Cli);
        assert!(cli.next.contains("tessera pin unblock"), "{cli:?}");
        let window = describe_error_for(&Error::Core(CoreError::PinBlocked), Lang::It, None, Surface::Window);
        assert!(window.next.contains("«Sblocca PIN»"), "{window:?}");
        let demo = describe_error_for(&Error::Core(CoreError::Transport(TransportError::NoReader)), Lang::En, None, Surface::Window);
        assert!(demo.next.contains("menu \u{201c}Demo card\u{201d}"), "{demo:?}");
    }

    /// The window's own labels and texts (src/i18n/ui.rs) name no command line either.
    #[test]
    fn no_window_label_contains_a_command_line() {
        let source = include_str!("ui.rs");
        for line in source.lines().filter(|l| l.contains('"')) {
            assert!(command_line_in(line).is_none(), "{line}");
        }
    }

    #[test]
    fn puk_blocked_points_to_the_issuer_of_the_card_in_every_language() {
        for lang in [Lang::It, Lang::En, Lang::De] {
            let cps = describe_core_error_for(&CoreError::PukBlocked, lang, Some(Issuer::Cps));
            assert!(cps.next.contains("APSS") && cps.next.contains("Agenzia delle Entrate"), "{cps:?}");
            let cie = describe_core_error_for(&CoreError::PukBlocked, lang, Some(Issuer::Cie));
            assert!(cie.next.contains("Comune") || cie.next.contains("Gemeinde"), "{cie:?}");
            assert!(!cie.next.contains("APSS") && !cie.next.contains("Agenzia"), "{cie:?}");
            let wrong_puk = describe_core_error_for(&CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 4 }, lang, Some(Issuer::Cie));
            assert!(wrong_puk.next.contains("CieID"), "the CIE PUK comes in two halves: {wrong_puk:?}");
        }
    }
}
