//! Tidy layout speed, native: `cargo bench --bench layout`. Seeded documents
//! of 1k/10k/100k nodes (synth: batches of 2–6 children, so most parents of
//! leaves become stacks in compact mode) with random card sizes, top-down and
//! left to right, and what "automatic" costs (it lays out two to six
//! arrangements to pick the one that reads largest on a 1366×768 canvas);
//! the first run on fresh input, then the median of warm runs; then a layout
//! after an edit, afresh and kept.

#[path = "support/relayout_runs.rs"]
mod relayout_runs;

use pohon_core::layout::{self as arrange, Arrangement};
use pohon_core::outline::Outline;
use pohon_core::synth::{self, Rng};
use pohon_core::tidy::{layout, Mode, Options, Size};
use pohon_core::tree::Tree;
use std::hint::black_box;
use std::time::Instant;

fn ms(f: &mut impl FnMut()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    println!("tidy layout, native (ms)");
    println!("{:>8} {:>11} {:>9} {:>9}", "nodes", "mode", "first", "median");
    for n in [1_000, 10_000, 100_000] {
        let tree = Tree::build(&synth::document(n, 42)).unwrap();
        let mut rng = Rng::new(42);
        let sizes: Vec<Size> =
            (0..n).map(|_| Size { w: 80.0 + rng.below(320) as f64, h: 30.0 + rng.below(270) as f64 }).collect();
        let collapsed = vec![false; n];
        let time = |name: &str, run: &mut dyn FnMut()| {
            let first = ms(&mut || run());
            let runs = if n >= 100_000 { 11 } else { 51 };
            let mut times: Vec<f64> = (0..runs).map(|_| ms(&mut || run())).collect();
            times.sort_by(f64::total_cmp);
            println!("{n:>8} {name:>11} {first:>9.3} {:>9.3}", times[runs / 2]);
        };
        for (mode, across) in
            [(Mode::NonLayered, false), (Mode::Layered, false), (Mode::Compact, false), (Mode::Layered, true)]
        {
            let opts = Options { mode, across, ..Options::default() };
            let name = if across { "Across".to_owned() } else { format!("{mode:?}") };
            time(&name, &mut || {
                black_box(layout(tree.root, black_box(&tree.children), &sizes, &collapsed, &opts));
            });
        }
        let outline = Outline::new(&tree);
        let screen = Size { w: 1342.0, h: 672.0 };
        time("automatic", &mut || {
            black_box(arrange::layout(&tree, black_box(&sizes), &outline, None, screen));
        });
        time("(compact)", &mut || {
            black_box(arrange::layout(&tree, black_box(&sizes), &outline, Some(Arrangement::Compact), screen));
        });
    }
    println!("after adding or deleting a box in the middle: laid out afresh, and kept (as the editor does)");
    println!("{:>8} {:>11} {:>9} {:>9}", "nodes", "mode", "afresh", "kept");
    let start = Instant::now();
    let now = || start.elapsed().as_secs_f64() * 1e3;
    for n in [1_000, 10_000, 100_000] {
        let runs = if n >= 100_000 { 11 } else { 51 };
        for a in [Arrangement::Tidy, Arrangement::Layered, Arrangement::Compact, Arrangement::Across] {
            let (kept, fresh, _) = relayout_runs::after_edits(n, a, runs, &now);
            println!("{n:>8} {:>11} {fresh:>9.3} {kept:>9.3}", format!("{a:?}"));
        }
    }
}
