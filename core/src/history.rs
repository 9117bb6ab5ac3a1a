//! Undo and redo: each edit is kept as the ops that undo it.
//!
//! Edits are grouped as a person thinks of them: consecutive edits with the
//! same group (typing in one field) merge into one step until the group is
//! sealed (the field is left, or anything else happens).

use super::model::{Document, NodeId};
use super::ops::{Change, Op, OpError};

/// What the planner did, named in the undo and redo tooltips.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    EditText,
    EditField,
    EditDocument,
    AddChild,
    AddSibling,
    Duplicate,
    DeleteNode,
    DeleteSubtree,
    Move,
    Paste,
    ChangeLevel,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub action: Action,
    /// Applied in order, these undo the edit (or, on the redo stack, redo it).
    pub ops: Vec<Op>,
    /// Consecutive entries with the same group merge while unsealed.
    pub group: Option<String>,
    /// The selected node before and after the edit: undo selects the first,
    /// redo the second, so the view follows to what changed.
    pub before: Option<NodeId>,
    pub after: Option<NodeId>,
}

/// The outcome of an undo or redo: what changed (to patch derived data),
/// the node to select, and what was undone or redone.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub changes: Vec<Change>,
    pub select: Option<NodeId>,
    pub action: Action,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    sealed: bool,
}

/// Steps kept; older ones are forgotten.
pub const LIMIT: usize = 500;

impl History {
    /// Records an edit just applied (its undo ops in `entry`); a new edit
    /// forgets what could be redone.
    pub fn record(&mut self, entry: Entry) {
        self.redo.clear();
        if let Some(top) = self.undo.last_mut().filter(|t| !self.sealed && t.group.is_some() && t.group == entry.group)
        {
            // Undoing the older entry alone restores a node or the metadata
            // as it was before both, so a field typed into a thousand times
            // keeps one op.
            let same_target = match (top.ops.as_slice(), entry.ops.as_slice()) {
                ([Op::SetNode(a)], [Op::SetNode(b)]) => a.id == b.id,
                ([Op::SetMeta(_)], [Op::SetMeta(_)]) => true,
                _ => false,
            };
            if !same_target {
                let older = std::mem::take(&mut top.ops);
                top.ops = entry.ops;
                top.ops.extend(older);
            }
            top.after = entry.after;
            return;
        }
        self.sealed = false;
        self.undo.push(entry);
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
    }

    /// Ends the current group: the next edit is a step of its own.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What undo would undo.
    pub fn undo_action(&self) -> Option<Action> {
        self.undo.last().map(|e| e.action)
    }

    pub fn redo_action(&self) -> Option<Action> {
        self.redo.last().map(|e| e.action)
    }

    pub fn undo(&mut self, doc: &mut Document) -> Result<Option<Step>, OpError> {
        let Some(entry) = self.undo.pop() else { return Ok(None) };
        self.sealed = true;
        let select = entry.before.clone();
        let (entry, changes) = replay(doc, entry)?;
        let action = entry.action;
        self.redo.push(entry);
        Ok(Some(Step { changes, select, action }))
    }

    pub fn redo(&mut self, doc: &mut Document) -> Result<Option<Step>, OpError> {
        let Some(entry) = self.redo.pop() else { return Ok(None) };
        self.sealed = true;
        let select = entry.after.clone();
        let (entry, changes) = replay(doc, entry)?;
        let action = entry.action;
        self.undo.push(entry);
        Ok(Some(Step { changes, select, action }))
    }

    /// Forgets everything (another document was opened).
    pub fn clear(&mut self) {
        *self = History::default();
    }
}

/// Applies an entry's ops; returns the entry that reverses it and the changes.
fn replay(doc: &mut Document, entry: Entry) -> Result<(Entry, Vec<Change>), OpError> {
    let Entry { action, ops, group, before, after } = entry;
    let ((), inverse, changes) = super::ops::transact(doc, |tx| {
        // The entry's ops fit the document as it is (the history is
        // cleared whenever the document is replaced).
        for op in ops {
            tx.reapply(op)?;
        }
        Ok(())
    })?;
    Ok((Entry { action, ops: inverse, group, before, after }, changes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::export;
    use crate::ops::{add_child, transact};
    use crate::sample::sample;

    fn set_kondisi(doc: &mut Document, history: &mut History, id: &str, text: &str) {
        let mut node = doc.nodes[id].clone();
        node.kondisi = text.to_owned();
        let ((), ops, _) = transact(doc, |tx| tx.apply(Op::SetNode(node))).unwrap();
        history.record(Entry {
            action: Action::EditText,
            ops,
            group: Some(format!("{id}/kondisi")),
            before: Some(id.to_owned()),
            after: Some(id.to_owned()),
        });
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_sealed() {
        let mut doc = sample().unwrap();
        let original = export(&doc);
        let mut h = History::default();
        for text in ["M", "Me", "Men", "Menurunnya"] {
            set_kondisi(&mut doc, &mut h, "ss-1", text);
        }
        h.seal();
        set_kondisi(&mut doc, &mut h, "ss-1", "Menurunnya angka");
        let typed = export(&doc);
        assert_eq!(h.undo(&mut doc).unwrap().unwrap().select.as_deref(), Some("ss-1"));
        assert_eq!(doc.nodes["ss-1"].kondisi, "Menurunnya");
        h.undo(&mut doc).unwrap();
        assert_eq!(export(&doc), original);
        assert!(!h.can_undo());
        h.redo(&mut doc).unwrap();
        h.redo(&mut doc).unwrap();
        assert_eq!(export(&doc), typed);
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_edit_forgets_redo_and_undo_selects_what_was_selected() {
        let mut doc = sample().unwrap();
        let mut h = History::default();
        let (id, ops, _) = transact(&mut doc, |tx| add_child(tx, "sp-1")).unwrap();
        h.record(Entry { action: Action::AddChild, ops, group: None, before: Some("sp-1".into()), after: Some(id) });
        let step = h.undo(&mut doc).unwrap().unwrap();
        assert_eq!((step.select.as_deref(), step.action), (Some("sp-1"), Action::AddChild));
        assert_eq!(h.redo_action(), Some(Action::AddChild));
        set_kondisi(&mut doc, &mut h, "sp-2", "x");
        assert!(!h.can_redo());
        assert_eq!(h.undo_action(), Some(Action::EditText));
    }
}
