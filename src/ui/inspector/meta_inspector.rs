use leptos::prelude::*;

use super::parsed_field::ParsedField;
use super::section::Section;
use super::text_field::TextField;
use super::values::{parse_periode, periode, show_periode};
use crate::core::model::{Meta, Tahun};
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// The document's own fields, shown while no box is selected.
#[component]
pub fn MetaInspector() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    // A plain text field of the metadata, edited under its model name.
    let text = move |label: Key, field: &'static str, get: fn(&Meta) -> &String, put: fn(&mut Meta) -> &mut String| {
        view! {
            <TextField label=t(lang, label) multiline=matches!(field, "judul" | "catatan")
                value=move || editor.store.doc.with(|d| get(&d.meta).clone())
                set=move |v: String| editor.set_meta(field, |m| *put(m) = v) />
        }
    };
    let years = move || editor.store.doc.with(|d| d.meta.periode.as_ref().map(|p| (p.awal, p.akhir)));
    let set_years =
        move |y: Option<(Tahun, Tahun)>| editor.set_meta("periode", |m| m.periode = periode(y, m.periode.take()));
    // The first words of the notes, when folded.
    let notes_gist = move || {
        editor.store.doc.with(|d| {
            let first: String = d.meta.catatan.chars().take(40).collect();
            if first.len() < d.meta.catatan.len() {
                format!("{}…", first.trim_end())
            } else {
                first
            }
        })
    };
    view! {
        <div class="inspector">
            <p class="hint">{t(lang, Key::NoSelection)}</p>
            <Section key="document" title=t(lang, Key::DocumentSection)>
                {text(Key::Judul, "judul", |m| &m.judul, |m| &mut m.judul)}
                <div class="pair">
                    {text(Key::Opd, "opd", |m| &m.opd, |m| &mut m.opd)}
                    {text(Key::Wilayah, "wilayah", |m| &m.wilayah, |m| &mut m.wilayah)}
                </div>
                <div class="pair">
                    <ParsedField label=t(lang, Key::Periode) hint=t(lang, Key::PeriodeHint)
                        value=years parse=parse_periode show=show_periode set=set_years />
                    {text(Key::Nomor, "nomor", |m| &m.nomor, |m| &mut m.nomor)}
                </div>
            </Section>
            <Section key="notes" title=t(lang, Key::Catatan) gist=Some(Signal::derive(notes_gist))>
                {text(Key::Catatan, "catatan", |m| &m.catatan, |m| &mut m.catatan)}
            </Section>
        </div>
    }
}
