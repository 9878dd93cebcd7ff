//! "Test my card" (prova la nuova carta prima di gettare la vecchia): certificate dates, a real
//! PIN verification, a signature over a random challenge with the authentication key, and its
//! verification with the certificate's public key. One line per step.

use tessera_core::service::sign::{sign_with_certificate, verify_sha256};
use tessera_core::secret::Pin;
use tessera_core::transport::Connection;
use crate::error::CoreError;
use crate::Result;
use tessera_core::cert;
use rand::RngCore;

/// One step's outcome.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepResult {
    /// Passed.
    Pass,
    /// Failed.
    Fail,
    /// Not run (an earlier step failed).
    Skipped,
}

/// One step of the self-test.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    /// "certificate_dates", "pin", "signature", "signature_verified".
    pub id: &'static str,
    /// Outcome.
    pub result: StepResult,
    /// Details in English (the JSON output); `detail_text` gives them in the user's language.
    pub detail: String,
    /// What the details say, for `detail_text`.
    #[serde(skip)]
    pub what: Detail,
}

/// What a step's details say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Detail {
    /// Nothing (a step not run).
    #[default]
    None,
    /// The certificate's validity and the days left.
    Dates {
        /// Start of validity (RFC 3339).
        from: String,
        /// End of validity (RFC 3339).
        until: String,
        /// Calendar days left.
        days_left: i64,
    },
    /// The PIN was right.
    PinVerified,
    /// The card signed: the signature's length.
    Signed {
        /// Signature length.
        bytes: usize,
    },
    /// The signature matches the certificate's public key (or not).
    Verified {
        /// It matches.
        matches: bool,
    },
    /// A wrong PIN (or PUK), and the tries left.
    Wrong {
        /// "PIN" or "PUK".
        kind: &'static str,
        /// Tries left.
        tries_left: u8,
    },
}

impl Step {
    /// The details in `lang`.
    pub fn detail_text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::fluent::{format, text};
        use crate::i18n::long_date;
        match &self.what {
            Detail::None => String::new(),
            Detail::Dates { from, until, days_left } => format(
                lang,
                "selftest-dates",
                &[("from", long_date(lang, from).into()), ("until", long_date(lang, until).into()), ("days", (*days_left).into())],
            ),
            Detail::PinVerified => text(lang, "selftest-pin-verified").to_owned(),
            Detail::Signed { bytes } => format(lang, "selftest-signed", &[("bytes", (*bytes).into())]),
            Detail::Verified { matches: true } => text(lang, "selftest-matches").to_owned(),
            Detail::Verified { matches: false } => text(lang, "selftest-no-match").to_owned(),
            Detail::Wrong { kind, tries_left } => format(lang, "selftest-wrong", &[("kind", (*kind).into()), ("tries", (*tries_left).into())]),
        }
    }
}

/// The steps; `passed()` is true when every one passed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Selftest {
    /// The steps in order.
    pub steps: Vec<Step>,
}

impl Selftest {
    /// Every step passed.
    pub fn passed(&self) -> bool {
        self.steps.iter().all(|s| s.result == StepResult::Pass)
    }
}

fn step(id: &'static str, ok: bool, detail: impl Into<String>, what: Detail) -> Step {
    Step { id, result: if ok { StepResult::Pass } else { StepResult::Fail }, detail: detail.into(), what }
}

/// Runs the self-test. The PIN verification is a real try (a wrong PIN costs one); it is refused
/// before the try when the PIN is blocked or may be on its last try without confirmation.
pub fn run(conn: &mut dyn Connection, pin: &Pin, confirm_last_try: bool) -> Result<Selftest> {
    let info = tessera_core::service::read_certificate(conn)?;
    let s = &info.summary;
    let now_ok = s.days_left >= 0 && s.not_before <= cert::now_rfc3339();
    let dates = Detail::Dates { from: s.not_before.clone(), until: s.not_after.clone(), days_left: s.days_left };
    let mut steps = vec![step("certificate_dates", now_ok, format!("{} .. {} ({} days left)", s.not_before, s.not_after, s.days_left), dates)];
    let mut challenge = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut challenge);
    match sign_with_certificate(conn, pin, &challenge, confirm_last_try, Some(&info.der)) {
        Ok(signed) => {
            steps.push(step("pin", true, "PIN verified", Detail::PinVerified));
            let bytes = signed.signature.len();
            steps.push(step("signature", true, format!("{bytes} bytes"), Detail::Signed { bytes }));
            let ok = verify_sha256(&signed.certificate, &challenge, &signed.signature)?;
            let detail = if ok { "matches the certificate's public key" } else { "does NOT match the certificate" };
            steps.push(step("signature_verified", ok, detail, Detail::Verified { matches: ok }));
        }
        Err(CoreError::WrongSecret { kind, tries_left }) => {
            let name = if kind == tessera_core::secret::PinKind::Pin { "PIN" } else { "PUK" };
            steps.push(step("pin", false, format!("wrong {kind}: {tries_left} tries left"), Detail::Wrong { kind: name, tries_left }));
            for id in ["signature", "signature_verified"] {
                steps.push(Step { id, result: StepResult::Skipped, detail: String::new(), what: Detail::None });
            }
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Selftest { steps })
}
