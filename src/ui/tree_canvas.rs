use leptos::html::Section;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::capaian_legend::CapaianLegend;
use super::card_layer::{focus_card, CardLayer};
use super::drop_target::DropTarget;
use super::kondisi_editor::KondisiEditor;
use super::minimap::Minimap;
use super::side_panel::catch_up;
use crate::commands::{run, Command};
use crate::core::card::{CardFonts, BAND_H, KONDISI_LINE_H, PAD};
use crate::core::history::Action;
use crate::core::layout::Rect;
use crate::core::model::Level;
use crate::core::ops;
use crate::core::outline::{is_ancestor_or_self, key_move, Move, TreeKey};
use crate::core::raster::{Pixels, Rgba};
use crate::core::viewport::{wheel, Shift, Wheel};
use crate::i18n::{t, Key};
use crate::state::{use_editor, Editor};
use crate::web::put_pixels;

/// Beyond this many cards in view, cards are painted as plain boxes on a
/// canvas: thousands of SVG groups make panning stutter.
const SVG_LIMIT: usize = 1500;
/// Statements smaller than this on screen (pixels) cannot be read: with more
/// than `FEW_CARDS` in view, cards are painted with grey lines for text.
const LEGIBLE_PX: f64 = 4.0;
/// Up to this many cards in view their text is drawn, however small.
const FEW_CARDS: usize = 150;
/// A wheel event this soon (ms) after a trackpad scroll belongs to it.
const SCROLL_GESTURE_MS: f64 = 300.0;
/// Extra screen pixels around the view where cards are already mounted.
const OVERSCAN: f64 = 200.0;
/// Pixels of movement before a press becomes a drag (and not a click).
const DRAG_SLOP: f64 = 4.0;
/// Arrow-key pan step in screen pixels.
const PAN_STEP: f64 = 60.0;

/// The tree: pan, zoom, keyboard navigation; only cards in view are mounted.
#[component]
pub fn TreeCanvas() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let section = NodeRef::<Section>::new();
    observe_size(editor, section);

    // One memo for what is mounted and how: two memos read by the same
    // effect (a diamond) can leave the effect stale for a frame.
    let mounted = Memo::new(move |_| {
        let (w, h) = editor.view.screen.get();
        let v = editor.view.viewport.get();
        let world = v.visible_world(w, h, OVERSCAN);
        let visible = editor.derived.cull.with(|c| editor.derived.layout.with(|l| c.cards_in(l, world)));
        // Far out, or with very many cards in view, boxes are painted on a
        // canvas: an SVG group per card costs tens of ms a frame by the hundred.
        let illegible = v.k * CardFonts::KONDISI_PX < LEGIBLE_PX && visible.len() > FEW_CARDS;
        Mounted { overview: illegible || visible.len() > SVG_LIMIT, visible }
    });
    let overview = Memo::new(move |_| mounted.with(|m| m.overview));
    // A memo: while a glide moves only the drawing's transform, the path is
    // not written again unless another connector comes into view.
    let edges = Memo::new(move |_| {
        if overview.get() {
            return String::new();
        }
        let (w, h) = editor.view.screen.get();
        let world = editor.view.viewport.get().visible_world(w, h, OVERSCAN);
        let v = editor.view.placed.get();
        editor.derived.cull.with(|c| {
            editor.derived.layout.with(|l| {
                let mut d = String::new();
                for e in c.edges_in(l, world) {
                    for (n, &(x, y)) in e.points.iter().enumerate() {
                        let (sx, sy) = v.to_screen(x, y);
                        d.push_str(&format!("{}{sx:.1} {sy:.1}", if n == 0 { 'M' } else { 'L' }));
                    }
                }
                d
            })
        })
    });
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let pixels = StoredValue::new(Pixels::default());
    Effect::new(move |_| mounted.with(|m| paint_overview(editor, canvas, pixels, m.overview, &m.visible)));

    let drag = StoredValue::new(Drag::default());
    let last_pan = StoredValue::new(f64::NEG_INFINITY);
    let carry = RwSignal::new(None::<Carry>);
    let tab_leaves = StoredValue::new(false);
    view! {
        <section
            class="canvas"
            node_ref=section
            tabindex="0"
            aria-label=t(lang, Key::Canvas)
            on:wheel=move |ev| on_wheel(editor, section, last_pan, ev)
            on:pointerdown=move |ev| drag.update_value(|d| d.down(section, &ev))
            on:pointermove=move |ev| drag.update_value(|d| d.moved(editor, section, carry, &ev))
            on:pointerup=move |ev| drag.update_value(|d| d.up(editor, carry, &ev))
            on:pointercancel=move |ev| {
                carry.set(None);
                drag.update_value(|d| d.up(editor, carry, &ev))
            }
            on:click:capture=move |ev| {
                // A drag that ends on a card is not a click on it.
                if drag.with_value(|d| d.dragged) {
                    ev.stop_propagation();
                    drag.update_value(|d| d.dragged = false);
                } else if overview.get_untracked() {
                    select_at(editor, section, &ev);
                }
            }
            on:keydown=move |ev| on_canvas_key(editor, ev)
        >
            <canvas class="overview" node_ref=canvas hidden=move || !overview.get()></canvas>
            <svg
                class="tree"
                role="tree"
                aria-label=t(lang, Key::TreeLabel)
                // Holds focus while a card is being drawn again (`focus_card`).
                tabindex="-1"
                style:transform=move || {
                    let Shift { s, dx, dy } = editor.view.drawn.get().1;
                    format!("translate({dx:.2}px, {dy:.2}px) scale({s:.5})")
                }
                on:keydown=move |ev| on_tree_key(editor, tab_leaves, ev)
            >
                <path class="edges" d=edges />
                <CardLayer mounted />
            </svg>
            <Minimap />
            <CapaianLegend />
            <KondisiEditor />
            <DropTarget carry=carry />
        </section>
    }
}

