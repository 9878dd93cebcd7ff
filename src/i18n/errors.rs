//! Error messages: what happened and what to do next, in every language.

use super::actions::{Surface, fill};
use super::{Lang, Text, tr};
use crate::advice::{Advice, Issuer, advice};
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
    let art = |k: PinKind| match (lang, k) {
        (Lang::It, _) => "Il ",
        (Lang::En, _) => "The ",
        (Lang::De, _) => "Die ",
    };
    let what = match e {
        FormatError::Empty(k) => format!("{}{} {}", art(k), kind_name(k), lang.pick("è vuoto.", "is empty.", "ist leer.")),
        FormatError::Missing(k) => format!(
            "{}{} {}",
            art(k),
            kind_name(k),
            lang.pick("non è stato fornito: l'input è finito prima.", "was not given: the input ended first.", "wurde nicht angegeben: Die Eingabe endete vorher.")
        ),
        FormatError::NotText(k) => format!(
            "{}{} {}",
            art(k),
            kind_name(k),
            lang.pick("contiene byte che non sono testo.", "contains bytes that are not text.", "enthält Bytes, die kein Text sind.")
        ),
        FormatError::TooLong(k) => format!(
            "{}{} {}",
            art(k),
            kind_name(k),
            lang.pick("è troppo lungo: non è stato letto per intero.", "is far too long: it was not read in full.", "ist viel zu lang: Sie wurde nicht vollständig gelesen.")
        ),
        FormatError::Spaces(k) => {
            format!("{}{} {}", art(k), kind_name(k), lang.pick("contiene spazi.", "contains spaces.", "enthält Leerzeichen."))
        }
        FormatError::NonAsciiDigits(k) => format!(
            "{}{} {}",
            art(k),
            kind_name(k),
            lang.pick(
                "contiene cifre di un altro alfabeto: usa solo le cifre 0-9.",
                "contains digits of another script: use only the digits 0-9.",
                "enthält Ziffern einer anderen Schrift: Verwenden Sie nur die Ziffern 0-9.",
            )
        ),
        FormatError::NotDigits(k) => format!(
            "{}{} {}",
            art(k),
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
                "Su Linux avvia pcscd{pcscd_cmd}; su Windows e macOS riavvia il computer. Per provare senza carta: {demo}",
                "On Linux start pcscd{pcscd_cmd}; on Windows and macOS restart the computer. To try without a card: {demo}",
                "Unter Linux pcscd starten{pcscd_cmd}; unter Windows und macOS den Computer neu starten. Zum Ausprobieren ohne Karte: {demo}",
            ),
        ),
        TransportError::NoReader => d(
            lang.pick("Nessun lettore di smart card collegato.", "No smart-card reader is connected.", "Kein Kartenlesegerät angeschlossen."),
            lang.pick(
                "Collega il lettore e riprova. Per provare Tessera senza lettore: {demo}",
                "Connect the reader and try again. To try Tessera without a reader: {demo}",
                "Schließen Sie das Lesegerät an und versuchen Sie es erneut. Zum Ausprobieren ohne Lesegerät: {demo}",
            ),
        ),
        TransportError::UnknownReader(name) => d(
            format!("{} {name}", lang.pick("Lettore non trovato:", "Reader not found:", "Lesegerät nicht gefunden:")),
            "{readers_hint}",
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

/// Describes any error for the command line, with advice that names no office.
pub fn describe_error(e: &Error, lang: Lang) -> Described {
    describe_error_for(e, lang, None, Surface::Cli)
}

/// Describes any error for the user; the advice (where the PUK is, where to go) is the one for
/// the card's issuer when it is known, and the ways to act are those of `surface`.
pub fn describe_error_for(e: &Error, lang: Lang, issuer: Option<Issuer>, surface: Surface) -> Described {
    let m = describe_any(e, lang, issuer);
    Described { what: fill(&m.what, lang, surface), next: fill(&m.next, lang, surface) }
}

fn describe_any(e: &Error, lang: Lang, issuer: Option<Issuer>) -> Described {
    match e {
        Error::Core(e) => describe_core_error_for(e, lang, issuer),
        Error::Browser(e) => describe_browser_error(e, lang),
        Error::Exit(_) => d(String::new(), String::new()),
        Error::Internal(what) => d(
            format!(
                "{} ({what})",
                lang.pick("Errore interno di Tessera: l'operazione è stata interrotta.", "Internal error in Tessera: the operation was stopped.", "Interner Fehler in Tessera: Der Vorgang wurde abgebrochen.")
            ),
            lang.pick(
                "Estrai e reinserisci la carta e guarda i tentativi rimasti prima di riprovare. Invia il rapporto agli sviluppatori.",
                "Take the card out, put it back and look at the tries left before trying again. Send the report to the developers.",
                "Karte herausnehmen und wieder einstecken, verbleibende Versuche prüfen, dann erneut versuchen. Senden Sie den Bericht an die Entwickler.",
            ),
        ),
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
        BrowserError::BadPolicyFile(path, why) => d(
            format!(
                "{} {} ({why})",
                lang.pick("Il file di policy di Firefox non è leggibile:", "The Firefox policy file cannot be read:", "Die Firefox-Richtliniendatei ist nicht lesbar:"),
                path.display()
            ),
            lang.pick(
                "Il file NON è stato modificato. Correggilo (deve essere JSON con un oggetto \"policies\") e riprova.",
                "The file was NOT changed. Fix it (it must be JSON with a \"policies\" object) and try again.",
                "Die Datei wurde NICHT geändert. Korrigieren Sie sie (JSON mit einem \"policies\"-Objekt) und versuchen Sie es erneut.",
            ),
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

/// A card-layer error in the user's language, advice naming no office.
pub fn describe_core_error(e: &CoreError, lang: Lang) -> Described {
    describe_core_error_for(e, lang, None)
}

/// A card-layer error in the user's language, with the advice for the card's issuer.
pub fn describe_core_error_for(e: &CoreError, lang: Lang, issuer: Option<Issuer>) -> Described {
    let advice = advice(issuer, lang);
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
                "Non inserire il PIN. Rivolgiti al Comune o all'assistenza con il rapporto: {report}",
                "Do not type your PIN. Contact your municipality or the helpdesk with the report: {report}",
                "Geben Sie keine PIN ein. Wenden Sie sich mit dem Bericht an die Gemeinde oder den Support: {report}",
            ),
        ),
        CoreError::SimulatedCard => d(
            lang.pick(
                "Questa carta si è autenticata con l'autorità di PROVA pubblica di Tessera: è una carta simulata, oppure una contraffazione che potrebbe leggere il PIN. Nessun PIN è stato inviato.",
                "This card authenticated with Tessera's public TEST authority: it is a simulated card, or a forgery that could read your PIN. No PIN was sent.",
                "Diese Karte hat sich mit der öffentlichen TEST-Stelle von Tessera ausgewiesen: eine simulierte Karte oder eine Fälschung, die Ihre PIN lesen könnte. Keine PIN wurde gesendet.",
            ),
            lang.pick(
                "Non inserire il tuo PIN. Solo per prove con il simulatore di Tessera: {allow_sim}",
                "Do not type your PIN. Only for tests with Tessera's simulator: {allow_sim}",
                "Geben Sie Ihre PIN nicht ein. Nur für Tests mit dem Tessera-Simulator: {allow_sim}",
            ),
        ),
        CoreError::Card(c) => d(
            format!("{} ({c})", lang.pick("La carta ha risposto in modo inatteso", "The card answered unexpectedly", "Die Karte hat unerwartet geantwortet")),
            lang.pick(
                "Riprova; se si ripete, genera un rapporto per l'assistenza con: {report}",
                "Try again; if it happens again, create a report for the helpdesk with: {report}",
                "Erneut versuchen; wenn es wieder auftritt, einen Bericht für den Support erstellen: {report}",
            ),
        ),
        CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 0 } => d(
            lang.pick("PIN errato. Il PIN ora è BLOCCATO.", "Wrong PIN. The PIN is now BLOCKED.", "Falsche PIN. Die PIN ist jetzt GESPERRT."),
            lang.pick(
                "Sbloccalo con il PUK (busta consegnata con la carta): {unblock}",
                "Unblock it with the PUK (the envelope that came with the card): {unblock}",
                "Entsperren Sie sie mit der PUK (Umschlag zur Karte): {unblock}",
            ),
        ),
        CoreError::WrongSecret { kind: PinKind::Pin, tries_left } => d(
            match lang {
                Lang::It => format!("PIN errato. Tentativi rimasti: {tries_left}."),
                Lang::En => format!("Wrong PIN. Tries left: {tries_left}."),
                Lang::De => format!("Falsche PIN. Verbleibende Versuche: {tries_left}."),
            },
            lang.pick(
                "Controlla il PIN con calma prima di riprovare. Se non lo ricordi, usa il PUK: {forgot}",
                "Check the PIN calmly before trying again. If you do not remember it, use the PUK: {forgot}",
                "Prüfen Sie die PIN in Ruhe, bevor Sie es erneut versuchen. Wenn Sie sie vergessen haben, verwenden Sie die PUK: {forgot}",
            ),
        ),
        CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 0 } | CoreError::PukBlocked => {
            describe_puk_blocked(lang, matches!(e, CoreError::WrongSecret { .. }), &advice)
        }
        CoreError::WrongSecret { kind: PinKind::Puk, tries_left } => d(
            match lang {
                Lang::It => format!("PUK errato. Tentativi PUK rimasti: {tries_left}."),
                Lang::En => format!("Wrong PUK. PUK tries left: {tries_left}."),
                Lang::De => format!("Falsche PUK. Verbleibende PUK-Versuche: {tries_left}."),
            },
            format!(
                "{} {}",
                advice.puk_where,
                lang.pick(
                    "Controllalo prima di riprovare: se i tentativi PUK finiscono il PIN non si può più sbloccare.",
                    "Check it before trying again: if the PUK tries run out the PIN can no longer be unblocked.",
                    "Prüfen Sie sie vor einem neuen Versuch: Wenn die PUK-Versuche aufgebraucht sind, lässt sich die PIN nicht mehr entsperren.",
                )
            ),
        ),
        CoreError::PinBlocked => d(
            lang.pick("Il PIN è bloccato (troppi tentativi errati).", "The PIN is blocked (too many wrong tries).", "Die PIN ist gesperrt (zu viele Fehlversuche)."),
            lang.pick(
                "Sbloccalo con il PUK e scegli un nuovo PIN: {unblock}. Nulla è stato inviato alla carta.",
                "Unblock it with the PUK and choose a new PIN: {unblock}. Nothing was sent to the card.",
                "Entsperren Sie sie mit der PUK und wählen Sie eine neue PIN: {unblock}. Nichts wurde an die Karte gesendet.",
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
                    "{last_try_hint}",
                    "{last_try_hint}",
                    "{last_try_hint}",
                ),
            )
        }
        CoreError::Interrupted(i) => describe_interruption(i, lang),
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
                "La carta non è rovinata e nessun PIN è stato usato. Invia il rapporto ({report}) agli sviluppatori di Tessera perché il modello venga aggiunto.",
                "The card is not damaged and no PIN was used. Send the report ({report}) to Tessera's developers so that the model can be added.",
                "Die Karte ist nicht beschädigt und keine PIN wurde verwendet. Senden Sie den Bericht ({report}) an die Tessera-Entwickler, damit das Modell ergänzt wird.",
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
                "Può essere un modello di carta che Tessera non conosce ancora (invia il rapporto: {report}) oppure una carta mai attivata per i servizi online (in tal caso chiedi all'ente che l'ha emessa).",
                "It may be a card model Tessera does not know yet (send the report: {report}), or a card never activated for online services (then ask the office that issued it).",
                "Es kann ein Kartenmodell sein, das Tessera noch nicht kennt (senden Sie den Bericht: {report}), oder eine nie für Online-Dienste freigeschaltete Karte (fragen Sie dann die ausgebende Stelle).",
            ),
        ),
        CoreError::Io { path, source } => {
            use std::io::ErrorKind;
            let cannot = lang.pick("Impossibile scrivere", "Cannot write", "Schreiben nicht möglich:");
            let (why, next) = match source.kind() {
                ErrorKind::NotFound => (
                    lang.pick("la cartella non esiste.", "the folder does not exist.", "Der Ordner existiert nicht."),
                    lang.pick(
                        "Crea prima la cartella, oppure scegli una cartella che esiste già.",
                        "Create the folder first, or choose a folder that already exists.",
                        "Legen Sie den Ordner zuerst an oder wählen Sie einen vorhandenen Ordner.",
                    ),
                ),
                ErrorKind::AlreadyExists => (
                    lang.pick("il file esiste già.", "the file already exists.", "Die Datei existiert bereits."),
                    "{replace_hint}",
                ),
                ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => (
                    lang.pick("non hai il permesso di scrivere lì.", "you may not write there.", "Dort dürfen Sie nicht schreiben."),
                    lang.pick(
                        "Scegli una cartella tua, per esempio Documenti.",
                        "Choose a folder of your own, for example Documents.",
                        "Wählen Sie einen eigenen Ordner, zum Beispiel Dokumente.",
                    ),
                ),
                ErrorKind::StorageFull | ErrorKind::QuotaExceeded => (
                    lang.pick("il disco è pieno.", "the disk is full.", "Der Datenträger ist voll."),
                    lang.pick(
                        "Libera spazio o scegli un altro disco. Il file precedente, se c'era, è rimasto com'era.",
                        "Free some space or choose another disk. The previous file, if there was one, is unchanged.",
                        "Geben Sie Speicherplatz frei oder wählen Sie einen anderen Datenträger. Eine vorherige Datei ist unverändert.",
                    ),
                ),
                _ => (
                    "",
                    lang.pick(
                        "Scegli un'altra cartella o un altro nome di file.",
                        "Choose another folder or file name.",
                        "Wählen Sie einen anderen Ordner oder Dateinamen.",
                    ),
                ),
            };
            let what = if why.is_empty() { format!("{cannot} {path}: {source}") } else { format!("{cannot} {path}: {why}") };
            d(what, next)
        }
    }
}

