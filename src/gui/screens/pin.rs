//! The change-PIN and unblock wizards. Numbered steps match the helpdesk script; every input is
//! collected and checked before the card transaction starts; the last try asks first.

use crate::i18n::t;
use super::{notice, title};
use crate::error::CoreError;
use crate::gui::nav::{Command, Commands, Screen, View, ui_text};
use crate::gui::widgets::{SecretBuffer, secret_field, tries as tries_widget, wipe_field};
use crate::gui::worker::Request;
use crate::i18n::{Lang, Text, Ui, describe_warning, tr};
use tessera_core::secret::{Pin, PinKind, Puk};
use tessera_core::service::pin::{PinPolicy, weak_pin_warnings};
use tessera_core::service::{ChangePin, UnblockPin};
use crate::Error;
use eframe::egui;

/// Where a wizard is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    /// The current PIN (change) or the PUK (unblock).
    #[default]
    Secret,
    /// The new PIN twice.
    NewPin,
    /// The summary and the one button that sends.
    Confirm,
    /// Working, then the result.
    Result,
}

impl Step {
    /// "Passo n di 3" (the result is past the three).
    pub fn number(self) -> u8 {
        match self {
            Step::Secret => 1,
            Step::NewPin => 2,
            Step::Confirm => 3,
            Step::Result => 4,
        }
    }
}

/// A PIN wizard's state, owned by the wizard. The buffers are wiped (and egui's undo history
/// for them) on every submit, cancel and screen change; dropped, they wipe themselves
/// ([`SecretBuffer`]).
#[derive(Default)]
pub struct Wizard {
    /// Where the wizard is.
    pub step: Step,
    /// Current PIN (change).
    pub current: SecretBuffer,
    /// PUK (unblock).
    pub puk: SecretBuffer,
    /// New PIN.
    pub new: SecretBuffer,
    /// New PIN again.
    pub again: SecretBuffer,
    /// The last-try confirmation dialog is open.
    pub confirm_open: bool,
    /// Result of the operation, once known.
    pub outcome: Option<crate::Result<()>>,
    /// After an interruption: what the counters said once the card was back.
    pub after_check: Option<(tessera_core::service::Pending, tessera_core::service::AfterCheck)>,
}

impl Wizard {
    /// Wipes every buffer and egui's undo history for the fields.
    pub fn wipe(&mut self, ctx: &egui::Context) {
        wipe_field(ctx, field::current(), &mut self.current);
        wipe_field(ctx, field::puk(), &mut self.puk);
        wipe_field(ctx, field::new(), &mut self.new);
        wipe_field(ctx, field::again(), &mut self.again);
    }
}

/// Text-edit ids of the PIN fields.
pub mod field {
    use eframe::egui::Id;
    /// Current PIN.
    pub fn current() -> Id {
        Id::unique("pin-current")
    }
    /// PUK.
    pub fn puk() -> Id {
        Id::unique("pin-puk")
    }
    /// New PIN.
    pub fn new() -> Id {
        Id::unique("pin-new")
    }
    /// New PIN again.
    pub fn again() -> Id {
        Id::unique("pin-again")
    }
}

