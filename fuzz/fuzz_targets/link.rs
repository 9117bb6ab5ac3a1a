//! Any bytes as a share link's (inflated) payload: decoding must return Ok or
//! a typed error, never panic; whatever it accepts must encode and decode to
//! the same document and view. Run: `scripts/fuzz 300 link`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pohon_core::codec::link::{decode, encode};

fuzz_target!(|data: &[u8]| {
    if let Ok((doc, view)) = decode(data) {
        let again = decode(&encode(&doc, &view)).expect("an encoded document decodes");
        assert_eq!(again, (doc, view));
    }
});
