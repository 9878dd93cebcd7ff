//! The card as the Base CSP or the KSP hands it over: an `SCARDHANDLE` inside the caller's own
//! transaction (the provider begins and ends transactions around every call; a minidriver must
//! not). The core's services run on it as on any connection; nothing here resets the card except
//! [`CallerCard::reset`], which CardDeauthenticate asks for.

use tessera_core::error_table::scard;
use tessera_core::transport::{Connection, Transaction, TransportError};
use windows_sys::Win32::Foundation::{SCARD_E_SERVICE_STOPPED, SCARD_W_UNPOWERED_CARD};
use windows_sys::Win32::Security::Credentials::{
    SCARD_IO_REQUEST, SCARD_PROTOCOL_T0, SCARD_PROTOCOL_T1, SCARD_RESET_CARD, SCARD_SHARE_SHARED, SCardReconnect, SCardStatusW, SCardTransmit,
};

/// The caller's card handle.
pub struct CallerCard {
    hcard: usize,
    atr: Vec<u8>,
    protocol: u32,
    trust_simulated: bool,
}

/// An SCARD return code as the core's transport error.
pub fn transport_error(rv: u32) -> TransportError {
    match rv {
        scard::W_REMOVED_CARD => TransportError::CardRemoved,
        scard::W_RESET_CARD => TransportError::Reset,
        scard::E_NO_SMARTCARD => TransportError::NoCard,
        scard::W_UNRESPONSIVE_CARD => TransportError::Unresponsive,
        r if r == SCARD_W_UNPOWERED_CARD as u32 => TransportError::Unresponsive,
        scard::E_NO_SERVICE => TransportError::NoService,
        r if r == SCARD_E_SERVICE_STOPPED as u32 => TransportError::NoService,
        scard::E_SHARING_VIOLATION => TransportError::SharingViolation,
        scard::E_TIMEOUT => TransportError::Timeout,
        scard::E_CANCELLED => TransportError::Cancelled,
        other => TransportError::Pcsc(format!("{other:#010x}")),
    }
}

impl CallerCard {
    /// The card behind `hcard`, whose ATR the caller read.
    pub fn new(hcard: usize, atr: Vec<u8>) -> Self {
        let mut card = Self { hcard, atr, protocol: SCARD_PROTOCOL_T1, trust_simulated: false };
        card.refresh_protocol();
        // Tessera's simulated cards (its public test authority) get a PIN only when the
        // environment says so, as with the PKCS#11 module.
        card.trust_simulated = std::env::var("TESSERA_ALLOW_SIMULATED_CARD").as_deref() == Ok("1");
        card
    }

    fn refresh_protocol(&mut self) {
        let (mut len, mut state, mut protocol, mut atr_len) = (0u32, 0u32, 0u32, 0u32);
        // SAFETY: null buffers with their lengths ask only for the lengths and the protocol.
        let rv = unsafe { SCardStatusW(self.hcard, std::ptr::null_mut(), &mut len, &mut state, &mut protocol, std::ptr::null_mut(), &mut atr_len) };
        if rv == 0 && (protocol == SCARD_PROTOCOL_T0 || protocol == SCARD_PROTOCOL_T1) {
            self.protocol = protocol;
        }
    }

    /// The provider may hand a new handle after it reconnected (a reset, a re-insertion).
    pub fn set_handle(&mut self, hcard: usize) {
        if hcard != self.hcard {
            self.hcard = hcard;
            self.refresh_protocol();
        }
    }

    /// Resets the card (its verified state and any secure session end), keeping the handle.
    pub fn reset(&mut self) -> Result<(), TransportError> {
        if let Some(active) = reset_card(self.hcard)? {
            self.protocol = active;
        }
        Ok(())
    }
}

/// SCardReconnect with a reset on the caller's handle; the protocol then active, if it says.
fn reset_card(hcard: usize) -> Result<Option<u32>, TransportError> {
    let mut active = 0u32;
    // SAFETY: a handle the caller owns; `active` outlives the call.
    let rv = unsafe { SCardReconnect(hcard, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, SCARD_RESET_CARD, &mut active) } as u32;
    if rv != 0 {
        return Err(transport_error(rv));
    }
    Ok((active != 0).then_some(active))
}

impl Connection for CallerCard {
    fn reader(&self) -> &str {
        ""
    }

    fn atr(&self) -> &[u8] {
        &self.atr
    }

    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>, TransportError> {
        Ok(Box::new(CallerTransaction { card: self }))
    }

    fn trusts_simulated_cards(&self) -> bool {
        self.trust_simulated
    }

    fn set_trust_simulated_cards(&mut self, trust: bool) {
        self.trust_simulated = trust;
    }
}

struct CallerTransaction<'a> {
    card: &'a CallerCard,
}

impl Transaction for CallerTransaction<'_> {
    fn transmit(&mut self, cmd: &tessera_core::apdu::CommandApdu) -> Result<Vec<u8>, TransportError> {
        let send = zeroize::Zeroizing::new(cmd.to_bytes());
        let mut buf = zeroize::Zeroizing::new(vec![0u8; 65538]);
        let mut len = buf.len() as u32;
        let pci = SCARD_IO_REQUEST { dwProtocol: self.card.protocol, cbPciLength: std::mem::size_of::<SCARD_IO_REQUEST>() as u32 };
        // SAFETY: the buffers and their lengths are valid for the call; the handle is the
        // caller's, inside its transaction.
        let rv = unsafe { SCardTransmit(self.card.hcard, &pci, send.as_ptr(), send.len() as u32, std::ptr::null_mut(), buf.as_mut_ptr(), &mut len) } as u32;
        if rv != 0 {
            return Err(transport_error(rv));
        }
        Ok(buf[..len as usize].to_vec())
    }

    /// A card found verified by another login before a PIN change reads its counter after a
    /// reset (see the core's PIN services); the handle stays the caller's.
    fn reset(&mut self) -> Result<(), TransportError> {
        reset_card(self.card.hcard).map(|_| ())
    }
}
