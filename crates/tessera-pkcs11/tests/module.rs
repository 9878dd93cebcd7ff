//! The built module (`libtessera_pkcs11.so`), loaded by the `cryptoki` client crate as a browser
//! would load it, against simulated cards in pcscd + vpcd (run by cargo xtask test). The
//! simulator's counters prove which PIN tries reached the card.


use tessera_testkit::{PIN, Testbed};
use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error as CkError, RvError};
use cryptoki::mechanism::rsa::{PkcsMgfType, PkcsPssParams};
use cryptoki::mechanism::{Mechanism, MechanismType};
use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use rsa::pkcs1v15::Pkcs1v15Sign;
use rsa::pss::Pss;
use sha2::{Digest, Sha256, Sha384};
use tessera_sim::{Preset, SimConfig, SimProfile};

/// The module built next to this test binary (target/<profile>/deps/).
fn module_path() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().expect("deps dir");
    let name = format!("{}tessera_pkcs11{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    [dir.join(&name), dir.join("..").join(&name)].into_iter().find(|p| p.exists()).expect("the cdylib is built")
}

/// A program built next to the module: the app (`tessera`) or one of this crate's examples.
fn built(name: &str) -> std::path::PathBuf {
    let deps = module_path().parent().expect("dir").to_path_buf();
    let name = format!("{name}{}", std::env::consts::EXE_SUFFIX);
    [deps.join("..").join(&name), deps.join("..").join("examples").join(&name)]
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{name} is built (cargo xtask test builds the workspace and the examples)"))
}

/// Runs `program args`, writing `stdin` to it; waits for it.
fn run_with_stdin(program: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(program)
        .env("TESSERA_LANG", "en")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write");
    child.wait_with_output().expect("wait")
}

/// The loaded module; C_Finalize on drop, even when the test fails.
struct Module(Option<Pkcs11>);

impl Module {
    fn load() -> Self {
        let p = Pkcs11::new(module_path()).expect("module loads");
        p.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)).expect("C_Initialize");
        Module(Some(p))
    }
    fn p(&self) -> &Pkcs11 {
        self.0.as_ref().expect("loaded")
    }
    /// The first slot with a token.
    fn slot(&self) -> Slot {
        *self.p().get_slots_with_token().expect("slots").first().expect("a token")
    }
}

impl Drop for Module {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = p.finalize();
        }
    }
}

fn rv(e: CkError) -> RvError {
    match e {
        CkError::Pkcs11(rv, _) => rv,
        other => panic!("not a PKCS#11 error: {other:?}"),
    }
}

fn login(s: &Session, pin: &str) -> Result<(), CkError> {
    s.login(UserType::User, Some(&AuthPin::from(pin.to_owned())))
}

fn classes(s: &Session) -> Vec<ObjectClass> {
    let all = s.find_objects(&[]).expect("find");
    all.iter()
        .map(|h| match s.get_attributes(*h, &[AttributeType::Class]).expect("class").first() {
            Some(Attribute::Class(c)) => *c,
            other => panic!("{other:?}"),
        })
        .collect()
}

