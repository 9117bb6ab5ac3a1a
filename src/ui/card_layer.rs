use leptos::prelude::*;
use leptos::svg::G;
use std::collections::{HashMap, HashSet};
use std::time::Duration;
use wasm_bindgen::JsCast;

use super::kondisi_editor::begin;
use super::tree_canvas::Mounted;
use crate::achievement::use_achievement;
use crate::card_view::{markup, transform, Face, Look, LOOK_ATTRIBUTES};
use crate::core::model::NodeId;
use crate::presentation::use_presentation;
use crate::state::{use_editor, Editor};
use crate::web::quiet_focus;

/// The cards in view (or, in the overview, their bare tree items), each a
/// WAI-ARIA treeitem. Written by hand rather than as a component per card:
/// a view jump after an edit replaces every card in view, and building
/// them as one piece of markup, parsed at once, costs a fraction of a
/// reactive component each. A card is keyed by node and content revision
/// (an edit redraws the card it changed); the rest have only the
/// attributes and marks rewritten that changed. Events are handled here,
/// for all cards.
#[component]
pub fn CardLayer(mounted: Memo<Mounted>) -> impl IntoView {
    let editor = use_editor();
    let group = NodeRef::<G>::new();
    let layer = StoredValue::new_local(Layer::default());
    let look = looks(editor);
    // Bumped to draw the cards held back from the last redraw.
    let rest = RwSignal::new(0u32);
    Effect::new(move |_| {
        let Some(g) = group.get() else { return };
        rest.track();
        // Another document or other card options: everything is drawn anew.
        let era = (editor.store.generation.get(), editor.derived.card_options.get());
        editor.store.edits.track();
        let v = editor.view.placed.get();
        let wanted = mounted.with(|m| {
            let (items, drawn) = m.items();
            editor.store.doc.with_untracked(|d| {
                let items = items
                    .iter()
                    .filter_map(|&i| d.nodes.get_index(i).map(|(id, _)| (card_key(id, editor.store.rev(id)), i)))
                    .collect::<Vec<_>>();
                (items, drawn)
            })
        });
        let place = |i: usize| {
            editor.derived.layout.with(|l| {
                l.rects.get(i).copied().flatten().map(|r| {
                    let (x, y) = v.to_screen(r.x, r.y);
                    transform(x, y, v.k)
                })
            })
        };
        let (w, h) = editor.view.screen.get();
        let on_screen = |i: usize| {
            editor.derived.layout.with(|l| {
                l.rects.get(i).copied().flatten().is_some_and(|r| {
                    let (x, y) = v.to_screen(r.x, r.y);
                    x < w && y < h && x + r.w * v.k > 0.0 && y + r.h * v.k > 0.0
                })
            })
        };
        let held = layer
            .try_update_value(|layer| layer.show(editor, &g, era, wanted, &look, &place, &on_screen))
            .unwrap_or(false);
        if held {
            request_animation_frame(move || set_timeout(move || rest.update(|r| *r += 1), Duration::ZERO));
        }
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((i, _, target)) = item_of(editor, &ev) else { return };
        if target.closest(".toggle").ok().flatten().is_some() {
            ev.stop_propagation();
            editor.toggle_in_place(i, None);
        } else {
            editor.select(i);
            focus_card(editor, i);
        }
    };
    let on_dblclick = move |ev: leptos::ev::MouseEvent| {
        let Some((_, id, target)) = item_of(editor, &ev) else { return };
        if target.closest(".toggle").ok().flatten().is_none() {
            begin(editor, id);
        }
    };
    // Focus follows selection: a card reached by Tab becomes the selected one.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        let Some((_, id, _)) = item_of(editor, &ev) else { return };
        if editor.selected.with_untracked(|s| s.as_ref() != Some(&id)) {
            editor.selected.set(Some(id));
        }
    };
    view! { <g class="cards" node_ref=group on:click=on_click on:dblclick=on_dblclick on:focusin=on_focus></g> }
}

/// The node of the card an event happened in (index and id), and the
/// element it happened on.
fn item_of(editor: Editor, ev: &web_sys::Event) -> Option<(usize, NodeId, web_sys::Element)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let item = target.closest("[role=treeitem]").ok()??;
    let key = item.get_attribute(CARD_KEY)?;
    let id = key.rsplit_once('@')?.0;
    let i = editor.store.doc.with_untracked(|d| d.nodes.get_index_of(id))?;
    Some((i, id.to_owned(), target))
}

/// Computes the look of the card of node `i`, tracking what it reads.
type LookOf = Box<dyn Fn(usize) -> Look>;

