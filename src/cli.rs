//! The command-line front-end: parses arguments, collects input, calls `service`, prints.

/// Prints a line on stdout, ignoring a closed pipe (`tessera status | head`).
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

mod args;
mod extra;
mod guard;
mod help;
mod open;
mod output;
mod prompt;

pub use args::Cli;
pub use output::{Ctx, code};

use tessera_core::card::detect::atr_from_hex;
use tessera_core::card::identity::{CardKind, explain};
use tessera_core::card::{CardIdentity, PinPolicy};
use tessera_core::cert::ExportFormat;
use crate::error::CoreError;
use crate::i18n::{Lang, Text, describe_warning, tr};
use tessera_core::secret::{PinKind, Puk};
use tessera_core::service::{self, ChangePin, PinStatus, UnblockPin};
use tessera_sim::{self, Preset, SimCard, SimConfig, SimProfile};
use tessera_pcsc::PcscContext;
use crate::{Error, Result};
use args::{CardArgs, CertCommand, Command, Format, PinCommand};
use open::{Opened, open, refuse_untrusted_simulated_cie, simulated_banner};
use prompt::{Prompter, confirm_last_try};
use std::process::ExitCode;

/// Entry point of the `tessera` binary.
pub fn run() -> ExitCode {
    let started = std::time::Instant::now();
    // Help and usage errors in the user's language: chosen before clap runs.
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early_lang = help::lang_before_parsing(&argv);
    args::set_message_lang(early_lang);
    let parsed = help::localized(<Cli as clap::CommandFactory>::command(), early_lang)
        .try_get_matches_from(&argv)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let text = help::render_error(&e, early_lang);
            if e.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return ExitCode::from(if e.use_stderr() { code::USAGE } else { code::OK });
        }
    };
    init_logging(cli.verbose);
    // A CIE's certificate and EF.SOD verdict, remembered between runs (docs/pkcs11.md).
    if let Some(store) = tessera_files::cache::functions() {
        tessera_core::card::cie::memory::install(Box::new(store));
    }
    let lang_arg = cli.lang.as_deref().and_then(Lang::from_code);
    // The same language the help and the usage errors were given in (--lang, TESSERA_LANG, the
    // system's): found once, before clap ran.
    let lang = early_lang;
    if cli.command.is_none() {
        let demo = match cli.window_demo.as_deref().map(|p| (cli.window_demo_profile.parse::<SimProfile>(), p.parse::<Preset>())) {
            None => None,
            Some((Ok(profile), Ok(preset))) => Some((profile, preset)),
            Some((Err(m), _) | (_, Err(m))) => {
                eprintln!("{m}");
                return ExitCode::from(code::USAGE);
            }
        };
        return crate::gui::run(crate::gui::GuiOptions { demo, lang: lang_arg, started });
    }
    // A bug must end in a clear message and exit code 1, never Rust's exit code 101.
    std::panic::set_hook(Box::new(|info| tracing::error!("internal error: {info}")));
    let json = std::env::args().any(|a| a == "--json");
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| dispatch(cli, lang))) {
        Ok(code) => ExitCode::from(code),
        Err(panic) => {
            let what = crate::error::panic_message(panic.as_ref());
            ExitCode::from(Ctx::new(lang, json).report_error(&Error::Internal(what)))
        }
    }
}

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "tessera=debug",
        _ => "tessera=trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("TESSERA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false).try_init();
}

