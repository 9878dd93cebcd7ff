//! The card overview: type, holder, card number, certificate, PIN/PUK tries (none spent).

use super::transaction::with_card_kept;
use crate::card::cns::lots::LotId;
use crate::card::{CardType, Issuer, ModelNote, Profile, TriesLeft};
use crate::card::cns::PersonalData;
use crate::card::CardError;
use crate::cert::{self, CertSummary};
use crate::secret::PinKind;
use tessera_apdu::transport::Connection;
use crate::error::{Error, Result};
use tessera_apdu::apdu::hex;

/// Everything the home screen and `tessera status` show.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CardOverview {
    /// Reader name.
    pub reader: String,
    /// ATR, hex.
    pub atr: String,
    /// The card type (JSON: "CPS", "TS-CNS", "CNS" or "CIE").
    pub card_type: CardType,
    /// Lot, chip and OS, e.g. "CNS: STIncard OS 17.17, chip STMicroelectronics, CNS 1.1".
    pub model: String,
    /// What sets the card apart from its model (JSON: "signature-token", "selected-by-aid").
    pub model_note: Option<ModelNote>,
    /// The CNS lot found (JSON: "classic", "idemia2021", "ace2025", "st2022-nfc"); `None` on a
    /// CIE.
    pub lot: Option<LotId>,
    /// A simulated card recognised by its test authority (never shown as a real card).
    pub simulated_card: bool,
    /// The CIE's identification number for services (NIS); `None` on CNS cards.
    pub nis: Option<String>,
    /// The card number: 16 digits on a CNS (EF_IDCarta), 9 characters on a CIE.
    pub card_number: Option<String>,
    /// Holder's name from the personal-data file or the certificate.
    pub holder: Option<String>,
    /// Codice fiscale from the personal-data file or the certificate.
    pub codice_fiscale: Option<String>,
    /// The personal-data file.
    pub personal_data: Option<PersonalData>,
    /// The authentication certificate.
    pub certificate: Option<CertSummary>,
    /// PIN tries left (`None`: the card would not tell).
    pub pin_tries_left: Option<u8>,
    /// PUK tries left (`None`: the card would not tell).
    pub puk_tries_left: Option<u8>,
    /// The PIN is verified now: a program is logged in with the card (a browser, through a
    /// PKCS#11 module), and the card shows no counter meanwhile (`pin_tries_left` is `None`).
    pub pin_in_use: bool,
    /// PIN tries when fresh.
    pub pin_max_tries: u8,
    /// PUK tries when fresh.
    pub puk_max_tries: u8,
    /// Allowed PIN lengths.
    pub pin_min_len: usize,
    /// Allowed PIN lengths.
    pub pin_max_len: usize,
    /// APDUs this overview took.
    pub apdus: u32,
    /// The certificate, DER (not serialised).
    #[serde(skip)]
    pub certificate_der: Option<Vec<u8>>,
}

impl CardOverview {
    /// Who issues the card (the advice follows it).
    pub fn issuer(&self) -> Issuer {
        self.card_type.issuer()
    }

    /// PIN tries as the card reported them.
    pub fn pin(&self) -> TriesLeft {
        self.pin_tries_left.map_or(TriesLeft::Unknown, TriesLeft::Known)
    }

    /// PUK tries as the card reported them.
    pub fn puk(&self) -> TriesLeft {
        self.puk_tries_left.map_or(TriesLeft::Unknown, TriesLeft::Known)
    }
}

fn optional<T>(r: Result<T, CardError>) -> Result<Option<T>, CardError> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(CardError::NotFound(_)) | Err(CardError::Malformed(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Reads the card overview in one transaction, spending no PIN or PUK try.
///
/// A card found verified with no other program connected holds an orphan login (its program
/// was killed before it could log out, and the smart-card service does not reset the card for
/// it): it is reset, so that nobody rides on it, and read again.
pub fn overview(conn: &mut dyn Connection) -> Result<CardOverview> {
    overview_kept(conn).map(|(o, _)| o)
}

/// [`overview`], keeping the profile it read the card with (a token keeps it for its login:
/// on a CIE, with the secure session already open).
pub(crate) fn overview_kept(conn: &mut dyn Connection) -> Result<(CardOverview, Profile)> {
    let (o, p) = read_overview(conn)?;
    if o.pin_in_use && conn.reset_if_alone() {
        tracing::info!("an orphan login (its program is gone) was found on the card: card reset");
        return read_overview(conn);
    }
    Ok((o, p))
}

fn read_overview(conn: &mut dyn Connection) -> Result<(CardOverview, Profile)> {
    let reader = conn.reader().to_owned();
    let atr = conn.atr().to_vec();
    let ((card_type, (model, model_note), lot, policy, simulated, nis, number, personal, der, pin, in_use, puk), profile, apdus) = with_card_kept(conn, |p, ch| {
        // The certificate first: on CNS cards the lot probe has just selected it.
        let der = optional(p.read_certificate(ch))?;
        let number = optional(p.read_card_number(ch))?;
        let personal = match p.read_personal_data(ch) {
            Ok(v) => v,
            Err(CardError::Malformed(_)) => None,
            Err(e) => return Err(e.into()),
        };
        p.prepare_pin_commands(ch)?;
        let pin = p.tries_left(ch, PinKind::Pin)?;
        let in_use = p.pin_in_use();
        let puk = p.tries_left(ch, PinKind::Puk)?;
        Ok((p.card_type(), (p.model(), p.model_note()), p.lot(), p.policy(), p.is_simulated(), p.nis(), number, personal, der, pin, in_use, puk))
    })?;
    // Nothing about the holder and no certificate: not a blank overview shown as success.
    if personal.is_none() && der.is_none() && card_type != CardType::Cie {
        return Err(Error::CardModelNotSupported { atr: hex(&atr) });
    }
    let certificate = der.as_deref().map(cert::summarize).transpose().map_err(Error::from)?;
    let holder = personal
        .as_ref()
        .map(PersonalData::holder)
        .filter(|h| !h.is_empty())
        .or_else(|| certificate.as_ref().map(|c| c.holder.clone()));
    let codice_fiscale = personal
        .as_ref()
        .map(|p| p.codice_fiscale.clone())
        .filter(|c| !c.is_empty())
        .or_else(|| certificate.as_ref().and_then(|c| c.codice_fiscale.clone()));
    let o = CardOverview {
        reader,
        atr: hex(&atr),
        card_type,
        model,
        model_note,
        lot,
        simulated_card: simulated,
        nis,
        card_number: number,
        holder,
        codice_fiscale,
        personal_data: personal,
        certificate,
        pin_tries_left: pin.known(),
        puk_tries_left: puk.known(),
        pin_in_use: in_use,
        pin_max_tries: policy.pin_max_tries,
        puk_max_tries: policy.puk_max_tries,
        pin_min_len: policy.pin.min,
        pin_max_len: policy.pin.max,
        apdus,
        certificate_der: der,
    };
    Ok((o, profile))
}
