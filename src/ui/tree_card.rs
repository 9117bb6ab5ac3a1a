use leptos::prelude::*;

use crate::core::layout::{BAND_H, DETAIL_LINE_H, KONDISI_LINE_H, PAD};
use crate::core::model::Level;
use crate::i18n::level;
use crate::state::use_editor;

/// One node as a card: level band, kondisi, indicators.
#[component]
pub fn TreeCard(index: usize) -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let (node, card, rect, depth, has_children) = editor.view.with_untracked(|v| {
        let v = v.as_ref()?;
        editor.doc.with_untracked(|d| {
            let node = d.nodes.get_index(index)?.1.clone();
            Some((
                node,
                v.layout.cards[index].clone(),
                v.layout.rects[index],
                v.tree.depth[index],
                !v.tree.children[index].is_empty(),
            ))
        })
    })?;
    let id = node.id.clone();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| editor.selected.with(|s| s.as_deref() == Some(id.as_str())))
    };
    let select = move |_| editor.selected.set(Some(id.clone()));
    let label = if node.level == Level::Custom && !node.level_label.is_empty() {
        node.level_label.clone()
    } else {
        level(lang, node.level).to_owned()
    };
    let level_class = format!("card lvl-{}", level_slug(node.level));
    let lane = (!node.lane.is_empty()).then(|| node.lane.clone());
    let band_text = match &lane {
        Some(l) => format!("{label} · {l}"),
        None => label,
    };
    let detail_top = BAND_H + PAD + card.kondisi.len() as f64 * KONDISI_LINE_H + 6.0;
    let kondisi_lines = card
        .kondisi
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let y = BAND_H + PAD + (i as f64 + 0.78) * KONDISI_LINE_H;
            view! { <text class="kondisi" x=PAD y=y>{line.clone()}</text> }
        })
        .collect_view();
    let detail_lines = card
        .detail
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let y = detail_top + (i as f64 + 0.78) * DETAIL_LINE_H;
            view! { <text class="detail" x=PAD y=y>{line.clone()}</text> }
        })
        .collect_view();
    Some(view! {
        <g
            class=level_class
            class:lane=lane.is_some()
            class:crosscutting=!node.crosscutting.is_empty()
            class:selected=move || selected.get()
            role="treeitem"
            aria-level=depth + 1
            aria-expanded=has_children.then_some("true")
            aria-selected=move || if selected.get() { "true" } else { "false" }
            aria-label=node.kondisi.clone()
            tabindex="-1"
            transform=format!("translate({:.1} {:.1})", rect.x, rect.y)
            on:click=select
        >
            <rect class="card-bg" width=rect.w height=rect.h rx="6" />
            <path class="band" d=format!("M0 6a6 6 0 0 1 6-6h{:.1}a6 6 0 0 1 6 6v{BAND_H}h-{:.1}z", rect.w - 12.0, rect.w) />
            <text class="band-label" x=PAD y=BAND_H - 7.0>{band_text}</text>
            {kondisi_lines}
            {detail_lines}
        </g>
    })
}

fn level_slug(level: Level) -> &'static str {
    match level {
        Level::VisiMisi => "visi-misi",
        Level::TujuanDaerah => "tujuan-daerah",
        Level::SasaranDaerah => "sasaran-daerah",
        Level::TujuanPd => "tujuan-pd",
        Level::SasaranStrategis => "sasaran-strategis",
        Level::SasaranProgram => "sasaran-program",
        Level::SasaranKegiatan => "sasaran-kegiatan",
        Level::SasaranSubKegiatan => "sasaran-sub-kegiatan",
        Level::Custom => "custom",
    }
}
