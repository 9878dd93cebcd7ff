//! The CNS card lots as data (docs/cns-lots.md): how each lot is recognised, where its files
//! are and how they are encoded, how files are selected, its PIN references and its signing key.
//! The CNS profile ([`super::CnsProfile`]) walks this table; adding a lot is adding a row here
//! and a simulator profile.
//!
//! Marks in the comments: **O** observed in a real card's APDU log, **I** inferred (unverified:
//! the code takes the safe side, and a strict simulator variant refuses the unsafe one).

/// The application that plays the MF on ACe 2025 cards (Actalis TS-CNS, G&D mask), also on
/// contact (O: OpenSC issue #3804 log).
pub const AID_ACE2025: [u8; 12] = [0xA0, 0x00, 0x00, 0x05, 0x30, 0x00, 0x0B, 0x10, 0x40, 0x01, 0x02, 0x1A];
/// The application holding the CNS files on ST2022 (JSign4) cards seen over NFC (O: #3806).
pub const AID_ST2022: [u8; 8] = [0xA0, 0x00, 0x00, 0x00, 0x95, 0x01, 0x00, 0x4D];

/// How a lot is recognised, cheapest evidence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recognition {
    /// ATR hint: the IC and mask makers (H3, H4) and the lowest OS major version (H5) of a
    /// contact CNS ATR that announce this lot. A hint only orders the probes; the probe decides.
    pub atr_hint: Option<(u8, u8, u8)>,
    /// The lot needs a CNS marker in the ATR (classic contact cards), or it is found by its
    /// application AID whatever the ATR says (`false`).
    pub needs_cns_atr: bool,
}

/// Where the lot's files hang.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Root {
    /// Under the MF (3F00), selected with paths from the MF (`00 A4 08 …`).
    Mf,
    /// Under an application selected by AID (`00 A4 04 …`), which plays the MF; its files are
    /// selected with paths from the current DF (`00 A4 09 …`), so the application must be the
    /// current DF when a path is selected.
    Application(&'static [u8]),
}

/// How the card number is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberEncoding {
    /// 16 ASCII digits (EF_IDCarta).
    Ascii16,
    /// Packed BCD, `len` bytes from `offset` (two digits a byte).
    PackedBcd {
        /// First byte read.
        offset: u16,
        /// Bytes read.
        len: u16,
    },
}

/// A certificate with the private key that goes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySet {
    /// Certificate EF path (FIDs, from the root).
    pub cert: &'static [u8],
    /// DF to select before MSE SET, when the key lives in one.
    pub key_df: Option<&'static [u8]>,
    /// Key reference in MSE SET (`83 01 <ref>`).
    pub key_ref: u8,
}

/// How PIN references get their 0x80 bit (CNS spec §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefBit {
    /// When the ATR names STIncard as the mask maker (H4 = 09).
    FromAtr,
    /// Always (STIncard products found without a CNS ATR).
    Always,
    /// Never.
    Never,
}

/// A lot's stable id, shown in `status --json` as `lot`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum LotId {
    /// Files under the MF: CPS, TS-CNS, regional CRS, ST2022 on contact.
    #[serde(rename = "classic")]
    Classic,
    /// IDEMIA 2021 ("ACe 2021").
    #[serde(rename = "idemia2021")]
    Idemia2021,
    /// ACe 2025.
    #[serde(rename = "ace2025")]
    Ace2025,
    /// ST2022 (JSign4) over NFC.
    #[serde(rename = "st2022-nfc")]
    St2022Nfc,
}

impl LotId {
    /// The id as `status --json` writes it.
    pub fn name(self) -> &'static str {
        match self {
            LotId::Classic => "classic",
            LotId::Idemia2021 => "idemia2021",
            LotId::Ace2025 => "ace2025",
            LotId::St2022Nfc => "st2022-nfc",
        }
    }
}