fn policy(v: &View) -> PinPolicy {
    let o = v.card();
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

pub(super) fn digits_ok(s: &str, min: usize, max: usize) -> (bool, bool) {
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
fn new_pin_step(v: &View, w: &mut Wizard, ui: &mut egui::Ui, differs_from_current: bool) -> bool {
    let lang = v.lang;
    let p = policy(v);
    ui.label(ui_text(lang, Ui::PinStep2Help));
    ui.add_space(6.0);
    let r = secret_field(ui, field::new(), ui_text(lang, Ui::NewPinLabel), &mut w.new, p.pin.max);
    if w.new.as_str().is_empty() && !r.has_focus() && !ui.ctx().memory(|m| m.has_focus(field::again())) {
        r.request_focus();
    }
    secret_field(ui, field::again(), ui_text(lang, Ui::NewPinAgainLabel), &mut w.again, p.pin.max);
    let new = w.new.as_str();
    let typed = !new.is_empty();
    let (digits, length) = digits_ok(new, p.pin.min, p.pin.max);
    let differs = !differs_from_current || new != w.current.as_str();
    let matches = !new.is_empty() && new == w.again.as_str();
    ui.add_space(6.0);
    check(ui, typed, length, &length_text(lang, p.pin.min, p.pin.max));
    check(ui, typed, digits, ui_text(lang, Ui::RuleDigits));
    if differs_from_current {
        check(ui, typed, differs, ui_text(lang, Ui::RuleDiffers));
    }
    check(ui, !w.again.as_str().is_empty(), matches, ui_text(lang, Ui::RuleMatches));
    if digits && length {
        let birth = v.card().and_then(|c| c.personal_data.as_ref()).and_then(|p| p.birth_date);
        for warning in weak_pin_warnings(new.as_bytes(), birth) {
            ui.label(egui::RichText::new(describe_warning(warning, lang)).strong().color(crate::gui::theme::colors(ui).warn));
        }
    }
    digits && length && differs && matches
}

/// The last step: working, then the result with the ways on. `screen`: this wizard's screen.
fn result_step(v: &View, w: &Wizard, ui: &mut egui::Ui, screen: Screen, success: Ui, cmds: &mut Commands) {
    let lang = v.lang;
    match &w.outcome {
        None => {
            title(ui, ui_text(lang, Ui::Working));
            ui.spinner();
        }
        Some(Ok(())) => {
            title(ui, ui_text(lang, success));
            ui.label(if success == Ui::ChangedTitle { tr(lang, Text::PinChanged) } else { tr(lang, Text::PinUnblocked) });
            ui.add_space(12.0);
            if ui.button(ui_text(lang, Ui::Done)).clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                cmds.push(Command::Go(Screen::Home));
            }
        }
        Some(Err(e)) => {
            title(ui, ui_text(lang, Ui::FailedTitle));
            let m = v.message(e);
            notice(ui, &m.what, &m.next, true);
            let interrupted =
                matches!(e, Error::Core(CoreError::Interrupted(i)) if i.pending.stage != tessera_core::service::Stage::NothingSent);
            if let Some((p, after)) = &w.after_check {
                let verdict = crate::i18n::describe_after_check(p, after, lang);
                ui.add_space(8.0);
                notice(ui, &verdict.what, &verdict.next, !matches!(after.verdict, tessera_core::service::Verdict::Applied));
            } else if interrupted {
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    ui.spinner();
                    ui.label(tr(lang, Text::PutCardBackToCheck));
                });
            }
            // Until the counters tell, "try again" could spend a try on a PIN that is no longer valid.
            let verdict_known_not_applied = w.after_check.as_ref().is_some_and(|(_, a)| matches!(a.verdict, tessera_core::service::Verdict::NotApplied { .. }));
            let again_screen = match e {
                _ if interrupted && !verdict_known_not_applied => None,
                Error::Core(CoreError::PinBlocked) | Error::Core(CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 0 }) => Some(Screen::Unblock),
                Error::Core(CoreError::PukBlocked) | Error::Core(CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 0 }) => None,
                _ => Some(screen),
            };
            // A wrong PIN: rather than guess again, the PUK way (while the PUK still works).
            let wrong_pin = matches!(e, Error::Core(CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 1.. }));
            let puk_usable = v.card().is_none_or(|c| c.puk_tries_left != Some(0));
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if ui.button(ui_text(lang, Ui::Done)).clicked() {
                    cmds.push(Command::Go(Screen::Home));
                }
                if let Some(s) = again_screen {
                    let label = if s == Screen::Unblock && screen != Screen::Unblock { ui_text(lang, Ui::UnblockPin) } else { ui_text(lang, Ui::Retry) };
                    if ui.button(label).clicked() {
                        cmds.push(Command::Go(s));
                    }
                }
                if wrong_pin && puk_usable && screen == Screen::Change && ui.button(ui_text(lang, Ui::ForgotPin)).clicked() {
                    cmds.push(Command::Go(Screen::Unblock));
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
fn last_try_dialog(lang: Lang, ctx: &egui::Context, warning: &str, offer_puk: bool) -> Option<LastTry> {
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

/// Goes ahead at once, or — when this may be the last try — only after the confirmation dialog
/// (`confirm_open`: the screen's own flag for it). `pressed`: the user pressed the button this
/// frame. Returns `Some(confirmed)` when the operation must start now.
pub(crate) fn confirm_if_last_try(v: &View, confirm_open: &mut bool, ctx: &egui::Context, pressed: bool, kind: PinKind, tries: Option<u8>, cmds: &mut Commands) -> Option<bool> {
    if pressed {
        if !at_risk(tries) {
            return Some(false);
        }
        *confirm_open = true;
    }
    if !*confirm_open {
        return None;
    }
    let offer_puk = kind == PinKind::Pin && v.card().is_some_and(|c| c.puk_tries_left != Some(0));
    match last_try_dialog(v.lang, ctx, last_try_warning(v.lang, kind, tries), offer_puk)? {
        LastTry::Cancel => {
            *confirm_open = false;
            None
        }
        LastTry::Continue => {
            *confirm_open = false;
            Some(true)
        }
        LastTry::UsePuk => {
            *confirm_open = false;
            cmds.push(Command::Go(Screen::Unblock));
            None
        }
    }
}

/// Step 1 of both wizards: the current PIN (change) or the PUK (unblock), with navigation.
fn step_one(v: &View, w: &mut Wizard, ui: &mut egui::Ui, kind: PinKind, tries: Option<u8>, max: u8, cmds: &mut Commands) {
    let lang = v.lang;
    let p = policy(v);
    // Where the PUK is depends on the card (a CIE's comes in two halves, from the Comune).
    let puk_where = crate::i18n::advice::advice(v.issuer(), lang).puk_where;
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
    let buf = if kind == PinKind::Pin { &mut w.current } else { &mut w.puk };
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
        cmds.push(Command::Go(Screen::Home));
    } else if next {
        w.step = Step::NewPin;
    }
}

/// Step 2 of both wizards (new PIN twice), with navigation.
fn step_two(v: &View, w: &mut Wizard, ui: &mut egui::Ui, op: Ui, differs_from_current: bool, cmds: &mut Commands) {
    let lang = v.lang;
    step_header(ui, lang, op, 2);
    let ok = new_pin_step(v, w, ui, differs_from_current);
    let (back, cancel, next) = nav(ui, lang, ok, ui_text(lang, Ui::Next), true);
    if cancel {
        cmds.push(Command::Go(Screen::Home));
    } else if back {
        w.step = Step::Secret;
    } else if next {
        w.step = Step::Confirm;
    }
}

/// What step 3 is about to do, in one sentence: the operation, the card (type, number grouped
/// for reading aloud, holder) and the tries of the secret about to be used.
fn summary(v: &View, kind: PinKind, tries: Option<u8>) -> String {
    let lang = v.lang;
    let card = v.card().map(|c| {
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
#[allow(clippy::too_many_arguments)]
fn step_three(v: &View, w: &mut Wizard, ui: &mut egui::Ui, op: Ui, kind: PinKind, tries: Option<u8>, max: u8, button: Ui, cmds: &mut Commands) -> Option<bool> {
    let lang = v.lang;
    let ctx = ui.ctx().clone();
    step_header(ui, lang, op, 3);
    ui.label(egui::RichText::new(summary(v, kind, tries)).size(17.0));
    ui.add_space(6.0);
    tries_widget(ui, if kind == PinKind::Pin { "PIN" } else { "PUK" }, tries, max, ui_text(lang, Ui::TriesOfMax));
    if at_risk(tries) {
        notice(ui, last_try_warning(lang, kind, tries), "", true);
    }
    let (back, cancel, next) = nav(ui, lang, !v.busy, ui_text(lang, button), false);
    if cancel {
        cmds.push(Command::Go(Screen::Home));
        return None;
    }
    if back {
        w.step = Step::NewPin;
        return None;
    }
    confirm_if_last_try(v, &mut w.confirm_open, &ctx, next, kind, tries, cmds)
}

/// The change-PIN wizard.
pub fn show_change(v: &View, w: &mut Wizard, ui: &mut egui::Ui) -> Commands {
    let mut cmds = Commands::new();
    let ctx = ui.ctx().clone();
    let tries = v.card().and_then(|c| c.pin_tries_left);
    let max = v.card().map_or(3, |c| c.pin_max_tries);
    match w.step {
        Step::Secret => step_one(v, w, ui, PinKind::Pin, tries, max, &mut cmds),
        Step::NewPin => step_two(v, w, ui, Ui::ChangePin, true, &mut cmds),
        Step::Confirm => {
            if let Some(confirmed) = step_three(v, w, ui, Ui::ChangePin, PinKind::Pin, tries, max, Ui::ConfirmChange, &mut cmds) {
                let p = policy(v);
                let current = Pin::parse(w.current.take(), p.pin);
                let new = Pin::parse(w.new.take(), p.pin);
                cmds.extend(submit(w, &ctx, current, new, |current, new| Request::ChangePin(ChangePin { current, new, confirm_last_try: confirmed })));
            }
        }
        Step::Result => result_step(v, w, ui, Screen::Change, Ui::ChangedTitle, &mut cmds),
    }
    cmds
}

/// Every field wiped, on to the result: the request for the worker (its answer comes as an
/// event), or — when an input does not parse — the error at once.
fn submit<A, B>(
    w: &mut Wizard,
    ctx: &egui::Context,
    a: Result<A, tessera_core::secret::FormatError>,
    b: Result<B, tessera_core::secret::FormatError>,
    request: impl FnOnce(A, B) -> Request,
) -> Option<Command> {
    w.wipe(ctx);
    w.step = Step::Result;
    w.outcome = None;
    match (a, b) {
        (Ok(a), Ok(b)) => Some(Command::Send(request(a, b))),
        (Err(e), _) | (_, Err(e)) => {
            w.outcome = Some(Err(Error::Core(CoreError::InvalidInput(e.into()))));
            None
        }
    }
}

/// The unblock wizard.
pub fn show_unblock(v: &View, w: &mut Wizard, ui: &mut egui::Ui) -> Commands {
    let mut cmds = Commands::new();
    let lang = v.lang;
    let ctx = ui.ctx().clone();
    let tries = v.card().and_then(|c| c.puk_tries_left);
    let max = v.card().map_or(10, |c| c.puk_max_tries);
    let p = policy(v);
    if tries == Some(0) && w.step != Step::Result {
        title(ui, ui_text(lang, Ui::PukBlockedTitle));
        let m = v.message(&Error::Core(CoreError::PukBlocked));
        notice(ui, &m.what, &m.next, true);
        ui.add_space(12.0);
        if ui.button(ui_text(lang, Ui::Done)).clicked() {
            cmds.push(Command::Go(Screen::Home));
        }
        return cmds;
    }
    match w.step {
        Step::Secret => step_one(v, w, ui, PinKind::Puk, tries, max, &mut cmds),
        Step::NewPin => step_two(v, w, ui, Ui::UnblockPin, false, &mut cmds),
        Step::Confirm => {
            if let Some(confirmed) = step_three(v, w, ui, Ui::UnblockPin, PinKind::Puk, tries, max, Ui::ConfirmUnblock, &mut cmds) {
                let puk = Puk::parse(w.puk.take(), p.puk);
                let new = Pin::parse(w.new.take(), p.pin);
                cmds.extend(submit(w, &ctx, puk, new, |puk, new| Request::Unblock(UnblockPin { puk, new, confirm_last_try: confirmed })));
            }
        }
        Step::Result => result_step(v, w, ui, Screen::Unblock, Ui::UnblockedTitle, &mut cmds),
    }
    cmds
}
