//! The CIE 3.0 profile (CIE spec): recognition, plain reads, Diffie-Hellman key agreement,
//! device authentication (DAPP), secure messaging and the PIN operations. Only the protocol
//! composition is ours; every primitive comes from RustCrypto (see [`crypto`]).
//!
//! Every step after the DH key agreement runs under secure messaging. A secured command that
//! fails leaves the send-sequence counter out of step, so the session is dropped and the next
//! operation authenticates again; no command carrying a PIN is ever re-sent.

pub mod crypto;
mod dapp;
pub mod keys;
mod tlv;
pub mod memory;
pub mod sm;
pub mod sod;

pub use super::identity::CieFamily as Family;

use super::iso7816::{self, Channel};
use super::error::{CardError, Op, TriesLeft, map_pin_status};
use super::identity::PinPolicy;
use tessera_apdu::apdu::{CommandApdu, ResponseApdu, StatusWord};
use crate::secret::{LengthRule, Pin, PinKind, Puk};
use iso7816_tlv::ber::Tlv;
pub use keys::{CaKind, DappKeys};
use rand::RngCore;
use dapp::{CaKey, SN_IFD, chip_answer_ok, external_authentication, terminal_cvc};
use tlv::{children, dig, primitive};
use sm::{SM_CHUNK, SmError, SmSession};
use zeroize::Zeroizing;

/// The IAS application (CIE spec §1.3).
pub const AID_IAS: [u8; 13] = [0xA0, 0x00, 0x00, 0x00, 0x30, 0x80, 0x00, 0x00, 0x00, 0x09, 0x81, 0x60, 0x01];
/// The CIE application.
pub const AID_CIE: [u8; 6] = [0xA0, 0x00, 0x00, 0x00, 0x00, 0x39];
/// PAN (EF.SN) under the IAS DF.
pub const EF_PAN: u16 = 0xD003;
/// EF.IdServizi: the NIS, 12 digits.
pub const EF_ID_SERVIZI: u16 = 0x1001;
/// EF.Serial: the card number (first 9 bytes), SM only.
pub const EF_SERIAL: u16 = 0x1002;
/// EF.CertCIE: the authentication certificate, SM only.
pub const EF_CERT: u16 = 0x1003;
/// EF.IntAuth: the chip's DAPP public key (key 0x82).
pub const EF_INT_AUTH: u16 = 0x1004;
/// EF.SOD: the signed hashes that tie the chip key to the national chain.
pub const EF_SOD: u16 = 0x1006;
/// PIN reference.
pub const PIN_REF: u8 = 0x81;
/// PUK reference.
pub const PUK_REF: u8 = 0x82;
/// CIE PIN: 8 digits.
pub const PIN_RULE: LengthRule = PinPolicy::CIE.pin;
/// CIE PUK: 8 digits.
pub const PUK_RULE: LengthRule = PinPolicy::CIE.puk;

/// DH domain parameters, fixed-length big-endian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DhParams {
    /// Generator.
    pub g: Vec<u8>,
    /// Prime modulus.
    pub p: Vec<u8>,
    /// Subgroup order.
    pub q: Vec<u8>,
}


/// A CIE, as recognised, with its secure-messaging session once authenticated.
pub struct CieProfile {
    /// The chip family.
    pub family: &'static Family,
    keys: DappKeys,
    session: Option<SmSession>,
    /// Which CA signed the terminal certificate the card accepted (known after authentication):
    /// [`CaKind::Simulator`] means Tessera's simulated card.
    pub ca: Option<CaKind>,
    /// The NIS (EF.IdServizi), read in the plain phase.
    pub nis: Option<String>,
    /// The connection trusts cards of Tessera's test authority with secrets (the demo, or an
    /// explicit choice): see [`super::Profile::may_receive_secret`].
    pub trust_simulated: bool,
    /// EF.IntAuth (the chip key), as read: hashed against EF.SOD.
    int_auth: Vec<u8>,
    /// What EF.SOD said of the chip key (checked once per session, before the first secret).
    pub chip_key: Option<sod::ChipKeyCheck>,
    /// The card number, once read (EF.Serial): remembered public data is used only for it.
    card_number: Option<String>,
}

