use crate::packages::{Manager, Set};

#[test]
fn os_release_picks_the_package_manager() {
    let debian = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n";
    assert_eq!(Manager::from_os_release(debian), Some(Manager::Apt));
    let mint = "ID=linuxmint\nID_LIKE=\"ubuntu debian\"\n";
    assert_eq!(Manager::from_os_release(mint), Some(Manager::Apt));
    let fedora = "NAME=\"Fedora Linux\"\nID=fedora\nVERSION_ID=41\n";
    assert_eq!(Manager::from_os_release(fedora), Some(Manager::Dnf));
    let alma = "ID=\"almalinux\"\nID_LIKE=\"rhel centos fedora\"\n";
    assert_eq!(Manager::from_os_release(alma), Some(Manager::Dnf));
    assert_eq!(Manager::from_os_release("ID=arch\n"), None);
}

#[test]
fn apt_refreshes_its_lists_and_skips_recommends() {
    let commands = Manager::Apt.install_commands(&["pcscd".into(), "libpcsclite-dev".into()]);
    assert_eq!(commands[0], ["apt-get", "update", "-q"]);
    assert_eq!(commands[1], ["apt-get", "install", "-y", "-q", "--no-install-recommends", "pcscd", "libpcsclite-dev"]);
    assert_eq!(Manager::Dnf.install_commands(&["gcc".into()]), [["dnf", "install", "-y", "gcc"]]);
}

#[test]
fn sets_parse_by_name() {
    for set in [Set::Build, Set::Test, Set::Ci] {
        assert_eq!(Set::parse(set.name()), Some(set));
    }
    assert_eq!(Set::parse("all"), None);
}

/// The repository stands alone: README and the other notes link only to files in it (no links
/// out of the clone, no dead links), and the license file matches Cargo.toml's.
#[test]
fn documents_link_only_to_files_in_the_repository() {
    let root = crate::workspace::root();
    let mut documents = vec![root.join("README.md"), root.join("CONTRIBUTING.md"), root.join("CHANGELOG.md")];
    for entry in std::fs::read_dir(root.join("docs")).expect("docs/") {
        documents.push(entry.expect("entry").path());
    }
    let mut checked = 0;
    for document in &documents {
        let text = std::fs::read_to_string(document).unwrap_or_else(|e| panic!("{}: {e}", document.display()));
        let mut rest = text.as_str();
        while let Some(start) = rest.find("](") {
            let after = &rest[start + 2..];
            let end = after.find(')').expect("a closed link");
            let target = after[..end].split('#').next().unwrap_or_default();
            rest = &after[end..];
            assert!(!target.contains("://"), "{} links out of the repository: {target}", document.display());
            let path = document.parent().expect("folder").join(target);
            assert!(path.starts_with(&root) && !target.starts_with(".."), "{} links outside: {target}", document.display());
            assert!(path.exists(), "{} links to a missing file: {target}", document.display());
            checked += 1;
        }
        assert!(!text.contains("../shared"), "{} points to notes outside the repository", document.display());
    }
    assert!(checked >= 10, "the README's links were found ({checked})");
    let license = std::fs::read_to_string(root.join("LICENSE")).expect("LICENSE");
    assert!(license.contains("EUROPEAN UNION PUBLIC LICENCE v. 1.2"));
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    assert!(cargo.contains("license = \"EUPL-1.2\""));
}
