use leptos::prelude::*;

use super::tree_canvas::focus_card;
use crate::core::card::{Card, DetailKind, BAND_H, PAD};
use crate::core::model::Level;
use crate::i18n::level_label;
use crate::state::use_editor;

/// Below this zoom cards are plain boxes (on the overview canvas): their text
/// would be unreadable anyway.
pub const TEXT_ZOOM: f64 = 0.3;

/// One node as a card, placed in screen coordinates by the view transform.
#[component]
pub fn TreeCard(index: usize) -> impl IntoView {
    let editor = use_editor();
    let opts = editor.card_options.get_untracked();
    let card = editor.fonts.with_untracked(|f| {
        editor.doc.with_untracked(|d| d.nodes.get_index(index).map(|(_, n)| Card::of(n, f, opts)))
    })?;
    let child_count = editor.tree.with_untracked(|t| t.as_ref().map(|t| t.children[index].len()))?;
    let (node_level, label, lane, crosscutting) = editor.doc.with_untracked(|d| {
        let n = d.nodes.get_index(index)?.1;
        Some((n.level, level_label(editor.lang, n), n.lane.clone(), !n.crosscutting.is_empty()))
    })?;
    let band_text = if lane.is_empty() { label } else { format!("{label} · {lane}") };
    let band_text = editor.fonts.with_untracked(|f| Card::band_label(&band_text, f));

    let rect = Memo::new(move |_| editor.layout.with(|l| l.rects.get(index).copied().flatten()));
    let transform = move || {
        let (v, _) = editor.drawn.get();
        rect.get().map(|r| {
            let (x, y) = v.to_screen(r.x, r.y);
            format!("translate({x:.1} {y:.1}) scale({:.4})", v.k)
        })
    };
    let (selected, collapsed) = item_state(editor, index);
    let is_match = Memo::new(move |_| editor.matches.with(|m| m.contains(&index)));
    let is_current = Memo::new(move |_| {
        let pos = editor.match_pos.get();
        editor.matches.with(|m| m.get(pos) == Some(&index))
    });
    let select = move |_| {
        editor.select(index);
        focus_card(index);
    };
    let toggle = move |ev: leptos::ev::MouseEvent| {
        ev.stop_propagation();
        editor.reshape(|o, t| o.toggle(t, index));
    };

    let kondisi_lines = card
        .kondisi
        .iter()
        .enumerate()
        .map(|(i, line)| view! { <text class="kondisi" x=PAD y=Card::kondisi_y(i)>{line.clone()}</text> })
        .collect_view();
    let detail_lines = card
        .detail
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let class = match line.kind {
                DetailKind::Indikator => "detail",
                DetailKind::PenanggungJawab => "detail pj",
                DetailKind::Anggaran => "detail anggaran",
                DetailKind::Crosscutting => "detail cc",
            };
            view! { <text class=class x=PAD y=card.detail_y(i)>{line.text.clone()}</text> }
        })
        .collect_view();
    let text = view! {
        <text class="band-label" x=PAD y=BAND_H - 7.0>{band_text}</text>
        {kondisi_lines}
        {detail_lines}
    };
    let (w, h) = (card.w, card.h);
    let toggle_button = (child_count > 0).then(|| {
        view! {
            <g class="toggle" aria-hidden="true" transform=format!("translate({} {h})", w / 2.0) on:click=toggle>
                <circle r="10" />
                <text text-anchor="middle" y="4.5">{move || if collapsed.get() { format!("+{child_count}") } else { "−".to_owned() }}</text>
            </g>
        }
    });
    Some(view! {
        <TreeItem
            index=index
            selected=selected
            collapsed=collapsed
            attr:class=format!("card lvl-{}", level_slug(node_level))
            class:lane=!lane.is_empty()
            class:crosscutting=crosscutting
            class:selected=move || selected.get()
            class:match=move || is_match.get()
            class:current-match=move || is_current.get()
            transform=Signal::derive(transform)
            on:click=select
        >
            <rect class="card-bg" width=w height=h rx="6" />
            <path class="band" d=format!("M0 6a6 6 0 0 1 6-6h{:.1}a6 6 0 0 1 6 6v{BAND_H}h-{w:.1}z", w - 12.0) />
            {text}
            {toggle_button}
        </TreeItem>
    })
}

/// A bare treeitem for a node drawn on the overview canvas: the tree stays
/// navigable by keyboard and screen reader when zoomed far out.
#[component]
pub fn TreeItemStub(index: usize) -> impl IntoView {
    let (selected, collapsed) = item_state(use_editor(), index);
    view! { <TreeItem index=index selected=selected collapsed=collapsed /> }
}

/// What every node in the tree is, drawn as a card or bare: a WAI-ARIA
/// treeitem (name, level, expanded, selected) that Tab enters at the root and
/// that selects its node when focused.
#[component]
fn TreeItem(
    index: usize,
    selected: Memo<bool>,
    collapsed: Memo<bool>,
    /// Where a drawn card goes (SVG transform); a bare treeitem has none.
    #[prop(optional)]
    transform: Option<Signal<Option<String>>>,
    /// The card's drawing; a bare treeitem has none.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let editor = use_editor();
    let (name, depth, child_count) = item_facts(editor, index)?;
    Some(view! {
        <g
            id=format!("card-{index}")
            role="treeitem"
            aria-level=depth + 1
            aria-expanded=move || (child_count > 0).then(|| (!collapsed.get()).to_string())
            aria-selected=move || selected.get().to_string()
            aria-label=name
            tabindex=move || if selected.get() || is_entry(editor, index) { "0" } else { "-1" }
            transform=move || transform.and_then(|t| t.get())
            on:focus=move |_| select_on_focus(editor, index)
        >
            {children.map(|c| c())}
        </g>
    })
}

/// The accessible name (kondisi first, then level), depth and child count.
fn item_facts(editor: crate::state::Editor, index: usize) -> Option<(String, u32, usize)> {
    let (kondisi, label) = editor.doc.with_untracked(|d| {
        let n = d.nodes.get_index(index)?.1;
        Some((n.kondisi.trim().to_owned(), level_label(editor.lang, n)))
    })?;
    let (depth, child_count) =
        editor.tree.with_untracked(|t| t.as_ref().map(|t| (t.depth[index], t.children[index].len())))?;
    Some((format!("{}, {label}", if kondisi.is_empty() { "…" } else { &kondisi }), depth, child_count))
}

/// Whether node `index` is selected, and whether it is collapsed.
fn item_state(editor: crate::state::Editor, index: usize) -> (Memo<bool>, Memo<bool>) {
    let selected = Memo::new(move |_| editor.selected.with(|s| s.is_some()) && editor.selected_index() == Some(index));
    let collapsed = Memo::new(move |_| editor.outline.with(|o| o.is_collapsed(index)));
    (selected, collapsed)
}

/// With nothing selected, the root is where Tab enters the tree.
fn is_entry(editor: crate::state::Editor, index: usize) -> bool {
    editor.selected.with(|s| s.is_none()) && editor.tree.with(|t| t.as_ref().is_some_and(|t| t.root == index))
}

/// Focus follows selection: a card reached by Tab becomes the selected one.
fn select_on_focus(editor: crate::state::Editor, index: usize) {
    if editor.selected_index() != Some(index) {
        editor.selected.set(editor.index_of(index));
    }
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
