//! The structure of an answer-to-reset (ISO/IEC 7816-3 §8): protocols, historical bytes, TCK;
//! hex input; the manufacturer code tables of CNS ATRs (CNS spec §1.3). What card an ATR
//! announces is [`super::identity`]'s.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trentino_atrs_parse_with_a_good_tck() {
        for atr in [&ATR_CPS_TRENTINO[..], &ATR_TSCNS_TRENTO[..]] {
            let p = parse_atr(atr).expect("parses");
            assert!(p.tck_ok);
            assert_eq!(p.protocols, vec![1]);
            assert_eq!(p.historical.len(), 15);
        }
        let cie = atr_from_hex("3B 8F 80 01 80 31 80 65 49 54 4A 34 44 12 0F FF 82 90 00 8D").expect("hex");
        assert!(parse_atr(&cie).expect("parses").tck_ok);
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
        }
    }
}
