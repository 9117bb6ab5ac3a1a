use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::prefs::use_prefs;
use crate::state::use_editor;

/// Shows or hides the side panel (also Ctrl+\); the choice is remembered.
#[component]
pub fn PanelToggle() -> impl IntoView {
    let lang = use_editor().lang;
    let panel = use_prefs().panel;
    let title = format!("{} (Ctrl+\\)", t(lang, Key::PanelToggle));
    view! {
        <button class="tool panel-toggle" aria-label=t(lang, Key::PanelToggle) aria-controls="side-panel" aria-expanded=move || panel.get().to_string()
            title=title on:click=move |_| panel.update(|p| *p = !*p)>
            <svg class="panel-icon" viewBox="0 0 20 16" aria-hidden="true">
                <rect x="1" y="1" width="18" height="14" rx="2" />
                <rect class="panel-part" x="12" y="1" width="7" height="14" />
            </svg>
            <span class="panel-label">{t(lang, Key::PanelToggle)}</span>
        </button>
    }
}
