use leptos::prelude::*;

use crate::achievement::use_achievement;
use crate::core::capaian::Band;
use crate::i18n::{band_name, t, Key};
use crate::state::use_editor;

/// While capaian is shown: the year and what each colour means, in words
/// and thresholds, over the canvas's top-left corner; it folds to one
/// line.
#[component]
pub fn CapaianLegend() -> impl IntoView {
    let lang = use_editor().lang;
    let cap = use_achievement();
    let entries = move || {
        let b = cap.options.with(|o| o.bands);
        let fmt = |x: f64| x.to_string().replace('.', ",");
        [
            (Band::SangatBaik, format!("≥ {}", fmt(b.sangat_baik))),
            (Band::Baik, format!("{}–{}", fmt(b.baik), fmt(b.sangat_baik))),
            (Band::Cukup, format!("{}–{}", fmt(b.cukup), fmt(b.baik))),
            (Band::Kurang, format!("< {}", fmt(b.cukup))),
        ]
        .map(|(band, range)| {
            view! {
                <li><span class=format!("swatch band-{}", band as usize) aria-hidden="true"></span>{format!("{} % {}", range, band_name(lang, band))}</li>
            }
        })
        .collect_view()
    };
    view! {
        <Show when=move || cap.shown.get()>
            <aside class="capaian-legend" aria-label=t(lang, Key::CapaianSection)>
                // Folds to its heading, out of the way of boxes.
                <details open>
                    <summary><strong>{move || t(lang, Key::CapaianSummaryYear).replace("{year}", &cap.year.get().map(|y| y.to_string()).unwrap_or_default())}</strong></summary>
                    <ul>{entries}</ul>
                    <button class="tool" on:click=move |_| cap.summary_open.set(true)>{t(lang, Key::CapaianSummary)}</button>
                </details>
            </aside>
        </Show>
    }
}