fn dispatch(cli: Cli, lang: Lang) -> u8 {
    let Some(command) = cli.command else {
        return code::OK;
    };
    match command {
        Command::Readers { json } => finish(readers(lang, json), &Ctx::new(lang, json)),
        Command::Status(card) => {
            let ctx = Ctx::new(lang, card.json);
            let r = open(&card, &ctx).and_then(|mut o| {
                let ov = guard::run(o.conn.as_mut(), &ctx, |c| service::overview(c))?;
                output::print_overview(&ov, o.demo, &ctx);
                Ok(code::OK)
            });
            finish(r, &ctx)
        }
        Command::Pin(PinCommand::Change { card, confirm_last_try }) => {
            let ctx = Ctx::new(lang, card.json);
            finish(pin_change(&card, confirm_last_try, &ctx), &ctx)
        }
        Command::Pin(PinCommand::Unblock { card, confirm_last_try }) => {
            let ctx = Ctx::new(lang, card.json);
            finish(pin_unblock(&card, confirm_last_try, &ctx), &ctx)
        }
        Command::Cert(CertCommand::Show(card)) => {
            let ctx = Ctx::new(lang, card.json);
            let r = open(&card, &ctx).and_then(|mut o| {
                let c = guard::run(o.conn.as_mut(), &ctx, |c| service::read_certificate(c))?;
                output::print_certificate(&c.summary, o.demo, &ctx);
                Ok(code::OK)
            });
            finish(r, &ctx)
        }
        Command::Cert(CertCommand::Export { card, format, out, force }) => {
            let ctx = Ctx::new(lang, card.json);
            let r = open(&card, &ctx).and_then(|mut o| {
                if o.demo && !card.json {
                    eprintln!("*** {} ***", tr(lang, Text::DemoBanner));
                }
                let c = guard::run(o.conn.as_mut(), &ctx, |c| service::read_certificate(c))?;
                let f = match format {
                    Format::Pem => ExportFormat::Pem,
                    Format::Der => ExportFormat::Der,
                };
                let out = out.clone().unwrap_or_else(|| crate::export::default_path(&c.summary, f));
                crate::export::certificate(&c.der, f, &out, force)?;
                if card.json {
                    out!("{}", serde_json::json!({"ok": true, "path": out, "demo": o.demo, "sha256": c.summary.sha256}));
                } else {
                    out!("{} {}", tr(lang, Text::Exported), out.display());
                }
                Ok(code::OK)
            });
            finish(r, &ctx)
        }
        Command::Atr { hex, json } => atr(&hex.join(" "), lang, json),
        Command::Browser(cmd) => {
            let json = match &cmd {
                args::BrowserCommand::Status(a) | args::BrowserCommand::Setup(a) | args::BrowserCommand::Remove(a) => a.card.json,
            };
            let ctx = Ctx::new(lang, json);
            finish(extra::browser(cmd, &ctx), &ctx)
        }
        Command::Report { card, include_personal_data, out, force } => {
            let ctx = Ctx::new(lang, card.json);
            finish(extra::report(&card, include_personal_data, out.as_deref(), force, &ctx), &ctx)
        }
        Command::Selftest { card, confirm_last_try } => {
            let ctx = Ctx::new(lang, card.json);
            finish(extra::selftest(&card, confirm_last_try, &ctx), &ctx)
        }
        Command::Simulate { profile, preset, pin, puk, vpcd, forever, write_ca } => {
            if let Some(path) = write_ca {
                let written = tessera_sim::keys::ca_certificate()
                    .map_err(|e| e.to_string())
                    .and_then(|der| tessera_core::cert::export(&der, tessera_core::cert::ExportFormat::Pem).map_err(|e| e.to_string()))
                    .and_then(|pem| std::fs::write(&path, pem).map_err(|e| e.to_string()));
                if let Err(e) = written {
                    eprintln!("{}: {e}", path.display());
                    return code::IO;
                }
            }
            simulate(profile, preset, pin, puk, &vpcd, forever)
        }
    }
}

/// A command's exit code: its own on success (0, or what it reported itself), the error
/// table's on an error, which is reported here.
fn finish(r: Result<u8>, ctx: &Ctx) -> u8 {
    r.unwrap_or_else(|e| ctx.report_error(&e))
}

fn readers(lang: Lang, json: bool) -> Result<u8> {
    let pcsc = PcscContext::establish()?;
    let list = pcsc.readers()?;
    if json {
        out!("{}", serde_json::to_string_pretty(&list).unwrap_or_default());
        return Ok(code::OK);
    }
    if list.is_empty() {
        out!("{}", tr(lang, Text::NoReaders));
    }
    for r in list {
        let state = if r.card_present { tr(lang, Text::CardPresent) } else { tr(lang, Text::NoCardInReader) };
        out!("{}  [{}]{}", r.name, state, if r.atr.is_empty() { String::new() } else { format!("  ATR {}", tessera_core::apdu::hex(&r.atr)) });
    }
    Ok(code::OK)
}

