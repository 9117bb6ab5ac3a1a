//! Edit operations: the one way a document changes.
//!
//! An [`Op`] is a primitive change; applying it returns its inverse (so undo
//! is applying inverses, see [`crate::history`]) and a [`Change`] saying which
//! document positions it touched, so derived data aligned with the node list
//! (card sizes, collapsed flags) is patched instead of recomputed.
//!
//! Sibling order is the order of the node map, so every op that adds or moves
//! a node names the map position it ends at. Ops check that the document stays
//! a tree (one root, no dangling parent, no cycle) and refuse otherwise,
//! leaving the document untouched.
//!
//! The commands planners use (add child, delete subtree, duplicate, paste, …)
//! are built from ops in a [`Tx`], which applies them one by one, keeps their
//! inverses, and rolls back if a later op fails.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::model::{Document, Level, Meta, Node, NodeId, Nodes};
use super::tree::Tree;

/// A primitive change to a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Replaces a node's content: everything but its parent (see `Move`).
    SetNode(Box<Node>),
    SetMeta(Box<Meta>),
    /// Inserts nodes, each at the map position it ends at (ascending).
    Insert(Vec<(usize, Box<Node>)>),
    /// Removes nodes; no remaining node may have a removed parent.
    Remove(Vec<NodeId>),
    /// Moves a node (with its subtree) under `parent`, to map position `index`.
    Move {
        id: NodeId,
        parent: NodeId,
        index: usize,
    },
}

/// Which positions of the node list an op touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Meta,
    /// The node at this position changed content, not place.
    Content(usize),
    /// Nodes were inserted at these (final, ascending) positions.
    Inserted(Vec<usize>),
    /// Nodes were removed from these (former, ascending) positions.
    Removed(Vec<usize>),
    /// A node moved from one position to another (others shift between).
    Moved {
        from: usize,
        to: usize,
    },
}

impl Change {
    /// Whether the tree's shape (parents, order, node count) may have changed.
    pub fn is_structural(&self) -> bool {
        !matches!(self, Change::Meta | Change::Content(_))
    }

    /// Applies the same shifts to `v`, a vector aligned with the node list;
    /// inserted slots get `fill(position)`. A shorter `v` is first padded.
    pub fn remap<T: Clone + Default>(&self, v: &mut Vec<T>, len_before: usize, mut fill: impl FnMut(usize) -> T) {
        if v.len() < len_before {
            v.resize(len_before, T::default());
        }
        match self {
            Change::Meta => {}
            Change::Content(i) => {
                if let Some(slot) = v.get_mut(*i) {
                    *slot = fill(*i);
                }
            }
            Change::Inserted(at) => {
                let mut out = Vec::with_capacity(v.len() + at.len());
                let mut old = std::mem::take(v).into_iter();
                let mut next = at.iter().peekable();
                while out.len() < len_before + at.len() {
                    if next.peek() == Some(&&out.len()) {
                        next.next();
                        out.push(fill(out.len()));
                    } else {
                        out.push(old.next().unwrap_or_default());
                    }
                }
                *v = out;
            }
            Change::Removed(at) => {
                let gone: HashSet<usize> = at.iter().copied().collect();
                let mut i = 0;
                v.retain(|_| {
                    i += 1;
                    !gone.contains(&(i - 1))
                });
            }
            Change::Moved { from, to } => {
                if *from < v.len() && *to < v.len() {
                    let item = v.remove(*from);
                    v.insert(*to, item);
                }
            }
        }
    }

    /// The node count after this change, from the count before.
    pub fn len_after(&self, len: usize) -> usize {
        match self {
            Change::Inserted(at) => len + at.len(),
            Change::Removed(at) => len.saturating_sub(at.len()),
            _ => len,
        }
    }

    /// Applies a sequence of changes with [`Change::remap`]; slots inserted or
    /// changed get `fill`, to be recomputed from the final document.
    pub fn remap_all<T: Clone + Default>(changes: &[Change], v: &mut Vec<T>, len_before: usize, fill: T) {
        let mut len = len_before;
        for c in changes {
            c.remap(v, len, |_| fill.clone());
            len = c.len_after(len);
        }
    }

    /// Where the node at `i` before `changes` is after them.
    pub fn map_index_all(changes: &[Change], i: usize) -> Option<usize> {
        changes.iter().try_fold(i, |i, c| c.map_index(i))
    }

