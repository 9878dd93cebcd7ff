//! Translation tables (Italian first, English, German) shared by every front-end, and the one
//! function that turns an [`Error`] into a message saying what happened and what to do next.

mod actions;
mod errors;
mod ui;

pub use actions::Surface;
pub use errors::{Described, describe_after_check, describe_error, describe_error_for};
pub use ui::{Ui, preset_name, ui};

use tessera_core::service::pin::PinWarning;

/// A user-interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

    /// Picks the text of this language.
    pub fn pick<'a>(self, it: &'a str, en: &'a str, de: &'a str) -> &'a str {
        match self {
            Lang::It => it,
            Lang::En => en,
            Lang::De => de,
        }
    }
}

/// A date given as "YYYY-MM-DD…" (ISO, RFC 3339) as people write it: "28 novembre 2031",
/// "28 November 2031", "28. November 2031". Anything else is shown as it is.
pub fn long_date(lang: Lang, iso: &str) -> String {
    const IT: [&str; 12] = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];
    const EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const DE: [&str; 12] = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
    let parts = (iso.get(0..4), iso.get(5..7), iso.get(8..10));
    let (Some(y), Some(m), Some(d)) = parts else { return iso.to_owned() };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u16>(), m.parse::<usize>(), d.parse::<u8>()) else { return iso.to_owned() };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return iso.to_owned();
    }
    match lang {
        Lang::It => format!("{d} {} {y}", IT[m - 1]),
        Lang::En => format!("{d} {} {y}", EN[m - 1]),
        Lang::De => format!("{d}. {} {y}", DE[m - 1]),
    }
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

