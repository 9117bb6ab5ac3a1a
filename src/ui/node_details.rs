use leptos::prelude::*;

use crate::core::kode;
use crate::core::model::{NodeId, TingkatAnggaran};
use crate::core::value::rupiah;
use crate::i18n::{level_label, t, Key};
use crate::state::use_editor;

/// Everything a node carries, for the side panel.
#[component]
pub fn NodeDetails(id: NodeId) -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    editor.doc.with_untracked(|d| {
        let node = d.nodes.get(&id)?;
        let level_name = level_label(lang, node);
        let indikator = node
            .indikator
            .iter()
            .map(|ind| {
                let targets = ind
                    .target
                    .iter()
                    .map(|(y, v)| format!("{y}: {v}"))
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <li>
                        <span class="jenis">{ind.jenis.label().to_owned()}</span>" "{ind.nama.clone()}
                        {(!ind.satuan.is_empty()).then(|| view! { <div>{t(lang, Key::Satuan)}": "{ind.satuan.clone()}</div> })}
                        {(!targets.is_empty()).then(|| view! { <div>{t(lang, Key::Target)}": "{targets}</div> })}
                    </li>
                }
            })
            .collect_view();
        let anggaran = node
            .anggaran
            .iter()
            .map(|a| {
                let tingkat = match a.tingkat {
                    TingkatAnggaran::Program => "Program",
                    TingkatAnggaran::Kegiatan => "Kegiatan",
                    TingkatAnggaran::SubKegiatan => "Sub Kegiatan",
                };
                let warning = kode::check(a.tingkat, &a.kode)
                    .err()
                    .map(|e| view! { <div class="warn">"⚠ "{t(lang, Key::KodeShape)}" "<code>{e.expected}</code></div> });
                let pagu = a.pagu.map(|p| view! { <div>"Pagu: "{rupiah(p)}</div> });
                view! { <li>{tingkat}": "<code>{a.kode.clone()}</code>" "{a.nama.clone()}{warning}{pagu}</li> }
            })
            .collect_view();
        let crosscutting = node.crosscutting.iter().map(|c| c.nama.clone()).collect::<Vec<_>>().join(", ");
        Some(view! {
            <div class="node-details" id="node-details" tabindex="-1">
                <p class="level">{level_name}</p>
                <h3>{node.kondisi.clone()}</h3>
                {(!node.indikator.is_empty()).then(|| view! { <h4>{t(lang, Key::Indikator)}</h4><ul>{indikator}</ul> })}
                {(!node.penanggung_jawab.is_empty()).then(|| view! { <h4>{t(lang, Key::PenanggungJawab)}</h4><p>{node.penanggung_jawab.clone()}</p> })}
                {(!node.anggaran.is_empty()).then(|| view! { <h4>{t(lang, Key::Anggaran)}</h4><ul>{anggaran}</ul> })}
                {(!crosscutting.is_empty()).then(|| view! { <h4>{t(lang, Key::Crosscutting)}</h4><p>{crosscutting}</p> })}
                {(!node.catatan.is_empty()).then(|| view! { <h4>{t(lang, Key::Catatan)}</h4><p>{node.catatan.clone()}</p> })}
            </div>
        })
    })
}
