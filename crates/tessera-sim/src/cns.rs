//! The simulated CNS card's command processor (CNS spec §7).

mod pin;

use super::fs::{Fs, Node};
use super::keys::{self, CertSpec};
use super::config::{Preset, SimConfig, SimProfile};
use crate::hex::unhex;
use iso7816_tlv::ber::{Tag, Tlv, Value};
use tessera_apdu::apdu::{CommandApdu, StatusWord};
use rand::RngCore;
use rsa::RsaPrivateKey;
use rsa::pkcs8::EncodePublicKey;
use rsa::traits::PublicKeyParts;
use zeroize::Zeroizing;

/// Trentino CPS ATR (CNS spec §1.1: STIncard, CNS 1.1).
const ATR_CPS: &str = "3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 17 17 01 11 01 43 4E 53 11 31 80 8C";
/// TS-CNS Trento ATR (CNS spec §1.3: Siemens CardOS, CNS 1.0).
const ATR_TSCNS: &str = "3B FF 18 00 FF C1 0A 31 FE 55 00 6B 05 08 C8 0C 01 11 01 43 4E 53 10 31 80 05";
/// The ACe 2025 application (CNS spec §1.4, §1.5).
const AID_ACE2025: [u8; 12] = [0xA0, 0x00, 0x00, 0x05, 0x30, 0x00, 0x0B, 0x10, 0x40, 0x01, 0x02, 0x1A];
/// The ST2022 (JSign4) application (CNS spec §1.4).
const AID_ST2022: [u8; 8] = [0xA0, 0x00, 0x00, 0x00, 0x95, 0x01, 0x00, 0x4D];

/// EF_DatiPersonali (CNS spec §2.3): a 6-hex-digit length, then 16 fields of 2 hex digits of
/// length and the value, 0x00 up to 400 bytes. What the length counts differs between sources:
/// OpenSC reads it as the length of what follows; the ACe 2025 log shows it counting its own 6
/// digits too (CNS spec §1.5, O). `counts_itself` picks the second form, so clients meet both.
fn dati_personali(fields: &[&str; 16], counts_itself: bool) -> Vec<u8> {
    let body: String = fields.iter().map(|f| format!("{:02X}{f}", f.len())).collect();
    let declared = body.len() + if counts_itself { 6 } else { 0 };
    let mut file = format!("{declared:06X}{body}").into_bytes();
    file.resize(400.max(file.len()), 0x00);
    file
}

const PIN_MAX: u8 = 3;
const PUK_MAX: u8 = 10;

/// Which file layout the simulated card has (the lots of CNS spec §1.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Files under the MF (CPS, TS-CNS; also the signature token, without EF_DatiPersonali).
    Classic,
    /// Classic files, certificate at 1400/9001/2002, key DF 1400/9002 (key ref 02).
    Idemia2021,
    /// Files under the ACe 2025 application: D003, 1100/1102, DA01/C001.
    Ace2025,
    /// Classic files under the ST2022 application.
    St2022,
}

/// ACe 2025 ATR (CNS spec §1.5: the G&D-mask CNS ATR of public lists; says CNS 1.0).
const ATR_ACE2025: [u8; 25] = [
    0x3B, 0xFF, 0x18, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x4D, 0x00, 0x6B, 0x04, 0x04, 0xB8, 0x5B, 0x01, 0xF1, 0x01,
    0x43, 0x4E, 0x53, 0x10, 0x31, 0x80, 0x9D,
];
/// IDEMIA 2021 ATR (CNS spec §1.5).
const ATR_IDEMIA2021: [u8; 25] = [
    0x3B, 0xFF, 0x18, 0x00, 0x00, 0x81, 0x31, 0xFE, 0x45, 0x00, 0x6B, 0x05, 0x05, 0x20, 0x00, 0x01, 0x21, 0x01,
    0x43, 0x4E, 0x53, 0x10, 0x31, 0x80, 0x79,
];
/// The IDEMIA 2021 key's DF.
const IDEMIA_KEY_DF: [u16; 2] = [0x1400, 0x9002];

