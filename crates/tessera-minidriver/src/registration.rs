//! The installer's registration of the minidriver: one `Calais\SmartCards\<name>` key per card
//! type the core recognises ([`tessera_core::card::registration::atr_masks`], one source), as a
//! the MSI's source (`installer/windows/build.sh` runs the `wix-registration` example on
//! installer/windows/tessera.wxs). Each key holds the ATR and its mask, the driver
//! (`80000001`), and the two Microsoft providers that sit on it; uninstalling removes exactly
//! these keys. `REMOVE=CieCardTypes` (or `CnsCardTypes`) on the msiexec command line leaves a
//! family to another middleware that already claims it.

use tessera_core::card::registration::{AtrMask, atr_masks};

/// Where Windows looks for card types.
pub const CALAIS: &str = r"SOFTWARE\Microsoft\Cryptography\Calais\SmartCards";
/// The driver's value name in a card type's key.
pub const DRIVER_VALUE: &str = "80000001";
/// The CAPI provider on the driver.
pub const CSP: &str = "Microsoft Base Smart Card Crypto Provider";
/// The CNG key storage provider on the driver.
pub const KSP: &str = "Microsoft Smart Card Key Storage Provider";
/// The DLL's file name.
pub const DLL: &str = "tessera_minidriver.dll";

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02X}")).collect()
}

/// The MSI feature of an entry's family, and the entry's stable component GUID
/// (from its name: an upgrade keeps the same components).
fn family_and_guid(e: &AtrMask) -> (&'static str, String) {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(format!("tessera minidriver registration {}", e.name).as_bytes());
    let h = hex(&d[..16]);
    let guid = format!("{}-{}-4{}-8{}-{}", &h[..8], &h[8..12], &h[13..16], &h[17..20], &h[20..32]);
    (if e.name.starts_with("Tessera CIE") { "CieCardTypes" } else { "CnsCardTypes" }, guid)
}

/// The installer's source with the card types in it: `template` (installer/windows/tessera.wxs)
/// holds two markers, `<!-- card types: components -->` inside the install folder and
/// `<!-- card types: features -->` inside the main feature; each becomes a component per card
/// type, and a sub-feature per family (`CnsCardTypes`, `CieCardTypes`), which msiexec's own
/// `REMOVE=CieCardTypes` leaves out (msitools' wixl takes no feature or component conditions).
pub fn wix_with_card_types(template: &str) -> Result<String, &'static str> {
    const COMPONENTS: &str = "<!-- card types: components -->";
    const FEATURES: &str = "<!-- card types: features -->";
    if !template.contains(COMPONENTS) || !template.contains(FEATURES) {
        return Err("the installer source has no card-type markers");
    }
    let entries = atr_masks();
    let mut components = String::new();
    for (i, e) in entries.iter().enumerate() {
        let (_, guid) = family_and_guid(e);
        components.push_str(&format!(
            "<Component Id=\"CardType{i}\" Guid=\"{guid}\" Win64=\"yes\">\n            <RegistryKey Root=\"HKLM\" Key=\"{CALAIS}\\{name}\">\n              <RegistryValue Name=\"ATR\" Type=\"binary\" Value=\"#x{atr}\"/>\n              <RegistryValue Name=\"ATRMask\" Type=\"binary\" Value=\"#x{mask}\"/>\n              <RegistryValue Name=\"{DRIVER_VALUE}\" Type=\"string\" Value=\"[INSTALLDIR]{DLL}\" KeyPath=\"yes\"/>\n              <RegistryValue Name=\"Crypto Provider\" Type=\"string\" Value=\"{CSP}\"/>\n              <RegistryValue Name=\"Smart Card Key Storage Provider\" Type=\"string\" Value=\"{KSP}\"/>\n            </RegistryKey>\n          </Component>\n          ",
            name = e.name,
            atr = hex(&e.atr),
            mask = hex(&e.mask),
        ));
    }
    let mut features = String::new();
    for (feature, title) in [("CnsCardTypes", "CNS cards"), ("CieCardTypes", "CIE")] {
        features.push_str(&format!("<Feature Id=\"{feature}\" Title=\"Windows login: {title}\" Level=\"1\">\n"));
        for (i, _) in entries.iter().enumerate().filter(|(_, e)| family_and_guid(e).0 == feature) {
            features.push_str(&format!("        <ComponentRef Id=\"CardType{i}\"/>\n"));
        }
        features.push_str("      </Feature>\n      ");
    }
    Ok(template.replace(COMPONENTS, components.trim_end()).replace(FEATURES, features.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every simulated card (each modelled on a lot citizens hold) is taken by exactly one
    /// registered card type: Windows finds the driver for each.
    #[test]
    fn every_simulated_card_is_taken_by_one_card_type() {
        for (name, profile) in tessera_sim::SimProfile::ALL {
            let atr = tessera_sim::SimCard::new(tessera_sim::SimConfig::new(profile, tessera_sim::Preset::Fresh)).atr();
            let takers: Vec<_> = atr_masks().into_iter().filter(|e| e.matches(&atr)).map(|e| e.name).collect();
            assert_eq!(takers.len(), 1, "{name}: {takers:?}");
        }
    }

    #[test]
    fn every_card_type_is_registered_with_its_family_switch() {
        let template = include_str!("../../../installer/windows/tessera.wxs");
        let x = wix_with_card_types(template).expect("markers");
        let n = atr_masks().len();
        assert_eq!(x.matches("<Component Id=\"CardType").count(), n);
        assert_eq!(x.matches("<ComponentRef Id=\"CardType").count(), n);
        assert!(x.contains(r"Calais\SmartCards\Tessera CNS"));
        assert!(x.contains("Value=\"[INSTALLDIR]tessera_minidriver.dll\""));
        assert!(x.contains("<Feature Id=\"CieCardTypes\"") && x.contains("<Feature Id=\"CnsCardTypes\""));
        assert!(!x.contains("card types:"), "both markers replaced");
        assert!(wix_with_card_types("<Wix/>").is_err());
        // Component GUIDs: unique and in the registry form.
        let guids: std::collections::BTreeSet<_> = atr_masks().iter().map(|e| family_and_guid(e).1).collect();
        assert_eq!(guids.len(), n);
        assert!(guids.iter().all(|g| g.len() == 36 && g.matches('-').count() == 4));
    }
}