fn atr(text: &str, lang: Lang, json: bool) -> u8 {
    let bytes = match atr_from_hex(text) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}: {text}");
            return code::USAGE;
        }
    };
    let x = explain(&bytes);
    if json {
        out!("{}", serde_json::to_string_pretty(&x).unwrap_or_default());
        return code::OK;
    }
    out!("ATR: {}", x.atr);
    match &x.kind {
        CardKind::Cns(c) => {
            out!("  CNS ({}) — {}", c.card_type, tr(lang, Text::Supported));
            out!("  IC: {} ({:02X}); OS: {} ({:02X}) {:02X}.{:02X}", c.ic_maker_name, c.ic_maker, c.os_maker_name, c.os_maker, c.os_version.0, c.os_version.1);
            out!("  CNS {}; PIN P2 {}; key size: from the certificate", c.spec_version_text(), if c.is_stincard() { "0x90 (STIncard)" } else { "0x10" });
            let lots = tessera_core::card::cns::lots::probe_order(Some((c.ic_maker, c.os_maker, c.os_version.0)));
            out!("  layouts probed in order: {}", lots.iter().map(|l| l.id.name()).collect::<Vec<_>>().join(", "));
        }
        CardKind::Cie { family, loose_match } => {
            out!("  CIE 3.0 ({}{}) — {}", family.name, if *loose_match { ", loose match" } else { "" }, tr(lang, Text::Supported));
            out!(
                "  IAS: {}; DH parameters: {}",
                if family.ias_by_mf { "SELECT MF" } else { "SELECT AID" },
                if family.dh_single { "one GET DATA" } else { "three GET DATA" }
            );
        }
        CardKind::MaybeCnsContactless { atr_family } => {
            out!("  {atr_family} — {}", tr(lang, Text::MaybeCnsOverNfc));
        }
        CardKind::Unknown => out!("  ? — {}", tr(lang, Text::NotSupported)),
    }
    if let Some(p) = &x.parsed {
        out!("  T={:?}; historical: {} \"{}\"; TCK {}", p.protocols, tessera_core::apdu::hex(&p.historical), x.historical_text, if p.tck_ok { "ok" } else { "BAD" });
    }
    code::OK
}

fn read_secret(p: &mut Prompter, prompt: Text, lang: Lang) -> Result<String> {
    let kind = if prompt == Text::PromptPuk { PinKind::Puk } else { PinKind::Pin };
    p.secret(tr(lang, prompt), kind).map_err(|e| Error::Core(CoreError::InvalidInput(e.into())))
}

/// Reads the new PIN twice and checks it (format, confirmation, differs from `current`) before
/// any card I/O; weak-PIN warnings that need no card are shown here.
fn new_pin_twice(p: &mut Prompter, policy: &PinPolicy, current: Option<&tessera_core::secret::Pin>, lang: Lang) -> Result<tessera_core::secret::Pin> {
    let new = read_secret(p, Text::PromptNewPin, lang)?;
    let again = read_secret(p, Text::PromptNewPinAgain, lang)?;
    let (pin, warnings) = service::new_pin(new, again, current, policy.pin, None)?;
    warn_weak(p, &warnings, lang)?;
    Ok(pin)
}

/// Shows weak-PIN warnings; a person at the terminal may still stop.
fn warn_weak(p: &mut Prompter, warnings: &[service::PinWarning], lang: Lang) -> Result<()> {
    for w in warnings {
        eprintln!("{}", describe_warning(*w, lang));
    }
    if !warnings.is_empty() && p.interactive() && !p.confirm(tr(lang, Text::WeakPinUseAnyway), &["s", "si", "sì", "y", "yes", "j", "ja"]) {
        return Err(Error::Core(CoreError::Cancelled));
    }
    Ok(())
}

/// The birth-date warning, which needs the card's personal data (read with the counters).
fn warn_birth_date(p: &mut Prompter, new: &tessera_core::secret::Pin, st: &PinStatus, lang: Lang) -> Result<()> {
    let birth: Vec<_> = service::pin::weak_pin_warnings(new.expose_secret(), st.birth_date)
        .into_iter()
        .filter(|w| *w == service::PinWarning::BirthDate)
        .collect();
    warn_weak(p, &birth, lang)
}

fn print_ok(json: bool, demo: bool, apdus: u32, text: &str) {
    if json {
        out!("{}", serde_json::json!({"ok": true, "demo": demo, "apdus": apdus}));
    } else {
        out!("{text}");
    }
}

