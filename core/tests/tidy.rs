#![cfg(not(target_arch = "wasm32"))]
//! The tidy layout on seeded random trees of 1 to 100 000 nodes (wide, deep
//! chains of 1000, caterpillars, bushy, random) with random card sizes and
//! collapsed nodes, in every mode, and on small property-tested trees with
//! random options, top-down and left to right: cards keep their gaps and never overlap, siblings keep
//! their order, parents are centred (or head their stack), rows, stacks and
//! a stack's columns are where they belong, no connector enters a card, bounds are exact, and
//! collapsing equals pruning. Overlaps and crossings are found by sweeps, in
//! O(n log n).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use pohon_core::synth::Rng;
use pohon_core::tidy::{layout, Mode, Options, Placement, Rect, Size};
use proptest::prelude::*;

const EPS: f64 = 1e-6;
const MODES: [Mode; 3] = [Mode::NonLayered, Mode::Layered, Mode::Compact];

#[derive(Clone, Debug)]
struct Case {
    root: usize,
    children: Vec<Vec<usize>>,
    sizes: Vec<Size>,
    collapsed: Vec<bool>,
}

impl Case {
    /// `parents[i - 1]` (below i) is node i's parent; node i becomes
    /// `label[i]`, so indices, order and sibling order are all unrelated.
    fn new(parents: &[usize], rng: &mut Rng, collapse_one_in: usize) -> Case {
        let n = parents.len() + 1;
        let mut label: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            label.swap(i, rng.below(i + 1));
        }
        let mut children = vec![Vec::new(); n];
        for (i, &p) in parents.iter().enumerate() {
            children[label[p]].push(label[i + 1]);
        }
        let sizes = (0..n)
            .map(|_| Size { w: 80.0 + rng.below(32_000) as f64 / 100.0, h: 30.0 + rng.below(27_000) as f64 / 100.0 })
            .collect();
        let collapsed = (0..n).map(|_| collapse_one_in > 0 && rng.below(collapse_one_in) == 0).collect();
        Case { root: label[0], children, sizes, collapsed }
    }

    fn layout(&self, opts: &Options) -> Placement {
        layout(self.root, &self.children, &self.sizes, &self.collapsed, opts)
    }

    /// The drawn part alone, renumbered breadth-first, and the old index of
    /// each new node.
    fn pruned(&self) -> (Case, Vec<usize>) {
        let mut old = vec![self.root];
        let mut new = vec![usize::MAX; self.children.len()];
        new[self.root] = 0;
        let mut k = 0;
        while k < old.len() {
            let v = old[k];
            k += 1;
            if !self.collapsed[v] {
                for &c in &self.children[v] {
                    new[c] = old.len();
                    old.push(c);
                }
            }
        }
        let children = old
            .iter()
            .map(|&v| if self.collapsed[v] { Vec::new() } else { self.children[v].iter().map(|&c| new[c]).collect() })
            .collect();
        let sizes = old.iter().map(|&v| self.sizes[v]).collect();
        (Case { root: 0, children, sizes, collapsed: vec![false; old.len()] }, old)
    }
}

/// Collapsing gives exactly the layout of the tree without the hidden nodes.
fn collapsing_is_pruning(case: &Case, opts: &Options, p: &Placement) {
    let (pruned, old) = case.pruned();
    let q = pruned.layout(opts);
    for (j, &v) in old.iter().enumerate() {
        assert_eq!(p.rects[v], q.rects[j], "node {v}, {:?}", opts.mode);
    }
    let edges: Vec<_> = q.edges.iter().map(|e| (old[e.parent], old[e.child], e.points)).collect();
    assert_eq!(p.edges.iter().map(|e| (e.parent, e.child, e.points)).collect::<Vec<_>>(), edges);
    assert_eq!((p.width, p.height), (q.width, q.height));
}

#[derive(Clone, Copy, Debug)]
enum Shape {
    /// Each node's parent uniformly among the earlier ones: shallow and uneven.
    Random,
    /// A few hubs with thousands of children each.
    Wide,
    /// A chain 1000 deep (or all of `n`) with random branches off it.
    Deep,
    /// A spine with legs of one or two nodes.
    Caterpillar,
    /// Breadth-first batches of 2–6 children, as agencies draw them.
    Bushy,
    /// Parents among the last few nodes: long, twisting, bounded at depth 1000.
    Twisty,
}

