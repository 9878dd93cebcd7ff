//! Which card this is, decided once from its ATR ([`CardIdentity::of`]): the family (CNS with
//! what its ATR says, a CIE chip family row, a contactless ATR that may be a CNS), the card type
//! shown to people, who issues it (the advice follows the issuer) and its PIN policy; and an ATR
//! explained for helpdesk staff ([`explain`]). Everything else — the service layer, the
//! front-ends, the report — asks the identity, never the ATR again.
//! The lot of a CNS card is known only after probing the card, so it is the profile's
//! ([`super::Profile::lot`]).

use super::detect::{ATR_CPS_TRENTINO, ATR_TSCNS_TRENTO, ParsedAtr, ic_maker_name, os_maker_name, parse_atr};
use tessera_apdu::apdu::hex;
use crate::secret::LengthRule;

/// What sets a card apart from its model, said in the user's words by the front-ends
/// (`status --json`: `model_note`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModelNote {
    /// A CNS chip with no health-card data: a signature token (it may carry the CPS's ATR).
    SignatureToken,
    /// No ATR Tessera knows: the CNS application was found by its AID.
    SelectedByAid,
}

/// The card type shown to people and in `status --json` (`card_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CardType {
    /// The Trentino Carta Provinciale dei Servizi (the Trentino CPS ATR with health-card data).
    #[serde(rename = "CPS")]
    Cps,
    /// The Trentino TS-CNS (its ATR, with health-card data).
    #[serde(rename = "TS-CNS")]
    TsCns,
    /// Any other CNS: regional cards, cards found by AID, signature tokens.
    #[serde(rename = "CNS")]
    Cns,
    /// The national identity card, CIE 3.0.
    #[serde(rename = "CIE")]
    Cie,
}

impl CardType {
    /// "CPS", "TS-CNS", "CNS" or "CIE".
    pub fn name(self) -> &'static str {
        match self {
            CardType::Cps => "CPS",
            CardType::TsCns => "TS-CNS",
            CardType::Cns => "CNS",
            CardType::Cie => "CIE",
        }
    }

    /// Who issues a card of this type.
    pub fn issuer(self) -> Issuer {
        match self {
            CardType::Cps => Issuer::Cps,
            CardType::TsCns | CardType::Cns => Issuer::TsCns,
            CardType::Cie => Issuer::Cie,
        }
    }

    /// The PIN and PUK rules of this type.
    pub fn policy(self) -> PinPolicy {
        if self == CardType::Cie { PinPolicy::CIE } else { PinPolicy::CNS }
    }
}

impl std::fmt::Display for CardType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Who issues the card: it decides which office and helpline the advice names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Issuer {
    /// The Trentino CPS (APSS, and the Agenzia delle Entrate for the TS-CNS part).
    Cps,
    /// A TS-CNS of another region, or a CNS of another issuer.
    TsCns,
    /// The CIE (the Comune).
    Cie,
}

/// Length rules and counters of a card's secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinPolicy {
    /// PIN lengths.
    pub pin: LengthRule,
    /// PUK lengths.
    pub puk: LengthRule,
    /// PIN tries when fresh.
    pub pin_max_tries: u8,
    /// PUK tries when fresh.
    pub puk_max_tries: u8,
}

impl PinPolicy {
    /// CNS / CPS: PIN 5–8 digits (CNS spec §3.2), PUK 8 digits, 3 and 10 tries.
    pub const CNS: PinPolicy =
        PinPolicy { pin: LengthRule { min: 5, max: 8 }, puk: LengthRule { min: 8, max: 8 }, pin_max_tries: 3, puk_max_tries: 10 };

    /// CIE 3.0: PIN and PUK 8 digits (CIE spec §5), 3 and 10 tries.
    pub const CIE: PinPolicy =
        PinPolicy { pin: LengthRule { min: 8, max: 8 }, puk: LengthRule { min: 8, max: 8 }, pin_max_tries: 3, puk_max_tries: 10 };
}

/// One CIE chip family (CIE spec §1.1, §1.2): how it is recognised from its ATR (an exact prefix
/// of the bytes after `3B 8F 80 01` / `3B 8B 80 01`; the middleware's order-insensitive match is
/// only a fallback) and how it is driven.
#[derive(Debug, PartialEq, Eq)]
pub struct CieFamily {
    /// The family's name in the middleware's ATR table.
    pub name: &'static str,
    /// The ATR bytes after `3B 8F 80 01` (or `3B 8B 80 01`).
    pub pattern: &'static [u8],
    /// The IAS application is reached by SELECT MF (NXP, Actalis, Bit4id) rather than by AID.
    pub ias_by_mf: bool,
    /// The DH parameters come in one GET DATA (Gemalto) rather than three.
    pub dh_single: bool,
}

impl serde::Serialize for CieFamily {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name)
    }
}

