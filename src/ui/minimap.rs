use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::layout::Rect;
use crate::core::raster::{Pixels, Rgba};
use crate::core::viewport::Viewport;
use crate::i18n::{t, Key};
use crate::prefs::use_prefs;
use crate::state::use_editor;
use crate::web::put_pixels;

const W: f64 = 220.0;
const H: f64 = 150.0;
const PAD: f64 = 6.0;
const BOX: Rgba = [0x7d, 0x8a, 0xa0, 255];
/// Its distance from the canvas's edges (`style/main.css`).
const INSET: f64 = 12.0;

/// An overview of the whole tree with the visible part outlined; press or
/// drag on it to move there. Shown only when the tree is larger than the view
/// (and the user has not hidden it); it moves to the other corner rather
/// than cover the selected box.
#[component]
pub fn Minimap() -> impl IntoView {
    let editor = use_editor();
    let wanted = use_prefs().minimap;
    let aside = Memo::new(move |_| {
        let (w, h) = editor.view.screen.get();
        let corner = Rect { x: w - INSET - W, y: h - INSET - H, w: W, h: H };
        let Some(i) = editor.selected_index_tracked() else { return false };
        editor.derived.layout.with(|l| l.rects.get(i).copied().flatten()).is_some_and(|r| {
            let v = editor.view.viewport.get();
            let (x, y) = v.to_screen(r.x, r.y);
            corner.overlaps(&Rect { x, y, w: r.w * v.k, h: r.h * v.k })
        })
    });
    let base = NodeRef::<Canvas>::new();
    let frame = NodeRef::<Canvas>::new();
    let needed = Memo::new(move |_| {
        let (w, h) = editor.view.screen.get();
        let b = editor.derived.layout.with(|l| l.bounds);
        let k = editor.view.viewport.with(|v| v.k);
        b.w * k > w + 1.0 || b.h * k > h + 1.0
    });
    // The tree is painted once per layout, from pixels (one canvas call
    // however many boxes); only the frame follows the view. After the frame
    // that shows an edit: a map a frame late is not missed, the edit would be.
    let paint = move || {
        editor.derived.layout.with_untracked(|l| {
            if let (true, Some(ctx)) = (needed.get_untracked() && wanted.get_untracked(), context(base)) {
                let m = map(l.bounds);
                let mut px = Pixels::default();
                px.clear(W as usize, H as usize);
                for r in l.rects.iter().flatten() {
                    let (x, y) = m.to_screen(r.x, r.y);
                    px.fill(x, y, r.w * m.k, r.h * m.k, BOX);
                }
                put_pixels(&ctx, &px);
            }
        })
    };
    let queued = StoredValue::new(false);
    Effect::new(move |_| {
        needed.track();
        wanted.track();
        editor.derived.layout.track();
        if !queued.get_value() {
            queued.set_value(true);
            // After the frame that shows the edit (a timer queued now could
            // run before it): the map can wait, the tree cannot.
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        // Unmounted meanwhile: nothing to paint.
                        if queued.try_set_value(false).is_none() {
                            paint();
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
    });
    Effect::new(move |_| {
        let (v, (w, h)) = (editor.view.viewport.get(), editor.view.screen.get());
        let bounds = editor.derived.layout.with(|l| l.bounds);
        if let (true, Some(ctx)) = (needed.get() && wanted.get(), context(frame)) {
            let m = map(bounds);
            let seen = v.visible_world(w, h, 0.0);
            let (x, y) = m.to_screen(seen.x, seen.y);
            ctx.clear_rect(0.0, 0.0, W, H);
            ctx.set_stroke_style_str("#d35400");
            ctx.set_line_width(2.0);
            ctx.stroke_rect(x, y, seen.w * m.k, seen.h * m.k);
        }
    });
    let dragging = StoredValue::new(false);
    let go = move |ev: &web_sys::PointerEvent| {
        let Some(el) = frame.get_untracked() else { return };
        let r = el.get_bounding_client_rect();
        let m = map(editor.derived.layout.with_untracked(|l| l.bounds));
        let (wx, wy) = m.to_world(ev.client_x() as f64 - r.left(), ev.client_y() as f64 - r.top());
        let (w, h) = editor.view.screen.get_untracked();
        editor.move_view(|v| Viewport { tx: w / 2.0 - wx * v.k, ty: h / 2.0 - wy * v.k, ..*v });
    };
    view! {
        <div class="minimap" role="img" aria-label=t(editor.lang, Key::Minimap) hidden=move || !needed.get() || !wanted.get()
            class:left=move || aside.get()
            on:pointerdown=move |ev| {
                ev.stop_propagation();
                dragging.set_value(true);
                go(&ev);
            }
            on:pointermove=move |ev| if dragging.get_value() { ev.stop_propagation(); go(&ev) }
            on:pointerup=move |_| dragging.set_value(false)
            on:pointerleave=move |_| dragging.set_value(false)
            on:wheel=move |ev| ev.stop_propagation()
        >
            <canvas node_ref=base width=W height=H></canvas>
            <canvas node_ref=frame width=W height=H></canvas>
        </div>
    }
}

/// The transform that fits the whole tree into the minimap.
fn map(bounds: Rect) -> Viewport {
    let k = ((W - 2.0 * PAD) / bounds.w.max(1.0)).min((H - 2.0 * PAD) / bounds.h.max(1.0));
    Viewport { k, tx: (W - bounds.w * k) / 2.0 - bounds.x * k, ty: (H - bounds.h * k) / 2.0 - bounds.y * k }
}

fn context(canvas: NodeRef<Canvas>) -> Option<web_sys::CanvasRenderingContext2d> {
    Some(canvas.get()?.get_context("2d").ok()??.unchecked_into())
}