/// The text of `t` in `lang`.
pub fn tr(lang: Lang, t: Text) -> &'static str {
    use Text::*;
    match t {
        Reader => lang.pick("Lettore", "Reader", "Lesegerät"),
        CardType => lang.pick("Tipo di carta", "Card type", "Kartentyp"),
        Model => lang.pick("Modello", "Model", "Modell"),
        Holder => lang.pick("Titolare", "Holder", "Inhaber"),
        CodiceFiscale => lang.pick("Codice fiscale", "Tax code (codice fiscale)", "Steuernummer (codice fiscale)"),
        CardNumber => lang.pick("Numero carta", "Card number", "Kartennummer"),
        Certificate => lang.pick("Certificato", "Certificate", "Zertifikat"),
        ValidUntil => lang.pick("valido fino al", "valid until", "gültig bis"),
        DaysLeft => lang.pick("giorni rimasti", "days left", "Tage übrig"),
        Expired => lang.pick("SCADUTO", "EXPIRED", "ABGELAUFEN"),
        PinTries => lang.pick("Tentativi PIN rimasti", "PIN tries left", "Verbleibende PIN-Versuche"),
        PukTries => lang.pick("Tentativi PUK rimasti", "PUK tries left", "Verbleibende PUK-Versuche"),
        Unknown => lang.pick("non noto (la carta non lo comunica)", "unknown (the card does not tell)", "unbekannt (die Karte teilt es nicht mit)"),
        Blocked => lang.pick("BLOCCATO", "BLOCKED", "GESPERRT"),
        Issuer => lang.pick("Emittente", "Issuer", "Aussteller"),
        Serial => lang.pick("Numero di serie", "Serial number", "Seriennummer"),
        ValidFrom => lang.pick("Valido dal", "Valid from", "Gültig ab"),
        KeyUsage => lang.pick("Uso della chiave", "Key usage", "Schlüsselverwendung"),
        PublicKey => lang.pick("Chiave pubblica", "Public key", "Öffentlicher Schlüssel"),
        Subject => lang.pick("Soggetto", "Subject", "Inhaber-DN"),
        DemoBanner => lang.pick(
            "CARTA DIMOSTRATIVA: carta simulata per prova e formazione, non è una carta reale.",
            "DEMO CARD: a simulated card for practice and training, not a real card.",
            "DEMO-KARTE: eine simulierte Karte zum Üben, keine echte Karte.",
        ),
        PromptCurrentPin => lang.pick("PIN attuale: ", "Current PIN: ", "Aktuelle PIN: "),
        PromptNewPin => lang.pick("Nuovo PIN: ", "New PIN: ", "Neue PIN: "),
        PromptNewPinAgain => lang.pick("Ripeti il nuovo PIN: ", "New PIN again: ", "Neue PIN wiederholen: "),
        PromptPuk => lang.pick("PUK: ", "PUK: ", "PUK: "),
        PutCardBackToCheck => lang.pick(
            "Reinserisci la carta nello stesso lettore: Tessera legge solo i tentativi rimasti (nessun PIN viene inviato).",
            "Put the card back in the same reader: Tessera only reads the tries left (no PIN is sent).",
            "Stecken Sie die Karte wieder in dasselbe Lesegerät: Tessera liest nur die verbleibenden Versuche (keine PIN wird gesendet).",
        ),
        WaitingForOtherProgram => lang.pick(
            "Attendo che un altro programma (browser, altro software della carta) liberi la carta…",
            "Waiting for another program (a browser, other card software) to release the card…",
            "Warte, bis ein anderes Programm (Browser, andere Kartensoftware) die Karte freigibt…",
        ),
        GaveUpWaiting => lang.pick(
            "Ho smesso di attendere: nulla è stato inviato alla carta. Chiudi il browser o l'altro programma e riprova.",
            "Stopped waiting: nothing was sent to the card. Close the browser or the other program and try again.",
            "Warten beendet: Nichts wurde an die Karte gesendet. Schließen Sie den Browser oder das andere Programm und versuchen Sie es erneut.",
        ),
        MuteAfterSecret => lang.pick(
            "Un PIN o PUK era già stato inviato: potrebbe essere arrivato alla carta. Estrai e reinserisci la carta e guarda i tentativi rimasti prima di riprovare.",
            "A PIN or PUK had already been sent: it may have reached the card. Take the card out, put it back and look at the tries left before trying again.",
            "Eine PIN oder PUK war bereits gesendet: Sie hat die Karte möglicherweise erreicht. Karte herausnehmen, wieder einstecken und die verbleibenden Versuche prüfen, bevor Sie es erneut versuchen.",
        ),
        CardDoesNotAnswer => lang.pick(
            "La carta non risponde da 15 secondi.",
            "The card has not answered for 15 seconds.",
            "Die Karte antwortet seit 15 Sekunden nicht.",
        ),
        TakeCardOut => lang.pick(
            "Estrai la carta dal lettore e reinseriscila.",
            "Take the card out of the reader and put it back.",
            "Nehmen Sie die Karte aus dem Lesegerät und stecken Sie sie wieder ein.",
        ),
        MuteNothingSecret => lang.pick(
            "Nessun PIN o PUK era stato inviato.",
            "No PIN or PUK had been sent.",
            "Keine PIN oder PUK war gesendet worden.",
        ),
        WaitingUpTo60s => lang.pick("Attendo fino a 60 secondi…", "Waiting up to 60 seconds…", "Warte bis zu 60 Sekunden…"),
        CouldNotCheck => lang.pick(
            "Non è stato possibile leggere la carta. Quando la reinserisci, apri Tessera e guarda i tentativi rimasti prima di usare un PIN: se il contatore PIN è pieno dopo un cambio, vale il nuovo PIN.",
            "The card could not be read. When you put it back, open Tessera and look at the tries left before using any PIN: if the PIN counter is full after a change, the new PIN is in force.",
            "Die Karte konnte nicht gelesen werden. Wenn Sie sie wieder einstecken, öffnen Sie Tessera und sehen Sie sich die verbleibenden Versuche an, bevor Sie eine PIN verwenden: Ist der PIN-Zähler nach einer Änderung voll, gilt die neue PIN.",
        ),
        PinChanged => lang.pick("PIN cambiato. Da ora usa il nuovo PIN.", "PIN changed. Use the new PIN from now on.", "PIN geändert. Verwenden Sie ab jetzt die neue PIN."),
        PinUnblocked => lang.pick(
            "PIN sbloccato e sostituito con il nuovo PIN. I tentativi sono di nuovo 3.",
            "PIN unblocked and replaced by the new PIN. You have 3 tries again.",
            "PIN entsperrt und durch die neue PIN ersetzt. Sie haben wieder 3 Versuche.",
        ),
        LastTryWarningPin => lang.pick(
            "ATTENZIONE: resta UN SOLO tentativo per il PIN. Se sbagli, il PIN si blocca e servirà il PUK.",
            "WARNING: only ONE PIN try is left. If it is wrong, the PIN blocks and you will need the PUK.",
            "ACHTUNG: Nur noch EIN PIN-Versuch. Ist er falsch, wird die PIN gesperrt und Sie brauchen die PUK.",
        ),
        LastTryWarningPuk => lang.pick(
            "ATTENZIONE: resta UN SOLO tentativo per il PUK. Se sbagli, la carta diventa inutilizzabile.",
            "WARNING: only ONE PUK try is left. If it is wrong, the card becomes unusable.",
            "ACHTUNG: Nur noch EIN PUK-Versuch. Ist er falsch, wird die Karte unbrauchbar.",
        ),
        UnknownTriesWarning => lang.pick(
            "La carta non comunica quanti tentativi restano: questo potrebbe essere l'ultimo.",
            "The card does not tell how many tries are left: this could be the last one.",
            "Die Karte teilt nicht mit, wie viele Versuche bleiben: dies könnte der letzte sein.",
        ),
        ConfirmLastTry => lang.pick(
            "Vuoi davvero usare questo tentativo? Scrivi SI per continuare: ",
            "Do you really want to use this try? Type YES to continue: ",
            "Möchten Sie diesen Versuch wirklich verwenden? Geben Sie JA ein, um fortzufahren: ",
        ),
        WeakPinUseAnyway => lang.pick("Usarlo comunque? [s/N] ", "Use it anyway? [y/N] ", "Trotzdem verwenden? [j/N] "),
        Cancelled => lang.pick("Annullato: nulla è stato inviato alla carta.", "Cancelled: nothing was sent to the card.", "Abgebrochen: nichts wurde an die Karte gesendet."),
        NoReaders => lang.pick(
            "Nessun lettore di smart card trovato. Collega il lettore; per provare Tessera senza carta: tessera status --demo",
            "No smart-card reader found. Connect the reader; to try Tessera without a card: tessera status --demo",
            "Kein Kartenlesegerät gefunden. Schließen Sie das Lesegerät an; zum Ausprobieren ohne Karte: tessera status --demo",
        ),
        CardPresent => lang.pick("carta inserita", "card inserted", "Karte eingesteckt"),
        NoCardInReader => lang.pick("nessuna carta", "no card", "keine Karte"),
        Exported => lang.pick("Certificato salvato in", "Certificate saved to", "Zertifikat gespeichert in"),
        PukLowWarning => lang.pick(
            "Restano pochi tentativi PUK: controlla bene il PUK (busta consegnata con la carta) prima di inserirlo.",
            "Few PUK tries are left: check the PUK carefully (the envelope that came with the card) before typing it.",
            "Nur noch wenige PUK-Versuche: Prüfen Sie die PUK (Umschlag zur Karte) sorgfältig, bevor Sie sie eingeben.",
        ),
        Supported => lang.pick("gestita da Tessera", "supported by Tessera", "von Tessera unterstützt"),
        NotSupported => lang.pick("non gestita da Tessera", "not supported by Tessera", "nicht von Tessera unterstützt"),
        MaybeCnsOverNfc => lang.pick(
            "potrebbe essere una CNS letta via NFC (senza contatto): appoggiala al lettore per verificarlo",
            "possibly a CNS over NFC (contactless): put it on the reader to check",
            "möglicherweise eine CNS über NFC (kontaktlos): Legen Sie sie zum Prüfen auf das Lesegerät",
        ),
        SimulatedCard => lang.pick(
            "CARTA SIMULATA: questa carta è il simulatore di Tessera (autorità di prova), non una carta reale.",
            "SIMULATED CARD: this card is Tessera's simulator (test authority), not a real card.",
            "SIMULIERTE KARTE: Diese Karte ist Tesseras Simulator (Test-Zertifizierungsstelle), keine echte Karte.",
        ),
    }
}

