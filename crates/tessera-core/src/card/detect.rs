//! Recognising cards from the ATR (ISO/IEC 7816-3 §8) — CNS per the CNS spec §1, CIE families
//! by exact prefix — and explaining an ATR for helpdesk staff.

use crate::apdu::hex;

/// A parsed answer-to-reset.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ParsedAtr {
    /// Protocols announced (T=0 implicit when none).
    pub protocols: Vec<u8>,
    /// Historical bytes.
    pub historical: Vec<u8>,
    /// TCK checks out (or is absent for T=0 only).
    pub tck_ok: bool,
}

/// Why an ATR could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AtrError {
    /// Not hex, or odd length.
    #[error("not a hexadecimal ATR")]
    NotHex,
    /// TS is neither 3B nor 3F.
    #[error("the first byte must be 3B or 3F")]
    BadTs,
    /// Ends before the bytes T0/TDi announce.
    #[error("the ATR is truncated")]
    Truncated,
    /// More than 33 bytes.
    #[error("an ATR has at most 33 bytes")]
    TooLong,
}

/// Parses an ATR's structure.
pub fn parse_atr(atr: &[u8]) -> Result<ParsedAtr, AtrError> {
    if atr.len() > 33 {
        return Err(AtrError::TooLong);
    }
    let ts = *atr.first().ok_or(AtrError::Truncated)?;
    if ts != 0x3B && ts != 0x3F {
        return Err(AtrError::BadTs);
    }
    let t0 = *atr.get(1).ok_or(AtrError::Truncated)?;
    let k = usize::from(t0 & 0x0F);
    let mut y = t0 >> 4;
    let mut i = 2;
    let mut protocols = Vec::new();
    loop {
        let count = (y & 0x07).count_ones() as usize; // TA, TB, TC
        i += count;
        if y & 0x08 == 0 {
            break;
        }
        let td = *atr.get(i).ok_or(AtrError::Truncated)?;
        i += 1;
        protocols.push(td & 0x0F);
        y = td >> 4;
    }
    let historical = atr.get(i..i + k).ok_or(AtrError::Truncated)?.to_vec();
    i += k;
    let needs_tck = protocols.iter().any(|&t| t != 0);
    let tck_ok = if needs_tck {
        match atr.get(i) {
            Some(_) => atr[1..=i].iter().fold(0u8, |a, b| a ^ b) == 0,
            None => false,
        }
    } else {
        true
    };
    if protocols.is_empty() {
        protocols.push(0);
    }
    protocols.dedup();
    Ok(ParsedAtr { protocols, historical, tck_ok })
}

/// Parses hex text ("3B FF 18 00", "3bff1800", "3B:FF:18") into bytes.
pub fn atr_from_hex(text: &str) -> Result<Vec<u8>, AtrError> {
    let clean: String = text.chars().filter(|c| !c.is_whitespace() && *c != ':' && *c != '-').collect();
    let clean = clean.strip_prefix("0x").unwrap_or(&clean);
    if clean.is_empty() || !clean.len().is_multiple_of(2) {
        return Err(AtrError::NotHex);
    }
    (0..clean.len())
        .step_by(2)
        .map(|j| u8::from_str_radix(clean.get(j..j + 2).ok_or(AtrError::NotHex)?, 16).map_err(|_| AtrError::NotHex))
        .collect()
}

