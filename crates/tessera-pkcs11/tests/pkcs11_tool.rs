//! OpenSC's `pkcs11-tool --test --login` (an independent PKCS#11 consumer) against Tessera's
//! module, on every kind of simulated card, through pcscd + vpcd.

mod support;

use tessera_testkit::{PIN, Testbed};
use std::process::Command;
use tessera_sim::{Preset, SimConfig, SimProfile};

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn pkcs11_tool_test_login_passes_on_every_simulated_card() {
    for (_, profile) in SimProfile::ALL {
        let tb = Testbed::with(SimConfig::new(profile, Preset::Fresh));
        let o = Command::new("pkcs11-tool")
            .env("TESSERA_ALLOW_SIMULATED_CARD", "1")
            .arg("--module")
            .arg(support::module_path())
            .args(["--test", "--login", "--pin", PIN])
            .output()
            .expect("pkcs11-tool");
        let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        assert!(o.status.success() && text.contains("No errors"), "{profile:?}: {text}");
        assert!(text.contains("RSA-PKCS: OK"), "{profile:?}: {text}");
        assert_eq!(tb.card.pin_tries_left(), 3, "{profile:?}: no try lost");
    }
}

/// `pkcs11-tool --sign` with the hash-and-sign mechanisms applications pick (SunPKCS11, OpenSSL's
/// provider, signing tools), each signature checked by `openssl dgst -verify` with the public key
/// OpenSSL takes from the card's certificate. PSS on a CIE is refused: the card pads by itself.
#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with cargo xtask test"]
fn pkcs11_tool_hash_and_sign_signatures_verify_with_openssl() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data.txt");
    std::fs::write(&data, "Tessera: a document signed through the PKCS#11 module\n".repeat(200)).expect("data");
    for profile in [SimProfile::Cps, SimProfile::Ace2025, SimProfile::Idemia2021, SimProfile::Cie] {
        let tb = Testbed::with(SimConfig::new(profile, Preset::Fresh));
        let cert = dir.path().join("cert.der");
        std::fs::write(&cert, tb.card.certificate_der()).expect("cert");
        let pubkey = dir.path().join("pub.pem");
        support::run(Command::new("openssl").args(["x509", "-inform", "DER", "-pubkey", "-noout", "-in"]).arg(&cert).arg("-out").arg(&pubkey));
        let cns = profile != SimProfile::Cie;
        let mut cases = vec![("SHA256-RSA-PKCS", "sha256", false), ("SHA384-RSA-PKCS", "sha384", false), ("SHA1-RSA-PKCS", "sha1", false)];
        cases.extend([("SHA256-RSA-PKCS-PSS", "sha256", true), ("SHA512-RSA-PKCS-PSS", "sha512", true)]);
        for (mech, hash, pss) in cases {
            let sig = dir.path().join("sig.bin");
            let _ = std::fs::remove_file(&sig);
            let o = Command::new("pkcs11-tool")
                .env("TESSERA_ALLOW_SIMULATED_CARD", "1")
                .arg("--module")
                .arg(support::module_path())
                .args(["--login", "--pin", PIN, "--sign", "-m", mech, "--input-file"])
                .arg(&data)
                .arg("--output-file")
                .arg(&sig)
                .output()
                .expect("pkcs11-tool");
            let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
            if pss && !cns {
                assert!(!o.status.success() && text.contains("CKR_MECHANISM_INVALID"), "{profile:?} {mech}: {text}");
                continue;
            }
            assert!(o.status.success(), "{profile:?} {mech}: {text}");
            let mut verify = Command::new("openssl");
            verify.args(["dgst", &format!("-{hash}"), "-verify"]).arg(&pubkey).arg("-signature").arg(&sig);
            if pss {
                // pkcs11-tool's default salt is the hash length.
                verify.args(["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"]);
            }
            let out = support::run(verify.arg(&data));
            assert!(out.contains("Verified OK"), "{profile:?} {mech}: {out}");
        }
        assert_eq!(tb.card.pin_tries_left(), 3, "{profile:?}: no try lost");
    }
}