const SHAPES: [Shape; 6] = [Shape::Random, Shape::Wide, Shape::Deep, Shape::Caterpillar, Shape::Bushy, Shape::Twisty];

/// `parents[i - 1]` is the parent of node `i`; `n` nodes in all.
fn parents(shape: Shape, n: usize, rng: &mut Rng) -> Vec<usize> {
    let mut parents: Vec<usize> = Vec::with_capacity(n.saturating_sub(1));
    let mut depth = vec![0usize; n];
    let spine = match shape {
        Shape::Deep => n.min(1000),
        _ => (n / 3).clamp(1, 1000),
    };
    let (mut batch_parent, mut batch_left) = (0, 0);
    for i in 1..n {
        let mut p = match shape {
            Shape::Random => rng.below(i),
            Shape::Wide => rng.below(i.min(6)),
            Shape::Deep | Shape::Caterpillar if i < spine => i - 1,
            Shape::Deep => rng.below(i),
            Shape::Caterpillar if i > spine && parents[i - 2] < spine && rng.below(3) == 0 => i - 1,
            Shape::Caterpillar => rng.below(spine),
            Shape::Bushy => {
                if batch_left == 0 {
                    batch_parent += usize::from(i > 1);
                    batch_left = 2 + rng.below(5);
                }
                batch_left -= 1;
                batch_parent
            }
            Shape::Twisty => i - 1 - rng.below(i.min(4)),
        };
        while depth[p] >= 1000 {
            p = parents[p - 1];
        }
        depth[i] = depth[p] + 1;
        parents.push(p);
    }
    parents
}

fn options(mode: Mode) -> Options {
    Options {
        mode,
        sibling_gap: 20.0,
        subtree_gap: 36.0,
        level_gap: 40.0,
        indent: 30.0,
        stack_gap: 10.0,
        stack_rows: 3,
        across: false,
    }
}

/// `check` for both directions: a left-to-right placement, with its axes
/// swapped back, must be the top-down one of the case with swapped sizes;
/// and its connectors leave a parent's right edge for a child's left edge.
fn check_either(case: &Case, opts: &Options, p: &Placement) {
    if !opts.across {
        return check(case, opts, p);
    }
    let flip = |r: Rect| Rect { x: r.y, y: r.x, w: r.h, h: r.w };
    let down = Case { sizes: case.sizes.iter().map(|s| Size { w: s.h, h: s.w }).collect(), ..case.clone() };
    let back = Placement {
        rects: p.rects.iter().map(|r| r.map(flip)).collect(),
        edges: p.edges.iter().map(|e| pohon_core::tidy::Edge { points: e.points.map(|(x, y)| (y, x)), ..*e }).collect(),
        order: p.order.clone(),
        width: p.height,
        height: p.width,
    };
    let opts_down = Options { across: false, ..*opts };
    assert_eq!(&back, &down.layout(&opts_down));
    check(&down, &opts_down, &back);
    for e in &p.edges {
        let (a, b) = (p.rects[e.parent].unwrap(), p.rects[e.child].unwrap());
        let (start, end) = (e.points[0], e.points[3]);
        if opts.mode != Mode::Compact {
            assert!((start.0 - a.right()).abs() < EPS && start.1 > a.y - EPS && start.1 < a.bottom() + EPS, "{e:?}");
            assert!((end.0 - b.x).abs() < EPS && end.1 > b.y - EPS && end.1 < b.bottom() + EPS, "{e:?}");
            assert!(b.x >= a.right() - EPS);
        }
    }
}

