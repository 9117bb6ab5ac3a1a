use leptos::prelude::*;

use crate::core::import::{indent, outdent, OutlinePreview};
use crate::core::model::Level;
use crate::i18n::{level, t, Key};
use crate::state::use_editor;

/// An outline's preview: its statements as a tree the user mends before
/// importing: ⇥ puts one (with what is under it) under the statement
/// above, ⇤ takes it out a level, and each level can be changed.
#[component]
pub fn ImportOutline(outline: OutlinePreview, places: RwSignal<Vec<crate::core::import::Place>>) -> impl IntoView {
    let lang = use_editor().lang;
    let summary = t(lang, Key::ImportOutlineSummary).replace("{n}", &(outline.items.len() + outline.more).to_string());
    let rows = outline
        .items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let depth = move || places.with(|p| p.get(i).map_or(0, |p| p.depth));
            let current = move || places.with(|p| p.get(i).map(|p| p.level));
            let on_level = move |ev: leptos::ev::Event| {
                let Some(&chosen) = event_target_value(&ev).parse::<usize>().ok().and_then(|k| Level::ALL.get(k)) else {
                    return;
                };
                places.update(|p| {
                    if let Some(p) = p.get_mut(i) {
                        p.level = chosen;
                    }
                });
            };
            let options = move || {
                Level::ALL
                    .iter()
                    .enumerate()
                    .map(|(k, &l)| view! { <option value=k.to_string() selected=current() == Some(l)>{level(lang, l)}</option> })
                    .collect_view()
            };
            let counts = [(item.indicators, Key::ImportIndicators), (item.budgets, Key::ImportBudgets)]
                .into_iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, key)| t(lang, key).replace("{n}", &n.to_string()))
                .collect::<Vec<_>>()
                .join(" · ");
            let text = if item.text.is_empty() { "—".to_owned() } else { item.text };
            let name = text.clone();
            view! {
                <li role="treeitem" prop:ariaLevel=move || (depth() + 1).to_string() aria-label=name.clone()
                    style:padding-left=move || format!("{}em", depth() as f64 * 1.5)>
                    <span class="import-moves">
                        <button type="button" class="tool icon" title=t(lang, Key::ImportOutdent)
                            aria-label=format!("{}: {name}", t(lang, Key::ImportOutdent))
                            disabled=move || i == 0 || depth() <= 1 on:click=move |_| places.update(|p| outdent(p, i))>"⇤"</button>
                        <button type="button" class="tool icon" title=t(lang, Key::ImportIndent)
                            aria-label=format!("{}: {name}", t(lang, Key::ImportIndent))
                            disabled=move || i == 0 || places.with(|p| p.get(i).zip(p.get(i - 1)).is_none_or(|(a, b)| a.depth > b.depth))
                            on:click=move |_| places.update(|p| indent(p, i))>"⇥"</button>
                    </span>
                    <select class="import-level" aria-label=t(lang, Key::Level) on:change=on_level>{options}</select>
                    <span class="import-text">{text}</span>
                    <span class="import-counts">{counts}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="import-summary">
            <p role="status">{summary}</p>
            {(!outline.title.is_empty()).then(|| view! { <p>{t(lang, Key::Judul)}": "{outline.title.clone()}</p> })}
            <p class="dialog-note">{t(lang, Key::ImportOutlineHint)}</p>
        </div>
        <ul class="import-outline" role="tree" aria-label=t(lang, Key::ImportAsOutline)>{rows}</ul>
        {(outline.more > 0).then(|| view! {
            <p class="dialog-note">{t(lang, Key::ImportOutlineMore).replace("{n}", &outline.more.to_string())}</p>
        })}
    }
}
