use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::state::use_editor;

/// Why the last open failed; the open document is untouched.
#[component]
pub fn Alert() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    move || {
        editor.alert.get().map(|message| {
            view! {
                <div class="alert" role="alert">
                    <span>{message}</span>
                    <button class="close" aria-label=t(lang, Key::Close) on:click=move |_| editor.alert.set(None)>
                        "×"
                    </button>
                </div>
            }
        })
    }
}
