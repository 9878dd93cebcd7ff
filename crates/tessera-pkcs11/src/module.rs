//! The module's state and operations in safe Rust: slots (one per reader, stable ids), tokens
//! (a supported card in the reader), sessions, login and signing. The C ABI (`lib.rs`) only
//! converts pointers to and from these calls.
//!
//! Locking: one module lock for the slot list and the sessions (short, no card I/O under it),
//! and a lock per slot held for that slot's card I/O, so two readers work in parallel and two
//! sessions on one card take turns.

use crate::mechanism::{self, Mechanism, Padding};
use crate::objects::{Kind, KeyMaterial};
use cryptoki_sys::*;
use sha2::digest::DynDigest;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use tessera_core::card::TriesLeft;
use tessera_core::secret::Pin;
use tessera_core::service::token::{self, LoggedIn, PssHash, SignInput};
use tessera_core::transport::Connection;
use tessera_pcsc::PcscConnection;
use tessera_pcsc::PcscContext;
use tessera_core::{Error, cert};
use zeroize::Zeroizing;

/// A PKCS#11 return value as an error.
pub type Rv = CK_RV;

/// A core error's PKCS#11 return value: its row of the error table.
pub fn rv_of(e: &Error) -> Rv {
    e.row().ck_rv as Rv
}

/// Simulated cards (Tessera's public test authority) get a PIN only when the environment says
/// TESSERA_ALLOW_SIMULATED_CARD=1.
fn trust_simulated() -> bool {
    std::env::var("TESSERA_ALLOW_SIMULATED_CARD").as_deref() == Ok("1")
}

/// Connects to the card in `reader`.
fn connect(ctx: &PcscContext, reader: &str) -> Result<PcscConnection, Rv> {
    let mut conn = ctx.connect(Some(reader)).map_err(|e| rv_of(&e.into()))?;
    conn.set_trust_simulated_cards(trust_simulated());
    Ok(conn)
}

/// Which card is in a reader: a new insertion changes the service's event count.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Identity {
    atr: Vec<u8>,
    events: u32,
}

/// A supported card in a reader.
pub struct Token {
    identity: Identity,
    /// Token label (holder and card type).
    pub label: String,
    /// Card number.
    pub serial: String,
    /// CPS, CIE…
    pub card_type: tessera_core::card::CardType,
    /// The key, certificate and object attributes.
    pub key: KeyMaterial,
    /// PIN tries as last read or learned (no try spent to know it).
    pub pin_tries: TriesLeft,
    /// PIN tries when fresh.
    pub pin_max: u8,
    /// PIN lengths.
    pub pin_len: (usize, usize),
    /// The connection to the card, kept for the token's life: a login lives on it.
    conn: PcscConnection,
    /// The card as the token read left it, for the login (on a CIE, with its secure session):
    /// taken by the login.
    kept: Option<token::KeptCard>,
    /// The login: the card is kept verified between signatures (the PIN itself is dropped as
    /// soon as the VERIFY is answered). Ended on logout, on a card reset or removal, and when
    /// the token goes (docs/pkcs11.md, "Login").
    login: Option<LoggedIn>,
    /// Bumped at each insertion: sessions opened on an older card are dead.
    pub generation: u64,
}

impl Drop for Token {
    fn drop(&mut self) {
        if let Some(session) = self.login.take() {
            token::logout(&mut self.conn, session);
        }
    }
}

/// One reader.
pub struct Slot {
    /// Reader name.
    pub reader: String,
    /// The token, under the slot's own lock (held during card I/O).
    pub state: Mutex<Option<Token>>,
}

/// An active signing operation.
pub struct SignOp {
    mechanism: Mechanism,
    /// PSS: salt length (the hash is the mechanism's, or the parameters' for CKM_RSA_PKCS_PSS).
    pss: Option<(CK_MECHANISM_TYPE, usize)>,
    /// Hash-and-sign mechanisms: the running hash of what C_SignUpdate passed.
    hasher: Option<Box<dyn DynDigest + Send>>,
    /// Other mechanisms: the data C_SignUpdate passed.
    data: Zeroizing<Vec<u8>>,
}

