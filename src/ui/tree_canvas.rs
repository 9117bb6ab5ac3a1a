use leptos::prelude::*;

use super::tree_card::TreeCard;
use crate::core::layout::GAP_Y;
use crate::i18n::{t, Key};
use crate::state::use_editor;

const MARGIN: f64 = 24.0;

/// The whole tree as one SVG scaled to fit the canvas area.
#[component]
pub fn TreeCanvas() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let svg = move || {
        editor.view.with(|v| {
            v.as_ref().map(|v| {
                let l = &v.layout;
                let view_box =
                    format!("{} {} {} {}", -MARGIN, -MARGIN, l.width + 2.0 * MARGIN, l.height + 2.0 * MARGIN);
                let edges: String = (0..v.tree.len())
                    .filter_map(|i| v.tree.parent[i].map(|p| (p, i)))
                    .map(|(p, c)| {
                        let (pr, cr) = (l.rects[p], l.rects[c]);
                        let mid = cr.y - GAP_Y / 2.0;
                        format!(
                            "M{:.1} {:.1}V{:.1}H{:.1}V{:.1}",
                            pr.x + pr.w / 2.0,
                            pr.y + pr.h,
                            mid,
                            cr.x + cr.w / 2.0,
                            cr.y
                        )
                    })
                    .collect();
                let cards = v.tree.preorder().into_iter().map(|i| view! { <TreeCard index=i /> }).collect_view();
                view! {
                    <svg
                        class="tree"
                        role="tree"
                        aria-label=t(lang, Key::TreeLabel)
                        viewBox=view_box
                        preserveAspectRatio="xMidYMin meet"
                    >
                        <path class="edges" d=edges />
                        {cards}
                    </svg>
                }
            })
        })
    };
    view! {
        <section class="canvas" aria-label=t(lang, Key::Canvas)>
            {svg}
        </section>
    }
}
