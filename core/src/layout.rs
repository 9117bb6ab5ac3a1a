//! Where each shown card goes: the cards' sizes and the outline's choices
//! fed to the tidy layout ([`super::tidy`]).

use super::ops::Change;
use super::outline::Outline;
use super::tidy::{Options, Tidy};
use super::tree::Tree;

pub use super::tidy::{Edge, Mode, Rect, Size};

/// How the cards are arranged, as offered to the user.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Arrangement {
    /// Top-down, one row per level.
    #[default]
    Layered,
    /// Top-down, one row per level, leaf boxes stacked under their parent.
    Compact,
    /// Top-down, each box just below its own parent (no rows).
    Tidy,
    /// Left to right, one column per level, siblings stacked down.
    Across,
}

impl Arrangement {
    /// What "automatic" chooses from (compact also with shorter stacks).
    pub const AUTO: [Arrangement; 3] = [Arrangement::Layered, Arrangement::Compact, Arrangement::Across];

    fn options(self) -> Options {
        let down = Options::default();
        match self {
            Arrangement::Layered => Options { mode: Mode::Layered, ..down },
            Arrangement::Compact => Options { mode: Mode::Compact, ..down },
            Arrangement::Tidy => Options { mode: Mode::NonLayered, ..down },
            // Siblings stack closer than they stand side by side; columns
            // leave room for the elbow connectors.
            Arrangement::Across => Options {
                mode: Mode::Layered,
                sibling_gap: 8.0,
                subtree_gap: 14.0,
                level_gap: 36.0,
                across: true,
                ..down
            },
        }
    }
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
    /// Connectors leave parents on the right (left to right), not at the bottom.
    pub across: bool,
    /// The arrangement used (chosen, or picked by "automatic").
    pub arrangement: Arrangement,
}

impl Layout {
    /// The scale at which the layout fits a `screen` (never above 1:1, as
    /// "fit" never enlarges): how large its text reads there.
    pub fn fit_scale(&self, screen: Size) -> f64 {
        (screen.w / self.bounds.w.max(1.0)).min(screen.h / self.bounds.h.max(1.0)).min(1.0)
    }
}

/// Lays out the nodes the outline shows, with card sizes `sizes` (by node);
/// with no `arrangement`, the one of [`Arrangement::AUTO`] whose statements
/// read largest when fitted to `screen` (the canvas less its margins).
pub fn layout(
    tree: &Tree,
    sizes: &[Size],
    outline: &Outline,
    arrangement: Option<Arrangement>,
    screen: Size,
) -> Layout {
    Arranger::default().layout(tree, sizes, outline, arrangement, screen)
}

/// Lays out as [`layout`] does, keeping the layouts made (one per
/// arrangement tried) so that the next call, after an edit, walks again
/// only what the edit changed ([`Tidy`]).
#[derive(Default)]
pub struct Arranger {
    kept: Vec<(Tidy, bool)>,
}

impl Arranger {
    /// Follows the nodes as an edit renumbered them (see [`Tidy::renumber`]).
    pub fn renumber(&mut self, changes: &[Change], len_before: usize) {
        for (t, _) in &mut self.kept {
            t.renumber(changes, len_before);
        }
    }

    /// Nodes walked by the last call, in all arrangements tried.
    pub fn walks(&self) -> usize {
        self.kept.iter().filter(|(_, used)| *used).map(|(t, _)| t.walks()).sum()
    }

    pub fn layout(
        &mut self,
        tree: &Tree,
        sizes: &[Size],
        outline: &Outline,
        arrangement: Option<Arrangement>,
        screen: Size,
    ) -> Layout {
        // Only the arrangements tried by the last call are kept.
        self.kept.retain_mut(|(_, used)| std::mem::take(used));
        if let Some(a) = arrangement {
            return self.layout_with(tree, sizes, outline, a.options(), a);
        }
        // Before the canvas is measured: a landscape screen.
        let screen = if screen.w > 0.0 && screen.h > 0.0 { screen } else { Size { w: 1600.0, h: 900.0 } };
        let width_bound = |l: &Layout| screen.w / l.bounds.w.max(1.0) <= screen.h / l.bounds.h.max(1.0);
        let better = |l: &Layout, than: &Layout| l.fit_scale(screen) > than.fit_scale(screen);
        // Compact is never wider and never shorter than layered: where compact's
        // width limits its scale, layered cannot fit better, and is not laid out
        // (the usual case for big, wide trees).
        let mut best = self.layout_with(tree, sizes, outline, Arrangement::Compact.options(), Arrangement::Compact);
        if !width_bound(&best) {
            let layered = self.layout_with(tree, sizes, outline, Arrangement::Layered.options(), Arrangement::Layered);
            if !better(&best, &layered) {
                best = layered;
            }
            // Too tall: shorter stacks in more columns trade height for width.
            // Only where text can still be read, so big trees pay nothing.
            if best.fit_scale(screen) > MIN_READABLE_SCALE {
                for rows in (2..Options::default().stack_rows).rev() {
                    let opts = Options { stack_rows: rows, ..Arrangement::Compact.options() };
                    let l = self.layout_with(tree, sizes, outline, opts, Arrangement::Compact);
                    if better(&l, &best) {
                        best = l;
                    }
                }
            }
        }
        // Left to right only where it could read larger: its columns are as
        // wide as their widest card, and at least as tall as their cards stacked.
        if across_bound(tree, sizes, &best.shown, screen) > best.fit_scale(screen) {
            let across = self.layout_with(tree, sizes, outline, Arrangement::Across.options(), Arrangement::Across);
            if better(&across, &best) {
                best = across;
            }
        }
        best
    }