impl std::fmt::Debug for CieProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CieProfile").field("family", &self.family.name).field("authenticated", &self.session.is_some()).finish()
    }
}

fn check(op: Op, r: &ResponseApdu) -> Result<(), CardError> {
    if r.sw.is_ok() { Ok(()) } else { Err(CardError::Unexpected { op, sw: r.sw }) }
}

fn sm_err(e: SmError) -> CardError {
    CardError::SecureMessaging(e)
}

impl CieProfile {
    /// A CIE of the given family, authenticating with `keys`.
    pub fn new(family: &'static Family, keys: DappKeys) -> Self {
        Self { family, keys, session: None, ca: None, nis: None, trust_simulated: false, int_auth: Vec::new(), chip_key: None, card_number: None }
    }

    /// Whether a secure-messaging session is open.
    pub fn authenticated(&self) -> bool {
        self.session.is_some()
    }

    fn select_ias(&self, ch: &mut Channel<'_>) -> Result<(), CardError> {
        let cmd = if self.family.ias_by_mf {
            CommandApdu::new(0x00, 0xA4, 0x00, 0x00)
        } else {
            iso7816::select_aid(&AID_IAS)
        };
        check(Op::Select, &ch.exchange(&cmd)?)
    }

    fn select_cie(&self, ch: &mut Channel<'_>) -> Result<(), CardError> {
        check(Op::Select, &ch.exchange(&iso7816::select_aid(&AID_CIE))?)
    }

    fn select_ef(fid: u16) -> CommandApdu {
        CommandApdu::new(0x00, 0xA4, 0x02, 0x04).with_data(fid.to_be_bytes().to_vec())
    }

    /// Reads a whole EF in plain (CIE spec §2.2), with 256-byte reads.
    fn read_plain(ch: &mut Channel<'_>, fid: u16) -> Result<Vec<u8>, CardError> {
        match ch.exchange(&Self::select_ef(fid))?.sw {
            StatusWord::Ok => {}
            StatusWord::FileNotFound => return Err(CardError::NotFound("CIE file")),
            sw => return Err(CardError::Unexpected { op: Op::Select, sw }),
        }
        ch.read_binary(0, 0x7FFF)
    }

    /// The plain phase up to the DH parameters: IAS, PAN, CIE application, NIS, chip key.
    fn plain_phase(&mut self, ch: &mut Channel<'_>) -> Result<(Vec<u8>, Vec<u8>), CardError> {
        self.select_ias(ch)?;
        let _pan = Self::read_plain(ch, EF_PAN)?;
        self.select_cie(ch)?;
        let nis = Self::read_plain(ch, EF_ID_SERVIZI)?;
        self.nis = Some(crate::text::printable(&nis.iter().take(12).map(|&b| b as char).collect::<String>()));
        let int_auth = Self::read_plain(ch, EF_INT_AUTH)?;
        // DER SEQUENCE { modulus, exponent }, maybe followed by padding.
        let tlv = Tlv::parse(&int_auth).0.map_err(|_| CardError::Malformed("EF.IntAuth"))?;
        self.int_auth = int_auth;
        let parts = children(&tlv);
        match parts.as_slice() {
            [n, e, ..] => Ok((crypto::strip_zeros(n).to_vec(), crypto::strip_zeros(e).to_vec())),
            _ => Err(CardError::Malformed("EF.IntAuth")),
        }
    }

    fn get_data(ch: &mut Channel<'_>, data: &[u8]) -> Result<Tlv, CardError> {
        let r = ch.exchange(&CommandApdu::new(0x00, 0xCB, 0x3F, 0xFF).with_data(data.to_vec()).with_le(256))?;
        check(Op::GetData, &r)?;
        Tlv::from_bytes(r.data()).map_err(|_| CardError::Malformed("GET DATA reply"))
    }

