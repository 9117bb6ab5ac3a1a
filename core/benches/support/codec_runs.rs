//! What the native and the wasm codec benchmarks share: the seeded documents,
//! how many runs, the median, and our own import/export times. Only the clock
//! and the peer differ between them.

use pohon_core::codec::{export, import};
use pohon_core::synth;
use std::hint::black_box;

pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// Median of `runs` timings (after one warm-up) of `f`, in ms by `now_ms`.
pub fn median_ms(now_ms: &impl Fn() -> f64, runs: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = now_ms();
            f();
            now_ms() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

pub struct Ours {
    pub text: String,
    pub runs: usize,
    pub import_ms: f64,
    pub export_ms: f64,
}

/// Our import and export of the seeded `nodes`-node document.
pub fn ours(now_ms: &impl Fn() -> f64, nodes: usize) -> Ours {
    let doc = synth::document(nodes, 42);
    let text = export(&doc);
    let runs = if nodes >= 100_000 { 5 } else { 21 };
    let import_ms = median_ms(now_ms, runs, || {
        black_box(import(black_box(text.as_bytes())).unwrap());
    });
    let export_ms = median_ms(now_ms, runs, || {
        black_box(export(black_box(&doc)));
    });
    Ours { text, runs, import_ms, export_ms }
}
