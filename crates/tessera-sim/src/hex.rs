//! Hex text to bytes, for the simulator's constants and tests.

/// Bytes of a hex string; spaces are ignored. Panics on anything else: the input is always a
/// constant written in this crate.
pub(crate) fn unhex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    #[allow(clippy::expect_used)]
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).expect("ASCII"), 16).expect("hex constant"))
        .collect()
}
