//! Error messages: what happened and what to do next, in every language. One function for
//! every error: its row of the error table names the Fluent message (`err-<msg>-what`,
//! `err-<msg>-next`), the error gives the message's variables, and the card's issuer the advice's.

use super::actions::{Surface, fill};
use super::lang::Lang;
use super::text::{Text, t, tr};
use crate::Error;
use super::advice::{Issuer, advice};
use crate::error::CoreError;
use fluent_bundle::FluentValue;
use tessera_core::error::Arg;
use tessera_core::error_table::ErrorRow;
use tessera_core::card::TriesLeft;

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

/// Describes any error for the command line, with advice that names no office.
pub fn describe_error(e: &Error, lang: Lang) -> Described {
    describe_error_for(e, lang, None, Surface::Cli)
}

/// Describes any error for the user; the advice (where the PUK is, where to go) is the one for
/// the card's issuer when it is known, and the ways to act are those of `surface`.
pub fn describe_error_for(e: &Error, lang: Lang, issuer: Option<Issuer>, surface: Surface) -> Described {
    match e {
        Error::Core(c) => describe_core_for(c, lang, issuer, surface),
        _ => describe(e.row(), e.message_args(), lang, issuer, surface),
    }
}

/// A card-layer error in the user's language (see [`describe_error_for`]).
pub fn describe_core_for(e: &CoreError, lang: Lang, issuer: Option<Issuer>, surface: Surface) -> Described {
    describe(e.row(), e.message_args(), lang, issuer, surface)
}

/// The one translation of an error: its row's two messages, with the error's variables and the
/// advice for the issuer.
fn describe(row: &ErrorRow, values: Vec<(&'static str, Arg<'_>)>, lang: Lang, issuer: Option<Issuer>, surface: Surface) -> Described {
    let advice = advice(issuer, lang);
    let mut args: Vec<(&str, FluentValue<'_>)> = vec![
        ("puk_where", advice.puk_where.into()),
        ("puk_blocked", advice.puk_blocked.into()),
        ("still_works", advice.still_works.into()),
    ];
    for (name, value) in values {
        let v = match value {
            Arg::Num(n) => FluentValue::from(n),
            Arg::Text(t) => FluentValue::from(t),
            // An interruption's cause: its own "what happened", told first.
            Arg::Error(cause) => FluentValue::from(describe_core_for(cause, lang, issuer, surface).what),
        };
        args.push((name, v));
    }
    let text = |part: &str| {
        let formatted = fmt(lang, &format!("err-{}-{part}", row.msg), &args);
        // An advice variable an issuer leaves empty leaves no stray space.
        fill(&formatted.split_whitespace().collect::<Vec<_>>().join(" "), lang, surface)
    };
    d(text("what"), text("next"))
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
        // "At most one try" holds only with two or more left; else a guess could block the PIN.
        (Verdict::Unknown, op) => {
            let safe_to_try = c.pin.known().is_some_and(|n| n >= 2);
            let (what, next) = match op {
                PinOp::Change => (
                    fmt(lang, "err-change-outcome-unknown", &[("pin_left", pin_left.into())]),
                    "err-next-time-try-new-pin",
                ),
                PinOp::Unblock => (
                    fmt(lang, "err-unblock-outcome-unknown", &[("pin_left", pin_left.into()), ("puk_left", puk_left.into())]),
                    "err-next-time-try-new-pin-2",
                ),
            };
            d(what, t(lang, if safe_to_try { next } else { "err-next-time-counter-unknown" }).to_owned())
        }
    }
}

/// What to do when the counters could not be read after an interruption (the card did not come
/// back, the service went away): what each reading will mean when the card is back, from the
/// counters read before the operation. Never a guess: a full counter before cannot tell.
pub fn describe_unchecked(p: &tessera_core::service::Pending, lang: Lang) -> String {
    use tessera_core::service::{PinOp, Stage};
    let max = p.policy.pin_max_tries;
    let num = |left: TriesLeft| left.known().map_or_else(|| tr(lang, Text::Unknown).to_owned(), |n| n.to_string());
    let detail = match (p.stage, p.op, p.before.pin) {
        (Stage::CheckSent, PinOp::Change, b) => fmt(lang, "err-unchecked-check-change", &[("before", num(b).into())]),
        (Stage::CheckSent, PinOp::Unblock, _) => fmt(lang, "err-unchecked-check-unblock", &[("before", num(p.before.puk).into())]),
        (_, _, TriesLeft::Unknown) => t(lang, "err-unchecked-unknown").to_owned(),
        (_, PinOp::Change, TriesLeft::Known(b)) if b >= max => {
            fmt(lang, "err-unchecked-full", &[("max", max.to_string().into()), ("fewer", (max - 1).to_string().into())])
        }
        (_, PinOp::Unblock, TriesLeft::Known(b)) if b >= max => fmt(lang, "err-unchecked-full-unblock", &[("max", max.to_string().into())]),
        (_, PinOp::Change, TriesLeft::Known(b)) => fmt(
            lang,
            "err-unchecked-change",
            &[("before", b.to_string().into()), ("max", max.to_string().into()), ("fewer", b.saturating_sub(1).to_string().into())],
        ),
        (_, PinOp::Unblock, TriesLeft::Known(b)) => {
            fmt(lang, "err-unchecked-unblock", &[("before", b.to_string().into()), ("max", max.to_string().into())])
        }
    };
    format!("{} {detail}", tr(lang, Text::CouldNotCheck))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_core::secret::PinKind;
    use tessera_core::transport::TransportError;

    /// Every row of the error table, the core's and the app's, has both messages in every
    /// language (a message missing in one language would fall back to Italian).
    #[test]
    fn every_row_has_its_two_messages_in_every_language() {
        for (_, code, src) in crate::i18n::fluent::SOURCES {
            for row in tessera_core::error_table::ALL.iter().chain(crate::error::APP_ROWS) {
                for part in ["what", "next"] {
                    let id = format!("err-{}-{part} = ", row.msg);
                    assert!(src.lines().any(|l| l.starts_with(&id)), "{code}.ftl has no {id}");
                }
            }
        }
    }

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
            let cps = describe_core_for(&CoreError::PukBlocked, lang, Some(Issuer::Cps), Surface::Cli);
            assert!(cps.next.contains("APSS") && cps.next.contains("Agenzia delle Entrate"), "{cps:?}");
            let cie = describe_core_for(&CoreError::PukBlocked, lang, Some(Issuer::Cie), Surface::Cli);
            assert!(cie.next.contains("Comune") || cie.next.contains("Gemeinde"), "{cie:?}");
            assert!(!cie.next.contains("APSS") && !cie.next.contains("Agenzia"), "{cie:?}");
            let wrong_puk = describe_core_for(&CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 4 }, lang, Some(Issuer::Cie), Surface::Cli);
            assert!(wrong_puk.next.contains("CieID"), "the CIE PUK comes in two halves: {wrong_puk:?}");
        }
    }
}
