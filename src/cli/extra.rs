//! Browser setup, helpdesk report and self-test commands.

use crate::i18n::t;
use super::args::{BrowserArgs, BrowserCommand, CardArgs};
use super::output::{Ctx, code};
use super::open::{open, open_unwatched, simulated_banner};
use super::prompt::{Prompter, confirm_last_try};
use crate::error::CoreError;
use crate::i18n::{Text, tr};
use tessera_core::card::{CardIdentity, CardType};
use tessera_core::secret::{Pin, PinKind};
use crate::browser::{self, BrowserError, BrowserKind, NssDatabase};
use crate::report;
use crate::selftest::{self, StepResult};
use tessera_core::transport::Connection;
use tessera_pcsc::PcscContext;
use crate::{Error, Result};

/// The inserted card's type from its ATR alone (no APDU: a CIE would otherwise need a whole
/// authenticated session just to pick the browser module).
fn card_type(card: &CardArgs, ctx: &Ctx) -> Option<CardType> {
    // The ATR from the reader list: no connection, so no wait on another program's transaction.
    let atr = if card.demo.is_some() {
        open_unwatched(card, ctx).ok()?.conn.atr().to_vec()
    } else {
        let rs = PcscContext::establish().ok()?.readers().ok()?;
        rs.into_iter().find(|r| r.card_present && card.reader.as_ref().is_none_or(|n| *n == r.name))?.atr
    };
    CardIdentity::of(&atr).card_type()
}

pub(super) fn browser(cmd: BrowserCommand, ctx: &Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let (args, action) = match cmd {
        BrowserCommand::Status(a) => (a, 0),
        BrowserCommand::Setup(a) => (a, 1),
        BrowserCommand::Remove(a) => (a, 2),
    };
    let dbs: Vec<NssDatabase> = match &args.nss_db {
        Some(dir) => vec![NssDatabase { browser: BrowserKind::Custom, name: dir.display().to_string(), dir: dir.clone() }],
        None => browser::discover(),
    };
    let library = module(&args, ctx)?;
    if dbs.is_empty() && !args.card.json {
        out!("{}", t(lang, "cli-no-browser-profile-found-firefox"));
    }
    // The policy file first: one that cannot be parsed stops the setup before anything changed.
    if let Some(policy) = &args.policy_file
        && action == 1 {
            browser::write_policy(policy, &library)?;
        }
    let mut first_err = None;
    let mut rows = Vec::new();
    for db in &dbs {
        let res = match action {
            1 => browser::register(&db.dir, &library).map(Some),
            2 => browser::unregister(&db.dir, &library).map(Some),
            _ => Ok(None),
        };
        let state = browser::state(db, Some(&library));
        let note = match &res {
            Ok(Some(true)) => t(lang, "cli-changed").to_owned(),
            Ok(Some(false)) => t(lang, "cli-already-so").to_owned(),
            Ok(None) => String::new(),
            Err(e) => ctx.describe(e).what,
        };
        if args.card.json {
            rows.push(serde_json::json!({"browser": state.db.browser, "profile": state.db.name, "dir": state.db.dir,
                "registered": state.registered, "in_use": state.in_use, "legacy": state.legacy,
                "ok": res.is_ok(), "note": note}));
        } else {
            let reg = if state.registered { t(lang, "cli-set-up") } else { t(lang, "cli-not-set-up") };
            out!("{:?} {} ({}): {reg}{}", state.db.browser, state.db.name, state.db.dir.display(), if note.is_empty() { String::new() } else { format!(" — {note}") });
        }
        if let Err(e) = res {
            first_err.get_or_insert(e);
        }
    }
    if args.card.json {
        out!("{}", serde_json::to_string_pretty(&serde_json::json!({"module": library, "databases": rows})).unwrap_or_default());
    }
    match first_err {
        Some(e) => Err(e),
        None => Ok(code::OK),
    }
}

fn module(args: &BrowserArgs, ctx: &Ctx) -> Result<std::path::PathBuf> {
    if let Some(m) = &args.module {
        // A short name (tessera, opensc, cie) or a path to any PKCS#11 library.
        if let Some(choice) = m.to_str().and_then(browser::module_named) {
            return choice.path.ok_or(Error::Browser(BrowserError::NoModule(choice.install_hint)));
        }
        return Ok(m.clone());
    }
    let named = args.card_type.as_deref().map(|t| if t.eq_ignore_ascii_case("cie") { CardType::Cie } else { CardType::Cps });
    let ty = named.or_else(|| card_type(&args.card, ctx)).unwrap_or(CardType::Cps);
    let choice = browser::module_for(ty);
    choice.path.ok_or(Error::Browser(BrowserError::NoModule(choice.install_hint)))
}

