//! Response APDUs, status words, command decoding and FCI templates from any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_core::apdu::{CommandApdu, Fci, ResponseApdu};

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = ResponseApdu::from_bytes(data) {
        assert_eq!(r.data().len() + 2, data.len());
        let _ = r.sw.to_string();
    }
    if let Ok(c) = CommandApdu::from_bytes(data) {
        // What decodes re-encodes to a command that decodes the same.
        let again = CommandApdu::from_bytes(&c.to_bytes()).expect("re-encoded command decodes");
        assert_eq!(again.to_bytes(), c.to_bytes());
    }
    let _ = Fci::parse(data);
    let _ = tessera_core::card::iso7816::der_total_len(data);
});
