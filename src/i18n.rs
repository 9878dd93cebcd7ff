//! Translation tables (Italian first, English, German) shared by every front-end, and the one
//! function that turns an [`Error`] into a message saying what happened and what to do next.

mod actions;
pub mod advice;
mod errors;
pub mod fluent;
mod lang;
mod text;
mod ui;

pub use actions::Surface;
pub use errors::{Described, describe_after_check, describe_core_for, describe_error, describe_error_for, describe_unchecked};
pub use lang::Lang;
pub use text::{Text, describe_warning, t, tr};
pub use ui::{Ui, preset_name, ui};

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
}