/// What kind of card an ATR says this is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "family", rename_all = "lowercase")]
pub enum CardKind {
    /// A CNS card (CPS, TS-CNS, regional CRS…).
    Cns(CnsAtr),
    /// A CIE 3.0 identity card.
    Cie {
        /// The chip family from the CIE middleware's ATR table.
        variant: &'static str,
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
    /// Product name shown to the user: "CPS", "TS-CNS" or "CNS".
    pub card_type: &'static str,
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

/// The Trentino CPS ATR (STIncard, CNS 1.1).
pub const ATR_CPS_TRENTINO: [u8; 25] = [
    0x3B, 0xFF, 0x18, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x55, 0x00, 0x6B, 0x02, 0x09, 0x17, 0x17, 0x01, 0x11, 0x01,
    0x43, 0x4E, 0x53, 0x11, 0x31, 0x80, 0x8C,
];
/// The TS-CNS Trento ATR (Siemens CardOS, CNS 1.0).
pub const ATR_TSCNS_TRENTO: [u8; 26] = [
    0x3B, 0xFF, 0x18, 0x00, 0xFF, 0xC1, 0x0A, 0x31, 0xFE, 0x55, 0x00, 0x6B, 0x05, 0x08, 0xC8, 0x0C, 0x01, 0x11,
    0x01, 0x43, 0x4E, 0x53, 0x10, 0x31, 0x80, 0x05,
];

/// CIE ATR patterns: the bytes after `3B 8F 80 01` or `3B 8B 80 01`, in order (CIE spec §1.1).
/// Exact prefix matching; the middleware's order-insensitive matching is only a fallback.
const CIE_FAMILIES: &[(&str, &[u8])] = &[
    ("NXP", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4E, 0x58, 0x50]),
    ("Gemalto", &[0x80, 0x31, 0x80, 0x65, 0xB0, 0x85, 0x04, 0x00, 0x11]),
    ("Gemalto2", &[0x80, 0x31, 0x80, 0x65, 0xB0, 0x85, 0x03, 0x00, 0xEF]),
    ("STM", &[0x80, 0x66, 0x47, 0x50, 0x00, 0xB8, 0x00, 0x7F]),
    ("STM3", &[0x80, 0x66, 0x47, 0x50, 0x00, 0xB8, 0x00, 0x94, 0x82, 0x90, 0x00, 0xC5]),
    ("Actalis", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x41]),
    ("Actalis2023", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x43]),
    ("Bit4Id", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x42]),
    ("Bit4Id2023", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x44]),
    ("Bit4id_B9547", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x49]),
    ("Actalis_B946", &[0x80, 0x31, 0x80, 0x65, 0x49, 0x54, 0x4A, 0x34, 0x4C]),
];

