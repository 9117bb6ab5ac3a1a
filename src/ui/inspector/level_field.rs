use leptos::prelude::*;

use super::inspected::Inspected;
use super::select_field::SelectField;
use super::text_field::TextField;
use crate::core::model::Level;
use crate::i18n::{level, t, Key};

/// The eight standard levels and a custom one, whose name is typed below it.
#[component]
pub fn LevelField(insp: Inspected) -> impl IntoView {
    let lang = insp.editor.lang;
    let current = move || insp.read(|n| Level::ALL.iter().position(|l| *l == n.level).unwrap_or_default());
    let custom = move || insp.read(|n| n.level == Level::Custom);
    view! {
        <SelectField label=t(lang, Key::Level) options=Level::ALL.iter().map(|&l| level(lang, l)).collect()
            value=current
            set=move |k: usize| insp.change("level", |n| n.level = Level::ALL[k.min(Level::ALL.len() - 1)]) />
        <Show when=custom>
            <TextField label=t(lang, Key::LevelLabel)
                value=move || insp.read(|n| n.level_label.clone())
                set=move |v: String| insp.set("level_label", |n| n.level_label = v) />
        </Show>
    }
}
