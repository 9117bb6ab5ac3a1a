use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::card_layer::focus_card;
use crate::core::card::{CardFonts, BAND_H, PAD};
use crate::core::model::NodeId;
use crate::i18n::{t, Key};
use crate::state::{use_editor, Editor};
use crate::web::quiet_focus;

/// Types a card's kondisi in place (double-click or F2): the card grows as
/// the text does; Enter or leaving commits (one undo step), Escape restores
/// the text it had.
#[component]
pub fn KondisiEditor() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let area = NodeRef::<leptos::html::Div>::new();
    let index = Memo::new(move |_| {
        editor.store.structure.track();
        editor.editing.with(|e| e.as_ref().and_then(|id| editor.store.doc.with_untracked(|d| d.nodes.get_index_of(id))))
    });
    let rect = move || {
        let i = index.get()?;
        let r = editor.derived.layout.with(|l| l.rects.get(i).copied().flatten())?;
        let v = editor.view.viewport.get();
        let (x, y) = v.to_screen(r.x, r.y);
        Some((x, y, r.w * v.k, r.h * v.k, v.k))
    };
    let style = move || {
        rect().map(|(x, y, w, h, k)| {
            format!(
                "left:{x:.1}px;top:{:.1}px;width:{w:.1}px;min-height:{:.1}px;font-size:{:.2}px;padding:{:.1}px",
                y + BAND_H * k,
                (h - BAND_H * k).max(0.0),
                CardFonts::KONDISI_PX * k,
                (PAD * k).max(2.0)
            )
        })
    };
    let close = move |commit: bool| {
        let Some(id) = editor.editing.get_untracked() else { return };
        if !commit {
            let text = area.get_untracked().and_then(|el| el.get_attribute(ORIGINAL)).unwrap_or_default();
            if let Some(el) = area.get_untracked() {
                el.set_text_content(Some(&text));
            }
            editor.set_node(&id, "kondisi", |n| n.kondisi = text);
        }
        editor.seal();
        let at = index.get_untracked();
        editor.editing.set(None);
        if let Some(i) = at {
            focus_card(editor, i);
        }
    };
    let on_input = move |_: leptos::ev::Event| {
        let Some(id) = editor.editing.get_untracked() else { return };
        let text = area.get_untracked().and_then(|el| el.text_content()).unwrap_or_default();
        editor.set_node(&id, "kondisi", |n| n.kondisi = text);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        ev.stop_propagation();
        match ev.key().as_str() {
            "Enter" if !ev.shift_key() => {
                ev.prevent_default();
                close(true);
            }
            "Escape" => {
                ev.prevent_default();
                close(false);
            }
            _ => {}
        }
    };
    // Always mounted, so that `begin` can focus it in the same event as
    // the key that asked for it: keys typed right after land in it. Plain
    // text in an editable box, not a textarea: Chromium takes 1–4 ms to
    // focus a textarea, a quarter of that for this.
    view! {
        <div
            class="kondisi-editor"
            node_ref=area
            contenteditable="plaintext-only"
            role="textbox"
            aria-multiline="true"
            spellcheck="false"
            hidden=move || style().is_none()
            style=move || style().unwrap_or_default()
            aria-label=t(lang, Key::EditKondisi)
            data-placeholder=t(lang, Key::KondisiPlaceholder)
            on:input=on_input
            on:keydown=on_key
            on:blur=move |_| close(true)
            on:pointerdown=|ev| ev.stop_propagation()
            on:wheel=|ev| ev.stop_propagation()
        ></div>
    }
}

/// Where the text before editing is kept, for Escape.
const ORIGINAL: &str = "data-original";

/// Starts typing node `id`'s kondisi in place: the editor opens with the
/// text selected and has the keyboard at once.
pub fn begin(editor: Editor, id: NodeId) {
    if editor.store.origin.with_untracked(|o| *o == crate::state::Origin::Link) {
        editor.alert.set(Some(crate::i18n::t(editor.lang, crate::i18n::Key::LinkReadOnly).to_owned()));
        return;
    }
    let text = editor.store.doc.with_untracked(|d| d.nodes.get(&id).map(|n| n.kondisi.clone())).unwrap_or_default();
    editor.seal();
    editor.editing.set(Some(id));
    let area = document().query_selector(".kondisi-editor").ok().flatten();
    if let Some(el) = area.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.set_attribute(ORIGINAL, &text);
        el.set_text_content(Some(&text));
        el.set_hidden(false);
        // It sits over the card, in view: scrolling to it would only make the
        // browser lay the page out now, before the tree has been redrawn.
        let _ = el.focus_with_options(&quiet_focus());
        if let Some(selection) = window().get_selection().ok().flatten() {
            let _ = selection.select_all_children(&el);
        }
    }
}

/// Whether keys typed now go to a text field (and not to the tree's shortcuts).
pub fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.get_attribute("contenteditable").is_some_and(|v| v != "false")
    })
}
