//! The ways to act that messages name, per surface: a message shared by the command line and
//! the window carries tokens (`{unblock}`, `{demo}`, `{report}`…) that become a command on the
//! command line and the window's own button, menu or page in the window, never a command line.

use super::lang::Lang;
use super::ui::{Ui, ui as ui_text};

/// Where a message is shown: the command line names commands and flags, the window names its
/// own buttons and menus and never a command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    /// `tessera …` in a terminal.
    Cli,
    /// The window.
    Window,
}

/// Puts the ways to act into `text` for `surface`.
pub(super) fn fill(text: &str, lang: Lang, surface: Surface) -> String {
    if !text.contains('{') {
        return text.to_owned();
    }
    let window = surface == Surface::Window;
    let t = |id: &str| super::fluent::text(lang, id);
    // A button's name as the language quotes it: «…», “…”, „…“.
    let quoted = |ui: Ui| super::fluent::format(lang, "action-quoted", &[("label", ui_text(lang, ui).into())]);
    let command_or = |ui: String, command: &str| if window { ui } else { command.to_owned() };
    let tokens: [(&str, String); 9] = [
        ("{pcscd_cmd}", command_or(String::new(), " (sudo systemctl start pcscd)")),
        ("{demo}", command_or(format!("{} {}", t("action-menu"), quoted(Ui::DemoMenu)), "tessera status --demo")),
        ("{report}", command_or(format!("{} → {}", quoted(Ui::Help), quoted(Ui::ReportTitle)), "tessera report")),
        ("{unblock}", command_or(quoted(Ui::UnblockPin), "tessera pin unblock")),
        ("{forgot}", command_or(quoted(Ui::ForgotPin), "tessera pin unblock")),
        ("{readers_hint}", t(if window { "action-readers-hint-window" } else { "action-readers-hint-cli" }).to_owned()),
        ("{allow_sim}", t(if window { "action-allow-sim-window" } else { "action-allow-sim-cli" }).to_owned()),
        ("{replace_hint}", t(if window { "action-replace-hint-window" } else { "action-replace-hint-cli" }).to_owned()),
        ("{last_try_hint}", t(if window { "action-last-try-hint-window" } else { "action-last-try-hint-cli" }).to_owned()),
    ];
    tokens.iter().fold(text.to_owned(), |out, (token, value)| out.replace(token, value))
}