/// A PIN operation cut short: what broke, what may have reached the card, what to do before
/// anything else (never "just retry": the new PIN may already be in force).
fn describe_interruption(i: &tessera_core::service::Interruption, lang: Lang) -> Described {
    use tessera_core::service::{PinOp, Stage};
    let cause = describe_core_error(&i.cause, lang).what;
    let p = &i.pending;
    let (what, next) = match (p.stage, p.op) {
        (Stage::NothingSent, _) => (
            lang.pick(
                "Nessun PIN o PUK è arrivato alla carta: il PIN non è cambiato e nessun tentativo è stato usato.",
                "No PIN or PUK reached the card: the PIN did not change and no try was used.",
                "Keine PIN oder PUK hat die Karte erreicht: Die PIN ist unverändert, kein Versuch wurde verbraucht.",
            ),
            lang.pick("Reinserisci la carta e riprova.", "Put the card back and try again.", "Stecken Sie die Karte wieder ein und versuchen Sie es erneut."),
        ),
        (Stage::CheckSent, PinOp::Change) => (
            lang.pick(
                "Il PIN NON è stato cambiato. Il PIN attuale è arrivato alla carta per la verifica: se era sbagliato, un tentativo è stato usato.",
                "The PIN was NOT changed. The current PIN reached the card to be checked: if it was wrong, a try was used.",
                "Die PIN wurde NICHT geändert. Die aktuelle PIN hat die Karte zur Prüfung erreicht: War sie falsch, wurde ein Versuch verbraucht.",
            ),
            lang.pick(
                "Il PIN valido resta quello vecchio. Reinserisci la carta: Tessera legge i tentativi rimasti (senza usarne) e ti dice se il PIN inserito era giusto.",
                "Your old PIN is still the valid one. Put the card back: Tessera reads the tries left (without using one) and tells you whether the PIN you typed was right.",
                "Gültig bleibt die alte PIN. Stecken Sie die Karte wieder ein: Tessera liest die verbleibenden Versuche (ohne einen zu verbrauchen) und sagt Ihnen, ob die eingegebene PIN richtig war.",
            ),
        ),
        (Stage::CheckSent, PinOp::Unblock) => (
            lang.pick(
                "Il PIN NON è stato sbloccato. Il PUK è arrivato alla carta per la verifica: se era sbagliato, un tentativo PUK è stato usato.",
                "The PIN was NOT unblocked. The PUK reached the card to be checked: if it was wrong, a PUK try was used.",
                "Die PIN wurde NICHT entsperrt. Die PUK hat die Karte zur Prüfung erreicht: War sie falsch, wurde ein PUK-Versuch verbraucht.",
            ),
            lang.pick(
                "Reinserisci la carta: Tessera legge i tentativi rimasti (senza usarne) e ti dice se il PUK era giusto.",
                "Put the card back: Tessera reads the tries left (without using one) and tells you whether the PUK was right.",
                "Stecken Sie die Karte wieder ein: Tessera liest die verbleibenden Versuche (ohne einen zu verbrauchen) und sagt Ihnen, ob die PUK richtig war.",
            ),
        ),
        (Stage::CommandSent, PinOp::Change) => (
            lang.pick(
                "La richiesta di cambio PIN è arrivata alla carta, ma la risposta è andata persa: il NUOVO PIN potrebbe essere già attivo.",
                "The PIN change reached the card, but its answer was lost: the NEW PIN may already be in force.",
                "Die PIN-Änderung hat die Karte erreicht, aber die Antwort ging verloren: Die NEUE PIN ist möglicherweise schon gültig.",
            ),
            lang.pick(
                "Non riprovare il vecchio PIN. Reinserisci la carta: Tessera legge i tentativi rimasti (senza usarne) e ti dice quale PIN è valido.",
                "Do not try the old PIN yet. Put the card back: Tessera reads the tries left (without using one) and tells you which PIN is valid.",
                "Probieren Sie die alte PIN noch nicht. Stecken Sie die Karte wieder ein: Tessera liest die verbleibenden Versuche (ohne einen zu verbrauchen) und sagt Ihnen, welche PIN gilt.",
            ),
        ),
        (Stage::CommandSent, PinOp::Unblock) => (
            lang.pick(
                "La richiesta di sblocco è arrivata alla carta, ma la risposta è andata persa: il PIN potrebbe essere già sbloccato con il NUOVO PIN.",
                "The unblock reached the card, but its answer was lost: the PIN may already be unblocked, with the NEW PIN.",
                "Die Entsperrung hat die Karte erreicht, aber die Antwort ging verloren: Die PIN ist möglicherweise schon mit der NEUEN PIN entsperrt.",
            ),
            lang.pick(
                "Non ripetere lo sblocco. Reinserisci la carta: Tessera legge i tentativi rimasti (senza usarne) e ti dice se il nuovo PIN è attivo.",
                "Do not repeat the unblock yet. Put the card back: Tessera reads the tries left (without using one) and tells you whether the new PIN is in force.",
                "Wiederholen Sie die Entsperrung noch nicht. Stecken Sie die Karte wieder ein: Tessera liest die verbleibenden Versuche (ohne einen zu verbrauchen) und sagt Ihnen, ob die neue PIN gilt.",
            ),
        ),
    };
    d(format!("{cause} {what}"), next)
}

