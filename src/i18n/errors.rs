//! Error messages: what happened and what to do next, in every language.

use super::{Lang, Text, tr};
use crate::Error;
use crate::browser::BrowserError;
use crate::error::CoreError;
use tessera_core::secret::{FormatError, PinKind};
use tessera_core::service::pin::PinRuleError;
use tessera_core::transport::TransportError;

/// What happened, and what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// What happened.
    pub what: String,
    /// What to do next.
    pub next: String,
}

fn d(what: impl Into<String>, next: impl Into<String>) -> Described {
    Described { what: what.into(), next: next.into() }
}

fn kind_name(kind: PinKind) -> &'static str {
    match kind {
        PinKind::Pin => "PIN",
        PinKind::Puk => "PUK",
    }
}

fn describe_format(e: FormatError, lang: Lang) -> Described {
    let next = lang.pick(
        "Controlla e riprova: nulla è stato inviato alla carta.",
        "Check it and try again: nothing was sent to the card.",
        "Prüfen Sie die Eingabe und versuchen Sie es erneut: Nichts wurde an die Karte gesendet.",
    );
    let what = match e {
        FormatError::Empty(k) => format!("{} {}", kind_name(k), lang.pick("vuoto.", "is empty.", "ist leer.")),
        FormatError::Spaces(k) => {
            format!("{} {}", kind_name(k), lang.pick("contiene spazi.", "contains spaces.", "enthält Leerzeichen."))
        }
        FormatError::NonAsciiDigits(k) => format!(
            "{} {}",
            kind_name(k),
            lang.pick(
                "contiene cifre di un altro alfabeto: usa solo le cifre 0-9.",
                "contains digits of another script: use only the digits 0-9.",
                "enthält Ziffern einer anderen Schrift: Verwenden Sie nur die Ziffern 0-9.",
            )
        ),
        FormatError::NotDigits(k) => format!(
            "{} {}",
            kind_name(k),
            lang.pick("deve contenere solo cifre (0-9).", "must contain digits only (0-9).", "darf nur Ziffern (0-9) enthalten.")
        ),
        FormatError::Length { kind, min, max } if min == max => match lang {
            Lang::It => format!("Il {} deve avere esattamente {min} cifre.", kind_name(kind)),
            Lang::En => format!("The {} must have exactly {min} digits.", kind_name(kind)),
            Lang::De => format!("Die {} muss genau {min} Ziffern haben.", kind_name(kind)),
        },
        FormatError::Length { kind, min, max } => match lang {
            Lang::It => format!("Il {} deve avere da {min} a {max} cifre.", kind_name(kind)),
            Lang::En => format!("The {} must have {min} to {max} digits.", kind_name(kind)),
            Lang::De => format!("Die {} muss {min} bis {max} Ziffern haben.", kind_name(kind)),
        },
    };
    d(what, next)
}

fn describe_rule(e: PinRuleError, lang: Lang) -> Described {
    let nothing = lang.pick(
        "Nulla è stato inviato alla carta: riprova.",
        "Nothing was sent to the card: try again.",
        "Nichts wurde an die Karte gesendet: Versuchen Sie es erneut.",
    );
    match e {
        PinRuleError::Format(f) => describe_format(f, lang),
        PinRuleError::ConfirmationMismatch => d(
            lang.pick("I due nuovi PIN inseriti sono diversi.", "The two new PINs you typed differ.", "Die beiden eingegebenen neuen PINs sind verschieden."),
            nothing,
        ),
        PinRuleError::SameAsCurrent => d(
            lang.pick("Il nuovo PIN è uguale a quello attuale.", "The new PIN is the same as the current one.", "Die neue PIN ist gleich der aktuellen."),
            lang.pick("Scegli un PIN diverso: nulla è stato inviato alla carta.", "Choose a different PIN: nothing was sent to the card.", "Wählen Sie eine andere PIN: Nichts wurde an die Karte gesendet."),
        ),
        PinRuleError::RefusedByCard => d(
            lang.pick("La carta ha rifiutato il nuovo PIN.", "The card refused the new PIN.", "Die Karte hat die neue PIN abgelehnt."),
            lang.pick("Usa da 5 a 8 cifre e riprova.", "Use 5 to 8 digits and try again.", "Verwenden Sie 5 bis 8 Ziffern und versuchen Sie es erneut."),
        ),
    }
}

