//! The objects a token shows and their attributes: the authentication certificate, its public
//! key (visible before login, so NSS recognises the certificate as the user's), the private key
//! (after login) and a profile object saying the certificates can be read without a PIN.

use cryptoki_sys::*;

/// Which object of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// CKO_CERTIFICATE.
    Certificate,
    /// CKO_PUBLIC_KEY.
    PublicKey,
    /// CKO_PRIVATE_KEY (only after login).
    PrivateKey,
    /// CKO_PROFILE with CKP_PUBLIC_CERTIFICATES_TOKEN.
    Profile,
}

impl Kind {
    /// Every kind, in handle order.
    pub const ALL: [Kind; 4] = [Kind::Certificate, Kind::PublicKey, Kind::PrivateKey, Kind::Profile];

    /// The object handle in slot `slot` (never 0, which PKCS#11 reserves).
    pub fn handle(self, slot: CK_SLOT_ID) -> CK_OBJECT_HANDLE {
        ((slot + 1) << 4) | (self as CK_OBJECT_HANDLE + 1)
    }

    /// The slot and kind of a handle.
    pub fn from_handle(h: CK_OBJECT_HANDLE) -> Option<(CK_SLOT_ID, Kind)> {
        let slot = (h >> 4).checked_sub(1)?;
        let k = *Kind::ALL.get(usize::try_from((h & 0xF).checked_sub(1)?).ok()?)?;
        Some((slot, k))
    }
}

/// What the objects are made of (read from the card once per insertion).
#[derive(Debug, Clone)]
pub struct KeyMaterial {
    /// Certificate, DER.
    pub cert: Vec<u8>,
    /// Subject Name, DER.
    pub subject: Vec<u8>,
    /// Issuer Name, DER.
    pub issuer: Vec<u8>,
    /// Serial number, DER INTEGER.
    pub serial: Vec<u8>,
    /// Modulus, big-endian.
    pub modulus: Vec<u8>,
    /// Public exponent, big-endian.
    pub exponent: Vec<u8>,
    /// CKA_ID shared by the certificate and both keys (SHA-1 of the modulus).
    pub id: Vec<u8>,
    /// CKA_LABEL.
    pub label: String,
    /// Mechanisms the private key allows.
    pub mechanisms: Vec<CK_MECHANISM_TYPE>,
}

/// An attribute's value, encoded as PKCS#11 lays it out in memory.
pub enum Value {
    /// A CK_ULONG.
    Ulong(CK_ULONG),
    /// A CK_BBOOL.
    Bool(bool),
    /// Bytes.
    Bytes(Vec<u8>),
}

impl Value {
    /// The bytes a caller receives.
    pub fn encode(&self) -> Vec<u8> {
        match self {
            Value::Ulong(v) => v.to_ne_bytes().to_vec(),
            Value::Bool(b) => vec![CK_BBOOL::from(*b)],
            Value::Bytes(b) => b.clone(),
        }
    }
}

/// An attribute lookup's outcome.
pub enum Lookup {
    /// The value.
    Found(Value),
    /// The attribute exists but may not be revealed (a private key's secrets).
    Sensitive,
    /// Not an attribute of this object.
    Invalid,
}

