use std::collections::HashSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dialog::Dialog;
use super::tree_canvas::refocus;
use crate::core::history::Action;
use crate::core::model::NodeId;
use crate::core::ops::{self, OpError};
use crate::core::outline::fold;
use crate::i18n::{level_label, move_count, op_error, t, Key};
use crate::state::{use_editor, Editor};

/// Options listed at once: a 10k-node tree stays quick to filter and draw;
/// typing narrows the list.
const LIMIT: usize = 200;

/// Indentation stops deepening here (a real tree has eight levels).
const MAX_INDENT: u32 = 12;

/// A box the node may move under.
#[derive(Clone, Debug, PartialEq)]
struct Candidate {
    id: NodeId,
    depth: u32,
    kondisi: String,
    level: String,
    /// Statement and level name, folded for matching.
    folded: String,
    current_parent: bool,
}

/// What is being moved and where it may go.
#[derive(Clone, Debug, Default, PartialEq)]
struct Picking {
    name: String,
    candidates: Vec<Candidate>,
    /// Why it cannot move at all (the top box).
    refused: Option<String>,
}

/// "Pindahkan ke…": moves the box in `moving` (with its branch) under a box
/// found by typing; `Some` opens it, closing sets it back to `None`. The box
/// and its own branch are not offered.
#[component]
pub fn MovePicker(moving: RwSignal<Option<NodeId>>) -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let open = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    // Position of the active option in the shown list.
    let active = RwSignal::new(0usize);
    let error = RwSignal::new(None::<String>);
    let list = NodeRef::<leptos::html::Ul>::new();
    Effect::new(move |_| {
        let is_open = moving.with(Option::is_some);
        if is_open {
            query.set(String::new());
            active.set(0);
            error.set(None);
        }
        open.set(is_open);
    });
    Effect::new(move |_| {
        if !open.get() && moving.with_untracked(Option::is_some) {
            moving.set(None);
        }
    });
    let picking = Memo::new(move |_| moving.get().map(|id| picking(editor, id)));
    // Positions in `candidates` of the options shown, and how many match.
    let shown = Memo::new(move |_| {
        let words: Vec<String> = fold(&query.get()).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
        picking.with(|p| {
            let mut shown = Vec::new();
            let mut total = 0;
            for (k, c) in p.iter().flat_map(|p| p.candidates.iter()).enumerate() {
                if words.iter().all(|w| c.folded.contains(w.as_str())) {
                    total += 1;
                    if shown.len() < LIMIT {
                        shown.push(k);
                    }
                }
            }
            (shown, total)
        })
    });
    let option_id = |k: usize| format!("move-option-{k}");
    let choose = move |k: usize| {
        let Some(id) = moving.get_untracked() else { return };
        let parent = shown.with_untracked(|(s, _)| {
            s.get(k).and_then(|&c| picking.with_untracked(|p| p.as_ref().map(|p| p.candidates[c].id.clone())))
        });
        let Some(parent) = parent else { return };
        if editor.edit(Action::Move, None, |tx| ops::reparent(tx, &id, &parent).map(|()| Some(id.clone()))) {
            open.set(false);
            refocus(editor);
        } else {
            error.set(editor.alert.get_untracked());
        }
    };
    let go = move |k: usize| {
        let n = shown.with_untracked(|(s, _)| s.len());
        if n == 0 {
            return;
        }
        let k = k.min(n - 1);
        active.set(k);
        scroll_into_view(list, &option_id(k));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let k = active.get_untracked();
        match ev.key().as_str() {
            "ArrowDown" => go(k + 1),
            "ArrowUp" => go(k.saturating_sub(1)),
            "PageDown" => go(k + 10),
            "PageUp" => go(k.saturating_sub(10)),
            "Enter" => choose(k),
            // A search field would clear itself first; one Escape closes.
            "Escape" => open.set(false),
            _ => return,
        }
        ev.prevent_default();
    };
    let options = move || {
        let (shown, _) = shown.get();
        picking.with(|p| {
            let Some(p) = p else { return Vec::new() };
            shown
                .iter()
                .enumerate()
                .map(|(k, &c)| {
                    let c = &p.candidates[c];
                    let indent = format!("padding-left:{:.2}rem", 0.6 + 1.1 * f64::from(c.depth.min(MAX_INDENT)));
                    let kondisi = if c.kondisi.is_empty() { "…".to_owned() } else { c.kondisi.clone() };
                    let current = c.current_parent.then(|| format!(" · {}", t(lang, Key::MoveCurrentParent)));
                    // Spoken as "kondisi, level": the spans alone would run together.
                    let name = format!("{kondisi}, {}{}", c.level, current.as_deref().unwrap_or(""));
                    let current = current.map(|c| view! { <span class="move-current">{c}</span> });
                    view! {
                        <li role="option" id=option_id(k) style=indent aria-label=name
                            aria-selected=move || (active.get() == k).to_string()
                            on:click=move |_| choose(k)>
                            <span class="move-kondisi">{kondisi}</span>
                            <span class="move-level">{c.level.clone()}{current}</span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let status = move || {
        let (s, total) = shown.with(|(s, total)| (s.len(), *total));
        move_count(lang, s, total)
    };
    let message = move || error.get().or_else(|| picking.with(|p| p.as_ref().and_then(|p| p.refused.clone())));
    view! {
        <Dialog open=open title=t(lang, Key::MoveTo) class="move-picker" light_dismiss=true>
            <p class="dialog-sub">
                <span class="dialog-label">{t(lang, Key::MoveMoving)}": "</span>
                <strong>{move || picking.with(|p| p.as_ref().map(|p| p.name.clone()))}</strong>
            </p>
            <p class="dialog-note" id="move-hint">{t(lang, Key::MoveHint)}</p>
            <label class="field">
                <span>{t(lang, Key::MoveSearch)}</span>
                <input type="search" autocomplete="off" spellcheck="false"
                    aria-controls="move-options" aria-describedby="move-hint"
                    aria-activedescendant=move || shown.with(|(s, _)| (!s.is_empty()).then(|| option_id(active.get())))
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        active.set(0);
                        error.set(None);
                        if let Some(l) = list.get_untracked() { l.set_scroll_top(0) }
                    }
                    on:keydown=on_key />
            </label>
            <ul class="move-options" id="move-options" role="listbox" aria-label=t(lang, Key::MoveTargets) node_ref=list>
                {options}
            </ul>
            <p class="move-status" aria-live="polite">{status}</p>
            {move || message().map(|m| view! { <p class="dialog-error" role="alert">{m}</p> })}
            <div class="dialog-actions">
                <button type="button" class="tool" on:click=move |_| open.set(false)>{t(lang, Key::DialogCancel)}</button>
            </div>
        </Dialog>
    }
}

/// The boxes `id` may move under, in tree order: all but itself and its branch.
fn picking(editor: Editor, id: NodeId) -> Picking {
    let lang = editor.lang;
    editor.derived.tree.with_untracked(|tree| {
        editor.store.doc.with_untracked(|d| {
            let Some(node) = d.nodes.get(&id) else {
                return Picking { refused: Some(op_error(lang, &OpError::NotFound(id))), ..Picking::default() };
            };
            let name = format!(
                "{} ({})",
                if node.kondisi.trim().is_empty() { "…" } else { node.kondisi.trim() },
                level_label(lang, node)
            );
            let refused = node.parent.is_none().then(|| op_error(lang, &OpError::Root));
            let parent = node.parent.clone();
            let own: HashSet<NodeId> = ops::subtree(d, &id).into_iter().collect();
            let candidates = tree
                .as_ref()
                .filter(|_| refused.is_none())
                .map(|tree| {
                    tree.preorder()
                        .into_iter()
                        .filter_map(|i| {
                            let n = &d.nodes[i];
                            if own.contains(&n.id) {
                                return None;
                            }
                            let level = level_label(lang, n);
                            let kondisi = n.kondisi.trim().to_owned();
                            Some(Candidate {
                                id: n.id.clone(),
                                depth: tree.depth[i],
                                folded: fold(&format!("{kondisi} {level}")),
                                kondisi,
                                level,
                                current_parent: parent.as_ref() == Some(&n.id),
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            Picking { name, candidates, refused }
        })
    })
}

/// Scrolls the listbox just enough to show option `id`.
fn scroll_into_view(list: NodeRef<leptos::html::Ul>, id: &str) {
    let Some(list) = list.get_untracked() else { return };
    let Some(option) = list.query_selector(&format!("#{id}")).ok().flatten() else { return };
    let Ok(option) = option.dyn_into::<web_sys::HtmlElement>() else { return };
    let (top, bottom) = (option.offset_top(), option.offset_top() + option.offset_height());
    let (scroll, height) = (list.scroll_top(), list.client_height());
    if top < scroll {
        list.set_scroll_top(top);
    } else if bottom > scroll + height {
        list.set_scroll_top(bottom - height);
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{move_count, Lang};

    #[test]
    fn the_count_says_how_many_more_match_in_each_language() {
        assert_eq!(move_count(Lang::Id, 5, 5), "5 kotak");
        assert_eq!(move_count(Lang::En, 1, 1), "1 box");
        assert_eq!(move_count(Lang::Id, 200, 10_000), "200 dari 10.000 kotak ditampilkan; ketik untuk mempersempit.");
        assert_eq!(move_count(Lang::En, 200, 1_234_567), "Showing 200 of 1,234,567 boxes; type to narrow the list.");
        assert_eq!(move_count(Lang::Id, 0, 0), "Tidak ada kotak yang cocok.");
    }
}
