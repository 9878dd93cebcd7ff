//! EF_DatiPersonali (CNS spec §2.3): the holder's data, as length-prefixed text fields, and the
//! dates written on the card.

/// The record's 6-digit hexadecimal length (what it counts: see [`PersonalData::parse`]).
pub(super) fn declared_len(raw: &[u8]) -> Option<usize> {
    let head = std::str::from_utf8(raw.get(..6)?).ok()?;
    usize::from_str_radix(head, 16).ok()
}

/// A date as written on the card (ddmmyyyy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CardDate {
    /// Year.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl CardDate {
    /// Parses `ddmmyyyy`.
    pub fn parse(s: &str) -> Option<Self> {
        if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let day: u8 = s[0..2].parse().ok()?;
        let month: u8 = s[2..4].parse().ok()?;
        let year: u16 = s[4..8].parse().ok()?;
        ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some(Self { year, month, day })
    }

    /// `ddmmyyyy`, as on the card.
    pub fn ddmmyyyy(&self) -> String {
        format!("{:02}{:02}{:04}", self.day, self.month, self.year)
    }
}

impl std::fmt::Display for CardDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for CardDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// EF_DatiPersonali (CNS spec §2.3).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonalData {
    /// Issuer code.
    pub issuer_code: String,
    /// Issue date.
    pub issue_date: Option<CardDate>,
    /// Expiry date.
    pub expiry_date: Option<CardDate>,
    /// Surname.
    pub surname: String,
    /// First name(s).
    pub name: String,
    /// Birth date.
    pub birth_date: Option<CardDate>,
    /// Sex, M or F.
    pub sex: String,
    /// Codice fiscale (16 characters).
    pub codice_fiscale: String,
    /// Birth municipality (cadastral code).
    pub birth_place: String,
    /// Residence municipality.
    pub residence: String,
}

impl PersonalData {
    /// Parses the file: 6 hex digits of length, then 16 fields of 2 hex digits of length + value.
    /// Returns `None` (never panics) for anything malformed.
    pub fn parse(raw: &[u8]) -> Option<Self> {
        // What the 6-digit length counts differs between sources (CNS spec §1.5, §2.3): what
        // follows it (OpenSC), or the whole record with its own 6 digits (the ACe 2025 log).
        // Either is accepted; a length beyond the data read is junk, as OpenSC treats it.
        let total = declared_len(raw)?;
        let body = match raw.get(6..6 + total) {
            Some(b) => b,
            None => raw.get(6..total)?,
        };
        let mut fields: Vec<String> = Vec::with_capacity(16);
        let mut i = 0;
        while fields.len() < 16 && i < body.len() {
            let len = usize::from_str_radix(std::str::from_utf8(body.get(i..i + 2)?).ok()?, 16).ok()?;
            let v = body.get(i + 2..i + 2 + len)?;
            fields.push(crate::text::printable(v.iter().map(|&b| b as char).collect::<String>().trim()));
            i += 2 + len;
        }
        if fields.len() < 9 {
            return None;
        }
        fields.resize(16, String::new());
        Some(Self {
            issuer_code: fields[0].clone(),
            issue_date: CardDate::parse(&fields[1]),
            expiry_date: CardDate::parse(&fields[2]),
            surname: fields[3].clone(),
            name: fields[4].clone(),
            birth_date: CardDate::parse(&fields[5]),
            sex: fields[6].clone(),
            codice_fiscale: fields[8].clone(),
            birth_place: fields[10].clone(),
            residence: fields[13].clone(),
        })
    }

    /// "NAME SURNAME".
    pub fn holder(&self) -> String {
        format!("{} {}", self.name, self.surname).trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dati_personali() {
        // The length counting what follows (OpenSC's reading, CNS spec §2.3), 0x00 padding.
        let mut raw = b"00006B04402208010120200801012026\
07ESEMPIO05MARIA081503198501F0010SMPMRA85C55L378A0004L378000004L3780AVIA ROMA 100"
            .to_vec();
        raw.resize(400, 0);
        let p = PersonalData::parse(&raw).expect("parses");
        assert_eq!(p.surname, "ESEMPIO");
        assert_eq!(p.holder(), "MARIA ESEMPIO");
        assert_eq!(p.codice_fiscale, "SMPMRA85C55L378A");
        assert_eq!(p.birth_date, Some(CardDate { year: 1985, month: 3, day: 15 }));
        assert_eq!(p.expiry_date.map(|d| d.to_string()).as_deref(), Some("2026-01-01"));
    }

    #[test]
    fn a_length_that_counts_its_own_digits_is_read_too() {
        // ACe 2025 (CNS spec §1.5, O): 0x6B of fields + 6 = 0x71, and no padding after the record.
        let raw = b"0000710440220801012020080101202607ESEMPIO05MARIA081503198501F0010SMPMRA85C55L378A0004L378000004L3780AVIA ROMA 100";
        assert_eq!(raw.len(), 0x71);
        let p = PersonalData::parse(raw).expect("parses");
        assert_eq!((p.holder().as_str(), p.residence.as_str()), ("MARIA ESEMPIO", "L378"));
        // A length claiming more than the file holds is junk.
        assert!(PersonalData::parse(&raw[..0x60]).is_none());
    }

    #[test]
    fn parses_a_real_card_layout_literal() {
        // Shape of a real record (CNS spec §2.3): 6-digit length, then length-prefixed fields.
        let raw = b"00004B04402208011201501012021050EROSSI04MARIO0801011980\
01M0010RSSMRA80A01L378X000004L378";
        // Length claims 0x4B = 75 bytes but fewer follow: rejected, not a panic.
        assert!(PersonalData::parse(raw).is_none());
    }

    proptest::proptest! {
        #[test]
        fn personal_data_parser_never_panics(bytes in proptest::collection::vec(proptest::arbitrary::any::<u8>(), 0..420)) {
            let _ = PersonalData::parse(&bytes);
        }

        #[test]
        fn personal_data_text_never_panics(s in "[0-9A-F]{6}[ -~]{0,200}") {
            let _ = PersonalData::parse(s.as_bytes());
        }
    }
}
