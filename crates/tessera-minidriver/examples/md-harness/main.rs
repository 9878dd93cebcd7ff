//! Drives Tessera's minidriver as the Base CSP / Smart Card KSP would, on Windows or under Wine:
//! finds the driver Windows would use for the card in the reader (the Calais registration the
//! MSI wrote: ATR and mask, `80000001`), loads it, acquires a context inside a PC/SC transaction
//! and checks every answer. Secrets come on stdin, one per line, never in argv.
//!
//! Usage: md-harness MODE
//! - `check cns|cie` — the full run on a fresh card: version negotiation, the files, the
//!   container key against the certificate, every property, the unsupported entry points, a
//!   wrong then a right PIN, PKCS#1 (SHA-256/384/512, v1 ALG_ID, the caller's DigestInfo,
//!   size only), PSS (CNS: verified; CIE: refused), deauthentication, a PIN change there and
//!   back. Stdin: PIN, new PIN.
//! - `blocked` — a card whose PIN is blocked: authentication refused with nothing sent, then
//!   the unblock with the PUK through the driver and a login with the new PIN. Stdin: PUK, new PIN.
//! - `removal` — signs, asks for the card to be pulled (checkpoint `remove`), signs again
//!   (SCARD_W_REMOVED_CARD), asks for it back (`insert`) and recovers. Stdin: PIN.
//! - `threads` — two contexts on two handles in two threads, each logging in and signing.
//!   Stdin: PIN.
//!
//! With TESSERA_HARNESS_CHECKPOINTS=DIR, it creates DIR/NAME at each checkpoint and waits until
//! the caller removes it (the caller counts the card's APDUs there, or pulls the card).
//! Prints one line per check; exits 1 at the first failure. Every allocation the driver hands
//! back goes through a counting pfnCspAlloc / pfnCspFree: a leak or a double free fails the run.

#[cfg(not(windows))]
fn main() {
    eprintln!("md-harness runs on Windows (or under Wine): it loads the Windows minidriver");
    std::process::exit(2);
}

#[cfg(windows)]
mod provider;

#[cfg(windows)]
fn main() {
    std::process::exit(run());
}

#[cfg(windows)]
use provider::*;
#[cfg(windows)]
use rsa::pkcs1v15::Pkcs1v15Sign;
#[cfg(windows)]
use rsa::pss::Pss;
#[cfg(windows)]
use rsa::RsaPublicKey;
#[cfg(windows)]
use sha2::{Digest, Sha256, Sha384, Sha512};
#[cfg(windows)]
use std::time::Instant;
#[cfg(windows)]
use tessera_core::error_table::scard;
#[cfg(windows)]
use windows_sys::Win32::Security::Cryptography as wc;

#[cfg(windows)]
fn container_key(c: &Ctx) -> Vec<u8> {
    let mut info = wc::CONTAINER_INFO { dwVersion: wc::CONTAINER_INFO_CURRENT_VERSION, ..Default::default() };
    // SAFETY: the driver's entry point with our structure.
    let rv = unsafe { c.data.pfnCardGetContainerInfo.expect("GetContainerInfo")(c.cd(), 0, 0, &mut info) };
    expect(rv, 0, "CardGetContainerInfo");
    if !info.pbSigPublicKey.is_null() {
        fail("a signature key next to the key-exchange key");
    }
    take(info.pbKeyExPublicKey, info.cbKeyExPublicKey)
}

#[cfg(windows)]
fn digest_info(hash: &str, d: &[u8]) -> Vec<u8> {
    let prefix = match hash {
        "SHA256" => Pkcs1v15Sign::new::<Sha256>().prefix,
        "SHA384" => Pkcs1v15Sign::new::<Sha384>().prefix,
        _ => Pkcs1v15Sign::new::<Sha512>().prefix,
    };
    [&prefix[..], d].concat()
}

