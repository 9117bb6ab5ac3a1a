use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::dialog::Dialog;
use super::import_outline::ImportOutline;
use super::import_table::ImportTable;
use crate::autosave::use_drafts;
use crate::core::codec::import;
use crate::core::import::{Kind, Place, Preview, Problem, Reply, Request};
use crate::i18n::{import_problem, t, Key};
use crate::state::use_editor;
use crate::web::read_file;
use crate::worker;

/// The Import dialog's open state, shared by the toolbar and the File menu,
/// and a table or text file dropped on the page, for it to read.
#[derive(Clone, Copy)]
pub struct ImportOpen(pub RwSignal<bool>, pub RwSignal<Option<SendWrapper<web_sys::File>>>);

/// Files the Import dialog reads (a dropped `.json` opens as a document).
pub fn is_importable(name: &str) -> bool {
    let name = name.to_lowercase();
    [".csv", ".tsv", ".txt", ".xlsx"].iter().any(|ext| name.ends_with(ext))
}

/// Pause after typing before the text is read again.
const SETTLE_MS: u64 = 300;

/// "Impor": a pasted table or text, or a .csv, .txt or .xlsx file, read in
/// the worker into a preview the user corrects (column meanings; levels
/// and parents), then opened as a new draft. Nothing touches the open
/// draft before "Impor" is pressed.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let ImportOpen(open, dropped) = expect_context::<ImportOpen>();
    let editor = use_editor();
    let lang = editor.lang;
    let drafts = use_drafts();
    // The pasted text; the box is not bound to it (writing a megabyte back
    // into it on every keystroke would stall the page), see `show_text`.
    let text = StoredValue::new(String::new());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let show_text = move |value: String| {
        if let Some(el) = area.get_untracked() {
            el.set_value(&value);
        }
        text.set_value(value);
    };
    let preview = RwSignal::new(None::<Preview>);
    let places = RwSignal::new(Vec::<Place>::new());
    let problem = RwSignal::new(None::<Problem>);
    let reading = RwSignal::new(false);
    // An .xlsx file's bytes (read again for another sheet).
    let xlsx = StoredValue::new_local(None::<Vec<u8>>);
    // Each request's number: a reply to an older one is dropped.
    let asked = StoredValue::new(0u64);

    let ask = move |request: Request, bytes: Option<Vec<u8>>| {
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        reading.set(true);
        leptos::task::spawn_local(async move {
            let (reply, _) = worker::call(&request, bytes.as_deref()).await;
            if asked.get_value() != mine {
                return;
            }
            reading.set(false);
            match reply {
                Reply::Preview(p) => {
                    if let Preview::Outline(o) = &p {
                        places.set(o.items.iter().map(|i| i.place).collect());
                    }
                    problem.set(None);
                    preview.set(Some(p));
                }
                Reply::Document { json } => match import(json.as_bytes()) {
                    Ok(imported) => {
                        drafts.open_new(editor, imported.document);
                        open.set(false);
                        // The next import starts afresh.
                        show_text(String::new());
                        preview.set(None);
                    }
                    Err(e) => problem.set(Some(Problem::Internal { detail: e.to_string() })),
                },
                Reply::Failed { problem: p } => {
                    // A failed import keeps its preview to fix; a failed read has none.
                    if !matches!(request, Request::Build { .. }) {
                        preview.set(None);
                    }
                    problem.set(Some(p));
                }
                Reply::Exported => {}
            }
        });
    };
    let read_text = move |kind: Option<Kind>| {
        xlsx.set_value(None);
        let text = text.get_value();
        if text.trim().is_empty() {
            asked.update_value(|n| *n += 1);
            reading.set(false);
            preview.set(None);
            problem.set(None);
        } else {
            ask(Request::Text { text, kind }, None);
        }
    };
    // Read again once typing pauses; a paste is read at once.
    let typed = StoredValue::new(0u64);
    let on_input = move |ev: leptos::ev::Event| {
        text.set_value(event_target_value(&ev));
        let pasted = ev.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.input_type() == "insertFromPaste");
        typed.update_value(|n| *n += 1);
        let mine = typed.get_value();
        if pasted {
            read_text(None);
        } else {
            set_timeout(
                move || {
                    if typed.get_value() == mine {
                        read_text(None);
                    }
                },
                std::time::Duration::from_millis(SETTLE_MS),
            );
        }
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let read_file_picked = move |file: web_sys::File| {
        reading.set(true);
        leptos::task::spawn_local(async move {
            let bytes = match read_file(&file).await {
                Ok(bytes) => bytes,
                Err(detail) => {
                    reading.set(false);
                    problem.set(Some(Problem::Internal { detail }));
                    return;
                }
            };
            // A workbook is a zip ("PK"); anything else is read as text.
            if bytes.starts_with(b"PK") || file.name().to_lowercase().ends_with(".xlsx") {
                show_text(String::new());
                xlsx.set_value(Some(bytes.clone()));
                ask(Request::Xlsx { sheet: None }, Some(bytes));
            } else {
                show_text(String::from_utf8_lossy(&bytes).into_owned());
                read_text(None);
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let target: web_sys::HtmlInputElement = ev.target().expect("change has a target").unchecked_into();
        let Some(file) = target.files().and_then(|f| f.get(0)) else { return };
        target.set_value("");
        read_file_picked(file);
    };
    Effect::new(move |_| {
        if dropped.with(Option::is_some) {
            let Some(file) = dropped.write().take() else { return };
            open.set(true);
            read_file_picked(file.take());
        }
    });
    let choose_kind = move |kind: Kind| read_text(Some(kind));
    let choose_sheet = move |name: String| {
        if let Some(bytes) = xlsx.get_value() {
            ask(Request::Xlsx { sheet: Some(name) }, Some(bytes));
        }
    };
    let kind_now = move || match preview.get() {
        Some(Preview::Table(_)) => Some(Kind::Table),
        Some(Preview::Outline(_)) => Some(Kind::Outline),
        None => None,
    };
    let can_import = move || {
        !reading.get()
            && match preview.get() {
                Some(Preview::Table(t)) => t.problem.is_none(),
                Some(Preview::Outline(o)) => !o.items.is_empty(),
                None => false,
            }
    };
    let submit = move |_| {
        let places = match preview.get_untracked() {
            Some(Preview::Outline(_)) => places.get_untracked(),
            _ => Vec::new(),
        };
        ask(Request::Build { places }, None);
    };
    let kind_radio = move |kind: Kind, key: Key| {
        view! {
            <label class="check">
                <input type="radio" name="import-kind" prop:checked=move || kind_now() == Some(kind)
                    disabled=move || xlsx.with_value(Option::is_some) on:change=move |_| choose_kind(kind) />
                {t(lang, key)}
            </label>
        }
    };
    view! {
        <Dialog open=open title=t(lang, Key::ImportTitle) class="import-dialog">
            <div class="import-source">
                <label class="field import-paste">
                    <span>{t(lang, Key::ImportPaste)}</span>
                    <textarea rows="5" spellcheck="false" data-autofocus placeholder=t(lang, Key::ImportPasteHint)
                        node_ref=area on:input=on_input></textarea>
                </label>
                <div class="import-options">
                    <button type="button" class="tool" on:click=move |_| if let Some(i) = input.get() { i.click() }>
                        {t(lang, Key::ImportFile)}
                    </button>
                    <input node_ref=input class="visually-hidden" type="file" tabindex="-1" aria-label=t(lang, Key::ImportFile)
                        accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        on:change=on_pick />
                    <fieldset class="import-kind" role="radiogroup" aria-label=t(lang, Key::ImportKind)>
                        <legend>{t(lang, Key::ImportKind)}</legend>
                        {kind_radio(Kind::Table, Key::ImportAsTable)}
                        {kind_radio(Kind::Outline, Key::ImportAsOutline)}
                    </fieldset>
                </div>
            </div>
            <p class="dialog-note" role="status">
                {move || reading.get().then(|| t(lang, if worker::started() { Key::ImportReading } else { Key::ImportLoadingReader }))}
            </p>
            {move || problem.get().map(|p| view! { <p class="dialog-error" role="alert">{import_problem(lang, &p)}</p> })}
            <div class="import-preview">
                {move || match preview.get() {
                    Some(Preview::Table(table)) => view! {
                        <ImportTable table=table on_sheet=Callback::new(choose_sheet)
                            on_columns=Callback::new(move |columns| ask(Request::Columns { columns }, None)) />
                    }.into_any(),
                    Some(Preview::Outline(outline)) => view! { <ImportOutline outline=outline places=places /> }.into_any(),
                    None => ().into_any(),
                }}
            </div>
            <div class="dialog-actions">
                <p class="dialog-note">{t(lang, Key::ImportNotice)}</p>
                <button class="tool primary" disabled=move || !can_import() on:click=submit>{t(lang, Key::Import)}</button>
            </div>
        </Dialog>
    }
}
