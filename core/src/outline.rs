//! Which nodes are shown: collapsed branches, a focused subtree, search
//! matches; and how the keyboard moves through what is shown (WAI-ARIA tree).

use super::model::{Document, Node};
use super::tree::Tree;

/// What the viewer chose to show; indices are tree (document) positions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// `collapsed[i]`: i's descendants are hidden; missing entries are expanded,
    /// so the default outline shows everything.
    pub collapsed: Vec<bool>,
    /// Show only this node's subtree and its path to the root.
    pub focus: Option<usize>,
}

impl Outline {
    pub fn new(tree: &Tree) -> Outline {
        Outline { collapsed: vec![false; tree.len()], focus: None }
    }

    pub fn expand_all(&mut self) {
        self.collapsed.fill(false);
    }

    pub fn is_collapsed(&self, i: usize) -> bool {
        self.collapsed.get(i).copied().unwrap_or(false)
    }

    /// Collapses or expands one node.
    pub fn toggle(&mut self, tree: &Tree, i: usize) {
        self.collapsed.resize(tree.len(), false);
        self.collapsed[i] = !self.collapsed[i];
    }

    pub fn set_collapsed(&mut self, tree: &Tree, i: usize, collapsed: bool) {
        self.collapsed.resize(tree.len(), false);
        self.collapsed[i] = collapsed;
    }

    /// Collapses everything below the root.
    pub fn collapse_all(&mut self, tree: &Tree) {
        self.collapsed.resize(tree.len(), false);
        for (i, c) in self.collapsed.iter_mut().enumerate() {
            *c = !tree.children[i].is_empty() && i != tree.root;
        }
    }

    /// Shows levels 1..=n (the root is level 1), collapsing nodes at level n.
    pub fn expand_to_level(&mut self, tree: &Tree, n: u32) {
        self.collapsed.resize(tree.len(), false);
        for (i, c) in self.collapsed.iter_mut().enumerate() {
            *c = !tree.children[i].is_empty() && tree.depth[i] + 1 >= n.max(1);
        }
    }

    /// The n of [`Outline::expand_to_level`] that gives this outline, if
    /// one does (so "expand all" is the deepest level, "collapse all" 2).
    pub fn level_in_force(&self, tree: &Tree) -> Option<u32> {
        if self.focus.is_some() {
            return None;
        }
        let inner = (0..tree.len()).filter(|&i| !tree.children[i].is_empty());
        let (mut open, mut shut) = (0u32, u32::MAX);
        for i in inner {
            let level = tree.depth[i] + 1;
            if self.is_collapsed(i) {
                shut = shut.min(level);
            } else {
                open = open.max(level);
            }
        }
        // Every expanded box above every collapsed one.
        (open < shut).then_some(open + 1)
    }

    /// Expands every ancestor of `i`, so it is shown.
    pub fn reveal(&mut self, tree: &Tree, i: usize) {
        self.collapsed.resize(tree.len(), false);
        let mut cur = tree.parent[i];
        while let Some(p) = cur {
            self.collapsed[p] = false;
            cur = tree.parent[p];
        }
        if let Some(f) = self.focus {
            if !is_ancestor_or_self(tree, f, i) && !is_ancestor_or_self(tree, i, f) {
                self.focus = None;
            }
        }
    }

    /// The children of `i` as drawn: none when collapsed; with a focus, only
    /// the child on the way to the focused node.
    pub fn shown_children<'t>(&self, tree: &'t Tree, i: usize) -> &'t [usize] {
        if self.is_collapsed(i) {
            return &[];
        }
        let kids = &tree.children[i];
        if let Some(f) = self.focus {
            if i != f && is_ancestor_or_self(tree, i, f) {
                if let Some(pos) = kids.iter().position(|&k| is_ancestor_or_self(tree, k, f)) {
                    return &kids[pos..=pos];
                }
            }
        }
        kids
    }

    /// Whether node `i` is drawn: no collapsed ancestor, and on the focused
    /// branch or its path, if there is a focus. Walks up only: O(depth).
    pub fn is_shown(&self, tree: &Tree, i: usize) -> bool {
        let mut cur = tree.parent[i];
        while let Some(p) = cur {
            if self.is_collapsed(p) {
                return false;
            }
            cur = tree.parent[p];
        }
        self.focus.is_none_or(|f| is_ancestor_or_self(tree, i, f) || is_ancestor_or_self(tree, f, i))
    }

    /// Shown nodes in pre-order (the order of the keyboard's Up/Down).
    pub fn shown(&self, tree: &Tree) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![tree.root];
        while let Some(i) = stack.pop() {
            out.push(i);
            stack.extend(self.shown_children(tree, i).iter().rev());
        }
        out
    }

    /// Per node: shown children lists (empty for hidden or collapsed nodes),
    /// the input a layout takes.
    pub fn shown_children_lists(&self, tree: &Tree) -> Vec<Vec<usize>> {
        let mut lists = vec![Vec::new(); tree.len()];
        for i in self.shown(tree) {
            lists[i] = self.shown_children(tree, i).to_vec();
        }
        lists
    }
}

