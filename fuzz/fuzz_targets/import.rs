//! Any bytes: import must return Ok or a typed error, never panic or overflow
//! the stack; and whatever it accepts must export and re-import to the same
//! document. Run: `scripts/fuzz` (see README).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pohon_core::codec::{export, import};

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = import(data) {
        let text = export(&imported.document);
        let again = import(text.as_bytes()).expect("an exported document imports");
        assert_eq!(again.document, imported.document);
        assert!(again.repairs.is_empty());
        assert_eq!(export(&again.document), text);
    }
});