const fn family(name: &'static str, pattern: &'static [u8], ias_by_mf: bool, dh_single: bool) -> CieFamily {
    CieFamily { name, pattern, ias_by_mf, dh_single }
}

/// Every family, in the middleware's order (CIE spec §1.1; Actalis_B946 from its macOS table).
/// SELECT MF for NXP, Actalis and Bit4id, by AID for Gemalto and STM (§1.2); one GET DATA for
/// the DH parameters on Gemalto only (Gemalto2 takes three since 2025, §1.2 history).
pub const CIE_FAMILIES: &[CieFamily] = &[
    family("NXP", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4E, 0x58, 0x50], true, false),
    family("Gemalto", &[0x80, 0x31, 0x80, 0x65, 0xB0, 0x85, 0x04, 0x00, 0x11], false, true),
    family("Gemalto2", &[0x80, 0x31, 0x80, 0x65, 0xB0, 0x85, 0x03, 0x00, 0xEF], false, false),
    family("STM", &[0x80, 0x66, 0x47, 0x50, 0x00, 0xB8, 0x00, 0x7F], false, false),
    family("STM3", &[0x80, 0x66, 0x47, 0x50, 0x00, 0xB8, 0x00, 0x94, 0x82, 0x90, 0x00, 0xC5], false, false),
    family("Actalis", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x41], true, false),
    family("Actalis2023", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x43], true, false),
    family("Bit4Id", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x42], true, false),
    family("Bit4Id2023", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x44], true, false),
    family("Bit4id_B9547", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x49], true, false),
    family("Actalis_B946", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x4C], true, false),
];

/// A card as its ATR identifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardIdentity {
    /// The ATR.
    pub atr: Vec<u8>,
    /// What the ATR says it is.
    pub kind: CardKind,
}

impl CardIdentity {
    /// Identifies a card from its ATR (no APDU).
    pub fn of(atr: &[u8]) -> Self {
        Self { atr: atr.to_vec(), kind: classify(atr) }
    }

    /// The card type the ATR announces: a CNS ATR's (CPS, TS-CNS or CNS), or CIE; `None` when
    /// the ATR says nothing (a contactless card, an unknown one). The profile may correct it
    /// once the card is read (a signature token with a CPS ATR is a "CNS").
    pub fn card_type(&self) -> Option<CardType> {
        match &self.kind {
            CardKind::Cns(c) => Some(c.card_type),
            CardKind::Cie { .. } => Some(CardType::Cie),
            CardKind::MaybeCnsContactless { .. } | CardKind::Unknown => None,
        }
    }

    /// Who issues it, when the ATR tells.
    pub fn issuer(&self) -> Option<Issuer> {
        self.card_type().map(CardType::issuer)
    }

    /// Its PIN policy: the CIE's, else the CNS family's (every other card Tessera manages).
    /// Lets a front-end check typed secrets before talking to the card.
    pub fn policy(&self) -> PinPolicy {
        self.card_type().map_or(PinPolicy::CNS, CardType::policy)
    }

    /// The CIE chip family, for a CIE.
    pub fn cie_family(&self) -> Option<&'static CieFamily> {
        match &self.kind {
            CardKind::Cie { family, .. } => Some(family),
            _ => None,
        }
    }

    /// Whether it is a CIE.
    pub fn is_cie(&self) -> bool {
        matches!(self.kind, CardKind::Cie { .. })
    }
}

/// What kind of card an ATR says this is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "family", rename_all = "lowercase")]
pub enum CardKind {
    /// A CNS card (CPS, TS-CNS, regional CRS…).
    Cns(CnsAtr),
    /// A CIE 3.0 identity card.
    Cie {
        /// The chip family (a row of the CIE families table).
        #[serde(rename = "variant")]
        family: &'static CieFamily,
        /// Matched by the middleware's loose rule only.
        loose_match: bool,
    },
    /// A contactless ATR of a family that CNS cards use over NFC: no CNS marker, so only
    /// probing the CNS applications tells (CNS spec §1.5).
    #[serde(rename = "maybe_cns_contactless")]
    MaybeCnsContactless {
        /// The ATR family, e.g. "3B 80 80 01 01".
        atr_family: &'static str,
    },
    /// Not recognised from the ATR (a CNS may still answer SELECT by AID).
    Unknown,
}

/// What a CNS ATR's historical bytes say (CNS spec §1.1).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CnsAtr {
    /// Product name shown to the user: CPS, TS-CNS or CNS.
    pub card_type: CardType,
    /// IC manufacturer code (H3).
    pub ic_maker: u8,
    /// IC manufacturer name.
    pub ic_maker_name: &'static str,
    /// Operating-system (mask) manufacturer code (H4).
    pub os_maker: u8,
    /// Operating-system manufacturer name.
    pub os_maker_name: &'static str,
    /// OS version (H5.H6).
    pub os_version: (u8, u8),
    /// CNS specification version byte (H13): 0x10 = 1.0, 0x11 = 1.1. It does not tell the
    /// key size (an ACe 2025 says 1.0 and has RSA-2048): that comes from the certificate.
    pub spec_version: u8,
}

