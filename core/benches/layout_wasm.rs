//! What a structural edit redoes, in WebAssembly in headless Chromium: the
//! layout (kept, as the editor does, and afresh) and the cull index built from it, on seeded 10k and 100k-node
//! documents, compact (what "automatic" picks for them) and left to right,
//! beside the whole edit's frame budget (`scripts/bench edit`'s goals):
//! `cargo bench --target wasm32-unknown-unknown --bench layout_wasm -- --nocapture`
//! (or `scripts/bench layout`).
#![cfg_attr(not(target_arch = "wasm32"), allow(unused))]

#[cfg(target_arch = "wasm32")]
#[path = "support/relayout_runs.rs"]
mod relayout_runs;

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::relayout_runs::after_edits;
    use pohon_core::cull::Cull;
    use pohon_core::layout::Arrangement;
    use std::hint::black_box;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn layout_in_the_browser() {
        let performance = web_sys::window().unwrap().performance().unwrap();
        let now = || performance.now();
        console_log!("after adding or deleting a box: layout and cull index, wasm in Chromium (median ms)");
        console_log!(
            "{:>8} {:>8} {:>14} {:>13} {:>6} {:>13} {:>16}",
            "nodes",
            "arrange",
            "layout afresh",
            "layout kept",
            "cull",
            "kept + cull",
            "edit frame goal"
        );
        for (n, goal) in [(10_000, "≤ 16"), (100_000, "< 50")] {
            let runs = if n >= 100_000 { 11 } else { 41 };
            for a in [Arrangement::Compact, Arrangement::Across] {
                let (kept, fresh, l) = after_edits(n, a, runs, &now);
                let mut culled: Vec<f64> = (0..runs)
                    .map(|_| {
                        let t = now();
                        black_box(Cull::new(&l));
                        now() - t
                    })
                    .collect();
                culled.sort_by(f64::total_cmp);
                let c = culled[runs / 2];
                let name = format!("{a:?}").to_lowercase();
                console_log!("{n:>8} {name:>8} {fresh:>14.2} {kept:>13.2} {c:>6.2} {:>13.2} {goal:>16}", kept + c);
            }
        }
    }
}

fn main() {}