    /// DH parameters: one GET DATA on Gemalto, three on the others; if the family's form is
    /// refused, the other form is tried (CIE spec §9.2).
    fn dh_params(&self, ch: &mut Channel<'_>) -> Result<DhParams, CardError> {
        let first = if self.family.dh_single { Self::dh_single(ch) } else { Self::dh_triple(ch) };
        match first {
            Err(CardError::Unexpected { op: Op::GetData, sw: StatusWord::ReferenceNotFound | StatusWord::IncorrectData }) => {
                if self.family.dh_single { Self::dh_triple(ch) } else { Self::dh_single(ch) }
            }
            other => other,
        }
    }

    fn dh_single(ch: &mut Channel<'_>) -> Result<DhParams, CardError> {
        let t = Self::get_data(ch, &[0x4D, 0x08, 0x70, 0x06, 0xBF, 0xA1, 0x01, 0x02, 0xA3, 0x80])?;
        let a3 = dig(&t, &[&[0xBF, 0xA1, 0x01], &[0xA3]]).ok_or(CardError::Malformed("DH parameters"))?;
        match children(a3).as_slice() {
            [g, p, q] => Ok(DhParams { g: g.clone(), p: p.clone(), q: q.clone() }),
            _ => Err(CardError::Malformed("DH parameters")),
        }
    }

    fn dh_triple(ch: &mut Channel<'_>) -> Result<DhParams, CardError> {
        let mut get = |t: u8| -> Result<Vec<u8>, CardError> {
            let reply = Self::get_data(ch, &[0x4D, 0x0A, 0x70, 0x08, 0xBF, 0xA1, 0x01, 0x04, 0xA3, 0x02, t, 0x00])?;
            dig(&reply, &[&[0xBF, 0xA1, 0x01], &[0xA3], &[t]]).and_then(primitive).ok_or(CardError::Malformed("DH parameters"))
        };
        Ok(DhParams { g: get(0x97)?, p: get(0x98)?, q: get(0x99)? })
    }

    fn ca_key(ch: &mut Channel<'_>) -> Result<CaKey, CardError> {
        let t = Self::get_data(ch, &[0x4D, 0x09, 0x70, 0x07, 0xBF, 0xA0, 0x04, 0x03, 0x7F, 0x49, 0x80])?;
        let key = dig(&t, &[&[0xBF, 0xA0, 0x04], &[0x7F, 0x49]]).ok_or(CardError::Malformed("CA key"))?;
        let field = |tg: &[u8]| dig(key, &[tg]).and_then(primitive).ok_or(CardError::Malformed("CA key"));
        let chr = field(&[0x5F, 0x20])?;
        let cha = field(&[0x5F, 0x4C])?;
        Ok(CaKey {
            n: crypto::strip_zeros(&field(&[0x81])?).to_vec(),
            e: field(&[0x82])?,
            car: chr.get(4..).ok_or(CardError::Malformed("CA key"))?.to_vec(),
            aid: cha.get(..6).ok_or(CardError::Malformed("CA key"))?.to_vec(),
        })
    }

    /// The terminal's card-verifiable certificate, signed with the first CA private exponent
    /// that round-trips with the card's CA public key (CIE spec §3.5(a)).
    fn terminal_certificate(&mut self, ca: &CaKey) -> Result<Vec<u8>, CardError> {
        for (kind, d) in self.keys.ca_private_exponents() {
            if let Some(cvc) = terminal_cvc(ca, d, &self.keys.n_dapp)? {
                self.ca = Some(kind);
                return Ok(cvc);
            }
        }
        Err(CardError::UnknownAuthority)
    }