    fn layout_with(
        &mut self,
        tree: &Tree,
        sizes: &[Size],
        outline: &Outline,
        opts: Options,
        arrangement: Arrangement,
    ) -> Layout {
        let k = match self.kept.iter().position(|(t, _)| *t.options() == opts) {
            Some(k) => k,
            None => {
                self.kept.push((Tidy::new(opts), false));
                self.kept.len() - 1
            }
        };
        let (tidy, used) = &mut self.kept[k];
        *used = true;
        let placement = match outline.focus {
            // A focus shows one child per ancestor: hand the layout pruned lists.
            Some(_) => tidy.run(tree.root, &outline.shown_children_lists(tree), sizes, &vec![false; tree.len()]),
            None => {
                let mut collapsed = outline.collapsed.clone();
                collapsed.resize(tree.len(), false);
                tidy.run(tree.root, &tree.children, sizes, &collapsed)
            }
        };
        Layout {
            rects: placement.rects,
            edges: placement.edges,
            bounds: Rect { x: 0.0, y: 0.0, w: placement.width, h: placement.height },
            shown: placement.order,
            across: opts.across,
            arrangement,
        }
    }
}

/// An upper bound on the fit scale of the left-to-right layout of the
/// `shown` nodes, without laying it out.
fn across_bound(tree: &Tree, sizes: &[Size], shown: &[usize], screen: Size) -> f64 {
    let opts = Arrangement::Across.options();
    let depths = shown.iter().map(|&i| tree.depth[i] as usize + 1).max().unwrap_or(0);
    let (mut wide, mut tall) = (vec![0.0f64; depths], vec![0.0f64; depths]);
    for &i in shown {
        let d = tree.depth[i] as usize;
        wide[d] = wide[d].max(sizes[i].w);
        tall[d] += sizes[i].h;
    }
    let w = wide.iter().sum::<f64>() + opts.level_gap * depths.saturating_sub(1) as f64;
    let h = tall.iter().copied().fold(0.0, f64::max);
    (screen.w / w.max(1.0)).min(screen.h / h.max(1.0)).min(1.0)
}

/// Below this fit scale statements are too small to read whatever the
/// arrangement (about 2 px), so "automatic" tries fewer variants.
const MIN_READABLE_SCALE: f64 = 0.15;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{Card, CardFonts, CardOptions};
    use crate::sample::sample;

    const SCREEN: Size = Size { w: 1318.0, h: 600.0 };

    #[test]
    fn collapsed_and_focused_nodes_are_not_placed() {
        let doc = sample().unwrap();
        let tree = Tree::build(&doc).unwrap();
        let fonts = CardFonts::approx();
        let sizes: Vec<Size> = doc
            .nodes
            .values()
            .map(|n| Card::size(n, &fonts, CardOptions { details: true, year: None, english: false }))
            .collect();
        let mut outline = Outline::new(&tree);
        let all = layout(&tree, &sizes, &outline, Some(Arrangement::Layered), SCREEN);
        assert_eq!(all.rects.iter().flatten().count(), 8);
        assert_eq!(all.edges.len(), 7);
        let ss1 = doc.nodes.get_index_of("ss-1").unwrap();
        outline.toggle(&tree, ss1);
        let some = layout(&tree, &sizes, &outline, Some(Arrangement::Compact), SCREEN);
        assert_eq!(some.rects.iter().flatten().count(), 6);
        assert_eq!(some.shown, outline.shown(&tree));
        outline.focus = Some(doc.nodes.get_index_of("ss-2").unwrap());
        let focused = layout(&tree, &sizes, &outline, Some(Arrangement::Tidy), SCREEN);
        assert_eq!(focused.rects.iter().flatten().count(), 5);
        assert_eq!(focused.shown, outline.shown(&tree));
        assert!(focused.bounds.w < all.bounds.w);
        let across = layout(&tree, &sizes, &outline, Some(Arrangement::Across), SCREEN);
        assert!(across.across && across.shown == focused.shown);
        // Levels run across: each child starts right of its parent.
        for e in &across.edges {
            let (p, c) = (across.rects[e.parent].unwrap(), across.rects[e.child].unwrap());
            assert!(c.x > p.right(), "{p:?} {c:?}");
        }
    }

    #[test]
    fn auto_picks_the_arrangement_whose_text_reads_largest_on_the_screen() {
        let fonts = CardFonts::approx();
        let mut picked = Vec::new();
        // Wide and bushy, small and deep, on wide and tall screens: each
        // arrangement gets picked.
        for doc in [crate::synth::document(200, 3), crate::synth::document(12, 5), sample().unwrap()] {
            let tree = Tree::build(&doc).unwrap();
            let sizes: Vec<Size> = doc
                .nodes
                .values()
                .map(|n| Card::size(n, &fonts, CardOptions { details: false, year: None, english: false }))
                .collect();
            let outline = Outline::new(&tree);
            for screen in [SCREEN, Size { w: 1600.0, h: 900.0 }, Size { w: 700.0, h: 900.0 }] {
                let auto = layout(&tree, &sizes, &outline, None, screen);
                let each = Arrangement::AUTO.map(|a| layout(&tree, &sizes, &outline, Some(a), screen));
                assert!(each.iter().all(|l| auto.fit_scale(screen) >= l.fit_scale(screen)));
                assert!(each.iter().any(|l| l.across == auto.across && l.arrangement == auto.arrangement));
                // The bound that spares laying out left to right is one.
                let across = &each[2];
                assert!(across_bound(&tree, &sizes, &across.shown, screen) >= across.fit_scale(screen) - 1e-12);
                picked.push(auto.arrangement);
            }
        }
        for a in Arrangement::AUTO {
            assert!(picked.contains(&a), "{a:?} never picked: {picked:?}");
        }
    }
}
