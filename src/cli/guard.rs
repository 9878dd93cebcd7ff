//! Card operations run on their own thread while the main thread watches them: after a second
//! without the card it says another program holds it, and gives up after a bounded time (the
//! operation then never sends anything); a card that stops answering mid-operation is given up
//! after a longer bound, saying whether a PIN may have reached it — after a PIN was sent, the
//! user is first asked to take the card out, which ends the blocked command as an interruption
//! whose outcome the counters then tell. A panic in card code becomes
//! a clear internal error. PC/SC itself can abort neither wait (see `transport::Watch`).

use super::output::Ctx;
use crate::error::CoreError;
use crate::i18n::{Text, tr};
use crate::{Error, Result};
use std::time::{Duration, Instant};
use tessera_core::transport::{Connection, Watch};

fn secs_from_env(var: &str, default: u64) -> Duration {
    Duration::from_secs(std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default))
}

/// How long to wait for another program to release the card.
fn busy_limit() -> Duration {
    secs_from_env("TESSERA_BUSY_TIMEOUT_SECS", 30)
}

/// How long a card may stay silent inside a transaction.
fn mute_limit() -> Duration {
    secs_from_env("TESSERA_MUTE_TIMEOUT_SECS", 60)
}

/// Runs `op` on `conn` on a worker thread and watches it. Returns its result; gives up (and
/// ends the process with the right exit code, since PC/SC cannot abort the blocked call) when
/// another program keeps the card or the card stops answering.
pub fn run<T: Send, E: Into<Error> + Send>(
    conn: &mut dyn Connection,
    ctx: &Ctx,
    op: impl FnOnce(&mut dyn Connection) -> std::result::Result<T, E> + Send,
) -> Result<T> {
    let watch = Watch::new();
    conn.set_watch(Some(watch.clone()));
    let (tx, rx) = std::sync::mpsc::channel();
    let out = std::thread::scope(|s| {
        s.spawn(|| {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| op(conn).map_err(Into::into)));
            let _ = tx.send(r);
        });
        supervise(&rx, Some(&watch), ctx)
    });
    conn.set_watch(None);
    match out {
        Some(Ok(r)) => r,
        Some(Err(panic)) => Err(Error::Internal(crate::error::panic_message(panic.as_ref()))),
        None => Err(Error::Core(CoreError::CardDied)),
    }
}

/// Runs `work` that sends nothing secret (connecting — with pcsc-lite `SCardConnect` too waits
/// while another program holds a transaction —, or the helpdesk report) on a worker thread:
/// same message after a second, same bound; giving up is always safe here.
pub fn connecting<T: Send>(ctx: &Ctx, work: impl FnOnce() -> Result<T> + Send) -> Result<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::scope(|s| {
        s.spawn(|| {
            let _ = tx.send(work());
        });
        supervise(&rx, None, ctx).unwrap_or_else(|| Err(Error::Internal("worker thread ended".into())))
    })
}

/// Waits for the worker's result (`None`: it ended without one). After a second without the
/// card it says another program holds it; it gives up on the busy bound while the work still
/// waits (with a `watch`: only if the transaction has not begun, and then it never will), and
/// on the mute bound inside a transaction. Giving up ends the process.
fn supervise<R>(rx: &std::sync::mpsc::Receiver<R>, watch: Option<&Watch>, ctx: &Ctx) -> Option<R> {
    let lang = ctx.lang;
    let started = Instant::now();
    let mut begun_at: Option<Instant> = None;
    let mut told = false;
    // A card gone mute after a secret was sent: asked to be taken out, then given a second bound.
    let mut mute_told_at: Option<Instant> = None;
    loop {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(r) => return Some(r),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return None,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
        }
        if let Some(w) = watch.filter(|w| w.begun()) {
            if begun_at.get_or_insert_with(Instant::now).elapsed() >= mute_limit() {
                // Nothing secret sent: nothing to check, give up now. Otherwise the user takes
                // the card out: the blocked command then ends as an interruption, and the
                // counters are read when the card is back (or a late answer arrives).
                match mute_told_at {
                    _ if !w.secret_sent() => give_up_mute(w, ctx),
                    None => {
                        eprintln!("{}", tr(lang, Text::MuteTakeOutToCheck));
                        mute_told_at = Some(Instant::now());
                    }
                    Some(at) if at.elapsed() >= mute_limit() => give_up_mute(w, ctx),
                    Some(_) => {}
                }
            }
            continue;
        }
        begun_at = None;
        if !told && started.elapsed() >= Duration::from_secs(1) {
            eprintln!("{}", tr(lang, Text::WaitingForOtherProgram));
            told = true;
        }
        if started.elapsed() >= busy_limit() && watch.is_none_or(Watch::cancel_if_waiting) {
            let e = Error::Core(CoreError::Transport(tessera_core::transport::TransportError::SharingViolation));
            finish_now(&e, ctx, tr(lang, Text::GaveUpWaiting));
        }
    }
}

fn give_up_mute(watch: &Watch, ctx: &Ctx) -> ! {
    let e = Error::Core(CoreError::Transport(tessera_core::transport::TransportError::Unresponsive));
    let extra = if watch.secret_sent() { tr(ctx.lang, Text::MuteAfterSecret) } else { tr(ctx.lang, Text::MuteNothingSecret) };
    finish_now(&e, ctx, extra)
}

/// Reports `e` (with one more sentence) and ends the process: the worker thread is blocked in
/// the smart-card service, which the end of the process releases.
fn finish_now(e: &Error, ctx: &Ctx, extra: &str) -> ! {
    let code = ctx.report_error(e);
    eprintln!("{extra}");
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    std::process::exit(i32::from(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_sim::{Preset, SimCard};

    #[test]
    fn a_panic_in_card_code_is_an_internal_error_not_a_crash() {
        let card = SimCard::cps(Preset::Fresh);
        card.inject(tessera_sim::Fault { when: tessera_sim::Trigger::Ins(0xB0), what: tessera_sim::FaultKind::Panic });
        let mut c = card.connect().expect("connect");
        let ctx = Ctx::new(crate::i18n::Lang::En, false);
        let e = run(&mut c, &ctx, |c| tessera_core::service::overview(c)).expect_err("panicked");
        assert!(matches!(&e, Error::Internal(m) if m.contains("injected panic")), "{e:?}");
        // The same connection still works for the next operation.
        let o = run(&mut c, &ctx, |c| tessera_core::service::overview(c)).expect("overview");
        assert_eq!(o.pin_tries_left, Some(3));
    }
}
