use leptos::prelude::*;

use super::lang_switch::LangSwitch;
use super::save_status::SaveStatus;
use super::share_dialog::ShareDialog;
use crate::i18n::{t, Key};
use crate::presentation::use_presentation;
use crate::state::use_editor;

#[component]
pub fn Header() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    // A memo: the tab's title is set when the title changes, not at each edit.
    let title = Memo::new(move |_| {
        editor.store.doc.with(|d| {
            if d.meta.judul.trim().is_empty() {
                t(lang, Key::Untitled).to_owned()
            } else {
                d.meta.judul.clone()
            }
        })
    });
    let sharing = RwSignal::new(false);
    let presentation = use_presentation();
    // The tab says which document it holds.
    Effect::new(move |_| {
        let title = format!("{} · {}", title.get(), t(lang, Key::AppName));
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&title);
        }
    });
    view! {
        <header class="app-header">
            <span class="app-name">{t(lang, Key::AppName)}</span>
            <h1 class="doc-title">{title}</h1>
            <SaveStatus />
            <span class="spacer"></span>
            <button class="tool share" on:click=move |_| presentation.start()>{t(lang, Key::Present)}</button>
            <button class="tool share" on:click=move |_| sharing.set(true)>{t(lang, Key::Share)}</button>
            <ShareDialog open=sharing />
            <LangSwitch />
        </header>
    }
}