/// An open session.
pub struct Session {
    /// Its slot.
    pub slot: CK_SLOT_ID,
    /// Read-write session.
    pub rw: bool,
    /// The token generation it was opened on.
    pub generation: u64,
    /// Handles left from C_FindObjects.
    pub found: Option<Vec<CK_OBJECT_HANDLE>>,
    /// The signing operation, between C_SignInit and C_Sign/C_SignFinal.
    pub sign: Option<SignOp>,
}

/// Everything between C_Initialize and C_Finalize.
pub struct Module {
    ctx: Option<PcscContext>,
    slots: Vec<Arc<Slot>>,
    sessions: HashMap<CK_SESSION_HANDLE, Session>,
    next_session: CK_SESSION_HANDLE,
}

impl Module {
    /// A module with no slots yet (readers are listed at C_GetSlotList); connects to the
    /// smart-card service when it can (and again later when it could not).
    pub fn start() -> Self {
        // Public card data (a CIE's certificate and EF.SOD verdict) remembered between
        // processes in the user's cache folder (docs/pkcs11.md, "What is remembered").
        if let Some(store) = tessera_files::cache::functions() {
            tessera_core::card::cie::memory::install(Box::new(store));
        }
        Self { ctx: PcscContext::establish().ok(), slots: Vec::new(), sessions: HashMap::new(), next_session: 1 }
    }

    fn context(&mut self) -> Option<PcscContext> {
        if self.ctx.is_none() {
            self.ctx = PcscContext::establish().ok();
        }
        self.ctx.clone()
    }

    /// Lists the readers; a new reader gets the next slot id, and ids never change or go away
    /// while the module is loaded (NSS never removes a slot).
    pub fn refresh_slots(&mut self) -> Vec<(CK_SLOT_ID, bool)> {
        let readers = match self.context().map(|c| c.readers()) {
            Some(Ok(r)) => r,
            Some(Err(e)) => {
                tracing::debug!(error = %e, "listing readers failed");
                self.ctx = None;
                Vec::new()
            }
            None => Vec::new(),
        };
        for r in &readers {
            if !self.slots.iter().any(|s| s.reader == r.name) {
                self.slots.push(Arc::new(Slot { reader: r.name.clone(), state: Mutex::new(None) }));
            }
        }
        self.slots
            .iter()
            .enumerate()
            .map(|(i, s)| (i as CK_SLOT_ID, readers.iter().any(|r| r.name == s.reader && r.card_present)))
            .collect()
    }

    /// The slot with this id.
    pub fn slot(&self, id: CK_SLOT_ID) -> Result<Arc<Slot>, Rv> {
        usize::try_from(id).ok().and_then(|i| self.slots.get(i)).cloned().ok_or(CKR_SLOT_ID_INVALID)
    }

    /// The PC/SC context (for card I/O outside the module lock).
    pub fn pcsc(&mut self) -> Result<PcscContext, Rv> {
        self.context().ok_or(CKR_DEVICE_ERROR)
    }

    /// Opens a session on a slot whose token was just checked to be present.
    pub fn open_session(&mut self, slot: CK_SLOT_ID, rw: bool, generation: u64) -> CK_SESSION_HANDLE {
        let h = self.next_session;
        self.next_session += 1;
        self.sessions.insert(h, Session { slot, rw, generation, found: None, sign: None });
        h
    }

    /// The session, if open.
    pub fn session(&mut self, h: CK_SESSION_HANDLE) -> Result<&mut Session, Rv> {
        self.sessions.get_mut(&h).ok_or(CKR_SESSION_HANDLE_INVALID)
    }

    /// Closes a session; returns whether it was the slot's last one.
    pub fn close_session(&mut self, h: CK_SESSION_HANDLE) -> Result<(CK_SLOT_ID, bool), Rv> {
        let s = self.sessions.remove(&h).ok_or(CKR_SESSION_HANDLE_INVALID)?;
        let last = !self.sessions.values().any(|o| o.slot == s.slot);
        Ok((s.slot, last))
    }

    /// Closes every session of a slot.
    pub fn close_all(&mut self, slot: CK_SLOT_ID) {
        self.sessions.retain(|_, s| s.slot != slot);
    }

