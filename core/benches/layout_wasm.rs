//! What a structural edit redoes, in WebAssembly in headless Chromium: the
//! layout and the cull index built from it, on seeded 10k and 100k-node
//! documents, compact (what "automatic" picks for them) and left to right,
//! beside the whole edit's frame budget (`scripts/bench edit`'s goals):
//! `cargo bench --target wasm32-unknown-unknown --bench layout_wasm -- --nocapture`
//! (or `scripts/bench layout`).
#![cfg_attr(not(target_arch = "wasm32"), allow(unused))]

#[cfg(target_arch = "wasm32")]
mod wasm {
    use pohon_core::cull::Cull;
    use pohon_core::layout::{layout, Arrangement};
    use pohon_core::outline::Outline;
    use pohon_core::synth::{self, Rng};
    use pohon_core::tidy::Size;
    use pohon_core::tree::Tree;
    use std::hint::black_box;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn layout_in_the_browser() {
        let performance = web_sys::window().unwrap().performance().unwrap();
        let now = || performance.now();
        console_log!("layout and cull index, wasm in Chromium (median ms)");
        console_log!(
            "{:>8} {:>8} {:>8} {:>8} {:>8} {:>16}",
            "nodes",
            "arrange",
            "layout",
            "cull",
            "total",
            "edit frame goal"
        );
        for (n, goal) in [(10_000, "≤ 16"), (100_000, "< 50")] {
            let tree = Tree::build(&synth::document(n, 42)).unwrap();
            let mut rng = Rng::new(42);
            let sizes: Vec<Size> =
                (0..n).map(|_| Size { w: 80.0 + rng.below(320) as f64, h: 30.0 + rng.below(270) as f64 }).collect();
            let outline = Outline::new(&tree);
            let screen = Size { w: 1342.0, h: 672.0 };
            let runs = if n >= 100_000 { 11 } else { 41 };
            for a in [Arrangement::Compact, Arrangement::Across] {
                let (mut laid, mut culled) = (Vec::new(), Vec::new());
                for _ in 0..runs {
                    let t = now();
                    let l = layout(&tree, black_box(&sizes), &outline, Some(a), screen);
                    laid.push(now() - t);
                    let t = now();
                    black_box(Cull::new(&l));
                    culled.push(now() - t);
                }
                let median = |v: &mut Vec<f64>| {
                    v.sort_by(f64::total_cmp);
                    v[v.len() / 2]
                };
                let (l, c) = (median(&mut laid), median(&mut culled));
                let name = format!("{a:?}").to_lowercase();
                console_log!("{n:>8} {name:>8} {l:>8.2} {c:>8.2} {:>8.2} {goal:>16}", l + c);
            }
        }
    }
}

fn main() {}