    /// Where the node formerly at `i` is now; `None` if it was removed.
    pub fn map_index(&self, i: usize) -> Option<usize> {
        match self {
            Change::Meta | Change::Content(_) => Some(i),
            Change::Inserted(at) => {
                // Walk the insertions in order: each one at or before the
                // running position pushes it one further.
                let mut pos = i;
                for &a in at {
                    if a <= pos {
                        pos += 1;
                    }
                }
                Some(pos)
            }
            Change::Removed(at) => match at.binary_search(&i) {
                Ok(_) => None,
                Err(before) => Some(i - before),
            },
            Change::Moved { from, to } => Some(if i == *from {
                *to
            } else if from < to && (*from + 1..=*to).contains(&i) {
                i - 1
            } else if to < from && (*to..*from).contains(&i) {
                i + 1
            } else {
                i
            }),
        }
    }
}

/// Why an edit was refused; the document is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpError {
    #[error("no node {0:?}")]
    NotFound(NodeId),
    #[error("node id {0:?} is already used")]
    DuplicateId(NodeId),
    #[error("the top box cannot be moved or deleted")]
    Root,
    #[error("{id:?} cannot move into its own subtree ({parent:?})")]
    IntoOwnSubtree { id: NodeId, parent: NodeId },
    #[error("position {index} is out of range")]
    BadIndex { index: usize },
    #[error("removing these nodes would leave {child:?} without its parent")]
    Orphan { child: NodeId },
    #[error("there is nothing to paste")]
    EmptyClip,
}

/// Applies `op` to `doc`; returns its inverse and what it touched.
pub fn apply(doc: &mut Document, op: Op) -> Result<(Op, Change), OpError> {
    apply_checked(doc, op, true)
}

/// Applies `op`, checking everything when `whole`; else the check that reads
/// every node (no node left under a removed one) is skipped: for an op known
/// to fit the document as it is (an inverse, or the redo of an undone edit).
fn apply_checked(doc: &mut Document, op: Op, whole: bool) -> Result<(Op, Change), OpError> {
    match op {
        Op::SetNode(mut node) => {
            let index = doc.nodes.get_index_of(&node.id).ok_or_else(|| OpError::NotFound(node.id.clone()))?;
            let slot = &mut doc.nodes[index];
            node.parent = slot.parent.clone();
            let old = std::mem::replace(slot, node);
            Ok((Op::SetNode(old), Change::Content(index)))
        }
        Op::SetMeta(meta) => {
            let old = std::mem::replace(&mut doc.meta, *meta);
            Ok((Op::SetMeta(Box::new(old)), Change::Meta))
        }
        Op::Insert(nodes) => insert(doc, nodes),
        Op::Remove(ids) => remove(doc, ids, whole),
        Op::Move { id, parent, index } => move_node(doc, id, parent, index),
    }
}

