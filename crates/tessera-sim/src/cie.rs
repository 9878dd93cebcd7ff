//! The simulated CIE 3.0 (CIE spec §8): IAS and CIE applications, the plain phase, DH key
//! agreement, the device-authentication checks with an injectable CA key, secure messaging, and
//! the PIN state machine (PIN 3 tries, PUK 10).

mod crypto;
mod dapp;
mod dh;
mod pin;
mod sm;

use super::keys::{self, CertSpec};
use iso7816_tlv::ber::{Tag, Tlv, Value};
use rand::RngCore;
use rsa::RsaPrivateKey;
use rsa::pkcs1::EncodeRsaPublicKey;
use sm::CardSm;
use tessera_apdu::apdu::{CommandApdu, StatusWord};
use zeroize::Zeroizing;

/// The IAS application (CIE spec §1.3).
const AID_IAS: [u8; 13] = [0xA0, 0x00, 0x00, 0x00, 0x30, 0x80, 0x00, 0x00, 0x00, 0x09, 0x81, 0x60, 0x01];
/// The CIE application (CIE spec §1.3).
const AID_CIE: [u8; 6] = [0xA0, 0x00, 0x00, 0x00, 0x00, 0x39];

const PIN_MAX: u8 = 3;
const PUK_MAX: u8 = 10;
/// The card number printed on the simulated CIE (EF.Serial).
pub const SERIAL: &str = "CA12345XY";
/// The simulated CIE's NIS (EF.IdServizi).
pub const NIS: &str = "123456789012";
/// CA reference and authorization of the simulated CA (CHR = 4 bytes ‖ CAR).
const CHR_CA: [u8; 12] = [0, 0, 0, 0, b'I', b'T', b'T', b'E', b'S', b'T', b'0', b'1'];
const CHA_CA: [u8; 7] = [0xA0, 0x00, 0x00, 0x00, 0x00, 0x39, 0x01];
const SN_ICC: [u8; 8] = [0x00, 0x68, 0x37, 0x56, 0x18, 0x03, 0x30, 0x1F];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Df {
    Ias,
    Cie,
}

/// Key selected by MSE SET for INTERNAL AUTHENTICATE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IntKey {
    Services,
    Chip,
    Auth,
}

pub(crate) struct CieApplet {
    pub(crate) atr: Vec<u8>,
    pub(crate) certificate: Vec<u8>,
    pub(crate) pin_left: u8,
    pub(crate) puk_left: u8,
    pin: Zeroizing<Vec<u8>>,
    puk: Zeroizing<Vec<u8>>,
    files_ias: Vec<(u16, Vec<u8>)>,
    files_cie: Vec<(u16, Vec<u8>)>,
    p: Vec<u8>,
    q: Vec<u8>,
    g: Vec<u8>,
    ca_n: Vec<u8>,
    ca_e: Vec<u8>,
    chip: RsaPrivateKey,
    services: RsaPrivateKey,
    auth: RsaPrivateKey,
    // Volatile state, cleared by a reset.
    df: Df,
    ef: Option<u16>,
    pending: Vec<u8>,
    plain_chain: Vec<u8>,
    sm_chain: Vec<u8>,
    pk_ifd: Option<Vec<u8>>,
    pk_icc: Option<Vec<u8>>,
    session: Option<CardSm>,
    ca_selected: bool,
    ifd_key: Option<(Vec<u8>, Vec<u8>, Vec<u8>)>,
    ifd_selected: bool,
    /// Hostile behaviour for robustness tests: every READ BINARY answers 256 bytes and 9000.
    pub(crate) endless_files: bool,
    rnd_icc: Option<[u8; 8]>,
    ext_auth_ok: bool,
    dapp_done: bool,
    int_key: Option<IntKey>,
    pub(crate) pin_ok: bool,
    puk_ok: bool,
    after_int_auth: Option<[u8; 8]>,
}

fn tag(b: &[u8]) -> Tag {
    #[allow(clippy::expect_used)]
    Tag::try_from(b.iter().fold(0u64, |a, &x| (a << 8) | u64::from(x))).expect("static tag")
}

fn prim(t: &[u8], v: Vec<u8>) -> Tlv {
    #[allow(clippy::expect_used)]
    Tlv::new(tag(t), Value::Primitive(v)).expect("primitive TLV")
}

fn cons(t: &[u8], children: Vec<Tlv>) -> Tlv {
    #[allow(clippy::expect_used)]
    Tlv::new(tag(t), Value::Constructed(children)).expect("constructed TLV")
}

fn sw(s: StatusWord) -> (Vec<u8>, StatusWord) {
    (Vec::new(), s)
}