/// Per depth, the first node at that depth in pre-order: what names the
/// level ("Buka sampai tingkat 3: Sasaran Program").
pub fn depth_heads(tree: &Tree) -> Vec<usize> {
    let mut heads = Vec::new();
    for i in tree.preorder() {
        let d = tree.depth[i] as usize;
        if d >= heads.len() {
            heads.resize(d + 1, usize::MAX);
        }
        if heads[d] == usize::MAX {
            heads[d] = i;
        }
    }
    heads
}

/// True if `a` is `b` or one of its ancestors.
pub fn is_ancestor_or_self(tree: &Tree, a: usize, b: usize) -> bool {
    if tree.depth[a] > tree.depth[b] {
        return false;
    }
    let mut cur = b;
    for _ in tree.depth[a]..tree.depth[b] {
        match tree.parent[cur] {
            Some(p) => cur = p,
            None => return false,
        }
    }
    cur == a
}

/// A key of the WAI-ARIA tree pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeKey {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
}

/// What a key does from `current`: the node to select, and a node to toggle
/// (Right on a collapsed node expands it; Left on an expanded one collapses it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Select(usize),
    Expand(usize),
    Collapse(usize),
    Stay,
}

pub fn key_move(tree: &Tree, outline: &Outline, current: usize, key: TreeKey) -> Move {
    let shown = outline.shown(tree);
    let pos = shown.iter().position(|&i| i == current);
    let has_kids = !tree.children[current].is_empty();
    let collapsed = outline.is_collapsed(current);
    match key {
        TreeKey::Down => pos.and_then(|p| shown.get(p + 1)).map_or(Move::Stay, |&i| Move::Select(i)),
        TreeKey::Up => pos.filter(|&p| p > 0).map_or(Move::Stay, |p| Move::Select(shown[p - 1])),
        TreeKey::Home => Move::Select(tree.root),
        TreeKey::End => shown.last().map_or(Move::Stay, |&i| Move::Select(i)),
        TreeKey::Right if has_kids && collapsed => Move::Expand(current),
        TreeKey::Right => outline.shown_children(tree, current).first().map_or(Move::Stay, |&c| Move::Select(c)),
        TreeKey::Left if has_kids && !collapsed => Move::Collapse(current),
        TreeKey::Left => tree.parent[current].map_or(Move::Stay, Move::Select),
    }
}

/// Case- and accent-insensitive search over what planners look for: the
/// statement, indicator names, budget codes and names, penanggung jawab.
/// Returns matches in pre-order, so "next" walks the tree top-down.
pub fn search(doc: &Document, tree: &Tree, query: &str) -> Vec<usize> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    tree.preorder().into_iter().filter(|&i| node_matches(&doc.nodes[i], &q)).collect()
}

fn node_matches(n: &Node, q: &str) -> bool {
    let hit = |s: &str| !s.is_empty() && fold(s).contains(q);
    hit(&n.kondisi)
        || hit(&n.penanggung_jawab)
        || n.indikator.iter().any(|i| hit(&i.nama) || hit(&i.penanggung_jawab))
        || n.anggaran.iter().any(|a| hit(&a.kode) || hit(&a.nama))
        || n.crosscutting.iter().any(|c| hit(&c.nama))
}