    /// Sessions of a slot: (all, read-write).
    pub fn session_counts(&self, slot: CK_SLOT_ID) -> (usize, usize) {
        let of_slot = self.sessions.values().filter(|s| s.slot == slot);
        let rw = of_slot.clone().filter(|s| s.rw).count();
        (of_slot.count(), rw)
    }
}

/// Makes sure the slot's token matches the card now in the reader: a new card is read (one
/// overview transaction, no PIN try), a card gone drops the token and its login. Returns the
/// token, or CKR_TOKEN_NOT_PRESENT / CKR_TOKEN_NOT_RECOGNIZED.
pub fn current_token<'a>(ctx: &PcscContext, slot: &Slot, state: &'a mut Option<Token>) -> Result<&'a mut Token, Rv> {
    let readers = ctx.readers().map_err(|e| rv_of(&e.into()))?;
    let Some(r) = readers.into_iter().find(|r| r.name == slot.reader && r.card_present) else {
        *state = None;
        return Err(CKR_TOKEN_NOT_PRESENT);
    };
    let identity = Identity { atr: r.atr, events: r.event_count };
    if state.as_ref().is_some_and(|t| t.identity == identity) {
        return state.as_mut().ok_or(CKR_GENERAL_ERROR);
    }
    let generation = state.as_ref().map_or(0, |t| t.generation) + 1;
    *state = None;
    let mut conn = connect(ctx, &slot.reader)?;
    let (o, kept) = token::read(&mut conn).map_err(|e| rv_of(&e))?;
    let der = o.certificate_der.clone().ok_or(CKR_TOKEN_NOT_RECOGNIZED)?;
    let parts = cert::der_parts(&der).map_err(|_| CKR_TOKEN_NOT_RECOGNIZED)?;
    let public = cert::rsa_public_key(&der).map_err(|_| CKR_TOKEN_NOT_RECOGNIZED)?;
    use rsa::traits::PublicKeyParts;
    use sha1::Digest;
    let modulus = public.n().to_bytes_be();
    // PSS needs raw RSA: CNS cards have it, the CIE pads by itself.
    let mechanisms = mechanism::for_card(o.card_type != tessera_core::card::CardType::Cie, modulus.len());
    let holder = o.holder.clone().unwrap_or_default();
    let label = if holder.is_empty() { o.card_type.to_string() } else { format!("{holder} ({})", o.card_type) };
    *state = Some(Token {
        identity,
        serial: o.card_number.clone().unwrap_or_default(),
        card_type: o.card_type,
        key: KeyMaterial {
            cert: der,
            subject: parts.subject,
            issuer: parts.issuer,
            serial: parts.serial,
            id: sha1::Sha1::digest(&modulus).to_vec(),
            modulus,
            exponent: public.e().to_bytes_be(),
            label: format!("{} authentication", o.card_type),
            mechanisms,
        },
        label,
        pin_tries: o.pin(),
        pin_max: o.pin_max_tries,
        pin_len: (o.pin_min_len, o.pin_max_len),
        conn,
        kept: Some(kept),
        login: None,
        generation,
    });
    tracing::debug!(reader = %slot.reader, card = %o.card_type, apdus = o.apdus, "token read");
    state.as_mut().ok_or(CKR_GENERAL_ERROR)
}

impl Token {
    /// CK_TOKEN_INFO flags from what the card said about its counter.
    pub fn flags(&self) -> CK_FLAGS {
        let mut f = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED | CKF_LOGIN_REQUIRED | CKF_WRITE_PROTECTED;
        match self.pin_tries {
            TriesLeft::Known(0) => f |= CKF_USER_PIN_LOCKED,
            TriesLeft::Known(1) => f |= CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_COUNT_LOW,
            TriesLeft::Known(n) if n < self.pin_max => f |= CKF_USER_PIN_COUNT_LOW,
            _ => {}
        }
        f
    }

    /// Logged in (the card kept verified).
    pub fn logged_in(&self) -> bool {
        self.login.is_some()
    }

    /// Ends the login: the card is reset, so that it is no longer verified (unless another
    /// program is connected to it; the last one to leave resets it).
    pub fn logout(&mut self) {
        if let Some(session) = self.login.take() {
            token::logout(&mut self.conn, session);
        }
    }