fn describe_transport(e: &TransportError, lang: Lang) -> Described {
    match e {
        TransportError::NoService => d(
            lang.pick("Il servizio smart card del sistema non è attivo.", "The system's smart-card service is not running.", "Der Smartcard-Dienst des Systems läuft nicht."),
            lang.pick(
                "Su Linux avvia pcscd (sudo systemctl start pcscd); su Windows e macOS riavvia il computer. Per provare senza carta: tessera status --demo",
                "On Linux start pcscd (sudo systemctl start pcscd); on Windows and macOS restart the computer. To try without a card: tessera status --demo",
                "Unter Linux pcscd starten (sudo systemctl start pcscd); unter Windows und macOS den Computer neu starten. Zum Ausprobieren ohne Karte: tessera status --demo",
            ),
        ),
        TransportError::NoReader => d(
            lang.pick("Nessun lettore di smart card collegato.", "No smart-card reader is connected.", "Kein Kartenlesegerät angeschlossen."),
            lang.pick(
                "Collega il lettore e riprova. Per provare Tessera senza lettore: tessera status --demo",
                "Connect the reader and try again. To try Tessera without a reader: tessera status --demo",
                "Schließen Sie das Lesegerät an und versuchen Sie es erneut. Zum Ausprobieren ohne Lesegerät: tessera status --demo",
            ),
        ),
        TransportError::UnknownReader(name) => d(
            format!("{} {name}", lang.pick("Lettore non trovato:", "Reader not found:", "Lesegerät nicht gefunden:")),
            lang.pick("Elenca i lettori con: tessera readers", "List the readers with: tessera readers", "Lesegeräte anzeigen mit: tessera readers"),
        ),
        TransportError::NoCard => d(
            lang.pick("Nessuna carta nel lettore.", "No card in the reader.", "Keine Karte im Lesegerät."),
            lang.pick(
                "Inserisci la carta con il chip rivolto verso l'alto e riprova.",
                "Insert the card with the chip facing up and try again.",
                "Stecken Sie die Karte mit dem Chip nach oben ein und versuchen Sie es erneut.",
            ),
        ),
        TransportError::CardRemoved => d(
            lang.pick("La carta è stata rimossa durante l'operazione.", "The card was removed during the operation.", "Die Karte wurde während des Vorgangs entfernt."),
            lang.pick(
                "Reinserisci la carta e controlla i tentativi rimasti prima di riprovare; nulla viene ripetuto automaticamente.",
                "Reinsert the card and check the tries left before trying again; nothing is repeated automatically.",
                "Stecken Sie die Karte wieder ein und prüfen Sie die verbleibenden Versuche, bevor Sie es erneut versuchen; nichts wird automatisch wiederholt.",
            ),
        ),
        TransportError::Reset => d(
            lang.pick("Un altro programma ha reinizializzato la carta durante l'operazione.", "Another program reset the card during the operation.", "Ein anderes Programm hat die Karte während des Vorgangs zurückgesetzt."),
            lang.pick(
                "Chiudi gli altri programmi che usano la carta (es. il browser), poi riprova; nulla viene ripetuto automaticamente.",
                "Close other programs using the card (e.g. the browser), then try again; nothing is repeated automatically.",
                "Schließen Sie andere Programme, die die Karte nutzen (z. B. den Browser), und versuchen Sie es erneut; nichts wird automatisch wiederholt.",
            ),
        ),
        TransportError::SharingViolation => d(
            lang.pick("La carta è in uso da un altro programma.", "The card is in use by another program.", "Die Karte wird von einem anderen Programm verwendet."),
            lang.pick("Chiudi l'altro programma (es. il browser) e riprova.", "Close the other program (e.g. the browser) and try again.", "Schließen Sie das andere Programm (z. B. den Browser) und versuchen Sie es erneut."),
        ),
        TransportError::Unresponsive => d(
            lang.pick("La carta non risponde.", "The card does not respond.", "Die Karte antwortet nicht."),
            lang.pick(
                "Estrai la carta, controlla il verso (chip in alto, verso il lettore) e reinseriscila.",
                "Take the card out, check its orientation (chip up, towards the reader) and insert it again.",
                "Nehmen Sie die Karte heraus, prüfen Sie die Ausrichtung (Chip nach oben) und stecken Sie sie wieder ein.",
            ),
        ),
        TransportError::Cancelled | TransportError::Timeout => d(
            lang.pick("Operazione interrotta.", "Operation interrupted.", "Vorgang unterbrochen."),
            lang.pick("Riprova.", "Try again.", "Versuchen Sie es erneut."),
        ),
        TransportError::Pcsc(e) => d(
            format!("{} {e}", lang.pick("Errore del servizio smart card:", "Smart-card service error:", "Fehler des Smartcard-Dienstes:")),
            lang.pick(
                "Scollega e ricollega il lettore, poi riprova. Se persiste, genera un rapporto per l'assistenza.",
                "Unplug and replug the reader, then try again. If it persists, create a report for the helpdesk.",
                "Trennen Sie das Lesegerät und schließen Sie es wieder an. Wenn es weiter auftritt, erstellen Sie einen Bericht für den Support.",
            ),
        ),
    }
}

