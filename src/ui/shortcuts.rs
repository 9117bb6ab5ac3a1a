use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::kondisi_editor::typing_in_field;
use super::tree_canvas::refocus;
use crate::commands::{copied_branch, paste_branch, run, Command};

/// Keys that work anywhere but in a text field (undo, redo, help, the side
/// panel, Escape to clear the selection), and the
/// clipboard while the tree has focus: a branch is copied as the file
/// format's JSON, so it pastes into another tab or opens as a file.
pub fn install_shortcuts() {
    let editor = crate::state::use_editor();
    let prefs = crate::prefs::use_prefs();
    let presenting = crate::presentation::use_presentation().on;
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        // Presentation mode has keys of its own (src/ui/presenter.rs).
        if typing_in_field(&ev) || editor.editing.with_untracked(Option::is_some) || presenting.get_untracked() {
            return;
        }
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let key = ev.key();
        let command = match key.as_str() {
            "z" | "Z" if ctrl && ev.shift_key() => Command::Redo,
            "z" | "Z" if ctrl => Command::Undo,
            "y" | "Y" if ctrl => Command::Redo,
            "?" => {
                ev.prevent_default();
                editor.help.set(true);
                return;
            }
            "\\" if ctrl => {
                ev.prevent_default();
                prefs.panel.update(|p| *p = !*p);
                return;
            }
            // A dialog or menu handles its own Escape.
            "Escape" if !dialog_open() => {
                editor.selected.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let in_tree = focus_in_tree();
        run(editor, command);
        if in_tree {
            refocus(editor);
        }
    });
    let _ = window_event_listener(leptos::ev::copy, move |ev| {
        if focus_in_tree() {
            copy_to(editor, &ev);
        }
    });
    let _ = window_event_listener(leptos::ev::cut, move |ev| {
        if focus_in_tree() && copy_to(editor, &ev) {
            run(editor, Command::DeleteSubtree);
            refocus(editor);
        }
    });
    let _ = window_event_listener(leptos::ev::paste, move |ev| {
        if !focus_in_tree() {
            return;
        }
        if let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) {
            ev.prevent_default();
            if paste_branch(editor, &text) {
                refocus(editor);
            }
        }
    });
}

fn copy_to(editor: crate::state::Editor, ev: &web_sys::ClipboardEvent) -> bool {
    let (Some(text), Some(data)) = (copied_branch(editor), ev.clipboard_data()) else { return false };
    ev.prevent_default();
    data.set_data("text/plain", &text).is_ok()
}

fn dialog_open() -> bool {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("dialog[open]").ok().flatten()).is_some()
}

/// Whether keyboard focus is on the tree (a card), not in a field or menu.
fn focus_in_tree() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|el| el.closest("[role=tree]").ok().flatten())
        .is_some_and(|el| el.dyn_ref::<web_sys::Element>().is_some())
}
