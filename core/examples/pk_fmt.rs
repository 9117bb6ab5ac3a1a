//! Rewrites pohon kinerja files in canonical form (what the app exports), so
//! hand-written fixtures round-trip exactly: `cargo run --example pk_fmt -- FILE…`.
//! Prints what was repaired, and refuses (exit 1) a file the app cannot open.

use pohon_core::codec::{export, import};

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let result =
            std::fs::read(&path).map_err(|e| e.to_string()).and_then(|bytes| import(&bytes).map_err(|e| e.to_string()));
        match result {
            Ok(imported) => {
                for r in &imported.repairs {
                    eprintln!("{path}: repaired: {r}");
                }
                if let Err(e) = std::fs::write(&path, export(&imported.document) + "\n") {
                    eprintln!("{path}: {e}");
                    failed = true;
                }
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
            }
        }
    }
    std::process::exit(i32::from(failed));
}