fn insert(doc: &mut Document, nodes: Vec<(usize, Box<Node>)>) -> Result<(Op, Change), OpError> {
    let mut new_ids = HashSet::with_capacity_and_hasher(nodes.len(), Default::default());
    let mut last = None;
    for (pos, node) in &nodes {
        if doc.nodes.contains_key(&node.id) || !new_ids.insert(node.id.as_str()) {
            return Err(OpError::DuplicateId(node.id.clone()));
        }
        if last.is_some_and(|l| *pos <= l) || *pos > doc.nodes.len() + new_ids.len() - 1 {
            return Err(OpError::BadIndex { index: *pos });
        }
        last = Some(*pos);
    }
    for (_, node) in &nodes {
        match &node.parent {
            // A second root would break the tree.
            None => return Err(OpError::Root),
            Some(p) if !doc.nodes.contains_key(p) && !new_ids.contains(p.as_str()) => {
                return Err(OpError::NotFound(p.clone()))
            }
            Some(_) => {}
        }
    }
    // A parent among the inserted nodes must be an ancestor chain that ends in
    // the document: ids are fresh, so a cycle can only be among new nodes.
    if has_cycle(&nodes) {
        return Err(OpError::IntoOwnSubtree { id: nodes[0].1.id.clone(), parent: nodes[0].1.id.clone() });
    }
    let at: Vec<usize> = nodes.iter().map(|(p, _)| *p).collect();
    let ids: Vec<NodeId> = nodes.iter().map(|(_, n)| n.id.clone()).collect();
    if nodes.len() <= 16 {
        for (pos, node) in nodes {
            doc.nodes.shift_insert(pos, node.id.clone(), node);
        }
    } else if spliced_work(&at, doc.nodes.len() + at.len()) <= SPLICE_RATIO * (doc.nodes.len() + at.len()) {
        // A branch put back where it was: its nodes stand in a few runs of
        // consecutive places, each put in with one splice (the entries after
        // it keep their stored hashes, so are only moved, not hashed again).
        let mut nodes = nodes.into_iter().peekable();
        while let Some((start, first)) = nodes.next() {
            let mut run = vec![(first.id.clone(), first)];
            while let Some((_, n)) = nodes.next_if(|(p, _)| *p == start + run.len()) {
                run.push((n.id.clone(), n));
            }
            doc.nodes.splice(start..start, run);
        }
    } else {
        // One pass instead of a shift of the whole map per node.
        let total = doc.nodes.len() + nodes.len();
        let mut old = std::mem::take(&mut doc.nodes).into_iter();
        let mut new = nodes.into_iter().peekable();
        let mut out = Nodes::with_capacity_and_hasher(total, Default::default());
        while out.len() < total {
            if new.peek().is_some_and(|(p, _)| *p == out.len()) {
                let (_, n) = new.next().expect("peeked");
                out.insert(n.id.clone(), n);
            } else if let Some((k, v)) = old.next() {
                out.insert(k, v);
            }
        }
        doc.nodes = out;
    }
    Ok((Op::Remove(ids), Change::Inserted(at)))
}

/// Moving an entry in a splice costs about a quarter of hashing and moving
/// it in a rebuild (measured at 10k and 100k nodes).
const SPLICE_RATIO: usize = 4;

/// The entries moved by splicing nodes in at ascending (final) places `at`
/// of a map `total` long, one splice per run of consecutive places: each
/// moves all after it.
fn spliced_work(at: &[usize], total: usize) -> usize {
    let starts = at.iter().enumerate().filter(|(k, p)| *k == 0 || at[k - 1] + 1 != **p);
    starts.map(|(_, p)| total.saturating_sub(*p)).sum()
}

fn has_cycle(nodes: &[(usize, Box<Node>)]) -> bool {
    let parent: HashMap<&str, Option<&str>> = nodes.iter().map(|(_, n)| (n.id.as_str(), n.parent.as_deref())).collect();
    for (_, n) in nodes {
        let mut cur = n.parent.as_deref();
        let mut steps = 0;
        while let Some(p) = cur {
            if p == n.id {
                return true;
            }
            steps += 1;
            if steps > nodes.len() {
                return true;
            }
            cur = parent.get(p).copied().flatten();
        }
    }
    false
}

fn remove(doc: &mut Document, ids: Vec<NodeId>, orphans: bool) -> Result<(Op, Change), OpError> {
    let mut at = Vec::with_capacity(ids.len());
    for id in &ids {
        let i = doc.nodes.get_index_of(id).ok_or_else(|| OpError::NotFound(id.clone()))?;
        if doc.nodes[i].parent.is_none() {
            return Err(OpError::Root);
        }
        at.push(i);
    }
    at.sort_unstable();
    at.dedup();
    if orphans {
        let gone: HashSet<&str> = ids.iter().map(String::as_str).collect();
        if let Some(orphan) = doc
            .nodes
            .values()
            // The parent first: most nodes' is not among the few removed.
            .find(|n| n.parent.as_deref().is_some_and(|p| gone.contains(p)) && !gone.contains(n.id.as_str()))
        {
            return Err(OpError::Orphan { child: orphan.id.clone() });
        }
    }
    let mut removed = Vec::with_capacity(at.len());
    if at.len() <= 16 {
        for &i in at.iter().rev() {
            let (_, node) = doc.nodes.shift_remove_index(i).expect("index checked");
            removed.push((i, node));
        }
        removed.reverse();
    } else {
        // In one pass, in place: the entries kept keep their stored hashes
        // (no key is hashed again, no map rebuilt from scratch).
        let mut next = at.iter().copied().peekable();
        let mut i = 0;
        let hit = |_: &NodeId, _: &mut Box<Node>| {
            let hit = next.next_if_eq(&i).is_some();
            i += 1;
            hit
        };
        removed.extend(at.iter().copied().zip(doc.nodes.extract_if(.., hit).map(|(_, v)| v)));
    }
    Ok((Op::Insert(removed), Change::Removed(at)))
}

