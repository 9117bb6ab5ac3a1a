use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::achievement::use_achievement;
use crate::core::outline::search;
use crate::core::present::Go;
use crate::i18n::{level_label, t, Key};
use crate::presentation::{use_presentation, Highlight};
use crate::state::use_editor;

/// Presentation mode's bar and keys: where we are ("3 / 25", the box's
/// level and statement), the keys, a search to jump to any box, and
/// buttons for those with a mouse. Arrow keys walk the tree (→ ← siblings,
/// ↓ first child, ↑ parent), Space / PageDown / PageUp (a clicker) go in
/// reading order, O shows the whole tree, D the details, C and L dim all
/// but crosscutting or lagging boxes, / searches, Escape leaves.
#[component]
pub fn Presenter() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let p = use_presentation();
    let cap = use_achievement();
    let searching = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let search_box = NodeRef::<leptos::html::Input>::new();
    let toggle_highlight = move |h: Highlight| {
        p.highlight.update(|now| *now = if *now == h { Highlight::None } else { h });
        if h == Highlight::Lagging {
            // Lagging is read from capaian, shown in colour.
            cap.shown.set(true);
            cap.colour.set(true);
        }
    };
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if !p.on.get_untracked() || searching.get_untracked() {
            return;
        }
        let go = match ev.key().as_str() {
            "ArrowRight" => Some(Go::NextSibling),
            "ArrowLeft" => Some(Go::PreviousSibling),
            "ArrowDown" => Some(Go::FirstChild),
            "ArrowUp" => Some(Go::Parent),
            " " | "PageDown" | "Enter" => Some(Go::Next),
            "PageUp" | "Backspace" => Some(Go::Previous),
            "Home" => Some(Go::First),
            "End" => Some(Go::Last),
            _ => None,
        };
        if let Some(go) = go {
            ev.prevent_default();
            p.go(go);
            return;
        }
        match ev.key().as_str() {
            "Escape" => p.stop(),
            "o" | "O" => p.overview(),
            "d" | "D" => editor.details.update(|d| *d = !*d),
            "g" | "G" => cap.chart_open.update(|o| *o = !*o),
            "c" | "C" => toggle_highlight(Highlight::Crosscutting),
            "l" | "L" => toggle_highlight(Highlight::Lagging),
            "/" | "f" | "F" => {
                ev.prevent_default();
                searching.set(true);
                request_animation_frame(move || {
                    if let Some(el) = search_box.get_untracked() {
                        let _ = el.focus();
                    }
                });
            }
            _ => return,
        }
        ev.prevent_default();
    });
    // The browser's own Escape leaves full screen without a keydown: leave too.
    let _ = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("fullscreenchange"), move |_| {
        let full = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.fullscreen_element().is_some());
        if !full {
            p.stop();
        }
    });
    let on_search = move |ev: leptos::ev::KeyboardEvent| {
        ev.stop_propagation();
        match ev.key().as_str() {
            "Enter" => {
                let q = query.get_untracked();
                let hit = editor.derived.tree.with_untracked(|t| {
                    t.as_ref().and_then(|t| editor.store.doc.with_untracked(|d| search(d, t, &q).first().copied()))
                });
                if let Some(i) = hit {
                    p.jump(i);
                }
                searching.set(false);
                query.set(String::new());
                focus_bar();
            }
            "Escape" => {
                searching.set(false);
                focus_bar();
            }
            _ => {}
        }
    };
    // Keys go to the bar from the start.
    Effect::new(move |_| {
        if p.on.get() {
            request_animation_frame(focus_bar);
        }
    });
    let here = move || {
        let i = p.steps.with(|s| s.get(p.at.get()).copied())?;
        editor.store.doc.with(|d| d.nodes.get_index(i).map(|(_, n)| (level_label(lang, n), n.kondisi.clone())))
    };
    let count = move || format!("{} / {}", p.at.get() + 1, p.steps.with(Vec::len));
    view! {
        <Show when=move || p.on.get()>
            <div class="presenter" role="region" aria-label=t(lang, Key::Present) tabindex="-1">
                <span class="present-count" role="status" aria-live="polite">
                    {count}
                    <span class="present-here">{move || here().map(|(level, kondisi)| format!("{level}: {kondisi}"))}</span>
                </span>
                <Show when=move || searching.get()>
                    <input node_ref=search_box class="present-search" type="search" aria-label=t(lang, Key::PresentSearch)
                        placeholder=t(lang, Key::PresentSearch) prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev)) on:keydown=on_search />
                </Show>
                <span class="present-keys">{t(lang, Key::PresentKeys)}</span>
                <button class="tool" on:click=move |_| p.go(Go::Previous) aria-label=t(lang, Key::PresentPrevious)>"‹"</button>
                <button class="tool" on:click=move |_| p.go(Go::Next) aria-label=t(lang, Key::PresentNext)>"›"</button>
                <button class="tool" on:click=move |_| p.overview()>{t(lang, Key::PresentOverview)}</button>
                <button class="tool" on:click=move |_| p.stop()>{t(lang, Key::PresentExit)}</button>
            </div>
        </Show>
    }
}

/// Keys go to the bar, not to a card (whose own keys would move the selection).
pub fn focus_bar() {
    let bar = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".presenter").ok().flatten());
    if let Some(el) = bar.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
