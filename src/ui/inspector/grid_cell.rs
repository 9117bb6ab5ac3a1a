use leptos::prelude::*;

use super::inspected::Inspected;
use super::nilai_warning;
use super::values::{paste_years, pasted_row, Row};
use crate::core::model::Tahun;

/// One value of indicator `i` for `year`, kept as typed. A row pasted from
/// a spreadsheet fills this year and the next ones, as one undo step.
#[component]
pub fn GridCell(
    insp: Inspected,
    i: usize,
    row: Row,
    year: Tahun,
    /// The grid's years, where a pasted row lands.
    years: Memo<Vec<Tahun>>,
    label: &'static str,
    warn_id: StoredValue<String>,
) -> impl IntoView {
    let lang = insp.editor.lang;
    let value = move || insp.ind(i, |x| row.get(x, year));
    let bad = move || nilai_warning(lang, &value()).is_some();
    let field = StoredValue::new(format!("{}.{year}", row.key()));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        field.with_value(|f| insp.set_ind(i, f, |x| row.set(x, year, text)));
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let text = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
        let Some(cells) = pasted_row(&text) else { return };
        ev.prevent_default();
        let open_ended = insp.editor.store.doc.with_untracked(|d| d.meta.periode.is_none());
        let targets = years.with_untracked(|ys| paste_years(ys, year, cells.len(), open_ended));
        insp.editor.seal();
        insp.set_ind(i, &format!("{}.paste", row.key()), |x| {
            for (y, v) in targets.into_iter().zip(cells) {
                row.set(x, y, v);
            }
        });
        insp.editor.seal();
    };
    view! {
        <input type="text" class="cell" class:bad=bad aria-label=format!("{label} {year}")
            aria-describedby=move || bad().then(|| warn_id.get_value())
            prop:value=value on:input=on_input on:blur=move |_| insp.editor.seal() on:paste=on_paste />
    }
}
