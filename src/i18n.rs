//! Translation tables (Italian first, English, German) shared by every front-end, and the one
//! function that turns an [`Error`] into a message saying what happened and what to do next.

mod actions;
pub mod advice;
mod errors;
pub mod fluent;
mod ui;

pub use actions::Surface;
pub use errors::{Described, describe_after_check, describe_core_for, describe_error, describe_error_for, describe_unchecked};
pub use ui::{Ui, preset_name, ui};

use tessera_core::service::pin::PinWarning;

/// A user-interface language (in the settings file: "it", "en", "de").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Italiano (default).
    #[default]
    It,
    /// English.
    En,
    /// Deutsch.
    De,
}

impl Lang {
    /// From a code such as "it", "en_GB.UTF-8", "de-AT".
    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        match c.get(..2)? {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    /// The user's language: the POSIX variables first (LC_ALL, LC_MESSAGES, LANG, LANGUAGE: how
    /// a Linux session says it, and how anyone overrides it), then the system's preferred
    /// languages in order (`sys-locale`: the Windows and macOS settings); Italian when none of
    /// them is a language Tessera speaks.
    pub fn from_env() -> Lang {
        Self::from_env_vars()
            .or_else(|| sys_locale::get_locales().find_map(|l| Lang::from_code(&l)))
            .unwrap_or_default()
    }

    fn from_env_vars() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .filter(|v| !v.is_empty() && v != "C" && v != "POSIX")
            .find_map(|v| Lang::from_code(&v))
    }
}

/// A reader's name for people: the demo card's simulated reader in the user's language.
pub fn reader_name(lang: Lang, name: &str) -> String {
    if name == tessera_sim::SIM_READER_NAME { fluent::text(lang, "reader-demo").to_owned() } else { name.to_owned() }
}

/// The card's model for people: the lot, chip and OS, and what sets the card apart in words
/// ("… — token di firma: senza i dati della tessera sanitaria").
pub fn model_text(lang: Lang, model: &str, note: Option<tessera_core::card::ModelNote>) -> String {
    use tessera_core::card::ModelNote;
    match note {
        None => model.to_owned(),
        Some(n) => {
            let id = match n {
                ModelNote::SignatureToken => "model-note-signature-token",
                ModelNote::SelectedByAid => "model-note-selected-by-aid",
            };
            format!("{model} — {}", fluent::text(lang, id))
        }
    }
}

/// A date given as "YYYY-MM-DD…" (ISO, RFC 3339) as people write it: "28 novembre 2031",
/// "28 November 2031", "28. November 2031". Anything else is shown as it is.
pub fn long_date(lang: Lang, iso: &str) -> String {
    let parts = (iso.get(0..4), iso.get(5..7), iso.get(8..10));
    let (Some(y), Some(m), Some(d)) = parts else { return iso.to_owned() };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u16>(), m.parse::<u8>(), d.parse::<u8>()) else { return iso.to_owned() };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return iso.to_owned();
    }
    let month = fluent::text(lang, &format!("month-{m}"));
    // Years as written, without a thousands separator.
    fluent::format(lang, "date-long", &[("day", d.into()), ("month", month.into()), ("year", y.to_string().into())])
}

/// A certificate's key usages ("digitalSignature", "clientAuth"…) in words, joined with commas;
/// an identifier without a translation stays as it is.
pub fn key_usages(lang: Lang, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            let key = format!("key-usage-{}", fluent::kebab(id));
            if fluent::has(&key) { fluent::text(lang, &key).to_owned() } else { id.clone() }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A card number as it is read aloud over the phone: a CNS number in groups of four
/// ("6022 0000 0012 3456"), a CIE number as letters, digits, letters ("CA 12345 XY").
pub fn grouped(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    let letters = |r: std::ops::Range<usize>| chars[r].iter().all(char::is_ascii_alphabetic);
    if chars.len() == 9 && letters(0..2) && letters(7..9) {
        return format!("{} {} {}", &number[..2], &number[2..7], &number[7..]);
    }
    if !chars.iter().all(char::is_ascii_digit) {
        return number.to_owned();
    }
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

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

#[cfg(test)]
mod tests {

    #[test]
    fn dates_are_written_as_people_write_them() {
        assert_eq!(long_date(Lang::It, "2031-11-28T01:33:47Z"), "28 novembre 2031");
        assert_eq!(long_date(Lang::En, "2031-11-28"), "28 November 2031");
        assert_eq!(long_date(Lang::De, "2031-03-01"), "1. März 2031");
        assert_eq!(long_date(Lang::It, "soon"), "soon");
        assert_eq!(grouped("6022000000123456"), "6022 0000 0012 3456");
        assert_eq!(grouped("CA12345XY"), "CA 12345 XY");
        assert_eq!(grouped("X-1"), "X-1");
    }
    use super::*;

    #[test]
    fn key_usages_are_words_in_the_language() {
        let ids = ["digitalSignature".to_owned(), "clientAuth".to_owned(), "1.2.3.4".to_owned()];
        assert_eq!(key_usages(Lang::It, &ids), "firma digitale, accesso ai siti (autenticazione), 1.2.3.4");
        assert_eq!(key_usages(Lang::En, &ids[..1]), "digital signature");
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("it_IT.UTF-8"), Some(Lang::It));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de_AT"), Some(Lang::De));
        assert_eq!(Lang::from_code("fr_FR"), None);
    }
}