pub(crate) struct CnsApplet {
    pub(crate) atr: Vec<u8>,
    pub(crate) certificate: Vec<u8>,
    pub(crate) pin_left: u8,
    pub(crate) puk_left: u8,
    stincard: bool,
    aid: Option<&'static [u8]>,
    layout: Layout,
    /// Refuse what the real card is only inferred to accept (see `SimProfile::Ace2025Strict`).
    strict: bool,
    /// The application has been selected since the last reset.
    app_selected: bool,
    /// Every SELECT answers 6A82 (a model whose layout no client knows).
    pub(crate) files_absent: bool,
    fs: Fs,
    cur_df: Vec<u16>,
    cur_ef: Option<Vec<u16>>,
    pin: Zeroizing<Vec<u8>>,
    puk: Zeroizing<Vec<u8>>,
    pub(crate) verified: bool,
    se_ready: bool,
    chain: Option<(u8, u8, u8, Vec<u8>)>,
    key: RsaPrivateKey,
}

fn sw(s: StatusWord) -> Vec<u8> {
    s.to_bytes().to_vec()
}

fn ok(mut data: Vec<u8>) -> Vec<u8> {
    data.extend_from_slice(&[0x90, 0x00]);
    data
}

fn pad8(s: &str) -> Zeroizing<Vec<u8>> {
    let mut v = Zeroizing::new(s.as_bytes().to_vec());
    let n = 8.max(v.len());
    v.resize(n, 0xFF);
    v
}

impl CnsApplet {
    /// Replaces EF_DatiPersonali with these 16 fields (hostile-card tests: names with control
    /// characters or escape sequences).
    pub(crate) fn set_personal_data(&mut self, fields: &[&str; 16]) {
        self.fs.add_ef(&[0x1100, 0x1102], dati_personali(fields, self.layout == Layout::Ace2025));
    }
}

