//! The tree derived from a document's flat node list.
//!
//! Indices are positions in [`Document::nodes`]; children keep the document's
//! order. Building checks the structure (one root, no dangling parent, no
//! cycle, bounded depth) without recursion, so hostile files cannot overflow
//! the stack.

use super::model::{Document, Node, NodeId};
use super::ops::Change;

/// Deeper than any real pohon kinerja (eight levels) by far, shallow enough
/// that every walk over the tree stays cheap.
pub const MAX_DEPTH: usize = 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tree {
    pub root: usize,
    /// `parent[i]` is `None` only for the root.
    pub parent: Vec<Option<usize>>,
    /// Children of each node in document order.
    pub children: Vec<Vec<usize>>,
    /// Root has depth 0.
    pub depth: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StructureError {
    #[error("the document has no nodes")]
    Empty,
    #[error("no root: every node has a parent")]
    NoRoot,
    #[error("several roots: {ids:?} have no parent, one is required")]
    SeveralRoots { ids: Vec<NodeId> },
    #[error("node {id:?} (index {index}) names parent {parent:?}, which does not exist")]
    DanglingParent { index: usize, id: NodeId, parent: NodeId },
    #[error("cycle: {ids:?} are each other's ancestors")]
    Cycle { ids: Vec<NodeId> },
    #[error("node {id:?} is deeper than {max} levels")]
    TooDeep { id: NodeId, max: usize },
}

impl Tree {
    pub fn build(doc: &Document) -> Result<Tree, StructureError> {
        Tree::rebuild(doc, None)
    }

    /// As [`Tree::build`], reusing `prev`'s storage: after an edit, most
    /// nodes keep their children and no list is allocated again.
    pub fn rebuild(doc: &Document, prev: Option<Tree>) -> Result<Tree, StructureError> {
        let (mut parent, children, depth) = match prev {
            Some(t) => (t.parent, t.children, t.depth),
            None => (Vec::new(), Vec::new(), Vec::new()),
        };
        parent.clear();
        parent.reserve(doc.nodes.len());
        for (index, node) in doc.nodes.values().enumerate() {
            parent.push(parent_of(doc, index, node)?);
        }
        Tree::finish(doc, parent, children, depth)
    }

    /// The tree of `doc` after `changes` (an edit, undo or redo of a
    /// document `len_before` nodes long, whose tree was `prev`): the nodes
    /// the changes did not insert or move keep their parent by position, so
    /// only those are looked up by id. Equal to [`Tree::build`].
    pub fn update(doc: &Document, prev: Tree, changes: &[Change], len_before: usize) -> Result<Tree, StructureError> {
        const GONE: usize = usize::MAX;
        let n = doc.nodes.len();
        if prev.len() != len_before || changes.iter().all(|c| !c.is_structural()) {
            return Tree::rebuild(doc, Some(prev));
        }
        // For each node, where it stood before (GONE: inserted or moved).
        let mut old_of_new: Vec<usize> = (0..len_before).collect();
        Change::remap_all(changes, &mut old_of_new, len_before, GONE);
        if old_of_new.len() != n {
            return Tree::rebuild(doc, Some(prev));
        }
        let mut new_of_old = vec![GONE; len_before];
        for (i, &o) in old_of_new.iter().enumerate() {
            if o != GONE {
                new_of_old[o] = i;
            }
        }
        for (k, c) in changes.iter().enumerate() {
            if let Change::Moved { to, .. } = c {
                if let Some(i) = Change::map_index_all(&changes[k + 1..], *to) {
                    old_of_new[i] = GONE;
                }
            }
        }
        let Tree { parent: old_parent, children, depth, .. } = prev;
        let mut parent = Vec::with_capacity(n);
        for (index, node) in doc.nodes.values().enumerate() {
            parent.push(match old_of_new[index] {
                GONE => parent_of(doc, index, node)?,
                o => match old_parent[o].map(|p| new_of_old[p]) {
                    // Its parent was removed: the lookup says what is wrong.
                    Some(GONE) => parent_of(doc, index, node)?,
                    kept => kept,
                },
            });
        }
        Tree::finish(doc, parent, children, depth)
    }

    /// The rest of building, from each node's parent: one root, depths, no
    /// cycle, children lists (in `children`'s storage).
    fn finish(
        doc: &Document,
        parent: Vec<Option<usize>>,
        mut children: Vec<Vec<usize>>,
        mut depth: Vec<u32>,
    ) -> Result<Tree, StructureError> {
        let n = parent.len();
        if n == 0 {
            return Err(StructureError::Empty);
        }
        let roots: Vec<usize> = (0..n).filter(|&i| parent[i].is_none()).collect();
        let root = match roots.as_slice() {
            [r] => *r,
            [] => {
                // Every node has a parent, so there is a cycle; name it.
                return Err(match find_cycle(doc, &parent) {
                    Some(ids) => StructureError::Cycle { ids },
                    None => StructureError::NoRoot,
                });
            }
            many => return Err(StructureError::SeveralRoots { ids: many.iter().map(|&i| id_at(doc, i)).collect() }),
        };

        // Depth by walking up to the nearest node of known depth; each node is
        // resolved once, so this is linear overall.
        const UNKNOWN: u32 = u32::MAX;
        const VISITING: u32 = u32::MAX - 1;
        depth.clear();
        depth.resize(n, UNKNOWN);
        depth[root] = 0;
        let mut path = Vec::new();
        for start in 0..n {
            let mut cur = start;
            while depth[cur] == UNKNOWN {
                depth[cur] = VISITING;
                path.push(cur);
                cur = parent[cur].expect("only the root has no parent");
            }
            if depth[cur] == VISITING {
                let from = path.iter().position(|&p| p == cur).unwrap_or(0);
                return Err(StructureError::Cycle { ids: path[from..].iter().map(|&i| id_at(doc, i)).collect() });
            }
            let mut d = depth[cur];
            while let Some(i) = path.pop() {
                d += 1;
                depth[i] = d;
                if d as usize > MAX_DEPTH {
                    return Err(StructureError::TooDeep { id: id_at(doc, i), max: MAX_DEPTH });
                }
            }
        }

        children.truncate(n);
        children.iter_mut().for_each(Vec::clear);
        children.resize(n, Vec::new());
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        Ok(Tree { root, parent, children, depth })
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// Nodes in pre-order (parent before children, siblings in order).
    pub fn preorder(&self) -> Vec<usize> {
        self.branch(self.root)
    }

    /// Node `top` and every node below it, in pre-order.
    pub fn branch(&self, top: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![top];
        while let Some(i) = stack.pop() {
            out.push(i);
            stack.extend(self.children[i].iter().rev());
        }
        out
    }
}

/// Node `index`'s parent, looked up by id.
fn parent_of(doc: &Document, index: usize, node: &Node) -> Result<Option<usize>, StructureError> {
    match &node.parent {
        None => Ok(None),
        Some(p) => match doc.nodes.get_index_of(p) {
            Some(pi) => Ok(Some(pi)),
            None => Err(StructureError::DanglingParent { index, id: node.id.clone(), parent: p.clone() }),
        },
    }
}

fn id_at(doc: &Document, i: usize) -> NodeId {
    doc.nodes[i].id.clone()
}

fn find_cycle(doc: &Document, parent: &[Option<usize>]) -> Option<Vec<NodeId>> {
    // With no root every chain ends in a cycle; follow one from node 0.
    let mut seen = vec![false; parent.len()];
    let mut cur = 0;
    while !seen[cur] {
        seen[cur] = true;
        cur = parent[cur]?;
    }
    let start = cur;
    let mut ids = vec![id_at(doc, start)];
    let mut next = parent[start]?;
    while next != start {
        ids.push(id_at(doc, next));
        next = parent[next]?;
    }
    Some(ids)
}
