//! BER-TLV lookups the CIE's answers need, over `iso7816-tlv`'s objects.

use iso7816_tlv::ber::{Tag, Tlv, Value};

/// A BER tag from its bytes.
pub(super) fn tag(bytes: &[u8]) -> Option<Tag> {
    Tag::try_from(bytes.iter().fold(0u64, |a, &b| (a << 8) | u64::from(b))).ok()
}

/// Follows a path of tags down the direct children of nested BER-TLV data. (`Tlv::find`
/// only returns primitive objects, so constructed ones are looked up here.)
pub(super) fn dig<'a>(tlv: &'a Tlv, path: &[&[u8]]) -> Option<&'a Tlv> {
    let mut cur = tlv;
    for t in path {
        let want = tag(t)?;
        cur = match cur.value() {
            Value::Constructed(c) => c.iter().find(|x| *x.tag() == want)?,
            Value::Primitive(_) => return None,
        };
    }
    Some(cur)
}

/// The value of a primitive object.
pub(super) fn primitive(t: &Tlv) -> Option<Vec<u8>> {
    match t.value() {
        Value::Primitive(v) => Some(v.clone()),
        Value::Constructed(_) => None,
    }
}

/// The values of a constructed object's primitive children.
pub(super) fn children(t: &Tlv) -> Vec<Vec<u8>> {
    match t.value() {
        Value::Constructed(c) => c.iter().filter_map(primitive).collect(),
        Value::Primitive(_) => Vec::new(),
    }
}