fn looks(editor: Editor) -> LookOf {
    let achievement = use_achievement();
    let presenting = use_presentation();
    // Tested per card: a set, not the list of matches.
    let matched = Memo::new(move |_| editor.derived.matches.with(|m| m.iter().copied().collect::<HashSet<usize>>()));
    let current = Memo::new(move |_| editor.derived.matches.with(|m| m.get(editor.match_pos.get()).copied()));
    let selected = Memo::new(move |_| editor.selected_index_tracked());
    Box::new(move |i| {
        let selected = selected.get();
        let (depth, children, entry) = editor.derived.tree.with(|t| match t {
            Some(t) => {
                (t.depth.get(i).copied(), t.children.get(i).map_or(0, Vec::len), selected.is_none() && t.root == i)
            }
            None => (None, 0, false),
        });
        let capaian = achievement.of(i);
        Look {
            index: i,
            depth,
            children,
            collapsed: editor.outline.with(|o| o.is_collapsed(i)),
            selected: selected == Some(i),
            entry,
            on_path: presenting.on.get() && presenting.path.with(|p| p.contains(&i)),
            matched: matched.with(|m| m.contains(&i)),
            current_match: current.get() == Some(i),
            tint: capaian.is_some() && achievement.colour.get(),
            year: capaian.and_then(|_| achievement.year.get()),
            capaian,
            across: editor.derived.layout.with(|l| l.across),
        }
    })
}

/// A card on the tree and what was last written to it.
struct Shown {
    el: web_sys::Element,
    face: Face,
    written: Written,
}

impl Shown {
    /// Writes what changed of the card's look and place.
    fn update(&mut self, look: Look, transform: Option<String>, lang: crate::i18n::Lang) {
        let (el, w) = (&self.el, &mut self.written);
        if look != w.look {
            let attributes = look.attributes(&self.face);
            for ((name, old), new) in LOOK_ATTRIBUTES.iter().zip(&w.attributes).zip(&attributes) {
                if old != new {
                    let _ = match new {
                        Some(v) => el.set_attribute(name, v),
                        None => el.remove_attribute(name),
                    };
                }
            }
            let marks = look.marks(&self.face, lang);
            if marks != w.marks {
                if let Some(m) = el.last_element_child() {
                    m.set_inner_html(&marks);
                }
                w.marks = marks;
            }
            (w.look, w.attributes) = (look, attributes);
        }
        if transform != w.transform {
            let _ = match &transform {
                Some(t) => el.set_attribute("transform", t),
                None => el.remove_attribute("transform"),
            };
            w.transform = transform;
        }
    }
}

/// What a card's look and place wrote to it.
struct Written {
    look: Look,
    attributes: [Option<String>; 6],
    transform: Option<String>,
    marks: String,
}

/// Past this many new cards out of sight (the margin kept mounted around
/// the view), they are drawn after the frame: a jump of the view after an
/// edit then draws only what is seen.
const HOLD_BACK: usize = 3;

#[derive(Default)]
struct Layer {
    era: Option<(u64, crate::core::card::CardOptions)>,
    drawn: bool,
    /// Cards were held back: the next redraw draws them all.
    holding: bool,
    /// Keys in the order drawn (pre-order).
    order: Vec<String>,
    shown: HashMap<String, Shown>,
}

