//! The simulated CIE's EF.SOD judged by OpenSSL, which shares no code with Tessera: its ICAO
//! frame (tag 77) holds a CMS SignedData that `openssl cms -verify` accepts against a certificate
//! OpenSSL makes itself from the test CSCA key, and whose content is the LDS security object with
//! the data groups given. Needs the `openssl` command (installed with the test packages).

use std::process::Command;

fn openssl(dir: &std::path::Path, args: &[&str]) -> String {
    let o = Command::new("openssl").current_dir(dir).args(args).output().expect("the openssl command (apt-get install openssl)");
    assert!(o.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn openssl_verifies_the_simulated_sod_and_reads_its_groups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sod = tessera_sim::keys::cie_sod(&[(0xA1, b"123456789012"), (0xA4, b"chip key file"), (0x1B, b"EF.DH")]).expect("EF.SOD");
    assert_eq!(sod[0], 0x77, "ICAO LDS tag");
    let (len, header) = match sod[1] {
        n if n < 0x80 => (usize::from(n), 2),
        0x82 => (usize::from(u16::from_be_bytes([sod[2], sod[3]])), 4),
        other => panic!("length form {other:02X}"),
    };
    assert_eq!(header + len, sod.len(), "tag 77 covers exactly the ContentInfo");
    std::fs::write(dir.path().join("ci.der"), &sod[header..]).expect("write");
    let csca = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-csca.key.pem");
    openssl(dir.path(), &["req", "-x509", "-new", "-key", csca, "-subj", "/C=IT/O=Tessera test/CN=Tessera Simulated CSCA - NOT A REAL CSCA", "-days", "2", "-out", "csca.pem"]);
    openssl(dir.path(), &["cms", "-verify", "-inform", "DER", "-in", "ci.der", "-CAfile", "csca.pem", "-purpose", "any", "-out", "lds.der"]);
    let lds = openssl(dir.path(), &["asn1parse", "-inform", "DER", "-in", "lds.der"]);
    assert!(lds.contains(":sha256"), "{lds}");
    // Group numbers are one content byte each: A1 and A4 read as negative INTEGERs, 1B positive.
    for n in [":-5F", ":-5C", ":1B"] {
        assert!(lds.contains(&format!("INTEGER           {n}")), "group {n} missing:\n{lds}");
    }
    let ct = openssl(dir.path(), &["cms", "-cmsout", "-print", "-inform", "DER", "-in", "ci.der"]);
    assert!(ct.contains("2.23.136.1.1.1") || ct.contains("LDS"), "eContentType is the LDS security object:\n{ct}");
}