#[cfg(windows)]
fn setup(card_name_hint: &str) -> (Reader, Handle, Acquire, String) {
    let r = reader();
    let h = connect(&r);
    let (name, dll) = registered_driver(&h.atr);
    ok(&format!("registered card type \"{name}\" takes the ATR; driver {dll}"));
    if !name.contains(card_name_hint) {
        fail(&format!("expected a \"{card_name_hint}\" card type, Windows would use \"{name}\""));
    }
    (r, h, load(&dll), name)
}

#[cfg(windows)]
fn check(kind: &str) {
    let pin = stdin_line();
    let new_pin = stdin_line();
    let cie = kind == "cie";
    let (r, h, f, name) = setup(if cie { "CIE" } else { "CNS" });
    begin(&h);
    // Version negotiation.
    let (rv, _c) = acquire(f, &h, r.ctx, &name, 3);
    expect(rv, 1306, "version 3 refused (ERROR_REVISION_MISMATCH)");
    let (rv, c8) = acquire(f, &h, r.ctx, &name, 8);
    expect(rv, 0, "version 8 asked");
    if c8.data.dwVersion != 7 {
        fail(&format!("version 8 asked: answered {}, not 7", c8.data.dwVersion));
    }
    ok("version 8 asked: 7 answered");
    drop(c8);
    checkpoint("acquire-start");
    let t = Instant::now();
    let (rv, c) = acquire(f, &h, r.ctx, &name, 7);
    let acquire_ms = t.elapsed().as_secs_f64() * 1000.0;
    expect(rv, 0, "CardAcquireContext v7");
    checkpoint("acquire-end");

    // The files.
    let cardid = c.read(None, "cardid").unwrap_or_else(|e| fail(&format!("cardid {e:#x}")));
    if cardid.len() != 16 {
        fail("cardid is not 16 bytes");
    }
    if c.prop(wc::CP_CARD_GUID, 0).ok().as_deref() != Some(&cardid[..]) {
        fail("CP_CARD_GUID differs from cardid");
    }
    ok("cardid: 16 bytes, = CP_CARD_GUID");
    if c.read(None, "cardcf").map(|v| v.len()).ok() != Some(6) {
        fail("cardcf is not 6 bytes");
    }
    if c.read(None, "cardapps").ok().as_deref() != Some(&b"mscp\0\0\0\0"[..]) {
        fail("cardapps is not \"mscp\"");
    }
    ok("cardcf 6 bytes, cardapps \"mscp\"");
    let cmap = c.read(Some("mscp"), "cmapfile").unwrap_or_else(|e| fail(&format!("cmapfile {e:#x}")));
    if cmap.len() != 86 || cmap[80] != 3 {
        fail(&format!("cmapfile: {} bytes, flags {:?}", cmap.len(), cmap.get(80)));
    }
    let bits = u16::from_le_bytes([cmap[84], cmap[85]]);
    ok(&format!("cmapfile: one valid default container, key-exchange key of {bits} bits"));
    let cert = c.read(Some("mscp"), "kxc00").unwrap_or_else(|e| fail(&format!("kxc00 {e:#x}")));
    let key: RsaPublicKey = tessera_core::cert::rsa_public_key(&cert).unwrap_or_else(|_| fail("kxc00 is not an RSA certificate"));
    let blob = container_key(&c);
    use rsa::traits::PublicKeyParts;
    let mut n = blob[20..].to_vec();
    n.reverse();
    if rsa::BigUint::from_bytes_be(&n) != *key.n() || key.n().bits() != usize::from(bits) {
        fail("the container key is not the certificate's key");
    }
    ok("kxc00 parses; the container's PUBLICKEYBLOB is the certificate's key");
    expect(c.read(Some("mscp"), "ksc00").err().unwrap_or(0), scard::E_FILE_NOT_FOUND, "mscp/ksc00: SCARD_E_FILE_NOT_FOUND");
    expect(c.read(Some("nope"), "x").err().unwrap_or(0), scard::E_DIR_NOT_FOUND, "nope/x: SCARD_E_DIR_NOT_FOUND");
    {
        let (mut p, mut len) = (std::ptr::null_mut(), 0u32);
        // SAFETY: the driver's entry point.
        let rv = unsafe { c.data.pfnCardEnumFiles.expect("EnumFiles")(c.cd(), c"mscp".as_ptr().cast(), &mut p, &mut len, 0) };
        expect(rv, 0, "CardEnumFiles mscp");
        if take(p.cast(), len) != b"cmapfile\0kxc00\0\0" {
            fail("mscp lists other files");
        }
        let mut fi = wc::CARD_FILE_INFO { dwVersion: 1, ..Default::default() };
        // SAFETY: the driver's entry point.
        let rv = unsafe { c.data.pfnCardGetFileInfo.expect("GetFileInfo")(c.cd(), c"mscp".as_ptr().cast(), c"kxc00".as_ptr().cast(), &mut fi) };
        expect(rv, 0, "CardGetFileInfo mscp/kxc00");
        if fi.cbFileSize as usize != cert.len() {
            fail("CardGetFileInfo's size differs from the file's");
        }
    }
    // Capabilities, sizes, space.
    let mut caps = wc::CARD_CAPABILITIES { dwVersion: 1, ..Default::default() };
    // SAFETY: the driver's entry points with our structures.
    unsafe {
        expect(c.data.pfnCardQueryCapabilities.expect("caps")(c.cd(), &mut caps), 0, "CardQueryCapabilities");
        if caps.fKeyGen != 0 {
            fail("key generation offered");
        }
        let mut ks = wc::CARD_KEY_SIZES { dwVersion: 1, ..Default::default() };
        expect(c.data.pfnCardQueryKeySizes.expect("keysizes")(c.cd(), wc::AT_KEYEXCHANGE, 0, &mut ks), 0, "CardQueryKeySizes");
        if ks.dwDefaultBitlen != u32::from(bits) {
            fail("CardQueryKeySizes differs from the key");
        }
        let mut fs = wc::CARD_FREE_SPACE_INFO { dwVersion: 1, ..Default::default() };
        expect(c.data.pfnCardQueryFreeSpace.expect("freespace")(c.cd(), 0, &mut fs), 0, "CardQueryFreeSpace");
    }
    // Properties.
    let dword = |v: Result<Vec<u8>, u32>, what: &str| -> u32 {
        let v = v.unwrap_or_else(|e| fail(&format!("{what}: {e:#x}")));
        u32::from_le_bytes(v.get(..4).unwrap_or_else(|| fail(what)).try_into().expect("4"))
    };
    if dword(c.prop(wc::CP_CARD_READ_ONLY, 0), "CP_CARD_READ_ONLY") != 1 {
        fail("not read-only");
    }
    if dword(c.prop(wc::CP_SUPPORTS_WIN_X509_ENROLLMENT, 0), "CP_SUPPORTS_WIN_X509_ENROLLMENT") != 0 {
        fail("offers enrolment");
    }
    let _ = dword(c.prop(wc::CP_CARD_CACHE_MODE, 0), "CP_CARD_CACHE_MODE");
    if dword(c.prop(wc::CP_CARD_LIST_PINS, 0), "CP_CARD_LIST_PINS") & (1 << wc::ROLE_USER) == 0 {
        fail("the user PIN is not listed");
    }
    if dword(c.prop(wc::CP_CARD_PIN_STRENGTH_VERIFY, wc::ROLE_USER), "CP_CARD_PIN_STRENGTH_VERIFY") != wc::CARD_PIN_STRENGTH_PLAINTEXT {
        fail("PIN strength");
    }
    let pi = c.prop(wc::CP_CARD_PIN_INFO, wc::ROLE_USER).unwrap_or_else(|e| fail(&format!("CP_CARD_PIN_INFO {e:#x}")));
    // SAFETY: the bytes of a PIN_INFO the driver wrote.
    let pi: wc::PIN_INFO = unsafe { std::ptr::read_unaligned(pi.as_ptr().cast()) };
    if pi.PinCachePolicy.PinCachePolicyType != wc::PinCacheNone {
        fail("the PIN may be cached by the provider");
    }
    for p in [wc::CP_CARD_KEYSIZES, wc::CP_CARD_FREE_SPACE, wc::CP_CARD_CAPABILITIES] {
        c.prop(p, 0).unwrap_or_else(|e| fail(&format!("property: {e:#x}")));
    }
    {
        let mut buf = [0u8; 4];
        let mut len = 0u32;
        // SAFETY: the driver's entry points.
        unsafe {
            let rv = c.data.pfnCardGetContainerProperty.expect("ccp")(c.cd(), 0, wc::CCP_PIN_IDENTIFIER, buf.as_mut_ptr(), 4, &mut len, 0);
            expect(rv, 0, "CCP_PIN_IDENTIFIER");
            if u32::from_le_bytes(buf) != wc::ROLE_USER {
                fail("the container's PIN is not the user's");
            }
            let mut ci = [0u8; 64];
            let rv = c.data.pfnCardGetContainerProperty.expect("ccp")(c.cd(), 0, wc::CCP_CONTAINER_INFO, ci.as_mut_ptr(), ci.len() as u32, &mut len, 0);
            expect(rv, 0, "CCP_CONTAINER_INFO");
            let info: wc::CONTAINER_INFO = std::ptr::read_unaligned(ci.as_ptr().cast());
            take(info.pbKeyExPublicKey, info.cbKeyExPublicKey);
            let parent = [0u8; 8];
            expect(c.data.pfnCardSetProperty.expect("setprop")(c.cd(), wc::CP_PARENT_WINDOW, parent.as_ptr(), 8, 0), 0, "CardSetProperty(CP_PARENT_WINDOW) accepted");
        }
    }
    ok("properties: read-only, no enrolment, PIN info (no PIN cache), PIN list, strength, key sizes, space, capabilities, container info, PIN identifier");
    // Unsupported entry points.
    // SAFETY: the driver's entry points.
    unsafe {
        let none = scard::E_UNSUPPORTED_FEATURE;
        expect(c.data.pfnCardCreateContainer.expect("cc")(c.cd(), 1, 0, 0, 2048, std::ptr::null()), none, "CardCreateContainer unsupported");
        expect(c.data.pfnCardDeleteContainer.expect("dc")(c.cd(), 0, 0), none, "CardDeleteContainer unsupported");
        expect(c.data.pfnCardCreateFile.expect("cf")(c.cd(), std::ptr::null(), c"x".as_ptr().cast(), 1, 0), none, "CardCreateFile unsupported");
        expect(c.data.pfnCardWriteFile.expect("wf")(c.cd(), std::ptr::null(), c"cardcf".as_ptr().cast(), 0, [0u8; 6].as_ptr(), 6), none, "CardWriteFile unsupported");
        expect(c.data.pfnCardDeleteFile.expect("df")(c.cd(), std::ptr::null(), c"cardcf".as_ptr().cast(), 0), none, "CardDeleteFile unsupported");
        expect(c.data.pfnCardRSADecrypt.expect("dec")(c.cd(), std::ptr::null_mut()), none, "CardRSADecrypt unsupported");
    }

    // Not logged in: a signature is refused (the provider then asks for the PIN).
    let d = Sha256::digest(b"tls transcript").to_vec();
    let name256 = tessera_minidriver_wide("SHA256");
    let mut p1 = wc::BCRYPT_PKCS1_PADDING_INFO { pszAlgId: name256.as_ptr() };
    let pkcs1 = Some((wc::CARD_PADDING_PKCS1, (&mut p1 as *mut wc::BCRYPT_PKCS1_PADDING_INFO).cast()));
    expect(c.sign(0, 0, pkcs1, &d).err().unwrap_or(0), scard::W_SECURITY_VIOLATION, "sign before login: SCARD_W_SECURITY_VIOLATION");

    // The first login, right after the read (the figures: what a browser's first login costs).
    checkpoint("auth-start");
    let t = Instant::now();
    let (rv, _) = c.auth(&pin);
    let auth_ms = t.elapsed().as_secs_f64() * 1000.0;
    expect(rv, 0, "right PIN");
    checkpoint("auth-end");

    // PKCS#1.
    let t = Instant::now();
    let sig = c.sign(0, 0, pkcs1, &d).unwrap_or_else(|e| fail(&format!("PKCS#1 SHA-256: {e:#x}")));
    let sign_ms = t.elapsed().as_secs_f64() * 1000.0;
    checkpoint("sign-1");
    key.verify(Pkcs1v15Sign::new::<Sha256>(), &d, &sig).unwrap_or_else(|_| fail("PKCS#1 SHA-256 does not verify"));
    ok("PKCS#1 SHA-256 (v2 padding info) verifies with the certificate");
    let _ = c.sign(0, 0, pkcs1, &d).unwrap_or_else(|e| fail(&format!("second signature: {e:#x}")));
    checkpoint("sign-2");
    for (h, alg, dd) in [("SHA384", wc::CALG_SHA_384, Sha384::digest(b"x").to_vec()), ("SHA512", wc::CALG_SHA_512, Sha512::digest(b"x").to_vec())] {
        let w = tessera_minidriver_wide(h);
        let mut p = wc::BCRYPT_PKCS1_PADDING_INFO { pszAlgId: w.as_ptr() };
        let sig = c.sign(0, 0, Some((wc::CARD_PADDING_PKCS1, (&mut p as *mut wc::BCRYPT_PKCS1_PADDING_INFO).cast())), &dd).unwrap_or_else(|e| fail(&format!("PKCS#1 {h}: {e:#x}")));
        let scheme = if h == "SHA384" { Pkcs1v15Sign::new::<Sha384>() } else { Pkcs1v15Sign::new::<Sha512>() };
        key.verify(scheme, &dd, &sig).unwrap_or_else(|_| fail(&format!("PKCS#1 {h} does not verify")));
        let sig = c.sign(0, alg, None, &dd).unwrap_or_else(|e| fail(&format!("v1 {h}: {e:#x}")));
        let scheme = if h == "SHA384" { Pkcs1v15Sign::new::<Sha384>() } else { Pkcs1v15Sign::new::<Sha512>() };
        key.verify(scheme, &dd, &sig).unwrap_or_else(|_| fail(&format!("v1 {h} does not verify")));
        ok(&format!("PKCS#1 {h}: v2 padding info and v1 ALG_ID both verify"));
    }
    let mut none = wc::BCRYPT_PKCS1_PADDING_INFO { pszAlgId: std::ptr::null() };
    let sig = c.sign(0, 0, Some((wc::CARD_PADDING_PKCS1, (&mut none as *mut wc::BCRYPT_PKCS1_PADDING_INFO).cast())), &digest_info("SHA256", &d))
        .unwrap_or_else(|e| fail(&format!("NULL algorithm: {e:#x}")));
    key.verify(Pkcs1v15Sign::new::<Sha256>(), &d, &sig).unwrap_or_else(|_| fail("the caller's DigestInfo does not verify"));
    ok("PKCS#1 with a NULL algorithm (the caller's DigestInfo) verifies");
    let size = c.sign(wc::CARD_BUFFER_SIZE_ONLY, 0, pkcs1, &d).unwrap_or_else(|e| fail(&format!("size only: {e:#x}")));
    if size.len() * 8 != usize::from(bits) {
        fail("CARD_BUFFER_SIZE_ONLY: not the key's length");
    }
    ok("CARD_BUFFER_SIZE_ONLY: the key's length");
    // PSS.
    for (h, dd, salt) in [("SHA256", Sha256::digest(b"tls13").to_vec(), 32u32), ("SHA384", Sha384::digest(b"tls13").to_vec(), 48)] {
        let w = tessera_minidriver_wide(h);
        let mut p = wc::BCRYPT_PSS_PADDING_INFO { pszAlgId: w.as_ptr(), cbSalt: salt };
        checkpoint(&format!("pss-{h}-start"));
        let r = c.sign(0, 0, Some((wc::CARD_PADDING_PSS, (&mut p as *mut wc::BCRYPT_PSS_PADDING_INFO).cast())), &dd);
        checkpoint(&format!("pss-{h}-end"));
        if cie {
            expect(r.err().unwrap_or(0), scard::E_UNSUPPORTED_FEATURE, &format!("CIE: PSS {h} refused (SCARD_E_UNSUPPORTED_FEATURE)"));
            continue;
        }
        let sig = r.unwrap_or_else(|e| fail(&format!("PSS {h}: {e:#x}")));
        let ok_sig = if h == "SHA256" { key.verify(Pss::new_with_salt::<Sha256>(32), &dd, &sig) } else { key.verify(Pss::new_with_salt::<Sha384>(48), &dd, &sig) };
        ok_sig.unwrap_or_else(|_| fail(&format!("PSS {h} does not verify")));
        ok(&format!("PSS {h} (salt {salt}) verifies with the certificate"));
    }
    // Deauthentication leaves the card unverified.
    // SAFETY: the driver's entry point.
    let rv = unsafe { c.data.pfnCardDeauthenticateEx.expect("deauth")(c.cd(), wc::ROLE_USER, 0) };
    expect(rv, 0, "CardDeauthenticateEx");
    expect(c.sign(0, 0, pkcs1, &d).err().unwrap_or(0), scard::W_SECURITY_VIOLATION, "after deauthentication: a signature needs the PIN again");
    // A wrong PIN (one try, counted on the card), one of the wrong length (nothing sent),
    // then the right one again.
    checkpoint("wrong-pin-start");
    let wrong = if pin.starts_with('1') { "22223333" } else { "11112222" };
    let (rv, left) = c.auth(wrong);
    expect(rv, scard::W_WRONG_CHV, "wrong PIN: SCARD_W_WRONG_CHV");
    if left != 2 {
        fail(&format!("wrong PIN: {left} attempts remaining, not 2"));
    }
    ok("wrong PIN: 2 attempts remaining");
    let (rv, _) = c.auth("12");
    expect(rv, scard::E_INVALID_CHV, "PIN of 2 digits refused before the card");
    checkpoint("wrong-pin-end");
    expect(c.auth(&pin).0, 0, "right PIN after a wrong one");
    c.sign(0, 0, pkcs1, &d).unwrap_or_else(|e| fail(&format!("signature after the new login: {e:#x}")));
    // A PIN change through the driver, and back.
    checkpoint("change-start");
    let (rv, _) = c.change(wc::PIN_CHANGE_FLAG_CHANGEPIN, wc::ROLE_USER, &pin, &new_pin);
    expect(rv, 0, "PIN change through CardChangeAuthenticatorEx");
    checkpoint("change-end");
    let (rv, _) = c.change(wc::PIN_CHANGE_FLAG_CHANGEPIN, wc::ROLE_USER, &new_pin, &pin);
    expect(rv, 0, "PIN changed back");
    drop(c);
    end(&h);
    let (allocs, frees) = *COUNTS.lock().expect("lock");
    if allocs != frees || LIVE.lock().expect("lock").as_ref().is_some_and(|m| !m.is_empty()) {
        fail(&format!("allocations: {allocs} made, {frees} freed"));
    }
    ok(&format!("memory: {allocs} buffers handed back through pfnCspAlloc, all freed once"));
    println!("figures: acquire {acquire_ms:.1} ms, authenticate {auth_ms:.1} ms, first signature {sign_ms:.1} ms");
}

