//! User-level operations over a [`Connection`]: card overview, PIN change, unblock, certificate.
//! Front-ends (CLI, GUI) call these and nothing below. This layer never prints, prompts or
//! sleeps. Each operation is one transaction; all input must be collected before calling it.

pub mod certificate;
pub mod pin;
mod pss;
pub mod sign;
pub mod status;
pub mod token;
mod transaction;

pub use certificate::{CertificateInfo, read_certificate};
pub use pin::{AfterCheck, ChangePin, Interruption, Pending, PinOp, PinOutcome, PinPolicy, PinStatus, PinWarning, Stage, UnblockPin, Verdict, change_pin, check_after_interruption, new_pin, pin_status, unblock_pin};
pub use sign::{Signed, sign_sha256, verify_sha256};
pub use status::{CardOverview, overview};
pub use transaction::with_card;