    /// DH key agreement and device authentication; opens the SM session (CIE spec §3).
    pub fn authenticate(&mut self, ch: &mut Channel<'_>) -> Result<(), CardError> {
        self.session = None;
        let (chip_n, chip_e) = self.plain_phase(ch)?;
        let dh = self.dh_params(ch)?;
        crypto::check_dh_params(&dh.g, &dh.p, &dh.q).map_err(CardError::Malformed)?;
        let ca = Self::ca_key(ch)?;
        if !(128..=512).contains(&ca.n.len()) || ca.e.is_empty() {
            return Err(CardError::Malformed("CA key"));
        }
        if !(128..=512).contains(&chip_n.len()) || chip_e.is_empty() {
            return Err(CardError::Malformed("EF.IntAuth"));
        }
        let plen = dh.p.len();
        let mut rng = rand::thread_rng();
        // x: |q| random bytes, below q in its first byte, odd (as the middleware draws it).
        let mut x = Zeroizing::new(vec![0u8; dh.q.len()]);
        loop {
            rng.fill_bytes(&mut x);
            if x[0] <= dh.q[0] {
                break;
            }
        }
        if let Some(last) = x.last_mut() {
            *last |= 1;
        }
        let pk_ifd = crypto::mod_pow(&dh.g, &x, &dh.p, plen);
        let mut mse = vec![0x80, 0x01, 0x9B, 0x83, 0x01, 0x81, 0x91];
        mse.extend_from_slice(&sm::der_len(pk_ifd.len()));
        mse.extend_from_slice(&pk_ifd);
        check(Op::Authenticate, &ch.exchange_chained(&CommandApdu::new(0x00, 0x22, 0x41, 0xA6).with_data(mse))?)?;
        let t = Self::get_data(ch, &[0x4D, 0x04, 0xA6, 0x02, 0x91, 0x00])?;
        let pk_icc = dig(&t, &[&[0x91]]).and_then(primitive).ok_or(CardError::Malformed("PK.ICC"))?;
        crypto::check_dh_public(&pk_icc, &dh.p).map_err(CardError::Malformed)?;
        let z = Zeroizing::new(crypto::mod_pow(&pk_icc, &x, &dh.p, plen));
        let (k_enc, k_mac) = crypto::derive_keys(&z);
        self.session = Some(SmSession::new(k_enc, k_mac, [0, 0, 0, 0, 0, 0, 0, 1]));

        // DAPP, under SM.
        let cvc = self.terminal_certificate(&ca)?;
        let r = self.sm(ch, &CommandApdu::new(0, 0x22, 0x81, 0xB6).with_data(vec![0x80, 0x01, 0x41, 0x83, 0x01, 0x84]).with_le(256))?;
        check(Op::Authenticate, &r)?;
        check(Op::Authenticate, &self.sm(ch, &CommandApdu::new(0, 0x2A, 0x00, 0xAE).with_data(cvc))?)?;
        let mut chr_ifd = vec![0x83, 0x0C, 0, 0, 0, 0];
        chr_ifd.extend_from_slice(&SN_IFD);
        check(Op::Authenticate, &self.sm(ch, &CommandApdu::new(0, 0x22, 0x81, 0xA4).with_data(chr_ifd))?)?;
        let r = self.sm(ch, &CommandApdu::new(0, 0x84, 0, 0).with_le(8))?;
        check(Op::Authenticate, &r)?;
        let rnd_icc = r.data().to_vec();
        if rnd_icc.len() != 8 {
            return Err(CardError::Malformed("challenge"));
        }
        let mut prnd = vec![0u8; self.keys.n_dapp.len() - 34];
        rng.fill_bytes(&mut prnd);
        let ext = external_authentication(&self.keys, &prnd, &rnd_icc, [&pk_icc, &pk_ifd, &dh.g, &dh.p, &dh.q]).ok_or(CardError::Malformed("DAPP key"))?;
        check(Op::Authenticate, &self.sm(ch, &CommandApdu::new(0, 0x82, 0, 0).with_data(ext))?)?;
        let mse = vec![0x84, 0x01, 0x82, 0x80, 0x01, 0x9B];
        check(Op::Authenticate, &self.sm(ch, &CommandApdu::new(0, 0x22, 0x41, 0xA4).with_data(mse))?)?;
        let mut rnd_ifd = [0u8; 8];
        rng.fill_bytes(&mut rnd_ifd);
        let r = self.sm(ch, &CommandApdu::new(0, 0x88, 0, 0).with_data(rnd_ifd.to_vec()))?;
        check(Op::Authenticate, &r)?;
        if !chip_answer_ok((&chip_n, &chip_e), r.data(), &rnd_ifd, [&pk_icc, &pk_ifd, &dh.g, &dh.p, &dh.q]) {
            self.session = None;
            return Err(CardError::ChipNotAuthentic);
        }
        let mut ssc = [0u8; 8];
        ssc[..4].copy_from_slice(&rnd_icc[4..8]);
        ssc[4..].copy_from_slice(&rnd_ifd[4..8]);
        if let Some(s) = self.session.as_mut() {
            s.set_ssc(ssc);
        }
        Ok(())
    }

