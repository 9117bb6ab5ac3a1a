//! What the native and the wasm layout benchmarks share: a box added under a
//! node in the middle of a seeded document and taken away again, in turn,
//! each laid out by a kept layout ([`Arranger`], as the editor does) and
//! afresh. Only the clock differs between them.

use pohon_core::layout::{layout, Arrangement, Arranger, Layout};
use pohon_core::ops::{self, transact, Change};
use pohon_core::outline::Outline;
use pohon_core::synth::{self, Rng};
use pohon_core::tidy::Size;
use pohon_core::tree::Tree;
use std::hint::black_box;

pub const SCREEN: Size = Size { w: 1342.0, h: 672.0 };

/// Seeded random card sizes, as the native layout bench uses.
pub fn sizes(n: usize) -> Vec<Size> {
    let mut rng = Rng::new(42);
    (0..n).map(|_| Size { w: 80.0 + rng.below(320) as f64, h: 30.0 + rng.below(270) as f64 }).collect()
}

/// Median ms of laying out after each edit: kept, and afresh; and the last layout.
pub fn after_edits(n: usize, arrangement: Arrangement, runs: usize, now_ms: &impl Fn() -> f64) -> (f64, f64, Layout) {
    let mut doc = synth::document(n, 42);
    let mut tree = Tree::build(&doc).unwrap();
    let mut sizes = sizes(n);
    let outline = Outline::new(&tree);
    let parent = doc.nodes.get_index(n / 2).unwrap().0.clone();
    let mut arranger = Arranger::default();
    let mut last = arranger.layout(&tree, &sizes, &outline, Some(arrangement), SCREEN);
    let (mut kept, mut fresh) = (Vec::new(), Vec::new());
    let mut added = String::new();
    for r in 0..2 * runs {
        let len_before = doc.nodes.len();
        let changes = if r % 2 == 0 {
            let (id, _, changes) = transact(&mut doc, |tx| ops::add_child(tx, &parent)).unwrap();
            added = id;
            changes
        } else {
            transact(&mut doc, |tx| ops::delete_node(tx, &added)).unwrap().2
        };
        tree = Tree::update(&doc, tree, &changes, len_before).unwrap();
        Change::remap_all(&changes, &mut sizes, len_before, Size { w: 240.0, h: 90.0 });
        let t = now_ms();
        arranger.renumber(&changes, len_before);
        last = arranger.layout(&tree, black_box(&sizes), &outline, Some(arrangement), SCREEN);
        kept.push(now_ms() - t);
        let t = now_ms();
        black_box(layout(&tree, black_box(&sizes), &outline, Some(arrangement), SCREEN));
        fresh.push(now_ms() - t);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    (median(&mut kept), median(&mut fresh), last)
}