/// Recognises the card family from its ATR.
pub fn identify(atr: &[u8]) -> CardKind {
    let Ok(parsed) = parse_atr(atr) else {
        return CardKind::Unknown;
    };
    let h = &parsed.historical;
    // CNS spec §1.2 rule 2: 15 historical bytes with "CNS" at H10..H12.
    if h.len() == 15 && &h[9..12] == b"CNS" {
        let (ic, os) = (h[2], h[3]);
        let v = h[12];
        let card_type = if atr == ATR_CPS_TRENTINO {
            "CPS"
        } else if atr == ATR_TSCNS_TRENTO {
            "TS-CNS"
        } else {
            "CNS"
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
    if atr.len() >= 4 && (atr[..4] == [0x3B, 0x8F, 0x80, 0x01] || atr[..4] == [0x3B, 0x8B, 0x80, 0x01]) {
        for (name, pat) in CIE_FAMILIES {
            if body.starts_with(pat) {
                return CardKind::Cie { variant: name, loose_match: false };
            }
        }
    }
    // Fallback: the official middleware's order-insensitive multiset match, restricted to the
    // long patterns (the 4-byte "STM2" pattern would match almost any ATR).
    for (name, pat) in CIE_FAMILIES {
        if pat.len() >= 8 && multiset_contains(atr, pat) {
            return CardKind::Cie { variant: name, loose_match: true };
        }
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

/// Mask/OS manufacturer names (CNS spec §1.3).
pub fn os_maker_name(code: u8) -> &'static str {
    match code {
        0x01 => "Kaitech",
        0x02 => "Gemplus",
        0x03 => "Ghirlanda",
        0x04 => "Giesecke & Devrient",
        0x05 => "IDEMIA (Oberthur)",
        0x06 => "Orga",
        0x07 => "Axalto",
        0x08 => "Siemens",
        0x09 => "STIncard",
        0x0A => "GEP",
        0x0B => "EPS Corp",
        0x0C => "Athena",
        0x0D => "Gemalto",
        _ => "unknown",
    }
}

/// IC manufacturer names (ISO/IEC 7816-6 register, the common ones).
pub fn ic_maker_name(code: u8) -> &'static str {
    match code {
        0x01 => "Motorola",
        0x02 => "STMicroelectronics",
        0x03 => "Hitachi",
        0x04 => "NXP",
        0x05 => "Infineon",
        0x06 => "Cylinc",
        0x07 => "Texas Instruments",
        0x08 => "Fujitsu",
        0x09 => "Matsushita",
        0x0A => "NEC",
        0x0B => "Oki",
        0x0C => "Toshiba",
        0x0D => "Mitsubishi",
        0x0E => "Samsung",
        0x0F => "Hynix",
        0x10 => "LG",
        0x11 => "Emosyn-EM",
        0x12 => "INSIDE",
        0x13 => "ORGA",
        0x14 => "SHARP",
        0x15 => "ATMEL",
        0x16 => "EM Microelectronic-Marin",
        0x40 => "Gemalto",
        _ => "unknown",
    }
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
    let kind = identify(atr);
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

    #[test]
    fn cps_trentino_is_stincard_cns_1_1() {
        let p = parse_atr(&ATR_CPS_TRENTINO).expect("parses");
        assert!(p.tck_ok);
        assert_eq!(p.protocols, vec![1]);
        assert_eq!(p.historical.len(), 15);
        let CardKind::Cns(c) = identify(&ATR_CPS_TRENTINO) else { panic!("not CNS") };
        assert_eq!(c.card_type, "CPS");
        assert_eq!(c.os_maker_name, "STIncard");
        assert_eq!(c.ic_maker_name, "STMicroelectronics");
        assert!(c.is_stincard());
        assert_eq!(c.spec_version_text(), "1.1");
    }

    #[test]
    fn tscns_trento_is_siemens_cns_1_0() {
        let p = parse_atr(&ATR_TSCNS_TRENTO).expect("parses");
        assert!(p.tck_ok);
        let CardKind::Cns(c) = identify(&ATR_TSCNS_TRENTO) else { panic!("not CNS") };
        assert_eq!(c.card_type, "TS-CNS");
        assert_eq!(c.os_maker_name, "Siemens");
        assert!(!c.is_stincard());
    }

    #[test]
    fn other_markers_are_not_cns() {
        let mut hpc = ATR_CPS_TRENTINO;
        hpc[18..21].copy_from_slice(b"HPC");
        assert_eq!(identify(&hpc), CardKind::Unknown);
    }

    #[test]
    fn new_lots_atrs() {
        // ACe 2025 (G&D mask on NXP): a CNS ATR saying 1.0 — nothing about the key size.
        let ace = atr_from_hex("3B FF 18 00 FF 81 31 FE 4D 00 6B 04 04 B8 5B 01 F1 01 43 4E 53 10 31 80 9D").expect("hex");
        let CardKind::Cns(c) = identify(&ace) else { panic!("not CNS") };
        assert_eq!((c.ic_maker_name, c.os_maker_name, c.card_type), ("NXP", "Giesecke & Devrient", "CNS"));
        let idemia = atr_from_hex("3B FF 18 00 00 81 31 FE 45 00 6B 05 05 20 00 01 21 01 43 4E 53 10 31 80 79").expect("hex");
        assert!(matches!(identify(&idemia), CardKind::Cns(CnsAtr { ic_maker: 5, os_maker: 5, .. })));
        // Contactless families: maybe a CNS, never "not supported" outright.
        for hex in ["3B 80 80 01 01", "3B 88 80 01 00 00 00 00 00 00 00 00 09", "3B 8B 80 01 00 31 C1 64 08 60 32 06 0F 90 00 8F"] {
            let e = explain(&atr_from_hex(hex).expect("hex"));
            assert!(matches!(e.kind, CardKind::MaybeCnsContactless { .. }), "{hex}");
            assert!(e.maybe_supported && !e.supported);
        }
        assert_eq!(identify(&[0x3B, 0x02, 0x14, 0x50]), CardKind::Unknown);
    }

    #[test]
    fn cie_bit4id_2023_is_recognised_exactly() {
        let atr = atr_from_hex("3B 8F 80 01 80 31 80 65 49 54 4A 34 44 12 0F FF 82 90 00 8D").expect("hex");
        assert_eq!(identify(&atr), CardKind::Cie { variant: "Bit4Id2023", loose_match: false });
        assert!(parse_atr(&atr).expect("parses").tck_ok);
    }

    #[test]
    fn hex_input_forms() {
        assert_eq!(atr_from_hex("3b:8f 80-01").expect("ok"), vec![0x3B, 0x8F, 0x80, 0x01]);
        assert_eq!(atr_from_hex("3B8"), Err(AtrError::NotHex));
        assert_eq!(atr_from_hex("zz"), Err(AtrError::NotHex));
        assert_eq!(parse_atr(&[0x3B, 0xFF]), Err(AtrError::Truncated));
        assert_eq!(parse_atr(&[0x12, 0x00]), Err(AtrError::BadTs));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::arbitrary::any::<u8>(), 0..40)) {
            let _ = parse_atr(&bytes);
            let _ = identify(&bytes);
            let _ = explain(&bytes);
        }
    }
}
