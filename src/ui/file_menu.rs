use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::menu::Menu;
use super::open_url_dialog::OpenUrlDialog;
use super::picture_dialog::PictureDialog;
use crate::autosave::use_drafts;
use crate::core::codec::export;
use crate::core::import::{Format, Reply, Request};
use crate::i18n::{import_problem, t, Key};
use crate::state::use_editor;
use crate::web::{download, download_bytes};
use crate::worker;

/// "Berkas": a new document, the drafts, a file from disk or an address,
/// and the open document downloaded as a v1 file.
#[component]
pub fn FileMenu() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let input = NodeRef::<leptos::html::Input>::new();
    let on_pick = move |ev: leptos::ev::Event| {
        let target: web_sys::HtmlInputElement = ev.target().expect("change has a target").unchecked_into();
        let Some(file) = target.files().and_then(|f| f.get(0)) else { return };
        // Let the same file be picked again after fixing it.
        target.set_value("");
        editor.open_file(file);
    };
    let save = move |_| {
        let (name, text) = editor.store.doc.with(|d| (file_name(&d.meta.judul, "json"), export(d)));
        if let Err(e) = download(&name, "application/json", &text) {
            editor.alert.set(Some(format!("{}: {e}", t(lang, Key::SaveFailed))));
        }
    };
    let drafts = use_drafts();
    let opening_url = RwSignal::new(false);
    let exporting = RwSignal::new(false);
    let printing = expect_context::<super::PrintOpen>().0;
    let importing = expect_context::<super::ImportOpen>().0;
    // A spreadsheet is made in the worker (loaded on first use).
    let spreadsheet = move |format: Format| {
        let (ext, mime) = match format {
            Format::Xlsx => ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Format::Csv => ("csv", "text/csv"),
        };
        let (name, document) = editor.store.doc.with_untracked(|d| (file_name(&d.meta.judul, ext), export(d)));
        leptos::task::spawn_local(async move {
            editor.busy.set(Some(t(lang, Key::Exporting).replace("{name}", &name)));
            let (reply, bytes) = worker::call(&Request::Export { format, document }, None).await;
            editor.busy.set(None);
            let failed = match (reply, bytes) {
                (Reply::Exported, Some(bytes)) => download_bytes(&name, mime, &bytes).err(),
                (Reply::Failed { problem }, _) => Some(import_problem(lang, &problem)),
                _ => Some(String::new()),
            };
            if let Some(why) = failed {
                editor.alert.set(Some(format!("{}: {why}", t(lang, Key::ExportFailed))));
            }
        });
    };
    view! {
        <Menu label=t(lang, Key::FileMenu)>
            <button class="tool" role="menuitem" on:click=move |_| editor.new_document.set(true)>
                {t(lang, Key::NewDocTitle)}
            </button>
            <button class="tool" role="menuitem" on:click=move |_| drafts.open_list.set(true)>
                {t(lang, Key::DraftsTitle)}
            </button>
            <button class="tool" role="menuitem" on:click=move |_| if let Some(i) = input.get() { i.click() }>
                {t(lang, Key::OpenFile)}
            </button>
            <button class="tool" role="menuitem" on:click=move |_| opening_url.set(true)>
                {t(lang, Key::OpenFromUrl)}
            </button>
            <button class="tool" role="menuitem" on:click=move |_| importing.set(true)>{t(lang, Key::ImportMenu)}</button>
            <button class="tool" role="menuitem" on:click=save>{t(lang, Key::Download)}</button>
            <button class="tool" role="menuitem" on:click=move |_| spreadsheet(Format::Xlsx)>{t(lang, Key::ExportXlsx)}</button>
            <button class="tool" role="menuitem" on:click=move |_| spreadsheet(Format::Csv)>{t(lang, Key::ExportCsv)}</button>
            <button class="tool" role="menuitem" on:click=move |_| exporting.set(true)>{t(lang, Key::ExportPicture)}</button>
            <button class="tool" role="menuitem" on:click=move |_| printing.set(true)>{t(lang, Key::PrintMenu)}</button>
        </Menu>
        <OpenUrlDialog open=opening_url />
        <PictureDialog open=exporting />
        <input node_ref=input class="visually-hidden" type="file" accept=".json,application/json,text/plain" tabindex="-1"
            aria-label=t(lang, Key::OpenFile) on:change=on_pick />
    }
}

/// A file name from the title: "Pohon Kinerja Dinsos 2024" → "pohon-kinerja-dinsos-2024.json".
pub(super) fn file_name(judul: &str, ext: &str) -> String {
    let slug: String = judul
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}.{ext}", if slug.is_empty() { "pohon-kinerja" } else { &slug })
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_tidy() {
        assert_eq!(
            super::file_name("Pohon Kinerja (01) Dinsos 2023–2028", "json"),
            "pohon-kinerja-01-dinsos-2023-2028.json"
        );
        assert_eq!(super::file_name("  ", "svg"), "pohon-kinerja.svg");
    }
}
