//! The fixed texts of the command line and the window (messages `text-*`), and the plain
//! message lookup.

use super::fluent;
use super::lang::Lang;
use tessera_core::service::pin::PinWarning;

/// Fixed UI strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Text {
    Reader,
    CardType,
    Model,
    Holder,
    CodiceFiscale,
    CardNumber,
    Certificate,
    ValidUntil,
    DaysLeft,
    Expired,
    PinTries,
    PukTries,
    Unknown,
    Blocked,
    Issuer,
    Serial,
    ValidFrom,
    KeyUsage,
    PublicKey,
    Subject,
    DemoBanner,
    PromptCurrentPin,
    PromptNewPin,
    PromptNewPinAgain,
    PromptPuk,
    PinChanged,
    /// Put the card back after an interrupted PIN operation: only counters are read.
    PutCardBackToCheck,
    /// The CLI waits for the card to come back.
    WaitingUpTo60s,
    /// Another program holds the card (said after a second of waiting).
    WaitingForOtherProgram,
    /// Gave up waiting for another program: nothing was sent.
    GaveUpWaiting,
    /// The card went silent after a PIN or PUK was sent.
    MuteAfterSecret,
    /// The card went silent; no PIN or PUK had been sent.
    MuteNothingSecret,
    /// The card went silent after a PIN or PUK was sent: take it out, and the counters are read.
    MuteTakeOutToCheck,
    /// The card does not answer (window banner).
    CardDoesNotAnswer,
    /// Take the card out to free the reader.
    TakeCardOut,
    /// The card did not come back in time after an interruption.
    CouldNotCheck,
    PinUnblocked,
    LastTryWarningPin,
    LastTryWarningPuk,
    UnknownTriesWarning,
    ConfirmLastTry,
    WeakPinUseAnyway,
    Cancelled,
    NoReaders,
    CardPresent,
    NoCardInReader,
    Exported,
    PukLowWarning,
    Supported,
    NotSupported,
    MaybeCnsOverNfc,
    SimulatedCard,
}

/// The text of `t` in `lang` (message `text-KEY` of locales/LANG.ftl).
pub fn tr(lang: Lang, t: Text) -> &'static str {
    fluent::text(lang, &format!("text-{}", fluent::kebab(&format!("{t:?}"))))
}

impl Text {
    /// Every key (the test that each has a message in every language walks them).
    pub const ALL: [Text; 52] = [Text::Reader, Text::CardType, Text::Model, Text::Holder, Text::CodiceFiscale, Text::CardNumber, Text::Certificate, Text::ValidUntil, Text::DaysLeft, Text::Expired, Text::PinTries, Text::PukTries, Text::Unknown, Text::Blocked, Text::Issuer, Text::Serial, Text::ValidFrom, Text::KeyUsage, Text::PublicKey, Text::Subject, Text::DemoBanner, Text::PromptCurrentPin, Text::PromptNewPin, Text::PromptNewPinAgain, Text::PromptPuk, Text::PinChanged, Text::PutCardBackToCheck, Text::WaitingUpTo60s, Text::WaitingForOtherProgram, Text::GaveUpWaiting, Text::MuteAfterSecret, Text::MuteNothingSecret, Text::MuteTakeOutToCheck, Text::CardDoesNotAnswer, Text::TakeCardOut, Text::CouldNotCheck, Text::PinUnblocked, Text::LastTryWarningPin, Text::LastTryWarningPuk, Text::UnknownTriesWarning, Text::ConfirmLastTry, Text::WeakPinUseAnyway, Text::Cancelled, Text::NoReaders, Text::CardPresent, Text::NoCardInReader, Text::Exported, Text::PukLowWarning, Text::Supported, Text::NotSupported, Text::MaybeCnsOverNfc, Text::SimulatedCard];
}

/// A weak-PIN warning's text.
pub fn describe_warning(w: PinWarning, lang: Lang) -> &'static str {
    match w {
        PinWarning::AllSameDigit => t(lang, "warning-new-pin-has-all-digits"),
        PinWarning::Sequence => t(lang, "warning-new-pin-sequence-like-12345"),
        PinWarning::BirthDate => t(lang, "warning-new-pin-birth-date-easy"),
    }
}


/// A message without variables from locales/LANG.ftl (`fluent::format` for those with variables).
pub fn t(lang: Lang, id: &str) -> &'static str {
    fluent::text(lang, id)
}