fn bcd(digits: &str) -> Vec<u8> {
    digits.as_bytes().chunks(2).map(|c| ((c[0] - b'0') << 4) | (c.get(1).map_or(0x0F, |d| d - b'0'))).collect()
}

/// An RSA public key as the CIE's EF 1004 and 1005 hold it: DER `SEQUENCE { n, e }` (PKCS#1).
fn public_key_file(k: &RsaPrivateKey) -> Vec<u8> {
    #[allow(clippy::expect_used)]
    k.to_public_key().to_pkcs1_der().expect("public key encodes").as_bytes().to_vec()
}

impl CieApplet {
    /// A forged card: another chip key (EF 1004 and the key INTERNAL AUTHENTICATE uses), with
    /// the genuine card's EF.SOD, which lists the original key.
    pub(crate) fn forge_chip_key(&mut self) {
        self.chip = keys::forged_chip_key();
        let der = public_key_file(&self.chip);
        if let Some(f) = self.files_cie.iter_mut().find(|(fid, _)| *fid == 0x1004) {
            f.1 = der;
        }
    }

    /// A card without EF.SOD (its chip key bound to nothing).
    pub(crate) fn remove_sod(&mut self) {
        self.files_cie.retain(|(fid, _)| *fid != 0x1006);
    }

    /// Replaces the DH domain parameters the card hands out (hostile-card tests).
    pub(crate) fn set_dh(&mut self, g: Vec<u8>, p: Vec<u8>, q: Vec<u8>) {
        (self.g, self.p, self.q) = (g, p, q);
    }

    pub(crate) fn new(atr: Vec<u8>, pin: &str, puk: &str, pin_left: u8, puk_left: u8, days: (i64, i64)) -> Self {
        let (chip, services) = keys::cie_keys();
        let auth = keys::card_key(2048);
        let (p, q, g) = keys::cie_dh_group();
        let (ca_n, ca_e) = keys::cie_dapp_ca_public();
        let spec = CertSpec {
            given_name: "MARIA",
            surname: "ESEMPIO",
            codice_fiscale: "SMPMRA85C55L378I",
            card_number: SERIAL,
            personal_data: NIS.as_bytes(),
            not_before: keys::days_from_now(days.0),
            not_after: keys::days_from_now(days.1),
            serial: 0xC1E0_0001,
            cie: true,
        };
        #[allow(clippy::expect_used)]
        let certificate = keys::issue_certificate(&auth, &spec).expect("simulator certificate builds");
        let mut pan = vec![0x5A, 0x0C, 0x39, 0x80, 0x00];
        pan.extend_from_slice(&bcd(NIS));
        pan.extend_from_slice(&[0x00, 0x00, 0x01]);
        let mut cert_ef = certificate.clone();
        cert_ef.resize(cert_ef.len() + 64, 0x00); // files may carry trailing bytes (CIE spec §2.1)
        let serial = format!("{SERIAL}0000000").into_bytes();
        let dh_file = keys::cie_dh_file(&p, &g, &q);
        // EF.SOD lists every data group a real one lists (CIE spec §2.3), each hashed as the
        // official middleware hashes it: the NIS's 12 bytes, the card number's 9, and the first
        // TLV of the certificate, the two key files and EF.DH.
        #[allow(clippy::expect_used)]
        let sod = keys::cie_sod(&[
            (0xA1, &NIS.as_bytes()[..12]),
            (0xA2, &serial[..9]),
            (0xA3, &certificate),
            (0xA4, &public_key_file(&chip)),
            (0xA5, &public_key_file(&services)),
            (0x1B, &dh_file),
        ])
        .expect("simulator EF.SOD builds");
        // The key files carry trailing bytes as real files may (CIE spec §2.1): EF.SOD hashes
        // their first TLV, so a client that hashes the file as stored finds a mismatch.
        let padded = |k: &RsaPrivateKey| [public_key_file(k), vec![0x00; 8]].concat();
        let files_cie = vec![
            (0x1001, NIS.as_bytes().to_vec()),
            (0x1002, serial),
            (0x1003, cert_ef),
            (0x1004, padded(&chip)),
            (0x1005, padded(&services)),
            (0x1006, sod),
        ];
        let files_ias = vec![(0xD003, pan), (0xD004, dh_file)];
        let mut pin8 = Zeroizing::new(pin.as_bytes().to_vec());
        pin8.truncate(8);
        let mut puk8 = Zeroizing::new(puk.as_bytes().to_vec());
        puk8.truncate(8);
        Self {
            atr,
            certificate,
            pin_left,
            puk_left,
            pin: pin8,
            puk: puk8,
            files_ias,
            files_cie,
            p,
            q,
            g,
            ca_n,
            ca_e,
            chip,
            services,
            auth,
            df: Df::Ias,
            ef: None,
            pending: Vec::new(),
            plain_chain: Vec::new(),
            sm_chain: Vec::new(),
            pk_ifd: None,
            pk_icc: None,
            session: None,
            ca_selected: false,
            ifd_key: None,
            ifd_selected: false,
            endless_files: false,
            rnd_icc: None,
            ext_auth_ok: false,
            dapp_done: false,
            int_key: None,
            pin_ok: false,
            puk_ok: false,
            after_int_auth: None,
        }
    }