/// Every property of a placement, against an independent reading of the tree.
fn check(case: &Case, opts: &Options, p: &Placement) {
    let n = case.children.len();
    assert_eq!(p.rects.len(), n);
    // Drawn nodes, their parent and depth.
    let mut parent = vec![None; n];
    let mut depth = vec![0usize; n];
    let mut drawn = vec![false; n];
    let mut order = vec![case.root];
    drawn[case.root] = true;
    let mut k = 0;
    while k < order.len() {
        let v = order[k];
        k += 1;
        if !case.collapsed[v] {
            for &c in &case.children[v] {
                drawn[c] = true;
                parent[c] = Some(v);
                depth[c] = depth[v] + 1;
                order.push(c);
            }
        }
    }
    let kids = |v: usize| if case.collapsed[v] { &[][..] } else { &case.children[v][..] };
    let rect = |v: usize| p.rects[v].unwrap_or_else(|| panic!("node {v} is drawn"));
    for (v, (r, &d)) in p.rects.iter().zip(&drawn).enumerate() {
        assert_eq!(r.is_some(), d, "node {v}");
    }

    // Coordinates, sizes and bounds.
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::INFINITY, f64::INFINITY, 0.0f64, 0.0f64);
    for &v in &order {
        let r = rect(v);
        assert!([r.x, r.y].iter().all(|c| c.is_finite() && *c >= 0.0), "node {v} at {r:?}");
        assert_eq!((r.w, r.h), (case.sizes[v].w, case.sizes[v].h));
        (min_x, min_y) = (min_x.min(r.x), min_y.min(r.y));
        (max_x, max_y) = (max_x.max(r.x + r.w), max_y.max(r.y + r.h));
    }
    assert_eq!((min_x, min_y), (0.0, 0.0));
    assert_eq!((p.width, p.height), (max_x, max_y));

    // Rows, stacks, order and centring.
    let stacks: Vec<bool> = (0..n)
        .map(|v| opts.mode == Mode::Compact && !kids(v).is_empty() && kids(v).iter().all(|&c| kids(c).is_empty()))
        .collect();
    let stacked = |v: usize| stacks[v];
    let rows = order.iter().map(|&v| depth[v]).max().unwrap() + 1;
    let mut row_h = vec![0.0f64; rows];
    for &v in &order {
        if !parent[v].is_some_and(stacked) {
            row_h[depth[v]] = row_h[depth[v]].max(rect(v).h);
        }
    }
    let mut row_y = vec![0.0; rows];
    for d in 1..rows {
        row_y[d] = row_y[d - 1] + row_h[d - 1] + opts.level_gap;
    }
    for &v in &order {
        let r = rect(v);
        let cs = kids(v);
        if opts.mode == Mode::NonLayered {
            if let Some(q) = parent[v] {
                assert!((r.y - (rect(q).y + rect(q).h + opts.level_gap)).abs() < EPS, "node {v} below its parent");
            }
        } else if !parent[v].is_some_and(stacked) {
            assert!((r.y - row_y[depth[v]]).abs() < EPS, "node {v} in its row");
        }
        if cs.is_empty() {
            continue;
        }
        if stacked(v) {
            // Balanced columns of at most `stack_rows`, the first ones longer, read down then across.
            let cols = cs.len().div_ceil(opts.stack_rows.max(1));
            let mut rest = cs;
            let mut left: Option<Rect> = None;
            for k in 0..cols {
                let (column, after) = rest.split_at(cs.len() / cols + usize::from(k < cs.len() % cols));
                rest = after;
                let head = rect(column[0]);
                match left {
                    None => assert!((head.x - (r.x + opts.indent)).abs() < EPS, "stack under {v} indented"),
                    Some(l) => {
                        assert!(head.x - opts.indent / 2.0 >= l.x + l.w + opts.sibling_gap - EPS, "column {k} of {v}")
                    }
                }
                let mut top = row_y[depth[v] + 1];
                for &c in column {
                    let rc = rect(c);
                    assert!((rc.x - head.x).abs() < EPS && (rc.y - top).abs() < EPS, "stacked {c} in order under {v}");
                    top = rc.y + rc.h + opts.stack_gap;
                }
                left = Some(head);
            }
        } else {
            let (first, last) = (rect(cs[0]), rect(cs[cs.len() - 1]));
            let mid = (first.x + first.w / 2.0 + last.x + last.w / 2.0) / 2.0;
            assert!((r.x + r.w / 2.0 - mid).abs() < EPS, "node {v} centred over its children");
            for pair in cs.windows(2) {
                let (a, b) = (rect(pair[0]), rect(pair[1]));
                assert!(a.x + a.w + opts.sibling_gap <= b.x + EPS, "siblings {pair:?} in order, apart");
            }
        }
    }

    // Cards whose vertical spans overlap stay the smaller gap apart.
    let half = opts.sibling_gap.min(opts.subtree_gap) / 2.0;
    let boxes: Vec<Rect> = order
        .iter()
        .map(|&v| {
            let r = rect(v);
            Rect { x: r.x - half + EPS, y: r.y + EPS, w: r.w + 2.0 * (half - EPS), h: r.h - 2.0 * EPS }
        })
        .collect();
    if let Some((a, b)) = overlap(&boxes) {
        panic!("cards {} and {} overlap: {:?} {:?}", order[a], order[b], rect(order[a]), rect(order[b]));
    }

    // Connectors: one per drawn child, from its parent's bottom to its own
    // edge, orthogonal, within the bounds, entering no card.
    assert_eq!(p.edges.len(), order.len() - 1);
    let mut segments = Vec::new();
    for e in &p.edges {
        assert_eq!(parent[e.child], Some(e.parent), "edge {e:?}");
        let (rp, rc) = (rect(e.parent), rect(e.child));
        let (start, end) = (e.points[0], e.points[3]);
        let first = rect(kids(e.parent)[0]);
        if stacked(e.parent) && rc.x != first.x {
            // A stack's later column: from the bus, at the first column's spine.
            assert!(start == (rp.x + opts.indent / 2.0, first.y - opts.level_gap / 2.0), "column edge {e:?}");
        } else {
            assert!(start.1 == rp.y + rp.h && rp.x <= start.0 && start.0 <= rp.x + rp.w.max(opts.indent / 2.0));
        }
        if stacked(e.parent) {
            assert!(end == (rc.x, rc.y + rc.h / 2.0), "stack edge {e:?}");
        } else {
            assert!(end == (rc.x + rc.w / 2.0, rc.y), "edge {e:?}");
        }
        for s in e.points.windows(2) {
            let ((x0, y0), (x1, y1)) = (s[0], s[1]);
            assert!(x0 == x1 || y0 == y1, "edge {e:?} is orthogonal");
            assert!([x0, x1].iter().all(|x| (0.0..=p.width).contains(x)), "edge {e:?} within bounds");
            assert!([y0, y1].iter().all(|y| (0.0..=p.height).contains(y)), "edge {e:?} within bounds");
            segments.push(((x0, y0), (x1, y1), e.child));
        }
    }
    // Shrunk by EPS: a connector along a card's edge, up to rounding, is outside it.
    let cards: Vec<Rect> = order
        .iter()
        .map(|&v| {
            let r = rect(v);
            Rect { x: r.x + EPS, y: r.y + EPS, w: r.w - 2.0 * EPS, h: r.h - 2.0 * EPS }
        })
        .collect();
    let horizontal: Vec<_> =
        segments.iter().filter(|s| s.0 .1 == s.1 .1).map(|&(a, b, c)| (a.1, a.0.min(b.0), a.0.max(b.0), c)).collect();
    let vertical: Vec<_> =
        segments.iter().filter(|s| s.0 .0 == s.1 .0).map(|&(a, b, c)| (a.0, a.1.min(b.1), a.1.max(b.1), c)).collect();
    let transposed: Vec<Rect> = cards.iter().map(|r| Rect { x: r.y, y: r.x, w: r.h, h: r.w }).collect();
    for (rects, segs) in [(&cards, &horizontal), (&transposed, &vertical)] {
        if let Some((card, (at, from, to, child))) = crossing(rects, segs) {
            panic!("the edge to {child} ({at} from {from} to {to}, maybe transposed) crosses card {}", order[card]);
        }
    }
}

