//! What the parts of the drafts list share: showing another document
//! without losing the open one's edits, a button that asks twice, and how
//! times, sizes and file names are written.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::autosave::Drafts;
use crate::core::codec::export;
use crate::i18n::{t, Key, Lang};
use crate::state::Editor;
use crate::web::download;

/// Shows another document once the open one's edits are stored; when they
/// cannot be (full storage, another tab's save), the list says so and waits
/// for the user's word. The list closes once another document is shown
/// (see `DraftsDialog`), so a draft that fails to open leaves it open,
/// saying why.
#[derive(Clone, Copy)]
pub struct Switch {
    editor: Editor,
    drafts: Drafts,
    waiting: StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>,
    /// The open document's edits could not be stored; the user is asked.
    pub blocked: RwSignal<bool>,
}

impl Switch {
    pub fn new(editor: Editor, drafts: Drafts) -> Switch {
        Switch { editor, drafts, waiting: StoredValue::new_local(None), blocked: RwSignal::new(false) }
    }

    pub fn go(self, show: impl FnOnce() + 'static) {
        self.drafts.settle(self.editor, move |clean| {
            if clean {
                self.run(Box::new(show));
            } else {
                self.waiting.set_value(Some(Box::new(show)));
                self.blocked.set(true);
            }
        });
    }

    /// The user chose to go on without the unsaved edits.
    pub fn anyway(self) {
        if let Some(show) = self.waiting.try_update_value(Option::take).flatten() {
            self.run(show);
        }
    }

    pub fn cancel(self) {
        self.waiting.set_value(None);
        self.blocked.set(false);
    }

    fn run(self, show: Box<dyn FnOnce()>) {
        self.blocked.set(false);
        show();
    }
}

/// A button for what cannot be undone: the first press asks, the second
/// does it; leaving it asks again next time.
#[component]
pub fn TwiceButton(label: Key, confirm: Key, on_confirm: Callback<()>) -> impl IntoView {
    let lang = crate::state::use_editor().lang;
    let armed = RwSignal::new(false);
    view! {
        <button type="button" class="tool danger" class:armed=armed on:blur=move |_| armed.set(false)
            on:click=move |_| {
                if armed.get_untracked() {
                    armed.set(false);
                    on_confirm.run(());
                } else {
                    armed.set(true);
                }
            }>
            {move || t(lang, if armed.get() { confirm } else { label })}
        </button>
    }
}

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id-ID",
        Lang::En => "en-GB",
    }
}

/// A moment (ms since the epoch) as a local date and time: "17 Mei 2025, 14.30".
pub fn local_time(lang: Lang, ms: f64) -> String {
    if ms <= 0.0 {
        return "–".to_owned();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    js_sys::Date::new(&JsValue::from_f64(ms)).to_locale_string(locale(lang), &options).into()
}

/// A count with the language's thousands separator: "10.000" / "10,000".
pub fn count(lang: Lang, n: usize) -> String {
    js_sys::Number::from(n as f64).to_locale_string(locale(lang)).into()
}

/// Bytes as "820 KB" or "1,2 MB" (binary units, as browsers count quota).
pub fn size(lang: Lang, bytes: u64) -> String {
    let (value, unit) =
        if bytes < 1 << 20 { (bytes as f64 / 1024.0, "KB") } else { (bytes as f64 / 1_048_576.0, "MB") };
    let mut text = format!("{value:.1}");
    if text.ends_with(".0") {
        text.truncate(text.len() - 2);
    }
    if lang == Lang::Id {
        text = text.replace('.', ",");
    }
    format!("{text} {unit}")
}

/// A draft's name as listed: its title, or "Tanpa judul".
pub fn title_or_untitled(lang: Lang, title: &str) -> String {
    match title.trim() {
        "" => t(lang, Key::Untitled).to_owned(),
        title => title.to_owned(),
    }
}

/// A file name from a title: "Pohon Kinerja Dinsos 2024" → "pohon-kinerja-dinsos-2024".
pub fn file_stem(title: &str) -> String {
    let words: Vec<String> =
        title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.is_empty() {
        "pohon-kinerja".to_owned()
    } else {
        words.join("-")
    }
}

/// Offers `text` for download; a refusal is told in the alert.
pub fn offer(editor: Editor, name: &str, mime: &str, text: &str) {
    if let Err(e) = download(name, mime, text) {
        editor.alert.set(Some(format!("{}: {e}", t(editor.lang, Key::SaveFailed))));
    }
}

/// Downloads the open document as a file, named after its title.
pub fn download_open_document(editor: Editor) {
    let (name, text) = editor.store.doc.with_untracked(|d| (format!("{}.json", file_stem(&d.meta.judul)), export(d)));
    offer(editor, &name, "application/json", &text);
}

/// Focuses the element `selector` names once the list has redrawn (after a
/// row moved from the list to the trash, or back).
pub fn focus_later(selector: String) {
    request_animation_frame(move || {
        let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}