    pub(crate) fn pin_matches(&self, pin: &[u8]) -> bool {
        pin == &self.pin[..]
    }

    pub(crate) fn power_reset(&mut self) {
        self.df = Df::Ias;
        self.ef = None;
        self.pending.clear();
        self.plain_chain.clear();
        self.sm_chain.clear();
        self.pk_ifd = None;
        self.pk_icc = None;
        self.session = None;
        self.ca_selected = false;
        self.ifd_key = None;
        self.ifd_selected = false;
        self.rnd_icc = None;
        self.ext_auth_ok = false;
        self.dapp_done = false;
        self.int_key = None;
        self.pin_ok = false;
        self.puk_ok = false;
        self.after_int_auth = None;
    }

    /// A PIN or PUK presented in this raw command (counted before any fault): (pin, puk).
    /// Under SM the data is encrypted, but its presence (DO87) and the reference are visible.
    pub(crate) fn tries_in(raw: &[u8]) -> (u32, u32) {
        let Ok(cmd) = CommandApdu::from_bytes(raw) else { return (0, 0) };
        let has_data = if cmd.cla & 0x0C == 0x0C { cmd.data().first() == Some(&0x87) } else { !cmd.data().is_empty() };
        match (cmd.ins, cmd.p2, has_data) {
            (0x20, 0x81, true) | (0x24, 0x81, true) => (1, 0),
            (0x20, 0x82, true) => (0, 1),
            _ => (0, 0),
        }
    }

    /// Splits a long answer: at most 256 bytes now, `61 xx` for the rest.
    fn deliver(&mut self, mut data: Vec<u8>, status: StatusWord) -> Vec<u8> {
        if data.len() > 256 {
            let rest = data.split_off(256);
            let left = rest.len();
            self.pending = rest;
            self.pending.extend_from_slice(&status.to_bytes());
            data.extend_from_slice(&[0x61, if left >= 256 { 0 } else { left as u8 }]);
            return data;
        }
        data.extend_from_slice(&status.to_bytes());
        data
    }

    pub(crate) fn handle(&mut self, raw: &[u8]) -> Vec<u8> {
        let Ok(cmd) = CommandApdu::from_bytes(raw) else { return StatusWord::WrongLength.to_bytes().to_vec() };
        // GET RESPONSE, plain even inside SM (CIE spec §4).
        if cmd.ins == 0xC0 && cmd.cla & !0x0C == 0 {
            if self.pending.len() < 2 {
                return StatusWord::ConditionsNotSatisfied.to_bytes().to_vec();
            }
            let body_len = self.pending.len() - 2;
            let n = body_len.min(256);
            let mut out: Vec<u8> = self.pending.drain(..n).collect();
            if self.pending.len() > 2 {
                let left = self.pending.len() - 2;
                out.extend_from_slice(&[0x61, if left >= 256 { 0 } else { left as u8 }]);
            } else {
                out.append(&mut self.pending);
            }
            return out;
        }
        self.pending.clear();
        if cmd.cla & 0x0C == 0x0C {
            return self.handle_sm(&cmd);
        }
        if self.session.is_some() && !matches!(cmd.ins, 0xA4 | 0xB0 | 0xCB | 0x22) {
            // Security-relevant commands must come under SM once the session is open.
            return StatusWord::SecurityStatusNotSatisfied.to_bytes().to_vec();
        }
        let (data, status) = self.plain(&cmd);
        self.deliver(data, status)
    }

