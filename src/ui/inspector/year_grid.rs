use leptos::prelude::*;

use super::grid_cell::GridCell;
use super::inspected::Inspected;
use super::nilai_warning;
use super::values::{plan_years, Row};
use crate::i18n::{t, Key, Lang};
use crate::web::current_year;

/// Indicator `i`'s values per year: one column per plan year, one row per
/// `rows` (targets and realisasi, or the quarters). Values that give no
/// number for capaian are listed under the grid.
#[component]
pub fn YearGrid(
    insp: Inspected,
    i: usize,
    rows: &'static [Row],
    label: &'static str,
    name: &'static str,
) -> impl IntoView {
    let lang = insp.editor.lang;
    let this_year = current_year();
    // Without a plan period a column stays while the box is open, so that
    // clearing its last value does not take away the input being typed in.
    let years = Memo::new(move |prev: Option<&Vec<_>>| {
        let periode = insp.editor.store.doc.with(|d| d.meta.periode.clone());
        let mut years = insp.ind(i, |x| plan_years(periode.as_ref(), x, this_year));
        if let (None, Some(prev)) = (&periode, prev) {
            years.extend(prev);
            years.sort_unstable();
            years.dedup();
        }
        years
    });
    let warn_id = StoredValue::new(format!("indikator-{i}-{name}-warn"));
    let warnings = move || {
        let list = years.with(|ys| {
            insp.ind(i, |x| {
                rows.iter()
                    .flat_map(|&r| ys.iter().map(move |&y| (r, y)))
                    .filter_map(|(r, y)| {
                        let v = r.get(x, y);
                        nilai_warning(lang, &v).map(|w| format!("{} {y} “{v}”: {w}", row_label(lang, r)))
                    })
                    .collect::<Vec<_>>()
            })
        });
        (!list.is_empty()).then(|| {
            view! { <ul class="warn" id=warn_id.get_value()>{list.into_iter().map(|w| view! { <li>"⚠ "{w}</li> }).collect_view()}</ul> }
        })
    };
    let body = rows
        .iter()
        .map(|&row| {
            let row_name = row_label(lang, row);
            view! {
                <tr>
                    <th scope="row">{row_name}</th>
                    <For each=move || years.get() key=|y| *y children=move |year| view! {
                        <td><GridCell insp i row year years label=row_name warn_id /></td>
                    } />
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="grid-wrap">
            <table class="year-grid" aria-label=label>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::Tahun)}</th>
                        <For each=move || years.get() key=|y| *y children=|y| view! { <th scope="col">{y}</th> } />
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        {warnings}
    }
}

fn row_label(lang: Lang, row: Row) -> &'static str {
    match row {
        Row::Target => t(lang, Key::Target),
        Row::Realisasi => t(lang, Key::Realisasi),
        Row::Triwulan(q) => t(lang, [Key::Tw1, Key::Tw2, Key::Tw3, Key::Tw4][q.min(3)]),
    }
}
