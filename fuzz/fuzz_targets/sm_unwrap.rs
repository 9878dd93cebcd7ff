//! CIE secure-messaging answers from any bytes: unwrap never panics, and only answers with a
//! valid MAC are accepted (a fuzzer cannot forge one, so acceptance means an error status).
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_core::apdu::ResponseApdu;
use tessera_core::card::cie::sm::SmSession;
use zeroize::Zeroizing;

fuzz_target!(|data: &[u8]| {
    let Ok(resp) = ResponseApdu::from_bytes(data) else { return };
    let mut s = SmSession::new(Zeroizing::new([0x11; 16]), Zeroizing::new([0x22; 16]), [0, 0, 0, 0, 0, 0, 0, 1]);
    if let Ok(r) = s.unwrap(&resp) {
        // Without the MAC key the only answers taken are unauthenticated error statuses.
        assert!(r.data().is_empty() || !resp.sw.is_ok(), "{data:02X?}");
    }
});
