use leptos::prelude::*;

use super::dialog::Dialog;
use crate::achievement::{percent, use_achievement};
use crate::core::capaian::{summary, Band};
use crate::core::model::Level;
use crate::i18n::{band_name, level, t, Key, Lang};
use crate::state::use_editor;

/// "Ringkasan capaian": per level, how many boxes fall in each band (as
/// numbers and a bar), and the boxes lagging behind, lowest first; a click
/// on one selects it in the tree.
#[component]
pub fn CapaianSummary() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let cap = use_achievement();
    let open = cap.summary_open;
    let data = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let bands = cap.options.with(|o| o.bands);
        editor.derived.tree.with(|t| {
            let t = t.as_ref()?;
            cap.rollup.with(|r| editor.store.doc.with(|d| Some(summary(d, t, r, &bands))))
        })
    });
    let heading =
        move |b: Band| view! { <th scope="col" class=format!("band-{}", b as usize)>{band_name(lang, b)}</th> };
    let rows = move || {
        data.get().map(|s| {
            s.levels
                .into_iter()
                .map(|l| {
                    let name = if l.level == Level::Custom && !l.label.is_empty() {
                        l.label.clone()
                    } else {
                        level(lang, l.level).to_owned()
                    };
                    let total: usize = l.bands.iter().sum::<usize>() + l.without_value;
                    let cells =
                        Band::ALL.iter().rev().map(|&b| view! { <td>{l.bands[b as usize]}</td> }).collect_view();
                    // The distribution as a bar: widths by share, each band's colour and count.
                    let bar = Band::ALL
                        .iter()
                        .rev()
                        .filter(|&&b| l.bands[b as usize] > 0)
                        .map(|&b| {
                            let n = l.bands[b as usize];
                            view! {
                                <span class=format!("bar band-{}", b as usize) style:flex-grow=n.to_string()
                                    title=format!("{}: {n}", band_name(lang, b))>{n}</span>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{name}</th>
                            {cells}
                            <td>{l.without_value}</td>
                            <td class="dist" aria-hidden="true"><span class="bars">{bar}</span></td>
                            <td>{total}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let lagging = move || {
        let s = data.get()?;
        let list = s
            .lagging
            .into_iter()
            .map(|(i, value)| {
                let (kondisi, lvl) = editor.store.doc.with_untracked(|d| {
                    d.nodes
                        .get_index(i)
                        .map(|(_, n)| (n.kondisi.clone(), crate::i18n::level_label(lang, n)))
                        .unwrap_or_default()
                });
                let band = crate::core::capaian::band(value, &cap.options.with_untracked(|o| o.bands));
                view! {
                    <li>
                        <button class="tool link" on:click=move |_| {
                            open.set(false);
                            editor.select(i);
                        }>
                            <span class=format!("pill band-{}", band as usize)>{percent(value, lang == Lang::En)}</span>
                            <span class="lag-level">{lvl}</span>
                            {kondisi}
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(list)
    };
    // Read while open only: the year follows every edit.
    let title = move || {
        let year = if open.get() { cap.year.get() } else { None };
        t(lang, Key::CapaianSummaryYear).replace("{year}", &year.map(|y| y.to_string()).unwrap_or_default())
    };
    view! {
        <Dialog open=open title=t(lang, Key::CapaianSummaryTitle) class="capaian-summary" light_dismiss=true>
            <p class="dialog-sub">{title}</p>
            <table class="summary-table">
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::Level)}</th>
                        {Band::ALL.iter().rev().map(|&b| heading(b)).collect_view()}
                        <th scope="col">{t(lang, Key::CapaianNone)}</th>
                        <th scope="col">{t(lang, Key::CapaianDistribution)}</th>
                        <th scope="col">{t(lang, Key::CapaianTotal)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>{t(lang, Key::CapaianLagging)}</h3>
            <ul class="lagging">{lagging}</ul>
        </Dialog>
    }
}
