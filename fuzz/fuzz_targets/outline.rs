//! Any text as a pasted outline: reading it (and its heading's meta) must
//! return Ok or a typed error, never panic, and always give one tree.
//! Run: `scripts/fuzz 300 outline`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pohon_core::paste::{document, meta, read};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    meta(text);
    if let Ok((found, title)) = read(text) {
        assert!(pohon_core::tree::Tree::build(&document(&found, &title)).is_ok());
    }
});