    /// Mechanisms for C_GetMechanismList.
    pub fn mechanisms(&self) -> &[CK_MECHANISM_TYPE] {
        &self.key.mechanisms
    }

    /// Key size in bits.
    pub fn key_bits(&self) -> CK_ULONG {
        crate::objects::modulus_bits(&self.key.modulus)
    }

    /// C_Login: the PIN's format first (nothing sent when wrong), then one VERIFY after the
    /// counter read; the card stays verified and the PIN is dropped here. A wrong PIN is never
    /// sent again by the module.
    pub fn login(&mut self, typed: Zeroizing<Vec<u8>>) -> Result<(), Rv> {
        if self.login.is_some() {
            return Err(CKR_USER_ALREADY_LOGGED_IN);
        }
        if self.pin_tries == TriesLeft::Known(0) {
            return Err(CKR_PIN_LOCKED);
        }
        let text = String::from_utf8(typed.to_vec()).map_err(|_| CKR_PIN_INVALID)?;
        let rule = tessera_core::secret::LengthRule { min: self.pin_len.0, max: self.pin_len.1 };
        let pin = Pin::parse(text, rule).map_err(|e| rv_of(&Error::InvalidInput(e.into())))?;
        self.conn.set_trust_simulated_cards(trust_simulated());
        let outcome = token::login(&mut self.conn, self.kept.take(), &pin);
        drop(pin);
        match outcome {
            Ok((session, l)) => {
                self.pin_tries = l.pin;
                self.login = Some(session);
                Ok(())
            }
            Err(e) => {
                match &e {
                    Error::WrongSecret { tries_left, .. } => self.pin_tries = TriesLeft::Known(*tries_left),
                    Error::PinBlocked => self.pin_tries = TriesLeft::Known(0),
                    _ => {}
                }
                Err(rv_of(&e))
            }
        }
    }

    /// Signs `data` as the mechanism says, in the login: the card must still be verified (a
    /// reset, a removal, or a PIN tried or changed by another program ends the login, and the
    /// application is told to log in again: CKR_USER_NOT_LOGGED_IN). No PIN is sent. `data` is
    /// what C_Sign passed, or `None` after C_SignUpdate.
    pub fn sign(&mut self, op: &SignOp, data: Option<&[u8]>) -> Result<Vec<u8>, Rv> {
        if self.login.is_none() {
            return Err(CKR_USER_NOT_LOGGED_IN);
        }
        let k = self.key.modulus.len();
        let bits = crate::objects::modulus_bits(&self.key.modulus) as usize;
        let (hash, input) = op.input(data);
        let digest_info: Zeroizing<Vec<u8>>;
        let input = match (op.mechanism.padding, hash) {
            (Padding::Pkcs1, None) => {
                digest_info = input;
                SignInput::DigestInfo(&digest_info)
            }
            (Padding::Pkcs1, Some(h)) => {
                let prefix = mechanism::digest_info_prefix(h).ok_or(CKR_MECHANISM_INVALID)?;
                digest_info = Zeroizing::new([&prefix[..], &input].concat());
                SignInput::DigestInfo(&digest_info)
            }
            (Padding::Pss, _) => {
                let (ckm, salt_len) = op.pss.ok_or(CKR_MECHANISM_PARAM_INVALID)?;
                let (hlen, _) = mechanism::pss_hash(ckm).ok_or(CKR_MECHANISM_PARAM_INVALID)?;
                let hash = match ckm {
                    CKM_SHA256 => PssHash::Sha256,
                    CKM_SHA384 => PssHash::Sha384,
                    _ => PssHash::Sha512,
                };
                if input.len() != hlen || hlen + salt_len + 2 > bits.saturating_sub(1).div_ceil(8) {
                    return Err(CKR_DATA_LEN_RANGE);
                }
                digest_info = input;
                SignInput::Pss { hash, digest: &digest_info, salt_len }
            }
        };
        if matches!(input, SignInput::DigestInfo(d) if d.len() + 11 > k) {
            return Err(CKR_DATA_LEN_RANGE);
        }
        let Some(session) = self.login.as_mut() else { return Err(CKR_USER_NOT_LOGGED_IN) };
        match token::sign(&mut self.conn, session, input, bits) {
            Ok((sig, apdus)) => {
                tracing::debug!(apdus, "signed");
                Ok(sig)
            }
            Err(e) => {
                let over = matches!(e, Error::LoginExpired | Error::Transport(tessera_core::transport::TransportError::Reset));
                if over || matches!(e, Error::SecureChannel) {
                    // The card is no longer verified for us (or its secure session broke): the
                    // application asks for the PIN again; nothing was re-sent.
                    self.logout();
                    return Err(CKR_USER_NOT_LOGGED_IN);
                }
                if matches!(e, Error::Transport(_) | Error::CardDied) {
                    self.logout();
                }
                Err(rv_of(&e))
            }
        }
    }
}