fn move_node(doc: &mut Document, id: NodeId, parent: NodeId, index: usize) -> Result<(Op, Change), OpError> {
    let from = doc.nodes.get_index_of(&id).ok_or_else(|| OpError::NotFound(id.clone()))?;
    let old_parent = doc.nodes[from].parent.clone().ok_or(OpError::Root)?;
    if !doc.nodes.contains_key(&parent) {
        return Err(OpError::NotFound(parent));
    }
    if index >= doc.nodes.len() {
        return Err(OpError::BadIndex { index });
    }
    // The new parent may not be the node or one of its descendants.
    let mut cur = Some(parent.as_str());
    let mut steps = 0;
    while let Some(p) = cur {
        if p == id {
            return Err(OpError::IntoOwnSubtree { id, parent });
        }
        steps += 1;
        if steps > doc.nodes.len() {
            break;
        }
        cur = doc.nodes.get(p).and_then(|n| n.parent.as_deref());
    }
    doc.nodes[from].parent = Some(parent);
    doc.nodes.move_index(from, index);
    Ok((Op::Move { id, parent: old_parent, index: from }, Change::Moved { from, to: index }))
}

/// A group of ops applied as one edit: keeps the inverses (in the order to
/// apply them for undo) and the changes, and undoes itself on failure.
pub struct Tx<'a> {
    doc: &'a mut Document,
    inverse: Vec<Op>,
    changes: Vec<Change>,
}