/// Order-preserving key of a finite float.
fn key(f: f64) -> u64 {
    let b = f.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | 1 << 63
    }
}

/// A pair of rectangles whose interiors intersect, by a sweep over x keeping
/// the rectangles under the sweep line by top (they are disjoint while none
/// was found, so each new one need only meet its neighbours).
fn overlap(rects: &[Rect]) -> Option<(usize, usize)> {
    let mut by_x: Vec<usize> = (0..rects.len()).collect();
    by_x.sort_by(|&a, &b| rects[a].x.total_cmp(&rects[b].x));
    let mut active: BTreeMap<(u64, usize), ()> = BTreeMap::new();
    let mut ends: BinaryHeap<Reverse<(u64, usize)>> = BinaryHeap::new();
    for i in by_x {
        let r = rects[i];
        while let Some(&Reverse((end, j))) = ends.peek() {
            if end > key(r.x) {
                break;
            }
            ends.pop();
            active.remove(&(key(rects[j].y), j));
        }
        if let Some((&(_, j), _)) = active.range(..=(key(r.y), usize::MAX)).next_back() {
            if rects[j].y + rects[j].h > r.y {
                return Some((j, i));
            }
        }
        if let Some((&(_, j), _)) = active.range((key(r.y), usize::MAX)..).next() {
            if rects[j].y < r.y + r.h {
                return Some((j, i));
            }
        }
        active.insert((key(r.y), i), ());
        ends.push(Reverse((key(r.x + r.w), i)));
    }
    None
}

