//! What of a layout lies in a region (the view), found without looking at
//! every card and connector: a frame of panning over a 100 000-node tree
//! touches only what is near the view.
//!
//! Cards go in buckets by the column of their left edge (cards are at most
//! `max_w` wide, so a query widens its left side by that). A connector is
//! made of axis-parallel segments, and touches a region exactly when one of
//! them does: vertical segments go in buckets by their x; horizontal ones by
//! their y, and within a row by their left end, so a view over a row of
//! 50 000 stacked cards looks at the few near it. Spans longer than `LONG`
//! (buses near the root, a hub's many children) are kept apart and scanned.

use super::layout::{Edge, Layout, Rect};

/// Bucket size in layout units: a few cards across.
const CELL: f64 = 512.0;
/// Horizontal spans longer than this are scanned, not searched.
const LONG: f64 = 4096.0;

pub struct Cull {
    /// Per node: its rank in pre-order (the order queries return).
    rank: Vec<u32>,
    max_w: f64,
    cards: Buckets,
    vertical: Buckets,
    horizontal: Spans,
}

impl Cull {
    pub fn new(layout: &Layout) -> Cull {
        let mut rank = vec![u32::MAX; layout.rects.len()];
        let mut cards = Vec::with_capacity(layout.shown.len());
        let mut max_w = 0.0f64;
        for (k, &i) in layout.shown.iter().enumerate() {
            if let Some(r) = layout.rects[i] {
                rank[i] = k as u32;
                max_w = max_w.max(r.w);
                cards.push((cell(r.x), i as u32));
            }
        }
        let (mut vertical, mut short, mut long) =
            (Vec::with_capacity(layout.edges.len() * 2), Vec::with_capacity(layout.edges.len()), Vec::new());
        for (e, edge) in layout.edges.iter().enumerate() {
            let p = &edge.points;
            for k in 0..3 {
                let ((x0, y0), (x1, y1)) = (p[k], p[k + 1]);
                if x0 == x1 {
                    // A repeated corner lies on the segment before it.
                    if y0 != y1 || k == 0 {
                        vertical.push((cell(x0), e as u32));
                    }
                } else if y0 == y1 {
                    let (left, right) = if x0 < x1 { (x0, x1) } else { (x1, x0) };
                    if right - left > LONG {
                        long.push((cell(y0), e as u32));
                    } else {
                        short.push(Span { row: cell(y0), left, right, edge: e as u32 });
                    }
                }
            }
        }
        Cull {
            rank,
            max_w,
            cards: Buckets::new(cards),
            vertical: Buckets::new(vertical),
            horizontal: Spans::new(short, long),
        }
    }

    /// The cards overlapping `world`, in pre-order.
    pub fn cards_in(&self, layout: &Layout, world: Rect) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .cards
            .range(world.x - self.max_w, world.right())
            .map(|i| i as usize)
            .filter(|&i| layout.rects[i].is_some_and(|r| r.overlaps(&world)))
            .collect();
        found.sort_unstable_by_key(|&i| self.rank[i]);
        found
    }

    /// The connectors with a point in `world` (its edges included), in layout order.
    pub fn edges_in<'a>(&self, layout: &'a Layout, world: Rect) -> Vec<&'a Edge> {
        let mut found: Vec<u32> = self
            .vertical
            .range(world.x, world.right())
            .chain(self.horizontal.overlapping(world))
            .filter(|&e| touches(&layout.edges[e as usize], world))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|e| &layout.edges[e as usize]).collect()
    }
}

/// True if a segment of `edge` has a point in `world` (closed).
pub fn touches(edge: &Edge, world: Rect) -> bool {
    edge.points.windows(2).any(|s| {
        let ((x0, y0), (x1, y1)) = (s[0], s[1]);
        x0.min(x1) <= world.right() && world.x <= x0.max(x1) && y0.min(y1) <= world.bottom() && world.y <= y0.max(y1)
    })
}

/// The cells, of `cells` in all, that `from..=to` (layout units) meets.
fn cells_between(from: f64, to: f64, cells: usize) -> std::ops::Range<usize> {
    if to < 0.0 || from > to {
        return 0..0;
    }
    let first = (cell(from) as usize).min(cells);
    first..(cell(to) as usize + 1).clamp(first, cells)
}

fn cell(v: f64) -> u32 {
    // Layout coordinates are finite and non-negative; anything else goes to the first cell.
    column(v, CELL)
}

