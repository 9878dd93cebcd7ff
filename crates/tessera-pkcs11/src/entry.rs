//! The PKCS#11 entry points, by area; [`crate::FUNCTIONS`] lists them.

pub(crate) mod sessions;
pub(crate) mod signing;
pub(crate) mod slots;
pub(crate) mod unsupported;
