//! Card profiles: ISO 7816 commands and the exchange helper, ATR recognition, the CNS/CPS
//! profile. Data (AIDs, file ids, PIN references) and vendor quirks live here.

pub mod cie;
pub mod cns;
pub mod detect;
pub mod registration;
mod error;
pub mod identity;
pub mod iso7816;

pub use error::{CardError, Op, SmError, TriesLeft};
pub use identity::{CardIdentity, CardType, Issuer, ModelNote, PinPolicy};


/// A recognised card: the CNS family or the CIE, behind one interface for the service layer.
#[derive(Debug)]
pub enum Profile {
    /// CPS / TS-CNS / CNS.
    Cns(cns::CnsProfile),
    /// CIE 3.0.
    Cie(Box<cie::CieProfile>),
}

impl Profile {
    /// The profile of an identified card (for CNS lots with a bare ATR, after SELECT by AID).
    /// `None`: not a card Tessera manages.
    pub fn detect(ch: &mut iso7816::Channel<'_>, identity: &CardIdentity) -> Result<Option<Self>, CardError> {
        if let Some(family) = identity.cie_family() {
            return Ok(Some(Profile::Cie(Box::new(cie::CieProfile::new(family, cie::DappKeys::default())))));
        }
        Ok(cns::CnsProfile::detect(ch, identity)?.map(Profile::Cns))
    }

    /// CPS, TS-CNS, CNS or CIE, as read from the card.
    pub fn card_type(&self) -> CardType {
        match self {
            Profile::Cns(p) => p.card_type(),
            Profile::Cie(_) => CardType::Cie,
        }
    }

    /// The PIN and PUK rules.
    pub fn policy(&self) -> PinPolicy {
        self.card_type().policy()
    }

    /// Chip, OS and version: names and numbers, the same in every language.
    pub fn model(&self) -> String {
        match self {
            Profile::Cns(p) => p.model(),
            Profile::Cie(c) => format!("CIE 3.0 ({})", c.family.name),
        }
    }

    /// What sets the card apart from its model, said in words by the front-ends.
    pub fn model_note(&self) -> Option<ModelNote> {
        match self {
            Profile::Cns(p) => p.model_note(),
            Profile::Cie(_) => None,
        }
    }

    /// The card number printed on the card.
    pub fn read_card_number(&mut self, ch: &mut iso7816::Channel<'_>) -> Result<String, CardError> {
        match self {
            Profile::Cns(p) => p.read_card_number(ch),
            Profile::Cie(c) => c.read_card_number(ch),
        }
    }

    /// The CNS personal-data file (a CIE has none readable without enrolment).
    pub fn read_personal_data(&mut self, ch: &mut iso7816::Channel<'_>) -> Result<Option<cns::PersonalData>, CardError> {
        match self {
            Profile::Cns(p) => p.read_personal_data(ch),
            Profile::Cie(_) => Ok(None),
        }
    }

    /// The authentication certificate, DER.
    pub fn read_certificate(&mut self, ch: &mut iso7816::Channel<'_>) -> Result<Vec<u8>, CardError> {
        match self {
            Profile::Cns(p) => p.read_certificate(ch),
            Profile::Cie(c) => c.read_certificate(ch),
        }
    }

    /// Gets ready for PIN commands: the MF current (CNS), an authenticated session (CIE).
    pub fn prepare_pin_commands(&mut self, ch: &mut iso7816::Channel<'_>) -> Result<(), CardError> {
        match self {
            Profile::Cns(p) => p.select_root(ch),
            Profile::Cie(c) => c.ensure_session(ch),
        }
    }

    /// Tries left, read without spending one.
    pub fn tries_left(&mut self, ch: &mut iso7816::Channel<'_>, kind: crate::secret::PinKind) -> Result<TriesLeft, CardError> {
        match self {
            Profile::Cns(p) => p.tries_left(ch, kind),
            Profile::Cie(c) => c.tries_left(ch, kind),
        }
    }

    /// Changes the PIN.
    pub fn change_pin(&mut self, ch: &mut iso7816::Channel<'_>, current: &crate::secret::Pin, new: &crate::secret::Pin) -> Result<(), CardError> {
        match self {
            Profile::Cns(p) => p.change_pin(ch, current, new),
            Profile::Cie(c) => c.change_pin(ch, current, new),
        }
    }

    /// Unblocks the PIN with the PUK and sets a new one.
    pub fn unblock_pin(&mut self, ch: &mut iso7816::Channel<'_>, puk: &crate::secret::Puk, new: &crate::secret::Pin) -> Result<(), CardError> {
        match self {
            Profile::Cns(p) => p.unblock_pin(ch, puk, new),
            Profile::Cie(c) => c.unblock_pin(ch, puk, new),
        }
    }

    /// Signs `digest_info` (a DER DigestInfo) with the authentication key after verifying the
    /// PIN; `key_len` is the modulus length in bytes (from the certificate). The CNS card does
    /// raw RSA, so the PKCS#1 v1.5 type-01 block is built here; the CIE pads by itself.
    /// `pin`: `None` when the card is still verified from a kept login.
    pub fn sign(&mut self, ch: &mut iso7816::Channel<'_>, pin: Option<&crate::secret::Pin>, digest_info: &[u8], key_len: usize) -> Result<Vec<u8>, CardError> {
        match self {
            Profile::Cns(p) => {
                if digest_info.len() + 11 > key_len {
                    return Err(CardError::Malformed("digest too long for the key"));
                }
                let mut block = vec![0x00, 0x01];
                block.resize(key_len - digest_info.len() - 1, 0xFF);
                block.push(0x00);
                block.extend_from_slice(digest_info);
                p.sign_block(ch, pin, &block)
            }
            Profile::Cie(c) => c.sign(ch, pin, digest_info),
        }
    }

