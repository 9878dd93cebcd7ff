//! What to do and where to go, per card type: one table, used by the window and the command line.
//!
//! Who issues the card decides the advice: the Trentino CPS is handed out by APSS (and, as a
//! TS-CNS, by the Agenzia delle Entrate), other regions' TS-CNS cards by their health service or
//! the Agenzia delle Entrate, and the CIE by the Comune. When the card type is not known the
//! advice names no office.

use super::lang::Lang;
pub use tessera_core::card::Issuer;

/// The advice texts for one issuer in one language.
#[derive(Clone, Copy, Debug)]
pub struct Advice {
    /// Where the PUK is.
    pub puk_where: &'static str,
    /// The PUK is lost: how to get it again (falls back to `puk_blocked` where the issuer gives
    /// no other way).
    pub puk_lost: &'static str,
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

/// The advice for `issuer` (`None`: the card type is not known) in `lang` (messages
/// `advice-ISSUER-FIELD` of locales/LANG.ftl; a field an issuer has no message for is empty).
pub fn advice(issuer: Option<Issuer>, lang: Lang) -> Advice {
    let who = match issuer {
        Some(Issuer::Cps) => "cps",
        Some(Issuer::TsCns) => "ts-cns",
        Some(Issuer::Cie) => "cie",
        None => "unknown",
    };
    let field = |name: &str| {
        let id = format!("advice-{who}-{name}");
        if super::fluent::has(&id) { super::fluent::text(lang, &id) } else { "" }
    };
    let puk_lost = match field("puk-lost") {
        "" => field("puk-blocked"),
        lost => lost,
    };
    Advice {
        puk_where: field("puk-where"),
        puk_lost,
        puk_blocked: field("puk-blocked"),
        still_works: field("still-works"),
        expiring: field("expiring"),
        expired: field("expired"),
        lost: field("lost"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 3] = [Lang::It, Lang::En, Lang::De];

    fn all_texts(a: &Advice) -> [&'static str; 7] {
        [a.puk_where, a.puk_lost, a.puk_blocked, a.still_works, a.expiring, a.expired, a.lost]
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
            // A lost PUK and a blocked one are different answers: CieID's «Recupero PUK» (48
            // hours, the contacts given to the Comune) or the Comune's reprint.
            assert!(a.puk_lost.contains("Recupero PUK") && a.puk_lost.contains("48") && a.puk_lost.contains('5'), "{}", a.puk_lost);
            assert_ne!(a.puk_lost, a.puk_blocked);
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
}
