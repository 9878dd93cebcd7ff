//! Status words (ISO/IEC 7816-4 §5.6). The status word is data, not an error: each operation
//! maps it into a domain error once.

use std::fmt;

/// A status word SW1-SW2. Round-trips with `u16` for every value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusWord {
    /// 90 00: normal processing.
    Ok,
    /// 61 xx: xx more bytes available with GET RESPONSE (00 = 256).
    BytesAvailable(u8),
    /// 62 82: end of file reached before Le bytes.
    EndOfFile,
    /// 63 Cx: verification failed, x tries left.
    VerifyFailed {
        /// Tries left (0: the reference is now blocked).
        tries_left: u8,
    },
    /// 67 00: wrong length.
    WrongLength,
    /// 68 82: secure messaging not supported.
    SecureMessagingNotSupported,
    /// 69 82: security status not satisfied.
    SecurityStatusNotSatisfied,
    /// 69 83: authentication method blocked.
    AuthMethodBlocked,
    /// 69 84: reference data not usable.
    ReferenceDataNotUsable,
    /// 69 85: conditions of use not satisfied.
    ConditionsNotSatisfied,
    /// 69 86: command not allowed (no current EF).
    NoCurrentEf,
    /// 69 87: expected secure-messaging data objects missing.
    SmObjectsMissing,
    /// 69 88: incorrect secure-messaging data objects.
    SmObjectsIncorrect,
    /// 6A 80: incorrect parameters in the data field.
    IncorrectData,
    /// 6A 81: function not supported.
    FunctionNotSupported,
    /// 6A 82: file or application not found.
    FileNotFound,
    /// 6A 86: incorrect P1-P2.
    IncorrectP1P2,
    /// 6A 88: referenced data not found.
    ReferenceNotFound,
    /// 6B 00: wrong parameters (offset outside the EF).
    WrongParameters,
    /// 6C xx: wrong Le; xx is the exact length.
    WrongLe(u8),
    /// 6D 00: instruction not supported.
    InsNotSupported,
    /// 6E 00: class not supported.
    ClaNotSupported,
    /// 6F 00: no precise diagnosis.
    NoDiagnosis,
    /// Any other value.
    Other(u16),
}

impl From<u16> for StatusWord {
    fn from(v: u16) -> Self {
        use StatusWord::*;
        let [sw1, sw2] = v.to_be_bytes();
        match (sw1, sw2) {
            (0x90, 0x00) => Ok,
            (0x61, x) => BytesAvailable(x),
            (0x62, 0x82) => EndOfFile,
            (0x63, x) if x & 0xF0 == 0xC0 => VerifyFailed { tries_left: x & 0x0F },
            (0x67, 0x00) => WrongLength,
            (0x68, 0x82) => SecureMessagingNotSupported,
            (0x69, 0x82) => SecurityStatusNotSatisfied,
            (0x69, 0x83) => AuthMethodBlocked,
            (0x69, 0x84) => ReferenceDataNotUsable,
            (0x69, 0x85) => ConditionsNotSatisfied,
            (0x69, 0x86) => NoCurrentEf,
            (0x69, 0x87) => SmObjectsMissing,
            (0x69, 0x88) => SmObjectsIncorrect,
            (0x6A, 0x80) => IncorrectData,
            (0x6A, 0x81) => FunctionNotSupported,
            (0x6A, 0x82) => FileNotFound,
            (0x6A, 0x86) => IncorrectP1P2,
            (0x6A, 0x88) => ReferenceNotFound,
            (0x6B, 0x00) => WrongParameters,
            (0x6C, x) => WrongLe(x),
            (0x6D, 0x00) => InsNotSupported,
            (0x6E, 0x00) => ClaNotSupported,
            (0x6F, 0x00) => NoDiagnosis,
            _ => Other(v),
        }
    }
}

impl From<StatusWord> for u16 {
    fn from(sw: StatusWord) -> u16 {
        use StatusWord::*;
        match sw {
            Ok => 0x9000,
            BytesAvailable(x) => 0x6100 | u16::from(x),
            EndOfFile => 0x6282,
            VerifyFailed { tries_left } => 0x63C0 | u16::from(tries_left & 0x0F),
            WrongLength => 0x6700,
            SecureMessagingNotSupported => 0x6882,
            SecurityStatusNotSatisfied => 0x6982,
            AuthMethodBlocked => 0x6983,
            ReferenceDataNotUsable => 0x6984,
            ConditionsNotSatisfied => 0x6985,
            NoCurrentEf => 0x6986,
            SmObjectsMissing => 0x6987,
            SmObjectsIncorrect => 0x6988,
            IncorrectData => 0x6A80,
            FunctionNotSupported => 0x6A81,
            FileNotFound => 0x6A82,
            IncorrectP1P2 => 0x6A86,
            ReferenceNotFound => 0x6A88,
            WrongParameters => 0x6B00,
            WrongLe(x) => 0x6C00 | u16::from(x),
            InsNotSupported => 0x6D00,
            ClaNotSupported => 0x6E00,
            NoDiagnosis => 0x6F00,
            Other(v) => v,
        }
    }
}

impl StatusWord {
    /// SW1 and SW2 as bytes.
    pub fn to_bytes(self) -> [u8; 2] {
        u16::from(self).to_be_bytes()
    }

    /// Builds a status word from SW1 and SW2.
    pub fn from_bytes(sw1: u8, sw2: u8) -> Self {
        Self::from(u16::from_be_bytes([sw1, sw2]))
    }

    /// 90 00.
    pub fn is_ok(self) -> bool {
        self == StatusWord::Ok
    }

    /// The tries left that a 63Cx reports.
    pub fn tries_left(self) -> Option<u8> {
        match self {
            StatusWord::VerifyFailed { tries_left } => Some(tries_left),
            _ => None,
        }
    }
}

impl fmt::Display for StatusWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04X}", u16::from(*self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_u16_round_trips() {
        for v in 0..=u16::MAX {
            assert_eq!(u16::from(StatusWord::from(v)), v, "{v:04X}");
        }
    }

    #[test]
    fn tries_left_from_63cx() {
        assert_eq!(StatusWord::from(0x63C2).tries_left(), Some(2));
        assert_eq!(StatusWord::from(0x63C0).tries_left(), Some(0));
        assert_eq!(StatusWord::from(0x6300).tries_left(), None);
        assert_eq!(StatusWord::from(0x6983), StatusWord::AuthMethodBlocked);
        assert_eq!(StatusWord::from_bytes(0x6A, 0x82).to_string(), "6A82");
    }
}