    /// Drops the session (the card no longer has it: reset, or another program's).
    pub fn forget_session(&mut self) {
        self.session = None;
    }

    /// Opens a session if none is open.
    pub fn ensure_session(&mut self, ch: &mut Channel<'_>) -> Result<(), CardError> {
        if self.session.is_none() { self.authenticate(ch) } else { Ok(()) }
    }

    /// Sends a command under SM (chaining data longer than 231 bytes), returns the unwrapped
    /// answer. Any failure drops the session (the counter is out of step).
    fn sm(&mut self, ch: &mut Channel<'_>, cmd: &CommandApdu) -> Result<ResponseApdu, CardError> {
        self.sm_with(ch, cmd, false)
    }

    fn sm_with(&mut self, ch: &mut Channel<'_>, cmd: &CommandApdu, mac_only: bool) -> Result<ResponseApdu, CardError> {
        let links = cmd.chain(SM_CHUNK);
        let last = links.len() - 1;
        for (i, link) in links.iter().enumerate() {
            let Some(session) = self.session.as_mut() else {
                return Err(CardError::Unexpected { op: Op::Authenticate, sw: StatusWord::SecurityStatusNotSatisfied });
            };
            let wrapped = session.wrap(link, mac_only);
            let raw = match ch.exchange(&wrapped) {
                Ok(r) => r,
                Err(e) => {
                    self.session = None;
                    return Err(e);
                }
            };
            let keep = matches!(raw.sw, StatusWord::Ok | StatusWord::EndOfFile | StatusWord::WrongParameters);
            let r = match session.unwrap(&raw) {
                Ok(r) => r,
                Err(e) => {
                    self.session = None;
                    return Err(sm_err(e));
                }
            };
            if !keep {
                // An unauthenticated error status: the counters are out of step now.
                self.session = None;
                return Ok(r);
            }
            if i == last || !r.sw.is_ok() {
                return Ok(r);
            }
        }
        unreachable!("chain() returns at least one link")
    }

    fn read_sm(&mut self, ch: &mut Channel<'_>, fid: u16) -> Result<Vec<u8>, CardError> {
        self.ensure_session(ch)?;
        let r = self.sm(ch, &Self::select_ef(fid))?;
        match r.sw {
            StatusWord::Ok => {}
            StatusWord::FileNotFound => return Err(CardError::NotFound("CIE file")),
            sw => return Err(CardError::Unexpected { op: Op::Select, sw }),
        }
        iso7816::read_loop(0, iso7816::MAX_READ_OFFSET + 1, sm::READ_CHUNK, |pos, want| self.sm(ch, &iso7816::read_binary(pos, want)))
    }

    /// The first bytes of an EF (one secured READ BINARY).
    fn read_sm_head(&mut self, ch: &mut Channel<'_>, fid: u16) -> Result<Vec<u8>, CardError> {
        self.ensure_session(ch)?;
        let r = self.sm(ch, &Self::select_ef(fid))?;
        if !r.sw.is_ok() {
            return Err(CardError::Unexpected { op: Op::Select, sw: r.sw });
        }
        let r = self.sm(ch, &iso7816::read_binary(0, sm::READ_CHUNK as u32))?;
        Ok(if r.sw.is_ok() { r.data().to_vec() } else { Vec::new() })
    }

