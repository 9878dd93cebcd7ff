//! The change-PIN and unblock wizards. Numbered steps match the helpdesk script; every input is
//! collected and checked before the card transaction starts; the last try asks first.

use crate::i18n::t;
use super::{notice, title};
use crate::error::CoreError;
use crate::gui::app::{Screen, TesseraApp, field, message, ui_text};
use crate::gui::widgets::{secret_field, tries as tries_widget};
use crate::gui::worker::Request;
use crate::i18n::{Lang, Text, Ui, describe_warning, tr};
use tessera_core::secret::{Pin, PinKind, Puk};
use tessera_core::service::pin::{PinPolicy, weak_pin_warnings};
use tessera_core::service::{ChangePin, UnblockPin};
use crate::Error;
use eframe::egui;

fn policy(app: &TesseraApp) -> PinPolicy {
    let o = app.card();
    let (min, max) = o.map_or((5, 8), |o| (o.pin_min_len, o.pin_max_len));
    let mut p = PinPolicy::CNS;
    p.pin.min = min;
    p.pin.max = max;
    p
}

fn step_header(ui: &mut egui::Ui, lang: Lang, op: Ui, step: u8) {
    title(ui, ui_text(lang, op));
    let text = crate::i18n::fluent::format(lang, "wizard-step", &[("step", step.into()), ("count", 3.into())]);
    ui.label(egui::RichText::new(text).size(20.0).strong());
    ui.add_space(8.0);
}

/// One rule of an input, with a drawn tick (met) or cross (not met); before anything is typed
/// (`typed` false) the rule is only said, with a neutral mark: nothing is wrong yet.
fn check(ui: &mut egui::Ui, typed: bool, ok: bool, text: &str) {
    let p = crate::gui::theme::colors(ui);
    let color = match (typed, ok) {
        (false, _) => ui.visuals().text_color(),
        (true, true) => p.good,
        (true, false) => p.bad,
    };
    ui.horizontal_wrapped(|ui| {
        if typed {
            crate::gui::widgets::tick(ui, ok, color);
        } else {
            crate::gui::widgets::rule_mark(ui, color);
        }
        ui.label(egui::RichText::new(text).color(color));
    });
}

/// "Length (5–8 digits)": the rule as the field's owner reads it.
fn length_text(lang: Lang, min: usize, max: usize) -> String {
    if min == max { format!("{} ({min})", ui_text(lang, Ui::RuleLength)) } else { format!("{} ({min}–{max})", ui_text(lang, Ui::RuleLength)) }
}

fn digits_ok(s: &str, min: usize, max: usize) -> (bool, bool) {
    let digits = !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (digits, (min..=max).contains(&s.chars().count()))
}

/// Cancel, Back and the main button. `enter_presses`: Enter works as the main button (steps 1
/// and 2). The step that sends a secret to the card passes false: only a click (or Space on
/// the focused button) sends, so two Enter presses can never spend a try.
fn nav(ui: &mut egui::Ui, lang: Lang, can_next: bool, next_label: &str, enter_presses: bool) -> (bool, bool, bool) {
    let enter = enter_presses && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut back = false;
    let mut cancel = false;
    let mut next = false;
    ui.add_space(16.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button(ui_text(lang, Ui::Cancel)).clicked() {
            cancel = true;
        }
        if ui.button(ui_text(lang, Ui::Back)).clicked() {
            back = true;
        }
        // The way forward (and, on step 3, the one button that sends) is the primary button.
        let b = crate::gui::theme::primary_if(ui, can_next, next_label);
        if ui.add_enabled(can_next, b).clicked() || (enter && can_next) {
            next = true;
        }
    });
    (back, cancel, next)
}

