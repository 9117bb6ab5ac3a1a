//! The inspector: the side panel's forms for every field of the document's
//! metadata and of the selected node.
//!
//! Every change goes through the editor (`set_node`, `set_meta`) under a
//! field key naming the input, so typing into one input is one undo step,
//! sealed when the input is left. Inputs read their own value reactively
//! (undo and redo show in them) and lists are keyed by position, so typing
//! never re-creates the focused input.

mod anggaran_editor;
mod crosscutting_editor;
mod grid_cell;
mod indikator_editor;
mod indikator_more;
mod inspected;
mod item_buttons;
mod item_head;
mod item_list;
mod jenis_field;
mod level_field;
mod list;
mod meta_inspector;
mod node_fields;
mod node_inspector;
mod parsed_field;
mod section;
mod select_field;
mod text_field;
mod values;
mod year_grid;

pub use meta_inspector::MetaInspector;
pub use node_inspector::NodeInspector;
pub use section::Folded;

use leptos::prelude::request_animation_frame;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::JsCast;

use crate::core::value::{Nilai, NilaiError};
use crate::i18n::{t, Key, Lang};

/// Why a typed value gives no number for capaian; `None` when it does or is blank.
fn nilai_warning(lang: Lang, text: &str) -> Option<&'static str> {
    match Nilai::new(text).parse() {
        Ok(_) | Err(NilaiError::Empty) => None,
        Err(NilaiError::Ambiguous(_)) => Some(t(lang, Key::NilaiAmbigu)),
        Err(NilaiError::NotANumber(_)) => Some(t(lang, Key::NilaiBukanAngka)),
    }
}

/// A fresh element id, for `aria-describedby`.
fn uid(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Focuses the element `id` once the view has caught up with an edit.
fn focus_later(id: String) {
    request_animation_frame(move || {
        let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id));
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}
