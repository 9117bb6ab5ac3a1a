use leptos::prelude::*;
use std::time::Duration;

use super::inspector::{Folded, MetaInspector, NodeInspector};
use crate::i18n::{t, Key};
use crate::prefs::{clamp_width, use_prefs};
use crate::state::{use_editor, Editor};

/// Keyboard step when resizing the panel with the arrow keys.
const RESIZE_STEP: f64 = 24.0;

/// The inspector: the selected box, or the document when nothing is selected.
/// It can be hidden (toolbar toggle, Ctrl+\) and resized by dragging its
/// edge; on a narrow window it is a drawer over the tree.
#[component]
pub fn SidePanel() -> impl IntoView {
    let editor = use_editor();
    let prefs = use_prefs();
    let lang = editor.lang;
    Folded::provide();
    // The forms follow the selection. After an edit (add, delete, undo…)
    // they follow once the tree has drawn it: building them (hundreds of
    // elements) in that frame would make the edit wait for the panel. They
    // are rebuilt only when the box really changes, so the input being
    // typed in stays.
    Effect::new(move |seen: Option<u64>| {
        // Runs after every edit too, so `seen` is the count before this change.
        let edits = editor.store.edits.get();
        if editor.selected.get() != editor.inspected.get_untracked() {
            if seen.is_some_and(|seen| seen != edits) {
                request_animation_frame(move || set_timeout(move || catch_up(editor), Duration::ZERO));
            } else {
                catch_up(editor);
            }
        }
        edits
    });
    let selected = Memo::new(move |_| editor.inspected.get());
    let body = move || match selected.get() {
        Some(id) => view! { <NodeInspector id /> }.into_any(),
        None => view! { <MetaInspector /> }.into_any(),
    };
    let resizing = StoredValue::new(false);
    let resize_to = move |client_x: f64| {
        let right = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(0.0);
        prefs.panel_width.set(clamp_width(right - client_x));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta = match ev.key().as_str() {
            "ArrowLeft" => RESIZE_STEP,
            "ArrowRight" => -RESIZE_STEP,
            _ => return,
        };
        ev.prevent_default();
        prefs.panel_width.update(|w| *w = clamp_width(*w + delta));
    };
    view! {
        <aside id="side-panel" class="side-panel" aria-label=t(lang, Key::SidePanel) hidden=move || !prefs.panel.get()
            style:width=move || format!("{}px", prefs.panel_width.get())>
            <div
                class="panel-resize"
                role="separator"
                tabindex="0"
                aria-orientation="vertical"
                aria-label=t(lang, Key::ResizePanel)
                aria-valuenow=move || format!("{:.0}", prefs.panel_width.get())
                on:pointerdown=move |ev| {
                    if let Some(el) = event_target::<web_sys::Element>(&ev).into() {
                        let _ = el.set_pointer_capture(ev.pointer_id());
                    }
                    resizing.set_value(true);
                }
                on:pointermove=move |ev| if resizing.get_value() { resize_to(ev.client_x() as f64) }
                on:pointerup=move |_| resizing.set_value(false)
                on:pointercancel=move |_| resizing.set_value(false)
                on:keydown=on_key
            ></div>
            <div class="panel-head">
                <h2>{t(lang, Key::Details)}</h2>
                <button class="dialog-close" aria-label=t(lang, Key::HidePanel) title=t(lang, Key::HidePanel)
                    on:click=move |_| prefs.panel.set(false)>"×"</button>
            </div>
            // A shared document is shown, not edited, until kept as a draft.
            <fieldset class="inspector-frame" disabled=move || editor.store.read_only()>{body}</fieldset>
        </aside>
    }
}

/// The panel shows the selected box now (where focus must go into it).
pub fn catch_up(editor: Editor) {
    let now = editor.selected.get_untracked();
    if editor.inspected.with_untracked(|i| *i != now) {
        editor.inspected.set(now);
    }
}
