#![cfg(not(target_arch = "wasm32"))]
//! The kept layout ([`Tidy`]) after random edits, renumbered as the editor
//! does or not at all or wrongly, always equals a fresh layout of the tree
//! as it now is; and after a small edit of a big tree it walks only what the
//! edit changed.

use pohon_core::ops::Change;
use pohon_core::synth::Rng;
use pohon_core::tidy::{layout, Mode, Options, Size, Tidy};

/// A tree as the editor holds it: node indices in document order, each with
/// its parent; children listed in index order.
struct Doc {
    parent: Vec<Option<usize>>,
    sizes: Vec<Size>,
    collapsed: Vec<bool>,
}

impl Doc {
    fn root(&self) -> usize {
        self.parent.iter().position(Option::is_none).unwrap()
    }

    fn children(&self) -> Vec<Vec<usize>> {
        let mut children = vec![Vec::new(); self.parent.len()];
        for (i, p) in self.parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        children
    }

    /// `v` and everything under it.
    fn subtree(&self, v: usize) -> Vec<usize> {
        (0..self.parent.len())
            .filter(|&i| {
                let mut a = Some(i);
                while let Some(x) = a {
                    if x == v {
                        return true;
                    }
                    a = self.parent[x];
                }
                false
            })
            .collect()
    }

    /// Renumbers the nodes as `change` does (parents follow).
    fn apply(&mut self, change: &Change) {
        let len = self.parent.len();
        let new_of_old: Vec<Option<usize>> = (0..len).map(|i| change.map_index(i)).collect();
        let remap = |p: Option<usize>| p.and_then(|p| new_of_old[p]);
        let mut parent: Vec<Option<usize>> = self.parent.iter().map(|&p| remap(p)).collect();
        change.remap(&mut parent, len, |_| None);
        change.remap(&mut self.sizes, len, |_| Size::default());
        change.remap(&mut self.collapsed, len, |_| false);
        self.parent = parent;
    }
}

fn size(rng: &mut Rng) -> Size {
    Size { w: 80.0 + rng.below(320) as f64, h: 30.0 + rng.below(3) as f64 * 40.0 }
}

/// Parents uniformly among earlier nodes (shallow), or among the last few
/// (`deep`: long branches).
fn random_doc(n: usize, deep: bool, rng: &mut Rng) -> Doc {
    let parent = (0..n)
        .map(|i| match i {
            0 => None,
            _ if deep && rng.below(2) == 0 => Some(i - 1 - rng.below(i.min(4))),
            _ => Some(rng.below(i)),
        })
        .collect();
    Doc { parent, sizes: (0..n).map(|_| size(rng)).collect(), collapsed: vec![false; n] }
}

/// One random edit; returns the renumbering it made.
fn edit(doc: &mut Doc, rng: &mut Rng) -> Vec<Change> {
    let n = doc.parent.len();
    let v = rng.below(n);
    match rng.below(7) {
        0 => {
            // Text retyped: the card grows or shrinks.
            doc.sizes[v] = size(rng);
            vec![Change::Content(v)]
        }
        1 => {
            doc.collapsed[v] = !doc.collapsed[v];
            vec![]
        }
        2 | 3 => {
            // A new box under v, at any index.
            let at = rng.below(n + 1);
            let change = Change::Inserted(vec![at]);
            doc.apply(&change);
            let p = if v >= at { v + 1 } else { v };
            doc.parent[at] = Some(p);
            doc.sizes[at] = size(rng);
            vec![change]
        }
        4 if doc.parent[v].is_some() => {
            let change = Change::Removed(doc.subtree(v));
            doc.apply(&change);
            vec![change]
        }
        5 if doc.parent[v].is_some() => {
            // Dragged under another box (not its own subtree).
            let inside = doc.subtree(v);
            let to = rng.below(n);
            if !inside.contains(&to) {
                doc.parent[v] = Some(to);
            }
            vec![]
        }
        _ => {
            // Moved in the node list: sibling order changes.
            let change = Change::Moved { from: v, to: rng.below(n) };
            doc.apply(&change);
            vec![change]
        }
    }
}

fn opts(rng: &mut Rng) -> Options {
    let mode = [Mode::NonLayered, Mode::Layered, Mode::Compact][rng.below(3)];
    Options { mode, across: rng.below(4) == 0, stack_rows: 1 + rng.below(5), ..Options::default() }
}

#[test]
fn kept_layout_equals_a_fresh_one_after_any_edits() {
    let mut rng = Rng::new(11);
    for round in 0..300 {
        let mut doc = random_doc(1 + rng.below(if round % 20 == 0 { 400 } else { 40 }), round % 2 == 0, &mut rng);
        let opts = opts(&mut rng);
        let mut tidy = Tidy::new(opts);
        for step in 0..30 {
            let len_before = doc.parent.len();
            let changes = edit(&mut doc, &mut rng);
            match round % 5 {
                // Not told: nodes keep their walks only where indices did not move.
                3 => {}
                // Told wrongly: a node's walk is found not to fit.
                4 => tidy.renumber(&[Change::Moved { from: 0, to: len_before - 1 }], len_before),
                _ => tidy.renumber(&changes, len_before),
            }
            let children = doc.children();
            let kept = tidy.run(doc.root(), &children, &doc.sizes, &doc.collapsed);
            let fresh = layout(doc.root(), &children, &doc.sizes, &doc.collapsed, &opts);
            assert!(kept == fresh, "round {round}, step {step}, {opts:?}");
        }
    }
}

#[test]
fn a_small_edit_of_a_big_tree_walks_only_what_it_changed() {
    let mut rng = Rng::new(5);
    let n = 20_000;
    for mode in [Mode::NonLayered, Mode::Layered, Mode::Compact] {
        let mut doc = random_doc(n, false, &mut rng);
        let mut tidy = Tidy::new(Options { mode, ..Options::default() });
        let children = doc.children();
        tidy.run(doc.root(), &children, &doc.sizes, &doc.collapsed);
        assert!(tidy.walks() > n / 2);
        // A deep leaf gets wider, then a box is added under it: the walks
        // are its stack (if any) and the path above it.
        let leaf = (0..n).rev().find(|&i| children[i].is_empty()).unwrap();
        doc.sizes[leaf].w += 50.0;
        let kept = tidy.run(doc.root(), &children, &doc.sizes, &doc.collapsed);
        assert!(tidy.walks() < 100, "{mode:?}: {} walks", tidy.walks());
        assert!(kept == layout(doc.root(), &children, &doc.sizes, &doc.collapsed, tidy.options()));
        // Retyped, its card the same size: nothing to walk.
        tidy.renumber(&[Change::Content(leaf)], n);
        tidy.run(doc.root(), &children, &doc.sizes, &doc.collapsed);
        assert_eq!(tidy.walks(), 0, "{mode:?}");
        let change = Change::Inserted(vec![n]);
        doc.apply(&change);
        doc.parent[n] = Some(leaf);
        doc.sizes[n] = doc.sizes[leaf];
        tidy.renumber(&[change], n);
        let children = doc.children();
        let kept = tidy.run(doc.root(), &children, &doc.sizes, &doc.collapsed);
        assert!(tidy.walks() < 100, "{mode:?}: {} walks", tidy.walks());
        assert!(kept == layout(doc.root(), &children, &doc.sizes, &doc.collapsed, tidy.options()));
    }
}