/// One card lot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lot {
    /// Stable id.
    pub id: LotId,
    /// Name for people.
    pub name: &'static str,
    /// How it is recognised.
    pub recognition: Recognition,
    /// Where the files hang, and how paths are selected.
    pub root: Root,
    /// Card-number EF and its encoding.
    pub card_number: (&'static [u8], NumberEncoding),
    /// EF_DatiPersonali (CNS spec §2.3).
    pub personal_data: &'static [u8],
    /// Authentication certificate and key, tried in this order.
    pub key_sets: &'static [KeySet],
    /// PIN and PUK references before the 0x80 bit.
    pub pin_ref: u8,
    /// PUK reference before the 0x80 bit.
    pub puk_ref: u8,
    /// The 0x80 bit rule.
    pub ref_bit: RefBit,
}

const CNS0: KeySet = KeySet { cert: &[0x11, 0x00, 0x11, 0x01], key_df: None, key_ref: 0x01 };

/// Every lot, in probing order for a card with a CNS ATR and no better hint: the classic
/// layout costs nothing extra (its first file select is the probe), then the applications.
pub const LOTS: &[Lot] = &[
    Lot {
        id: LotId::Classic,
        name: "CNS",
        recognition: Recognition { atr_hint: None, needs_cns_atr: true },
        root: Root::Mf,
        card_number: (&[0x10, 0x00, 0x10, 0x03], NumberEncoding::Ascii16),
        personal_data: &[0x11, 0x00, 0x11, 0x02],
        key_sets: &[CNS0],
        pin_ref: 0x10,
        puk_ref: 0x11,
        ref_bit: RefBit::FromAtr,
    },
    // IDEMIA 2021 ("ACe 2021"): classic files, but the authentication certificate may be at
    // 1400/9001/2002, its key under DF 1400/9002 (select it first, else 6984), key ref 02 (O:
    // #2483). The classic place is tried first: a card with both keeps CNS0 for login.
    Lot {
        id: LotId::Idemia2021,
        name: "CNS IDEMIA 2021",
        recognition: Recognition { atr_hint: Some((0x05, 0x05, 0x20)), needs_cns_atr: true },
        root: Root::Mf,
        card_number: (&[0x10, 0x00, 0x10, 0x03], NumberEncoding::Ascii16),
        personal_data: &[0x11, 0x00, 0x11, 0x02],
        key_sets: &[CNS0, KeySet { cert: &[0x14, 0x00, 0x90, 0x01, 0x20, 0x02], key_df: Some(&[0x14, 0x00, 0x90, 0x02]), key_ref: 0x02 }],
        pin_ref: 0x10,
        puk_ref: 0x11,
        ref_bit: RefBit::FromAtr,
    },
    // ACe 2025 (Actalis TS-CNS, NXP chip, G&D mask; also renewed CPS). O: the AID, P1=09
    // paths, D003 with the number as 8 BCD bytes at offset 2, DA01/C001, 1100/1102, 6B00 at
    // EOF. I: PIN refs 10/11 without the 0x80 bit (patched OpenSC, not a card answer), key ref
    // 01 with no key DF (as other CNS lots; the self-test verifies a signature before trusting
    // it), and that PIN commands need the application current (we always make it current).
    Lot {
        id: LotId::Ace2025,
        name: "CNS ACe 2025",
        recognition: Recognition { atr_hint: Some((0x04, 0x04, 0x00)), needs_cns_atr: false },
        root: Root::Application(&AID_ACE2025),
        card_number: (&[0xD0, 0x03], NumberEncoding::PackedBcd { offset: 2, len: 8 }),
        personal_data: &[0x11, 0x00, 0x11, 0x02],
        key_sets: &[KeySet { cert: &[0xDA, 0x01, 0xC0, 0x01], key_df: None, key_ref: 0x01 }],
        pin_ref: 0x10,
        puk_ref: 0x11,
        ref_bit: RefBit::Never,
    },
    // ST2022 (JSign4) over NFC: ATR without CNS marker, classic file ids under the AID (O:
    // #3806). A STIncard product: keep the 0x80 reference bit (CNS spec §6). Over contact the
    // same chip has a CNS ATR and the classic layout (O: #3755), served by "classic".
    Lot {
        id: LotId::St2022Nfc,
        name: "CNS ST2022 (JSign4)",
        recognition: Recognition { atr_hint: None, needs_cns_atr: false },
        root: Root::Application(&AID_ST2022),
        card_number: (&[0x10, 0x00, 0x10, 0x03], NumberEncoding::Ascii16),
        personal_data: &[0x11, 0x00, 0x11, 0x02],
        key_sets: &[CNS0],
        pin_ref: 0x10,
        puk_ref: 0x11,
        ref_bit: RefBit::Always,
    },
];

