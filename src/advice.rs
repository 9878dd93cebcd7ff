//! What to do and where to go, per card type: one table, used by the window and the command line.
//!
//! Who issues the card decides the advice: the Trentino CPS is handed out by APSS (and, as a
//! TS-CNS, by the Agenzia delle Entrate), other regions' TS-CNS cards by their health service or
//! the Agenzia delle Entrate, and the CIE by the Comune. When the card type is not known the
//! advice names no office.

use crate::i18n::Lang;

/// Who issued the card, as far as the advice goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Issuer {
    /// The Trentino CPS (Carta Provinciale dei Servizi).
    Cps,
    /// A TS-CNS (health card with CNS chip) of another region, or a CNS of another issuer.
    TsCns,
    /// The national identity card (CIE 3.0).
    Cie,
}

impl Issuer {
    /// From the overview's `card_type` ("CPS", "TS-CNS", "CNS", "CIE").
    pub fn from_card_type(card_type: &str) -> Issuer {
        match card_type {
            "CPS" => Issuer::Cps,
            "CIE" => Issuer::Cie,
            _ => Issuer::TsCns,
        }
    }

    /// From the card's ATR alone (before anything is read): CPS, TS-CNS/CNS or CIE.
    pub fn from_atr(atr: &[u8]) -> Option<Issuer> {
        use tessera_core::card::detect::{CardKind, identify};
        match identify(atr) {
            CardKind::Cns(c) => Some(Issuer::from_card_type(c.card_type)),
            CardKind::Cie { .. } => Some(Issuer::Cie),
            _ => None,
        }
    }
}

/// The advice texts for one issuer in one language.
#[derive(Clone, Copy, Debug)]
pub struct Advice {
    /// Where the PUK is.
    pub puk_where: &'static str,
    /// The PUK is blocked: what to do, where to go.
    pub puk_blocked: &'static str,
    /// What the card still does with a blocked PUK (empty when nothing worth saying).
    pub still_works: &'static str,
    /// The certificate expires soon.
    pub expiring: &'static str,
    /// The certificate has expired.
    pub expired: &'static str,
    /// The card is lost or stolen.
    pub lost: &'static str,
}

