use leptos::prelude::*;

use send_wrapper::SendWrapper;

use super::import_dialog::{is_importable, ImportOpen};
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// A file dragged anywhere over the page shows where to drop it; dropped,
/// it opens as a new draft (as "Buka berkas" does), or, a table or text
/// file, in the Import dialog. Also says what is
/// being opened while a file or an address takes more than a moment.
#[component]
pub fn FileDrop() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let importing = expect_context::<ImportOpen>();
    // Counts enters and leaves: each child element the drag crosses fires both.
    let over = RwSignal::new(0i32);
    let has_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
    };
    let _ = window_event_listener(leptos::ev::dragenter, move |ev| {
        if has_files(&ev) {
            over.update(|n| *n += 1);
        }
    });
    let _ = window_event_listener(leptos::ev::dragleave, move |ev| {
        if has_files(&ev) {
            over.update(|n| *n = (*n - 1).max(0));
        }
    });
    let _ = window_event_listener(leptos::ev::dragover, move |ev| {
        if has_files(&ev) {
            // Allows the drop (the browser would otherwise open the file itself).
            ev.prevent_default();
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        if !has_files(&ev) {
            return;
        }
        ev.prevent_default();
        over.set(0);
        match ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            Some(file) if is_importable(&file.name()) => importing.1.set(Some(SendWrapper::new(file))),
            Some(file) => editor.open_file(file),
            None => {}
        }
    });
    view! {
        <div class="drop-zone" role="status" hidden=move || over.get() == 0>
            <p>{t(lang, Key::DropFile)}</p>
        </div>
        <div class="busy" role="status" hidden=move || editor.busy.with(Option::is_none)>
            {move || editor.busy.get()}
        </div>
    }
}