fn pin_change(card: &CardArgs, flag: bool, ctx: &Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let mut o = open(card, ctx)?;
    if o.demo && !card.json {
        eprintln!("*** {} ***", tr(lang, Text::DemoBanner));
    }
    refuse_untrusted_simulated_cie(&mut o, ctx)?;
    // 1. Collect and check every input against the rules of the card type (from the ATR: no
    //    APDU yet); nothing is sent if any check fails.
    let policy = CardIdentity::of(o.conn.atr()).policy();
    let mut p = Prompter::new();
    let current = tessera_core::secret::Pin::parse(read_secret(&mut p, Text::PromptCurrentPin, lang)?, policy.pin)
        .map_err(|e| Error::Core(CoreError::InvalidInput(e.into())))?;
    let new = new_pin_twice(&mut p, &policy, Some(&current), lang)?;
    // 2. Read the counters (no try spent) and confirm a possibly-last try.
    let st = guard::run(o.conn.as_mut(), ctx, |c| service::pin_status(c))?;
    simulated_banner(&o, &st, lang);
    if st.pin.is_blocked() {
        return Err(Error::Core(CoreError::PinBlocked));
    }
    if !card.json {
        eprintln!("{}: {}", tr(lang, Text::PinTries), output::dots(st.pin.known(), st.policy.pin_max_tries, lang));
    }
    warn_birth_date(&mut p, &new, &st, lang)?;
    let confirmed = confirm_last_try(PinKind::Pin, st.pin, flag, &mut p, ctx)?;
    // 3. One transaction: counter check again, then CHANGE REFERENCE DATA.
    match guard::run(o.conn.as_mut(), ctx, |c| service::change_pin(c, ChangePin { current, new, confirm_last_try: confirmed })) {
        Ok(out) => print_ok(card.json, o.demo, out.apdus, tr(lang, Text::PinChanged)),
        Err(e) => return after_interruption(&o, e, ctx),
    }
    Ok(code::OK)
}