    /// Checks once per session, before the first secret, that EF.SOD binds the chip key to an
    /// anchor (see [`sod`]); the result is kept in [`CieProfile::chip_key`].
    ///
    /// A positive verdict is remembered for the chip key in this process and, with a store
    /// installed, between processes ([`memory`]: for this card number and these anchors).
    pub fn check_chip_key(&mut self, ch: &mut Channel<'_>) -> Result<&sod::ChipKeyCheck, CardError> {
        if self.chip_key.is_none() {
            self.chip_key = sod::remembered(&self.int_auth);
        }
        let anchors = if self.chip_key.is_none() { sod::anchors() } else { Vec::new() };
        let anchors_hash = sod::anchors_hash(&anchors);
        if self.chip_key.is_none() {
            let number = self.read_card_number(ch)?;
            self.chip_key = memory::sod_verdict(&self.int_auth, &number, &anchors_hash);
            if self.chip_key.is_some() {
                tracing::debug!("CIE chip key: the EF.SOD verdict remembered for this card");
            }
        }
        if self.chip_key.is_none() {
            let check = match self.read_sm(ch, EF_SOD) {
                Ok(raw) => sod::check(&raw, &self.int_auth, &anchors),
                Err(e @ (CardError::Transport(_) | CardError::Response(_) | CardError::SecureMessaging(_))) => return Err(e),
                Err(_) => sod::ChipKeyCheck::Unverified("EF.SOD could not be read"),
            };
            tracing::debug!(?check, "CIE chip key against EF.SOD");
            let strict = sod::national_anchors_installed(&anchors);
            self.chip_key = Some(match check {
                sod::ChipKeyCheck::Unverified(why) if strict => {
                    tracing::warn!(why, "national CSCA installed and the card does not chain to it");
                    sod::ChipKeyCheck::Mismatch
                }
                other => other,
            });
            if let Some(c) = &self.chip_key {
                sod::remember(&self.int_auth, c);
                if let Some(number) = &self.card_number {
                    memory::remember_sod_verdict(&self.int_auth, number, &anchors_hash, c);
                }
            }
        }
        Ok(self.chip_key.as_ref().unwrap_or(&sod::ChipKeyCheck::Unverified("not checked")))
    }

    /// The card number (EF.Serial, first 9 characters), under SM; read once per profile.
    pub fn read_card_number(&mut self, ch: &mut Channel<'_>) -> Result<String, CardError> {
        if let Some(n) = &self.card_number {
            return Ok(n.clone());
        }
        let raw = self.read_sm(ch, EF_SERIAL)?;
        let text: String = raw.iter().take(9).map(|&b| b as char).collect();
        if text.len() == 9 && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
            self.card_number = Some(text.clone());
            Ok(text)
        } else {
            Err(CardError::Malformed("EF.Serial"))
        }
    }

    /// The authentication certificate (EF.CertCIE), under SM, cut at its DER length — or as
    /// remembered for this chip key and card number ([`memory`]), after the device
    /// authentication proved the chip holds that key.
    pub fn read_certificate(&mut self, ch: &mut Channel<'_>) -> Result<Vec<u8>, CardError> {
        self.ensure_session(ch)?;
        let number = self.read_card_number(ch)?;
        if let Some(der) = memory::certificate(&self.int_auth, &number) {
            // Checked against the card's own first bytes (serial number, issuer): a certificate
            // replaced on the card is read again.
            let head = self.read_sm_head(ch, EF_CERT)?;
            if !head.is_empty() && der.starts_with(&head) {
                tracing::debug!("CIE certificate: remembered for this card, its first bytes checked");
                return Ok(der);
            }
            tracing::debug!("the remembered certificate is not the card's: read again");
        }
        let mut der = self.read_sm(ch, EF_CERT)?;
        let total = iso7816::der_total_len(&der).ok_or(CardError::Malformed("certificate"))?;
        if der.len() < total {
            return Err(CardError::Malformed("certificate"));
        }
        der.truncate(total);
        memory::remember_certificate(&self.int_auth, &number, &der);
        Ok(der)
    }

    /// Tries left, with VERIFY without data under SM (MAC only), which spends no try. Whether
    /// real CIEs answer it is unverified (CIE spec §5): anything but 63Cx / 6983 is "unknown".
    pub fn tries_left(&mut self, ch: &mut Channel<'_>, kind: PinKind) -> Result<TriesLeft, CardError> {
        self.ensure_session(ch)?;
        let reference = if kind == PinKind::Pin { PIN_REF } else { PUK_REF };
        let r = self.sm_with(ch, &iso7816::verify(reference, None), true)?;
        Ok(match r.sw {
            StatusWord::VerifyFailed { tries_left } => TriesLeft::Known(tries_left),
            StatusWord::AuthMethodBlocked => TriesLeft::Known(0),
            _ => TriesLeft::Unknown,
        })
    }

    fn verify(&mut self, ch: &mut Channel<'_>, kind: PinKind, secret: &[u8], op: Op) -> Result<(), CardError> {
        let reference = if kind == PinKind::Pin { PIN_REF } else { PUK_REF };
        let r = self.sm(ch, &iso7816::verify(reference, Some(secret)))?;
        map_pin_status(op, kind, r.sw)
    }

    /// VERIFY the current PIN, then CHANGE REFERENCE DATA (old ‖ new), as the official
    /// middleware does. A wrong PIN stops at the VERIFY: one try spent.
    pub fn change_pin(&mut self, ch: &mut Channel<'_>, current: &Pin, new: &Pin) -> Result<(), CardError> {
        self.ensure_session(ch)?;
        self.verify(ch, PinKind::Pin, current.expose_secret(), Op::Verify)?;
        let mut body = Zeroizing::new(Vec::with_capacity(current.len() + new.len()));
        body.extend_from_slice(current.expose_secret());
        body.extend_from_slice(new.expose_secret());
        let r = self.sm(ch, &iso7816::change_reference_data(PIN_REF, &body))?;
        map_pin_status(Op::ChangePin, PinKind::Pin, r.sw)
    }

    /// VERIFY the PUK, then RESET RETRY COUNTER P1=02 with the new PIN (CIE spec §5).
    pub fn unblock_pin(&mut self, ch: &mut Channel<'_>, puk: &Puk, new: &Pin) -> Result<(), CardError> {
        self.ensure_session(ch)?;
        self.verify(ch, PinKind::Puk, puk.expose_secret(), Op::Unblock)?;
        let cmd = CommandApdu::new(0x00, 0x2C, 0x02, PIN_REF).with_data(new.expose_secret().to_vec()).sensitive();
        let r = self.sm(ch, &cmd)?;
        map_pin_status(Op::Unblock, PinKind::Pin, r.sw)
    }
}

