use leptos::prelude::*;

use crate::autosave::{use_drafts, SaveStatus as Status};
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// "Tersimpan / Menyimpan… / Belum tersimpan" for the open draft; a failure
/// says why and what to do, and opens the drafts list.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let editor = use_editor();
    let drafts = use_drafts();
    let lang = editor.lang;
    let failed = move || matches!(drafts.status.get(), Status::Failed(_));
    let short = move || match drafts.status.get() {
        Status::Saved => t(lang, Key::Saved),
        Status::Saving => t(lang, Key::Saving),
        Status::Unsaved | Status::Failed(_) => t(lang, Key::Unsaved),
    };
    view! {
        <button
            class="save-status"
            class:failed=failed
            role="status"
            title=move || drafts.status_text(editor)
            aria-label=move || drafts.status_text(editor)
            on:click=move |_| drafts.open_list.set(true)
        >
            {short}
        </button>
    }
}
