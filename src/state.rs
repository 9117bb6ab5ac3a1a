//! Editor state, provided once by `App` and read by components through context.
//!
//! One source of truth (`doc` plus what the viewer chose: outline, viewport,
//! card options); the tree, card sizes, layout and search matches are derived.

use leptos::prelude::*;

use crate::core::card::{Card, CardFonts, CardOptions};
use crate::core::codec::import;
use crate::core::cull::Cull;
use crate::core::layout::{layout, Layout, Mode, Rect, Size};
use crate::core::model::{Document, NodeId, Tahun};
use crate::core::outline::{search, Outline};
use crate::core::tree::Tree;
use crate::core::viewport::Viewport;
use crate::i18n::{import_error, t, Key, Lang};
use crate::web::{fetch_bytes, mark, measure_card_fonts, measure_first_paint, replace_query_param, timed};

/// Margin in screen pixels around a fitted tree.
const FIT_MARGIN: f64 = 24.0;

#[derive(Clone, Copy)]
pub struct Editor {
    pub lang: Lang,
    pub doc: RwSignal<Document>,
    /// Bumped whenever a different document is opened (keys mounted cards).
    pub generation: RwSignal<u64>,
    pub selected: RwSignal<Option<NodeId>>,
    /// The message of the last failed open, shown in a `role="alert"` banner.
    pub alert: RwSignal<Option<String>>,
    pub outline: RwSignal<Outline>,
    pub viewport: RwSignal<Viewport>,
    /// The viewport at its text step, and the scale the drawing gets on top
    /// (see `Viewport::stepped`): cards are placed with the first.
    pub drawn: Memo<(Viewport, f64)>,
    /// True while the view is as "fit" left it: a resize then fits again.
    pub fitted: RwSignal<bool>,
    /// Canvas size in CSS pixels, kept by the canvas's resize observer.
    pub screen: RwSignal<(f64, f64)>,
    /// Full cards, or statements only (meetings).
    pub details: RwSignal<bool>,
    /// `None`: pick the arrangement that fits the screen best.
    pub mode: RwSignal<Option<Mode>>,
    pub fonts: RwSignal<CardFonts>,
    pub query: RwSignal<String>,
    /// Position of the current match in `matches`.
    pub match_pos: RwSignal<usize>,
    /// `None` only for a document the codec would refuse.
    pub tree: Memo<Option<Tree>>,
    pub card_options: Memo<CardOptions>,
    /// Each node's card size, by document index.
    pub sizes: Memo<Vec<Size>>,
    pub layout: Memo<Layout>,
    /// Finds what of the layout is in view, per frame, without a full scan.
    pub cull: Memo<Cull>,
    pub matches: Memo<Vec<usize>>,
}

pub fn provide_editor(lang: Lang, doc: Document, year: Tahun) -> Editor {
    let doc = RwSignal::new(doc);
    let details = RwSignal::new(true);
    let mode = RwSignal::new(None);
    let fonts = RwSignal::new(measure_card_fonts().unwrap_or_else(CardFonts::approx));
    let outline = RwSignal::new(Outline::default());
    let query = RwSignal::new(String::new());
    let tree = Memo::new(move |_| doc.with(|d| Tree::build(d).ok()));
    let card_options = Memo::new(move |_| {
        let year = doc.with(|d| d.meta.periode.as_ref().map(|p| year.clamp(p.awal, p.akhir))).or(Some(year));
        CardOptions { details: details.get(), year }
    });
    // Sizes only: a card's lines are made when it is mounted.
    let sizes = Memo::new(move |_| {
        let opts = card_options.get();
        fonts.with(|f| doc.with(|d| d.nodes.values().map(|n| Card::size(n, f, opts)).collect::<Vec<_>>()))
    });
    let layout = Memo::new(move |_| {
        tree.with(|t| match t {
            Some(t) => sizes.with(|s| outline.with(|o| timed("pk:layout", || layout(t, s, o, mode.get())))),
            None => Layout::default(),
        })
    });
    // Always "changed": it is rebuilt only when the layout is.
    let cull = Memo::new_with_compare(move |_| layout.with(Cull::new), |_, _| true);
    let matches = Memo::new(move |_| {
        let q = query.get();
        tree.with(|t| t.as_ref().map(|t| doc.with(|d| search(d, t, &q))).unwrap_or_default())
    });
    let viewport = RwSignal::new(Viewport::default());
    let drawn = Memo::new(move |_| viewport.with(Viewport::stepped));
    let editor = Editor {
        lang,
        doc,
        generation: RwSignal::new(0),
        selected: RwSignal::new(None),
        alert: RwSignal::new(None),
        outline,
        viewport,
        drawn,
        fitted: RwSignal::new(true),
        screen: RwSignal::new((0.0, 0.0)),
        details,
        mode,
        fonts,
        query,
        match_pos: RwSignal::new(0),
        tree,
        card_options,
        sizes,
        layout,
        cull,
        matches,
    };
    provide_context(editor);
    editor
}

pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}

impl Editor {
    /// Replaces the document with `bytes` if they are a readable file; otherwise
    /// says why in the alert and leaves the open document untouched.
    pub fn open_bytes(&self, bytes: &[u8], source: &str) -> bool {
        match import(bytes) {
            Ok(imported) => {
                mark("pk:data-ready");
                self.doc.set(imported.document);
                self.generation.update(|g| *g += 1);
                self.selected.set(None);
                self.outline.set(Outline::default());
                self.query.set(String::new());
                self.alert.set(None);
                self.fit();
                measure_first_paint();
                true
            }
            Err(e) => {
                self.alert.set(Some(format!(
                    "{} ({source}): {}",
                    t(self.lang, Key::LoadFailed),
                    import_error(self.lang, &e)
                )));
                false
            }
        }
    }

    /// Fetches and opens a file by URL (relative or absolute); on success the
    /// address bar gets `?src=<url>` so the view can be shared as a link.
    pub fn open_url(&self, url: String) {
        let editor = *self;
        leptos::task::spawn_local(async move {
            match fetch_bytes(&url).await {
                Ok(bytes) => {
                    if editor.open_bytes(&bytes, &url) {
                        replace_query_param("src", Some(&url));
                    }
                }
                Err(e) => editor.alert.set(Some(format!("{}: {e}", t(editor.lang, Key::LoadFailed)))),
            }
        });
    }

    pub fn selected_index(&self) -> Option<usize> {
        let id = self.selected.get_untracked()?;
        self.doc.with_untracked(|d| d.nodes.get_index_of(&id))
    }

    pub fn index_of(&self, i: usize) -> Option<NodeId> {
        self.doc.with_untracked(|d| d.nodes.get_index(i).map(|(id, _)| id.clone()))
    }

    /// Shows the whole (shown) tree.
    pub fn fit(&self) {
        let (w, h) = self.screen.get_untracked();
        if w > 0.0 {
            let bounds = self.layout.with_untracked(|l| l.bounds);
            self.viewport.set(Viewport::fit(bounds, w, h, FIT_MARGIN));
        }
        self.fitted.set(true);
    }

    /// Changes the view by hand (pan, zoom); a later resize keeps it.
    pub fn move_view(&self, f: impl FnOnce(&Viewport) -> Viewport) {
        self.viewport.update(|v| *v = f(v));
        self.fitted.set(false);
    }

    /// Zooms around the canvas centre.
    pub fn zoom(&self, factor: f64) {
        let (w, h) = self.screen.get_untracked();
        self.move_view(|v| v.zoom_at(w / 2.0, h / 2.0, factor));
    }

    /// Back to 1:1, keeping the centre.
    pub fn reset_zoom(&self) {
        let k = self.viewport.with_untracked(|v| v.k);
        self.zoom(1.0 / k);
    }

    fn rect(&self, i: usize) -> Option<Rect> {
        self.layout.with_untracked(|l| l.rects.get(i).copied().flatten())
    }

    /// Centres node `i` at reading size.
    pub fn zoom_to(&self, i: usize) {
        let (w, h) = self.screen.get_untracked();
        if let Some(r) = self.rect(i) {
            let k = self.viewport.with_untracked(|v| v.k).max(0.8);
            self.move_view(|_| Viewport::centre_on(r, k, w, h));
        }
    }

    /// Pans just enough to bring node `i` fully into view.
    pub fn scroll_into_view(&self, i: usize) {
        let (w, h) = self.screen.get_untracked();
        let Some(r) = self.rect(i) else { return };
        self.move_view(|v| v.reveal(r, w, h, FIT_MARGIN));
    }

    /// Selects node `i`, expanding its ancestors, and brings it into view.
    pub fn select(&self, i: usize) {
        self.tree.with_untracked(|t| {
            if let Some(t) = t {
                if !self.outline.with_untracked(|o| o.shown(t).contains(&i)) {
                    self.outline.update(|o| o.reveal(t, i));
                }
            }
        });
        self.selected.set(self.index_of(i));
        self.scroll_into_view(i);
    }

    /// Changes the outline with `f`, keeping the selection visible if it still is.
    pub fn reshape(&self, f: impl FnOnce(&mut Outline, &Tree)) {
        self.tree.with_untracked(|t| {
            if let Some(t) = t {
                self.outline.update(|o| f(o, t));
            }
        });
    }

    /// Jumps to match number `pos` (wrapping) of the current search.
    pub fn goto_match(&self, pos: isize) {
        let count = self.matches.with_untracked(|m| m.len()) as isize;
        if count == 0 {
            return;
        }
        let pos = pos.rem_euclid(count) as usize;
        self.match_pos.set(pos);
        if let Some(i) = self.matches.with_untracked(|m| m.get(pos).copied()) {
            self.select(i);
            self.zoom_to(i);
        }
    }
}