/// A horizontal segment `(y, x0, x1, tag)` that meets the interior of one of
/// `cards` (disjoint), by a sweep over y keeping the cards it is inside by
/// left edge: only the card left of `x0` and the next one can be met.
fn crossing(cards: &[Rect], segments: &[(f64, f64, f64, usize)]) -> Option<(usize, (f64, f64, f64, usize))> {
    // At equal y: cards end, then segments are checked, then cards begin,
    // so a segment along a card's edge is outside it.
    let mut events: Vec<(f64, u8, usize)> = Vec::new();
    for (i, r) in cards.iter().enumerate() {
        events.push((r.y + r.h, 0, i));
        events.push((r.y, 2, i));
    }
    events.extend(segments.iter().enumerate().map(|(i, s)| (s.0, 1, i)));
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut active: BTreeMap<(u64, usize), ()> = BTreeMap::new();
    for (_, kind, i) in events {
        match kind {
            0 => {
                active.remove(&(key(cards[i].x), i));
            }
            2 => {
                active.insert((key(cards[i].x), i), ());
            }
            _ => {
                let s = segments[i];
                let left = active.range(..=(key(s.1), usize::MAX)).next_back();
                let right = active.range((key(s.1), usize::MAX)..).next();
                for (&(_, c), _) in left.into_iter().chain(right) {
                    let r = cards[c];
                    if s.1 < r.x + r.w && r.x < s.2 {
                        return Some((c, s));
                    }
                }
            }
        }
    }
    None
}

fn check_all_modes(case: &Case) {
    for mode in MODES {
        for across in [false, true] {
            let opts = Options { across, ..options(mode) };
            let p = case.layout(&opts);
            check_either(case, &opts, &p);
            collapsing_is_pruning(case, &opts, &p);
        }
    }
}

#[test]
fn seeded_shapes_of_every_size() {
    for (s, shape) in SHAPES.into_iter().enumerate() {
        for (k, n) in [1, 2, 3, 5, 8, 13, 40, 150, 600, 2500].into_iter().enumerate() {
            let mut rng = Rng::new((s * 100 + k) as u64);
            let parents = parents(shape, n, &mut rng);
            // The first of each pair has nothing collapsed, the second some.
            check_all_modes(&Case::new(&parents, &mut rng, 0));
            check_all_modes(&Case::new(&parents, &mut rng, 12));
        }
    }
}

#[test]
fn deep_chains_of_a_thousand() {
    let mut rng = Rng::new(7);
    // A bare chain, and one with a leaf on either side of every link.
    let chain: Vec<usize> = (0..999).collect();
    check_all_modes(&Case::new(&chain, &mut rng, 0));
    let mut ladder = Vec::new();
    for i in 0..999 {
        let link = if i == 0 { 0 } else { 3 * i - 1 };
        ladder.extend([link, link, link]);
    }
    check_all_modes(&Case::new(&ladder, &mut rng, 0));
    check_all_modes(&Case::new(&ladder, &mut rng, 50));
}

