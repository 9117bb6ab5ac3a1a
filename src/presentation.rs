//! Presentation mode (issue 12): the tree walked box by box in a meeting,
//! full screen, each step a short glide to the box with its path to the
//! root highlighted; leaving restores the editor as it was.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::NodeId;
use crate::core::outline::Outline;
use crate::core::present::{self, Go};
use crate::core::viewport::Viewport;
use crate::state::Editor;

/// How long a step's glide lasts.
const GLIDE_MS: f64 = 300.0;

/// What to dim so the rest stands out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Highlight {
    #[default]
    None,
    Crosscutting,
    Lagging,
}

/// The editor as it was before: selection, view, open branches, fitted.
type Saved = (Option<NodeId>, Viewport, Outline, bool);

#[derive(Clone, Copy)]
pub struct Presentation {
    pub on: RwSignal<bool>,
    /// Position among the steps (reading order).
    pub at: RwSignal<usize>,
    pub steps: Memo<Vec<usize>>,
    /// The current box and its ancestors.
    pub path: Memo<Vec<usize>>,
    pub highlight: RwSignal<Highlight>,
    saved: StoredValue<Option<Saved>>,
    /// The glide under way (a newer one stops it).
    glide: StoredValue<u64>,
    editor: Editor,
}

pub fn provide_presentation(editor: Editor) -> Presentation {
    let on = RwSignal::new(false);
    let at = RwSignal::new(0);
    let steps = Memo::new(move |_| {
        if !on.get() {
            return Vec::new();
        }
        editor.derived.tree.with(|t| t.as_ref().map(present::steps).unwrap_or_default())
    });
    let path = Memo::new(move |_| {
        let i = steps.with(|s| s.get(at.get()).copied());
        editor.derived.tree.with(|t| t.as_ref().zip(i).map(|(t, i)| present::path(t, i)).unwrap_or_default())
    });
    let p = Presentation {
        on,
        at,
        steps,
        path,
        highlight: RwSignal::new(Highlight::None),
        saved: StoredValue::new(None),
        glide: StoredValue::new(0),
        editor,
    };
    provide_context(p);
    p
}

pub fn use_presentation() -> Presentation {
    expect_context::<Presentation>()
}

impl Presentation {
    pub fn start(&self) {
        let e = self.editor;
        let saved = (
            e.selected.get_untracked(),
            e.view.viewport.get_untracked(),
            e.outline.get_untracked(),
            e.view.fitted.get_untracked(),
        );
        self.saved.set_value(Some(saved));
        self.highlight.set(Highlight::None);
        self.on.set(true);
        if let Some(root) = document_element() {
            // Refused (no user gesture, an iframe): the mode works in the window.
            let _ = root.request_fullscreen();
        }
        let p = *self;
        // Once the toolbar and panel have gone and the canvas has its size.
        request_animation_frame(move || request_animation_frame(move || p.show(0)));
    }

    /// Leaves, with the selection, view and open branches as they were.
    pub fn stop(&self) {
        if !self.on.get_untracked() {
            return;
        }
        self.glide.update_value(|g| *g += 1);
        self.editor.view.held.set(None);
        self.on.set(false);
        if let Some((selected, viewport, outline, fitted)) = self.saved.try_update_value(Option::take).flatten() {
            let e = self.editor;
            e.outline.set(outline);
            e.selected.set(selected);
            e.view.viewport.set(viewport);
            e.view.fitted.set(fitted);
        }
        if let Some(d) = web_sys::window().and_then(|w| w.document()).filter(|d| d.fullscreen_element().is_some()) {
            d.exit_fullscreen();
        }
    }

    pub fn go(&self, go: Go) {
        let at = self.at.get_untracked();
        let to =
            self.editor.derived.tree.with_untracked(|t| {
                t.as_ref().map_or(at, |t| self.steps.with_untracked(|s| present::go(t, s, at, go)))
            });
        self.show(to);
    }

    /// Goes to box `i` (found by search).
    pub fn jump(&self, i: usize) {
        if let Some(at) = self.steps.with_untracked(|s| s.iter().position(|&s| s == i)) {
            self.show(at);
        }
    }

    /// Step `at`: its box shown (its branch opened), selected and glided to.
    pub fn show(&self, at: usize) {
        let e = self.editor;
        let Some(i) = self.steps.with_untracked(|s| s.get(at).copied()) else { return };
        self.at.set(at);
        e.derived.tree.with_untracked(|t| {
            if let Some(t) = t.as_ref().filter(|t| !e.outline.with_untracked(|o| o.is_shown(t, i))) {
                e.outline.update(|o| o.reveal(t, i));
            }
        });
        e.selected.set(e.store.doc.with_untracked(|d| d.nodes.get_index(i).map(|(id, _)| id.clone())));
        let p = *self;
        // After the layout has followed an opened branch.
        request_animation_frame(move || {
            let (w, h) = e.view.screen.get_untracked();
            let Some(r) = e.rect(i) else { return };
            // Large: the box fills about a third of the width, or half the height.
            let k = (0.34 * w / r.w).min(0.5 * h / r.h).clamp(0.4, 3.0);
            p.glide_to(Viewport::centre_on(r, k, w, h));
        });
    }

    /// The whole tree on screen.
    pub fn overview(&self) {
        let e = self.editor;
        let (w, h) = e.view.screen.get_untracked();
        let (bounds, across) = e.derived.layout.with_untracked(|l| (l.bounds, l.across));
        let fit = if across { Viewport::fit_centred } else { Viewport::fit };
        self.glide_to(fit(bounds, w, h, 24.0));
    }

    fn glide_to(&self, to: Viewport) {
        let e = self.editor;
        self.glide.update_value(|g| *g += 1);
        e.view.held.set(Some(to.stepped().0));
        let (w, h) = e.view.screen.get_untracked();
        let glide = Glide {
            e,
            id: self.glide,
            mine: self.glide.get_value(),
            from: e.view.viewport.get_untracked(),
            to,
            w,
            h,
            start: now(),
        };
        glide.frame();
    }
}

/// One glide between two views, a frame at a time.
#[derive(Clone, Copy)]
struct Glide {
    e: Editor,
    id: StoredValue<u64>,
    mine: u64,
    from: Viewport,
    to: Viewport,
    w: f64,
    h: f64,
    start: f64,
}

impl Glide {
    fn frame(self) {
        request_animation_frame(move || {
            // A newer step, or leaving, stops this one.
            if self.id.get_value() != self.mine {
                return;
            }
            let t = ((now() - self.start) / GLIDE_MS).min(1.0);
            // Eased in and out.
            let eased = t * t * (3.0 - 2.0 * t);
            self.e.view.viewport.set(self.from.toward(&self.to, eased, self.w, self.h));
            self.e.view.fitted.set(false);
            if t < 1.0 {
                self.frame();
            } else {
                // The end view is the held one: letting go redraws nothing.
                self.e.view.held.set(None);
            }
        });
    }
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element().and_then(|e| e.dyn_into().ok())
}
