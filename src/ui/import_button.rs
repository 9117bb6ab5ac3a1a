use leptos::prelude::*;

use super::import_dialog::ImportOpen;
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// "Impor" on the toolbar where there is room (1366 px and up); the File
/// menu has it always.
#[component]
pub fn ImportButton() -> impl IntoView {
    let lang = use_editor().lang;
    let open = expect_context::<ImportOpen>().0;
    view! {
        <button class="tool import-tool" aria-haspopup="dialog" title=t(lang, Key::ImportTitle) on:click=move |_| open.set(true)>
            {t(lang, Key::Import)}
        </button>
    }
}