/// The lots to probe for a card, in order. `cns_atr`: (H3, H4, H5) of a contact CNS ATR, or
/// `None` when the ATR has no CNS marker (contactless and other bare ATRs).
///
/// Order: the lot the ATR hints at first; then, for a CNS ATR, the classic layout (free: its
/// first file select is the probe); then the application lots (one SELECT AID each).
pub fn probe_order(cns_atr: Option<(u8, u8, u8)>) -> Vec<&'static Lot> {
    let hinted = |l: &Lot| match (l.recognition.atr_hint, cns_atr) {
        (Some((ic, os, min_major)), Some((h3, h4, h5))) => ic == h3 && os == h4 && h5 >= min_major,
        _ => false,
    };
    let mut out: Vec<&'static Lot> = LOTS.iter().filter(|l| hinted(l)).collect();
    for l in LOTS {
        let eligible = cns_atr.is_some() || !l.recognition.needs_cns_atr;
        if eligible && !out.iter().any(|o| o.id == l.id) {
            out.push(l);
        }
    }
    // Without a CNS ATR only application lots can be probed; with one, a hinted MF lot
    // (IDEMIA) already covers the classic files, so "classic" adds nothing after it.
    if out.first().is_some_and(|l| l.root == Root::Mf && l.id != LotId::Classic) {
        out.retain(|l| l.id != LotId::Classic);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&Lot]) -> Vec<&'static str> {
        v.iter().map(|l| l.id.name()).collect()
    }

    #[test]
    fn probe_order_is_cheapest_first_and_follows_the_atr_hint() {
        // CPS (STIncard on ST): classic first; then IDEMIA's extra certificate place and the
        // application lots, only if the classic files are absent.
        assert_eq!(ids(&probe_order(Some((0x02, 0x09, 0x17)))), ["classic", "idemia2021", "ace2025", "st2022-nfc"]);
        // G&D on NXP: the ACe 2025 AID first.
        assert_eq!(ids(&probe_order(Some((0x04, 0x04, 0xB8)))), ["ace2025", "classic", "idemia2021", "st2022-nfc"]);
        // IDEMIA 2021: its own MF layout (a superset of classic) replaces classic.
        assert_eq!(ids(&probe_order(Some((0x05, 0x05, 0x20)))), ["idemia2021", "ace2025", "st2022-nfc"]);
        // Infineon/IDEMIA with an older OS is not the 2021 lot.
        assert_eq!(ids(&probe_order(Some((0x05, 0x05, 0x10))))[0], "classic");
        // No CNS ATR (NFC): only the application lots.
        assert_eq!(ids(&probe_order(None)), ["ace2025", "st2022-nfc"]);
    }

    #[test]
    fn every_lot_is_consistent() {
        for (i, l) in LOTS.iter().enumerate() {
            assert!(LOTS[i + 1..].iter().all(|o| o.id != l.id), "{:?} twice", l.id);
            assert!(!l.key_sets.is_empty(), "{:?}", l.id);
            assert_eq!(l.card_number.0.len() % 2, 0);
            if let Root::Application(aid) = l.root {
                assert!((5..=16).contains(&aid.len()), "{:?}", l.id);
            }
        }
    }
}
