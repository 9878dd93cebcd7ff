//! EF_DatiPersonali from any bytes: no panic, and every field is printable text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(p) = tessera_core::card::cns::PersonalData::parse(data) {
        for f in [&p.surname, &p.name, &p.codice_fiscale, &p.residence, &p.birth_place, &p.sex, &p.issuer_code] {
            assert!(!f.chars().any(char::is_control), "{f:?}");
        }
    }
});
