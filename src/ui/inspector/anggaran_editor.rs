use leptos::prelude::*;

use super::inspected::Inspected;
use super::item_head::ItemHead;
use super::list::List;
use super::parsed_field::ParsedField;
use super::select_field::SelectField;
use super::text_field::TextField;
use super::values::{parse_pagu, show_pagu};
use crate::core::kode;
use crate::core::model::TingkatAnggaran;
use crate::core::value::rupiah;
use crate::i18n::{t, Key, Lang};

const TINGKAT: [TingkatAnggaran; 3] =
    [TingkatAnggaran::Program, TingkatAnggaran::Kegiatan, TingkatAnggaran::SubKegiatan];

/// One budget line: tingkat, code (its shape checked as typed), name, pagu.
#[component]
pub fn AnggaranEditor(insp: Inspected, i: usize) -> impl IntoView {
    let lang = insp.editor.lang;
    let head_id = format!("anggaran-{i}-head");
    let labelled_by = head_id.clone();
    let title = move || {
        insp.ang(i, |a| {
            let what = if a.kode.trim().is_empty() { &a.nama } else { &a.kode };
            format!("{} · {what}", tingkat_name(lang, a.tingkat))
        })
    };
    let kode_warning = move || {
        insp.ang(i, |a| {
            kode::check(a.tingkat, &a.kode).err().map(|e| format!("{} {}", t(lang, Key::KodeShape), e.expected))
        })
    };
    view! {
        <div class="item" role="group" aria-labelledby=labelled_by>
            <ItemHead insp list=List::Anggaran i title head_id />
            <div class="pair">
                <SelectField label=t(lang, Key::Level) options=TINGKAT.iter().map(|&k| tingkat_name(lang, k)).collect()
                    value=move || insp.ang(i, |a| TINGKAT.iter().position(|k| *k == a.tingkat).unwrap_or_default())
                    set=move |k: usize| insp.change(&format!("anggaran.{i}.tingkat"), |n| {
                        if let Some(a) = n.anggaran.get_mut(i) { a.tingkat = TINGKAT[k.min(2)] }
                    }) />
                <TextField label=t(lang, Key::Kode) class="mono" id=format!("anggaran-{i}-first") warning=kode_warning
                    value=move || insp.ang(i, |a| a.kode.clone())
                    set=move |v: String| insp.set_ang(i, "kode", |a| a.kode = v) />
            </div>
            <TextField label=t(lang, Key::Nama) multiline=true
                value=move || insp.ang(i, |a| a.nama.clone())
                set=move |v: String| insp.set_ang(i, "nama", |a| a.nama = v) />
            <ParsedField label=t(lang, Key::Pagu) hint=t(lang, Key::PaguHint) class="mono"
                value=move || insp.ang(i, |a| a.pagu)
                note=move || insp.ang(i, |a| a.pagu.map(rupiah).unwrap_or_default())
                parse=parse_pagu show=show_pagu
                set={move |p: Option<u64>| insp.set_ang(i, "pagu", |a| a.pagu = p)} />
        </div>
    }
}

fn tingkat_name(lang: Lang, k: TingkatAnggaran) -> &'static str {
    match k {
        TingkatAnggaran::Program => t(lang, Key::TingkatProgram),
        TingkatAnggaran::Kegiatan => t(lang, Key::TingkatKegiatan),
        TingkatAnggaran::SubKegiatan => t(lang, Key::TingkatSubKegiatan),
    }
}
