//! Certificates from any bytes (DER, PEM): summary, import, DER parts, public key.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_core::cert;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = cert::summarize_at(data, 1_800_000_000) {
        for f in [&s.subject, &s.issuer_dn, &s.issuer, &s.holder] {
            assert!(!f.chars().any(char::is_control), "{f:?}");
        }
    }
    let _ = cert::import(data);
    let _ = cert::der_parts(data);
    let _ = cert::rsa_public_key(data);
});
