//! The CIE 3.0 profile (CIE spec): recognition, plain reads, DH key agreement, device
//! authentication (DAPP), secure messaging, PIN operations.

pub mod crypto;
pub mod sm;
