use leptos::prelude::*;

use super::inspected::Inspected;
use super::item_head::ItemHead;
use super::list::List;
use super::text_field::TextField;
use crate::i18n::{t, Key};

/// Another agency sharing the condition, with the status agreed in the workshop.
#[component]
pub fn CrosscuttingEditor(insp: Inspected, i: usize) -> impl IntoView {
    let lang = insp.editor.lang;
    let head_id = format!("crosscutting-{i}-head");
    let labelled_by = head_id.clone();
    let title = move || {
        insp.cc(i, |c| if c.nama.trim().is_empty() { t(lang, Key::Unnamed).to_owned() } else { c.nama.clone() })
    };
    view! {
        <div class="item" role="group" aria-labelledby=labelled_by>
            <ItemHead insp list=List::Crosscutting i title head_id />
            <div class="pair">
                <TextField label=t(lang, Key::Instansi) id=format!("crosscutting-{i}-first")
                    value=move || insp.cc(i, |c| c.nama.clone())
                    set=move |v: String| insp.set_cc(i, "nama", |c| c.nama = v) />
                <TextField label=t(lang, Key::Status) placeholder=t(lang, Key::StatusPlaceholder)
                    value=move || insp.cc(i, |c| c.status.clone())
                    set=move |v: String| insp.set_cc(i, "status", |c| c.status = v) />
            </div>
            <TextField label=t(lang, Key::Catatan)
                value=move || insp.cc(i, |c| c.catatan.clone())
                set=move |v: String| insp.set_cc(i, "catatan", |c| c.catatan = v) />
        </div>
    }
}
