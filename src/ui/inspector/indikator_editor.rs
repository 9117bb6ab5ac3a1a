use leptos::prelude::*;

use super::indikator_more::IndikatorMore;
use super::inspected::Inspected;
use super::item_head::ItemHead;
use super::jenis_field::JenisField;
use super::list::List;
use super::text_field::TextField;
use super::values::Row;
use super::year_grid::YearGrid;
use crate::i18n::{t, Key};

/// One indicator: name, type, unit and the yearly targets in view; the rest
/// folded under "Rincian indikator".
#[component]
pub fn IndikatorEditor(insp: Inspected, i: usize) -> impl IntoView {
    let lang = insp.editor.lang;
    let head_id = format!("indikator-{i}-head");
    let labelled_by = head_id.clone();
    let title = move || {
        insp.ind(i, |x| {
            let name = if x.nama.trim().is_empty() { t(lang, Key::Unnamed) } else { x.nama.as_str() };
            match x.jenis.label() {
                "" => name.to_owned(),
                jenis => format!("{jenis} · {name}"),
            }
        })
    };
    view! {
        <div class="item" role="group" aria-labelledby=labelled_by>
            <ItemHead insp list=List::Indikator i title head_id />
            <TextField label=t(lang, Key::IndikatorNama) multiline=true id=format!("indikator-{i}-first")
                value=move || insp.ind(i, |x| x.nama.clone())
                set=move |v: String| insp.set_ind(i, "nama", |x| x.nama = v) />
            <div class="pair">
                <JenisField insp i />
                <TextField label=t(lang, Key::Satuan)
                    value=move || insp.ind(i, |x| x.satuan.clone())
                    set=move |v: String| insp.set_ind(i, "satuan", |x| x.satuan = v) />
            </div>
            <YearGrid insp i rows=&[Row::Target, Row::Realisasi] label=t(lang, Key::YearGrid) name="tahunan" />
            <details class="more">
                <summary>{t(lang, Key::IndikatorMore)}</summary>
                <IndikatorMore insp i />
            </details>
        </div>
    }
}
