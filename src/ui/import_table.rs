use leptos::prelude::*;

use crate::core::import::TablePreview;
use crate::core::model::Tahun;
use crate::core::table::Column;
use crate::i18n::{column_name, import_problem, t, Key};
use crate::state::use_editor;
use crate::web::current_year;

/// A table's preview: each column's meaning, which the user can change
/// (the worker then counts again), over its first rows; the sheet of a
/// workbook with several.
#[component]
pub fn ImportTable(
    table: TablePreview,
    on_sheet: Callback<String>,
    on_columns: Callback<Vec<Column>>,
) -> impl IntoView {
    let lang = use_editor().lang;
    let choices = choices(&table.columns);
    let columns = table.columns.clone();
    let summary = t(lang, Key::ImportTableSummary)
        .replace("{s}", &table.sasaran.to_string())
        .replace("{i}", &table.indikator.to_string())
        .replace("{r}", &table.total.to_string());
    let heads = table.columns.iter().enumerate().map(|(k, &current)| {
        let name = table.head.get(k).map(|h| h.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
        let label = t(lang, Key::ImportColumn).replace("{n}", &(k + 1).to_string()).replace("{name}", &name);
        let options = choices
            .iter()
            .enumerate()
            .map(|(i, &c)| view! { <option value=i.to_string() selected=c == current>{column_name(lang, c)}</option> })
            .collect_view();
        let (choices, columns) = (choices.clone(), columns.clone());
        let on_change = move |ev: leptos::ev::Event| {
            let Some(&chosen) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| choices.get(i)) else {
                return;
            };
            let mut next = columns.clone();
            next[k] = chosen;
            on_columns.run(next);
        };
        view! {
            <th scope="col" class:ignored=current == Column::Ignore>
                <select aria-label=label on:change=on_change>{options}</select>
                <span class="import-head">{name}</span>
            </th>
        }
    });
    let width = table.columns.len();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells = (0..width)
                .map(|k| {
                    let text = row.get(k).cloned().unwrap_or_default();
                    let title = text.clone();
                    // Long explanations are cut to a few lines; the whole text on hover.
                    view! { <td title=title><div class="import-cell">{text}</div></td> }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let sheets = (table.sheets.len() > 1).then(|| {
        let current = table.sheet;
        let options = table
            .sheets
            .iter()
            .enumerate()
            .map(|(i, name)| view! { <option value=name.clone() selected=i == current>{name.clone()}</option> })
            .collect_view();
        view! {
            <label class="field inline">
                <span>{t(lang, Key::ImportSheet)}</span>
                <select on:change=move |ev| on_sheet.run(event_target_value(&ev))>{options}</select>
            </label>
        }
    });
    let shown = table.rows.len();
    view! {
        <div class="import-summary">
            {sheets}
            <p role="status">{summary}</p>
            {table.problem.as_ref().map(|p| view! { <p class="dialog-error" role="alert">{import_problem(lang, p)}</p> })}
            <p class="dialog-note">
                {t(lang, Key::ImportColumnsHint)}
                {(shown < table.total).then(|| format!(" {}", t(lang, Key::ImportTableMore).replace("{n}", &shown.to_string())))}
            </p>
        </div>
        <div class="import-table-wrap">
            <table class="import-table">
                <thead><tr>{heads.collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Every meaning a column can be given: targets and realisasi for the
/// years the table names, one year either side (else around this year).
fn choices(columns: &[Column]) -> Vec<Column> {
    let years: Vec<Tahun> = columns
        .iter()
        .filter_map(|c| match c {
            Column::Target(y) | Column::Realisasi(y) => Some(*y),
            _ => None,
        })
        .collect();
    let (from, to) = match (years.iter().min(), years.iter().max()) {
        (Some(&a), Some(&b)) => (a - 1, b + 1),
        _ => (current_year() - 3, current_year() + 5),
    };
    let mut all = vec![
        Column::Ignore,
        Column::No,
        Column::Sasaran,
        Column::Indikator,
        Column::Satuan,
        Column::Baseline,
        Column::Penjelasan,
        Column::Formula,
        Column::PenanggungJawab,
        Column::SumberData,
    ];
    all.extend((from..=to).map(Column::Target));
    all.extend((from..=to).map(Column::Realisasi));
    all
}