    fn handle_sm(&mut self, wrapped: &CommandApdu) -> Vec<u8> {
        let Some(session) = self.session.as_mut() else {
            return StatusWord::SmObjectsIncorrect.to_bytes().to_vec();
        };
        let Some(cmd) = session.open(wrapped) else {
            // Bad MAC or objects: plain 6988, session dropped.
            self.session = None;
            self.dapp_done = false;
            return StatusWord::SmObjectsIncorrect.to_bytes().to_vec();
        };
        // Chained pieces (CLA 1C): collect, answer each piece.
        let (data, status) = if cmd.cla & 0x10 != 0 {
            self.sm_chain.extend_from_slice(cmd.data());
            (Vec::new(), StatusWord::Ok)
        } else {
            let cmd = if self.sm_chain.is_empty() {
                cmd
            } else {
                let mut all = std::mem::take(&mut self.sm_chain);
                all.extend_from_slice(cmd.data());
                let mut c = CommandApdu::new(0, cmd.ins, cmd.p1, cmd.p2).with_data(all);
                if let Some(le) = cmd.le() {
                    c = c.with_le(le);
                }
                c
            };
            self.secured(&cmd)
        };
        let next_ssc = self.after_int_auth.take();
        let Some(session) = self.session.as_mut() else {
            return status.to_bytes().to_vec();
        };
        let sealed = session.seal(&data, status);
        if let Some(ssc) = next_ssc {
            session.restart(ssc);
        }
        let (body, outer) = sealed.split_at(sealed.len() - 2);
        self.deliver(body.to_vec(), StatusWord::from_bytes(outer[0], outer[1]))
    }

    fn files(&self) -> &[(u16, Vec<u8>)] {
        match self.df {
            Df::Ias => &self.files_ias,
            Df::Cie => &self.files_cie,
        }
    }

    fn select(&mut self, cmd: &CommandApdu) -> (Vec<u8>, StatusWord) {
        match (cmd.p1, cmd.data()) {
            (0x00, []) => {
                self.df = Df::Ias;
                self.ef = None;
                sw(StatusWord::Ok)
            }
            (0x04, aid) if aid == AID_IAS => {
                self.df = Df::Ias;
                self.ef = None;
                sw(StatusWord::Ok)
            }
            (0x04, aid) if aid == AID_CIE => {
                self.df = Df::Cie;
                self.ef = None;
                // Security status is lost on SELECT of an application (safe choice, CIE §8).
                self.pin_ok = false;
                self.puk_ok = false;
                sw(StatusWord::Ok)
            }
            (0x02, [hi, lo]) => {
                let fid = u16::from_be_bytes([*hi, *lo]);
                if self.files().iter().any(|(f, _)| *f == fid) {
                    self.ef = Some(fid);
                    sw(StatusWord::Ok)
                } else {
                    sw(StatusWord::FileNotFound)
                }
            }
            (0x04, _) => sw(StatusWord::FileNotFound),
            _ => sw(StatusWord::IncorrectP1P2),
        }
    }

    fn read(&self, cmd: &CommandApdu) -> (Vec<u8>, StatusWord) {
        if self.endless_files && self.session.is_some() {
            return (vec![0x30; 256], StatusWord::Ok);
        }
        let Some(data) = self.ef.and_then(|f| self.files().iter().find(|(x, _)| *x == f)).map(|(_, d)| d) else {
            return sw(StatusWord::NoCurrentEf);
        };
        let offset = usize::from(u16::from_be_bytes([cmd.p1 & 0x7F, cmd.p2]));
        if offset >= data.len() {
            return sw(StatusWord::WrongParameters);
        }
        let le = cmd.le().unwrap_or(256) as usize;
        let end = data.len().min(offset + le);
        let status = if end - offset < le { StatusWord::EndOfFile } else { StatusWord::Ok };
        (data[offset..end].to_vec(), status)
    }

    /// Commands of the plain phase.
    fn plain(&mut self, cmd: &CommandApdu) -> (Vec<u8>, StatusWord) {
        if cmd.cla & 0x10 != 0 {
            // Plain chaining (MSE SET A6 with PK.IFD): collect, answer 9000 to every piece.
            self.plain_chain.extend_from_slice(cmd.data());
            return sw(StatusWord::Ok);
        }
        let data = if self.plain_chain.is_empty() {
            cmd.data().to_vec()
        } else {
            let mut all = std::mem::take(&mut self.plain_chain);
            all.extend_from_slice(cmd.data());
            all
        };
        match (cmd.ins, cmd.p1, cmd.p2) {
            (0xA4, ..) => self.select(cmd),
            (0xB0, ..) => self.read(cmd),
            (0xCB, 0x3F, 0xFF) => self.get_data(cmd),
            (0x22, 0x41, 0xA6) => {
                // 80 01 9B 83 01 81 91 <len> PK.IFD
                match mse_public_value(&data) {
                    Some(pk) if !pk.is_empty() => {
                        self.pk_ifd = Some(pk);
                        sw(StatusWord::Ok)
                    }
                    _ => sw(StatusWord::IncorrectData),
                }
            }
            (0x22, 0x41, 0xA4) => self.mse_int_auth(&data),
            (0x88, 0, 0) => self.internal_authenticate(&data),
            (0x20 | 0x24 | 0x2C, ..) => sw(StatusWord::SecurityStatusNotSatisfied),
            _ => sw(StatusWord::InsNotSupported),
        }
    }