#[cfg(windows)]
fn blocked() {
    let puk = stdin_line();
    let new_pin = stdin_line();
    let (r, h, f, name) = setup("");
    begin(&h);
    let (rv, c) = acquire(f, &h, r.ctx, &name, 7);
    expect(rv, 0, "CardAcquireContext");
    checkpoint("blocked-start");
    let (rv, _) = c.auth(&new_pin);
    expect(rv, scard::W_CHV_BLOCKED, "blocked PIN: SCARD_W_CHV_BLOCKED");
    checkpoint("blocked-end");
    checkpoint("unblock-start");
    let (rv, _) = c.change(wc::PIN_CHANGE_FLAG_UNBLOCK, wc::ROLE_PUK, &puk, &new_pin);
    expect(rv, 0, "unblock with the PUK through CardChangeAuthenticatorEx");
    checkpoint("unblock-end");
    let (rv, _) = c.auth(&new_pin);
    expect(rv, 0, "login with the new PIN");
    drop(c);
    end(&h);
}

#[cfg(windows)]
fn removal() {
    let pin = stdin_line();
    let (r, h, f, name) = setup("");
    begin(&h);
    let (rv, c) = acquire(f, &h, r.ctx, &name, 7);
    expect(rv, 0, "CardAcquireContext");
    expect(c.auth(&pin).0, 0, "login");
    let d = Sha256::digest(b"x").to_vec();
    let w = tessera_minidriver_wide("SHA256");
    let mut p = wc::BCRYPT_PKCS1_PADDING_INFO { pszAlgId: w.as_ptr() };
    let pkcs1 = Some((wc::CARD_PADDING_PKCS1, (&mut p as *mut wc::BCRYPT_PKCS1_PADDING_INFO).cast()));
    c.sign(0, 0, pkcs1, &d).unwrap_or_else(|e| fail(&format!("sign: {e:#x}")));
    checkpoint("remove");
    expect(c.sign(0, 0, pkcs1, &d).err().unwrap_or(0), scard::W_REMOVED_CARD, "card removed: SCARD_W_REMOVED_CARD");
    drop(c);
    end(&h);
    checkpoint("insert");
    // As the provider: a new handle and context for the card put back.
    let h2 = connect(&r);
    begin(&h2);
    let (rv, c) = acquire(f, &h2, r.ctx, &name, 7);
    expect(rv, 0, "CardAcquireContext after re-insertion");
    expect(c.auth(&pin).0, 0, "login after re-insertion");
    c.sign(0, 0, pkcs1, &d).unwrap_or_else(|e| fail(&format!("sign after re-insertion: {e:#x}")));
    ok("signature after re-insertion");
    drop(c);
    end(&h2);
}