impl CnsApplet {
    pub(crate) fn new(cfg: &SimConfig) -> Self {
        let (atr, bits, stincard, card_number, cert_ef_size): (Vec<u8>, u16, bool, &str, Option<usize>) = match cfg.profile {
            // The CPS's certificate EF is larger than the certificate (0xFF padding) so that
            // readers must cut at the DER length, as on cards seen in OpenSC issue #3804.
            SimProfile::Cps | SimProfile::CnsToken => (unhex(ATR_CPS), 2048, true, "6022000000123456", Some(0x800)),
            SimProfile::TsCns => (unhex(ATR_TSCNS), 1024, false, "5011000000654321", None),
            // ACe 2025: H13 says CNS 1.0, the key is RSA-2048; the certificate EF is exactly the
            // certificate (FCI size = DER length), as observed.
            SimProfile::Ace2025 | SimProfile::Ace2025Strict => (ATR_ACE2025.to_vec(), 2048, false, "8039012345678901", None),
            SimProfile::Idemia2021 => (ATR_IDEMIA2021.to_vec(), 2048, false, "7026000000424242", None),
            // Contactless ATR with no historical bytes (CNS spec §1.4).
            SimProfile::St2022Nfc | SimProfile::Cie | SimProfile::CieGemalto => {
                (vec![0x3B, 0x80, 0x80, 0x01, 0x01], 2048, true, "6022000000777777", None)
            }
        };
        let layout = match cfg.profile {
            SimProfile::Ace2025 | SimProfile::Ace2025Strict => Layout::Ace2025,
            SimProfile::Idemia2021 => Layout::Idemia2021,
            SimProfile::St2022Nfc => Layout::St2022,
            _ => Layout::Classic,
        };
        let aid: Option<&'static [u8]> = match layout {
            Layout::St2022 => Some(&AID_ST2022[..]),
            Layout::Ace2025 => Some(&AID_ACE2025[..]),
            Layout::Classic | Layout::Idemia2021 => None,
        };
        let key = keys::card_key(bits);
        let (nb_days, na_days) = match cfg.preset {
            Preset::CertExpiring => (-6 * 365 + 20, 20),
            Preset::CertExpired => (-6 * 365 - 10, -10),
            _ => (-365, 5 * 365),
        };
        let (not_before, not_after) = (keys::days_from_now(nb_days), keys::days_from_now(na_days));
        let date = |t: std::time::SystemTime| {
            let since = t.duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            match der::DateTime::from_unix_duration(since) {
                Ok(dt) => format!("{:02}{:02}{:04}", dt.day(), dt.month(), dt.year()),
                Err(_) => "01012000".to_owned(),
            }
        };
        let (issue, expiry) = (date(not_before), date(not_after));
        let fields: [&str; 16] = [
            "4022", &issue, &expiry, "ESEMPIO", "MARIA", "15031985", "F", "", "SMPMRA85C55L378I", "", "L378", "", "",
            "L378", "VIA DEL SIMULATORE 1", "",
        ];
        let personal = dati_personali(&fields, layout == Layout::Ace2025);
        let spec = CertSpec {
            given_name: "MARIA",
            surname: "ESEMPIO",
            codice_fiscale: "SMPMRA85C55L378I",
            card_number,
            personal_data: &personal,
            not_before,
            not_after,
            serial: 0x5E55_0001 + u32::from(bits),
            cie: false,
        };
        #[allow(clippy::expect_used)]
        let certificate = keys::issue_certificate(&key, &spec).expect("simulator certificate builds");
        let mut cert_ef = certificate.clone();
        if let Some(size) = cert_ef_size {
            cert_ef.resize(size.max(cert_ef.len()), 0xFF);
        }
        let mut fs = Fs::new();
        match layout {
            Layout::Ace2025 => {
                // D003: 2 bytes (tag/length, I) then the card number as 8 bytes of packed BCD (O).
                let mut d003 = vec![0x5A, 0x08];
                d003.extend(card_number.as_bytes().chunks(2).map(|p| ((p[0] - b'0') << 4) | (p[1] - b'0')));
                fs.add_ef(&[0xD003], d003);
                fs.add_ef(&[0x1100, 0x1102], personal);
                fs.add_ef(&[0xDA01, 0xC001], cert_ef);
            }
            Layout::Classic | Layout::Idemia2021 | Layout::St2022 => {
                fs.add_ef(&[0x1000, 0x1002], b"SIMULATED-CHIP-0001".to_vec());
                fs.add_ef(&[0x1000, 0x1003], card_number.as_bytes().to_vec());
                if layout == Layout::Idemia2021 {
                    fs.add_ef(&[0x1400, 0x9001, 0x2002], cert_ef);
                    fs.add_df(&IDEMIA_KEY_DF);
                } else {
                    fs.add_ef(&[0x1100, 0x1101], cert_ef);
                }
                if cfg.profile != SimProfile::CnsToken {
                    fs.add_ef(&[0x1100, 0x1102], personal);
                }
                for fid in [0x1201, 0x1202, 0x1203, 0x4142] {
                    fs.add_ef(&[0x1200, fid], vec![0x00; 32]);
                }
                fs.add_ef(&[0x3F02], vec![0x00; 8]);
                fs.add_ef(&[0x2F02], vec![0x00; 16]);
                fs.add_ef(&[0x0405], vec![0x00; 16]);
            }
        }
        #[allow(clippy::expect_used)]
        let spki = key.to_public_key().to_public_key_der().expect("public key encodes").into_vec();
        fs.add_ef(&[0x3F01], spki);

