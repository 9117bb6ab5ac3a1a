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
        Command::DeleteSubtree => match branch_and_next(editor, &id) {
            // From the tree: no scan of every node for the branch and its siblings.
            Some((ids, next)) => editor.edit(Action::DeleteSubtree, None, |tx| {
                ops::delete_branch(tx, ids)?;
                Ok(Some(next))
            }),
            None => editor.edit(Action::DeleteSubtree, None, |tx| delete_then_select(tx, &id, ops::delete_subtree)),
        },
        Command::DeleteNode => {
            editor.edit(Action::DeleteNode, None, |tx| delete_then_select(tx, &id, ops::delete_node))
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

/// Deletes with `delete`, then selects the previous sibling or the parent.
/// Node `id`'s branch (it and every node below it) and the box selected
/// once it is gone: the sibling before it, else its parent.
fn branch_and_next(editor: Editor, id: &str) -> Option<(Vec<NodeId>, NodeId)> {
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
            let key = |j: usize| d.nodes.get_index(j).map(|(k, _)| k.clone());
            Some((t.branch(i).into_iter().map(key).collect::<Option<_>>()?, key(next)?))
        })
    })
}

fn delete_then_select(
    tx: &mut Tx,
    id: &str,
    delete: fn(&mut Tx, &str) -> Result<(), OpError>,
) -> Result<Option<NodeId>, OpError> {
    let doc = tx.doc();
    let parent = doc.nodes.get(id).and_then(|n| n.parent.clone());
    let previous = parent.as_ref().and_then(|p| {
        let siblings: Vec<&NodeId> =
            doc.nodes.values().filter(|n| n.parent.as_ref() == Some(p)).map(|n| &n.id).collect();
        let pos = siblings.iter().position(|s| *s == id)?;
        pos.checked_sub(1).map(|p| siblings[p].clone())
    });
    delete(tx, id)?;
    Ok(previous.or(parent))
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