/// A weak-PIN warning's text.
pub fn describe_warning(w: PinWarning, lang: Lang) -> &'static str {
    match w {
        PinWarning::AllSameDigit => lang.pick(
            "Il nuovo PIN ha tutte le cifre uguali: è facile da indovinare.",
            "The new PIN has all digits the same: it is easy to guess.",
            "Die neue PIN hat lauter gleiche Ziffern: Sie ist leicht zu erraten.",
        ),
        PinWarning::Sequence => lang.pick(
            "Il nuovo PIN è una sequenza (come 12345): è facile da indovinare.",
            "The new PIN is a sequence (like 12345): it is easy to guess.",
            "Die neue PIN ist eine Folge (wie 12345): Sie ist leicht zu erraten.",
        ),
        PinWarning::BirthDate => lang.pick(
            "Il nuovo PIN è la tua data di nascita: è facile da indovinare.",
            "The new PIN is your birth date: it is easy to guess.",
            "Die neue PIN ist Ihr Geburtsdatum: Sie ist leicht zu erraten.",
        ),
    }
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
    fn language_codes() {
        assert_eq!(Lang::from_code("it_IT.UTF-8"), Some(Lang::It));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de_AT"), Some(Lang::De));
        assert_eq!(Lang::from_code("fr_FR"), None);
    }
}
