//! Signing with the card's authentication key: the primitive behind the card self-test and,
//! later, the PKCS#11 module. One transaction: read the certificate, check the PIN counter,
//! VERIFY the PIN, sign a SHA-256 DigestInfo.

use super::pin::{check_pin_length, preflight};
use super::transaction::with_card;
use crate::secret::{Pin, PinKind};
use tessera_apdu::transport::Connection;
use crate::cert;
use crate::error::Result;
use rsa::pkcs1v15::Pkcs1v15Sign;
use rsa::traits::PublicKeyParts;
use sha2::{Digest, Sha256};

/// A signature and what it was made with.
#[derive(Debug, Clone)]
pub struct Signed {
    /// PKCS#1 v1.5 signature over SHA-256(message).
    pub signature: Vec<u8>,
    /// The certificate whose key made it (DER).
    pub certificate: Vec<u8>,
    /// APDUs sent.
    pub apdus: u32,
}

/// Signs `message` (hashed with SHA-256) with the authentication key; spends one PIN try if
/// the PIN is wrong, and refuses before the try when the PIN is blocked or when this may be the
/// last try and `confirm_last_try` is false.
pub fn sign_sha256(conn: &mut dyn Connection, pin: &Pin, message: &[u8], confirm_last_try: bool) -> Result<Signed> {
    sign_with_certificate(conn, pin, message, confirm_last_try, None)
}

/// [`sign_sha256`], skipping the certificate read when the caller has just read it.
pub fn sign_with_certificate(
    conn: &mut dyn Connection,
    pin: &Pin,
    message: &[u8],
    confirm_last_try: bool,
    certificate: Option<&[u8]>,
) -> Result<Signed> {
    let digest = Sha256::digest(message);
    let digest_info = [&Pkcs1v15Sign::new::<Sha256>().prefix[..], &digest[..]].concat();
    let ((signature, certificate), apdus) = with_card(conn, |p, ch| {
        check_pin_length(p, pin)?;
        let der = match certificate {
            Some(c) => c.to_vec(),
            None => p.read_certificate(ch)?,
        };
        let key_len = cert::rsa_public_key(&der)?.size();
        p.prepare_pin_commands(ch)?;
        p.may_receive_secret(ch)?;
        let tries = p.tries_left(ch, PinKind::Pin)?;
        preflight(PinKind::Pin, tries, confirm_last_try)?;
        Ok((p.sign(ch, Some(pin), &digest_info, key_len)?, der))
    })?;
    Ok(Signed { signature, certificate, apdus })
}

/// Checks a signature from [`sign_sha256`] with the certificate's public key.
pub fn verify_sha256(certificate: &[u8], message: &[u8], signature: &[u8]) -> Result<bool> {
    let key = cert::rsa_public_key(certificate)?;
    let digest = Sha256::digest(message);
    Ok(key.verify(Pkcs1v15Sign::new::<Sha256>(), &digest, signature).is_ok())
}