/// How long to wait for the card to come back after an interrupted PIN operation (60 s;
/// TESSERA_RECHECK_WAIT_SECS for tests).
fn recheck_wait() -> std::time::Duration {
    std::time::Duration::from_secs(std::env::var("TESSERA_RECHECK_WAIT_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(60))
}

/// After a PIN operation was cut short once a secret had reached the card: says what may have
/// happened, waits for the card to be back in the same reader, reads its counters (no try
/// spent, nothing secret sent) and says which PIN is in force. Other errors pass through.
fn after_interruption(o: &Opened, e: Error, ctx: &Ctx) -> Result<u8> {
    let (lang, json) = (ctx.lang, ctx.json);
    let Error::Core(CoreError::Interrupted(i)) = &e else { return Err(e) };
    if o.demo || i.pending.stage == service::Stage::NothingSent {
        return Err(e);
    }
    let pending = i.pending;
    let m = ctx.describe(&e);
    ctx.log_error(e.row().id, &m.what);
    eprintln!("{}\n{}", m.what, m.next);
    eprintln!("{}", tr(lang, Text::WaitingUpTo60s));
    let reader = o.conn.reader().to_owned();
    let checked = check_when_back(&reader, &pending, recheck_wait());
    let after = match checked {
        Ok(a) => a,
        Err(why) => {
            // Said once, and what each reading will mean later; not "put the card back" again.
            tracing::debug!(error = %why, "no check after the interruption");
            let fallback = crate::i18n::describe_unchecked(&pending, lang);
            if json {
                let j = serde_json::json!({
                    "ok": false,
                    "error": e.row().id,
                    "interrupted": pending.stage,
                    "after_check": serde_json::Value::Null,
                    "message": m.what,
                    "next_step": fallback,
                });
                out!("{}", serde_json::to_string_pretty(&j).unwrap_or_default());
            } else {
                eprintln!("{fallback}");
            }
            return Ok(output::code::INTERRUPTED);
        }
    };
    let v = crate::i18n::describe_after_check(&pending, &after, lang);
    let code = match after.verdict {
        service::Verdict::Applied => output::code::OK,
        service::Verdict::NotApplied { try_spent: Some(true) } => output::code::WRONG_PIN,
        // Definite: it did not happen, the PIN is the one from before.
        service::Verdict::NotApplied { .. } => output::code::NOT_APPLIED,
        service::Verdict::Unknown => output::code::INTERRUPTED,
    };
    if json {
        let j = serde_json::json!({
            "ok": code == output::code::OK,
            "error": if code == output::code::OK { serde_json::Value::Null } else { e.row().id.into() },
            "interrupted": pending.stage,
            "after_check": after,
            "message": v.what,
            "next_step": v.next,
        });
        out!("{}", serde_json::to_string_pretty(&j).unwrap_or_default());
    } else if code == output::code::OK {
        out!("{}\n{}", v.what, v.next);
    } else {
        eprintln!("{}\n{}", v.what, v.next);
    }
    Ok(code)
}

/// Waits until a card is in `reader` (it may already be, or the service may not have seen the
/// removal yet), then reads its counters. Only counter reads are repeated: nothing secret.
/// The smart-card service itself may be restarting (a fault that took pcscd down): it is
/// waited for too, within the same time.
fn check_when_back(reader: &str, pending: &service::Pending, timeout: std::time::Duration) -> Result<service::AfterCheck> {
    use tessera_core::transport::TransportError;
    let deadline = std::time::Instant::now() + timeout;
    let mut mon = None;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let m = match mon.as_mut() {
            Some(m) => m,
            None => match PcscContext::monitor() {
                Ok(m) => mon.insert(m),
                Err(TransportError::NoService) if !left.is_zero() => {
                    std::thread::sleep(std::time::Duration::from_millis(500));
                    continue;
                }
                Err(e) => return Err(e.into()),
            },
        };
        match m.wait_until(left, |rs| rs.iter().any(|r| r.name == reader && r.card_present)) {
            Ok(_) => {}
            Err(TransportError::NoService) if !left.is_zero() => {
                mon = None;
                continue;
            }
            Err(e) => return Err(e.into()),
        }
        let attempt = PcscContext::establish()
            .and_then(|ctx| ctx.connect(Some(reader)))
            .map_err(CoreError::from)
            .and_then(|mut c| service::check_after_interruption(&mut c, pending));
        match attempt {
            Ok(a) => return Ok(a),
            Err(CoreError::Transport(_) | CoreError::CardDied) if std::time::Instant::now() < deadline => {
                // The card is leaving or arriving: wait for the service's next event.
                if let Some(m) = mon.as_mut() {
                    let _ = m.wait(std::time::Duration::from_millis(500));
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn pin_unblock(card: &CardArgs, flag: bool, ctx: &Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let mut o = open(card, ctx)?;
    if o.demo && !card.json {
        eprintln!("*** {} ***", tr(lang, Text::DemoBanner));
    }
    refuse_untrusted_simulated_cie(&mut o, ctx)?;
    let identity = CardIdentity::of(o.conn.atr());
    let policy = identity.policy();
    if !card.json {
        // Where the PUK is, for this card (a CIE's comes in two halves), before it is asked.
        eprintln!("{}", crate::i18n::advice::advice(identity.issuer(), lang).puk_where);
    }
    // The tries first (read without spending one): a blocked PUK is said before anything is
    // asked, and the person types the PUK knowing how many tries are left.
    let st = guard::run(o.conn.as_mut(), ctx, |c| service::pin_status(c))?;
    simulated_banner(&o, &st, lang);
    if st.puk.is_blocked() {
        return Err(Error::Core(CoreError::PukBlocked));
    }
    if !card.json {
        eprintln!("{}: {}", tr(lang, Text::PukTries), output::dots(st.puk.known(), st.policy.puk_max_tries, lang));
        if st.puk.known().is_some_and(|n| n <= 3) {
            eprintln!("{}", tr(lang, Text::PukLowWarning));
        }
    }
    let mut p = Prompter::new();
    let puk = Puk::parse(read_secret(&mut p, Text::PromptPuk, lang)?, policy.puk).map_err(|e| Error::Core(CoreError::InvalidInput(e.into())))?;
    let new = new_pin_twice(&mut p, &policy, None, lang)?;
    warn_birth_date(&mut p, &new, &st, lang)?;
    let confirmed = confirm_last_try(PinKind::Puk, st.puk, flag, &mut p, ctx)?;
    match guard::run(o.conn.as_mut(), ctx, |c| service::unblock_pin(c, UnblockPin { puk, new, confirm_last_try: confirmed })) {
        Ok(out) => print_ok(card.json, o.demo, out.apdus, tr(lang, Text::PinUnblocked)),
        Err(e) => return after_interruption(&o, e, ctx),
    }
    Ok(code::OK)
}

fn simulate(profile: String, preset: String, pin: Option<String>, puk: Option<String>, addr: &str, forever: bool) -> u8 {
    let cfg = match (profile.parse::<SimProfile>(), preset.parse::<Preset>()) {
        (Ok(profile), Ok(preset)) => SimConfig {
            profile,
            preset,
            pin: pin.unwrap_or_else(|| tessera_sim::DEFAULT_PIN.into()),
            puk: puk.unwrap_or_else(|| tessera_sim::DEFAULT_PUK.into()),
        },
        (Err(m), _) | (_, Err(m)) => {
            eprintln!("{m}");
            return code::USAGE;
        }
    };
    let card = SimCard::new(cfg);
    loop {
        match tessera_sim::vpcd::run(&card, addr) {
            Ok(exit) => {
                eprintln!("simulated card left the reader: {exit:?}");
                if !forever {
                    return code::OK;
                }
                card.reinsert();
            }
            Err(e) => {
                eprintln!("cannot reach vpcd at {addr}: {e} (is pcscd with vsmartcard-vpcd running?)");
                return code::NO_SERVICE;
            }
        }
    }
}