/// Items grouped by cell, cells in order (compressed rows).
struct Buckets {
    /// `items[start[c]..start[c + 1]]` are in cell c.
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Buckets {
    fn new(entries: Vec<(u32, u32)>) -> Buckets {
        let cells = entries.iter().map(|&(c, _)| c as usize + 1).max().unwrap_or(0);
        let mut start = vec![0u32; cells + 1];
        for &(c, _) in &entries {
            start[c as usize + 1] += 1;
        }
        for c in 0..cells {
            start[c + 1] += start[c];
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; entries.len()];
        for (c, item) in entries {
            items[fill[c as usize] as usize] = item;
            fill[c as usize] += 1;
        }
        Buckets { start, items }
    }

    /// Items in the cells that `from..=to` (layout units) meets.
    fn range(&self, from: f64, to: f64) -> impl Iterator<Item = u32> + '_ {
        self.keys(cells_between(from, to, self.start.len() - 1))
    }

    /// Items in the cells `cells`, clamped to those there are.
    fn keys(&self, cells: std::ops::Range<usize>) -> impl Iterator<Item = u32> + '_ {
        let last = self.start.len() - 1;
        let (a, b) = (cells.start.min(last), cells.end.min(last));
        self.items[self.start[a] as usize..self.start[b.max(a)] as usize].iter().copied()
    }
}

#[derive(Clone, Copy)]
struct Span {
    row: u32,
    left: f64,
    right: f64,
    edge: u32,
}

/// Horizontal spans on a grid: by row cell, and in a row by the column of
/// their left end (columns at least a cell wide, fewer when the rows are
/// many, so the grid stays about as big as the spans); the long ones apart.
/// Grouping is linear: no sort.
struct Spans {
    short: Vec<Span>,
    /// Indices into `short`, keyed `row * cols + column`.
    grid: Buckets,
    rows: usize,
    cols: usize,
    col_w: f64,
    long: Buckets,
}

impl Spans {
    fn new(short: Vec<Span>, long: Vec<(u32, u32)>) -> Spans {
        let long = Buckets::new(long);
        let rows = short.iter().map(|s| s.row as usize + 1).max().unwrap_or(0);
        let right = short.iter().map(|s| s.left).fold(0.0, f64::max);
        let cells = (2 * short.len() + 64) / rows.max(1);
        let col_w = CELL.max(right / cells.max(1) as f64);
        let cols = column(right, col_w) as usize + 1;
        let grid = Buckets::new(
            short
                .iter()
                .enumerate()
                .map(|(k, s)| ((s.row as usize * cols) as u32 + column(s.left, col_w), k as u32))
                .collect(),
        );
        Spans { short, grid, rows, cols, col_w, long }
    }

    /// Edges with a span in a row cell that `world` meets and reaching into
    /// its x range (long spans: any in those rows).
    fn overlapping(&self, world: Rect) -> impl Iterator<Item = u32> + '_ {
        let rows = cells_between(world.y, world.bottom(), self.rows);
        // Spans starting left of the view by more than LONG end before it.
        let (first, last) = (column(world.x - LONG, self.col_w) as usize, column(world.right(), self.col_w) as usize);
        let cols = (first.min(self.cols), (last + 1).min(self.cols));
        let short = rows
            .flat_map(move |r| self.grid.keys(r * self.cols + cols.0..r * self.cols + cols.1.max(cols.0)))
            .map(|k| self.short[k as usize])
            .filter(move |s| s.left <= world.right() && s.right >= world.x);
        short.map(|s| s.edge).chain(self.long.range(world.y, world.bottom()))
    }
}