        let (pin_left, puk_left) = match cfg.preset {
            Preset::PinLastTry => (1, PUK_MAX),
            Preset::PinBlocked => (0, PUK_MAX),
            Preset::PukLow => (0, 2),
            Preset::PukBlocked => (0, 0),
            _ => (PIN_MAX, PUK_MAX),
        };
        Self {
            atr,
            certificate,
            pin_left,
            puk_left,
            stincard,
            aid,
            layout,
            strict: cfg.profile == SimProfile::Ace2025Strict,
            app_selected: false,
            files_absent: false,
            fs,
            cur_df: Vec::new(),
            cur_ef: None,
            pin: pad8(&cfg.pin),
            puk: pad8(&cfg.puk),
            verified: false,
            se_ready: false,
            chain: None,
            key,
        }
    }

    pub(crate) fn pin_matches(&self, pin: &[u8]) -> bool {
        let mut p = Zeroizing::new(pin.to_vec());
        let n = 8.max(p.len());
        p.resize(n, 0xFF);
        *p == *self.pin
    }

    pub(crate) fn power_reset(&mut self) {
        self.app_selected = false;
        self.cur_df.clear();
        self.cur_ef = None;
        self.verified = false;
        self.se_ready = false;
        self.chain = None;
    }

    /// The PIN and PUK tries this raw command presents: (pin, puk).
    pub(crate) fn tries_in(&self, raw: &[u8]) -> (u32, u32) {
        let Ok(cmd) = CommandApdu::from_bytes(raw) else { return (0, 0) };
        if cmd.data().is_empty() {
            return (0, 0);
        }
        let pin_ref = self.pin_ref();
        match cmd.ins {
            0x20 if cmd.p2 == pin_ref => (1, 0),
            0x20 if cmd.p2 == pin_ref + 1 => (0, 1),
            0x24 => (1, 0),
            0x2C => (0, 1),
            _ => (0, 0),
        }
    }

    pub(crate) fn dispatch(&mut self, raw: &[u8]) -> Vec<u8> {
        let Ok(cmd) = CommandApdu::from_bytes(raw) else {
            return sw(StatusWord::WrongLength);
        };
        if cmd.cla & !0x10 != 0x00 {
            return sw(StatusWord::ClaNotSupported);
        }
        // ISO command chaining (CLA b5): collect the data of all links, run on the last one.
        let cmd = if cmd.cla & 0x10 != 0 {
            let mut chain = self.chain.take().unwrap_or((cmd.ins, cmd.p1, cmd.p2, Vec::new()));
            if (chain.0, chain.1, chain.2) != (cmd.ins, cmd.p1, cmd.p2) {
                return sw(StatusWord::ConditionsNotSatisfied);
            }
            chain.3.extend_from_slice(cmd.data());
            self.chain = Some(chain);
            return sw(StatusWord::Ok);
        } else if let Some((ins, p1, p2, mut data)) = self.chain.take() {
            if (ins, p1, p2) != (cmd.ins, cmd.p1, cmd.p2) {
                return sw(StatusWord::ConditionsNotSatisfied);
            }
            data.extend_from_slice(cmd.data());
            let mut whole = CommandApdu::new(0, cmd.ins, cmd.p1, cmd.p2).with_data(data);
            if let Some(le) = cmd.le() {
                whole = whole.with_le(le);
            }
            whole
        } else {
            cmd
        };
        // Strict ACe 2025: PIN commands only with the application as the current DF (I).
        if self.strict && matches!(cmd.ins, 0x20 | 0x24 | 0x2C) && !(self.app_selected && self.cur_df.is_empty()) {
            return sw(StatusWord::ReferenceNotFound);
        }
        match cmd.ins {
            0xA4 => self.select(&cmd),
            0xB0 => self.read_binary(&cmd),
            0x20 => self.verify(&cmd),
            0x24 => self.change(&cmd),
            0x2C => self.reset_retry_counter(&cmd),
            0x22 => self.mse(&cmd),
            0x2A => self.pso(&cmd),
            0x84 => self.get_challenge(&cmd),
            // ST2022 (JSign4): GET DATA 01 80 names the product (O: OpenSC PR #3806). Other
            // lots answer 6D00 to GET DATA, as OpenSC's probes need (CNS spec §7 item 2).
            0xCA if self.layout == Layout::St2022 && (cmd.p1, cmd.p2) == (0x01, 0x80) => ok(b"ST JSign4 CNS".to_vec()),
            _ => sw(StatusWord::InsNotSupported),
        }
    }

    fn fci(&self, path: &[u16]) -> Vec<u8> {
        let fid = path.last().copied().unwrap_or(super::fs::MF);
        // CNS compact ACL (9 bytes, CNS spec §2.5): READ always (00), the rest never (FF); for a
        // DF, byte 7 (create) 00.
        let item = |t: u8, v: Vec<u8>| {
            #[allow(clippy::expect_used)]
            Tlv::new(Tag::try_from(t).expect("one-byte tag"), Value::Primitive(v)).expect("FCI item")
        };
        let mut items = Vec::new();
        match self.fs.get(path) {
            Some(Node::Ef(data)) => {
                items.push(item(0x80, (data.len() as u16).to_be_bytes().to_vec()));
                items.push(item(0x82, vec![0x01]));
                items.push(item(0x83, fid.to_be_bytes().to_vec()));
                items.push(item(0x86, vec![0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]));
            }
            _ => {
                items.push(item(0x82, vec![0x38]));
                items.push(item(0x83, fid.to_be_bytes().to_vec()));
                items.push(item(0x86, vec![0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0xFF]));
            }
        }
        items.push(item(0x8A, vec![0x05]));
        #[allow(clippy::expect_used)]
        Tlv::new(Tag::try_from(0x6F_u8).expect("FCI tag"), Value::Constructed(items)).expect("FCI").to_vec()
    }

    fn select(&mut self, cmd: &CommandApdu) -> Vec<u8> {
        let data = cmd.data();
        let fids = |d: &[u8]| -> Option<Vec<u16>> {
            (d.len().is_multiple_of(2) && !d.is_empty()).then(|| d.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect())
        };
        if self.files_absent {
            return sw(StatusWord::FileNotFound);
        }
        if self.layout == Layout::Ace2025 {
            // O: FID selects of DA01 / C001 right after the AID answer 6A82; only paths work.
            // Strict: paths from the MF are refused too, and P2=0C (never observed) gets 6A86.
            let fid_select = matches!(cmd.p1, 0x00..=0x02) && data != [0x3F, 0x00];
            if fid_select || (self.strict && cmd.p1 == 0x08) {
                return sw(StatusWord::FileNotFound);
            }
            if self.strict && cmd.p1 == 0x09 && cmd.p2 == 0x0C {
                return sw(StatusWord::IncorrectP1P2);
            }
        }
        let target = match cmd.p1 {
            0x00 | 0x02 => match fids(data) {
                Some(f) if f.len() == 1 => self.fs.resolve_fid(&self.cur_df, f[0]),
                // SELECT MF with no data (case 1/2).
                None if data.is_empty() && cmd.p1 == 0x00 => Some(Vec::new()),
                _ => return sw(StatusWord::WrongLength),
            },
            // Only the profile's own CNS application answers by AID; anything else gets 6A82,
            // since a 9000 makes OpenSC bind another driver (CNS spec §7 item 2). The
            // application's root plays the MF's role (its files keep the MF paths).
            0x04 => self.aid.filter(|a| *a == data).map(|_| Vec::new()),
            0x08 | 0x09 => match fids(data) {
                Some(mut f) => {
                    if cmd.p1 == 0x08 && f.first() == Some(&super::fs::MF) {
                        f.remove(0);
                    }
                    let mut path = if cmd.p1 == 0x09 { self.cur_df.clone() } else { Vec::new() };
                    path.extend(f);
                    self.fs.get(&path).is_some().then_some(path)
                }
                None => return sw(StatusWord::WrongLength),
            },
            _ => return sw(StatusWord::IncorrectP1P2),
        };
        if !matches!(cmd.p2 & !0x03, 0x00 | 0x04 | 0x0C) {
            return sw(StatusWord::IncorrectP1P2);
        }
        let Some(path) = target else {
            return sw(StatusWord::FileNotFound);
        };
        if cmd.p1 == 0x04 {
            self.app_selected = true;
        }
        match self.fs.get(&path) {
            Some(Node::Ef(_)) => {
                self.cur_df = path[..path.len() - 1].to_vec();
                self.cur_ef = Some(path.clone());
            }
            _ => {
                self.cur_df = path.clone();
                self.cur_ef = None;
            }
        }
        if cmd.p2 & 0x0C == 0x0C { sw(StatusWord::Ok) } else { ok(self.fci(&path)) }
    }

    fn read_binary(&mut self, cmd: &CommandApdu) -> Vec<u8> {
        if cmd.p1 & 0x80 != 0 {
            return sw(StatusWord::FunctionNotSupported); // short EF identifiers: not on CNS
        }
        let Some(Node::Ef(data)) = self.cur_ef.as_ref().and_then(|p| self.fs.get(p)) else {
            return sw(StatusWord::NoCurrentEf);
        };
        let offset = usize::from(u16::from_be_bytes([cmd.p1, cmd.p2]));
        if offset >= data.len() {
            return sw(StatusWord::WrongParameters);
        }
        let le = cmd.le().unwrap_or(256) as usize;
        let end = data.len().min(offset + le);
        ok(data[offset..end].to_vec())
    }

    fn mse(&mut self, cmd: &CommandApdu) -> Vec<u8> {
        match (cmd.p1, cmd.p2) {
            // MSE RESTORE SE #3; OpenSC sends a trailing 00 that decodes as Le (CNS spec §5.1).
            (0xF3, 0x03) => {
                self.se_ready = false;
                sw(StatusWord::Ok)
            }
            (0xF1, 0xB6 | 0xB8) => {
                let key_ref = if self.layout == Layout::Idemia2021 { 0x02 } else { 0x01 };
                if cmd.data() == [0x83, 0x01, key_ref] {
                    self.se_ready = true;
                    sw(StatusWord::Ok)
                } else {
                    sw(StatusWord::ReferenceNotFound)
                }
            }
            _ => sw(StatusWord::IncorrectP1P2),
        }
    }

    fn pso(&mut self, cmd: &CommandApdu) -> Vec<u8> {
        let block = match (cmd.p1, cmd.p2) {
            (0x80, 0x86) => match cmd.data().split_first() {
                Some((0x00, rest)) => rest,
                _ => return sw(StatusWord::IncorrectData),
            },
            (0x9E, 0x9A) => cmd.data(),
            _ => return sw(StatusWord::IncorrectP1P2),
        };
        if !self.verified {
            return sw(StatusWord::SecurityStatusNotSatisfied);
        }
        if !self.se_ready {
            return sw(StatusWord::ConditionsNotSatisfied);
        }
        // O (#2483): IDEMIA 2021 signs only with the key's DF current, else 6984.
        if self.layout == Layout::Idemia2021 && self.cur_df != IDEMIA_KEY_DF {
            return sw(StatusWord::ReferenceDataNotUsable);
        }
        let k = self.key.size();
        if block.len() != k {
            return sw(StatusWord::WrongLength);
        }
        let m = rsa::BigUint::from_bytes_be(block);
        if &m >= self.key.n() {
            return sw(StatusWord::IncorrectData);
        }
        let mut rng = rand::thread_rng();
        match rsa::hazmat::rsa_decrypt_and_check(&self.key, Some(&mut rng), &m) {
            Ok(c) => {
                let bytes = c.to_bytes_be();
                let mut out = vec![0u8; k - bytes.len()];
                out.extend_from_slice(&bytes);
                ok(out)
            }
            Err(_) => sw(StatusWord::NoDiagnosis),
        }
    }

    fn get_challenge(&mut self, cmd: &CommandApdu) -> Vec<u8> {
        if (cmd.p1, cmd.p2) != (0, 0) {
            return sw(StatusWord::IncorrectP1P2);
        }
        let n = cmd.le().unwrap_or(8).min(256) as usize;
        let mut v = vec![0u8; n];
        rand::thread_rng().fill_bytes(&mut v);
        ok(v)
    }
}
