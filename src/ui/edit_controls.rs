use leptos::prelude::*;

use super::menu::Menu;
use crate::commands::{copied_branch, paste_branch, run, Command};
use crate::i18n::{action, t, Key};
use crate::state::use_editor;
use crate::web::{clipboard_read, clipboard_write};

/// Undo and redo (naming what they would do), and the structure edits of the
/// selected box; the rarer ones in a menu.
#[component]
pub fn EditControls() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let none_selected = move || editor.selected.with(|s| s.is_none());
    let undo_title = move || {
        editor.store.history.with(|h| match h.undo_action() {
            Some(a) => format!("{}: {} (Ctrl+Z)", t(lang, Key::Undo), action(lang, a)),
            None => t(lang, Key::NothingToUndo).to_owned(),
        })
    };
    let redo_title = move || {
        editor.store.history.with(|h| match h.redo_action() {
            Some(a) => format!("{}: {} (Ctrl+Shift+Z)", t(lang, Key::Redo), action(lang, a)),
            None => t(lang, Key::NothingToRedo).to_owned(),
        })
    };
    let button = move |key: Key, command: Command, shortcut: &'static str| {
        view! {
            <button class="tool" role="menuitem" disabled=none_selected
                on:click=move |_| { run(editor, command); }>
                <span>{t(lang, key)}</span><kbd>{shortcut}</kbd>
            </button>
        }
    };
    let copy = move |_| {
        if let Some(text) = copied_branch(editor) {
            clipboard_write(text);
        }
    };
    let paste = move |_| {
        leptos::task::spawn_local(async move {
            if let Some(text) = clipboard_read().await {
                paste_branch(editor, &text);
            }
        });
    };
    view! {
        <div class="group" role="group" aria-label=t(lang, Key::EditGroup)>
            <button class="tool icon" aria-label=t(lang, Key::Undo) title=undo_title
                disabled=move || editor.store.history.with(|h| !h.can_undo())
                on:click=move |_| editor.undo()>"↶"</button>
            <button class="tool icon" aria-label=t(lang, Key::Redo) title=redo_title
                disabled=move || editor.store.history.with(|h| !h.can_redo())
                on:click=move |_| editor.redo()>"↷"</button>
            <button class="tool add-child" title="Tab" disabled=none_selected
                on:click=move |_| { run(editor, Command::AddChild); }>{t(lang, Key::AddChild)}</button>
            <button class="tool xwide-only" title="Enter" disabled=none_selected
                on:click=move |_| { run(editor, Command::AddSibling); }>{t(lang, Key::AddSibling)}</button>
            <Menu label=t(lang, Key::MoreActions)>
                // On narrow windows the toolbar's add buttons live here.
                <button class="tool narrow-only" role="menuitem" disabled=none_selected
                    on:click=move |_| { run(editor, Command::AddChild); }>
                    <span>{t(lang, Key::AddChild)}</span><kbd>"Tab"</kbd>
                </button>
                <button class="tool narrow-only sibling" role="menuitem" disabled=none_selected
                    on:click=move |_| { run(editor, Command::AddSibling); }>
                    <span>{t(lang, Key::AddSibling)}</span><kbd>"Enter"</kbd>
                </button>
                {button(Key::EditInPlace, Command::EditInPlace, "F2")}
                {button(Key::Duplicate, Command::Duplicate, "Ctrl+D")}
                {button(Key::MoveUp, Command::MoveUp, "Alt+↑")}
                {button(Key::MoveDown, Command::MoveDown, "Alt+↓")}
                {button(Key::MoveTo, Command::MoveTo, "M")}
                <button class="tool" role="menuitem" disabled=none_selected on:click=copy>
                    <span>{t(lang, Key::CopyBranch)}</span><kbd>"Ctrl+C"</kbd>
                </button>
                <button class="tool" role="menuitem" disabled=none_selected on:click=paste>
                    <span>{t(lang, Key::PasteBranch)}</span><kbd>"Ctrl+V"</kbd>
                </button>
                {button(Key::DeleteNodeOnly, Command::DeleteNode, "Shift+Del")}
                {button(Key::DeleteSubtree, Command::DeleteSubtree, "Del")}
                <button class="tool" role="menuitem" on:click=move |_| editor.help.set(true)>
                    <span>{t(lang, Key::Shortcuts)}</span><kbd>"?"</kbd>
                </button>
            </Menu>
        </div>
    }
}