/// What the counters read after an interruption say, and which PIN to use.
pub fn describe_after_check(p: &tessera_core::service::Pending, c: &tessera_core::service::AfterCheck, lang: Lang) -> Described {
    use tessera_core::service::{PinOp, Verdict};
    let pin_left = c.pin.known().map_or_else(|| tr(lang, Text::Unknown).to_owned(), |n| n.to_string());
    let puk_left = c.puk.known().map_or_else(|| tr(lang, Text::Unknown).to_owned(), |n| n.to_string());
    match (c.verdict, p.op) {
        (Verdict::Applied, PinOp::Change) => d(
            lang.pick(
                "Verificato: la carta aveva eseguito il cambio. Il NUOVO PIN è attivo (il contatore è tornato al massimo).",
                "Checked: the card had carried out the change. The NEW PIN is in force (the counter is back to its maximum).",
                "Geprüft: Die Karte hatte die Änderung ausgeführt. Die NEUE PIN gilt (der Zähler steht wieder auf dem Maximum).",
            ),
            lang.pick("Usa il nuovo PIN da ora in poi. Non serve ripetere il cambio.", "Use the new PIN from now on. No need to repeat the change.", "Verwenden Sie ab jetzt die neue PIN. Die Änderung muss nicht wiederholt werden."),
        ),
        (Verdict::Applied, PinOp::Unblock) => d(
            lang.pick(
                "Verificato: la carta aveva eseguito lo sblocco. Il PIN è sbloccato e vale il NUOVO PIN.",
                "Checked: the card had carried out the unblock. The PIN is unblocked and the NEW PIN is in force.",
                "Geprüft: Die Karte hatte die Entsperrung ausgeführt. Die PIN ist entsperrt, die NEUE PIN gilt.",
            ),
            lang.pick("Usa il nuovo PIN da ora in poi. Non serve ripetere lo sblocco.", "Use the new PIN from now on. No need to repeat the unblock.", "Verwenden Sie ab jetzt die neue PIN. Die Entsperrung muss nicht wiederholt werden."),
        ),
        (Verdict::NotApplied { try_spent: Some(true) }, PinOp::Change) => d(
            match lang {
                Lang::It => format!("Verificato: il cambio NON è avvenuto perché il PIN attuale inserito era sbagliato. Tentativi PIN rimasti: {pin_left}."),
                Lang::En => format!("Checked: the change did NOT happen because the current PIN you typed was wrong. PIN tries left: {pin_left}."),
                Lang::De => format!("Geprüft: Die Änderung ist NICHT erfolgt, weil die eingegebene aktuelle PIN falsch war. Verbleibende PIN-Versuche: {pin_left}."),
            },
            lang.pick("Il PIN valido resta quello vecchio: controllalo con calma prima di riprovare.", "Your old PIN is still the valid one: check it calmly before trying again.", "Gültig bleibt die alte PIN: Prüfen Sie sie in Ruhe, bevor Sie es erneut versuchen."),
        ),
        (Verdict::NotApplied { try_spent: Some(true) }, PinOp::Unblock) => d(
            match lang {
                Lang::It => format!("Verificato: lo sblocco NON è avvenuto perché il PUK era sbagliato. Tentativi PUK rimasti: {puk_left}."),
                Lang::En => format!("Checked: the unblock did NOT happen because the PUK was wrong. PUK tries left: {puk_left}."),
                Lang::De => format!("Geprüft: Die Entsperrung ist NICHT erfolgt, weil die PUK falsch war. Verbleibende PUK-Versuche: {puk_left}."),
            },
            lang.pick("Controlla il PUK prima di riprovare.", "Check the PUK before trying again.", "Prüfen Sie die PUK, bevor Sie es erneut versuchen."),
        ),
        (Verdict::NotApplied { try_spent }, op) => d(
            match (op, try_spent, lang) {
                (PinOp::Change, Some(false), Lang::It) => "Verificato: il cambio NON è avvenuto e nessun tentativo è stato usato. Vale ancora il vecchio PIN.",
                (PinOp::Change, Some(false), Lang::En) => "Checked: the change did NOT happen and no try was used. The old PIN is still in force.",
                (PinOp::Change, Some(false), Lang::De) => "Geprüft: Die Änderung ist NICHT erfolgt, kein Versuch wurde verbraucht. Es gilt weiter die alte PIN.",
                (PinOp::Change, _, Lang::It) => "Verificato: il cambio NON è avvenuto. Vale ancora il vecchio PIN.",
                (PinOp::Change, _, Lang::En) => "Checked: the change did NOT happen. The old PIN is still in force.",
                (PinOp::Change, _, Lang::De) => "Geprüft: Die Änderung ist NICHT erfolgt. Es gilt weiter die alte PIN.",
                (PinOp::Unblock, Some(false), Lang::It) => "Verificato: lo sblocco NON è avvenuto e nessun tentativo PUK è stato usato.",
                (PinOp::Unblock, Some(false), Lang::En) => "Checked: the unblock did NOT happen and no PUK try was used.",
                (PinOp::Unblock, Some(false), Lang::De) => "Geprüft: Die Entsperrung ist NICHT erfolgt, kein PUK-Versuch wurde verbraucht.",
                (PinOp::Unblock, _, Lang::It) => "Verificato: lo sblocco NON è avvenuto.",
                (PinOp::Unblock, _, Lang::En) => "Checked: the unblock did NOT happen.",
                (PinOp::Unblock, _, Lang::De) => "Geprüft: Die Entsperrung ist NICHT erfolgt.",
            },
            lang.pick("Puoi riprovare.", "You can try again.", "Sie können es erneut versuchen."),
        ),
        (Verdict::Unknown, PinOp::Change) => d(
            match lang {
                Lang::It => format!("La carta non permette di capire se il cambio è avvenuto (tentativi PIN rimasti: {pin_left}). Il comando le era arrivato, quindi è più probabile che il NUOVO PIN sia attivo."),
                Lang::En => format!("The card does not show whether the change happened (PIN tries left: {pin_left}). The command had reached it, so the NEW PIN is the more likely one to be in force."),
                Lang::De => format!("Die Karte zeigt nicht, ob die Änderung erfolgt ist (verbleibende PIN-Versuche: {pin_left}). Der Befehl hatte sie erreicht, daher gilt eher die NEUE PIN."),
            },
            lang.pick(
                "Al prossimo utilizzo prova PRIMA il nuovo PIN; se la carta lo rifiuta, usa il vecchio PIN (avrai un tentativo in meno). Non provare altri PIN.",
                "Next time, try the NEW PIN first; if the card refuses it, use the old PIN (you will have one try fewer). Do not try any other PIN.",
                "Probieren Sie beim nächsten Mal ZUERST die neue PIN; lehnt die Karte sie ab, verwenden Sie die alte (mit einem Versuch weniger). Probieren Sie keine andere PIN.",
            ),
        ),
        (Verdict::Unknown, PinOp::Unblock) => d(
            match lang {
                Lang::It => format!("La carta non permette di capire se lo sblocco è avvenuto (tentativi PIN: {pin_left}, PUK: {puk_left}). Il comando le era arrivato, quindi è più probabile che il NUOVO PIN sia attivo."),
                Lang::En => format!("The card does not show whether the unblock happened (PIN tries: {pin_left}, PUK: {puk_left}). The command had reached it, so the NEW PIN is the more likely one to be in force."),
                Lang::De => format!("Die Karte zeigt nicht, ob die Entsperrung erfolgt ist (PIN-Versuche: {pin_left}, PUK: {puk_left}). Der Befehl hatte sie erreicht, daher gilt eher die NEUE PIN."),
            },
            lang.pick(
                "Al prossimo utilizzo prova PRIMA il nuovo PIN; se la carta lo rifiuta, usa il PIN di prima (avrai un tentativo in meno). Non ripetere lo sblocco prima di aver provato.",
                "Next time, try the NEW PIN first; if the card refuses it, use the PIN from before (you will have one try fewer). Do not repeat the unblock before trying.",
                "Probieren Sie beim nächsten Mal ZUERST die neue PIN; lehnt die Karte sie ab, die vorherige PIN (ein Versuch weniger). Wiederholen Sie die Entsperrung nicht vorher.",
            ),
        ),
    }
}

