use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, Key};
use crate::state::use_editor;

/// A modal `<dialog>`, shown with `showModal()` while `open` is true: the
/// page behind is inert, Escape (the browser's `cancel`) or the close button
/// closes it and sets `open` back to false. It is named by its heading; on
/// opening, focus goes to the element marked `data-autofocus`, else to the
/// first field, else to the close button; on closing, back where it was.
///
/// Keys pressed inside stay inside, so the editor's shortcuts (undo, `?`)
/// do not act on the document behind it.
#[component]
pub fn Dialog(
    open: RwSignal<bool>,
    /// The heading, and the dialog's accessible name.
    title: &'static str,
    /// Added to the `<dialog>`'s classes (its size).
    #[prop(optional)]
    class: &'static str,
    /// A click on the backdrop closes it too; leave off where closing
    /// would lose what was typed.
    #[prop(optional)]
    light_dismiss: bool,
    children: Children,
) -> impl IntoView {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let heading = format!("dialog-{}-title", COUNT.fetch_add(1, Ordering::Relaxed));
    let labelled_by = heading.clone();
    let lang = use_editor().lang;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Where focus was before opening; the browser returns it there itself,
    // this is for when that element has gone meanwhile.
    let previous = StoredValue::new_local(None::<web_sys::Element>);
    Effect::new(move |_| {
        let want = open.get();
        let Some(el) = dialog.get() else { return };
        if want && !el.open() {
            previous.set_value(active_element());
            match el.show_modal() {
                Ok(()) => focus_first(&el),
                // Not connected or already open elsewhere: stay closed.
                Err(_) => open.set(false),
            }
        } else if !want && el.open() {
            el.close();
        }
    });
    let on_close = move |_| {
        // A `close` that arrives after the dialog was opened again is stale.
        if dialog.get_untracked().is_some_and(|el| el.open()) {
            return;
        }
        if open.get_untracked() {
            open.set(false);
        }
        let previous = previous.try_update_value(Option::take).flatten();
        let lost = active_element().is_none_or(|a| a.tag_name() == "BODY");
        if let Some(el) = previous.filter(|el| lost && el.is_connected()) {
            focus(&el);
        }
    };
    // The dialog has no padding, so an event on the dialog element itself
    // (not on what is inside) is on the backdrop. Pressed there too: a drag
    // that starts in a field and ends outside is not a click on the backdrop.
    let on_backdrop = move |ev: &web_sys::Event| {
        dialog.get_untracked().zip(ev.target()).is_some_and(|(d, t)| {
            let (d, t): (&wasm_bindgen::JsValue, &wasm_bindgen::JsValue) = (d.as_ref(), t.as_ref());
            d == t
        })
    };
    let pressed_on_backdrop = StoredValue::new(false);
    let on_pointerdown = move |ev: leptos::ev::PointerEvent| pressed_on_backdrop.set_value(on_backdrop(&ev));
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if light_dismiss && pressed_on_backdrop.get_value() && on_backdrop(&ev) {
            open.set(false);
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class=format!("dialog {class}")
            aria-labelledby=labelled_by
            on:close=on_close
            on:pointerdown=on_pointerdown
            on:click=on_click
            on:keydown=|ev| ev.stop_propagation()
        >
            <div class="dialog-frame">
                <div class="dialog-head">
                    <h2 id=heading>{title}</h2>
                    <button type="button" class="dialog-close" aria-label=t(lang, Key::Close) title=t(lang, Key::Close)
                        on:click=move |_| open.set(false)>"×"</button>
                </div>
                {children()}
            </div>
        </dialog>
    }
}

fn active_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

/// Focuses an HTML or SVG element (a tree card is SVG).
fn focus(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    } else if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = el.focus();
    }
}

/// The element marked `data-autofocus`, else the first field; without
/// either, the browser's choice (the close button) stands.
fn focus_first(dialog: &web_sys::HtmlDialogElement) {
    const FIELDS: &str = "input:not([type=hidden]):not([disabled]), select, textarea";
    let marked = dialog.query_selector("[data-autofocus]").ok().flatten();
    if let Some(el) = marked.or_else(|| dialog.query_selector(FIELDS).ok().flatten()) {
        focus(&el);
    }
}
