//! Import/export speed, native: `cargo bench --bench codec` (or `scripts/bench codec`,
//! which also runs the same measurement in headless Chromium beside JSON.parse).
//! Peer: serde_json into an untyped `Value`, the native analogue of JSON.parse.

use pohon_kinerja::core::codec::{export, import};
use pohon_kinerja::core::synth;
use std::hint::black_box;
use std::time::Instant;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    println!("codec, native (median ms)");
    println!(
        "{:>8} {:>9} {:>10} {:>10} {:>14} {:>14}",
        "nodes", "MB", "import", "export", "Value parse", "Value write"
    );
    for n in [1_000, 10_000, 100_000] {
        let doc = synth::document(n, 42);
        let text = export(&doc);
        let runs = if n >= 100_000 { 5 } else { 21 };
        let import_ms = median_ms(runs, || {
            black_box(import(black_box(text.as_bytes())).unwrap());
        });
        let export_ms = median_ms(runs, || {
            black_box(export(black_box(&doc)));
        });
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let parse_ms = median_ms(runs, || {
            black_box(serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap());
        });
        let write_ms = median_ms(runs, || {
            black_box(serde_json::to_string_pretty(black_box(&value)).unwrap());
        });
        println!(
            "{n:>8} {:>9.2} {import_ms:>10.2} {export_ms:>10.2} {parse_ms:>14.2} {write_ms:>14.2}",
            text.len() as f64 / 1e6
        );
    }
}