fn private_key(s: &Session) -> ObjectHandle {
    *s.find_objects(&[Attribute::Class(ObjectClass::PRIVATE_KEY)]).expect("find").first().expect("private key after login")
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn slots_token_info_and_flags_follow_the_real_counter() {
    for (preset, low, final_try, locked) in
        [(Preset::Fresh, false, false, false), (Preset::PinLastTry, true, true, false), (Preset::PinBlocked, false, false, true)]
    {
        let tb = Testbed::cps(preset);
        let m = Module::load();
        let all = m.p().get_all_slots().expect("slots");
        assert!(all.len() >= 2, "one slot per vpcd reader: {all:?}");
        let slot = m.slot();
        let info = m.p().get_token_info(slot).expect("token info");
        assert_eq!(info.label(), "MARIA ESEMPIO (CPS)");
        assert_eq!(info.serial_number(), "6022000000123456");
        assert!(info.login_required() && info.token_initialized() && info.user_pin_initialized());
        assert_eq!((info.user_pin_count_low(), info.user_pin_final_try(), info.user_pin_locked()), (low, final_try, locked), "{preset:?}");
        // Slot ids are stable for the life of the module.
        assert_eq!(m.p().get_all_slots().expect("slots"), all);
        assert_eq!(tb.card.counters().pin_tries, 0, "reading the token spent no try");
    }
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn objects_before_and_after_login_and_pkcs1_pss_signatures_verify() {
    for profile in [SimProfile::Cps, SimProfile::Ace2025, SimProfile::Idemia2021] {
        let tb = Testbed::with(SimConfig::new(profile, Preset::Fresh));
        let m = Module::load();
        let s = m.p().open_ro_session(m.slot()).expect("session");
        // Before login: certificate, public key (same CKA_ID) and the profile object; no private key.
        let before = classes(&s);
        assert!(before.contains(&ObjectClass::CERTIFICATE) && before.contains(&ObjectClass::PUBLIC_KEY), "{before:?}");
        assert!(before.contains(&ObjectClass::PROFILE) && !before.contains(&ObjectClass::PRIVATE_KEY), "{before:?}");
        let cert = *s.find_objects(&[Attribute::Class(ObjectClass::CERTIFICATE)]).expect("find").first().expect("cert");
        let der = match &s.get_attributes(cert, &[AttributeType::Value]).expect("value")[0] {
            Attribute::Value(v) => v.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(der, tb.card.certificate_der(), "{profile:?}: the card's certificate");
        // Unknown attribute: CKR_ATTRIBUTE_TYPE_INVALID.
        let e = s.get_attributes(cert, &[AttributeType::Modulus]);
        assert!(matches!(e, Ok(ref v) if v.is_empty()) || e.is_err(), "{e:?}");
        login(&s, PIN).expect("login");
        assert!(classes(&s).contains(&ObjectClass::PRIVATE_KEY));
        let key = private_key(&s);
        let public = tessera_core::cert::rsa_public_key(&der).expect("public key");

        // PKCS#1 v1.5 over a DigestInfo.
        let digest = Sha256::digest(b"tls transcript");
        let di = [&Pkcs1v15Sign::new::<Sha256>().prefix[..], &digest[..]].concat();
        let sig = s.sign(&Mechanism::RsaPkcs, key, &di).expect("RSA-PKCS");
        public.verify(Pkcs1v15Sign::new::<Sha256>(), &digest, &sig).expect("PKCS#1 verifies with the certificate");
        // PSS with SHA-256 (TLS 1.3's rsa_pss_rsae_sha256) and SHA-384.
        let pss = PkcsPssParams { hash_alg: MechanismType::SHA256, mgf: PkcsMgfType::MGF1_SHA256, s_len: 32.into() };
        let sig = s.sign(&Mechanism::RsaPkcsPss(pss), key, &digest).expect("RSA-PSS");
        public.verify(Pss::new_with_salt::<Sha256>(32), &digest, &sig).expect("PSS verifies");
        let d384 = Sha384::digest(b"tls transcript");
        let pss = PkcsPssParams { hash_alg: MechanismType::SHA384, mgf: PkcsMgfType::MGF1_SHA384, s_len: 48.into() };
        let sig = s.sign(&Mechanism::RsaPkcsPss(pss), key, &d384).expect("RSA-PSS-384");
        public.verify(Pss::new_with_salt::<Sha384>(48), &d384, &sig).expect("PSS-384 verifies");
        // A mismatched MGF is refused before the card.
        let bad = PkcsPssParams { hash_alg: MechanismType::SHA256, mgf: PkcsMgfType::MGF1_SHA384, s_len: 32.into() };
        assert_eq!(rv(s.sign(&Mechanism::RsaPkcsPss(bad), key, &digest).expect_err("bad params")), RvError::MechanismParamInvalid);
        // One login = one PIN presented, at login; the signatures send none.
        assert_eq!(tb.card.counters().pin_tries, 1, "{profile:?}: one VERIFY, at login");
        assert_eq!(tb.card.pin_tries_left(), 3, "{profile:?}");
        // Logout hides the private key again.
        s.logout().expect("logout");
        assert!(!classes(&s).contains(&ObjectClass::PRIVATE_KEY));
    }
}

/// Hash-and-sign mechanisms, as Java's SunPKCS11, OpenSSL's provider and signing tools use them:
/// the module hashes (in one call or over C_SignUpdate), builds the DigestInfo or the PSS block,
/// and the card signs; every signature verifies with the certificate's key. RSA-1024 (TS-CNS)
/// does not list SHA-512 PSS, which does not fit with a salt as long as the hash.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn hash_and_sign_mechanisms_verify_in_one_part_and_in_many() {
    use rsa::pkcs1v15::Pkcs1v15Sign as P1;
    use sha2::Sha512;
    let message: Vec<u8> = (0..3000u32).map(|i| (i * 7) as u8).collect();
    for (profile, bits) in [(SimProfile::Cps, 2048), (SimProfile::TsCns, 1024)] {
        let tb = Testbed::with(SimConfig::new(profile, Preset::Fresh));
        let m = Module::load();
        let slot = m.slot();
        let mechs = m.p().get_mechanism_list(slot).expect("mechanisms");
        for ty in &mechs {
            let info = m.p().get_mechanism_info(slot, *ty).expect("info");
            assert_eq!((info.min_key_size(), info.max_key_size()), (bits, bits), "{profile:?} {ty:?}");
            assert!(info.sign() && !info.verify() && !info.encrypt(), "{profile:?} {ty:?}: sign only");
        }
        assert_eq!(mechs.contains(&MechanismType::SHA512_RSA_PKCS_PSS), bits == 2048, "{profile:?}: {mechs:?}");
        let s = m.p().open_ro_session(slot).expect("session");
        login(&s, PIN).expect("login");
        let key = private_key(&s);
        let public = tessera_core::cert::rsa_public_key(&tb.card.certificate_der()).expect("key");
        let sign_both = |mech: &Mechanism| -> [Vec<u8>; 2] {
            let one = s.sign(mech, key, &message).unwrap_or_else(|e| panic!("{profile:?} {mech:?}: {e}"));
            s.sign_init(mech, key).expect("C_SignInit");
            for part in message.chunks(1000) {
                s.sign_update(part).expect("C_SignUpdate");
            }
            [one, s.sign_final().expect("C_SignFinal")]
        };
        let pkcs1: [(Mechanism, P1, Vec<u8>); 4] = [
            (Mechanism::Sha1RsaPkcs, P1::new::<sha1::Sha1>(), sha1::Sha1::digest(&message).to_vec()),
            (Mechanism::Sha256RsaPkcs, P1::new::<Sha256>(), Sha256::digest(&message).to_vec()),
            (Mechanism::Sha384RsaPkcs, P1::new::<Sha384>(), Sha384::digest(&message).to_vec()),
            (Mechanism::Sha512RsaPkcs, P1::new::<Sha512>(), Sha512::digest(&message).to_vec()),
        ];
        for (mech, scheme, digest) in pkcs1 {
            for sig in sign_both(&mech) {
                public.verify(scheme.clone(), &digest, &sig).unwrap_or_else(|e| panic!("{profile:?} {mech:?}: {e}"));
            }
        }
        let params = |h, mgf, n: u64| PkcsPssParams { hash_alg: h, mgf, s_len: n.into() };
        let p256 = params(MechanismType::SHA256, PkcsMgfType::MGF1_SHA256, 32);
        for sig in sign_both(&Mechanism::Sha256RsaPkcsPss(p256)) {
            public.verify(Pss::new_with_salt::<Sha256>(32), &Sha256::digest(&message), &sig).expect("SHA256-RSA-PKCS-PSS");
        }
        for sig in sign_both(&Mechanism::Sha384RsaPkcsPss(params(MechanismType::SHA384, PkcsMgfType::MGF1_SHA384, 48))) {
            public.verify(Pss::new_with_salt::<Sha384>(48), &Sha384::digest(&message), &sig).expect("SHA384-RSA-PKCS-PSS");
        }
        if bits == 2048 {
            for sig in sign_both(&Mechanism::Sha512RsaPkcsPss(params(MechanismType::SHA512, PkcsMgfType::MGF1_SHA512, 64))) {
                public.verify(Pss::new_with_salt::<Sha512>(64), &Sha512::digest(&message), &sig).expect("SHA512-RSA-PKCS-PSS");
            }
        }
        // The parameters must name the mechanism's own hash.
        let other = params(MechanismType::SHA384, PkcsMgfType::MGF1_SHA384, 48);
        assert_eq!(rv(s.sign(&Mechanism::Sha256RsaPkcsPss(other), key, &message).expect_err("mismatch")), RvError::MechanismParamInvalid);
        assert_eq!(tb.card.pin_tries_left(), 3, "{profile:?}: no try lost");
    }
}

/// The simulated CIE authenticates with Tessera's public test authority: a browser's login
/// gets no PIN through to it unless TESSERA_ALLOW_SIMULATED_CARD=1 (set by the pkcs11-tool and
/// TLS tests, which sign with it). Here the variable is not set.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn the_cie_offers_pkcs1_only_and_a_simulated_cie_gets_no_pin_without_the_choice() {
    let tb = Testbed::cie(Preset::Fresh);
    assert!(std::env::var_os("TESSERA_ALLOW_SIMULATED_CARD").is_none());
    let m = Module::load();
    let mechs = m.p().get_mechanism_list(m.slot()).expect("mechanisms");
    let pkcs1 = [MechanismType::RSA_PKCS, MechanismType::SHA1_RSA_PKCS, MechanismType::SHA256_RSA_PKCS, MechanismType::SHA384_RSA_PKCS, MechanismType::SHA512_RSA_PKCS];
    assert_eq!(mechs, pkcs1.to_vec(), "no PSS on a CIE: the card pads itself");
    assert_eq!(rv(m.p().get_mechanism_info(m.slot(), MechanismType::SHA256_RSA_PKCS_PSS).expect_err("no PSS")), RvError::MechanismInvalid);
    let s = m.p().open_ro_session(m.slot()).expect("session");
    let e = login(&s, PIN).expect_err("refused");
    assert!(format!("{e:?}").contains("FunctionRejected"), "{e:?}");
    assert_eq!(tb.card.counters().pin_tries, 0, "no PIN reached the simulated card");
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn wrong_pin_spends_exactly_one_try_and_is_never_resent_blocked_sends_nothing() {
    let tb = Testbed::cps(Preset::Fresh);
    let m = Module::load();
    let s = m.p().open_ro_session(m.slot()).expect("session");
    // Format errors: refused before anything is sent.
    assert_eq!(rv(login(&s, "12").expect_err("short")), RvError::PinLenRange);
    assert_eq!(rv(login(&s, "12a45").expect_err("letters")), RvError::PinInvalid);
    assert_eq!(tb.card.counters().pin_tries, 0);
    assert_eq!(rv(login(&s, "11112222").expect_err("wrong")), RvError::PinIncorrect);
    assert_eq!(tb.card.counters().pin_tries, 1, "exactly one try");
    assert_eq!(tb.card.pin_tries_left(), 2);
    let info = m.p().get_token_info(m.slot()).expect("info");
    assert!(info.user_pin_count_low() && !info.user_pin_final_try(), "the flags follow the counter");
    drop(s);
    drop(m);
    drop(tb);

    // Blocked: C_Login refuses and sends no PIN.
    let tb = Testbed::cps(Preset::PinBlocked);
    let m = Module::load();
    let s = m.p().open_ro_session(m.slot()).expect("session");
    assert_eq!(rv(login(&s, PIN).expect_err("blocked")), RvError::PinLocked);
    assert_eq!(tb.card.counters().pin_tries, 0, "nothing sent");
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn card_removed_mid_session_is_device_removed_then_token_not_present() {
    let mut tb = Testbed::cps(Preset::Fresh);
    let m = Module::load();
    let slot = m.slot();
    let s = m.p().open_ro_session(slot).expect("session");
    login(&s, PIN).expect("login");
    let key = private_key(&s);
    tb.remove();
    let e = s.sign(&Mechanism::RsaPkcs, key, &[0u8; 51]).expect_err("card gone");
    assert_eq!(rv(e), RvError::DeviceRemoved);
    assert_eq!(rv(m.p().get_token_info(slot).expect_err("no token")), RvError::TokenNotPresent);
    // The same card back: a new token, not logged in (the PIN was dropped with the old one).
    tb.insert();
    let s2 = m.p().open_ro_session(slot).expect("session on the card put back");
    assert!(s2.find_objects(&[Attribute::Class(ObjectClass::PRIVATE_KEY)]).expect("find").is_empty());
    assert_eq!(tb.card.counters().pin_tries, 0, "the kept PIN was not replayed to the card put back");
}

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn two_sessions_in_two_threads_sign_in_turn() {
    let tb = Testbed::cps(Preset::Fresh);
    let m = Module::load();
    let slot = m.slot();
    let first = m.p().open_ro_session(slot).expect("session");
    login(&first, PIN).expect("login");
    let public = tessera_core::cert::rsa_public_key(&tb.card.certificate_der()).expect("key");
    std::thread::scope(|scope| {
        for t in 0..2u8 {
            let (p, public) = (m.p(), &public);
            scope.spawn(move || {
                let s = p.open_ro_session(slot).expect("session");
                let key = private_key(&s);
                for i in 0..3u8 {
                    let digest = Sha256::digest([t, i]);
                    let di = [&Pkcs1v15Sign::new::<Sha256>().prefix[..], &digest[..]].concat();
                    let sig = s.sign(&Mechanism::RsaPkcs, key, &di).expect("sign");
                    public.verify(Pkcs1v15Sign::new::<Sha256>(), &digest, &sig).expect("verifies");
                }
            });
        }
    });
    assert_eq!(tb.card.pin_tries_left(), 3);
}

/// The module keeps the card verified, not the PIN: when another program changes the PIN
/// (Tessera's own `pin change`, in its own process) while a browser is logged in, the browser's
/// next signature sends no PIN — the login is over, CKR_USER_NOT_LOGGED_IN, and the browser asks
/// again; the new PIN logs in and signs. The "browser" is its own process (pkcs11-sign-loop),
/// which may trust the simulated CIE.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn a_pin_changed_by_another_program_is_never_sent_by_the_module() {
    const NEW: &str = "58209749";
    let dir = tempfile::tempdir().expect("tempdir");
    for profile in [SimProfile::Cps, SimProfile::Ace2025Strict, SimProfile::Cie] {
        let tb = Testbed::with(SimConfig::new(profile, Preset::Fresh));
        let pause = dir.path().join(format!("{profile:?}"));
        let browser = {
            use std::io::Write;
            let mut c = std::process::Command::new(built("pkcs11-sign-loop"))
                .env("TESSERA_ALLOW_SIMULATED_CARD", "1")
                .arg(module_path())
                .arg("2")
                .arg("--pause")
                .arg(&pause)
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn");
            // What the user types when asked: the PIN, and after the change the new one.
            c.stdin.take().expect("stdin").write_all(format!("{PIN}\n{NEW}\n").as_bytes()).expect("PINs");
            c
        };
        let t0 = std::time::Instant::now();
        while !pause.exists() {
            assert!(t0.elapsed().as_secs() < 60, "{profile:?}: the first signature did not come");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(tb.card.counters().pin_tries, 1, "{profile:?}: the login's VERIFY only");

        // Another program changes the PIN while the browser is logged in.
        let o = run_with_stdin(&built("tessera"), &["pin", "change", "--allow-simulated-card"], &format!("{PIN}\n{NEW}\n{NEW}\n"));
        assert!(o.status.success(), "{profile:?}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(tb.card.pin_is(NEW), "{profile:?}");
        // The change's own PIN commands (a CIE checks the current PIN with a VERIFY first).
        let after_change = tb.card.counters().pin_tries;

        std::fs::remove_file(&pause).expect("resume the browser");
        let o = browser.wait_with_output().expect("wait");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{profile:?}: {out}{}", String::from_utf8_lossy(&o.stderr));
        assert!(out.contains("signature 1: asked for the PIN again") && out.contains("signed 2"), "{profile:?}: {out}");
        // Only the login with the new PIN since the change: the module re-sent nothing.
        assert_eq!(tb.card.counters().pin_tries, after_change + 1, "{profile:?}: the module sent no stale PIN");
        assert_eq!(tb.card.pin_tries_left(), 3, "{profile:?}: no try spent");
    }
}

/// A PIN tried by another program (wrong) ends the module's login too: the card says its PIN is
/// no longer verified, and the module sends nothing secret. Logging out leaves the card reset:
/// nothing verified is left behind for other programs.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn a_wrong_pin_elsewhere_ends_the_login_and_logout_leaves_nothing_verified() {
    let tb = Testbed::cps(Preset::Fresh);
    let m = Module::load();
    let s = m.p().open_ro_session(m.slot()).expect("session");
    login(&s, PIN).expect("login");
    let key = private_key(&s);
    let di = [&Pkcs1v15Sign::new::<Sha256>().prefix[..], &Sha256::digest(b"x")[..]].concat();
    s.sign(&Mechanism::RsaPkcs, key, &di).expect("signature");
    // Another program presents a wrong PIN on its own connection (no reset in between).
    let mut other = tb.connect();
    let e = tessera_core::service::token::login(&mut other, None, &tessera_testkit::pin("11112222")).expect_err("wrong PIN");
    assert!(matches!(e, tessera_core::Error::WrongSecret { tries_left: 2, .. }), "{e:?}");
    let sent = tb.card.counters().pin_tries;
    assert_eq!(rv(s.sign(&Mechanism::RsaPkcs, key, &di).expect_err("login over")), RvError::UserNotLoggedIn);
    assert_eq!(tb.card.counters().pin_tries, sent, "nothing secret sent by the module");
    drop(other);

    // Log in again; after C_Logout the card is not verified (a signature attempt by anyone
    // would be refused by the card).
    login(&s, PIN).expect("login");
    s.sign(&Mechanism::RsaPkcs, private_key(&s), &di).expect("signature");
    assert!(tb.card.pin_verified(), "kept verified between signatures");
    s.logout().expect("logout");
    assert!(!tb.card.pin_verified(), "the logout reset the card");
}

/// Two browsers at once: two processes, each logging in and signing ten times on one card,
/// serialised by PC/SC transactions; both succeed, every time (20 runs).
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn two_processes_log_in_and_sign_on_one_card_at_once() {
    let tb = Testbed::cps(Preset::Fresh);
    let module = module_path();
    let module = module.to_str().expect("utf-8 path");
    let program = built("pkcs11-sign-loop");
    for run in 0..20 {
        let spawn = || {
            use std::io::Write;
            let mut c = std::process::Command::new(&program)
                .args([module, "10"])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn");
            c.stdin.take().expect("stdin").write_all(format!("{PIN}\n").as_bytes()).expect("PIN");
            c
        };
        let (a, b) = (spawn(), spawn());
        for (who, c) in [("first", a), ("second", b)] {
            let o = c.wait_with_output().expect("wait");
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(o.status.success() && out.contains("signed 10"), "run {run}, {who} process: {out}{}", String::from_utf8_lossy(&o.stderr));
        }
        assert_eq!(tb.card.pin_tries_left(), 3, "run {run}");
        assert!(!tb.card.pin_verified(), "run {run}: the last process to leave reset the card");
    }
    assert_eq!(tb.card.counters().pin_tries, 40, "one VERIFY per login, none per signature");
}

/// A browser killed while logged in (no C_Logout, no C_Finalize) leaves the card verified —
/// pcsc-lite does not reset a card for a vanished client — until the next Tessera program reads
/// it: with nobody else connected, the login is an orphan, and `status` resets the card.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn an_orphan_login_of_a_killed_browser_is_reset_by_the_next_status() {
    let tb = Testbed::cps(Preset::Fresh);
    let dir = tempfile::tempdir().expect("tempdir");
    let pause = dir.path().join("paused");
    let mut browser = {
        use std::io::Write;
        let mut c = std::process::Command::new(built("pkcs11-sign-loop"))
            .arg(module_path())
            .args(["2", "--pause"])
            .arg(&pause)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        c.stdin.take().expect("stdin").write_all(format!("{PIN}\n").as_bytes()).expect("PIN");
        c
    };
    let t0 = std::time::Instant::now();
    while !pause.exists() {
        assert!(t0.elapsed().as_secs() < 60, "the first signature did not come");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(tb.card.pin_verified(), "logged in: kept verified");
    // While the browser lives, `status` leaves its login alone and says why no counter shows.
    let o = run_with_stdin(&built("tessera"), &["status"], "");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success() && out.contains("a program is logged in with the card"), "{out}");
    assert!(tb.card.pin_verified(), "a live login is not broken by a status read");

    browser.kill().expect("kill");
    browser.wait().expect("reaped");
    let o = run_with_stdin(&built("tessera"), &["status", "--json"], "");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!((v["pin_tries_left"].as_u64(), v["pin_in_use"].as_bool()), (Some(3), Some(false)), "{v}");
    assert!(!tb.card.pin_verified(), "the orphan login was reset");
    assert_eq!(tb.card.counters().pin_tries, 1, "the login's VERIFY only");
}