#[cfg(windows)]
fn threads() {
    let pin = stdin_line();
    let (r, h0, f, name) = setup("CNS");
    drop(h0);
    drop(r);
    std::thread::scope(|s| {
        for t in 0..2 {
            let (name, pin) = (&name, &pin);
            s.spawn(move || {
                // Each thread its own context, as two providers in two processes have: under
                // Wine the context is pcsc-lite's, which holds a context's lock through a
                // blocking SCardBeginTransaction, so two threads on one context deadlock when
                // one waits for the card while the other, inside its transaction, transmits.
                let r = &reader();
                let h = connect(r);
                let d = Sha256::digest([t as u8]).to_vec();
                let w = tessera_minidriver_wide("SHA256");
                for i in 0..3 {
                    begin(&h);
                    let (rv, c) = acquire(f, &h, r.ctx, name, 7);
                    if rv != 0 {
                        fail(&format!("thread {t}: acquire {rv:#x}"));
                    }
                    if c.auth(pin).0 != 0 {
                        fail(&format!("thread {t}: login"));
                    }
                    let mut p = wc::BCRYPT_PKCS1_PADDING_INFO { pszAlgId: w.as_ptr() };
                    c.sign(0, 0, Some((wc::CARD_PADDING_PKCS1, (&mut p as *mut wc::BCRYPT_PKCS1_PADDING_INFO).cast())), &d)
                        .unwrap_or_else(|e| fail(&format!("thread {t}, round {i}: sign {e:#x}")));
                    drop(c);
                    end(&h);
                }
            });
        }
    });
    ok("two contexts in two threads: 3 rounds each of acquire, login, signature");
}

#[cfg(windows)]
fn tessera_minidriver_wide(s: &str) -> Vec<u16> {
    wide(s)
}

#[cfg(windows)]
fn run() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check", kind @ ("cns" | "cie")] => check(kind),
        ["blocked"] => blocked(),
        ["removal"] => removal(),
        ["threads"] => threads(),
        _ => {
            eprintln!("usage: md-harness check cns|cie | blocked | removal | threads   (secrets on stdin)");
            return 2;
        }
    }
    println!("all checks passed");
    0
}