fn column(v: f64, width: f64) -> u32 {
    (v / width).clamp(0.0, u32::MAX as f64 - 1.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{Card, CardFonts, CardOptions};
    use crate::layout::{layout, Arrangement};
    use crate::outline::Outline;
    use crate::synth::{self, Rng};
    use crate::tidy::Size;
    use crate::tree::Tree;

    fn laid_out(n: usize, seed: u64, mode: Arrangement, collapse: bool) -> Layout {
        let doc = synth::document(n, seed);
        let tree = Tree::build(&doc).unwrap();
        let fonts = CardFonts::approx();
        let sizes: Vec<Size> = doc
            .nodes
            .values()
            .map(|n| Card::size(n, &fonts, CardOptions { details: true, year: None, english: false }))
            .collect();
        let mut outline = Outline::new(&tree);
        // Hide a few branches: hidden nodes have no rect and must never be found.
        if collapse {
            for i in (5..tree.len()).step_by(17) {
                outline.toggle(&tree, i);
            }
        }
        layout(&tree, &sizes, &outline, Some(mode), Size { w: 1600.0, h: 900.0 })
    }

    #[test]
    fn finds_exactly_what_a_full_scan_finds() {
        let mut rng = Rng::new(11);
        for (n, mode) in [
            (1, Arrangement::Layered),
            (300, Arrangement::Compact),
            (3000, Arrangement::Tidy),
            (3000, Arrangement::Compact),
            (3000, Arrangement::Across),
        ] {
            let l = laid_out(n, n as u64, mode, true);
            assert!(n < 300 || l.shown.len() < n, "some nodes hidden");
            let cull = Cull::new(&l);
            for _ in 0..200 {
                let (w, h) = (rng.below(4000) as f64, rng.below(3000) as f64);
                let x = rng.below(l.bounds.w as usize + 2000) as f64 - 1000.0;
                let y = rng.below(l.bounds.h as usize + 2000) as f64 - 1000.0;
                let world = Rect { x, y, w, h };
                let cards: Vec<usize> =
                    l.shown.iter().copied().filter(|&i| l.rects[i].is_some_and(|r| r.overlaps(&world))).collect();
                assert_eq!(cull.cards_in(&l, world), cards, "{n} {mode:?} {world:?}");
                let edges: Vec<&Edge> = l.edges.iter().filter(|e| touches(e, world)).collect();
                assert_eq!(cull.edges_in(&l, world), edges, "{n} {mode:?} {world:?}");
            }
            // The whole layout, and nothing far away.
            assert_eq!(cull.cards_in(&l, l.bounds).len(), l.shown.len());
            assert_eq!(cull.edges_in(&l, l.bounds).len(), l.edges.len());
            let far = Rect { x: -5000.0, y: -5000.0, w: 100.0, h: 100.0 };
            assert!(cull.cards_in(&l, far).is_empty() && cull.edges_in(&l, far).is_empty());
        }
    }

    fn placed(children: &[Vec<usize>], opts: &crate::tidy::Options) -> Layout {
        let n = children.len();
        let sizes = vec![Size { w: 260.0, h: 100.0 }; n];
        let p = crate::tidy::layout(0, children, &sizes, &vec![false; n], opts);
        Layout {
            rects: p.rects,
            edges: p.edges,
            bounds: Rect { x: 0.0, y: 0.0, w: p.width, h: p.height },
            shown: p.order,
            ..Layout::default()
        }
    }

    fn finds_the_edges_a_scan_finds(l: &Layout, cull: &Cull, views: usize, h: usize) {
        let mut rng = Rng::new(5);
        for _ in 0..views {
            let world = Rect {
                x: rng.below(l.bounds.w as usize) as f64 - 500.0,
                y: rng.below(l.bounds.h as usize) as f64,
                w: rng.below(3000) as f64,
                h: rng.below(h) as f64,
            };
            let edges: Vec<&Edge> = l.edges.iter().filter(|e| touches(e, world)).collect();
            assert_eq!(cull.edges_in(l, world), edges, "{world:?}");
        }
    }

    #[test]
    fn a_hub_s_long_bus_pieces_are_found() {
        // 60 children of one root: the bus pieces to the outer ones are longer than LONG.
        let mut children = vec![Vec::new(); 61];
        children[0] = (1..61).collect();
        let l = placed(&children, &Default::default());
        assert!(l.edges.iter().any(|e| (e.points[1].0 - e.points[2].0).abs() > LONG));
        finds_the_edges_a_scan_finds(&l, &Cull::new(&l), 300, 100);
    }

    #[test]
    fn a_tall_and_wide_layout_groups_its_spans_in_wider_columns() {
        // A chain 200 deep, then 500 leaves side by side: mostly empty
        // space, so a grid of cells would be far bigger than the spans.
        let mut children: Vec<Vec<usize>> = (1..=200).map(|i| vec![i]).collect();
        children.push((201..701).collect());
        children.resize(701, Vec::new());
        let l = placed(&children, &crate::tidy::Options { mode: crate::tidy::Mode::NonLayered, ..Default::default() });
        let cull = Cull::new(&l);
        assert!(cull.horizontal.col_w > CELL && cull.horizontal.rows > 30);
        finds_the_edges_a_scan_finds(&l, &cull, 500, 3000);
    }

    #[test]
    fn a_straight_connector_is_found_by_a_thin_view() {
        let l = laid_out(2, 1, Arrangement::Layered, false);
        let cull = Cull::new(&l);
        let e = l.edges[0];
        // The child hangs straight below its only parent: a zero-width line.
        assert_eq!(e.points[0].0, e.points[3].0);
        let thin = Rect { x: e.points[0].0, y: e.points[0].1 + 1.0, w: 0.0, h: 1.0 };
        assert_eq!(cull.edges_in(&l, thin).len(), 1);
        let beside = Rect { x: e.points[0].0 + 0.5, ..thin };
        assert!(cull.edges_in(&l, beside).is_empty());
    }
}
