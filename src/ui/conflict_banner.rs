use leptos::prelude::*;

use crate::autosave::use_drafts;
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// Another tab saved the open draft: nothing is overwritten until the user
/// chooses which version to keep.
#[component]
pub fn ConflictBanner() -> impl IntoView {
    let editor = use_editor();
    let drafts = use_drafts();
    let lang = editor.lang;
    move || {
        drafts.conflict.get().then(|| {
            view! {
                <div class="alert conflict" role="alert">
                    <span>{t(lang, Key::ConflictMessage)}</span>
                    <button class="tool" on:click=move |_| drafts.take_theirs(editor)>{t(lang, Key::TakeTheirs)}</button>
                    <button class="tool" on:click=move |_| drafts.keep_as_new(editor)>{t(lang, Key::KeepAsNew)}</button>
                    <button class="tool" on:click=move |_| drafts.overwrite(editor)>{t(lang, Key::KeepOurs)}</button>
                </div>
            }
        })
    }
}
