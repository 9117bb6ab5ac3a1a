//! Where each shown card goes, and the connectors between them.

use super::card::Card;
use super::outline::Outline;
use super::tree::Tree;

pub const GAP_X: f64 = 24.0;
pub const GAP_Y: f64 = 48.0;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn centre_x(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

/// An orthogonal connector from a parent to a child, in world coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub parent: usize,
    pub child: usize,
    pub points: Vec<(f64, f64)>,
    /// Bounds of `points`, for culling.
    pub bbox: Rect,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Per node (tree index): its card's place, `None` when hidden.
    pub rects: Vec<Option<Rect>>,
    pub edges: Vec<Edge>,
    /// Bounds of every shown card, with its top-left at (0, 0).
    pub bounds: Rect,
    /// Shown nodes in pre-order.
    pub shown: Vec<usize>,
}

/// Lays out the nodes the outline shows, with card sizes from `cards`.
pub fn layout(tree: &Tree, cards: &[Card], outline: &Outline) -> Layout {
    let n = tree.len();
    let shown = outline.shown(tree);
    let kids: Vec<&[usize]> = (0..n).map(|i| outline.shown_children(tree, i)).collect();

    let depth_count = shown.iter().map(|&i| tree.depth[i] as usize + 1).max().unwrap_or(0);
    let mut row_h = vec![0.0f64; depth_count];
    for &i in &shown {
        let d = tree.depth[i] as usize;
        row_h[d] = row_h[d].max(cards[i].h);
    }
    let mut row_y = vec![0.0; depth_count];
    for d in 1..depth_count {
        row_y[d] = row_y[d - 1] + row_h[d - 1] + GAP_Y;
    }

    // Leaves left to right, parents centred over their children. Cards share
    // one width, so subtrees own disjoint columns and cannot overlap.
    let w = cards.first().map_or(0.0, |c| c.w);
    let mut x = vec![0.0; n];
    let mut next_leaf = 0.0;
    for &i in shown.iter().rev() {
        x[i] = match (kids[i].first(), kids[i].last()) {
            (Some(&a), Some(&b)) => (x[a] + x[b]) / 2.0,
            _ => {
                let here = next_leaf;
                next_leaf += w + GAP_X;
                here
            }
        };
    }
    let width = (next_leaf - GAP_X).max(w);
    let mut rects = vec![None; n];
    for &i in &shown {
        rects[i] = Some(Rect { x: width - w - x[i], y: row_y[tree.depth[i] as usize], w, h: cards[i].h });
    }
    let edges = shown
        .iter()
        .flat_map(|&p| kids[p].iter().map(move |&c| (p, c)))
        .filter_map(|(p, c)| Some(edge(p, c, rects[p]?, rects[c]?)))
        .collect();
    let height = row_y.last().copied().unwrap_or(0.0) + row_h.last().copied().unwrap_or(0.0);
    Layout { rects, edges, bounds: Rect { x: 0.0, y: 0.0, w: width, h: height }, shown }
}

fn edge(parent: usize, child: usize, p: Rect, c: Rect) -> Edge {
    let mid = c.y - GAP_Y / 2.0;
    let points = vec![(p.centre_x(), p.bottom()), (p.centre_x(), mid), (c.centre_x(), mid), (c.centre_x(), c.y)];
    let (x0, x1) = (p.centre_x().min(c.centre_x()), p.centre_x().max(c.centre_x()));
    Edge { parent, child, points, bbox: Rect { x: x0, y: p.bottom(), w: x1 - x0, h: c.y - p.bottom() } }
}