/// Step 2 of both wizards: the new PIN twice, with live rule feedback.
fn new_pin_step(app: &mut TesseraApp, ui: &mut egui::Ui, differs_from_current: bool) -> bool {
    let lang = app.lang;
    let p = policy(app);
    ui.label(ui_text(lang, Ui::PinStep2Help));
    ui.add_space(6.0);
    let r = secret_field(ui, field::new(), ui_text(lang, Ui::NewPinLabel), &mut app.wizard.new, p.pin.max);
    if app.wizard.new.as_str().is_empty() && !r.has_focus() && !ui.ctx().memory(|m| m.has_focus(field::again())) {
        r.request_focus();
    }
    secret_field(ui, field::again(), ui_text(lang, Ui::NewPinAgainLabel), &mut app.wizard.again, p.pin.max);
    let new = app.wizard.new.as_str();
    let typed = !new.is_empty();
    let (digits, length) = digits_ok(new, p.pin.min, p.pin.max);
    let differs = !differs_from_current || new != app.wizard.current.as_str();
    let matches = !new.is_empty() && new == app.wizard.again.as_str();
    ui.add_space(6.0);
    check(ui, typed, length, &length_text(lang, p.pin.min, p.pin.max));
    check(ui, typed, digits, ui_text(lang, Ui::RuleDigits));
    if differs_from_current {
        check(ui, typed, differs, ui_text(lang, Ui::RuleDiffers));
    }
    check(ui, !app.wizard.again.as_str().is_empty(), matches, ui_text(lang, Ui::RuleMatches));
    if digits && length {
        let birth = app.card().and_then(|c| c.personal_data.as_ref()).and_then(|p| p.birth_date);
        for w in weak_pin_warnings(new.as_bytes(), birth) {
            ui.label(egui::RichText::new(describe_warning(w, lang)).strong().color(crate::gui::theme::colors(ui).warn));
        }
    }
    digits && length && differs && matches
}

fn result_step(app: &mut TesseraApp, ui: &mut egui::Ui, success: Ui) {
    let lang = app.lang;
    match &app.wizard.outcome {
        None => {
            title(ui, ui_text(lang, Ui::Working));
            ui.spinner();
        }
        Some(Ok(())) => {
            title(ui, ui_text(lang, success));
            ui.label(if success == Ui::ChangedTitle { tr(lang, Text::PinChanged) } else { tr(lang, Text::PinUnblocked) });
            ui.add_space(12.0);
            if ui.button(ui_text(lang, Ui::Done)).clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let ctx = ui.ctx().clone();
                app.go(&ctx, Screen::Home);
            }
        }
        Some(Err(e)) => {
            title(ui, ui_text(lang, Ui::FailedTitle));
            let m = message(app, e);
            notice(ui, &m.what, &m.next, true);
            let interrupted =
                matches!(e, Error::Core(CoreError::Interrupted(i)) if i.pending.stage != tessera_core::service::Stage::NothingSent);
            if let Some((p, after)) = &app.wizard.after_check {
                let v = crate::i18n::describe_after_check(p, after, lang);
                ui.add_space(8.0);
                notice(ui, &v.what, &v.next, !matches!(after.verdict, tessera_core::service::Verdict::Applied));
            } else if interrupted {
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    ui.spinner();
                    ui.label(tr(lang, Text::PutCardBackToCheck));
                });
            }
            // Until the counters tell, "try again" could spend a try on a PIN that is no longer valid.
            let verdict_known_not_applied = app.wizard.after_check.as_ref().is_some_and(|(_, a)| matches!(a.verdict, tessera_core::service::Verdict::NotApplied { .. }));
            let again_screen = match e {
                _ if interrupted && !verdict_known_not_applied => None,
                Error::Core(CoreError::PinBlocked) | Error::Core(CoreError::WrongSecret { kind: tessera_core::secret::PinKind::Pin, tries_left: 0 }) => Some(Screen::Unblock),
                Error::Core(CoreError::PukBlocked) | Error::Core(CoreError::WrongSecret { kind: tessera_core::secret::PinKind::Puk, tries_left: 0 }) => None,
                _ => Some(app.screen),
            };
            // A wrong PIN: rather than guess again, the PUK way (while the PUK still works).
            let wrong_pin = matches!(e, Error::Core(CoreError::WrongSecret { kind: tessera_core::secret::PinKind::Pin, tries_left: 1.. }));
            let puk_usable = app.card().is_none_or(|c| c.puk_tries_left != Some(0));
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                let ctx = ui.ctx().clone();
                if ui.button(ui_text(lang, Ui::Done)).clicked() {
                    app.go(&ctx, Screen::Home);
                }
                if let Some(s) = again_screen {
                    let label = if s == Screen::Unblock && app.screen != Screen::Unblock { ui_text(lang, Ui::UnblockPin) } else { ui_text(lang, Ui::Retry) };
                    if ui.button(label).clicked() {
                        app.go(&ctx, s);
                    }
                }
                if wrong_pin && puk_usable && app.screen == Screen::Change && ui.button(ui_text(lang, Ui::ForgotPin)).clicked() {
                    app.go(&ctx, Screen::Unblock);
                }
            });
        }
    }
}