/// Lower case, common Latin accents removed, whitespace collapsed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample;

    #[test]
    fn the_level_in_force_is_what_expand_to_level_gives() {
        let doc = crate::synth::document(300, 4);
        let tree = Tree::build(&doc).unwrap();
        let depths = depth_heads(&tree).len() as u32;
        assert!(depths >= 3);
        let mut o = Outline::new(&tree);
        assert_eq!(o.level_in_force(&tree), Some(depths));
        o.collapse_all(&tree);
        assert_eq!(o.level_in_force(&tree), Some(2));
        for n in 1..=depths {
            o.expand_to_level(&tree, n);
            assert_eq!(o.level_in_force(&tree), Some(n.max(1)));
        }
        o.expand_to_level(&tree, 2);
        let deep = (0..tree.len()).find(|&i| tree.depth[i] == 1 && !tree.children[i].is_empty()).unwrap();
        o.toggle(&tree, deep);
        assert_eq!(o.level_in_force(&tree), None, "one branch opened further");
        for (d, &i) in depth_heads(&tree).iter().enumerate() {
            assert_eq!(tree.depth[i] as usize, d);
        }
    }

    fn setup() -> (Document, Tree) {
        let doc = sample().unwrap();
        let tree = Tree::build(&doc).unwrap();
        (doc, tree)
    }

    fn idx(doc: &Document, id: &str) -> usize {
        doc.nodes.get_index_of(id).unwrap()
    }

    #[test]
    fn collapse_expand_and_levels() {
        let (doc, tree) = setup();
        let mut o = Outline::new(&tree);
        assert_eq!(o.shown(&tree).len(), 8);
        o.collapse_all(&tree);
        assert_eq!(o.shown(&tree), vec![idx(&doc, "tujuan"), idx(&doc, "sasaran")]);
        o.expand_to_level(&tree, 4);
        assert_eq!(o.shown(&tree).len(), 5);
        o.expand_all();
        o.collapsed[idx(&doc, "ss-1")] = true;
        assert_eq!(o.shown(&tree).len(), 6);
        o.reveal(&tree, idx(&doc, "sp-2"));
        assert_eq!(o.shown(&tree).len(), 8);
    }

    #[test]
    fn is_shown_agrees_with_the_shown_list() {
        let doc = crate::synth::document(300, 11);
        let tree = Tree::build(&doc).unwrap();
        let mut rng = crate::synth::Rng::new(5);
        for round in 0..40 {
            let mut o = Outline::new(&tree);
            for c in o.collapsed.iter_mut() {
                *c = rng.below(6) == 0;
            }
            o.focus = (round % 2 == 0).then(|| rng.below(tree.len()));
            let shown = o.shown(&tree);
            for i in 0..tree.len() {
                assert_eq!(o.is_shown(&tree, i), shown.contains(&i), "node {i}, round {round}");
            }
        }
    }

    #[test]
    fn focus_shows_the_subtree_and_its_path() {
        let (doc, tree) = setup();
        let mut o = Outline::new(&tree);
        o.focus = Some(idx(&doc, "ss-1"));
        let ids: Vec<&str> = o.shown(&tree).iter().map(|&i| doc.nodes[i].id.as_str()).collect();
        assert_eq!(ids, ["tujuan", "sasaran", "tujuan-pd", "ss-1", "sp-1", "sp-2"]);
        // Revealing a node outside the focus ends the focus.
        o.reveal(&tree, idx(&doc, "sp-3"));
        assert_eq!(o.focus, None);
    }

    #[test]
    fn keyboard_follows_the_aria_tree_pattern() {
        let (doc, tree) = setup();
        let mut o = Outline::new(&tree);
        let i = |id| idx(&doc, id);
        assert_eq!(key_move(&tree, &o, i("tujuan"), TreeKey::Down), Move::Select(i("sasaran")));
        assert_eq!(key_move(&tree, &o, i("tujuan"), TreeKey::Up), Move::Stay);
        assert_eq!(key_move(&tree, &o, i("ss-1"), TreeKey::Right), Move::Select(i("sp-1")));
        assert_eq!(key_move(&tree, &o, i("ss-1"), TreeKey::Left), Move::Collapse(i("ss-1")));
        o.collapsed[i("ss-1")] = true;
        assert_eq!(key_move(&tree, &o, i("ss-1"), TreeKey::Right), Move::Expand(i("ss-1")));
        assert_eq!(key_move(&tree, &o, i("ss-1"), TreeKey::Down), Move::Select(i("ss-2")));
        assert_eq!(key_move(&tree, &o, i("sp-3"), TreeKey::Left), Move::Select(i("ss-2")));
        assert_eq!(key_move(&tree, &o, i("sp-3"), TreeKey::Home), Move::Select(i("tujuan")));
        assert_eq!(key_move(&tree, &o, i("tujuan"), TreeKey::End), Move::Select(i("sp-3")));
    }

    #[test]
    fn search_finds_statements_indicators_and_agencies_ignoring_case_and_accents() {
        let (doc, tree) = setup();
        let ids = |q| search(&doc, &tree, q).iter().map(|&i| doc.nodes[i].id.clone()).collect::<Vec<_>>();
        assert_eq!(ids("PMKS"), ["tujuan-pd", "ss-1", "sp-1", "sp-2"]);
        assert_eq!(ids("  terverivali "), ["sp-3"]);
        assert_eq!(ids("disdukcapil"), ["sp-3"]);
        assert_eq!(ids("kémiskinan   terpadu"), ["ss-2"]);
        assert!(ids("").is_empty());
        assert_eq!(fold("  Á  b\tC "), "a b c");
    }
}
