//! Where each shown card goes: the cards' sizes and the outline's choices
//! fed to the tidy layout ([`super::tidy`]).

use super::card::Card;
use super::outline::Outline;
use super::tidy::{self, Options, Size};
use super::tree::Tree;

pub use super::tidy::{Edge, Mode, Rect};

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

impl Layout {
    /// The connectors that touch `world` (culling for drawing).
    pub fn edges_in(&self, world: Rect) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| {
            let b = e.bbox();
            // Straight connectors have no width or height: grow them to overlap-test.
            Rect { x: b.x - 1.0, y: b.y - 1.0, w: b.w + 2.0, h: b.h + 2.0 }.overlaps(&world)
        })
    }
}

/// Lays out the nodes the outline shows, with card sizes from `cards`; with
/// no `mode`, the arrangement (layered or compact) that fits a landscape
/// screen (projector, laptop) at the larger scale.
pub fn layout(tree: &Tree, cards: &[Card], outline: &Outline, mode: Option<Mode>) -> Layout {
    match mode {
        Some(mode) => layout_with(tree, cards, outline, mode),
        None => {
            let fit = |l: &Layout| (16.0 / l.bounds.w.max(1.0), 9.0 / l.bounds.h.max(1.0));
            let layered = layout_with(tree, cards, outline, Mode::Layered);
            let (w, h) = fit(&layered);
            // Compact is never shorter than layered: when height already
            // limits the scale, it cannot fit better (and need not be laid out).
            if h <= w {
                return layered;
            }
            let compact = layout_with(tree, cards, outline, Mode::Compact);
            let (cw, ch) = fit(&compact);
            if cw.min(ch) > w.min(h) {
                compact
            } else {
                layered
            }
        }
    }
}

fn layout_with(tree: &Tree, cards: &[Card], outline: &Outline, mode: Mode) -> Layout {
    let sizes: Vec<Size> = cards.iter().map(|c| Size { w: c.w, h: c.h }).collect();
    let opts = Options { mode, ..Options::default() };
    let placement = match outline.focus {
        // A focus shows one child per ancestor: hand the layout pruned lists.
        Some(_) => {
            tidy::layout(tree.root, &outline.shown_children_lists(tree), &sizes, &vec![false; tree.len()], &opts)
        }
        None => {
            let mut collapsed = outline.collapsed.clone();
            collapsed.resize(tree.len(), false);
            tidy::layout(tree.root, &tree.children, &sizes, &collapsed, &opts)
        }
    };
    Layout {
        rects: placement.rects,
        edges: placement.edges,
        bounds: Rect { x: 0.0, y: 0.0, w: placement.width, h: placement.height },
        shown: outline.shown(tree),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::card::{CardFonts, CardOptions};
    use crate::core::sample::sample;

    #[test]
    fn collapsed_and_focused_nodes_are_not_placed() {
        let doc = sample().unwrap();
        let tree = Tree::build(&doc).unwrap();
        let fonts = CardFonts::approx();
        let cards: Vec<Card> =
            doc.nodes.values().map(|n| Card::of(n, &fonts, CardOptions { details: true, year: None })).collect();
        let mut outline = Outline::new(&tree);
        let all = layout(&tree, &cards, &outline, Some(Mode::Layered));
        assert_eq!(all.rects.iter().flatten().count(), 8);
        assert_eq!(all.edges.len(), 7);
        let ss1 = doc.nodes.get_index_of("ss-1").unwrap();
        outline.toggle(&tree, ss1);
        let some = layout(&tree, &cards, &outline, Some(Mode::Compact));
        assert_eq!(some.rects.iter().flatten().count(), 6);
        assert_eq!(some.shown.len(), 6);
        outline.focus = Some(doc.nodes.get_index_of("ss-2").unwrap());
        let focused = layout(&tree, &cards, &outline, Some(Mode::NonLayered));
        assert_eq!(focused.rects.iter().flatten().count(), 5);
        assert!(focused.bounds.w < all.bounds.w);
    }

    #[test]
    fn edges_in_keeps_straight_connectors_that_touch_the_view() {
        let doc = sample().unwrap();
        let tree = Tree::build(&doc).unwrap();
        let fonts = CardFonts::approx();
        let cards: Vec<Card> =
            doc.nodes.values().map(|n| Card::of(n, &fonts, CardOptions { details: true, year: None })).collect();
        let l = layout(&tree, &cards, &Outline::new(&tree), Some(Mode::Layered));
        assert_eq!(l.edges_in(l.bounds).count(), 7);
        // The root's single child hangs straight below it: a zero-width connector.
        let root = l.rects[tree.root].unwrap();
        let below = Rect { x: root.x + root.w / 2.0 - 1.0, y: root.bottom() + 1.0, w: 2.0, h: 2.0 };
        assert_eq!(l.edges_in(below).count(), 1);
        assert_eq!(l.edges_in(Rect { x: -500.0, y: -500.0, w: 10.0, h: 10.0 }).count(), 0);
    }

    #[test]
    fn auto_picks_the_arrangement_that_fits_a_landscape_screen_best() {
        let doc = crate::core::synth::document(200, 3);
        let tree = Tree::build(&doc).unwrap();
        let fonts = CardFonts::approx();
        let cards: Vec<Card> =
            doc.nodes.values().map(|n| Card::of(n, &fonts, CardOptions { details: false, year: None })).collect();
        let outline = Outline::new(&tree);
        let scale = |l: &Layout| (16.0 / l.bounds.w).min(9.0 / l.bounds.h);
        let auto = layout(&tree, &cards, &outline, None);
        for mode in [Mode::Layered, Mode::Compact] {
            assert!(scale(&auto) >= scale(&layout(&tree, &cards, &outline, Some(mode))));
        }
    }
}
