//! Walking a tree in a meeting: the order of the steps and where each key
//! goes from a box. Pure, so the presentation's moves are tested natively.

use crate::tree::Tree;

/// Where a presenter's key goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Go {
    /// The next box in reading order (down the branch, then the next branch).
    Next,
    Previous,
    FirstChild,
    Parent,
    NextSibling,
    PreviousSibling,
    First,
    Last,
}

/// The boxes in reading order (pre-order): the root first, each branch whole.
pub fn steps(tree: &Tree) -> Vec<usize> {
    tree.preorder()
}

/// The box `go` leads to from box `at` (its position among `steps`), or
/// `at` itself where there is nowhere to go.
pub fn go(tree: &Tree, steps: &[usize], at: usize, go: Go) -> usize {
    let node = steps.get(at).copied().unwrap_or(tree.root);
    let position = |i: usize| steps.iter().position(|&s| s == i).unwrap_or(at);
    let sibling = |by: isize| {
        let Some(p) = tree.parent.get(node).copied().flatten() else { return at };
        let list = &tree.children[p];
        let k = list.iter().position(|&c| c == node).unwrap_or(0) as isize + by;
        usize::try_from(k).ok().and_then(|k| list.get(k)).map_or(at, |&s| position(s))
    };
    match go {
        Go::Next => (at + 1).min(steps.len().saturating_sub(1)),
        Go::Previous => at.saturating_sub(1),
        Go::FirstChild => tree.children.get(node).and_then(|c| c.first()).map_or(at, |&c| position(c)),
        Go::Parent => tree.parent.get(node).copied().flatten().map_or(at, position),
        Go::NextSibling => sibling(1),
        Go::PreviousSibling => sibling(-1),
        Go::First => 0,
        Go::Last => steps.len().saturating_sub(1),
    }
}

/// Box `i` and its ancestors up to the root (the path highlighted).
pub fn path(tree: &Tree, i: usize) -> Vec<usize> {
    let mut out = vec![i];
    let mut at = i;
    while let Some(p) = tree.parent.get(at).copied().flatten() {
        out.push(p);
        at = p;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Level, Node};

    /// r ─ a ─ a1
    ///   │   └ a2
    ///   └ b
    fn tree() -> Tree {
        let mut doc = Document::default();
        for (id, parent) in [("r", None), ("a", Some("r")), ("a1", Some("a")), ("a2", Some("a")), ("b", Some("r"))] {
            let node = Node::new(id, parent.map(String::from), Level::Custom);
            doc.nodes.insert(id.into(), Box::new(node));
        }
        Tree::build(&doc).unwrap()
    }

    #[test]
    fn keys_walk_down_branches_and_across_siblings() {
        let t = tree();
        let s = steps(&t);
        assert_eq!(s, [0, 1, 2, 3, 4]);
        assert_eq!(go(&t, &s, 0, Go::Next), 1);
        assert_eq!(go(&t, &s, 4, Go::Next), 4);
        assert_eq!(go(&t, &s, 0, Go::Previous), 0);
        assert_eq!(go(&t, &s, 0, Go::FirstChild), 1);
        assert_eq!(go(&t, &s, 2, Go::FirstChild), 2);
        assert_eq!(go(&t, &s, 3, Go::Parent), 1);
        assert_eq!(go(&t, &s, 0, Go::Parent), 0);
        assert_eq!(go(&t, &s, 1, Go::NextSibling), 4);
        assert_eq!(go(&t, &s, 4, Go::NextSibling), 4);
        assert_eq!(go(&t, &s, 3, Go::PreviousSibling), 2);
        assert_eq!(go(&t, &s, 2, Go::PreviousSibling), 2);
        assert_eq!((go(&t, &s, 2, Go::First), go(&t, &s, 2, Go::Last)), (0, 4));
        assert_eq!(path(&t, 3), [3, 1, 0]);
    }
}