fn describe_puk_blocked(lang: Lang, just_now: bool, advice: &Advice) -> Described {
    let what = if just_now {
        lang.pick(
            "PUK errato. Anche il PUK ora è BLOCCATO: il PIN non può più essere sbloccato.",
            "Wrong PUK. The PUK is now BLOCKED as well: the PIN can no longer be unblocked.",
            "Falsche PUK. Auch die PUK ist jetzt GESPERRT: Die PIN kann nicht mehr entsperrt werden.",
        )
    } else {
        lang.pick(
            "Il PUK è bloccato: il PIN non può più essere sbloccato.",
            "The PUK is blocked: the PIN can no longer be unblocked.",
            "Die PUK ist gesperrt: Die PIN kann nicht mehr entsperrt werden.",
        )
    };
    let next = if advice.still_works.is_empty() { advice.puk_blocked.to_owned() } else { format!("{} {}", advice.puk_blocked, advice.still_works) };
    d(what, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each error a user can meet (the variants that carry no card data).
    fn every_error() -> Vec<Error> {
        let transport = [
            TransportError::NoService,
            TransportError::NoReader,
            TransportError::UnknownReader("X".into()),
            TransportError::NoCard,
            TransportError::CardRemoved,
            TransportError::Reset,
            TransportError::SharingViolation,
            TransportError::Unresponsive,
            TransportError::Cancelled,
            TransportError::Timeout,
        ];
        let mut all: Vec<Error> = transport.into_iter().map(|t| Error::Core(CoreError::Transport(t))).collect();
        let core = [
            CoreError::CardDied,
            CoreError::SecureChannel,
            CoreError::CardNotAuthentic,
            CoreError::SimulatedCard,
            CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 0 },
            CoreError::WrongSecret { kind: PinKind::Pin, tries_left: 2 },
            CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 0 },
            CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 5 },
            CoreError::PinBlocked,
            CoreError::LoginExpired,
            CoreError::PukBlocked,
            CoreError::LastTryNotConfirmed { kind: PinKind::Pin, tries_known: true },
            CoreError::LastTryNotConfirmed { kind: PinKind::Puk, tries_known: false },
            CoreError::Cancelled,
            CoreError::UnsupportedCard { atr: "3B".into(), cie: false },
            CoreError::UnsupportedCard { atr: "3B".into(), cie: true },
            CoreError::CardModelNotSupported { atr: "3B".into() },
            CoreError::NoCertificate,
            CoreError::Io { path: "f".into(), source: std::io::ErrorKind::AlreadyExists.into() },
            CoreError::Io { path: "f".into(), source: std::io::ErrorKind::NotFound.into() },
        ];
        all.extend(core.into_iter().map(Error::Core));
        all
    }

    /// A command line in a text: `tessera` followed by a command, a `--flag`, or sudo.
    fn command_line_in(text: &str) -> Option<&'static str> {
        let commands = ["status", "pin ", "report", "readers", "cert ", "browser", "selftest", "atr ", "simulate"];
        if commands.iter().any(|c| text.contains(&format!("tessera {c}"))) {
            return Some("tessera <command>");
        }
        if text.split_whitespace().any(|w| w.starts_with("--") && w.len() > 2) {
            return Some("--flag");
        }
        text.contains("sudo ").then_some("sudo")
    }

    #[test]
    fn no_window_message_contains_a_command_line() {
        for lang in [Lang::It, Lang::En, Lang::De] {
            for e in every_error() {
                for issuer in [None, Some(Issuer::Cps), Some(Issuer::TsCns), Some(Issuer::Cie)] {
                    let m = describe_error_for(&e, lang, issuer, Surface::Window);
                    for text in [&m.what, &m.next] {
                        assert!(command_line_in(text).is_none(), "{e:?} in the window says {:?}: {text}", command_line_in(text));
                        assert!(!text.contains('{'), "an unfilled token: {text}");
                    }
                }
            }
        }
        // The same messages on the command line still name the commands.
        let cli = describe_error_for(&Error::Core(CoreError::PinBlocked), Lang::It, None, Surface::Cli);
        assert!(cli.next.contains("tessera pin unblock"), "{cli:?}");
        let window = describe_error_for(&Error::Core(CoreError::PinBlocked), Lang::It, None, Surface::Window);
        assert!(window.next.contains("«Sblocca PIN»"), "{window:?}");
        let demo = describe_error_for(&Error::Core(CoreError::Transport(TransportError::NoReader)), Lang::En, None, Surface::Window);
        assert!(demo.next.contains("menu \u{201c}Demo card\u{201d}"), "{demo:?}");
    }

    /// The window's own labels and texts (src/i18n/ui.rs) name no command line either.
    #[test]
    fn no_window_label_contains_a_command_line() {
        let source = include_str!("ui.rs");
        for line in source.lines().filter(|l| l.contains('"')) {
            assert!(command_line_in(line).is_none(), "{line}");
        }
    }

    #[test]
    fn puk_blocked_points_to_the_issuer_of_the_card_in_every_language() {
        for lang in [Lang::It, Lang::En, Lang::De] {
            let cps = describe_core_error_for(&CoreError::PukBlocked, lang, Some(Issuer::Cps));
            assert!(cps.next.contains("APSS") && cps.next.contains("Agenzia delle Entrate"), "{cps:?}");
            let cie = describe_core_error_for(&CoreError::PukBlocked, lang, Some(Issuer::Cie));
            assert!(cie.next.contains("Comune") || cie.next.contains("Gemeinde"), "{cie:?}");
            assert!(!cie.next.contains("APSS") && !cie.next.contains("Agenzia"), "{cie:?}");
            let wrong_puk = describe_core_error_for(&CoreError::WrongSecret { kind: PinKind::Puk, tries_left: 4 }, lang, Some(Issuer::Cie));
            assert!(wrong_puk.next.contains("CieID"), "the CIE PUK comes in two halves: {wrong_puk:?}");
        }
    }
}
