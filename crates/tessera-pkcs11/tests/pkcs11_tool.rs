//! OpenSC's `pkcs11-tool --test --login` (an independent PKCS#11 consumer) against Tessera's
//! module, on every kind of simulated card, through pcscd + vpcd.

#[path = "../../../tests/common/mod.rs"]
mod common;
mod support;

use common::{PIN, Testbed};
use std::process::Command;
use tessera_sim::{Preset, SimConfig, SimProfile};

#[test]
#[ignore = "needs the PC/SC testbed (pcscd + vpcd): run with scripts/test.sh"]
fn pkcs11_tool_test_login_passes_on_cps_tscns_ace2025_and_cie() {
    for profile in [SimProfile::Cps, SimProfile::TsCns, SimProfile::Ace2025, SimProfile::Cie] {
        let Some(tb) = Testbed::with(SimConfig::new(profile, Preset::Fresh)) else { return };
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
