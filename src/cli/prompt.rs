//! Reading PINs: from the terminal without echo, or from stdin (one per line) when it is not a
//! terminal. Never from argv.

use super::output::Ctx;
use crate::error::CoreError;
use crate::i18n::{Text, tr};
use crate::{Error, Result};
use std::io::{IsTerminal, Read, Write};
use tessera_core::card::TriesLeft;
use tessera_core::secret::{FormatError, PinKind};
use zeroize::Zeroizing;

/// The longest line accepted for a secret on stdin: far above any PIN, so a longer line is
/// refused as too long instead of filling memory.
pub const MAX_SECRET_LINE: usize = 64;

/// Reads secrets and confirmations.
pub struct Prompter {
    interactive: bool,
    /// Standard input read without std's buffer, so no copy of a piped secret stays behind in
    /// a buffer nobody wipes.
    raw: Option<std::fs::File>,
    /// A CR ended the last line: a LF right after it belongs to the same line ending.
    after_cr: bool,
}

/// A prompt ends with one space before the cursor (the translation files cannot keep a
/// trailing space: Fluent trims it).
fn spaced(prompt: &str) -> String {
    format!("{} ", prompt.trim_end())
}

/// Standard input as an unbuffered file (a duplicate of the descriptor / handle).
fn raw_stdin() -> Option<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        std::io::stdin().as_fd().try_clone_to_owned().ok().map(std::fs::File::from)
    }
    #[cfg(windows)]
    {
        use std::os::windows::io::AsHandle;
        std::io::stdin().as_handle().try_clone_to_owned().ok().map(std::fs::File::from)
    }
}

impl Prompter {
    /// Interactive when stdin is a terminal.
    pub fn new() -> Self {
        let interactive = std::io::stdin().is_terminal();
        Self { interactive, raw: if interactive { None } else { raw_stdin() }, after_cr: false }
    }

    /// Whether a person is typing.
    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// One line from the piped input, byte by byte into a wiped buffer of fixed capacity. A
    /// line ends at LF, CR or CR LF. `Ok(None)`: the input ended before the line began.
    fn read_line(&mut self, cap: usize) -> std::io::Result<Option<Zeroizing<Vec<u8>>>> {
        let Some(f) = self.raw.as_mut() else { return Ok(None) };
        let mut line = Zeroizing::new(Vec::with_capacity(cap + 1));
        let mut byte = [0u8; 1];
        loop {
            let n = match f.read(&mut byte) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                return Ok((!line.is_empty()).then_some(line));
            }
            let after_cr = std::mem::replace(&mut self.after_cr, false);
            match byte[0] {
                b'\n' if after_cr && line.is_empty() => continue,
                b'\n' => return Ok(Some(line)),
                b'\r' => {
                    self.after_cr = true;
                    return Ok(Some(line));
                }
                b => {
                    line.push(b);
                    // One byte past the cap: "too long" at once, without reading the rest (the
                    // command stops here, so what follows is never taken for the next secret).
                    if line.len() > cap {
                        return Ok(Some(line));
                    }
                }
            }
        }
    }

    /// Reads one secret: from the terminal without echo, or one line of piped input.
    pub fn secret(&mut self, prompt: &str, kind: PinKind) -> Result<String, FormatError> {
        if self.interactive {
            return rpassword::prompt_password(spaced(prompt)).map_err(|_| FormatError::Missing(kind));
        }
        let line = self.read_line(MAX_SECRET_LINE).map_err(|_| FormatError::Missing(kind))?.ok_or(FormatError::Missing(kind))?;
        if line.len() > MAX_SECRET_LINE {
            return Err(FormatError::TooLong(kind));
        }
        let text = std::str::from_utf8(&line).map_err(|_| FormatError::NotText(kind))?;
        Ok(text.to_owned())
    }

    /// Asks a question on the terminal; false when not interactive.
    pub fn confirm(&mut self, question: &str, yes: &[&str]) -> bool {
        if !self.interactive {
            return false;
        }
        eprint!("{}", spaced(question));
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        if std::io::stdin().read_line(&mut line).is_err() {
            return false;
        }
        let answer = line.trim().to_lowercase();
        yes.iter().any(|y| *y == answer)
    }
}

/// Ask for confirmation of a possibly-last try; in JSON / non-interactive mode the flag is needed.
pub(crate) fn confirm_last_try(kind: PinKind, tries: TriesLeft, flag: bool, p: &mut Prompter, ctx: &Ctx) -> Result<bool> {
    let lang = ctx.lang;
    let at_risk = matches!(tries, TriesLeft::Known(1) | TriesLeft::Unknown);
    if !at_risk || flag {
        return Ok(flag);
    }
    let err = Error::Core(CoreError::LastTryNotConfirmed { kind, tries_known: tries != TriesLeft::Unknown });
    if !p.interactive() {
        return Err(err);
    }
    eprintln!("{}", ctx.describe(&err).what);
    if p.confirm(tr(lang, Text::ConfirmLastTry), &["si", "sì", "yes", "ja"]) { Ok(true) } else { Err(err) }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, Text, tr};

    /// The translation files cannot keep the space after "PIN attuale:" (Fluent trims it), so
    /// the prompt adds it: the cursor never sits against the colon.
    #[test]
    fn prompts_end_with_one_space_in_every_language() {
        for lang in [Lang::It, Lang::En, Lang::De] {
            for t in [Text::PromptCurrentPin, Text::PromptNewPin, Text::PromptNewPinAgain, Text::PromptPuk, Text::ConfirmLastTry] {
                let p = super::spaced(tr(lang, t));
                assert!(p.ends_with(": ") && !p.ends_with("  "), "{lang:?} {t:?}: {p:?}");
            }
        }
    }
}
