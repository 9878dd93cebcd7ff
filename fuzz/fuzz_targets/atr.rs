//! ATR parsing and card recognition: any bytes, no panic; a recognised card's text is printable.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let x = tessera_core::card::detect::explain(data);
    assert!(!x.historical_text.chars().any(char::is_control));
    let _ = tessera_core::card::detect::identify(data);
    let _ = tessera_core::service::PinPolicy::from_atr(data);
});
