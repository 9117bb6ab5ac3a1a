use leptos::prelude::*;

use super::kondisi_editor::begin;
use super::tree_canvas::{card_key, focus_card};
use crate::achievement::{percent, use_achievement};
use crate::core::capaian::Band;
use crate::core::card::{Card, BAND_H, INNER_W, PAD};
use crate::core::model::{Level, NodeId};
use crate::i18n::{band_name, level_label, t, Key, Lang};
use crate::presentation::use_presentation;
use crate::state::{use_editor, Editor};

/// Width of the capaian badge on a card's band.
const BADGE_W: f64 = 50.0;

fn band_slug(band: Band) -> &'static str {
    match band {
        Band::SangatBaik => "sangat-baik",
        Band::Baik => "baik",
        Band::Cukup => "cukup",
        Band::Kurang => "kurang",
    }
}

/// One node as a card, placed in screen coordinates by the view transform.
/// Mounted per node and content revision: an edit to the node remounts it,
/// a move elsewhere only moves it.
#[component]
pub fn TreeCard(id: NodeId) -> impl IntoView {
    let editor = use_editor();
    let index = node_index(editor, id.clone());
    let start = index.get_untracked()?;
    let opts = editor.derived.card_options.get_untracked();
    let card = editor.fonts.with_untracked(|f| {
        editor.store.doc.with_untracked(|d| d.nodes.get_index(start).map(|(_, n)| Card::of(n, f, opts)))
    })?;
    let (node_level, label, lane, crosscutting) = editor.store.doc.with_untracked(|d| {
        let n = d.nodes.get_index(start)?.1;
        Some((n.level, level_label(editor.lang, n), n.lane.clone(), !n.crosscutting.is_empty()))
    })?;
    let band_full = if lane.is_empty() { label } else { format!("{label} · {lane}") };
    let (band_text, band_short) = editor.fonts.with_untracked(|f| {
        (Card::band_label(&band_full, f), Card::band_label_within(&band_full, f, INNER_W - BADGE_W - 6.0))
    });
    let achievement = use_achievement();
    let presenting = use_presentation();
    let capaian = Memo::new(move |_| index.get().and_then(|i| achievement.of(i)));
    // A label cut short shows its whole text on hover.
    let band_title = (band_short != band_full).then(|| view! { <title>{band_full}</title> });
    let band_text = move || if capaian.with(Option::is_some) { band_short.clone() } else { band_text.clone() };

    let rect =
        Memo::new(move |_| index.get().and_then(|i| editor.derived.layout.with(|l| l.rects.get(i).copied().flatten())));
    let transform = move || {
        let v = editor.view.placed.get();
        rect.get().map(|r| {
            let (x, y) = v.to_screen(r.x, r.y);
            format!("translate({x:.1} {y:.1}) scale({:.4})", v.k)
        })
    };
    let (selected, collapsed, child_count) = item_state(editor, id.clone(), index);
    let edit_id = id.clone();
    let is_match = Memo::new(move |_| index.get().is_some_and(|i| editor.derived.matches.with(|m| m.contains(&i))));
    let is_current = Memo::new(move |_| {
        let pos = editor.match_pos.get();
        index.get().is_some_and(|i| editor.derived.matches.with(|m| m.get(pos) == Some(&i)))
    });
    let select = move |_| {
        if let Some(i) = index.get_untracked() {
            editor.select(i);
            focus_card(editor, i);
        }
    };
    let toggle = move |ev: leptos::ev::MouseEvent| {
        ev.stop_propagation();
        if let Some(i) = index.get_untracked() {
            editor.toggle_in_place(i, None);
        }
    };

    // The fixed part (box, band, statement and detail lines) in one piece.
    let face = card.markup(t(editor.lang, Key::KondisiEmpty));
    let (w, h) = (card.w, card.h);
    // Capaian for the year, on the band's right: the number is always shown,
    // the colour (and the card's tint) repeats its band.
    let lang = editor.lang;
    let badge = move || {
        let (value, band) = capaian.get()?;
        let text = percent(value, lang == Lang::En);
        let year = achievement.year.get().unwrap_or_default();
        let title = t(lang, Key::CapaianBadge)
            .replace("{year}", &year.to_string())
            .replace("{value}", &text)
            .replace("{band}", band_name(lang, band));
        Some(view! {
            <g class=format!("badge {}", band_slug(band)) transform=format!("translate({:.1} 3.5)", w - BADGE_W - 4.0)>
                <title>{title}</title>
                <rect width=BADGE_W height="15" rx="7.5" />
                <text x=BADGE_W / 2.0 y="11.5" text-anchor="middle">{text}</text>
            </g>
        })
    };
    // One class attribute, written when one of its parts changes: a card
    // mounts with one effect for it, not one per class.
    let base = format!(
        "card lvl-{}{}{}",
        level_slug(node_level),
        if lane.is_empty() { "" } else { " lane" },
        if crosscutting { " crosscutting" } else { "" }
    );
    let class = move || {
        let mut class = base.clone();
        let on_path = presenting.on.get() && index.get().is_some_and(|i| presenting.path.with(|p| p.contains(&i)));
        let tint = capaian.get().filter(|_| achievement.colour.get()).map(|(_, band)| band_slug(band));
        for (on, name) in [
            (selected.get(), "selected"),
            (on_path, "on-path"),
            (is_match.get(), "match"),
            (is_current.get(), "current-match"),
        ] {
            if on {
                class.push(' ');
                class.push_str(name);
            }
        }
        if let Some(band) = tint {
            class.push_str(" cap-");
            class.push_str(band);
        }
        class
    };
    // Where the connectors to the children leave the card.
    let toggle_at = move || {
        if editor.derived.layout.with(|l| l.across) {
            format!("translate({w} {})", h / 2.0)
        } else {
            format!("translate({} {h})", w / 2.0)
        }
    };
    let toggle_button = move || {
        (child_count.get() > 0).then(|| {
            view! {
                <g class="toggle" aria-hidden="true" transform=toggle_at on:click=toggle>
                    <circle r="10" />
                    <text text-anchor="middle" y="4.5">
                        {move || if collapsed.get() { format!("+{}", child_count.get()) } else { "−".to_owned() }}
                    </text>
                </g>
            }
        })
    };
    Some(view! {
        <TreeItem
            id=id
            index=index
            selected=selected
            collapsed=collapsed
            child_count=child_count
            attr:class=class
            transform=Signal::derive(transform)
            on:click=select
            on:dblclick=move |_| begin(editor, edit_id.clone())
        >
            <g inner_html=face></g>
            <text class="band-label" x=PAD y=BAND_H - 7.0>{band_text}{band_title}</text>
            {badge}
            {toggle_button}
        </TreeItem>
    })
}