impl SignOp {
    /// A new operation; `pss`: (hash mechanism, salt length) for the PSS mechanisms.
    pub fn new(mechanism: Mechanism, pss: Option<(CK_MECHANISM_TYPE, usize)>) -> Self {
        let hasher = mechanism.hash.and_then(mechanism::hasher);
        Self { mechanism, pss, hasher, data: Zeroizing::new(Vec::new()) }
    }

    /// C_SignUpdate.
    pub fn update(&mut self, part: &[u8]) {
        match self.hasher.as_mut() {
            Some(h) => h.update(part),
            None => self.data.extend_from_slice(part),
        }
    }

    /// What the padding works on, with the hash applied (if any): the data of C_Sign, or what
    /// C_SignUpdate collected. The operation itself is left as it was.
    fn input(&self, data: Option<&[u8]>) -> (Option<CK_MECHANISM_TYPE>, Zeroizing<Vec<u8>>) {
        match &self.hasher {
            Some(h) => {
                let mut h = h.box_clone();
                if let Some(d) = data {
                    h.update(d);
                }
                (self.mechanism.hash, Zeroizing::new(h.finalize().to_vec()))
            }
            None => (None, Zeroizing::new(data.unwrap_or(&self.data).to_vec())),
        }
    }

    /// The signature length for this key.
    pub fn len(token: &Token) -> usize {
        token.key.modulus.len()
    }
}

/// The objects a session sees: the private key only after login.
pub fn visible(slot: CK_SLOT_ID, token: &Token) -> Vec<(CK_OBJECT_HANDLE, Kind)> {
    Kind::ALL
        .iter()
        .filter(|k| **k != Kind::PrivateKey || token.logged_in())
        .map(|k| (k.handle(slot), *k))
        .collect()
}

/// Locks a mutex, surviving a poisoned lock (a panic caught at the ABI).
pub fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_core::error_table::{self as t, ckr};

    /// The error table's PKCS#11 numbers are PKCS#11's (the core keeps them as plain numbers).
    #[test]
    fn the_table_speaks_pkcs11() {
        let pairs = [
            (ckr::DEVICE_ERROR, CKR_DEVICE_ERROR),
            (ckr::DEVICE_REMOVED, CKR_DEVICE_REMOVED),
            (ckr::FUNCTION_CANCELED, CKR_FUNCTION_CANCELED),
            (ckr::PIN_INCORRECT, CKR_PIN_INCORRECT),
            (ckr::PIN_INVALID, CKR_PIN_INVALID),
            (ckr::PIN_LEN_RANGE, CKR_PIN_LEN_RANGE),
            (ckr::PIN_LOCKED, CKR_PIN_LOCKED),
            (ckr::TOKEN_NOT_RECOGNIZED, CKR_TOKEN_NOT_RECOGNIZED),
            (ckr::USER_NOT_LOGGED_IN, CKR_USER_NOT_LOGGED_IN),
            (ckr::FUNCTION_REJECTED, CKR_FUNCTION_REJECTED),
        ];
        for (ours, theirs) in pairs {
            assert_eq!(ours as CK_RV, theirs);
        }
        assert_eq!(rv_of(&Error::PinBlocked), CKR_PIN_LOCKED);
        assert_eq!(rv_of(&Error::SimulatedCard), CKR_FUNCTION_REJECTED);
        assert!(t::ALL.iter().all(|r| pairs.iter().any(|(ours, _)| *ours == r.ck_rv)), "every row's value is checked here");
    }
}
