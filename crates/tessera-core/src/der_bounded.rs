//! Owned DER decoding that cannot be talked into allocating more than its input.
//!
//! `der` 0.7's owned types (x509-cert's `Certificate`, cms's `ContentInfo`, `OctetString`, `Any`,
//! `Int`, …) allocate a value's buffer from the length its header claims *before* checking that
//! the bytes are there (`Reader::read_vec`). A 12-byte input whose INTEGER claims 256 MiB costs a
//! 256 MiB zeroed allocation and about 0.4 s per decode (found by the `certificate` fuzz target
//! as a 13 s timeout). Certificates come from cards, files and browsers' calls into the module,
//! so every owned decode of bytes Tessera did not make goes through [`decode`]: first each TLV's
//! length is checked against the bytes its parent holds, with `der`'s borrowing reader (`AnyRef`
//! borrows, it never allocates), descending into constructed values; only then is the owned type
//! decoded, and then no header can claim more than the input has.

use der::{Decode, ErrorKind, Reader, SliceReader, Tagged, asn1::AnyRef};

/// How deep constructed values may nest. A CIE's EF.SOD (ContentInfo → SignedData →
/// certificate → name) nests about 12 deep; anything near this is not a certificate or a SOD,
/// and the bound keeps the walk's stack small whatever the input.
const MAX_DEPTH: usize = 48;

/// Decodes `bytes` as `T` once every length in them is known to fit.
pub fn decode<'a, T: Decode<'a>>(bytes: &'a [u8]) -> der::Result<T> {
    check_lengths(bytes, 0)?;
    T::from_der(bytes)
}

/// Every TLV in `bytes`, and in every constructed value below, fits in the bytes that hold it.
fn check_lengths(bytes: &[u8], depth: usize) -> der::Result<()> {
    let mut reader = SliceReader::new(bytes)?;
    while !reader.is_finished() {
        let tlv = AnyRef::decode(&mut reader)?;
        if tlv.tag().is_constructed() {
            if depth >= MAX_DEPTH {
                return Err(ErrorKind::Value { tag: tlv.tag() }.into());
            }
            check_lengths(tlv.value(), depth + 1)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::decode;
    use x509_cert::Certificate;

    /// A certificate SEQUENCE whose first field, an INTEGER, claims 0x0FFFFFFF bytes (256 MiB,
    /// der's largest length) with two bytes present.
    const HUGE_CLAIM: [u8; 12] = [0x30, 0x0A, 0x30, 0x08, 0x02, 0x84, 0x0F, 0xFF, 0xFF, 0xFF, 0x00, 0x00];

    #[test]
    fn a_length_larger_than_its_parent_is_refused() {
        assert!(decode::<Certificate>(&HUGE_CLAIM).is_err());
    }

    #[test]
    fn deep_nesting_is_refused_without_deep_recursion() {
        // 2000 nested SEQUENCEs, each length in the long form so they nest exactly.
        let mut bytes = vec![0x05, 0x00];
        for _ in 0..2000 {
            let len = bytes.len();
            let mut outer = vec![0x30, 0x82, (len >> 8) as u8, len as u8];
            outer.extend_from_slice(&bytes);
            bytes = outer;
        }
        assert!(super::check_lengths(&bytes, 0).is_err());
    }

    #[test]
    fn a_well_formed_sod_and_its_certificate_still_decode() {
        // Made with openssl by tests/fixtures/cie-sod/make.sh: nothing in Tessera produced it.
        let bytes = include_bytes!("../tests/fixtures/cie-sod/content-info-sha256.der");
        let ci = decode::<cms::content_info::ContentInfo>(bytes).expect("the fixture decodes");
        let sd: cms::signed_data::SignedData = ci.content.decode_as().expect("a SignedData");
        let certs = sd.certificates.expect("the Document Signer's certificate");
        assert_eq!(certs.0.len(), 1);
    }
}
