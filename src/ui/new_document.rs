use leptos::prelude::*;

use super::dialog::Dialog;
use crate::core::model::{Document, Meta, NodeId};
use crate::core::sample::{new_document, parse_periode, suggested_judul, PeriodeError, STARTER};
use crate::i18n::{level, periode_error, t, Key};
use crate::state::use_editor;
use crate::web::current_year;

/// A Renstra: this year and the four after it.
const RENSTRA_YEARS: u16 = 5;

/// "Dokumen baru": asks for title, agency, region and plan period, and
/// whether to start from one empty box or the standard levels; then hands
/// the document and the box to type in first (the top one) to `on_create`.
/// `on_create` runs while the dialog is still closing: focus something
/// after a frame (`request_animation_frame`), as the in-place editor does.
#[component]
pub fn NewDocument(open: RwSignal<bool>, on_create: Callback<(Document, Option<NodeId>)>) -> impl IntoView {
    let lang = use_editor().lang;
    let judul = RwSignal::new(String::new());
    let opd = RwSignal::new(String::new());
    let wilayah = RwSignal::new(String::new());
    let awal = RwSignal::new(String::new());
    let akhir = RwSignal::new(String::new());
    let starter = RwSignal::new(true);
    let error = RwSignal::new(None::<PeriodeError>);
    let awal_input = NodeRef::<leptos::html::Input>::new();
    let akhir_input = NodeRef::<leptos::html::Input>::new();
    // A fresh form each time it opens.
    Effect::new(move |_| {
        if open.get() {
            let year = current_year();
            for field in [judul, opd, wilayah] {
                field.set(String::new());
            }
            awal.set(year.to_string());
            akhir.set((year + RENSTRA_YEARS - 1).to_string());
            starter.set(true);
            error.set(None);
        }
    });
    // The document's details as typed so far; the period if it is valid.
    let meta = move || Meta {
        opd: opd.get().trim().to_owned(),
        wilayah: wilayah.get().trim().to_owned(),
        periode: parse_periode(&awal.get(), &akhir.get()).ok(),
        ..Meta::default()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut meta = untrack(meta);
        if let Err(e) = parse_periode(&awal.get_untracked(), &akhir.get_untracked()) {
            error.set(Some(e));
            let field = if e == PeriodeError::BadStart { awal_input } else { akhir_input };
            if let Some(input) = field.get_untracked() {
                let _ = input.focus();
                input.select();
            }
            return;
        }
        meta.judul = match judul.get_untracked().trim() {
            "" => suggested_judul(&meta),
            j => j.to_owned(),
        };
        let doc = new_document(meta, starter.get_untracked());
        let top = doc.nodes.keys().next().cloned();
        open.set(false);
        on_create.run((doc, top));
    };
    let year_invalid = move |which: PeriodeError| {
        move || {
            error
                .get()
                .map(|e| (e == which || (which == PeriodeError::BadEnd && e != PeriodeError::BadStart)).to_string())
        }
    };
    let levels = STARTER.iter().map(|(l, _)| level(lang, *l)).collect::<Vec<_>>().join(" → ");
    let text_field = move |label: Key, value: RwSignal<String>, placeholder: Signal<String>| {
        view! {
            <label class="field">
                <span>{t(lang, label)}</span>
                <input type="text" autocomplete="off" prop:value=move || value.get()
                    placeholder=move || placeholder.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
        }
    };
    let year_field = move |label: Key, value: RwSignal<String>, input: NodeRef<leptos::html::Input>, which| {
        view! {
            <label class="field year">
                <span>{t(lang, label)}</span>
                <input type="text" inputmode="numeric" maxlength="4" autocomplete="off" node_ref=input
                    aria-invalid=year_invalid(which) aria-describedby="new-doc-periode-hint new-doc-error"
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        error.set(None);
                    } />
            </label>
        }
    };
    view! {
        <Dialog open=open title=t(lang, Key::NewDocTitle) class="new-document">
            <form class="new-doc-form" novalidate=true on:submit=submit>
                {text_field(Key::NewDocJudul, judul, Signal::derive(move || suggested_judul(&meta())))}
                <div class="field-row">
                    {text_field(Key::Opd, opd, Signal::derive(move || t(lang, Key::NewDocOpdExample).to_owned()))}
                    {text_field(Key::NewDocWilayah, wilayah, Signal::derive(move || t(lang, Key::NewDocWilayahExample).to_owned()))}
                </div>
                <fieldset class="periode">
                    <legend>{t(lang, Key::NewDocPeriode)}</legend>
                    <div class="field-row">
                        {year_field(Key::NewDocAwal, awal, awal_input, PeriodeError::BadStart)}
                        <span class="year-dash" aria-hidden="true">"–"</span>
                        {year_field(Key::NewDocAkhir, akhir, akhir_input, PeriodeError::BadEnd)}
                    </div>
                    <p class="dialog-note" id="new-doc-periode-hint">{t(lang, Key::NewDocPeriodeHint)}</p>
                    <div id="new-doc-error">
                        {move || error.get().map(|e| view! { <p class="dialog-error" role="alert">{periode_error(lang, e)}</p> })}
                    </div>
                </fieldset>
                <fieldset class="start-with">
                    <legend>{t(lang, Key::NewDocStartWith)}</legend>
                    <label class="choice">
                        <input type="radio" name="new-doc-start" value="empty"
                            prop:checked=move || !starter.get() on:change=move |_| starter.set(false) />
                        <span>
                            <strong>{t(lang, Key::NewDocEmpty)}</strong>
                            <span class="hint">{format!(": {}", t(lang, Key::NewDocEmptyHint))}</span>
                        </span>
                    </label>
                    <label class="choice">
                        <input type="radio" name="new-doc-start" value="starter"
                            prop:checked=move || starter.get() on:change=move |_| starter.set(true) />
                        <span>
                            <strong>{t(lang, Key::NewDocStarter)}</strong>
                            <span class="hint">{format!(": {}", t(lang, Key::NewDocStarterHint))}</span>
                            <span class="levels">{levels}</span>
                        </span>
                    </label>
                </fieldset>
                <div class="dialog-actions">
                    <button type="button" class="tool" on:click=move |_| open.set(false)>{t(lang, Key::DialogCancel)}</button>
                    <button type="submit" class="tool primary">{t(lang, Key::NewDocCreate)}</button>
                </div>
            </form>
        </Dialog>
    }
}

#[cfg(test)]
mod tests {
    use crate::core::sample::{parse_periode, PeriodeError};
    use crate::i18n::{periode_error, Lang};

    #[test]
    fn every_refused_period_is_explained_in_both_languages() {
        for e in [PeriodeError::BadStart, PeriodeError::BadEnd, PeriodeError::EndBeforeStart, PeriodeError::TooLong] {
            assert_ne!(periode_error(Lang::Id, e), periode_error(Lang::En, e));
        }
        let e = parse_periode("2030", "2025").unwrap_err();
        assert_eq!(periode_error(Lang::Id, e), "Tahun akhir tidak boleh sebelum tahun awal.");
        assert!(periode_error(Lang::En, PeriodeError::TooLong).contains("20 years"));
    }
}