impl CnsAtr {
    /// STIncard needs bit 0x80 in PIN references (CNS spec §3.1).
    pub fn is_stincard(&self) -> bool {
        self.os_maker == 0x09
    }

    /// "1.1" etc.
    pub fn spec_version_text(&self) -> String {
        format!("{}.{}", self.spec_version >> 4, self.spec_version & 0x0F)
    }
}

/// Recognises the card family from its ATR: the one place that does, for [`CardIdentity::of`].
fn classify(atr: &[u8]) -> CardKind {
    let Ok(parsed) = parse_atr(atr) else {
        return CardKind::Unknown;
    };
    let h = &parsed.historical;
    // CNS spec §1.2 rule 2: 15 historical bytes with "CNS" at H10..H12.
    if h.len() == 15 && &h[9..12] == b"CNS" {
        let (ic, os) = (h[2], h[3]);
        let v = h[12];
        let card_type = if atr == ATR_CPS_TRENTINO {
            CardType::Cps
        } else if atr == ATR_TSCNS_TRENTO {
            CardType::TsCns
        } else {
            CardType::Cns
        };
        return CardKind::Cns(CnsAtr {
            card_type,
            ic_maker: ic,
            ic_maker_name: ic_maker_name(ic),
            os_maker: os,
            os_maker_name: os_maker_name(os),
            os_version: (h[4], h[5]),
            spec_version: v,
        });
    }
    let body = atr.get(4..).unwrap_or_default();
    if atr.len() >= 4
        && (atr[..4] == [0x3B, 0x8F, 0x80, 0x01] || atr[..4] == [0x3B, 0x8B, 0x80, 0x01])
        && let Some(family) = CIE_FAMILIES.iter().find(|f| body.starts_with(f.pattern))
    {
        return CardKind::Cie { family, loose_match: false };
    }
    // Fallback: the official middleware's order-insensitive multiset match, restricted to the
    // long patterns (the 4-byte "STM2" pattern would match almost any ATR).
    if let Some(family) = CIE_FAMILIES.iter().find(|f| f.pattern.len() >= 8 && multiset_contains(atr, f.pattern)) {
        return CardKind::Cie { family, loose_match: true };
    }
    if let Some(family) = contactless_family(atr) {
        return CardKind::MaybeCnsContactless { atr_family: family };
    }
    CardKind::Unknown
}

/// Contactless ATR families seen on CNS cards over NFC (CNS spec §1.5, from pcsc-tools'
/// list): the prefix, and for the "ITNXP" family the text in the historical bytes.
const CONTACTLESS_FAMILIES: &[(&str, &[u8])] = &[
    ("3B 80 80 01 01", &[0x3B, 0x80, 0x80, 0x01, 0x01]),
    ("3B 88 80 01", &[0x3B, 0x88, 0x80, 0x01]),
    ("3B 8B 80 01 00 31 C1 64", &[0x3B, 0x8B, 0x80, 0x01, 0x00, 0x31, 0xC1, 0x64]),
    ("3B 8C 80 01 50", &[0x3B, 0x8C, 0x80, 0x01, 0x50]),
];

fn contactless_family(atr: &[u8]) -> Option<&'static str> {
    if let Some((name, _)) = CONTACTLESS_FAMILIES.iter().find(|(_, p)| atr.starts_with(p)) {
        return Some(name);
    }
    (atr.starts_with(&[0x3B, 0x8E, 0x80, 0x01]) && atr.windows(5).any(|w| w == b"ITNXP")).then_some("3B 8E 80 01 … ITNXP")
}

fn multiset_contains(hay: &[u8], needle: &[u8]) -> bool {
    let mut counts = [0u16; 256];
    for &b in hay {
        counts[usize::from(b)] += 1;
    }
    for &b in needle {
        let c = &mut counts[usize::from(b)];
        if *c == 0 {
            return false;
        }
        *c -= 1;
    }
    true
}

/// An ATR explained for people (`tessera atr HEX`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct AtrExplanation {
    /// The ATR, hex.
    pub atr: String,
    /// Structure, when parseable.
    pub parsed: Option<ParsedAtr>,
    /// What the card is.
    pub kind: CardKind,
    /// Historical bytes as text where printable.
    pub historical_text: String,
    /// Whether Tessera can manage it today.
    pub supported: bool,
    /// A contactless ATR that may be a CNS over NFC: only inserting the card tells.
    pub maybe_supported: bool,
}

