//! The card types Tessera supports, as ATR and mask pairs: how Windows registers a card type for
//! a minidriver (`Calais\SmartCards\<name>`: a card matches when its ATR has the entry's length
//! and `atr & mask == entry.atr`). Made from what [`super::identity`] recognises — the CNS rule
//! (15 historical bytes with "CNS" at H10..H12) over the interface-byte layouts of the CNS ATRs
//! in use, and every CIE family's pattern at the start of the historical bytes — so that the
//! installer registers exactly the cards the core reads (one source).

use super::detect::{ATR_CPS_TRENTINO, ATR_TSCNS_TRENTO};
use super::identity::CIE_FAMILIES;

/// One card type as Windows registers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtrMask {
    /// The card type's name (the registry key's name): "Tessera CNS", "Tessera CIE NXP", …
    pub name: String,
    /// The ATR, with the bytes the mask clears set to 0.
    pub atr: Vec<u8>,
    /// 0xFF where the ATR must match, 0x00 where any byte does.
    pub mask: Vec<u8>,
}

impl AtrMask {
    /// Whether Windows would take `atr` for this card type.
    pub fn matches(&self, atr: &[u8]) -> bool {
        atr.len() == self.atr.len() && atr.iter().zip(&self.mask).zip(&self.atr).all(|((a, m), e)| a & m == *e)
    }
}

/// The positions of an ATR's TDi bytes and where its historical bytes start (`None` when the
/// interface bytes run past the end).
fn layout(atr: &[u8]) -> Option<(Vec<usize>, usize)> {
    let mut y = atr.get(1)? >> 4;
    let mut i = 2;
    let mut tds = Vec::new();
    loop {
        i += (y & 0x07).count_ones() as usize;
        if y & 0x08 == 0 {
            return Some((tds, i));
        }
        let td = *atr.get(i)?;
        tds.push(i);
        i += 1;
        y = td >> 4;
    }
}

/// The CNS entry for an ATR of one interface-byte layout: TS, T0 and the TDi bytes (the layout
/// itself), H1 H2 (`00 6B`) and "CNS" at H10..H12 must match; the makers, versions, other
/// interface bytes and TCK may be anything.
fn cns(name: &str, example: &[u8]) -> Option<AtrMask> {
    let (tds, hist) = layout(example)?;
    let mut mask = vec![0u8; example.len()];
    for i in [0, 1].into_iter().chain(tds).chain([hist, hist + 1]).chain(hist + 9..hist + 12) {
        *mask.get_mut(i)? = 0xFF;
    }
    let atr = example.iter().zip(&mask).map(|(a, m)| a & m).collect();
    Some(AtrMask { name: name.to_owned(), atr, mask })
}

/// The ATR of the ST2022 lot over NFC (CNS spec §1.5): the contactless family the core reads by
/// probing, seen on a CNS lot.
pub const ST2022_NFC_ATR: [u8; 5] = [0x3B, 0x80, 0x80, 0x01, 0x01];

/// Every card type: the two CNS layouts (TD1 = 81, as the CPS and most lots; TD1 = C1 with a
/// TC2, as the Trento TS-CNS), the ST2022 ATR over NFC, then each CIE family with 15 historical bytes (T0 = 8F) and, when
/// its pattern fits, 11 (T0 = 8B).
pub fn atr_masks() -> Vec<AtrMask> {
    let mut out: Vec<AtrMask> = [cns("Tessera CNS", &ATR_CPS_TRENTINO), cns("Tessera CNS (TS-CNS)", &ATR_TSCNS_TRENTO)].into_iter().flatten().collect();
    // Over NFC a CNS has no CNS marker: only the exact ATR seen on the ST2022 lot (an ISO
    // 14443-4 card without historical bytes) is claimed; the driver refuses, with nothing sent
    // but application selects, a card of that ATR that is not a CNS.
    out.push(AtrMask { name: "Tessera CNS (contactless)".into(), atr: ST2022_NFC_ATR.to_vec(), mask: vec![0xFF; ST2022_NFC_ATR.len()] });
    for f in CIE_FAMILIES {
        for t0 in [0x8Fu8, 0x8B] {
            let hist = usize::from(t0 & 0x0F);
            if f.pattern.len() > hist {
                continue;
            }
            // 3B T0 80 01: TD1 (T=0, TD2 follows), TD2 (T=1), so a TCK ends the ATR.
            let mut atr = vec![0x3B, t0, 0x80, 0x01];
            atr.extend_from_slice(f.pattern);
            let mut mask = vec![0xFF; atr.len()];
            atr.resize(4 + hist + 1, 0);
            mask.resize(atr.len(), 0);
            let name = if t0 == 0x8F { format!("Tessera CIE {}", f.name) } else { format!("Tessera CIE {} (short)", f.name) };
            out.push(AtrMask { name, atr, mask });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{CardIdentity, CardType};

    fn unhex(s: &str) -> Vec<u8> {
        s.split_whitespace().map(|b| u8::from_str_radix(b, 16).expect("hex")).collect()
    }

    /// Each entry takes the real ATRs of its kind, and nothing the core would not read.
    #[test]
    fn the_entries_take_the_cards_the_core_reads() {
        let all = atr_masks();
        let find = |atr: &[u8]| all.iter().filter(|e| e.matches(atr)).map(|e| e.name.clone()).collect::<Vec<_>>();
        let cns = [
            // CPS (STIncard), Trento TS-CNS, ACe 2025, IDEMIA 2021 (CNS spec §1.5).
            "3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 17 17 01 11 01 43 4E 53 11 31 80 8C",
            "3B FF 18 00 FF C1 0A 31 FE 55 00 6B 05 08 C8 0C 01 11 01 43 4E 53 10 31 80 05",
            "3B FF 18 00 FF 81 31 FE 4D 00 6B 04 04 B8 5B 01 F1 01 43 4E 53 10 31 80 9D",
            "3B FF 18 00 00 81 31 FE 45 00 6B 05 05 20 00 01 21 01 43 4E 53 10 31 80 79",
        ];
        for a in cns {
            let atr = unhex(a);
            assert_eq!(find(&atr).len(), 1, "{a}: {:?}", find(&atr));
            assert!(matches!(CardIdentity::of(&atr).card_type(), Some(CardType::Cps | CardType::TsCns | CardType::Cns)), "{a}");
        }
        // A CIE of each family with 15 historical bytes.
        for f in CIE_FAMILIES {
            let mut atr = vec![0x3B, 0x8F, 0x80, 0x01];
            atr.extend_from_slice(f.pattern);
            atr.resize(20, 0x5A);
            assert_eq!(find(&atr), vec![format!("Tessera CIE {}", f.name)], "{}", f.name);
            assert!(CardIdentity::of(&atr).is_cie(), "{}", f.name);
        }
        assert_eq!(find(&ST2022_NFC_ATR), vec!["Tessera CNS (contactless)".to_owned()]);
        // Not ours: an ATR without the CNS marker, of the CNS length.
        let mut other = unhex(cns[0]);
        other[18] = b'X';
        assert!(find(&other).is_empty());
        // Names are unique (they are registry keys).
        let mut names: Vec<_> = all.iter().map(|e| e.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }
}