/// The advice for `issuer` (`None`: the card type is not known) in `lang`.
pub fn advice(issuer: Option<Issuer>, lang: Lang) -> Advice {
    match (issuer, lang) {
        (Some(Issuer::Cps), Lang::It) => Advice {
            puk_where: "Il PUK (8 cifre) è nella busta con PIN e PUK ricevuta con la carta.",
            puk_blocked: "Serve una nuova carta: richiedila a uno sportello del distretto sanitario APSS o all'Agenzia delle Entrate, con un documento d'identità.",
            still_works: "La carta vale ancora come tessera sanitaria: non serve il PIN per usarla dal medico o in farmacia.",
            expiring: "Rinnova la carta online sul portale della Provincia PRIMA della scadenza (serve la carta ancora valida), oppure a uno sportello APSS.",
            expired: "I servizi online non sono più accessibili con questa carta. Richiedi la nuova carta a uno sportello APSS o all'Agenzia delle Entrate.",
            lost: "Bloccala subito chiamando il numero verde 800 22 80 40 con il codice CIP, poi chiedi una nuova carta a uno sportello APSS.",
        },
        (Some(Issuer::Cps), Lang::En) => Advice {
            puk_where: "The PUK (8 digits) is in the envelope with the PIN and PUK you received with the card.",
            puk_blocked: "You need a new card: request it at an APSS health-district desk or from the Agenzia delle Entrate, with an identity document.",
            still_works: "The card still works as a health card: no PIN is needed at the doctor's or the pharmacy.",
            expiring: "Renew the card online on the Province's portal BEFORE it expires (this needs the card while still valid), or at an APSS desk.",
            expired: "Online services can no longer be reached with this card. Request the new card at an APSS desk or from the Agenzia delle Entrate.",
            lost: "Block it at once by calling the toll-free number 800 22 80 40 with your CIP code, then ask for a new card at an APSS desk.",
        },
        (Some(Issuer::Cps), Lang::De) => Advice {
            puk_where: "Die PUK (8 Ziffern) steht im Umschlag mit PIN und PUK, den Sie mit der Karte erhalten haben.",
            puk_blocked: "Sie brauchen eine neue Karte: Beantragen Sie sie an einem Schalter des APSS-Gesundheitsbezirks oder bei der Agenzia delle Entrate, mit einem Ausweis.",
            still_works: "Die Karte gilt weiter als Gesundheitskarte: Beim Arzt oder in der Apotheke braucht es keine PIN.",
            expiring: "Erneuern Sie die Karte VOR dem Ablauf online im Portal der Provinz (dazu braucht es die noch gültige Karte) oder an einem APSS-Schalter.",
            expired: "Online-Dienste sind mit dieser Karte nicht mehr erreichbar. Beantragen Sie die neue Karte an einem APSS-Schalter oder bei der Agenzia delle Entrate.",
            lost: "Sperren Sie sie sofort über die gebührenfreie Nummer 800 22 80 40 mit Ihrem CIP-Code und beantragen Sie an einem APSS-Schalter eine neue Karte.",
        },
        (Some(Issuer::TsCns), Lang::It) => Advice {
            puk_where: "Il PUK (8 cifre) è nella busta con PIN e PUK consegnata con la carta o al momento dell'attivazione.",
            puk_blocked: "Serve una nuova carta: chiedila all'ente che l'ha emessa (l'azienda sanitaria della tua regione o un ufficio dell'Agenzia delle Entrate), con un documento d'identità.",
            still_works: "La carta vale ancora come tessera sanitaria: non serve il PIN per usarla dal medico o in farmacia.",
            expiring: "La nuova tessera arriva di norma per posta prima della scadenza; se non arriva, chiedi all'azienda sanitaria o all'Agenzia delle Entrate.",
            expired: "I servizi online non sono più accessibili con questa carta. Chiedi la nuova carta all'azienda sanitaria della tua regione o all'Agenzia delle Entrate.",
            lost: "Chiedi il blocco e un duplicato all'Agenzia delle Entrate o all'azienda sanitaria della tua regione.",
        },
        (Some(Issuer::TsCns), Lang::En) => Advice {
            puk_where: "The PUK (8 digits) is in the envelope with the PIN and PUK given with the card or when it was activated.",
            puk_blocked: "You need a new card: ask the office that issued it (your region's health service or an Agenzia delle Entrate office), with an identity document.",
            still_works: "The card still works as a health card: no PIN is needed at the doctor's or the pharmacy.",
            expiring: "The new card usually arrives by post before expiry; if it does not, ask your health service or the Agenzia delle Entrate.",
            expired: "Online services can no longer be reached with this card. Ask your region's health service or the Agenzia delle Entrate for the new card.",
            lost: "Ask the Agenzia delle Entrate or your region's health service to block it and issue a duplicate.",
        },
        (Some(Issuer::TsCns), Lang::De) => Advice {
            puk_where: "Die PUK (8 Ziffern) steht im Umschlag mit PIN und PUK, den Sie mit der Karte oder bei der Freischaltung erhalten haben.",
            puk_blocked: "Sie brauchen eine neue Karte: Fragen Sie die ausgebende Stelle (den Gesundheitsdienst Ihrer Region oder ein Büro der Agenzia delle Entrate), mit einem Ausweis.",
            still_works: "Die Karte gilt weiter als Gesundheitskarte: Beim Arzt oder in der Apotheke braucht es keine PIN.",
            expiring: "Die neue Karte kommt meist vor dem Ablauf per Post; wenn nicht, fragen Sie den Gesundheitsdienst oder die Agenzia delle Entrate.",
            expired: "Online-Dienste sind mit dieser Karte nicht mehr erreichbar. Fragen Sie den Gesundheitsdienst Ihrer Region oder die Agenzia delle Entrate nach der neuen Karte.",
            lost: "Lassen Sie sie bei der Agenzia delle Entrate oder dem Gesundheitsdienst Ihrer Region sperren und ein Duplikat ausstellen.",
        },
        (Some(Issuer::Cie), Lang::It) => Advice {
            puk_where: "Il PUK della CIE ha 8 cifre in due metà: le prime 4 sono sulla ricevuta rilasciata dal Comune alla richiesta, le ultime 4 nella lettera arrivata con la carta. Se le hai perse, l'app CieID offre «Recupero PUK», oppure il Comune può ristamparle.",
            puk_blocked: "Rivolgiti all'ufficio anagrafe del tuo Comune: può ristampare i codici o rilasciare una nuova carta.",
            still_works: "La CIE resta valida come documento d'identità: si perde solo l'uso online con il PIN.",
            expiring: "Per la nuova CIE prendi appuntamento all'ufficio anagrafe del tuo Comune prima della scadenza.",
            expired: "Il certificato della CIE è scaduto: i servizi online non sono più accessibili. Chiedi la nuova carta al tuo Comune.",
            lost: "Denuncia lo smarrimento o il furto a Polizia o Carabinieri, poi chiedi la nuova carta al tuo Comune con la denuncia.",
        },
        (Some(Issuer::Cie), Lang::En) => Advice {
            puk_where: "The CIE's PUK has 8 digits in two halves: the first 4 are on the receipt the Comune gave you when you applied, the last 4 in the letter that came with the card. If you lost them, the CieID app offers \"Recupero PUK\", or the Comune can reprint them.",
            puk_blocked: "Go to the registry office (anagrafe) of your Comune: it can reprint the codes or issue a new card.",
            still_works: "The CIE is still valid as an identity document: only its online use with the PIN is lost.",
            expiring: "For the new CIE, book an appointment at your Comune's registry office before the expiry date.",
            expired: "The CIE's certificate has expired: online services can no longer be reached. Ask your Comune for the new card.",
            lost: "Report the loss or theft to the Police or Carabinieri, then ask your Comune for a new card with the report.",
        },
        (Some(Issuer::Cie), Lang::De) => Advice {
            puk_where: "Die PUK der CIE hat 8 Ziffern in zwei Hälften: die ersten 4 auf der Quittung der Gemeinde (Comune) beim Antrag, die letzten 4 im Brief mit der Karte. Wenn Sie sie verloren haben: Die App CieID bietet „Recupero PUK“, oder die Gemeinde druckt sie neu.",
            puk_blocked: "Wenden Sie sich an das Meldeamt (anagrafe) Ihrer Gemeinde: Es kann die Codes neu drucken oder eine neue Karte ausstellen.",
            still_works: "Die CIE bleibt als Ausweisdokument gültig: Nur die Online-Nutzung mit der PIN geht verloren.",
            expiring: "Für die neue CIE vereinbaren Sie vor dem Ablauf einen Termin beim Meldeamt Ihrer Gemeinde.",
            expired: "Das Zertifikat der CIE ist abgelaufen: Online-Dienste sind nicht mehr erreichbar. Fragen Sie Ihre Gemeinde nach der neuen Karte.",
            lost: "Melden Sie Verlust oder Diebstahl bei Polizei oder Carabinieri und beantragen Sie mit der Anzeige bei Ihrer Gemeinde eine neue Karte.",
        },
        (None, Lang::It) => Advice {
            puk_where: "Il PUK (8 cifre) è nei codici consegnati con la carta.",
            puk_blocked: "Serve una nuova carta o una ristampa dei codici: chiedila all'ente che ha emesso la carta, con un documento d'identità.",
            still_works: "",
            expiring: "Chiedi il rinnovo all'ente che ha emesso la carta prima della scadenza.",
            expired: "I servizi online non sono più accessibili con questa carta. Chiedi una nuova carta all'ente che l'ha emessa.",
            lost: "Chiedi subito il blocco all'ente che ha emesso la carta.",
        },
        (None, Lang::En) => Advice {
            puk_where: "The PUK (8 digits) is among the codes given with the card.",
            puk_blocked: "You need a new card or a reprint of the codes: ask the office that issued the card, with an identity document.",
            still_works: "",
            expiring: "Ask the office that issued the card for a renewal before it expires.",
            expired: "Online services can no longer be reached with this card. Ask the office that issued it for a new card.",
            lost: "Ask the office that issued the card to block it at once.",
        },
        (None, Lang::De) => Advice {
            puk_where: "Die PUK (8 Ziffern) gehört zu den Codes, die Sie mit der Karte erhalten haben.",
            puk_blocked: "Sie brauchen eine neue Karte oder einen Neudruck der Codes: Fragen Sie die ausgebende Stelle, mit einem Ausweis.",
            still_works: "",
            expiring: "Beantragen Sie vor dem Ablauf die Erneuerung bei der ausgebenden Stelle.",
            expired: "Online-Dienste sind mit dieser Karte nicht mehr erreichbar. Fragen Sie die ausgebende Stelle nach einer neuen Karte.",
            lost: "Lassen Sie die Karte sofort bei der ausgebenden Stelle sperren.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 3] = [Lang::It, Lang::En, Lang::De];

    fn all_texts(a: &Advice) -> [&'static str; 6] {
        [a.puk_where, a.puk_blocked, a.still_works, a.expiring, a.expired, a.lost]
    }

    #[test]
    fn a_cie_is_sent_to_the_comune_never_to_apss_or_the_agenzia() {
        for lang in LANGS {
            let a = advice(Some(Issuer::Cie), lang);
            for text in all_texts(&a) {
                assert!(!text.contains("APSS") && !text.contains("Agenzia") && !text.contains("online sul portale"), "{text}");
            }
            assert!(a.puk_blocked.contains("Comune") || a.puk_blocked.contains("Gemeinde"), "{}", a.puk_blocked);
            assert!(a.puk_where.contains("4") && a.puk_where.contains("CieID"), "two halves and the app: {}", a.puk_where);
            assert!(!a.still_works.is_empty(), "still an identity document");
        }
    }

    #[test]
    fn the_cps_names_apss_the_agenzia_and_the_helpline() {
        for lang in LANGS {
            let a = advice(Some(Issuer::Cps), lang);
            assert!(a.puk_blocked.contains("APSS") && a.puk_blocked.contains("Agenzia delle Entrate"));
            assert!(a.lost.contains("800 22 80 40") && a.lost.contains("CIP"));
            assert!(a.expiring.contains("online"));
        }
    }

    #[test]
    fn other_regions_and_unknown_cards_get_no_trentino_text() {
        for lang in LANGS {
            for issuer in [Some(Issuer::TsCns), None] {
                for text in all_texts(&advice(issuer, lang)) {
                    assert!(!text.contains("APSS") && !text.contains("800 22 80 40") && !text.contains("Provinc"), "{text}");
                }
            }
            for text in all_texts(&advice(None, lang)) {
                assert!(!text.contains("Comune") && !text.contains("Agenzia"), "no office named: {text}");
            }
        }
    }

    #[test]
    fn card_types_map_to_issuers() {
        assert_eq!(Issuer::from_card_type("CPS"), Issuer::Cps);
        assert_eq!(Issuer::from_card_type("CIE"), Issuer::Cie);
        assert_eq!(Issuer::from_card_type("TS-CNS"), Issuer::TsCns);
        assert_eq!(Issuer::from_card_type("CNS"), Issuer::TsCns);
    }
}