    /// The CNS lot's id; `None` on a CIE.
    pub fn lot(&self) -> Option<cns::lots::LotId> {
        match self {
            Profile::Cns(p) => Some(p.lot.id),
            Profile::Cie(_) => None,
        }
    }

    /// VERIFY the PIN (a login), after [`Self::prepare_pin_commands`].
    pub fn verify_pin(&mut self, ch: &mut iso7816::Channel<'_>, pin: &crate::secret::Pin) -> Result<(), CardError> {
        match self {
            Profile::Cns(p) => p.verify_pin(ch, pin),
            Profile::Cie(c) => c.verify_pin(ch, pin),
        }
    }

    /// Signs a block the host padded (modulus length) with raw RSA: CNS cards only (a CIE
    /// pads by itself and has no raw RSA).
    pub fn sign_raw(&mut self, ch: &mut iso7816::Channel<'_>, pin: Option<&crate::secret::Pin>, block: &[u8]) -> Result<Vec<u8>, CardError> {
        match self {
            Profile::Cns(p) => p.sign_block(ch, pin, block),
            Profile::Cie(_) => Err(CardError::Malformed("raw RSA on a CIE")),
        }
    }

    /// Whether a kept login is known to be over: the card says its PIN is not verified (a
    /// counter, or blocked), sending nothing secret. `false` also when the card does not say
    /// (the signature then tells: a card that is not verified refuses it with 6982).
    pub fn login_lost(&mut self, ch: &mut iso7816::Channel<'_>) -> Result<bool, CardError> {
        match self {
            Profile::Cns(p) => p.login_lost(ch),
            Profile::Cie(c) => c.login_lost(ch),
        }
    }

    /// Whether the last PIN counter read ([`Profile::tries_left`]) found the PIN verified — a
    /// program keeps a login on the card (a browser, through a PKCS#11 module) — so that the
    /// card answered "verified" instead of its counter. CNS only: a CIE's login lives in its
    /// secure session, gone when another one is opened.
    pub fn pin_in_use(&self) -> bool {
        match self {
            Profile::Cns(p) => p.pin_in_use(),
            Profile::Cie(_) => false,
        }
    }

    /// Whether the secure session (CIE) is open; a CNS has none to lose.
    pub fn session_open(&self) -> bool {
        match self {
            Profile::Cns(_) => true,
            Profile::Cie(c) => c.authenticated(),
        }
    }

    /// Drops a secure session that is no longer the card's (the next command opens a new one).
    pub fn forget_session(&mut self) {
        if let Profile::Cie(c) = self {
            c.forget_session();
        }
    }

    /// A new transaction on a profile kept from an earlier one: nothing is assumed about the
    /// current file (the CIE's secure session goes on; a reset in between breaks it).
    pub fn resume(&mut self) {
        if let Profile::Cns(p) = self {
            p.resume();
        }
    }

    /// Whether the card signs host-padded blocks (raw RSA): PSS is possible only then.
    pub fn has_raw_rsa(&self) -> bool {
        matches!(self, Profile::Cns(_))
    }

    /// Tessera's own simulated card, recognised by its test authority (CIE).
    pub fn is_simulated(&self) -> bool {
        matches!(self, Profile::Cie(c) if c.ca == Some(cie::CaKind::Simulator))
    }

    /// Refuses, before any PIN or PUK is sent, a card that may not receive one:
    /// - a CIE whose EF.SOD, signed under a known CSCA, lists another chip key than the one the
    ///   chip proved (a forged card), or, when national CSCA certificates are installed, one that
    ///   does not chain to them;
    /// - a card of Tessera's public test authority (DAPP CA or test CSCA) unless the connection
    ///   trusts such cards (the in-process demo, or an explicit choice): anyone can build a card
    ///   with that key, and it would read the PIN.
    ///
    /// Call after [`Profile::prepare_pin_commands`] (the CIE authenticates there).
    pub fn may_receive_secret(&mut self, ch: &mut iso7816::Channel<'_>) -> Result<(), CardError> {
        let Profile::Cie(c) = self else { return Ok(()) };
        let check = c.check_chip_key(ch)?.clone();
        let test_chain = check == cie::sod::ChipKeyCheck::Verified(cie::sod::Anchor::Test);
        match check {
            cie::sod::ChipKeyCheck::Mismatch => Err(CardError::ChipNotAuthentic),
            _ if (c.ca == Some(cie::CaKind::Simulator) || test_chain) && !c.trust_simulated => Err(CardError::SimulatedAuthority),
            _ => Ok(()),
        }
    }

    /// The CIE's NIS (identification number for services).
    pub fn nis(&self) -> Option<String> {
        match self {
            Profile::Cie(c) => c.nis.clone(),
            Profile::Cns(_) => None,
        }
    }
}
