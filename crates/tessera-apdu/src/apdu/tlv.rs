//! The file control information a SELECT returns (ISO/IEC 7816-4 §7.4), parsed and built with
//! the `iso7816-tlv` crate.

use iso7816_tlv::ber::{Tag, Tlv, Value};

/// File control information (template 6F, or FCP template 62).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fci {
    /// File size in bytes (tag 80, or 81).
    pub size: Option<u16>,
    /// File descriptor byte (tag 82): 01 transparent EF, 38 DF.
    pub descriptor: Option<u8>,
    /// File identifier (tag 83).
    pub fid: Option<u16>,
    /// Security attributes in the CNS compact form (tag 86), 9 bytes on CNS cards.
    pub acl: Vec<u8>,
    /// Life-cycle status (tag 8A): 05 = activated.
    pub life_cycle: Option<u8>,
}

fn tag(t: u8) -> Option<Tag> {
    Tag::try_from(t).ok()
}

fn primitive(tlv: &Tlv) -> Option<&[u8]> {
    match tlv.value() {
        Value::Primitive(v) => Some(v),
        Value::Constructed(_) => None,
    }
}

fn be_u16(v: &[u8]) -> Option<u16> {
    match v {
        [a, b] => Some(u16::from_be_bytes([*a, *b])),
        [a] => Some(u16::from(*a)),
        _ => None,
    }
}

impl Fci {
    /// Parses a 6F or 62 template; `None` if the bytes are not one (never panics).
    pub fn parse(bytes: &[u8]) -> Option<Fci> {
        let tlv = Tlv::from_bytes(bytes).ok()?;
        let t = tlv.tag().to_bytes();
        if t != [0x6F] && t != [0x62] {
            return None;
        }
        let find = |x: u8| tag(x).and_then(|tg| tlv.find(&tg)).and_then(primitive);
        Some(Fci {
            size: find(0x80).or_else(|| find(0x81)).and_then(be_u16),
            descriptor: find(0x82).and_then(|v| v.first().copied()),
            fid: find(0x83).and_then(be_u16),
            acl: find(0x86).map(<[u8]>::to_vec).unwrap_or_default(),
            life_cycle: find(0x8A).and_then(|v| v.first().copied()),
        })
    }

    /// Encodes a 6F template with the fields that are set.
    pub fn encode(&self) -> Vec<u8> {
        let mut items = Vec::new();
        let mut push = |t: u8, v: Vec<u8>| {
            if let Some(tlv) = tag(t).and_then(|tg| Tlv::new(tg, Value::Primitive(v)).ok()) {
                items.push(tlv);
            }
        };
        if let Some(s) = self.size {
            push(0x80, s.to_be_bytes().to_vec());
        }
        if let Some(d) = self.descriptor {
            push(0x82, vec![d]);
        }
        if let Some(f) = self.fid {
            push(0x83, f.to_be_bytes().to_vec());
        }
        if !self.acl.is_empty() {
            push(0x86, self.acl.clone());
        }
        if let Some(l) = self.life_cycle {
            push(0x8A, vec![l]);
        }
        tag(0x6F)
            .and_then(|t| Tlv::new(t, Value::Constructed(items)).ok())
            .map(|t| t.to_vec())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_a_cns_ef_fci() {
        // Shape of a CNS EF_DatiPersonali FCI (CNS spec §2.5): size 0x190, transparent EF, FID
        // 1102, ACL "read always", activated.
        let bytes = [
            0x6F, 0x19, 0x80, 0x02, 0x01, 0x90, 0x82, 0x01, 0x01, 0x83, 0x02, 0x11, 0x02, 0x86, 0x09, 0x00, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x8A, 0x01, 0x05,
        ];
        let f = Fci::parse(&bytes).expect("parses");
        assert_eq!(f.size, Some(400));
        assert_eq!(f.descriptor, Some(0x01));
        assert_eq!(f.fid, Some(0x1102));
        assert_eq!(f.acl.first(), Some(&0x00));
        assert_eq!(f.life_cycle, Some(0x05));
        assert_eq!(f.encode(), bytes.to_vec());
    }

    #[test]
    fn other_templates_are_refused() {
        assert_eq!(Fci::parse(&[0x70, 0x00]), None);
        assert_eq!(Fci::parse(&[]), None);
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let _ = Fci::parse(&bytes);
        }

        #[test]
        fn round_trips(size: Option<u16>, desc: Option<u8>, fid: Option<u16>,
                       acl in proptest::collection::vec(any::<u8>(), 0..12), lcs: Option<u8>) {
            let f = Fci { size, descriptor: desc, fid, acl, life_cycle: lcs };
            prop_assert_eq!(Fci::parse(&f.encode()), Some(f));
        }
    }
}
