use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::state::use_editor;

/// Search statements, indicators, codes and penanggung jawab; Enter jumps to
/// the next match (Shift+Enter the previous), revealing collapsed branches.
#[component]
pub fn SearchBox() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let count = move || editor.derived.matches.with(|m| m.len());
    let status = move || {
        let q = editor.query.with(|q| !q.trim().is_empty());
        match (q, count()) {
            (false, _) => String::new(),
            (true, 0) => t(lang, Key::NoMatches).to_owned(),
            (true, n) => format!("{}/{n}", editor.match_pos.get().min(n - 1) + 1),
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        editor.query.set(event_target_value(&ev));
        editor.match_pos.set(0);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            let pos = editor.match_pos.get_untracked() as isize;
            // The first Enter jumps to the first match itself.
            let here =
                editor.selected_index() == editor.derived.matches.with_untracked(|m| m.get(pos as usize).copied());
            editor.goto_match(if !here {
                pos
            } else if ev.shift_key() {
                pos - 1
            } else {
                pos + 1
            });
        }
        "Escape" => editor.query.set(String::new()),
        _ => {}
    };
    view! {
        <div class="group search" role="search">
            <input class="tool" type="search" placeholder=t(lang, Key::SearchShort) title=t(lang, Key::SearchPlaceholder) aria-label=t(lang, Key::Search)
                prop:value=move || editor.query.get() on:input=on_input on:keydown=on_key />
            <span class="search-status" aria-live="polite">{status}</span>
            <button class="tool icon" hidden=move || count() == 0 aria-label=t(lang, Key::PreviousMatch) title=t(lang, Key::PreviousMatch) disabled=move || count() == 0
                on:click=move |_| editor.goto_match(editor.match_pos.get_untracked() as isize - 1)>"↑"</button>
            <button class="tool icon" hidden=move || count() == 0 aria-label=t(lang, Key::NextMatch) title=t(lang, Key::NextMatch) disabled=move || count() == 0
                on:click=move |_| {
                    let pos = editor.match_pos.get_untracked() as isize;
                    let here = editor.selected_index() == editor.derived.matches.with_untracked(|m| m.get(pos as usize).copied());
                    editor.goto_match(if here { pos + 1 } else { pos });
                }>"↓"</button>
        </div>
    }
}
