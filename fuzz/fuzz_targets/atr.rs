//! ATR parsing and card recognition: any bytes, no panic; a recognised card's text is printable.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let x = tessera_core::card::identity::explain(data);
    assert!(!x.historical_text.chars().any(char::is_control));
    let id = tessera_core::card::CardIdentity::of(data);
    let _ = (id.card_type(), id.issuer(), id.policy());
});
