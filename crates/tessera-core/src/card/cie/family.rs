//! The CIE chip families as data (CIE spec §1.1, §1.2), like the CNS lots: how each is
//! recognised from its ATR and how it is driven. Matching is an exact prefix of the ATR's bytes
//! after `3B 8F 80 01` / `3B 8B 80 01`; the official middleware's order-insensitive match is only
//! a fallback ([`super::super::detect`]).

/// One CIE chip family.
#[derive(Debug, PartialEq, Eq)]
pub struct Family {
    /// The family's name in the middleware's ATR table.
    pub name: &'static str,
    /// The ATR bytes after `3B 8F 80 01` (or `3B 8B 80 01`).
    pub pattern: &'static [u8],
    /// The IAS application is reached by SELECT MF (NXP, Actalis, Bit4id) rather than by AID.
    pub ias_by_mf: bool,
    /// The DH parameters come in one GET DATA (Gemalto) rather than three.
    pub dh_single: bool,
}

impl serde::Serialize for Family {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name)
    }
}

const fn family(name: &'static str, pattern: &'static [u8], ias_by_mf: bool, dh_single: bool) -> Family {
    Family { name, pattern, ias_by_mf, dh_single }
}

/// Every family, in the middleware's order (CIE spec §1.1; Actalis_B946 from its macOS table).
/// SELECT MF for NXP, Actalis and Bit4id, by AID for Gemalto and STM (§1.2); one GET DATA for
/// the DH parameters on Gemalto only (Gemalto2 takes three since 2025, §1.2 history).
pub const FAMILIES: &[Family] = &[
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
