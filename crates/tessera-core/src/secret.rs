//! PINs and PUKs: zeroized on drop, redacted in `Debug`, no `Display`, no `Serialize`.
//!
//! [`Pin::expose_secret`] / [`Puk::expose_secret`] are called only where APDUs are built, so a
//! grep finds every place a secret leaves this module.

use std::fmt;
use zeroize::{Zeroize, Zeroizing};

/// Which secret a message or counter is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PinKind {
    /// The user PIN.
    Pin,
    /// The unblocking key.
    Puk,
}

impl fmt::Display for PinKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PinKind::Pin => "PIN",
            PinKind::Puk => "PUK",
        })
    }
}

/// Allowed lengths of a secret on a given card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LengthRule {
    /// Minimum number of digits.
    pub min: usize,
    /// Maximum number of digits.
    pub max: usize,
}

impl LengthRule {
    /// Whether `n` digits are allowed.
    pub fn contains(&self, n: usize) -> bool {
        (self.min..=self.max).contains(&n)
    }
}

/// Why a typed value is not a well-formed PIN/PUK. Nothing is sent to the card in that case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
// Exhaustive on purpose: every front-end maps every variant to a message.
pub enum FormatError {
    /// Nothing typed.
    #[error("{0} is empty")]
    Empty(PinKind),
    /// The input ended before the secret was given (piped input too short).
    #[error("no {0} given: the input ended")]
    Missing(PinKind),
    /// The input is not text (invalid UTF-8).
    #[error("the {0} is not text")]
    NotText(PinKind),
    /// Far longer than any PIN or PUK (not kept).
    #[error("the {0} is far too long")]
    TooLong(PinKind),
    /// Contains spaces.
    #[error("{0} contains spaces")]
    Spaces(PinKind),
    /// Contains digits of another script (e.g. Arabic-Indic) that the card cannot take.
    #[error("{0} contains digits that are not 0-9")]
    NonAsciiDigits(PinKind),
    /// Contains letters or symbols.
    #[error("{0} contains characters that are not digits")]
    NotDigits(PinKind),
    /// Wrong number of digits.
    #[error("{kind} must have {min} to {max} digits")]
    Length {
        /// PIN or PUK.
        kind: PinKind,
        /// Minimum.
        min: usize,
        /// Maximum.
        max: usize,
    },
}

/// Why typed input was refused. Nothing is sent to the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
// Exhaustive on purpose: every front-end maps every variant to a message.
pub enum PinRuleError {
    /// Not digits, wrong length…
    #[error(transparent)]
    Format(#[from] FormatError),
    /// The two entries of the new PIN differ.
    #[error("the new PIN and its confirmation differ")]
    ConfirmationMismatch,
    /// The new PIN equals the current one.
    #[error("the new PIN is the same as the current one")]
    SameAsCurrent,
    /// The card refused the new PIN's format (6A80).
    #[error("the card refused the new PIN")]
    RefusedByCard,
}

#[derive(Clone, PartialEq, Eq)]
struct Digits(Zeroizing<Vec<u8>>);

impl Digits {
    fn parse(kind: PinKind, mut typed: String, rule: LengthRule) -> Result<Self, FormatError> {
        let result = Self::check(kind, &typed, rule);
        let out = result.map(|()| Digits(Zeroizing::new(typed.as_bytes().to_vec())));
        typed.zeroize();
        out
    }

    fn check(kind: PinKind, typed: &str, rule: LengthRule) -> Result<(), FormatError> {
        if typed.is_empty() {
            return Err(FormatError::Empty(kind));
        }
        if typed.chars().any(char::is_whitespace) {
            return Err(FormatError::Spaces(kind));
        }
        if typed.chars().any(|c| !c.is_ascii_digit() && c.is_numeric()) {
            return Err(FormatError::NonAsciiDigits(kind));
        }
        if !typed.chars().all(|c| c.is_ascii_digit()) {
            return Err(FormatError::NotDigits(kind));
        }
        if typed.len() < rule.min || typed.len() > rule.max {
            return Err(FormatError::Length { kind, min: rule.min, max: rule.max });
        }
        Ok(())
    }
}

macro_rules! secret_type {
    ($name:ident, $kind:expr, $doc:literal) => {
        #[doc = $doc]
        #[derive(PartialEq, Eq)]
        pub struct $name(Digits);

        impl $name {
            /// Validates the typed text (ASCII digits, length within `rule`) and takes ownership
            /// of it; the `String` is zeroized whatever the outcome.
            pub fn parse(typed: String, rule: LengthRule) -> Result<Self, FormatError> {
                Digits::parse($kind, typed, rule).map(Self)
            }

            /// The ASCII digits. Call only where an APDU is built.
            pub fn expose_secret(&self) -> &[u8] {
                &(self.0).0
            }

            /// Number of digits.
            pub fn len(&self) -> usize {
                (self.0).0.len()
            }

            /// Never true for a parsed value.
            pub fn is_empty(&self) -> bool {
                (self.0).0.is_empty()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "(***)"))
            }
        }
    };
}

secret_type!(Pin, PinKind::Pin, "A user PIN (ASCII digits).");
secret_type!(Puk, PinKind::Puk, "A PUK, the unblocking code (ASCII digits).");

#[cfg(test)]
mod tests {
    use super::*;

    const R: LengthRule = LengthRule { min: 5, max: 8 };

    #[test]
    fn accepts_ascii_digits_in_range() {
        let p = Pin::parse("12395".into(), R).expect("valid");
        assert_eq!(p.expose_secret(), b"12395");
        assert_eq!(format!("{p:?}"), "Pin(***)");
    }

    #[test]
    fn rejects_bad_input_with_the_reason() {
        assert_eq!(Pin::parse("".into(), R), Err(FormatError::Empty(PinKind::Pin)));
        assert_eq!(Pin::parse("123 45".into(), R), Err(FormatError::Spaces(PinKind::Pin)));
        assert_eq!(Pin::parse("١٢٣٤٥".into(), R), Err(FormatError::NonAsciiDigits(PinKind::Pin)));
        assert_eq!(Pin::parse("12a45".into(), R), Err(FormatError::NotDigits(PinKind::Pin)));
        assert_eq!(
            Pin::parse("1234".into(), R),
            Err(FormatError::Length { kind: PinKind::Pin, min: 5, max: 8 })
        );
        assert!(Puk::parse("123456789".into(), LengthRule { min: 8, max: 8 }).is_err());
    }

    proptest::proptest! {
        #[test]
        fn parse_accepts_exactly_ascii_digit_strings_in_range(s in "\\PC{0,12}") {
            let ok = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (5..=8).contains(&s.len());
            proptest::prop_assert_eq!(Pin::parse(s, R).is_ok(), ok);
        }
    }
}
