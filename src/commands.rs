//! What a planner can do to the selected box, from the keyboard, the toolbar
//! or a menu alike: each command is one edit through the store.

use leptos::prelude::*;

use crate::core::codec::{export, import};
use crate::core::history::Action;
use crate::core::model::NodeId;
use crate::core::ops::{self, OpError, Tx};
use crate::i18n::{t, Key};
use crate::state::Editor;
use crate::ui::begin;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    AddChild,
    AddSibling,
    EditInPlace,
    DeleteSubtree,
    DeleteNode,
    Duplicate,
    MoveUp,
    MoveDown,
    MoveTo,
    Undo,
    Redo,
}

/// Runs `command` on the selected box (undo and redo need none); returns
/// whether anything happened.
pub fn run(editor: Editor, command: Command) -> bool {
    match command {
        Command::Undo => {
            editor.undo();
            return true;
        }
        Command::Redo => {
            editor.redo();
            return true;
        }
        _ => {}
    }
    let Some(id) = editor.selected.get_untracked() else { return false };
    let is_root = editor.store.doc.with_untracked(|d| d.nodes.get(&id).is_some_and(|n| n.parent.is_none()));
    match command {
        // The top box has no siblings: Enter on it adds a child.
        Command::AddSibling if !is_root => add_and_edit(editor, Action::AddSibling, |tx| ops::add_sibling(tx, &id)),
        Command::AddChild | Command::AddSibling => add_and_edit(editor, Action::AddChild, |tx| ops::add_child(tx, &id)),
        Command::EditInPlace => {
            begin(editor, id);
            true
        }
        Command::DeleteSubtree => {
            // Reads the tree, so it is current when read again below (with
            // the document locked for the edit, it could not be rebuilt).
            let next = selected_after_delete(editor, &id);
            editor.edit(Action::DeleteSubtree, None, |tx| {
                let i = tx.doc().nodes.get_index_of(&id).ok_or_else(|| OpError::NotFound(id.clone()))?;
                // The branch as the tree has it: no need to look at every
                // node for children left behind.
                editor.derived.tree.with_untracked(|t| match t {
                    Some(t) => ops::delete_branch_in(tx, t, i),
                    None => ops::delete_subtree(tx, &id),
                })?;
                Ok(next)
            })
        }
        Command::DeleteNode => {
            let next = selected_after_delete(editor, &id);
            editor.edit(Action::DeleteNode, None, |tx| ops::delete_node(tx, &id).map(|_| next))
        }
        Command::Duplicate => editor.edit(Action::Duplicate, None, |tx| ops::duplicate(tx, &id).map(Some)),
        Command::MoveUp | Command::MoveDown => {
            let delta = if command == Command::MoveUp { -1 } else { 1 };
            editor.edit(Action::Move, None, |tx| ops::move_among_siblings(tx, &id, delta).map(|_| Some(id.clone())))
        }
        Command::MoveTo => {
            editor.moving.set(Some(id));
            true
        }
        Command::Undo | Command::Redo => unreachable!("handled above"),
    }
}

/// Adds a box with `add` and starts typing its kondisi.
fn add_and_edit(editor: Editor, action: Action, add: impl FnOnce(&mut Tx) -> Result<NodeId, OpError>) -> bool {
    let added = editor.edit(action, None, |tx| add(tx).map(Some));
    if let (true, Some(id)) = (added, editor.selected.get_untracked()) {
        begin(editor, id);
    }
    added
}

/// The box selected once node `id` is deleted: the sibling before it, else
/// its parent (from the tree, not a scan of every node).
fn selected_after_delete(editor: Editor, id: &str) -> Option<NodeId> {
    editor.derived.tree.with_untracked(|t| {
        let t = t.as_ref()?;
        editor.store.doc.with_untracked(|d| {
            let i = d.nodes.get_index_of(id)?;
            let parent = t.parent[i]?;
            let siblings = &t.children[parent];
            let next = match siblings.iter().position(|&s| s == i)? {
                0 => parent,
                k => siblings[k - 1],
            };
            d.nodes.get_index(next).map(|(k, _)| k.clone())
        })
    })
}

/// The selected branch in the file format, for the clipboard: it pastes into
/// another tab, and opens as a document of its own.
pub fn copied_branch(editor: Editor) -> Option<String> {
    let id = editor.selected.get_untracked()?;
    editor.store.doc.with_untracked(|d| ops::copy_subtree(d, &id).ok().map(|c| export(&c)))
}

/// Pastes a branch in the file format under the selected box.
pub fn paste_branch(editor: Editor, text: &str) -> bool {
    let Some(parent) = editor.selected.get_untracked() else { return false };
    match import(text.as_bytes()) {
        Ok(clip) => editor.edit(Action::Paste, None, |tx| ops::paste(tx, &parent, &clip.document).map(Some)),
        Err(_) => {
            editor.alert.set(Some(t(editor.lang, Key::PasteFailed).to_owned()));
            false
        }
    }
}
