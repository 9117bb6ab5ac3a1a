//! Any text as a pasted table: reading it and building the tree must return
//! Ok or a typed error, never panic, and a built table is one tree.
//! Run: `scripts/fuzz 300 table`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pohon_core::table::{document, header, rows};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(r) = rows(text) {
        if let Some((h, cols)) = header(&r) {
            if let Ok(doc) = document(&r, h, &cols, "x") {
                assert!(pohon_core::tree::Tree::build(&doc).is_ok());
            }
        }
    }
});