/// What the last-try dialog was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LastTry {
    Cancel,
    Continue,
    /// Unblock with the PUK instead of risking the PIN's last try.
    UsePuk,
}

/// A modal asking before what may be the last try; `offer_puk`: a PIN's last try, with the PUK
/// still usable, gets the safe way out too.
fn last_try_dialog(app: &mut TesseraApp, ctx: &egui::Context, warning: &str, offer_puk: bool) -> Option<LastTry> {
    let lang = app.lang;
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("last-try")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.label(egui::RichText::new(ui_text(lang, Ui::LastTryTitle)).size(22.0).strong());
        ui.add_space(6.0);
        ui.label(warning);
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.button(ui_text(lang, Ui::LastTryCancel)).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                answer = Some(LastTry::Cancel);
            }
            if ui.button(ui_text(lang, Ui::LastTryContinue)).clicked() {
                answer = Some(LastTry::Continue);
            }
        });
        if offer_puk {
            ui.add_space(8.0);
            ui.label(ui_text(lang, Ui::LastTryHint));
            if ui.add(crate::gui::theme::primary(ui, crate::i18n::t(lang, "ui-last-try-use-puk"))).clicked() {
                answer = Some(LastTry::UsePuk);
            }
        }
    });
    answer
}

fn at_risk(tries: Option<u8>) -> bool {
    matches!(tries, Some(1) | None)
}

/// The warning for what may be the last try of `kind`.
fn last_try_warning(lang: Lang, kind: PinKind, tries: Option<u8>) -> &'static str {
    match (tries, kind) {
        (None, _) => tr(lang, Text::UnknownTriesWarning),
        (_, PinKind::Pin) => tr(lang, Text::LastTryWarningPin),
        (_, PinKind::Puk) => tr(lang, Text::LastTryWarningPuk),
    }
}

/// Goes ahead at once, or — when this may be the last try — only after the confirmation dialog.
/// `pressed`: the user pressed the button this frame. Returns `Some(confirmed)` when the
/// operation must start now.
pub(crate) fn confirm_if_last_try(app: &mut TesseraApp, ctx: &egui::Context, pressed: bool, kind: PinKind, tries: Option<u8>) -> Option<bool> {
    if pressed {
        if !at_risk(tries) {
            return Some(false);
        }
        app.wizard.confirm_open = true;
    }
    if !app.wizard.confirm_open {
        return None;
    }
    let offer_puk = kind == PinKind::Pin && app.card().is_some_and(|c| c.puk_tries_left != Some(0));
    match last_try_dialog(app, ctx, last_try_warning(app.lang, kind, tries), offer_puk)? {
        LastTry::Cancel => {
            app.wizard.confirm_open = false;
            None
        }
        LastTry::Continue => {
            app.wizard.confirm_open = false;
            Some(true)
        }
        LastTry::UsePuk => {
            app.go(ctx, Screen::Unblock);
            None
        }
    }
}

