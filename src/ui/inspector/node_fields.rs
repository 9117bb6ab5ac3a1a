use leptos::prelude::*;

use super::inspected::Inspected;
use super::level_field::LevelField;
use super::select_field::SelectField;
use super::text_field::TextField;
use crate::core::model::{Kind, Node};
use crate::i18n::{t, Key};

/// The box itself: level, result type, statement, owner, lane, notes.
#[component]
pub fn NodeFields(insp: Inspected) -> impl IntoView {
    let lang = insp.editor.lang;
    // A plain text field of the node, edited under its model name.
    let text = move |label: Key, field: &'static str, get: fn(&Node) -> &String, put: fn(&mut Node) -> &mut String| {
        view! {
            <TextField label=t(lang, label) multiline=matches!(field, "kondisi" | "catatan")
                placeholder=if field == "lane" { t(lang, Key::LanePlaceholder) } else { "" }
                value=move || insp.read(|n| get(n).clone())
                set=move |v: String| insp.set(field, |n| *put(n) = v) />
        }
    };
    view! {
        <LevelField insp />
        {text(Key::Kondisi, "kondisi", |n| &n.kondisi, |n| &mut n.kondisi)}
        {text(Key::PenanggungJawab, "penanggung_jawab", |n| &n.penanggung_jawab, |n| &mut n.penanggung_jawab)}
        <div class="pair">
            <SelectField label=t(lang, Key::Kind) options=vec![t(lang, Key::KindOutcome), t(lang, Key::KindOutput)]
                value=move || insp.read(|n| usize::from(n.kind == Kind::Output))
                set=move |k: usize| insp.change("kind", |n| n.kind = if k == 1 { Kind::Output } else { Kind::Outcome }) />
            {text(Key::Lane, "lane", |n| &n.lane, |n| &mut n.lane)}
        </div>
        {text(Key::Catatan, "catatan", |n| &n.catatan, |n| &mut n.catatan)}
    }
}
