use leptos::prelude::*;

use crate::autosave::use_drafts;
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// A document opened from a share link is read-only and not stored until
/// the user keeps it as a draft; a link that could not be opened says why.
#[component]
pub fn SharedBanner() -> impl IntoView {
    let editor = use_editor();
    let drafts = use_drafts();
    let lang = editor.lang;
    let shared = move || {
        editor.store.read_only().then(|| {
            view! {
                <div class="alert shared" role="status">
                    <span>{t(lang, Key::SharedBanner)}</span>
                    <button class="tool primary" on:click=move |_| drafts.save_shared(editor)>{t(lang, Key::SaveAsDraft)}</button>
                </div>
            }
        })
    };
    let failed = move || {
        drafts.link_error.get().map(|why| {
            view! {
                <div class="alert" role="alert">
                    <span>{why}</span>
                    <button class="close" aria-label=t(lang, Key::Close) on:click=move |_| drafts.link_error.set(None)>"×"</button>
                </div>
            }
        })
    };
    view! { {shared} {failed} }
}