/// Step 1 of both wizards: the current PIN (change) or the PUK (unblock), with navigation.
fn step_one(app: &mut TesseraApp, ui: &mut egui::Ui, kind: PinKind, tries: Option<u8>, max: u8) {
    let lang = app.lang;
    let p = policy(app);
    // Where the PUK is depends on the card (a CIE's comes in two halves, from the Comune).
    let puk_where = crate::i18n::advice::advice(app.card().map(|c| c.issuer()), lang).puk_where;
    let (op, name, help, id, label, rule) = match kind {
        PinKind::Pin => (Ui::ChangePin, "PIN", ui_text(lang, Ui::PinStep1Help), field::current(), Ui::CurrentPinLabel, p.pin),
        PinKind::Puk => (Ui::UnblockPin, "PUK", puk_where, field::puk(), Ui::PukLabel, p.puk),
    };
    step_header(ui, lang, op, 1);
    tries_widget(ui, name, tries, max, ui_text(lang, Ui::TriesOfMax));
    if kind == PinKind::Puk && tries.is_some_and(|n| n <= 3) {
        notice(ui, tr(lang, Text::PukLowWarning), "", true);
    }
    ui.label(help);
    ui.add_space(6.0);
    let buf = if kind == PinKind::Pin { &mut app.wizard.current } else { &mut app.wizard.puk };
    let r = secret_field(ui, id, ui_text(lang, label), buf, rule.max);
    if !r.has_focus() && buf.as_str().is_empty() {
        r.request_focus();
    }
    let typed = !buf.as_str().is_empty();
    let (d, l) = digits_ok(buf.as_str(), rule.min, rule.max);
    // The rules «Avanti» waits for, said before anything is typed.
    check(ui, typed, l, &length_text(lang, rule.min, rule.max));
    check(ui, typed, d, ui_text(lang, Ui::RuleDigits));
    let (back, cancel, next) = nav(ui, lang, d && l, ui_text(lang, Ui::Next), true);
    if back || cancel {
        let ctx = ui.ctx().clone();
        app.go(&ctx, Screen::Home);
    } else if next {
        app.wizard.step = 2;
    }
}

/// Step 2 of both wizards (new PIN twice), with navigation.
fn step_two(app: &mut TesseraApp, ui: &mut egui::Ui, op: Ui, differs_from_current: bool) {
    let lang = app.lang;
    step_header(ui, lang, op, 2);
    let ok = new_pin_step(app, ui, differs_from_current);
    let (back, cancel, next) = nav(ui, lang, ok, ui_text(lang, Ui::Next), true);
    if cancel {
        let ctx = ui.ctx().clone();
        app.go(&ctx, Screen::Home);
    } else if back {
        app.wizard.step = 1;
    } else if next {
        app.wizard.step = 3;
    }
}

/// What step 3 is about to do, in one sentence: the operation, the card (type, number grouped
/// for reading aloud, holder) and the tries of the secret about to be used.
fn summary(app: &TesseraApp, kind: PinKind, tries: Option<u8>) -> String {
    let lang = app.lang;
    let card = app.card().map(|c| {
        let number = c.card_number.as_deref().map(crate::i18n::grouped).unwrap_or_default();
        let holder = c.holder.as_deref().unwrap_or_default();
        [c.card_type.name(), number.as_str(), holder].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · ")
    });
    let card = card.unwrap_or_default();
    let tries = tries.map_or_else(|| t(lang, "wizard-unknown").to_owned(), |n| n.to_string());
    let id = if kind == PinKind::Pin { "wizard-summary-change" } else { "wizard-summary-unblock" };
    crate::i18n::fluent::format(lang, id, &[("card", card.into()), ("tries", tries.into())])
}