    fn mse_int_auth(&mut self, data: &[u8]) -> (Vec<u8>, StatusWord) {
        self.int_key = match data {
            [0x80, 0x01, 0x02, 0x84, 0x01, 0x83] => Some(IntKey::Services),
            [0x84, 0x01, 0x82, 0x80, 0x01, 0x9B] => Some(IntKey::Chip),
            [0x80, 0x01, 0x02, 0x84, 0x01, 0x81] => Some(IntKey::Auth),
            _ => return sw(StatusWord::ReferenceNotFound),
        };
        sw(StatusWord::Ok)
    }

    fn internal_authenticate(&mut self, data: &[u8]) -> (Vec<u8>, StatusWord) {
        match self.int_key {
            // Deterministic PKCS#1 signature with the services key (the middleware's InitEncKey).
            Some(IntKey::Services) => match crypto::pkcs1_sign_raw(&self.services, data) {
                Some(s) => (s, StatusWord::Ok),
                None => sw(StatusWord::WrongLength),
            },
            Some(IntKey::Auth) if self.pin_ok && self.dapp_done => match crypto::pkcs1_sign_raw(&self.auth, data) {
                Some(s) => (s, StatusWord::Ok),
                None => sw(StatusWord::WrongLength),
            },
            Some(IntKey::Auth) => sw(StatusWord::SecurityStatusNotSatisfied),
            Some(IntKey::Chip) => self.chip_authenticate(data),
            None => sw(StatusWord::ConditionsNotSatisfied),
        }
    }

    /// Commands under SM.
    fn secured(&mut self, cmd: &CommandApdu) -> (Vec<u8>, StatusWord) {
        match (cmd.ins, cmd.p1, cmd.p2) {
            (0xA4, ..) => self.select(cmd),
            (0xB0, ..) => self.read(cmd),
            (0x22, 0x81, 0xB6) => {
                self.ca_selected = cmd.data() == [0x80, 0x01, 0x41, 0x83, 0x01, 0x84];
                sw(if self.ca_selected { StatusWord::Ok } else { StatusWord::ReferenceNotFound })
            }
            (0x2A, 0x00, 0xAE) => self.verify_certificate(cmd.data()),
            (0x22, 0x81, 0xA4) => {
                let ok = self.ifd_key.as_ref().is_some_and(|(chr, ..)| cmd.data().get(2..) == Some(&chr[..]))
                    && cmd.data().starts_with(&[0x83, 0x0C]);
                self.ifd_selected = ok;
                sw(if ok { StatusWord::Ok } else { StatusWord::ReferenceNotFound })
            }
            (0x84, 0, 0) => {
                let mut r = [0u8; 8];
                rand::thread_rng().fill_bytes(&mut r);
                self.rnd_icc = Some(r);
                (r.to_vec(), StatusWord::Ok)
            }
            (0x82, 0, 0) => self.external_authenticate(cmd.data()),
            (0x22, 0x41, 0xA4) => self.mse_int_auth(cmd.data()),
            (0x88, 0, 0) => self.internal_authenticate(cmd.data()),
            (0x20 | 0x24 | 0x2C, ..) if !self.dapp_done => sw(StatusWord::SecurityStatusNotSatisfied),
            (0x20, 0x00, r @ (0x81 | 0x82)) => self.verify(r, cmd.data()),
            (0x24, 0x00, 0x81) => self.change_reference_data(cmd.data()),
            (0x2C, p1 @ (0x02 | 0x03), 0x81) => self.reset_retry_counter(p1, cmd.data()),
            (0x20 | 0x24 | 0x2C, ..) => sw(StatusWord::ReferenceNotFound),
            _ => sw(StatusWord::InsNotSupported),
        }
    }
}

/// PK.IFD, the value of DO 91 in MSE SET (`80 01 9B 83 01 81 91 L PK.IFD`).
fn mse_public_value(mut data: &[u8]) -> Option<Vec<u8>> {
    while !data.is_empty() {
        let (tlv, rest) = Tlv::parse(data);
        let tlv = tlv.ok()?;
        if tlv.tag().to_bytes() == [0x91] {
            return match tlv.value() {
                Value::Primitive(v) => Some(v.clone()),
                Value::Constructed(_) => None,
            };
        }
        data = rest;
    }
    None
}
