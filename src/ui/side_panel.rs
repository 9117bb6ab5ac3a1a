use leptos::prelude::*;

use super::node_details::NodeDetails;
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// Details of the selected node, or of the document when nothing is selected.
#[component]
pub fn SidePanel() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let body = move || {
        match editor.selected.get() {
        Some(id) => view! { <NodeDetails id=id /> }.into_any(),
        None => editor.doc.with(|d| {
            let m = &d.meta;
            let periode = m.periode.as_ref().map(|p| {
                if p.awal == p.akhir { p.awal.to_string() } else { format!("{}–{}", p.awal, p.akhir) }
            });
            view! {
                <dl class="meta">
                    <dt>{t(lang, Key::Opd)}</dt>
                    <dd>{[m.opd.as_str(), m.wilayah.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ")}</dd>
                    {periode.map(|p| view! { <dt>{t(lang, Key::Periode)}</dt><dd>{p}</dd> })}
                    {(!m.catatan.is_empty()).then(|| view! { <dt>{t(lang, Key::Catatan)}</dt><dd>{m.catatan.clone()}</dd> })}
                </dl>
                <p class="hint">{t(lang, Key::NoSelection)}</p>
            }
            .into_any()
        }),
    }
    };
    view! {
        <aside class="side-panel" aria-label=t(lang, Key::SidePanel)>
            <h2>{t(lang, Key::Details)}</h2>
            {body}
        </aside>
    }
}
