//! Response APDUs.

use super::status::StatusWord;
use std::fmt;
use zeroize::Zeroizing;

/// A response APDU: data and status word.
#[derive(Clone, PartialEq, Eq)]
pub struct ResponseApdu {
    data: Zeroizing<Vec<u8>>,
    /// The status word.
    pub sw: StatusWord,
}

/// A response that cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResponseError {
    /// Fewer than 2 bytes: the card died or was removed while answering.
    #[error("response of {0} bytes has no status word (card removed or dead mid-command?)")]
    TooShort(usize),
}

impl ResponseApdu {
    /// Builds a response.
    pub fn new(data: Vec<u8>, sw: StatusWord) -> Self {
        Self { data: Zeroizing::new(data), sw }
    }

    /// Parses raw response bytes (data ‖ SW1 SW2).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ResponseError> {
        if bytes.len() < 2 {
            return Err(ResponseError::TooShort(bytes.len()));
        }
        let (data, sw) = bytes.split_at(bytes.len() - 2);
        Ok(Self::new(data.to_vec(), StatusWord::from_bytes(sw[0], sw[1])))
    }

    /// Encodes data ‖ SW1 SW2.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = self.data.to_vec();
        v.extend_from_slice(&self.sw.to_bytes());
        v
    }

    /// The response data.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// Takes the data out.
    pub fn into_data(self) -> Vec<u8> {
        self.data.to_vec()
    }

    /// Appends more data (GET RESPONSE accumulation).
    pub fn extend(&mut self, more: &[u8]) {
        self.data.extend_from_slice(more);
    }
}

impl fmt::Debug for ResponseApdu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResponseApdu({} bytes, SW {})", self.data.len(), self.sw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_response_is_an_error() {
        assert_eq!(ResponseApdu::from_bytes(&[]), Err(ResponseError::TooShort(0)));
        assert_eq!(ResponseApdu::from_bytes(&[0x90]), Err(ResponseError::TooShort(1)));
        let r = ResponseApdu::from_bytes(&[1, 2, 0x90, 0]).expect("parses");
        assert_eq!(r.data(), &[1, 2]);
        assert!(r.sw.is_ok());
        assert_eq!(r.to_bytes(), vec![1, 2, 0x90, 0]);
    }
}
