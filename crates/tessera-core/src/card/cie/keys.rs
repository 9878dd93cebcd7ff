//! Key material of the device authentication (DAPP, CIE spec §7), in one value that tests can
//! replace.
//!
//! Real cards accept a terminal certificate signed with the CA private exponent that the official
//! middleware embeds, with the middleware's terminal key pair (byte values from the CIE spec §7).
//! Tessera's simulated CIE has its own test CA (`assets/sim/cie-ca.key.pem`, not secret). The CA
//! actually used is the one whose signature opens with the card's CA public key, so a simulated
//! card is never taken for a real one: [`CaKind::Simulator`] marks it.

use rsa::RsaPrivateKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PrivateKeyParts;
use zeroize::Zeroizing;

/// Which certificate authority a CA exponent belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CaKind {
    /// The national CIE authority (real cards).
    Official,
    /// Tessera's simulated CIE.
    Simulator,
}

const N_DAPP: &str = concat!(
    "BA2837AB4C6BB827577BFF4EB7B1E49CDDE0F16614D1EF24C1B75CF70FB12CD1",
    "8F4D14E2814BA4877EA800E175906076B562BA535973C5D8B378051D8AFC7407",
    "A1D919529E03C106CDA18D699AFB0D8AB4FDDD9DC719159A50DE9468F02AB103",
    "E282A50E716EC23CDA5BFC4A232B09A4B2C70745939549099B4483CBAE62D009",
    "9674DBF6F39B7223A99D88E33F1A0CDEDEEBBDC35517ABE9880AAB240E1EA166",
    "283A274A9AD93B4B1D19F3679F3E8B5FF6A1E0ED736E84D5ABE03C59E7346B42",
    "18755D75366CBF4136F0A26C3DC70A69ABAAF66E13A1B2FAAD052CA6EC9C51E2",
    "AED14D16E090254DC3F64EA2BD8A836BBA99DEFACBA3A613AEEDD93A9615273D",
);
const D_DAPP: &str = concat!(
    "4716C2A38CCC7A07B415EB1A6175F2AAA0E49CEAF1BA75CBA09A684B04D81118",
    "79D3E2CCD8B94D3C5CF6C55753F0ED9587910B3C77258A01460FE84C2EDE5764",
    "EEBE9C37FB95CD69CEAF09F4B1357C276314AB43EC5B3CEFB0403F868F688E2E",
    "C09A4973E987756F8DA7A101A2CA75A54A8C4CCF9A1B6147E4DE56423AF70B20",
    "67179C5EEB646867863478D752C7F412DB277541575AA0619D30BCCC8D87E617",
    "0B33439A2C93F2D97E18C0A82343A6012A5BB1822808F01B5CFD85673AC0964C",
    "5F3CFD2DAF8142359764A9ADB9E3F76DB613461C1BC913DC9AC0AB50D365F77C",
    "B93194C98AA966D89CDD555125A5E59ECF4FA3F0C3FD610CD3D056439338FD81",
);
const D_CA_OFFICIAL: &str = concat!(
    "186B31488C25DCF85D953D3630C0D073BA1C6AA24581AD254F3B6719C5D72CCA",
    "3E5CDC5A1E5316578D75954FF73B237B532C9F8DE4A2C4C911385A23E63E33E4",
    "7EE45E66EFD49B18E02CFF87598C39109E8F86A66BC330249CE3FCAD655DCDBF",
    "98C9C5E479321AF53B517D041061880A647BBE0FF813683470E6C50094CE81D0",
    "64E204E351BD3AE0A7947D8E91C3FD5C0A15233C349A5215A4E66E21C5D33498",
    "E71991EA24473B29F1475F6FD9BE3996E19BD474FAD1B41EA0DCD2FC16C9BFFA",
    "071BFEC1B22415184811C1985FBFE3E7B4F44A4B3C8DFAB4D90CECFC5E608D67",
    "3E6762C62CB798341271149BA688162EC7D0E3468F65A94AB4AD1AB67E37BFC1",
);
const SIM_CA_KEY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sim/cie-ca.key.pem"));

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).filter_map(|i| u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()).collect()
}

/// The terminal key pair and the CA private exponents to try.
pub struct DappKeys {
    /// Terminal (IFD) modulus, placed in the terminal certificate.
    pub n_dapp: Vec<u8>,
    /// Terminal private exponent (signs EXTERNAL AUTHENTICATE).
    pub d_dapp: Zeroizing<Vec<u8>>,
    ca: Vec<(CaKind, Zeroizing<Vec<u8>>)>,
}

impl std::fmt::Debug for DappKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DappKeys(***)")
    }
}

impl Default for DappKeys {
    /// The official keys, then the simulator's test CA.
    fn default() -> Self {
        let mut ca = vec![(CaKind::Official, Zeroizing::new(unhex(D_CA_OFFICIAL)))];
        if let Ok(k) = RsaPrivateKey::from_pkcs8_pem(SIM_CA_KEY) {
            ca.push((CaKind::Simulator, Zeroizing::new(k.d().to_bytes_be())));
        }
        Self { n_dapp: unhex(N_DAPP), d_dapp: Zeroizing::new(unhex(D_DAPP)), ca }
    }
}

impl DappKeys {
    /// Keys with exactly these CA exponents (tests).
    pub fn with_ca(ca: Vec<(CaKind, Vec<u8>)>) -> Self {
        let base = Self::default();
        Self { ca: ca.into_iter().map(|(k, d)| (k, Zeroizing::new(d))).collect(), ..base }
    }

    /// The CA private exponents, in the order to try them.
    pub fn ca_private_exponents(&self) -> impl Iterator<Item = (CaKind, &[u8])> {
        self.ca.iter().map(|(k, d)| (*k, &d[..]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::BigUint;

    #[test]
    fn terminal_key_pair_is_consistent() {
        let k = DappKeys::default();
        assert_eq!(k.n_dapp.len(), 256);
        let n = BigUint::from_bytes_be(&k.n_dapp);
        let m = BigUint::from_bytes_be(b"Tessera DAPP key check");
        let s = m.modpow(&BigUint::from_bytes_be(&k.d_dapp), &n);
        assert_eq!(s.modpow(&BigUint::from(65_537u32), &n), m);
        assert_eq!(k.ca_private_exponents().count(), 2);
    }
}