/// Describes any error for the user.
pub fn describe_error(e: &Error, lang: Lang) -> Described {
    match e {
        Error::Core(e) => describe_core_error(e, lang),
        Error::Browser(e) => describe_browser_error(e, lang),
    }
}

fn describe_browser_error(e: &BrowserError, lang: Lang) -> Described {
    match e {
        BrowserError::InUse(dir) => d(
            format!(
                "{} ({})",
                lang.pick(
                    "Firefox è aperto su questo profilo: la configurazione non è stata modificata.",
                    "Firefox is open on this profile: the setup was not changed.",
                    "Firefox ist mit diesem Profil geöffnet: Die Einrichtung wurde nicht geändert.",
                ),
                dir.display()
            ),
            lang.pick("Chiudi Firefox e riprova.", "Close Firefox and try again.", "Schließen Sie Firefox und versuchen Sie es erneut."),
        ),
        BrowserError::NoModule(hint) => d(
            lang.pick(
                "Manca il modulo che permette al browser di usare la carta.",
                "The module that lets the browser use the card is not installed.",
                "Das Modul, mit dem der Browser die Karte nutzt, ist nicht installiert.",
            ),
            format!("{} {hint}", lang.pick("Installa:", "Install:", "Installieren Sie:")),
        ),
        e => d(
            format!("{} ({e})", lang.pick("Database del browser non modificabile", "The browser database cannot be changed", "Die Browser-Datenbank kann nicht geändert werden")),
            lang.pick(
                "Apri il browser una volta, chiudilo e riprova.",
                "Open the browser once, close it and try again.",
                "Öffnen Sie den Browser einmal, schließen Sie ihn und versuchen Sie es erneut.",
            ),
        ),
    }
}

