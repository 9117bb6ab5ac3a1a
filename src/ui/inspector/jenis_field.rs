use leptos::prelude::*;

use super::inspected::Inspected;
use super::select_field::SelectField;
use super::text_field::TextField;
use crate::core::model::JenisIndikator;
use crate::i18n::{t, Key};

/// IK, IKU, or the agency's own label (typed in a field that appears for it).
#[component]
pub fn JenisField(insp: Inspected, i: usize) -> impl IntoView {
    let lang = insp.editor.lang;
    let custom = move || insp.ind(i, |x| matches!(x.jenis, JenisIndikator::Custom(_)));
    let chosen = move || {
        insp.ind(i, |x| match x.jenis {
            JenisIndikator::Ik => 0,
            JenisIndikator::Iku => 1,
            JenisIndikator::Custom(_) => 2,
        })
    };
    let choose = move |k: usize| {
        insp.change(&format!("indikator.{i}.jenis"), |n| {
            if let Some(x) = n.indikator.get_mut(i) {
                x.jenis = match (k, &x.jenis) {
                    (0, _) => JenisIndikator::Ik,
                    (1, _) => JenisIndikator::Iku,
                    (_, JenisIndikator::Custom(label)) => JenisIndikator::Custom(label.clone()),
                    _ => JenisIndikator::Custom(String::new()),
                };
            }
        })
    };
    view! {
        <div class="stack">
            <SelectField label=t(lang, Key::JenisIndikator) options=vec!["IK", "IKU", t(lang, Key::JenisLainnya)]
                value=chosen set=choose />
            <Show when=custom>
                <TextField label=t(lang, Key::JenisLabel)
                    value=move || insp.ind(i, |x| x.jenis.label().to_owned())
                    set=move |v: String| insp.set_ind(i, "jenis.label", |x| x.jenis = JenisIndikator::Custom(v)) />
            </Show>
        </div>
    }
}