pub(super) fn report(card: &CardArgs, include_personal_data: bool, out_file: Option<&std::path::Path>, force: bool, ctx: &Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let demo = card.demo.is_some();
    // Reader list, PIN-pad probe and card read all wait while another program holds the card:
    // the whole report runs watched (it sends nothing secret, so giving up is always safe).
    let r = super::guard::connecting(ctx, || {
        let readers = if demo {
            Ok(Vec::new())
        } else {
            PcscContext::establish()
                .and_then(|ctx| {
                    let rs = ctx.readers()?;
                    Ok(rs
                        .into_iter()
                        .map(|r| {
                            let pinpad = if r.card_present { ctx.connect(Some(&r.name)).ok().and_then(|c| c.has_pinpad()) } else { None };
                            (r, pinpad)
                        })
                        .collect())
                })
                .map_err(Error::from)
        };
        let conn: Result<Box<dyn Connection>> = open_unwatched(card, ctx).map(|o| o.conn);
        Ok(report::build(readers, conn, include_personal_data, demo, lang))
    })?;
    let text = if card.json { serde_json::to_string_pretty(&r).unwrap_or_default() } else { report::to_text(&r, lang) };
    if let Some(p) = out_file {
        let existing = if force { tessera_files::atomic::Existing::Replace } else { tessera_files::atomic::Existing::Refuse };
        tessera_files::atomic::write(p, text.as_bytes(), existing).map_err(|source| Error::Core(CoreError::Io { path: p.display().to_string(), source }))?;
    }
    out!("{}", text.trim_end());
    Ok(code::OK)
}

pub(super) fn selftest(card: &CardArgs, confirm_flag: bool, ctx: &Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let mut o = open(card, ctx)?;
    let st = super::guard::run(o.conn.as_mut(), ctx, |c| tessera_core::service::pin_status(c))?;
    simulated_banner(&o, &st, lang);
    if st.simulated && !o.conn.trusts_simulated_cards() {
        return Err(Error::Core(CoreError::SimulatedCard));
    }
    if st.pin.is_blocked() {
        return Err(Error::Core(CoreError::PinBlocked));
    }
    let mut p = Prompter::new();
    if !card.json {
        eprintln!(
            "{}",
            t(lang, "cli-test-really-verifies-pin-wrong")
        );
        eprintln!("{}: {}", tr(lang, Text::PinTries), super::output::dots(st.pin.known(), st.policy.pin_max_tries, lang));
    }
    let confirmed = confirm_last_try(PinKind::Pin, st.pin, confirm_flag, &mut p, ctx)?;
    let typed = p.secret(tr(lang, Text::PromptCurrentPin), PinKind::Pin).map_err(|e| Error::Core(CoreError::InvalidInput(e.into())))?;
    let pin = Pin::parse(typed, st.policy.pin).map_err(|e| Error::Core(CoreError::InvalidInput(e.into())))?;
    let res = super::guard::run(o.conn.as_mut(), ctx, |c| selftest::run(c, &pin, confirmed))?;
    if card.json {
        out!("{}", serde_json::to_string_pretty(&serde_json::json!({"passed": res.passed(), "demo": o.demo, "steps": res.steps})).unwrap_or_default());
    } else {
        for s in &res.steps {
            let name = match s.id {
                "certificate_dates" => t(lang, "cli-certificate-dates"),
                "pin" => "PIN",
                "signature" => t(lang, "cli-signature-cards-key"),
                _ => t(lang, "cli-signature-verification"),
            };
            let mark = match s.result {
                StepResult::Pass => "OK  ",
                StepResult::Fail => "FAIL",
                StepResult::Skipped => "--  ",
            };
            out!("[{mark}] {name}: {}", s.detail_text(lang));
        }
    }
    if !res.passed() {
        ctx.log_error("selftest_failed", t(lang, "log-selftest-failed"));
    }
    Ok(if res.passed() { code::OK } else { code::SELFTEST_FAILED })
}

