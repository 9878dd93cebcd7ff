//! DH domain parameters and public values from the card: checked without panics; whatever
//! passes the checks is safe for the modular arithmetic that follows.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_core::card::cie::crypto;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (a, b) = (usize::from(data[0]) * 2, usize::from(data[1]) * 2);
    let rest = &data[2..];
    let a = a.min(rest.len());
    let (g, rest) = rest.split_at(a);
    let b = b.min(rest.len());
    let (q, p) = rest.split_at(b);
    if crypto::check_dh_params(g, p, q).is_ok() {
        let y = crypto::mod_pow(g, &[3], p, p.len());
        let _ = crypto::check_dh_public(&y, p);
    }
    let _ = crypto::check_dh_public(g, p);
    let _ = crypto::recover_9796(p, q, g);
});