/// A card-layer error in the user's language.
pub fn describe_core_error(e: &CoreError, lang: Lang) -> Described {
    match e {
        CoreError::Transport(t) => describe_transport(t, lang),
        CoreError::CardDied => d(
            lang.pick("La carta ha smesso di rispondere durante l'operazione.", "The card stopped answering during the operation.", "Die Karte hat während des Vorgangs aufgehört zu antworten."),
            lang.pick(
                "Estrai e reinserisci la carta, poi controlla i tentativi rimasti prima di riprovare; nulla viene ripetuto automaticamente.",
                "Take the card out and put it back, then check the tries left before trying again; nothing is repeated automatically.",
                "Karte herausnehmen und wieder einstecken, dann die verbleibenden Versuche prüfen; nichts wird automatisch wiederholt.",
            ),
        ),
        CoreError::SecureChannel => d(
            lang.pick(
                "La comunicazione protetta con la carta si è interrotta (dati alterati o disturbo).",
                "The secure channel with the card broke (altered data or interference).",
                "Der gesicherte Kanal zur Karte ist abgebrochen (veränderte Daten oder Störung).",
            ),
            lang.pick(
                "Estrai e reinserisci la carta, controlla i tentativi rimasti e riprova; nulla viene ripetuto automaticamente.",
                "Take the card out and put it back, check the tries left and try again; nothing is repeated automatically.",
                "Karte herausnehmen und wieder einstecken, verbleibende Versuche prüfen und erneut versuchen; nichts wird automatisch wiederholt.",
            ),
        ),
        CoreError::CardNotAuthentic => d(
            lang.pick(
                "La carta non ha superato l'autenticazione: potrebbe non essere una CIE autentica.",
                "The card failed its authentication: it may not be a genuine CIE.",
                "Die Karte hat die Authentifizierung nicht bestanden: Sie ist möglicherweise kein echter CIE.",
            ),
            lang.pick(
                "Non inserire il PIN. Rivolgiti al Comune o all'assistenza con il rapporto: tessera status --json",
                "Do not type your PIN. Contact your municipality or the helpdesk with the report: tessera status --json",
                "Geben Sie keine PIN ein. Wenden Sie sich mit dem Bericht an die Gemeinde oder den Support: tessera status --json",
            ),
        ),
        CoreError::Card(c) => d(
            format!("{} ({c})", lang.pick("La carta ha risposto in modo inatteso", "The card answered unexpectedly", "Die Karte hat unerwartet geantwortet")),
            lang.pick(
                "Riprova; se si ripete, genera un rapporto per l'assistenza con: tessera status --json",
                "Try again; if it happens again, create a report for the helpdesk with: tessera status --json",
                "Erneut versuchen; wenn es wieder auftritt, einen Bericht für den Support erstellen: tessera status --json",
            ),
        ),
        CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 0 } => d(
            lang.pick("PIN errato. Il PIN ora è BLOCCATO.", "Wrong PIN. The PIN is now BLOCKED.", "Falsche PIN. Die PIN ist jetzt GESPERRT."),
            lang.pick(
                "Sbloccalo con il PUK (busta consegnata con la carta): tessera pin unblock",
                "Unblock it with the PUK (the envelope that came with the card): tessera pin unblock",
                "Entsperren Sie sie mit der PUK (Umschlag zur Karte): tessera pin unblock",
            ),
        ),
        CoreError::WrongSecret { kind: PinKind::Pin, tries_left } => d(
            match lang {
                Lang::It => format!("PIN errato. Tentativi rimasti: {tries_left}."),
                Lang::En => format!("Wrong PIN. Tries left: {tries_left}."),
                Lang::De => format!("Falsche PIN. Verbleibende Versuche: {tries_left}."),
            },
            lang.pick(
                "Controlla il PIN con calma prima di riprovare. Se non lo ricordi, usa il PUK: tessera pin unblock",
                "Check the PIN calmly before trying again. If you do not remember it, use the PUK: tessera pin unblock",
                "Prüfen Sie die PIN in Ruhe, bevor Sie es erneut versuchen. Wenn Sie sie vergessen haben, verwenden Sie die PUK: tessera pin unblock",
            ),
        ),
        CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 0 } | CoreError::PukBlocked => describe_puk_blocked(lang, matches!(e, CoreError::WrongSecret { .. })),
        CoreError::WrongSecret { kind: PinKind::Puk, tries_left } => d(
            match lang {
                Lang::It => format!("PUK errato. Tentativi PUK rimasti: {tries_left}."),
                Lang::En => format!("Wrong PUK. PUK tries left: {tries_left}."),
                Lang::De => format!("Falsche PUK. Verbleibende PUK-Versuche: {tries_left}."),
            },
            lang.pick(
                "Il PUK è nella busta consegnata con la carta (8 cifre). Controllalo prima di riprovare: se i tentativi PUK finiscono la carta diventa inutilizzabile.",
                "The PUK is in the envelope that came with the card (8 digits). Check it before trying again: if the PUK tries run out the card becomes unusable.",
                "Die PUK steht im Umschlag zur Karte (8 Ziffern). Prüfen Sie sie vor einem neuen Versuch: Wenn die PUK-Versuche aufgebraucht sind, wird die Karte unbrauchbar.",
            ),
        ),
        CoreError::PinBlocked => d(
            lang.pick("Il PIN è bloccato (troppi tentativi errati).", "The PIN is blocked (too many wrong tries).", "Die PIN ist gesperrt (zu viele Fehlversuche)."),
            lang.pick(
                "Sbloccalo con il PUK e scegli un nuovo PIN: tessera pin unblock. Nulla è stato inviato alla carta.",
                "Unblock it with the PUK and choose a new PIN: tessera pin unblock. Nothing was sent to the card.",
                "Entsperren Sie sie mit der PUK und wählen Sie eine neue PIN: tessera pin unblock. Nichts wurde an die Karte gesendet.",
            ),
        ),
        CoreError::LastTryNotConfirmed { kind, tries_known } => {
            let what = match (kind, tries_known) {
                (PinKind::Pin, true) => tr(lang, Text::LastTryWarningPin).to_owned(),
                (PinKind::Puk, true) => tr(lang, Text::LastTryWarningPuk).to_owned(),
                (_, false) => tr(lang, Text::UnknownTriesWarning).to_owned(),
            };
            d(
                what,
                lang.pick(
                    "Nulla è stato inviato. Se sei sicuro, ripeti il comando aggiungendo --confirm-last-try.",
                    "Nothing was sent. If you are sure, repeat the command adding --confirm-last-try.",
                    "Nichts wurde gesendet. Wenn Sie sicher sind, wiederholen Sie den Befehl mit --confirm-last-try.",
                ),
            )
        }
        CoreError::InvalidInput(r) => describe_rule(*r, lang),
        CoreError::Cancelled => d(tr(lang, Text::Cancelled), lang.pick("Puoi riprovare quando vuoi.", "You can try again whenever you like.", "Sie können es jederzeit erneut versuchen.")),
        CoreError::UnsupportedCard { atr, cie: true } => d(
            format!("{} (ATR {atr})", lang.pick("Questa è una Carta d'Identità Elettronica (CIE): non è ancora gestita da questa versione.", "This is an electronic identity card (CIE): this version does not handle it yet.", "Dies ist ein elektronischer Personalausweis (CIE): Diese Version unterstützt ihn noch nicht.")),
            lang.pick("Per la CIE usa per ora il software CieID ufficiale.", "For the CIE, use the official CieID software for now.", "Verwenden Sie für die CIE vorerst die offizielle CieID-Software."),
        ),
        CoreError::UnsupportedCard { atr, cie: false } => d(
            format!("{} (ATR {atr})", lang.pick("Carta non riconosciuta: non è una CPS/CNS né una CIE.", "Card not recognised: it is neither a CPS/CNS nor a CIE.", "Karte nicht erkannt: Sie ist weder eine CPS/CNS noch ein CIE.")),
            lang.pick(
                "Controlla di aver inserito la Carta Provinciale dei Servizi (tessera sanitaria) e non un'altra carta.",
                "Check that you inserted the Carta Provinciale dei Servizi (health card) and not another card.",
                "Prüfen Sie, ob Sie die Carta Provinciale dei Servizi (Gesundheitskarte) eingesteckt haben und keine andere Karte.",
            ),
        ),
        CoreError::Certificate(c) => d(
            format!("{} ({c})", lang.pick("Il certificato sulla carta non è leggibile", "The certificate on the card cannot be read", "Das Zertifikat auf der Karte ist nicht lesbar")),
            lang.pick("Rivolgiti all'assistenza: la carta potrebbe essere da sostituire.", "Contact the helpdesk: the card may need replacing.", "Wenden Sie sich an den Support: Die Karte muss eventuell ersetzt werden."),
        ),
        CoreError::CardModelNotSupported { atr } => d(
            format!(
                "{} (ATR {atr})",
                lang.pick(
                    "È una carta CNS, ma di un modello che Tessera non sa ancora leggere: non ha trovato né i dati del titolare né il certificato.",
                    "This is a CNS card, but of a model Tessera cannot read yet: it found neither the holder's data nor the certificate.",
                    "Dies ist eine CNS-Karte, aber ein Modell, das Tessera noch nicht lesen kann: weder Inhaberdaten noch Zertifikat gefunden.",
                )
            ),
            lang.pick(
                "La carta non è rovinata e nessun PIN è stato usato. Invia il rapporto (tessera report, oppure Aiuto → Rapporto) agli sviluppatori di Tessera perché il modello venga aggiunto.",
                "The card is not damaged and no PIN was used. Send the report (tessera report, or Help → Report) to Tessera's developers so that the model can be added.",
                "Die Karte ist nicht beschädigt und keine PIN wurde verwendet. Senden Sie den Bericht (tessera report oder Hilfe → Bericht) an die Tessera-Entwickler, damit das Modell ergänzt wird.",
            ),
        ),
        CoreError::LoginExpired => d(
            lang.pick(
                "L'accesso con la carta non è più valido: nel frattempo qualcuno ha provato un PIN sbagliato. Il PIN memorizzato non è stato inviato.",
                "The card login is no longer valid: a wrong PIN was tried since. The stored PIN was not sent.",
                "Die Anmeldung mit der Karte ist nicht mehr gültig: Inzwischen wurde eine falsche PIN versucht. Die gespeicherte PIN wurde nicht gesendet.",
            ),
            lang.pick("Accedi di nuovo inserendo il PIN.", "Log in again with your PIN.", "Melden Sie sich mit Ihrer PIN erneut an."),
        ),
        CoreError::NoCertificate => d(
            lang.pick(
                "Tessera non ha trovato il certificato di autenticazione nei punti in cui lo tengono i modelli di carta che conosce.",
                "Tessera did not find the authentication certificate where the card models it knows keep it.",
                "Tessera hat das Authentifizierungszertifikat dort nicht gefunden, wo die ihm bekannten Kartenmodelle es ablegen.",
            ),
            lang.pick(
                "Può essere un modello di carta che Tessera non conosce ancora (invia il rapporto: tessera report) oppure una carta mai attivata per i servizi online (in tal caso chiedi all'ente che l'ha emessa).",
                "It may be a card model Tessera does not know yet (send the report: tessera report), or a card never activated for online services (then ask the office that issued it).",
                "Es kann ein Kartenmodell sein, das Tessera noch nicht kennt (senden Sie den Bericht: tessera report), oder eine nie für Online-Dienste freigeschaltete Karte (fragen Sie dann die ausgebende Stelle).",
            ),
        ),
        CoreError::Io { path, source } => d(
            format!("{} {path}: {source}", lang.pick("Impossibile scrivere", "Cannot write", "Schreiben nicht möglich:")),
            lang.pick(
                "Scegli un'altra cartella o un altro nome di file (usa --force per sostituire un file esistente).",
                "Choose another folder or file name (use --force to replace an existing file).",
                "Wählen Sie einen anderen Ordner oder Dateinamen (--force ersetzt eine vorhandene Datei).",
            ),
        ),
    }
}