/// A bare treeitem for a node drawn on the overview canvas: the tree stays
/// navigable by keyboard and screen reader when zoomed far out.
#[component]
pub fn TreeItemStub(id: NodeId) -> impl IntoView {
    let editor = use_editor();
    let index = node_index(editor, id.clone());
    let (selected, collapsed, child_count) = item_state(editor, id.clone(), index);
    view! { <TreeItem id=id index=index selected=selected collapsed=collapsed child_count=child_count /> }
}

/// Where node `id` is in the document, following edits that move it.
fn node_index(editor: Editor, id: NodeId) -> Memo<Option<usize>> {
    Memo::new(move |_| {
        editor.store.structure.track();
        editor.store.generation.track();
        editor.store.doc.with_untracked(|d| d.nodes.get_index_of(&id))
    })
}

/// What every node in the tree is, drawn as a card or bare: a WAI-ARIA
/// treeitem (name, level, expanded, selected) that Tab enters at the root and
/// that selects its node when focused.
#[component]
fn TreeItem(
    id: NodeId,
    index: Memo<Option<usize>>,
    selected: Memo<bool>,
    collapsed: Memo<bool>,
    child_count: Memo<usize>,
    /// Where a drawn card goes (SVG transform); a bare treeitem has none.
    #[prop(optional)]
    transform: Option<Signal<Option<String>>>,
    /// The card's drawing; a bare treeitem has none.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let editor = use_editor();
    let name = item_name(editor, &id)?;
    let key = card_key(&id, editor.store.rev(&id));
    let depth = move || index.get().and_then(|i| editor.derived.tree.with(|t| t.as_ref().map(|t| t.depth[i] + 1)));
    Some(view! {
        <g
            id=move || index.get().map(|i| format!("card-{i}"))
            data-key=key
            role="treeitem"
            aria-level=depth
            aria-expanded=move || (child_count.get() > 0).then(|| (!collapsed.get()).to_string())
            aria-selected=move || selected.get().to_string()
            aria-label=name
            tabindex=move || if selected.get() || is_entry(editor, index) { "0" } else { "-1" }
            transform=move || transform.and_then(|t| t.get())
            on:focus=move |_| select_on_focus(editor, &id)
        >
            {children.map(|c| c())}
        </g>
    })
}

/// The accessible name: kondisi first, then level.
fn item_name(editor: Editor, id: &str) -> Option<String> {
    let (kondisi, label) = editor.store.doc.with_untracked(|d| {
        let n = d.nodes.get(id)?;
        Some((n.kondisi.trim().to_owned(), level_label(editor.lang, n)))
    })?;
    let kondisi = if kondisi.is_empty() { t(editor.lang, Key::KondisiEmpty) } else { &kondisi };
    Some(format!("{kondisi}, {label}"))
}

/// Whether node `id` is selected, whether it is collapsed, and its child count.
fn item_state(editor: Editor, id: NodeId, index: Memo<Option<usize>>) -> (Memo<bool>, Memo<bool>, Memo<usize>) {
    let selected = Memo::new(move |_| editor.selected.with(|s| s.as_deref() == Some(id.as_str())));
    let collapsed = Memo::new(move |_| index.get().is_some_and(|i| editor.outline.with(|o| o.is_collapsed(i))));
    let child_count = Memo::new(move |_| {
        index.get().and_then(|i| editor.derived.tree.with(|t| t.as_ref().map(|t| t.children[i].len()))).unwrap_or(0)
    });
    (selected, collapsed, child_count)
}

/// With nothing selected, the root is where Tab enters the tree.
fn is_entry(editor: Editor, index: Memo<Option<usize>>) -> bool {
    editor.selected.with(|s| s.is_none())
        && index.get().is_some_and(|i| editor.derived.tree.with(|t| t.as_ref().is_some_and(|t| t.root == i)))
}

/// Focus follows selection: a card reached by Tab becomes the selected one.
fn select_on_focus(editor: Editor, id: &str) {
    if editor.selected.with_untracked(|s| s.as_deref() != Some(id)) {
        editor.selected.set(Some(id.to_owned()));
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