impl Layer {
    /// Draws the `wanted` items (key and node index, in pre-order): removes
    /// the others, updates the ones kept, and adds the new ones in place.
    /// Returns whether new cards out of sight were held back for later.
    #[allow(clippy::too_many_arguments)]
    fn show(
        &mut self,
        editor: Editor,
        g: &web_sys::SvgElement,
        era: (u64, crate::core::card::CardOptions),
        (wanted, drawn): (Vec<(String, usize)>, bool),
        look_of: &LookOf,
        place: &dyn Fn(usize) -> Option<String>,
        on_screen: &dyn Fn(usize) -> bool,
    ) -> bool {
        if self.era != Some(era) || self.drawn != drawn {
            g.set_inner_html("");
            self.shown.clear();
            self.order.clear();
            self.era = Some(era);
            self.drawn = drawn;
        }
        // Cards no longer wanted go last: one may hold focus, which moves
        // to the card wanted first.
        let keys: HashSet<&str> = wanted.iter().map(|(k, _)| k.as_str()).collect();
        let gone: Vec<Shown> =
            self.order.iter().filter(|k| !keys.contains(k.as_str())).filter_map(|k| self.shown.remove(k)).collect();
        for (key, i) in &wanted {
            if let Some(s) = self.shown.get_mut(key) {
                s.update(look_of(*i), if drawn { place(*i) } else { None }, editor.lang);
            }
        }
        // Kept cards out of order (siblings moved): put back in order.
        let kept: Vec<&str> = self.order.iter().map(String::as_str).filter(|k| self.shown.contains_key(*k)).collect();
        if !kept.iter().copied().eq(wanted.iter().map(|(k, _)| k.as_str()).filter(|k| self.shown.contains_key(*k))) {
            for (key, _) in &wanted {
                if let Some(s) = self.shown.get(key) {
                    let _ = g.append_child(&s.el);
                }
            }
        }
        // Many new cards out of sight (a jump of the view): only those in
        // sight now, the rest after the frame. Bare items are all drawn.
        let unseen = |(key, i): &&(String, usize)| !self.shown.contains_key(key) && !on_screen(*i);
        let hold = drawn && !self.holding && wanted.iter().filter(unseen).nth(HOLD_BACK - 1).is_some();
        self.holding = hold;
        // New cards, each run of them parsed in one piece before the kept card that follows.
        let mut run = String::new();
        let mut fresh: Vec<(String, Shown)> = Vec::new();
        let mut pending: Vec<(String, Face, Written)> = Vec::new();
        let fonts = editor.fonts.get_untracked();
        let opts = editor.derived.card_options.get_untracked();
        let mut flush = |run: &mut String, pending: &mut Vec<_>, before: Option<&web_sys::Element>| {
            if pending.is_empty() {
                return;
            }
            let anchor = match before {
                Some(el) => el.insert_adjacent_html("beforebegin", run).map(|()| el.previous_element_sibling()),
                None => g.insert_adjacent_html("beforeend", run).map(|()| g.last_element_child()),
            };
            run.clear();
            // The new elements are the run's, last first.
            let mut el = anchor.ok().flatten();
            for (key, face, written) in pending.drain(..).rev() {
                let Some(e) = el else { break };
                el = e.previous_element_sibling();
                fresh.push((key, Shown { el: e, face, written }));
            }
        };
        for (key, i) in &wanted {
            if let Some(s) = self.shown.get(key) {
                flush(&mut run, &mut pending, Some(&s.el));
                continue;
            }
            if hold && !on_screen(*i) {
                continue;
            }
            let face = editor.store.doc.with_untracked(|d| {
                let node = d.nodes.get_index(*i)?.1;
                Some(Face::new(editor.lang, key.clone(), node, drawn.then_some((&fonts, opts))))
            });
            let Some(face) = face else { continue };
            let look = look_of(*i);
            let attributes = look.attributes(&face);
            let transform = if drawn { place(*i) } else { None };
            let marks = look.marks(&face, editor.lang);
            markup(&mut run, &face, &attributes, transform.as_deref(), &marks);
            pending.push((key.clone(), face, Written { look, attributes, transform, marks }));
        }
        flush(&mut run, &mut pending, None);
        self.shown.extend(fresh);
        if let Some(id) = editor.card_focus.get_value() {
            let key = card_key(&id, editor.store.rev(&id));
            match self.shown.get(&key) {
                Some(s) => {
                    editor.card_focus.set_value(None);
                    let _ = s.el.unchecked_ref::<web_sys::SvgElement>().focus_with_options(&quiet_focus());
                }
                // Not in view yet: the tree holds focus meanwhile (keys act
                // on the selection there just the same).
                None => park_focus(),
            }
        }
        for s in gone {
            s.el.remove();
        }
        self.order = wanted.into_iter().map(|(k, _)| k).filter(|k| self.shown.contains_key(k)).collect();
        hold
    }
}

/// Focuses card `i` once it is mounted (after the view moved to it). At
/// once when the card drawn now is node `i` as it is now; else the card
/// layer focuses it as it draws it, before this task ends, so keys typed
/// right after reach it (see `CardLayer`). Focusing costs the browser a
/// style pass, so it is done once, on the card that stays.
pub fn focus_card(editor: Editor, i: usize) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let card = move || document.get_element_by_id(&format!("card-{i}"));
    let Some(id) = editor.index_of(i) else { return };
    let current = card_key(&id, editor.store.rev(&id));
    if let Some(el) = card().filter(|el| el.get_attribute(CARD_KEY).as_ref() == Some(&current)) {
        editor.card_focus.set_value(None);
        let _ = el.unchecked_into::<web_sys::SvgElement>().focus_with_options(&quiet_focus());
        return;
    }
    editor.card_focus.set_value(Some(id.clone()));
    // Not drawn in this task (a view that glides there): once the view has
    // moved, unless the user has gone on elsewhere meanwhile (a new box's
    // editor, the details panel): only focus that was lost or is on the tree.
    request_animation_frame(move || {
        if editor.card_focus.with_value(|f| f.as_ref() != Some(&id)) {
            return;
        }
        editor.card_focus.set_value(None);
        let elsewhere = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|el| el.tag_name() != "BODY" && el.closest("[role=tree]").ok().flatten().is_none());
        if !elsewhere {
            if let Some(el) = card() {
                let _ = el.unchecked_into::<web_sys::SvgElement>().focus_with_options(&quiet_focus());
            }
        }
    });
}

/// Where focus waits while the card to focus is not drawn: on the tree,
/// when it was on the canvas (a card, the in-place editor closing); focus
/// the user took elsewhere stays.
pub fn park_focus() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(active) = document.active_element() else { return };
    if active.closest(".canvas").ok().flatten().is_none() {
        return;
    }
    if let Some(tree) = document.query_selector("[role=tree]").ok().flatten() {
        if active != tree {
            let _ = tree.unchecked_into::<web_sys::SvgElement>().focus_with_options(&quiet_focus());
        }
    }
}

/// The attribute naming what a card draws: its node and content revision.
pub const CARD_KEY: &str = "data-key";

/// The value of `CARD_KEY` for node `id` at content revision `rev`.
pub fn card_key(id: &str, rev: u64) -> String {
    format!("{id}@{rev}")
}