/// Explains an ATR.
pub fn explain(atr: &[u8]) -> AtrExplanation {
    let parsed = parse_atr(atr).ok();
    let kind = classify(atr);
    let historical_text = parsed
        .as_ref()
        .map(|p| p.historical.iter().map(|&b| if (0x20..0x7F).contains(&b) { b as char } else { '.' }).collect())
        .unwrap_or_default();
    let supported = matches!(kind, CardKind::Cns(_) | CardKind::Cie { .. });
    let maybe_supported = matches!(kind, CardKind::MaybeCnsContactless { .. });
    AtrExplanation { atr: hex(atr), parsed, kind, historical_text, supported, maybe_supported }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::detect::atr_from_hex;

    #[test]
    fn types_issuers_and_policies() {
        let cps = CardIdentity::of(&ATR_CPS_TRENTINO);
        assert_eq!((cps.card_type(), cps.issuer(), cps.policy()), (Some(CardType::Cps), Some(Issuer::Cps), PinPolicy::CNS));
        let tscns = CardIdentity::of(&ATR_TSCNS_TRENTO);
        assert_eq!(tscns.issuer(), Some(Issuer::TsCns));
        let cie = CardIdentity::of(&atr_from_hex("3B 8F 80 01 80 31 80 65 49 54 4A 34 44 12 0F FF 82 90 00 8D").expect("hex"));
        assert_eq!((cie.card_type(), cie.issuer(), cie.policy()), (Some(CardType::Cie), Some(Issuer::Cie), PinPolicy::CIE));
        assert_eq!(cie.cie_family().map(|f| f.name), Some("Bit4Id2023"));
        assert!(matches!(cie.kind, CardKind::Cie { loose_match: false, .. }));
        let nfc = CardIdentity::of(&[0x3B, 0x80, 0x80, 0x01, 0x01]);
        assert_eq!((nfc.card_type(), nfc.issuer(), nfc.policy()), (None, None, PinPolicy::CNS));
        assert_eq!(serde_json::to_string(&CardType::TsCns).expect("json"), "\"TS-CNS\"");
        assert_eq!(CardType::Cns.issuer(), Issuer::TsCns);
    }

    #[test]
    fn trentino_atrs_name_their_makers() {
        let CardKind::Cns(c) = classify(&ATR_CPS_TRENTINO) else { panic!("not CNS") };
        assert_eq!((c.card_type, c.os_maker_name, c.ic_maker_name), (CardType::Cps, "STIncard", "STMicroelectronics"));
        assert!(c.is_stincard());
        assert_eq!(c.spec_version_text(), "1.1");
        let CardKind::Cns(c) = classify(&ATR_TSCNS_TRENTO) else { panic!("not CNS") };
        assert_eq!((c.card_type, c.os_maker_name), (CardType::TsCns, "Siemens"));
        assert!(!c.is_stincard());
    }

    #[test]
    fn other_markers_are_not_cns() {
        let mut hpc = ATR_CPS_TRENTINO;
        hpc[18..21].copy_from_slice(b"HPC");
        assert_eq!(classify(&hpc), CardKind::Unknown);
    }

    #[test]
    fn new_lots_atrs() {
        // ACe 2025 (G&D mask on NXP): a CNS ATR saying 1.0 — nothing about the key size.
        let ace = atr_from_hex("3B FF 18 00 FF 81 31 FE 4D 00 6B 04 04 B8 5B 01 F1 01 43 4E 53 10 31 80 9D").expect("hex");
        let CardKind::Cns(c) = classify(&ace) else { panic!("not CNS") };
        assert_eq!((c.ic_maker_name, c.os_maker_name, c.card_type), ("NXP", "Giesecke & Devrient", CardType::Cns));
        let idemia = atr_from_hex("3B FF 18 00 00 81 31 FE 45 00 6B 05 05 20 00 01 21 01 43 4E 53 10 31 80 79").expect("hex");
        assert!(matches!(classify(&idemia), CardKind::Cns(CnsAtr { ic_maker: 5, os_maker: 5, .. })));
        // Contactless families: maybe a CNS, never "not supported" outright.
        for hex in ["3B 80 80 01 01", "3B 88 80 01 00 00 00 00 00 00 00 00 09", "3B 8B 80 01 00 31 C1 64 08 60 32 06 0F 90 00 8F"] {
            let e = explain(&atr_from_hex(hex).expect("hex"));
            assert!(matches!(e.kind, CardKind::MaybeCnsContactless { .. }), "{hex}");
            assert!(e.maybe_supported && !e.supported);
        }
        assert_eq!(classify(&[0x3B, 0x02, 0x14, 0x50]), CardKind::Unknown);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::arbitrary::any::<u8>(), 0..40)) {
            let id = CardIdentity::of(&bytes);
            let _ = (id.card_type(), id.policy(), explain(&bytes));
        }
    }
}
