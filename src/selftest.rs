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
    /// Details (English; front-ends translate the step names).
    pub detail: String,
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

fn step(id: &'static str, ok: bool, detail: impl Into<String>) -> Step {
    Step { id, result: if ok { StepResult::Pass } else { StepResult::Fail }, detail: detail.into() }
}

/// Runs the self-test. The PIN verification is a real try (a wrong PIN costs one); it is refused
/// before the try when the PIN is blocked or may be on its last try without confirmation.
pub fn run(conn: &mut dyn Connection, pin: &Pin, confirm_last_try: bool) -> Result<Selftest> {
    let info = tessera_core::service::read_certificate(conn)?;
    let s = &info.summary;
    let now_ok = s.days_left >= 0 && s.not_before <= cert::now_rfc3339();
    let mut steps = vec![step("certificate_dates", now_ok, format!("{} .. {} ({} days left)", s.not_before, s.not_after, s.days_left))];
    let mut challenge = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut challenge);
    match sign_with_certificate(conn, pin, &challenge, confirm_last_try, Some(&info.der)) {
        Ok(signed) => {
            steps.push(step("pin", true, "PIN verified"));
            steps.push(step("signature", true, format!("{} bytes", signed.signature.len())));
            let ok = verify_sha256(&signed.certificate, &challenge, &signed.signature)?;
            steps.push(step("signature_verified", ok, if ok { "matches the certificate's public key" } else { "does NOT match the certificate" }));
        }
        Err(CoreError::WrongSecret { kind, tries_left }) => {
            steps.push(step("pin", false, format!("wrong {kind}: {tries_left} tries left")));
            for id in ["signature", "signature_verified"] {
                steps.push(Step { id, result: StepResult::Skipped, detail: String::new() });
            }
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Selftest { steps })
}
