use leptos::prelude::*;

use super::inspected::Inspected;
use super::item_buttons::ItemButtons;
use super::list::List;
use super::text_field::TextField;
use crate::i18n::{t, Key};

/// Another agency sharing the condition, with the status agreed in the
/// workshop. Its name heads the item (a list of five stays short).
#[component]
pub fn CrosscuttingEditor(insp: Inspected, i: usize) -> impl IntoView {
    let lang = insp.editor.lang;
    let name = move || format!("{} {}: {}", t(lang, Key::Instansi), i + 1, insp.cc(i, |c| c.nama.clone()));
    view! {
        <div class="item" role="group" aria-label=name>
            <div class="item-head">
                <span class="item-no" aria-hidden="true">{i + 1}</span>
                <TextField label=t(lang, Key::Instansi) hide_label=true class="grow" id=format!("crosscutting-{i}-first")
                    placeholder=t(lang, Key::Instansi)
                    value=move || insp.cc(i, |c| c.nama.clone())
                    set=move |v: String| insp.set_cc(i, "nama", |c| c.nama = v) />
                <ItemButtons insp list=List::Crosscutting i />
            </div>
            <div class="pair">
                <TextField label=t(lang, Key::Status) placeholder=t(lang, Key::StatusPlaceholder)
                    value=move || insp.cc(i, |c| c.status.clone())
                    set=move |v: String| insp.set_cc(i, "status", |c| c.status = v) />
                <TextField label=t(lang, Key::Catatan)
                    value=move || insp.cc(i, |c| c.catatan.clone())
                    set=move |v: String| insp.set_cc(i, "catatan", |c| c.catatan = v) />
            </div>
        </div>
    }
}
