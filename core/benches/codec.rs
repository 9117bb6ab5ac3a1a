//! Import/export speed, native: `cargo bench --bench codec` (or `scripts/bench codec`,
//! which also runs the same measurement in headless Chromium beside JSON.parse).
//! Peer: serde_json into an untyped `Value`, the native analogue of JSON.parse.

#[path = "support/codec_runs.rs"]
mod codec_runs;

use codec_runs::{median_ms, ours, SIZES};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let start = Instant::now();
    let now_ms = || start.elapsed().as_secs_f64() * 1e3;
    println!("codec, native (median ms)");
    println!(
        "{:>8} {:>9} {:>10} {:>10} {:>14} {:>14}",
        "nodes", "MB", "import", "export", "Value parse", "Value write"
    );
    for n in SIZES {
        let o = ours(&now_ms, n);
        let value: serde_json::Value = serde_json::from_str(&o.text).unwrap();
        let parse_ms = median_ms(&now_ms, o.runs, || {
            black_box(serde_json::from_str::<serde_json::Value>(black_box(&o.text)).unwrap());
        });
        let write_ms = median_ms(&now_ms, o.runs, || {
            black_box(serde_json::to_string_pretty(black_box(&value)).unwrap());
        });
        println!(
            "{n:>8} {:>9.2} {:>10.2} {:>10.2} {parse_ms:>14.2} {write_ms:>14.2}",
            o.text.len() as f64 / 1e6,
            o.import_ms,
            o.export_ms
        );
    }
}
