//! No header inside a certificate or an EF.SOD can make Tessera allocate more than the bytes it
//! was given: `der` 0.7's owned types allocate what a length claims before looking for the
//! bytes, so every decode goes through `tessera_core::der_bounded`. This binary counts the
//! largest single allocation while the card layer reads hostile inputs of a few bytes.
//!
//! One test in this file: the counter is process-wide.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Largest;

static LARGEST: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only the size is noted.
unsafe impl GlobalAlloc for Largest {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LARGEST.fetch_max(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Largest = Largest;

/// A SEQUENCE holding a SEQUENCE whose INTEGER claims 0x0FFFFFFF bytes (256 MiB, der's largest
/// length) with two present.
const CLAIMS_256_MIB: [u8; 12] = [0x30, 0x0A, 0x30, 0x08, 0x02, 0x84, 0x0F, 0xFF, 0xFF, 0xFF, 0x00, 0x00];

fn pem(der: &[u8]) -> Vec<u8> {
    der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, der).expect("PEM").into_bytes()
}

#[test]
fn hostile_lengths_cost_no_more_than_the_input() {
    use tessera_core::card::cie::sod;
    use tessera_core::cert;

    let mut inputs = vec![CLAIMS_256_MIB.to_vec(), pem(&CLAIMS_256_MIB)];
    // The same claim as EF.SOD: bare, and inside the ICAO tag 77.
    let mut wrapped = vec![0x77, CLAIMS_256_MIB.len() as u8];
    wrapped.extend_from_slice(&CLAIMS_256_MIB);
    inputs.push(wrapped);
    let before = LARGEST.load(Ordering::Relaxed);
    for input in &inputs {
        assert!(cert::summarize(input).is_err());
        assert!(cert::import(input).is_err());
        assert!(cert::der_parts(input).is_err());
        assert!(cert::rsa_public_key(input).is_err());
        assert!(cert::export(input, cert::ExportFormat::Pem).is_err());
        assert!(matches!(sod::check(input, &[], &[]), sod::ChipKeyCheck::Unverified(_)));
    }
    let largest = LARGEST.load(Ordering::Relaxed);
    assert!(largest < 1 << 20, "largest allocation {largest} bytes for inputs of at most 60 (before: {before})");
}
