//! Reading PINs: from the terminal without echo, or from stdin (one per line) when it is not a
//! terminal. Never from argv.

use std::io::{BufRead, IsTerminal, Write};
use zeroize::Zeroizing;

/// Reads secrets and confirmations.
pub struct Prompter {
    interactive: bool,
    stdin: std::io::StdinLock<'static>,
}

impl Prompter {
    /// Interactive when stdin is a terminal.
    pub fn new() -> Self {
        let stdin = std::io::stdin();
        Self { interactive: stdin.is_terminal(), stdin: stdin.lock() }
    }

    /// Whether a person is typing.
    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// Reads one secret. `None` at end of input.
    pub fn secret(&mut self, prompt: &str) -> Option<String> {
        if self.interactive {
            return rpassword::prompt_password(prompt).ok();
        }
        let mut line = Zeroizing::new(String::new());
        match self.stdin.read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\r', '\n']).to_owned()),
        }
    }

    /// Asks a question on the terminal; false when not interactive.
    pub fn confirm(&mut self, question: &str, yes: &[&str]) -> bool {
        if !self.interactive {
            return false;
        }
        eprint!("{question}");
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        if self.stdin.read_line(&mut line).is_err() {
            return false;
        }
        let answer = line.trim().to_lowercase();
        yes.iter().any(|y| *y == answer)
    }
}