/// The cards in (or near) view, and whether they are painted as boxes.
#[derive(Clone, Debug, PartialEq)]
pub struct Mounted {
    overview: bool,
    visible: Vec<usize>,
}

impl Mounted {
    /// The nodes that get a tree item, and whether their cards are drawn:
    /// in the overview the tree stays navigable with bare items, up to
    /// `SVG_LIMIT` of them.
    pub fn items(&self) -> (&[usize], bool) {
        match (self.overview, self.visible.len() <= SVG_LIMIT) {
            (false, _) => (&self.visible, true),
            (true, true) => (&self.visible, false),
            (true, false) => (&[], false),
        }
    }
}

/// Keeps `editor.view.screen` equal to the canvas size, refitting a fitted
/// view; a selected card that was in view stays in view (the side panel
/// opening, a narrower window).
fn observe_size(editor: Editor, section: NodeRef<Section>) {
    Effect::new(move |_| {
        let Some(el) = section.get() else { return };
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let entry: web_sys::ResizeObserverEntry = entries.get(0).unchecked_into();
            let rect = entry.content_rect();
            let seen = editor.selected_in_view();
            editor.view.screen.set((rect.width(), rect.height()));
            if editor.view.fitted.get_untracked() {
                editor.fit();
            } else if let Some(i) = seen {
                editor.scroll_into_view(i);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
            let observer = send_wrapper::SendWrapper::new(observer);
            on_cleanup(move || observer.disconnect());
        }
        callback.forget();
    });
}

fn local_point(section: NodeRef<Section>, client_x: f64, client_y: f64) -> (f64, f64) {
    section.get_untracked().map_or((client_x, client_y), |el| {
        let r = el.get_bounding_client_rect();
        (client_x - r.left(), client_y - r.top())
    })
}

/// A mouse wheel zooms about the pointer; on a trackpad two fingers pan and
/// a pinch zooms (as in Figma and Miro).
fn on_wheel(editor: Editor, section: NodeRef<Section>, last_pan: StoredValue<f64>, ev: web_sys::WheelEvent) {
    ev.prevent_default();
    let unit = match ev.delta_mode() {
        1 => 16.0,
        2 => 400.0,
        _ => 1.0,
    };
    let now = ev.time_stamp();
    let panning = now - last_pan.get_value() < SCROLL_GESTURE_MS;
    let pinch = ev.ctrl_key() || ev.meta_key();
    match wheel(ev.delta_x() * unit, ev.delta_y() * unit, ev.delta_mode() != 0, pinch, panning) {
        Wheel::Zoom(factor) => {
            let (x, y) = local_point(section, ev.client_x() as f64, ev.client_y() as f64);
            editor.move_view(|v| v.zoom_at(x, y, factor));
        }
        Wheel::Pan(dx, dy) => {
            last_pan.set_value(now);
            editor.move_view(|v| v.pan(dx, dy));
        }
    }
}

/// Pointer state: one pointer pans, two pinch-zoom; a mouse or pen that
/// drags a card carries it onto another card (reparent).
#[derive(Default)]
struct Drag {
    pointers: HashMap<i32, (f64, f64)>,
    start: Option<(f64, f64)>,
    dragged: bool,
    /// The card pressed, when it may be carried.
    card: Option<usize>,
}