fn describe_puk_blocked(lang: Lang, just_now: bool) -> Described {
    let what = if just_now {
        lang.pick(
            "PUK errato. Anche il PUK ora è BLOCCATO: la carta non può più essere sbloccata.",
            "Wrong PUK. The PUK is now BLOCKED as well: the card can no longer be unblocked.",
            "Falsche PUK. Auch die PUK ist jetzt GESPERRT: Die Karte kann nicht mehr entsperrt werden.",
        )
    } else {
        lang.pick(
            "Il PUK è bloccato: la carta non può più essere sbloccata.",
            "The PUK is blocked: the card can no longer be unblocked.",
            "Die PUK ist gesperrt: Die Karte kann nicht mehr entsperrt werden.",
        )
    };
    d(
        what,
        lang.pick(
            "Serve un duplicato della carta: richiedilo a uno sportello del distretto sanitario APSS o all'Agenzia delle Entrate, portando un documento d'identità.",
            "You need a duplicate card: request it at an APSS health-district desk or from the Agenzia delle Entrate, bringing an identity document.",
            "Sie brauchen eine Ersatzkarte: Beantragen Sie sie an einem Schalter des APSS-Gesundheitsbezirks oder bei der Agenzia delle Entrate, mit einem Ausweisdokument.",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn puk_blocked_points_to_a_duplicate_in_every_language() {
        for lang in [Lang::It, Lang::En, Lang::De] {
            let m = describe_core_error(&CoreError::PukBlocked, lang);
            assert!(m.next.contains("APSS") && m.next.contains("Agenzia delle Entrate"), "{m:?}");
        }
    }
}
