use leptos::prelude::*;

use super::anggaran_editor::AnggaranEditor;
use super::crosscutting_editor::CrosscuttingEditor;
use super::indikator_editor::IndikatorEditor;
use super::inspected::Inspected;
use super::item_list::ItemList;
use super::list::List;
use super::node_fields::NodeFields;
use super::section::Section;
use crate::core::model::NodeId;
use crate::i18n::{t, Key};
use crate::state::use_editor;
use crate::ui::card_layer::focus_card;

/// Every field of node `id`, editable. Escape goes back to its card.
#[component]
pub fn NodeInspector(id: NodeId) -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let insp = Inspected::new(editor, id);
    let charts = crate::achievement::use_achievement().chart_open;
    // What a folded section holds, in its summary.
    let kondisi = move || insp.read(|n| n.kondisi.clone());
    let codes =
        move || insp.read(|n| join(n.anggaran.iter().map(|a| if a.kode.is_empty() { &a.nama } else { &a.kode })));
    let agencies = move || insp.read(|n| join(n.crosscutting.iter().map(|c| &c.nama)));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            editor.seal();
            if let Some(i) = editor.selected_index() {
                focus_card(editor, i);
            }
        }
    };
    view! {
        <div class="inspector node-details" id="node-details" tabindex="-1" on:keydown=on_key>
            <button class="tool chart-button" disabled=move || insp.read(|n| n.indikator.is_empty())
                on:click=move |_| charts.set(true)>{t(lang, Key::Chart)}</button>
            <Section key="node" title=t(lang, Key::NodeSection) gist=Some(Signal::derive(kondisi))>
                <NodeFields insp />
            </Section>
            <ItemList insp list=List::Indikator title=Key::Indikator add=Key::AddIndikator
                item=|insp, i| view! { <IndikatorEditor insp i /> }.into_any() />
            <ItemList insp list=List::Anggaran title=Key::Anggaran add=Key::AddAnggaran gist=Some(Signal::derive(codes))
                item=|insp, i| view! { <AnggaranEditor insp i /> }.into_any() />
            <ItemList insp list=List::Crosscutting title=Key::Crosscutting add=Key::AddCrosscutting
                gist=Some(Signal::derive(agencies))
                item=|insp, i| view! { <CrosscuttingEditor insp i /> }.into_any() />
        </div>
    }
}

fn join<'a>(parts: impl Iterator<Item = &'a String>) -> String {
    parts.filter(|s| !s.trim().is_empty()).map(String::as_str).collect::<Vec<_>>().join(", ")
}
