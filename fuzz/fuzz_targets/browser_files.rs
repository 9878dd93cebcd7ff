//! The browser files Tessera edits (pkcs11.txt, profiles.ini, policies.json) from any text:
//! no panic; adding then removing Tessera's module gives back a file that does not list it
//! unless the user had listed it themselves, and never loses another module.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_files::browser as bf;

const LIB: &str = "/usr/lib/x86_64-linux-gnu/libtessera_pkcs11.so";
const NAME: &str = "Tessera (smart card)";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let before = bf::lists_module(&text, LIB);
    let added = bf::with_module(&text, LIB, NAME);
    assert!(bf::lists_module(&added, LIB));
    if !before {
        let removed = bf::without_module(&added, LIB, NAME).expect("ours is there to remove");
        assert!(!bf::lists_module(&removed, LIB));
    }
    let removed = bf::without_module(&added, LIB, NAME).unwrap_or_else(|| added.clone());
    for line in text.lines().filter(|l| l.starts_with("library=") && !l.contains(LIB)) {
        let lib = &line["library=".len()..];
        if bf::lists_module(&text, lib) {
            assert!(bf::lists_module(&added, lib), "another module was lost when adding: {lib:?}");
            assert!(bf::lists_module(&removed, lib), "another module was lost when removing: {lib:?}");
        }
    }
    let _ = bf::firefox_profiles(&text);
    if let Ok(out) = bf::with_security_device(data, NAME, LIB) {
        // What was written reads back and still has the device.
        let again = bf::with_security_device(out.as_bytes(), NAME, LIB).expect("our own output parses");
        assert!(again.contains(NAME));
    }
});
