use leptos::prelude::*;

use super::inspector::{Folded, MetaInspector, NodeInspector};
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// The inspector: the selected box, or the document when nothing is selected.
#[component]
pub fn SidePanel() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    Folded::provide();
    // Every edit sets the selection again; the forms are rebuilt only when
    // it really changes, so the input being typed in stays.
    let selected = Memo::new(move |_| editor.selected.get());
    let body = move || match selected.get() {
        Some(id) => view! { <NodeInspector id /> }.into_any(),
        None => view! { <MetaInspector /> }.into_any(),
    };
    view! {
        <aside class="side-panel" aria-label=t(lang, Key::SidePanel)>
            <h2>{t(lang, Key::Details)}</h2>
            {body}
        </aside>
    }
}