impl<'a> Tx<'a> {
    pub fn new(doc: &'a mut Document) -> Tx<'a> {
        Tx { doc, inverse: Vec::new(), changes: Vec::new() }
    }

    pub fn doc(&self) -> &Document {
        self.doc
    }

    pub fn apply(&mut self, op: Op) -> Result<(), OpError> {
        self.apply_checked(op, true)
    }

    /// Applies an op known to fit the document as it is: an inverse from
    /// this document's history (undo, redo). It skips the check that reads
    /// every node, a few ms in a 100 000-node tree.
    pub fn reapply(&mut self, op: Op) -> Result<(), OpError> {
        self.apply_checked(op, false)
    }

    fn apply_checked(&mut self, op: Op, whole: bool) -> Result<(), OpError> {
        let (inverse, change) = apply_checked(self.doc, op, whole)?;
        self.inverse.push(inverse);
        self.changes.push(change);
        Ok(())
    }

    /// Ends the group: the ops that undo it (apply in order) and what changed.
    pub fn finish(mut self) -> (Vec<Op>, Vec<Change>) {
        self.inverse.reverse();
        (self.inverse, self.changes)
    }

    /// Undoes everything applied so far.
    pub fn rollback(self) {
        for op in self.inverse.into_iter().rev() {
            // Inverses of applied ops always apply.
            let _ = apply_checked(self.doc, op, false);
        }
    }
}

/// Runs `edit` as one group of ops: on success the inverses and changes,
/// on failure the document as it was and the error.
pub fn transact<T>(
    doc: &mut Document,
    edit: impl FnOnce(&mut Tx) -> Result<T, OpError>,
) -> Result<(T, Vec<Op>, Vec<Change>), OpError> {
    let mut tx = Tx::new(doc);
    match edit(&mut tx) {
        Ok(out) => {
            let (inverse, changes) = tx.finish();
            Ok((out, inverse, changes))
        }
        Err(e) => {
            tx.rollback();
            Err(e)
        }
    }
}

/// A node id not yet used in `doc`, from `stem` ("n-4").
pub fn fresh_id(doc: &Document, stem: &str, taken: &HashSet<NodeId>) -> NodeId {
    let mut i = doc.nodes.len() + taken.len() + 1;
    loop {
        let id = format!("{stem}-{i}");
        if !doc.nodes.contains_key(&id) && !taken.contains(&id) {
            return id;
        }
        i += 1;
    }
}

/// The level a new child of a node at `level` usually has: the next one down.
pub fn child_level(level: Level) -> Level {
    match level.rank() {
        Some(r) if (r as usize) < 7 => Level::ALL[r as usize + 1],
        Some(_) => Level::SasaranSubKegiatan,
        None => Level::Custom,
    }
}

/// `id`'s subtree in pre-order, `id` first.
pub fn subtree(doc: &Document, id: &str) -> Vec<NodeId> {
    // Which nodes are in the branch: each walks up to a node already known,
    // so every node's parent is looked up once (no list per node).
    const UNKNOWN: u8 = 0;
    const IN: u8 = 1;
    const OUT: u8 = 2;
    let n = doc.nodes.len();
    let mut state = vec![UNKNOWN; n];
    if let Some(top) = doc.nodes.get_index_of(id) {
        state[top] = IN;
    }
    let mut path = Vec::new();
    for start in 0..n {
        let mut cur = start;
        let verdict = loop {
            if state[cur] != UNKNOWN {
                break state[cur];
            }
            path.push(cur);
            match doc.nodes[cur].parent.as_deref().and_then(|p| doc.nodes.get_index_of(p)) {
                // A cycle (no root above) never reaches a known node.
                Some(p) if path.len() <= n => cur = p,
                _ => break OUT,
            }
        };
        for i in path.drain(..) {
            state[i] = verdict;
        }
    }
    let mut children: HashMap<&str, Vec<&str>> = HashMap::default();
    for (node, _) in doc.nodes.values().zip(&state).filter(|(_, s)| **s == IN) {
        if let Some(p) = &node.parent {
            children.entry(p.as_str()).or_default().push(node.id.as_str());
        }
    }
    let mut out = Vec::new();
    let mut stack = vec![id];
    while let Some(i) = stack.pop() {
        out.push(i.to_owned());
        if let Some(kids) = children.get(i) {
            stack.extend(kids.iter().rev());
        }
    }
    out
}

/// The map position just after the last child of `parent` (or after the
/// parent itself when it has none): where a new last child goes.
fn after_last_child(doc: &Document, parent: &str) -> Result<usize, OpError> {
    let p = doc.nodes.get_index_of(parent).ok_or_else(|| OpError::NotFound(parent.to_owned()))?;
    let last = doc.nodes.values().rposition(|n| n.parent.as_deref() == Some(parent));
    Ok(last.unwrap_or(p) + 1)
}

/// The node's new content is a fresh box one level below `parent`, in its lane.
fn new_child_of(doc: &Document, id: NodeId, parent: &str) -> Result<Node, OpError> {
    let p = doc.nodes.get(parent).ok_or_else(|| OpError::NotFound(parent.to_owned()))?;
    let mut node = Node::new(id, Some(parent.to_owned()), child_level(p.level));
    if node.level == Level::Custom {
        node.level_label = p.level_label.clone();
    }
    node.lane = p.lane.clone();
    Ok(node)
}

/// Adds an empty last child to `parent`; returns its id.
pub fn add_child(tx: &mut Tx, parent: &str) -> Result<NodeId, OpError> {
    let id = fresh_id(tx.doc(), "n", &HashSet::default());
    let node = new_child_of(tx.doc(), id.clone(), parent)?;
    let at = after_last_child(tx.doc(), parent)?;
    tx.apply(Op::Insert(vec![(at, Box::new(node))]))?;
    Ok(id)
}

/// Adds an empty sibling right after `sibling`, at its level; returns its id.
pub fn add_sibling(tx: &mut Tx, sibling: &str) -> Result<NodeId, OpError> {
    let doc = tx.doc();
    let at = doc.nodes.get_index_of(sibling).ok_or_else(|| OpError::NotFound(sibling.to_owned()))?;
    let s = &doc.nodes[at];
    let parent = s.parent.clone().ok_or(OpError::Root)?;
    let id = fresh_id(doc, "n", &HashSet::default());
    let mut node = Node::new(id.clone(), Some(parent), s.level);
    node.level_label = s.level_label.clone();
    node.lane = s.lane.clone();
    node.kind = s.kind;
    tx.apply(Op::Insert(vec![(at + 1, Box::new(node))]))?;
    Ok(id)
}

/// Deletes `id` and everything below it.
pub fn delete_subtree(tx: &mut Tx, id: &str) -> Result<(), OpError> {
    let ids = subtree(tx.doc(), id);
    delete_branch(tx, ids)
}

/// Deletes a branch already found (a node and every node below it, as
/// [`subtree`] or the tree gives it).
pub fn delete_branch(tx: &mut Tx, ids: Vec<NodeId>) -> Result<(), OpError> {
    tx.apply(Op::Remove(ids))
}

/// Deletes node `i`'s branch as `tree`, the tree of this very document,
/// gives it: complete by construction, so the check that reads every node
/// (a few ms in a 100 000-node tree) is not made. A tree of another size
/// (left from before an edit) is refused.
pub fn delete_branch_in(tx: &mut Tx, tree: &Tree, i: usize) -> Result<(), OpError> {
    let doc = tx.doc();
    if tree.len() != doc.nodes.len() {
        return Err(OpError::BadIndex { index: i });
    }
    let ids = tree
        .branch(i)
        .into_iter()
        .map(|j| doc.nodes.get_index(j).map(|(id, _)| id.clone()).ok_or(OpError::BadIndex { index: j }))
        .collect::<Result<Vec<_>, _>>()?;
    tx.reapply(Op::Remove(ids))
}

/// Deletes `id` alone: its children take its place under its parent.
pub fn delete_node(tx: &mut Tx, id: &str) -> Result<(), OpError> {
    let doc = tx.doc();
    let node = doc.nodes.get(id).ok_or_else(|| OpError::NotFound(id.to_owned()))?;
    let parent = node.parent.clone().ok_or(OpError::Root)?;
    let kids: Vec<NodeId> =
        doc.nodes.values().filter(|n| n.parent.as_deref() == Some(id)).map(|n| n.id.clone()).collect();
    for kid in kids {
        // Each child goes just before the node, so they keep their order
        // and stand where it stood.
        let to = tx.doc().nodes.get_index_of(id).expect("still there");
        let from = tx.doc().nodes.get_index_of(&kid).expect("a child");
        let to = if from < to { to - 1 } else { to };
        tx.apply(Op::Move { id: kid, parent: parent.clone(), index: to })?;
    }
    tx.apply(Op::Remove(vec![id.to_owned()]))
}

/// Moves `id` one place up (`-1`) or down (`+1`) among its siblings.
pub fn move_among_siblings(tx: &mut Tx, id: &str, delta: i32) -> Result<bool, OpError> {
    let doc = tx.doc();
    let node = doc.nodes.get(id).ok_or_else(|| OpError::NotFound(id.to_owned()))?;
    let parent = node.parent.clone().ok_or(OpError::Root)?;
    let siblings: Vec<usize> = doc
        .nodes
        .values()
        .enumerate()
        .filter(|(_, n)| n.parent.as_deref() == Some(parent.as_str()))
        .map(|(i, _)| i)
        .collect();
    let me = doc.nodes.get_index_of(id).expect("found");
    let pos = siblings.iter().position(|&i| i == me).expect("a sibling of itself") as i64;
    let target = pos + i64::from(delta);
    if target < 0 || target as usize >= siblings.len() {
        return Ok(false);
    }
    let other = siblings[target as usize];
    tx.apply(Op::Move { id: id.to_owned(), parent, index: other })?;
    Ok(true)
}

/// Moves `id` (with its subtree) to be the last child of `parent`.
pub fn reparent(tx: &mut Tx, id: &str, parent: &str) -> Result<(), OpError> {
    let doc = tx.doc();
    let from = doc.nodes.get_index_of(id).ok_or_else(|| OpError::NotFound(id.to_owned()))?;
    let at = after_last_child(doc, parent)?;
    // Removing the node from before the slot shifts the slot down by one.
    let to = if from < at { at - 1 } else { at };
    tx.apply(Op::Move { id: id.to_owned(), parent: parent.to_owned(), index: to.min(doc.nodes.len() - 1) })
}

/// A copy of `id`'s subtree as a document of its own (its root has no
/// parent), with the document's metadata: what the clipboard holds.
pub fn copy_subtree(doc: &Document, id: &str) -> Result<Document, OpError> {
    if !doc.nodes.contains_key(id) {
        return Err(OpError::NotFound(id.to_owned()));
    }
    let ids: HashSet<NodeId> = subtree(doc, id).into_iter().collect();
    let mut out = Document { meta: doc.meta.clone(), ..Document::default() };
    for n in doc.nodes.values().filter(|n| ids.contains(&n.id)) {
        let mut n = n.clone();
        if n.id == id {
            n.parent = None;
        }
        out.nodes.insert(n.id.clone(), n);
    }
    Ok(out)
}

/// Inserts a copy of `clip`'s tree (from [`copy_subtree`] or any document)
/// as the last child of `parent`, with fresh ids; returns the new root's id.
pub fn paste(tx: &mut Tx, parent: &str, clip: &Document) -> Result<NodeId, OpError> {
    let root = clip.nodes.values().find(|n| n.parent.is_none()).ok_or(OpError::EmptyClip)?;
    let at = after_last_child(tx.doc(), parent)?;
    let mut taken = HashSet::default();
    let mut ids = HashMap::default();
    for n in clip.nodes.values() {
        let id = fresh_id(tx.doc(), "n", &taken);
        taken.insert(id.clone());
        ids.insert(n.id.as_str(), id);
    }
    // The root first (as the new last child), then the rest in their order.
    let mut nodes = Vec::with_capacity(clip.nodes.len());
    let place = |n: &Node, parent: Option<NodeId>, nodes: &mut Vec<(usize, Box<Node>)>| {
        let mut n = Box::new(n.clone());
        n.id = ids[n.id.as_str()].clone();
        n.parent = parent;
        nodes.push((at + nodes.len(), n));
    };
    place(root, Some(parent.to_owned()), &mut nodes);
    for n in clip.nodes.values().filter(|n| n.parent.is_some()) {
        let p = n.parent.as_deref().and_then(|p| ids.get(p)).cloned();
        if p.is_none() {
            // A dangling parent in a hand-made clip: hang it under the root.
            place(n, Some(ids[root.id.as_str()].clone()), &mut nodes);
        } else {
            place(n, p, &mut nodes);
        }
    }
    let new_root = nodes[0].1.id.clone();
    tx.apply(Op::Insert(nodes))?;
    Ok(new_root)
}

/// Duplicates `id`'s subtree right after it; returns the copy's root id.
pub fn duplicate(tx: &mut Tx, id: &str) -> Result<NodeId, OpError> {
    let doc = tx.doc();
    let at = doc.nodes.get_index_of(id).ok_or_else(|| OpError::NotFound(id.to_owned()))?;
    let parent = doc.nodes[at].parent.clone().ok_or(OpError::Root)?;
    let clip = copy_subtree(doc, id)?;
    let new_root = paste(tx, &parent, &clip)?;
    // Paste made it the last child; bring it next to the original.
    let from = tx.doc().nodes.get_index_of(&new_root).expect("pasted");
    let to = at + 1;
    if from != to {
        tx.apply(Op::Move { id: new_root.clone(), parent, index: to })?;
    }
    Ok(new_root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::export;
    use crate::sample::sample;
    use crate::tree::Tree;

    fn ids(doc: &Document, parent: &str) -> Vec<String> {
        doc.nodes.values().filter(|n| n.parent.as_deref() == Some(parent)).map(|n| n.id.clone()).collect()
    }

    fn undo(doc: &mut Document, inverse: Vec<Op>) {
        for op in inverse {
            apply(doc, op).unwrap();
        }
    }

    #[test]
    fn add_child_and_sibling_land_in_order_and_undo() {
        let mut doc = sample().unwrap();
        let before = export(&doc);
        let (child, inv, changes) = transact(&mut doc, |tx| add_child(tx, "ss-1")).unwrap();
        assert_eq!(ids(&doc, "ss-1"), ["sp-1", "sp-2", child.as_str()]);
        assert_eq!(doc.nodes[&child].level, Level::SasaranProgram);
        assert!(changes[0].is_structural());
        Tree::build(&doc).unwrap();
        undo(&mut doc, inv);
        assert_eq!(export(&doc), before);
        let (sib, inv, _) = transact(&mut doc, |tx| add_sibling(tx, "sp-1")).unwrap();
        assert_eq!(ids(&doc, "ss-1"), ["sp-1", sib.as_str(), "sp-2"]);
        undo(&mut doc, inv);
        assert_eq!(export(&doc), before);
    }

    #[test]
    fn delete_node_lifts_its_children_into_its_place() {
        let mut doc = sample().unwrap();
        let before = export(&doc);
        let (_, inv, _) = transact(&mut doc, |tx| delete_node(tx, "ss-1")).unwrap();
        assert_eq!(ids(&doc, "tujuan-pd"), ["sp-1", "sp-2", "ss-2"]);
        Tree::build(&doc).unwrap();
        undo(&mut doc, inv);
        assert_eq!(export(&doc), before);
        let (_, inv, _) = transact(&mut doc, |tx| delete_subtree(tx, "ss-1")).unwrap();
        assert_eq!(doc.nodes.len(), 5);
        undo(&mut doc, inv);
        assert_eq!(export(&doc), before);
    }

    #[test]
    fn moves_refuse_cycles_and_the_root() {
        let mut doc = sample().unwrap();
        let before = export(&doc);
        let err = transact(&mut doc, |tx| reparent(tx, "ss-1", "sp-1")).unwrap_err();
        assert!(matches!(err, OpError::IntoOwnSubtree { .. }));
        assert_eq!(
            transact(&mut doc, |tx| reparent(tx, "ss-1", "ss-1")).unwrap_err(),
            OpError::IntoOwnSubtree { id: "ss-1".into(), parent: "ss-1".into() }
        );
        assert_eq!(transact(&mut doc, |tx| delete_subtree(tx, "tujuan")).unwrap_err(), OpError::Root);
        assert_eq!(export(&doc), before);
        let (_, inv, _) = transact(&mut doc, |tx| reparent(tx, "sp-3", "ss-1")).unwrap();
        assert_eq!(ids(&doc, "ss-1"), ["sp-1", "sp-2", "sp-3"]);
        Tree::build(&doc).unwrap();
        undo(&mut doc, inv);
        assert_eq!(export(&doc), before);
        let (moved, inv, _) = transact(&mut doc, |tx| move_among_siblings(tx, "sp-2", -1)).unwrap();
        assert!(moved);
        assert_eq!(ids(&doc, "ss-1"), ["sp-2", "sp-1"]);
        undo(&mut doc, inv);
        let (moved, _, _) = transact(&mut doc, |tx| move_among_siblings(tx, "sp-1", -1)).unwrap();
        assert!(!moved);
        assert_eq!(export(&doc), before);
    }

    #[test]
    fn duplicate_and_paste_copy_with_fresh_ids() {
        let mut doc = sample().unwrap();
        let before = export(&doc);
        let (copy, inv, _) = transact(&mut doc, |tx| duplicate(tx, "ss-1")).unwrap();
        assert_eq!(ids(&doc, "tujuan-pd"), ["ss-1", copy.as_str(), "ss-2"]);
        assert_eq!(ids(&doc, &copy).len(), 2);
        assert_eq!(doc.nodes[&copy].kondisi, doc.nodes["ss-1"].kondisi);
        Tree::build(&doc).unwrap();
        undo(&mut doc, inv);
        assert_eq!(export(&doc), before);
        // Through the file format, as the clipboard carries it.
        let clip = crate::codec::import(export(&copy_subtree(&doc, "ss-2").unwrap()).as_bytes()).unwrap().document;
        let (root, _, _) = transact(&mut doc, |tx| paste(tx, "sp-1", &clip)).unwrap();
        assert_eq!(doc.nodes[&root].parent.as_deref(), Some("sp-1"));
        assert_eq!(doc.nodes.len(), 8 + 2);
        Tree::build(&doc).unwrap();
    }

    #[test]
    fn remap_and_map_index_follow_every_change() {
        let v0: Vec<char> = "abcdef".chars().collect();
        let check = |change: Change, want: &str, fill: char| {
            let mut v = v0.clone();
            change.remap(&mut v, 6, |_| fill);
            assert_eq!(v.iter().collect::<String>(), want, "{change:?}");
            for (i, c) in v0.iter().enumerate() {
                if change == Change::Content(i) {
                    continue;
                }
                match change.map_index(i) {
                    Some(j) => assert_eq!(v[j], *c, "{change:?} {i}"),
                    None => assert!(matches!(change, Change::Removed(_))),
                }
            }
        };
        check(Change::Inserted(vec![0, 3, 8]), "xabxcdefx", 'x');
        check(Change::Removed(vec![1, 4]), "acdf", '-');
        check(Change::Moved { from: 1, to: 4 }, "acdebf", '-');
        check(Change::Moved { from: 4, to: 0 }, "eabcdf", '-');
        check(Change::Content(2), "abydef", 'y');
    }
}