/// A card being carried: where the pointer is (screen), and the card under it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Carry {
    pub from: usize,
    pub at: (f64, f64),
    pub target: Option<usize>,
    /// False when the target is the card itself or inside its branch.
    pub allowed: bool,
}

impl Drag {
    fn down(&mut self, section: NodeRef<Section>, ev: &web_sys::PointerEvent) {
        if ev.button() != 0 {
            return;
        }
        let p = local_point(section, ev.client_x() as f64, ev.client_y() as f64);
        self.pointers.insert(ev.pointer_id(), p);
        self.start = Some(p);
        self.dragged = false;
        self.card = None;
        if ev.pointer_type() != "touch" && self.pointers.len() == 1 {
            let on_card = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".card").ok().flatten())
                .and_then(|el| el.id().strip_prefix("card-").and_then(|i| i.parse().ok()));
            self.card = on_card;
        }
    }

    fn moved(
        &mut self,
        editor: Editor,
        section: NodeRef<Section>,
        carry: RwSignal<Option<Carry>>,
        ev: &web_sys::PointerEvent,
    ) {
        let Some(&old) = self.pointers.get(&ev.pointer_id()) else { return };
        let p = local_point(section, ev.client_x() as f64, ev.client_y() as f64);
        if !self.dragged {
            let (sx, sy) = self.start.unwrap_or(p);
            if (p.0 - sx).hypot(p.1 - sy) < DRAG_SLOP {
                return;
            }
            self.dragged = true;
            if let Some(el) = section.get_untracked() {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
        }
        if let Some(from) = self.card {
            let target = card_at(editor, p).filter(|&t| t != from);
            let allowed = target.is_some_and(|t| {
                editor
                    .derived
                    .tree
                    .with_untracked(|tree| tree.as_ref().is_some_and(|tree| !is_ancestor_or_self(tree, from, t)))
            });
            carry.set(Some(Carry { from, at: p, target, allowed }));
            return;
        }
        let other = self.pointers.iter().find(|(&id, _)| id != ev.pointer_id()).map(|(_, &q)| q);
        self.pointers.insert(ev.pointer_id(), p);
        editor.move_view(|v| {
            match other {
                // Pinch: scale by the change of distance about the midpoint.
                Some(q) => {
                    let before = (old.0 - q.0).hypot(old.1 - q.1).max(1.0);
                    let after = (p.0 - q.0).hypot(p.1 - q.1).max(1.0);
                    v.zoom_at((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0, after / before)
                }
                None => v.pan(p.0 - old.0, p.1 - old.1),
            }
        });
    }

    fn up(&mut self, editor: Editor, carry: RwSignal<Option<Carry>>, ev: &web_sys::PointerEvent) {
        self.pointers.remove(&ev.pointer_id());
        self.card = None;
        let Some(c) = carry.get_untracked() else { return };
        carry.set(None);
        let (Some(target), Some(id)) = (c.target, editor.index_of(c.from)) else { return };
        let Some(parent) = editor.index_of(target) else { return };
        // A refused drop says why (the op refuses a move into its own branch).
        editor.edit(Action::Move, None, |tx| ops::reparent(tx, &id, &parent).map(|()| Some(id.clone())));
    }
}

/// The card under screen point `p`, if any.
fn card_at(editor: Editor, p: (f64, f64)) -> Option<usize> {
    let (x, y) = editor.view.viewport.with_untracked(|v| v.to_world(p.0, p.1));
    let point = Rect { x, y, w: 0.0, h: 0.0 };
    editor
        .derived
        .cull
        .with_untracked(|c| editor.derived.layout.with_untracked(|l| c.cards_in(l, point).first().copied()))
}

/// A click on the overview selects the box under the pointer.
fn select_at(editor: Editor, section: NodeRef<Section>, ev: &web_sys::MouseEvent) {
    let (sx, sy) = local_point(section, ev.client_x() as f64, ev.client_y() as f64);
    if let Some(i) = card_at(editor, (sx, sy)) {
        editor.select(i);
    }
}

/// Keys on the canvas itself: arrows pan, +/- zoom, 0 fits.
fn on_canvas_key(editor: Editor, ev: web_sys::KeyboardEvent) {
    let handled = match ev.key().as_str() {
        "ArrowLeft" => pan(editor, PAN_STEP, 0.0),
        "ArrowRight" => pan(editor, -PAN_STEP, 0.0),
        "ArrowUp" => pan(editor, 0.0, PAN_STEP),
        "ArrowDown" => pan(editor, 0.0, -PAN_STEP),
        "+" | "=" => {
            editor.zoom(1.25);
            true
        }
        "-" | "_" => {
            editor.zoom(0.8);
            true
        }
        "0" => {
            editor.fit();
            true
        }
        _ => false,
    };
    if handled {
        ev.prevent_default();
    }
}

fn pan(editor: Editor, dx: f64, dy: f64) -> bool {
    editor.move_view(|v| v.pan(dx, dy));
    true
}

/// Keys on a focused card: the WAI-ARIA tree pattern, and editing as in
/// mind-map tools (Tab/Insert add a child, Enter a sibling, F2 edits, …).
/// After Escape, Tab leaves the tree as usual, so no keyboard user is trapped.
fn on_tree_key(editor: Editor, tab_leaves: StoredValue<bool>, ev: web_sys::KeyboardEvent) {
    let Some(current) = editor.selected_index() else { return };
    let key = ev.key();
    let leaves = tab_leaves.get_value();
    tab_leaves.set_value(key == "Escape");
    let ctrl = ev.ctrl_key() || ev.meta_key();
    let nav = match key.as_str() {
        "ArrowUp" | "ArrowDown" if ev.alt_key() => None,
        "ArrowUp" => Some(TreeKey::Up),
        "ArrowDown" => Some(TreeKey::Down),
        "ArrowLeft" => Some(TreeKey::Left),
        "ArrowRight" => Some(TreeKey::Right),
        "Home" => Some(TreeKey::Home),
        "End" => Some(TreeKey::End),
        _ => None,
    };
    if let Some(nav) = nav {
        ev.prevent_default();
        ev.stop_propagation();
        let step = editor
            .derived
            .tree
            .with_untracked(|t| t.as_ref().map(|t| editor.outline.with_untracked(|o| key_move(t, o, current, nav))));
        match step {
            Some(Move::Select(i)) => {
                editor.select(i);
                focus_card(editor, i);
            }
            Some(Move::Expand(i)) => editor.toggle_in_place(i, Some(false)),
            Some(Move::Collapse(i)) => editor.toggle_in_place(i, Some(true)),
            Some(Move::Stay) | None => {}
        }
        return;
    }
    let command = match key.as_str() {
        " " => {
            editor.toggle_in_place(current, None);
            None
        }
        "Enter" if ev.alt_key() => {
            focus_details(editor);
            None
        }
        "Tab" if leaves || ev.shift_key() => return,
        "Tab" | "Insert" => Some(Command::AddChild),
        "Enter" => Some(Command::AddSibling),
        "F2" => Some(Command::EditInPlace),
        "Delete" | "Backspace" if ev.shift_key() => Some(Command::DeleteNode),
        "Delete" | "Backspace" => Some(Command::DeleteSubtree),
        "d" | "D" if ctrl => Some(Command::Duplicate),
        "ArrowUp" if ev.alt_key() => Some(Command::MoveUp),
        "ArrowDown" if ev.alt_key() => Some(Command::MoveDown),
        "m" | "M" if !ctrl && !ev.alt_key() => Some(Command::MoveTo),
        _ => return,
    };
    ev.prevent_default();
    ev.stop_propagation();
    if let Some(command) = command {
        if run(editor, command) && editor.editing.get_untracked().is_none() {
            refocus(editor);
        }
    }
}

/// Keeps keyboard focus on the selected card after an edit moved it.
pub fn refocus(editor: Editor) {
    if let Some(i) = editor.selected_index() {
        focus_card(editor, i);
    }
}

/// Alt+Enter on a card: move focus to its details in the side panel, once
/// the panel shows them (it follows a new selection a frame late).
fn focus_details(editor: Editor) {
    let focus = || {
        let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("node-details"));
        if let Some(el) = el {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    if editor.inspected.with_untracked(|i| *i == editor.selected.get_untracked()) {
        focus();
    } else {
        catch_up(editor);
        request_animation_frame(focus);
    }
}

/// Past this many boxes in view the overview drops connectors and level
/// colours: the boxes are a pixel or two, and a plain fill reads better.
const DETAILED_OVERVIEW: usize = 20_000;

/// Most pixels the overview fills a frame (about 1920 × 1080).
const OVERVIEW_PIXELS: f64 = 2.1e6;

const WHITE: Rgba = [255, 255, 255, 255];
/// Where the text is on a card too small to read (as in Figma or Miro).
const TEXT_GREY: Rgba = [0xc9, 0xcf, 0xd8, 255];
const LINE: Rgba = [0x8a, 0x96, 0xa8, 255];
const PLAIN: Rgba = [0x60, 0x70, 0x89, 255];
const SELECTED: Rgba = [0xf2, 0xa9, 0x00, 255];

/// Paints every card in view as a plain box (with its level's colour band and
/// the connectors, while there are not too many), for views too far out or
/// too full for SVG: into `pixels`, then onto the canvas in one call.
fn paint_overview(
    editor: Editor,
    canvas: NodeRef<leptos::html::Canvas>,
    pixels: StoredValue<Pixels>,
    on: bool,
    visible: &[usize],
) {
    let Some(canvas) = canvas.get() else { return };
    let (w, h) = editor.view.screen.get();
    if !on || w == 0.0 {
        return;
    }
    // Device pixels, but no more than OVERVIEW_PIXELS: the buffer is filled
    // every frame (a 4K screen would be 33 MB); boxes this small upscale well.
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let ratio = dpr.min((OVERVIEW_PIXELS / (w * h.max(1.0))).sqrt());
    // Resizing reallocates the canvas: only when the size changed.
    let (pw, ph) = ((w * ratio) as u32, (h * ratio) as u32);
    if (canvas.width(), canvas.height()) != (pw, ph) {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let Ok(Some(ctx)) = canvas.get_context("2d") else { return };
    let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
    let v = editor.view.viewport.get();
    // Device pixels.
    let at = |x: f64, y: f64| {
        let (sx, sy) = v.to_screen(x, y);
        (sx * ratio, sy * ratio)
    };
    let k = v.k * ratio;
    let selected = editor.selected_index();
    let detailed = visible.len() <= DETAILED_OVERVIEW;
    pixels.update_value(|px| {
        px.clear(pw as usize, ph as usize);
        editor.derived.layout.with(|l| {
            if detailed {
                let world = v.visible_world(w, h, 0.0);
                for e in editor.derived.cull.with(|c| c.edges_in(l, world)) {
                    for s in e.points.windows(2) {
                        px.line(at(s[0].0, s[0].1), at(s[1].0, s[1].1), LINE);
                    }
                }
            }
            if let Some(r) = selected.and_then(|i| l.rects.get(i).copied().flatten()) {
                let (x, y) = at(r.x, r.y);
                let m = 3.0 * ratio;
                px.fill(x - m, y - m, r.w * k + 2.0 * m, r.h * k + 2.0 * m, SELECTED);
            }
            editor.store.doc.with_untracked(|d| {
                for &i in visible {
                    let Some(r) = l.rects[i] else { continue };
                    let (x, y) = at(r.x, r.y);
                    let (bw, bh) = (r.w * k, r.h * k);
                    if detailed {
                        px.fill(x, y, bw, bh, WHITE);
                        if let Some((_, n)) = d.nodes.get_index(i) {
                            px.fill(x, y, bw, (BAND_H * k).min(bh), level_colour(n.level));
                        }
                        text_lines(px, (x, y), r.w, r.h, k);
                        px.outline(x, y, bw, bh, LINE);
                    } else {
                        px.fill(x, y, bw, bh, PLAIN);
                    }
                }
            });
        });
        put_pixels(&ctx, px);
    });
}

/// Grey bars where a `w`×`h` card (layout units, drawn at scale `k` from
/// `at`) has its lines of text, the last one shorter.
fn text_lines(px: &mut Pixels, at: (f64, f64), w: f64, h: f64, k: f64) {
    let bar = KONDISI_LINE_H * 0.45 * k;
    if bar < 0.75 {
        return;
    }
    let lines = ((h - BAND_H - 2.0 * PAD) / KONDISI_LINE_H).floor().max(1.0) as usize;
    for j in 0..lines {
        let y = at.1 + (BAND_H + PAD + (j as f64 + 0.3) * KONDISI_LINE_H) * k;
        let part = if j + 1 == lines && lines > 1 { 0.55 } else { 0.9 };
        px.fill(at.0 + PAD * k, y, (w - 2.0 * PAD) * part * k, bar, TEXT_GREY);
    }
}

/// The level colours of `style/main.css` (`.lvl-* .band`), for the canvas.
fn level_colour(level: Level) -> Rgba {
    let hex = crate::core::picture::level_colour(level);
    let byte = |k: usize| u8::from_str_radix(&hex[k..k + 2], 16).unwrap_or(0x80);
    [byte(1), byte(3), byte(5), 255]
}
