//! Where each shown card goes: the cards' sizes and the outline's choices
//! fed to the tidy layout ([`super::tidy`]).

use super::outline::Outline;
use super::tidy::{self, Options};
use super::tree::Tree;

pub use super::tidy::{Edge, Mode, Rect, Size};

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

/// Lays out the nodes the outline shows, with card sizes `sizes` (by node); with
/// no `mode`, the arrangement (layered or compact) that fits a landscape
/// screen (projector, laptop) at the larger scale.
pub fn layout(tree: &Tree, sizes: &[Size], outline: &Outline, mode: Option<Mode>) -> Layout {
    match mode {
        Some(mode) => layout_with(tree, sizes, outline, mode),
        None => {
            // The scale at which a layout fits a 16:9 screen, and whether its width limits it.
            let fit = |l: &Layout| {
                let (w, h) = (16.0 / l.bounds.w.max(1.0), 9.0 / l.bounds.h.max(1.0));
                (w.min(h), w <= h)
            };
            // Compact is never wider and never shorter than layered. So where
            // compact's width limits its scale, layered (as wide or wider)
            // cannot fit better, and need not be laid out: the usual case for
            // the big, wide trees where layout time counts.
            let compact = layout_with(tree, sizes, outline, Mode::Compact);
            let (scale, width_bound) = fit(&compact);
            if width_bound {
                return compact;
            }
            let layered = layout_with(tree, sizes, outline, Mode::Layered);
            if fit(&layered).0 >= scale {
                layered
            } else {
                compact
            }
        }
    }
}

fn layout_with(tree: &Tree, sizes: &[Size], outline: &Outline, mode: Mode) -> Layout {
    let opts = Options { mode, ..Options::default() };
    let placement = match outline.focus {
        // A focus shows one child per ancestor: hand the layout pruned lists.
        Some(_) => tidy::layout(tree.root, &outline.shown_children_lists(tree), sizes, &vec![false; tree.len()], &opts),
        None => {
            let mut collapsed = outline.collapsed.clone();
            collapsed.resize(tree.len(), false);
            tidy::layout(tree.root, &tree.children, sizes, &collapsed, &opts)
        }
    };
    Layout {
        rects: placement.rects,
        edges: placement.edges,
        bounds: Rect { x: 0.0, y: 0.0, w: placement.width, h: placement.height },
        shown: placement.order,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{Card, CardFonts, CardOptions};
    use crate::sample::sample;

    #[test]
    fn collapsed_and_focused_nodes_are_not_placed() {
        let doc = sample().unwrap();
        let tree = Tree::build(&doc).unwrap();
        let fonts = CardFonts::approx();
        let sizes: Vec<Size> =
            doc.nodes.values().map(|n| Card::size(n, &fonts, CardOptions { details: true, year: None })).collect();
        let mut outline = Outline::new(&tree);
        let all = layout(&tree, &sizes, &outline, Some(Mode::Layered));
        assert_eq!(all.rects.iter().flatten().count(), 8);
        assert_eq!(all.edges.len(), 7);
        let ss1 = doc.nodes.get_index_of("ss-1").unwrap();
        outline.toggle(&tree, ss1);
        let some = layout(&tree, &sizes, &outline, Some(Mode::Compact));
        assert_eq!(some.rects.iter().flatten().count(), 6);
        assert_eq!(some.shown, outline.shown(&tree));
        outline.focus = Some(doc.nodes.get_index_of("ss-2").unwrap());
        let focused = layout(&tree, &sizes, &outline, Some(Mode::NonLayered));
        assert_eq!(focused.rects.iter().flatten().count(), 5);
        assert_eq!(focused.shown, outline.shown(&tree));
        assert!(focused.bounds.w < all.bounds.w);
    }

    #[test]
    fn auto_picks_the_arrangement_that_fits_a_landscape_screen_best() {
        let fonts = CardFonts::approx();
        let scale = |l: &Layout| (16.0 / l.bounds.w).min(9.0 / l.bounds.h);
        let mut picked = Vec::new();
        // Wide and bushy, small and deep: both arrangements get picked.
        for doc in [crate::synth::document(200, 3), crate::synth::document(12, 5), sample().unwrap()] {
            let tree = Tree::build(&doc).unwrap();
            let sizes: Vec<Size> =
                doc.nodes.values().map(|n| Card::size(n, &fonts, CardOptions { details: false, year: None })).collect();
            let outline = Outline::new(&tree);
            let auto = layout(&tree, &sizes, &outline, None);
            let layered = layout(&tree, &sizes, &outline, Some(Mode::Layered));
            let compact = layout(&tree, &sizes, &outline, Some(Mode::Compact));
            assert!(scale(&auto) >= scale(&layered) && scale(&auto) >= scale(&compact));
            assert!(auto == layered || auto == compact);
            if layered != compact {
                picked.push(if auto == layered { Mode::Layered } else { Mode::Compact });
            }
        }
        assert!(picked.contains(&Mode::Layered) && picked.contains(&Mode::Compact), "{picked:?}");
    }
}