impl CieProfile {
    /// VERIFY the PIN inside the secure session (a login).
    pub fn verify_pin(&mut self, ch: &mut Channel<'_>, pin: &Pin) -> Result<(), CardError> {
        self.ensure_session(ch)?;
        self.verify(ch, PinKind::Pin, pin.expose_secret(), Op::Verify)
    }

    /// Whether a kept login is known to be over: no secure session (a new one would not hold
    /// the login), or VERIFY without data (MAC only) answering a counter or "blocked" — 9000
    /// when verified (IAS-ECC; not observed on a CIE, so any other answer counts as "does not
    /// say"). Sends nothing secret.
    pub fn login_lost(&mut self, ch: &mut Channel<'_>) -> Result<bool, CardError> {
        if self.session.is_none() {
            return Ok(true);
        }
        let sw = self.sm_with(ch, &iso7816::verify(PIN_REF, None), true)?.sw;
        Ok(matches!(sw, StatusWord::VerifyFailed { .. } | StatusWord::AuthMethodBlocked))
    }

    /// Signs with the authentication key (0x81): VERIFY PIN (`None`: still verified from a kept
    /// login), MSE SET (algorithm 02: the card adds PKCS#1 v1.5 type-01 padding), INTERNAL
    /// AUTHENTICATE with the DigestInfo (CIE spec §6).
    pub fn sign(&mut self, ch: &mut Channel<'_>, pin: Option<&Pin>, digest_info: &[u8]) -> Result<Vec<u8>, CardError> {
        self.ensure_session(ch)?;
        if let Some(pin) = pin {
            self.verify(ch, PinKind::Pin, pin.expose_secret(), Op::Verify)?;
        }
        let mse = CommandApdu::new(0x00, 0x22, 0x41, 0xA4).with_data(vec![0x80, 0x01, 0x02, 0x84, 0x01, 0x81]);
        check(Op::Sign, &self.sm(ch, &mse)?)?;
        let r = self.sm(ch, &CommandApdu::new(0x00, 0x88, 0x00, 0x00).with_data(digest_info.to_vec()))?;
        check(Op::Sign, &r)?;
        Ok(r.data().to_vec())
    }
}
