use leptos::prelude::*;

use super::tree_canvas::Carry;
use crate::i18n::{t, Key};
use crate::state::use_editor;

/// While a card is carried: the card it would move under, outlined (red
/// where it may not go: itself or its own branch), and a label at the pointer.
#[component]
pub fn DropTarget(carry: RwSignal<Option<Carry>>) -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let target = move || {
        let c = carry.get()?;
        let r = editor.derived.layout.with(|l| l.rects.get(c.target?).copied().flatten())?;
        let v = editor.view.viewport.get();
        let (x, y) = v.to_screen(r.x, r.y);
        let style = format!(
            "left:{:.1}px;top:{:.1}px;width:{:.1}px;height:{:.1}px",
            x - 4.0,
            y - 4.0,
            r.w * v.k + 8.0,
            r.h * v.k + 8.0
        );
        Some(view! { <div class="drop-target" class:refused=!c.allowed style=style></div> })
    };
    let label = move || {
        let c = carry.get()?;
        let text = match (c.target, c.allowed) {
            (None, _) => t(lang, Key::DropHint),
            (Some(_), true) => t(lang, Key::DropHere),
            (Some(_), false) => t(lang, Key::DropRefused),
        };
        let style = format!("left:{:.1}px;top:{:.1}px", c.at.0 + 14.0, c.at.1 + 14.0);
        Some(
            view! { <div class="carry-label" class:refused=c.target.is_some() && !c.allowed style=style role="status">{text}</div> },
        )
    };
    view! { {target} {label} }
}
