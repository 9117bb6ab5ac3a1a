use leptos::prelude::*;

use super::inspected::Inspected;
use super::nilai_warning;
use super::parsed_field::ParsedField;
use super::select_field::SelectField;
use super::text_field::TextField;
use super::values::{edit_baseline, parse_bobot, parse_year, show_bobot, Row};
use super::year_grid::YearGrid;
use crate::core::capaian::{bobot, set_bobot, BOBOT};
use crate::core::model::{AturanTriwulan, Indikator, Polaritas, Tahun};
use crate::core::value::Nilai;
use crate::i18n::{t, Key};

const POLARITAS: [Polaritas; 3] = [Polaritas::HigherIsBetter, Polaritas::LowerIsBetter, Polaritas::Range];
const ATURAN: [AturanTriwulan; 2] = [AturanTriwulan::Cumulative, AturanTriwulan::LastValue];
const QUARTERS: &[Row] = &[Row::Triwulan(0), Row::Triwulan(1), Row::Triwulan(2), Row::Triwulan(3)];

/// What an indicator carries beyond its name, unit and targets.
#[component]
pub fn IndikatorMore(insp: Inspected, i: usize) -> impl IntoView {
    let lang = insp.editor.lang;
    // A plain text field of the indicator, edited under its model name.
    let text =
        |label: Key, key: &'static str, get: fn(&Indikator) -> &String, put: fn(&mut Indikator) -> &mut String| {
            view! {
                <TextField label=t(lang, label) multiline=matches!(key, "formula" | "penjelasan")
                    value=move || insp.ind(i, |x| get(x).clone())
                    set=move |v: String| insp.set_ind(i, key, |x| *put(x) = v) />
            }
        };
    let baseline = move || insp.ind(i, |x| x.baseline.as_ref().map(|b| b.nilai.0.clone()).unwrap_or_default());
    view! {
        <div class="more-body">
            <SelectField label=t(lang, Key::Polaritas)
                options=vec![t(lang, Key::HigherIsBetter), t(lang, Key::LowerIsBetter), t(lang, Key::RangeTarget)]
                value=move || insp.ind(i, |x| POLARITAS.iter().position(|p| *p == x.polaritas).unwrap_or_default())
                set=move |k: usize| insp.change(&format!("indikator.{i}.polaritas"), |n| {
                    if let Some(x) = n.indikator.get_mut(i) { x.polaritas = POLARITAS[k.min(2)] }
                }) />
            <ParsedField label=t(lang, Key::Bobot) hint=t(lang, Key::BobotHint)
                value=move || insp.ind(i, |x| x.extra.contains_key(BOBOT).then(|| bobot(x)))
                parse=parse_bobot show=show_bobot
                set={move |w: Option<f64>| insp.set_ind(i, BOBOT, |x| set_bobot(x, w))} />
            <div class="pair">
                <TextField label=t(lang, Key::Baseline) value=baseline
                    warning=move || nilai_warning(lang, &baseline()).map(str::to_owned)
                    set=move |v: String| insp.set_ind(i, "baseline.nilai", |x| edit_baseline(&mut x.baseline, |b| b.nilai = Nilai(v))) />
                <ParsedField label=t(lang, Key::BaselineTahun) hint=t(lang, Key::YearHint)
                    value=move || insp.ind(i, |x| x.baseline.as_ref().and_then(|b| b.tahun))
                    parse=parse_year show=Tahun::to_string
                    set={move |y: Option<Tahun>| insp.set_ind(i, "baseline.tahun", |x| edit_baseline(&mut x.baseline, |b| b.tahun = y))} />
            </div>
            {text(Key::Formula, "formula", |x| &x.formula, |x| &mut x.formula)}
            {text(Key::Penjelasan, "penjelasan", |x| &x.penjelasan, |x| &mut x.penjelasan)}
            {text(Key::SumberData, "sumber_data", |x| &x.sumber_data, |x| &mut x.sumber_data)}
            {text(Key::PjIndikator, "penanggung_jawab", |x| &x.penanggung_jawab, |x| &mut x.penanggung_jawab)}
            <p class="sub">{t(lang, Key::RealisasiTriwulan)}</p>
            <SelectField label=t(lang, Key::AturanTriwulan)
                options=vec![t(lang, Key::Kumulatif), t(lang, Key::NilaiTerakhir)]
                value=move || insp.ind(i, |x| ATURAN.iter().position(|a| *a == x.aturan_triwulan).unwrap_or_default())
                set=move |k: usize| insp.change(&format!("indikator.{i}.aturan_triwulan"), |n| {
                    if let Some(x) = n.indikator.get_mut(i) { x.aturan_triwulan = ATURAN[k.min(1)] }
                }) />
            <YearGrid insp i rows=QUARTERS label=t(lang, Key::RealisasiTriwulan) name="triwulan" />
        </div>
    }
}