/// The attribute `t` of object `kind`.
pub fn attribute(kind: Kind, m: &KeyMaterial, t: CK_ATTRIBUTE_TYPE) -> Lookup {
    use Lookup::{Found, Invalid, Sensitive};
    use Value::{Bool, Bytes, Ulong};
    // Common to every object (storage objects).
    let common = match t {
        CKA_TOKEN => Some(Bool(true)),
        CKA_PRIVATE => Some(Bool(kind == Kind::PrivateKey)),
        CKA_MODIFIABLE | CKA_COPYABLE | CKA_DESTROYABLE => Some(Bool(false)),
        _ => None,
    };
    if let Some(v) = common {
        return Found(v);
    }
    let v = match (kind, t) {
        (Kind::Profile, CKA_CLASS) => Ulong(CKO_PROFILE),
        (Kind::Profile, CKA_PROFILE_ID) => Ulong(CKP_PUBLIC_CERTIFICATES_TOKEN),
        (Kind::Profile, _) => return Invalid,
        (_, CKA_LABEL) => Bytes(m.label.as_bytes().to_vec()),
        (_, CKA_ID) => Bytes(m.id.clone()),
        (Kind::Certificate, CKA_CLASS) => Ulong(CKO_CERTIFICATE),
        (Kind::Certificate, CKA_CERTIFICATE_TYPE) => Ulong(CKC_X_509),
        (Kind::Certificate, CKA_CERTIFICATE_CATEGORY) => Ulong(CK_CERTIFICATE_CATEGORY_TOKEN_USER),
        (Kind::Certificate, CKA_TRUSTED) => Bool(false),
        (Kind::Certificate, CKA_VALUE) => Bytes(m.cert.clone()),
        (Kind::Certificate, CKA_SUBJECT) => Bytes(m.subject.clone()),
        (Kind::Certificate, CKA_ISSUER) => Bytes(m.issuer.clone()),
        (Kind::Certificate, CKA_SERIAL_NUMBER) => Bytes(m.serial.clone()),
        (Kind::Certificate, CKA_JAVA_MIDP_SECURITY_DOMAIN) => Ulong(0),
        (Kind::Certificate, _) => return Invalid,
        // Keys.
        (Kind::PublicKey, CKA_CLASS) => Ulong(CKO_PUBLIC_KEY),
        (Kind::PrivateKey, CKA_CLASS) => Ulong(CKO_PRIVATE_KEY),
        (_, CKA_KEY_TYPE) => Ulong(CKK_RSA),
        (_, CKA_SUBJECT) => Bytes(m.subject.clone()),
        (_, CKA_MODULUS) => Bytes(m.modulus.clone()),
        (_, CKA_PUBLIC_EXPONENT) => Bytes(m.exponent.clone()),
        (_, CKA_MODULUS_BITS) => Ulong(modulus_bits(&m.modulus)),
        (_, CKA_LOCAL) => Bool(false),
        (_, CKA_DERIVE) => Bool(false),
        (_, CKA_KEY_GEN_MECHANISM) => Ulong(CK_UNAVAILABLE_INFORMATION),
        (_, CKA_ALLOWED_MECHANISMS) => Bytes(m.mechanisms.iter().flat_map(|x| x.to_ne_bytes()).collect()),
        (Kind::PublicKey, CKA_VERIFY) => Bool(true),
        (Kind::PublicKey, CKA_ENCRYPT | CKA_WRAP | CKA_VERIFY_RECOVER) => Bool(false),
        (Kind::PublicKey, CKA_TRUSTED) => Bool(false),
        (Kind::PrivateKey, CKA_SIGN) => Bool(true),
        (Kind::PrivateKey, CKA_DECRYPT | CKA_UNWRAP | CKA_SIGN_RECOVER | CKA_EXTRACTABLE) => Bool(false),
        (Kind::PrivateKey, CKA_SENSITIVE | CKA_ALWAYS_SENSITIVE | CKA_NEVER_EXTRACTABLE) => Bool(true),
        // The authentication key: one PIN per login, not per signature (else NSS asks every time).
        (Kind::PrivateKey, CKA_ALWAYS_AUTHENTICATE | CKA_WRAP_WITH_TRUSTED) => Bool(false),
        (
            Kind::PrivateKey,
            CKA_PRIVATE_EXPONENT | CKA_PRIME_1 | CKA_PRIME_2 | CKA_EXPONENT_1 | CKA_EXPONENT_2 | CKA_COEFFICIENT,
        ) => return Sensitive,
        _ => return Invalid,
    };
    Found(v)
}

/// The bit length of a big-endian modulus.
pub fn modulus_bits(n: &[u8]) -> CK_ULONG {
    let first = n.iter().position(|&b| b != 0).unwrap_or(n.len());
    let rest = &n[first..];
    match rest.first() {
        Some(&b) => (rest.len() * 8 - b.leading_zeros() as usize) as CK_ULONG,
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_round_trip_and_are_never_zero() {
        for slot in [0, 1, 7, 1000] {
            for k in Kind::ALL {
                let h = k.handle(slot);
                assert_ne!(h, 0);
                assert_eq!(Kind::from_handle(h), Some((slot, k)));
            }
        }
        assert_eq!(Kind::from_handle(0), None);
        assert_eq!(Kind::from_handle(0x15), None);
    }

    #[test]
    fn modulus_bits_ignore_leading_zeros() {
        assert_eq!(modulus_bits(&[0x00, 0x80, 0x00]), 16);
        assert_eq!(modulus_bits(&[0x01, 0x00]), 9);
    }
}
