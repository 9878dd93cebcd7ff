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