#[test]
fn large_trees() {
    for (seed, shape, n, mode, across) in [
        (1, Shape::Random, 100_000, Mode::NonLayered, false),
        (2, Shape::Bushy, 100_000, Mode::Layered, false),
        (3, Shape::Wide, 100_000, Mode::Compact, false),
        (4, Shape::Deep, 20_000, Mode::NonLayered, false),
        (5, Shape::Caterpillar, 20_000, Mode::Compact, false),
        (6, Shape::Twisty, 20_000, Mode::Layered, false),
        (7, Shape::Bushy, 100_000, Mode::Layered, true),
        (8, Shape::Deep, 20_000, Mode::Layered, true),
    ] {
        let mut rng = Rng::new(seed);
        let case = Case::new(&parents(shape, n, &mut rng), &mut rng, 40);
        let opts = Options { across, ..options(mode) };
        let p = case.layout(&opts);
        check_either(&case, &opts, &p);
        collapsing_is_pruning(&case, &opts, &p);
    }
}

#[test]
fn the_sweeps_find_overlaps_and_crossings() {
    let r = |x, y| Rect { x, y, w: 10.0, h: 10.0 };
    assert_eq!(overlap(&[r(0.0, 0.0), r(10.0, 0.0), r(0.0, 10.0)]), None);
    assert_eq!(overlap(&[r(0.0, 0.0), r(20.0, 0.0), r(9.0, 9.0)]), Some((0, 2)));
    assert_eq!(overlap(&[r(0.0, 30.0), r(5.0, 0.0), r(2.0, 25.0), r(6.0, 15.0)]), Some((0, 2)));
    let cards = [r(0.0, 0.0), r(20.0, 0.0)];
    assert!(crossing(&cards, &[(0.0, 0.0, 30.0, 0), (10.0, 0.0, 30.0, 1), (5.0, 10.0, 20.0, 2)]).is_none());
    assert_eq!(crossing(&cards, &[(5.0, 12.0, 21.0, 7)]).map(|c| c.0), Some(1));
    assert_eq!(crossing(&cards, &[(5.0, 5.0, 5.0, 7)]).map(|c| c.0), Some(0));
}

fn arb_case() -> impl Strategy<Value = (Case, Options)> {
    let tree = (1usize..40).prop_flat_map(|n| {
        let parents: Vec<_> = (1..n).map(|i| 0..i).collect();
        let sizes = proptest::collection::vec((1.0f64..400.0, 1.0f64..300.0), n);
        let collapsed = proptest::collection::vec(proptest::bool::weighted(0.1), n);
        (parents, sizes, collapsed)
    });
    let gap = prop_oneof![Just(0.0), 0.0f64..60.0];
    let mode = prop_oneof![Just(Mode::NonLayered), Just(Mode::Layered), Just(Mode::Compact)];
    let shape = (mode, proptest::bool::ANY);
    (tree, shape, gap.clone(), gap.clone(), gap.clone(), 0.0f64..120.0, gap, 0usize..8).prop_map(
        |(
            (parents, sizes, collapsed),
            (mode, across),
            sibling_gap,
            subtree_gap,
            level_gap,
            indent,
            stack_gap,
            stack_rows,
        )| {
            let mut children = vec![Vec::new(); sizes.len()];
            for (i, p) in parents.into_iter().enumerate() {
                children[p].push(i + 1);
            }
            let sizes = sizes.into_iter().map(|(w, h)| Size { w, h }).collect();
            let opts = Options { mode, sibling_gap, subtree_gap, level_gap, indent, stack_gap, stack_rows, across };
            (Case { root: 0, children, sizes, collapsed }, opts)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_small_tree_with_any_options((case, opts) in arb_case()) {
        let p = case.layout(&opts);
        check_either(&case, &opts, &p);
        collapsing_is_pruning(&case, &opts, &p);
    }
}