/// Step 3 of both wizards: tries, warning, the confirm button (and the last-try dialog).
/// Returns `Some(confirmed_last_try)` when the operation must start.
fn step_three(app: &mut TesseraApp, ui: &mut egui::Ui, op: Ui, kind: PinKind, tries: Option<u8>, max: u8, button: Ui) -> Option<bool> {
    let lang = app.lang;
    let ctx = ui.ctx().clone();
    step_header(ui, lang, op, 3);
    ui.label(egui::RichText::new(summary(app, kind, tries)).size(17.0));
    ui.add_space(6.0);
    tries_widget(ui, if kind == PinKind::Pin { "PIN" } else { "PUK" }, tries, max, ui_text(lang, Ui::TriesOfMax));
    if at_risk(tries) {
        notice(ui, last_try_warning(lang, kind, tries), "", true);
    }
    let (back, cancel, next) = nav(ui, lang, !app.busy, ui_text(lang, button), false);
    if cancel {
        app.go(&ctx, Screen::Home);
        return None;
    }
    if back {
        app.wizard.step = 2;
        return None;
    }
    confirm_if_last_try(app, &ctx, next, kind, tries)
}

pub fn show_change(app: &mut TesseraApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let tries = app.card().and_then(|c| c.pin_tries_left);
    let max = app.card().map_or(3, |c| c.pin_max_tries);
    match app.wizard.step {
        1 => step_one(app, ui, PinKind::Pin, tries, max),
        2 => step_two(app, ui, Ui::ChangePin, true),
        3 => {
            if let Some(confirmed) = step_three(app, ui, Ui::ChangePin, PinKind::Pin, tries, max, Ui::ConfirmChange) {
                submit_change(app, &ctx, confirmed);
            }
        }
        _ => result_step(app, ui, Ui::ChangedTitle),
    }
}

fn submit_change(app: &mut TesseraApp, ctx: &egui::Context, confirmed: bool) {
    let p = policy(app);
    let current = Pin::parse(app.wizard.current.take(), p.pin);
    let new = Pin::parse(app.wizard.new.take(), p.pin);
    app.wipe_fields(ctx);
    app.wizard.step = 4;
    app.wizard.outcome = None;
    match (current, new) {
        (Ok(current), Ok(new)) => app.send(Request::ChangePin(ChangePin { current, new, confirm_last_try: confirmed })),
        (Err(e), _) | (_, Err(e)) => app.wizard.outcome = Some(Err(Error::Core(CoreError::InvalidInput(e.into())))),
    }
}

pub fn show_unblock(app: &mut TesseraApp, ui: &mut egui::Ui) {
    let lang = app.lang;
    let ctx = ui.ctx().clone();
    let tries = app.card().and_then(|c| c.puk_tries_left);
    let max = app.card().map_or(10, |c| c.puk_max_tries);
    let p = policy(app);
    if tries == Some(0) && app.wizard.step < 4 {
        title(ui, ui_text(lang, Ui::PukBlockedTitle));
        let m = message(app, &Error::Core(CoreError::PukBlocked));
        notice(ui, &m.what, &m.next, true);
        ui.add_space(12.0);
        if ui.button(ui_text(lang, Ui::Done)).clicked() {
            app.go(&ctx, Screen::Home);
        }
        return;
    }
    match app.wizard.step {
        1 => step_one(app, ui, PinKind::Puk, tries, max),
        2 => step_two(app, ui, Ui::UnblockPin, false),
        3 => {
            if let Some(confirmed) = step_three(app, ui, Ui::UnblockPin, PinKind::Puk, tries, max, Ui::ConfirmUnblock) {
                let puk = Puk::parse(app.wizard.puk.take(), p.puk);
                let new = Pin::parse(app.wizard.new.take(), p.pin);
                app.wipe_fields(&ctx);
                app.wizard.step = 4;
                app.wizard.outcome = None;
                match (puk, new) {
                    (Ok(puk), Ok(new)) => app.send(Request::Unblock(UnblockPin { puk, new, confirm_last_try: confirmed })),
                    (Err(e), _) | (_, Err(e)) => app.wizard.outcome = Some(Err(Error::Core(CoreError::InvalidInput(e.into())))),
                }
            }
        }
        _ => result_step(app, ui, Ui::UnblockedTitle),
    }
}

