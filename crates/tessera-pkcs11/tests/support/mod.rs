//! Shared by the TLS and browser tests: the module's path, an openssl s_server that requires a
//! client certificate from the simulator's CA, and an NSS database holding Tessera's module.
#![allow(dead_code)]

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn module_path() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().expect("deps dir");
    let name = format!("{}tessera_pkcs11{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    [dir.join(&name), dir.join("..").join(&name)].into_iter().find(|p| p.exists()).expect("the cdylib is built")
}

pub fn run(cmd: &mut Command) -> String {
    let o = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(o.status.success(), "{cmd:?}: {}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn pem(label: &str, der: &[u8]) -> String {
    use rsa::pkcs8::der::pem::{LineEnding, encode_string};
    encode_string(label, LineEnding::LF, der).expect("pem")
}

/// A TLS server on 127.0.0.1 that requires a client certificate from the simulator's CA.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn server(dir: &std::path::Path, port: u16, version: &str) -> Server {
    // A test server CA (srv-ca.pem, for browsers to trust) and a CA:FALSE leaf for 127.0.0.1:
    // browsers refuse a CA certificate as a server's own.
    let ossl = |args: &[&str]| run(Command::new("openssl").current_dir(dir).args(args));
    ossl(&["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=Tessera test server CA", "-days", "2", "-keyout", "srv-ca.key", "-out", "srv-ca.pem"]);
    ossl(&["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "srv.key", "-out", "srv.csr"]);
    std::fs::write(dir.join("srv.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n").expect("ext");
    ossl(&["x509", "-req", "-in", "srv.csr", "-CA", "srv-ca.pem", "-CAkey", "srv-ca.key", "-CAcreateserial", "-days", "2", "-extfile", "srv.ext", "-out", "srv.pem"]);
    std::fs::write(dir.join("ca.pem"), pem("CERTIFICATE", &tessera_sim::keys::ca_certificate().expect("CA"))).expect("write CA");
    let child = Command::new("openssl")
        .args(["s_server", "-accept", &format!("127.0.0.1:{port}"), "-Verify", "1", "-verify_return_error", "-www", version])
        .arg("-cert").arg(dir.join("srv.pem"))
        .arg("-key").arg(dir.join("srv.key"))
        .arg("-CAfile").arg(dir.join("ca.pem"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("openssl s_server");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "s_server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server(child)
}

/// An NSS database holding only Tessera's module.
pub fn nss_db(dir: &std::path::Path) -> String {
    nss_db_with(dir, &module_path())
}

/// An NSS database (in `dir`/nssdb) holding only the module at `module`.
pub fn nss_db_with(dir: &std::path::Path, module: &std::path::Path) -> String {
    let db = format!("sql:{}", dir.join("nssdb").display());
    std::fs::create_dir_all(dir.join("nssdb")).expect("mkdir");
    run(Command::new("certutil").args(["-N", "--empty-password", "-d", &db]));
    run(Command::new("modutil").args(["-dbdir", &db, "-add", "Tessera", "-force", "-libfile"]).arg(module));
    db
}

