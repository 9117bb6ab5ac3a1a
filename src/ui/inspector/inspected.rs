//! The node the inspector edits: a handle its fields share.

use leptos::prelude::*;

use super::focus_later;
use super::list::List;
use crate::core::model::{Anggaran, Crosscutting, Indikator, Node, NodeId};
use crate::state::Editor;

/// The selected node's id and content. Fields read through `read`, so each
/// follows its own value (and undo) without re-creating the input.
#[derive(Clone, Copy)]
pub struct Inspected {
    pub editor: Editor,
    id: StoredValue<NodeId>,
    /// A copy of the node, so edits to other nodes wake no field here.
    /// Once the node is deleted it keeps its last content: the panel moves
    /// on to the new selection a frame later, and tearing the forms down in
    /// the edit's own frame would make the tree wait for the panel.
    node: Memo<Option<Node>>,
}

impl Inspected {
    pub fn new(editor: Editor, id: NodeId) -> Self {
        let key = id.clone();
        let node = Memo::new(move |last: Option<&Option<Node>>| {
            editor.store.doc.with(|d| d.nodes.get(&key).map(|n| Node::clone(n))).or_else(|| last.cloned().flatten())
        });
        Inspected { editor, id: StoredValue::new(id), node }
    }

    /// Reads part of the node, tracked.
    pub fn read<T: Default>(self, f: impl FnOnce(&Node) -> T) -> T {
        self.node.with(|n| n.as_ref().map(f).unwrap_or_default())
    }

    /// Typing: edits to one `field` are one undo step until the field is left.
    pub fn set(self, field: &str, f: impl FnOnce(&mut Node)) {
        self.id.with_value(|id| self.editor.set_node(id, field, f));
    }

    /// A choice or a button: one undo step of its own.
    pub fn change(self, field: &str, f: impl FnOnce(&mut Node)) {
        self.editor.seal();
        self.set(field, f);
        self.editor.seal();
    }

    pub fn ind<T: Default>(self, i: usize, f: impl FnOnce(&Indikator) -> T) -> T {
        self.read(|n| n.indikator.get(i).map(f).unwrap_or_default())
    }

    pub fn set_ind(self, i: usize, field: &str, f: impl FnOnce(&mut Indikator)) {
        self.set(&format!("indikator.{i}.{field}"), |n| {
            if let Some(x) = n.indikator.get_mut(i) {
                f(x)
            }
        });
    }

    pub fn ang<T: Default>(self, i: usize, f: impl FnOnce(&Anggaran) -> T) -> T {
        self.read(|n| n.anggaran.get(i).map(f).unwrap_or_default())
    }

    pub fn set_ang(self, i: usize, field: &str, f: impl FnOnce(&mut Anggaran)) {
        self.set(&format!("anggaran.{i}.{field}"), |n| {
            if let Some(x) = n.anggaran.get_mut(i) {
                f(x)
            }
        });
    }

    pub fn cc<T: Default>(self, i: usize, f: impl FnOnce(&Crosscutting) -> T) -> T {
        self.read(|n| n.crosscutting.get(i).map(f).unwrap_or_default())
    }

    pub fn set_cc(self, i: usize, field: &str, f: impl FnOnce(&mut Crosscutting)) {
        self.set(&format!("crosscutting.{i}.{field}"), |n| {
            if let Some(x) = n.crosscutting.get_mut(i) {
                f(x)
            }
        });
    }

    /// Adds an empty item and puts the cursor in its first field.
    pub fn push(self, list: List) {
        let i = self.read(|n| list.len(n));
        self.change(&format!("{}+", list.key()), |n| list.push(n));
        focus_later(format!("{}-{i}-first", list.key()));
    }

    /// Removes item `i`; focus stays on the list (the next item's remove button, or "add").
    pub fn remove(self, list: List, i: usize) {
        self.change(&format!("{}-", list.key()), |n| list.remove(n, i));
        let left = self.read(|n| list.len(n));
        focus_later(if left == 0 {
            format!("{}-add", list.key())
        } else {
            format!("{}-{}-remove", list.key(), i.min(left - 1))
        });
    }

    /// Moves item `i` to `j`; focus follows it to the same button (`what`).
    pub fn shift(self, list: List, i: usize, j: usize, what: &str) {
        self.change(&format!("{}~", list.key()), |n| list.swap(n, i, j));
        focus_later(format!("{}-{j}-{what}", list.key()));
    }
}
