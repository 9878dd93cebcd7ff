//! The ways to act that messages name, per surface: a message shared by the command line and
//! the window carries tokens (`{unblock}`, `{demo}`, `{report}`…) that become a command on the
//! command line and the window's own button, menu or page in the window, never a command line.

use super::{Lang, Ui, ui as ui_text};

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
    // The same sentence for the window and for the command line, in the three languages.
    let choose = |in_window: [&str; 3], on_cli: [&str; 3]| {
        let [it, en, de] = if window { in_window } else { on_cli };
        lang.pick(it, en, de).to_owned()
    };
    let quoted = |ui: Ui| {
        let label = ui_text(lang, ui);
        match lang {
            Lang::It => format!("«{label}»"),
            Lang::En => format!("\u{201c}{label}\u{201d}"),
            Lang::De => format!("\u{201e}{label}\u{201c}"),
        }
    };
    let command_or = |ui: String, command: &str| if window { ui } else { command.to_owned() };
    let tokens: [(&str, String); 9] = [
        ("{pcscd_cmd}", command_or(String::new(), " (sudo systemctl start pcscd)")),
        ("{demo}", command_or(format!("{} {}", lang.pick("menu", "menu", "Menü"), quoted(Ui::DemoMenu)), "tessera status --demo")),
        ("{report}", command_or(format!("{} → {}", quoted(Ui::Help), quoted(Ui::ReportTitle)), "tessera report")),
        ("{unblock}", command_or(quoted(Ui::UnblockPin), "tessera pin unblock")),
        ("{forgot}", command_or(quoted(Ui::ForgotPin), "tessera pin unblock")),
        (
            "{readers_hint}",
            choose(
                [
                    "I lettori che Tessera vede sono elencati nella schermata principale.",
                    "The readers Tessera sees are listed on the home screen.",
                    "Die Lesegeräte, die Tessera sieht, stehen auf dem Startbildschirm.",
                ],
                ["Elenca i lettori con: tessera readers", "List the readers with: tessera readers", "Lesegeräte anzeigen mit: tessera readers"],
            ),
        ),
        (
            "{allow_sim}",
            choose(
                ["la finestra non lo consente.", "the window does not allow it.", "das Fenster erlaubt es nicht."],
                ["aggiungi --allow-simulated-card.", "add --allow-simulated-card.", "--allow-simulated-card hinzufügen."],
            ),
        ),
        (
            "{replace_hint}",
            choose(
                ["Scegli un altro nome di file.", "Choose another file name.", "Wählen Sie einen anderen Dateinamen."],
                [
                    "Scegli un altro nome di file, oppure usa --force per sostituire quello esistente.",
                    "Choose another file name, or use --force to replace the existing file.",
                    "Wählen Sie einen anderen Dateinamen oder ersetzen Sie die vorhandene Datei mit --force.",
                ],
            ),
        ),
        (
            "{last_try_hint}",
            choose(
                ["Nulla è stato inviato.", "Nothing was sent.", "Nichts wurde gesendet."],
                [
                    "Nulla è stato inviato. Se sei sicuro, ripeti il comando aggiungendo --confirm-last-try.",
                    "Nothing was sent. If you are sure, repeat the command adding --confirm-last-try.",
                    "Nichts wurde gesendet. Wenn Sie sicher sind, wiederholen Sie den Befehl mit --confirm-last-try.",
                ],
            ),
        ),
    ];
    tokens.iter().fold(text.to_owned(), |out, (token, value)| out.replace(token, value))
}
