//! Editor state, provided once by `App` and read by components through context.
//!
//! One source of truth: the document, in a [`Store`] that changes it only
//! through the core's edit operations (each recorded for undo), plus what the
//! viewer chose (selection, outline, viewport, card options). The tree, card
//! sizes, layout and search matches are derived; an edit patches the card
//! sizes and collapsed flags it touched instead of recomputing them.

use leptos::prelude::*;
use std::collections::HashMap;

use crate::core::card::{Card, CardFonts, CardOptions};
use crate::core::codec::import;
use crate::core::codec::link::LinkView;
use crate::core::cull::Cull;
use crate::core::history::{Action, Entry, History};
use crate::core::layout::{Arrangement, Arranger, Layout, Rect, Size};
use crate::core::model::{Document, Meta, Node, NodeId, Tahun};
use crate::core::ops::{transact, Change, Op, OpError, Tx};
use crate::core::outline::{search, Outline};
use crate::core::tree::Tree;
use crate::core::viewport::{Shift, Viewport};
use crate::i18n::{fetch_error, import_error, op_error, t, Key, Lang};
use crate::web::{
    fetch_bytes, mark, measure_card_fonts, measure_first_paint, push_query_param, read_file, replace_query_param, timed,
};

/// The source named for the built-in sample tree.
pub const SAMPLE_SOURCE: &str = "sample";

/// Margin in screen pixels around a fitted tree.
const FIT_MARGIN: f64 = 12.0;
/// "Automatic" arranges for the canvas size rounded to this many pixels, so
/// dragging the panel's edge does not lay the tree out at every pixel.
const SCREEN_STEP: f64 = 32.0;

/// The open document and its undo history: the one writer of the document.
#[derive(Clone, Copy)]
pub struct Store {
    pub doc: ReadSignal<Document>,
    write: WriteSignal<Document>,
    /// Bumped whenever a different document is opened (keys mounted cards).
    pub generation: RwSignal<u64>,
    pub history: RwSignal<History>,
    /// Bumped by every edit, undo and redo.
    pub edits: RwSignal<u64>,
    /// Bumped when an edit changed the tree's shape (parents, order, count).
    pub structure: RwSignal<u64>,
    /// Per node, the edit count at its last content change (keys its card).
    revs: StoredValue<HashMap<NodeId, u64>>,
    /// Changes not yet applied to the card sizes, and the count they start from.
    pending: StoredValue<(Vec<Change>, usize)>,
    /// Structural changes not yet applied to the tree, and the count they start from.
    reshaped: StoredValue<(Vec<Change>, usize)>,
    /// The same, not yet followed by the kept layouts.
    relaid: StoredValue<(Vec<Change>, usize)>,
    /// Where the open document came from (set with every replacement).
    pub origin: RwSignal<Origin>,
    /// The document the last replacement put away, until its draft has it.
    previous: StoredValue<Option<Document>>,
}

/// Where an opened document came from: a stored draft, or elsewhere (a
/// file, a URL, an example, a new document), which makes it a new draft.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Draft(String),
    New {
        source: Option<String>,
    },
    /// A share link: shown read-only, and not a draft until the user saves it.
    Link,
}

impl Store {
    /// Opened from a share link and not saved yet: no edits.
    pub fn read_only(&self) -> bool {
        self.origin.with(|o| *o == Origin::Link)
    }
}

impl Store {
    fn new(doc: Document) -> Store {
        let (doc, write) = signal(doc);
        Store {
            doc,
            write,
            generation: RwSignal::new(0),
            history: RwSignal::new(History::default()),
            edits: RwSignal::new(0),
            structure: RwSignal::new(0),
            revs: StoredValue::new(HashMap::new()),
            pending: StoredValue::new((Vec::new(), 0)),
            reshaped: StoredValue::new((Vec::new(), 0)),
            relaid: StoredValue::new((Vec::new(), 0)),
            origin: RwSignal::new(Origin::New { source: Some(SAMPLE_SOURCE.to_owned()) }),
            previous: StoredValue::new(None),
        }
    }

    /// The document shown before the last replacement (once): its unsaved
    /// edits still belong to its draft.
    pub fn take_previous(&self) -> Option<Document> {
        self.previous.try_update_value(Option::take).flatten()
    }

    /// The content revision of node `id` (changes when its card must be redrawn).
    pub fn rev(&self, id: &str) -> u64 {
        self.revs.with_value(|r| r.get(id).copied().unwrap_or(0))
    }

    /// Replaces the document with another one (opened, not edited): no undo.
    fn replace(&self, doc: Document, origin: Origin) {
        let old = self.write.try_update(|d| std::mem::replace(d, doc));
        self.previous.set_value(old);
        self.origin.set(origin);
        self.history.update(History::clear);
        self.revs.update_value(HashMap::clear);
        self.pending.set_value((Vec::new(), 0));
        self.reshaped.set_value((Vec::new(), 0));
        self.relaid.set_value((Vec::new(), 0));
        self.generation.update(|g| *g += 1);
    }

    /// Notes what an edit (or undo, or redo) changed, so derived data follows.
    fn changed(&self, changes: &[Change], len_before: usize) {
        let edit = self.edits.get_untracked() + 1;
        self.doc.with_untracked(|d| {
            self.revs.update_value(|r| {
                for (k, c) in changes.iter().enumerate() {
                    // Where the changed node stands once all changes are done.
                    let at = match c {
                        Change::Content(i) => Change::map_index_all(&changes[k + 1..], *i),
                        _ => None,
                    };
                    if let Some((id, _)) = at.and_then(|i| d.nodes.get_index(i)) {
                        r.insert(id.clone(), edit);
                    }
                }
            })
        });
        // Queued with the count before the first batch, for a reader that
        // catches up later (after several edits, perhaps).
        let queue = |list: StoredValue<(Vec<Change>, usize)>| {
            list.update_value(|(p, start)| {
                if p.is_empty() {
                    *start = len_before;
                }
                p.extend_from_slice(changes);
            })
        };
        queue(self.pending);
        if changes.iter().any(Change::is_structural) {
            // Content changes move no node: only these batches are kept.
            queue(self.reshaped);
            queue(self.relaid);
            self.structure.update(|s| *s += 1);
        }
        self.edits.set(edit);
    }
}

/// The editor's state, in parts a component can be handed on its own: the
/// document (`store`), where the user looks (`view`), what is derived from
/// both (`derived`), and the rest of the session (selection, dialogs, options).
#[derive(Clone, Copy)]
pub struct Editor {
    pub lang: Lang,
    pub store: Store,
    pub view: View,
    pub derived: Derived,
    pub selected: RwSignal<Option<NodeId>>,
    /// The box the side panel shows: the selection, once the frame showing
    /// it on the tree has been drawn (see `SidePanel`).
    pub inspected: RwSignal<Option<NodeId>>,
    /// The node whose kondisi is being typed on the canvas.
    pub editing: RwSignal<Option<NodeId>>,
    /// The node the "move to…" picker is moving.
    pub moving: RwSignal<Option<NodeId>>,
    /// The card to focus once the card layer has drawn it (`focus_card`).
    pub card_focus: StoredValue<Option<NodeId>>,
    /// The keyboard shortcuts overlay is open.
    pub help: RwSignal<bool>,
    /// The new-document dialog is open.
    pub new_document: RwSignal<bool>,
    /// The message of the last failed open, shown in a `role="alert"` banner.
    pub alert: RwSignal<Option<String>>,
    /// What is under way (a file opened, an address fetched, a spreadsheet
    /// made), said to the user while it lasts.
    pub busy: RwSignal<Option<String>>,
    pub outline: RwSignal<Outline>,
    /// Full cards, or statements only (meetings).
    pub details: RwSignal<bool>,
    /// `None`: pick the arrangement whose text reads largest at fit.
    pub mode: RwSignal<Option<Arrangement>>,
    pub fonts: RwSignal<CardFonts>,
    pub query: RwSignal<String>,
    /// Position of the current match in `matches`.
    pub match_pos: RwSignal<usize>,
    /// The year whose targets cards show, when not this year's (capaian
    /// shown for another year shows that year's targets beside it).
    pub target_year: RwSignal<Option<Tahun>>,
    /// This year, by the clock.
    pub year: Tahun,
}

/// Where the user looks: the camera over the layout and the canvas's size.
#[derive(Clone, Copy)]
pub struct View {
    pub viewport: RwSignal<Viewport>,
    /// The viewport at its text step, and the scale the drawing gets on top
    /// (see `Viewport::stepped`): cards are placed with the first.
    pub drawn: Memo<(Viewport, Shift)>,
    /// The view cards are drawn in while the view glides (presentation):
    /// the one it ends at, so cards are placed and laid out once and each
    /// frame moves only the drawing's transform.
    pub held: RwSignal<Option<Viewport>>,
    /// The view cards and connectors are placed in (`drawn`'s first half):
    /// unchanged through a glide, so nothing placed in it is touched then.
    pub placed: Memo<Viewport>,
    /// True while the view is as "fit" left it: a resize then fits again.
    pub fitted: RwSignal<bool>,
    /// Canvas size in CSS pixels, kept by the canvas's resize observer.
    pub screen: RwSignal<(f64, f64)>,
}

/// What the tree looks like, derived from the document and the options
/// (never written: each follows what it reads).
#[derive(Clone, Copy)]
pub struct Derived {
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
    let store = Store::new(doc);
    let doc = store.doc;
    let details = RwSignal::new(true);
    let mode = RwSignal::new(None);
    let fonts = RwSignal::new(measure_card_fonts().unwrap_or_else(CardFonts::approx));
    let outline = RwSignal::new(Outline::default());
    let query = RwSignal::new(String::new());
    // Recomputed only when the structure changed, so always "changed" (no
    // comparison of every child list). After an edit the tree is updated
    // from what it changed; another document is built afresh.
    let built_for = StoredValue::new(None::<u64>);
    let tree = Memo::new_owning(move |prev: Option<Option<Tree>>| {
        let generation = store.generation.get();
        store.structure.track();
        let (changes, len_before) = store.reshaped.try_update_value(std::mem::take).unwrap_or_default();
        let same = built_for.get_value() == Some(generation);
        built_for.set_value(Some(generation));
        let tree = doc.with_untracked(|d| match prev.flatten() {
            Some(prev) if same && !changes.is_empty() => Tree::update(d, prev, &changes, len_before),
            prev => Tree::rebuild(d, prev),
        });
        (tree.ok(), true)
    });
    let target_year = RwSignal::new(None);
    let card_options = Memo::new(move |_| {
        let year = target_year.get().or_else(|| Some(doc.with(|d| plan_year(d, year))));
        CardOptions { details: details.get(), year, english: lang == Lang::En }
    });
    // Sizes only: a card's lines are made when it is mounted. After an edit
    // only the cards it touched are measured again.
    let sized_for = StoredValue::new(None::<(CardOptions, u64)>);
    let sizes = Memo::new_owning(move |prev: Option<Vec<Size>>| {
        let key = (card_options.get(), store.generation.get());
        store.edits.track();
        let (changes, len_before) = store.pending.try_update_value(std::mem::take).unwrap_or_default();
        fonts.with(|f| {
            doc.with_untracked(|d| match prev {
                Some(mut sizes) if sized_for.get_value() == Some(key) && changes.iter().all(|c| !c.is_structural()) => {
                    // Content only: measure the touched cards; the layout
                    // follows only if one of them changed size.
                    let mut changed = false;
                    for c in &changes {
                        if let Change::Content(i) = *c {
                            if let (Some((_, n)), Some(s)) = (d.nodes.get_index(i), sizes.get_mut(i)) {
                                let new = Card::size(n, f, key.0);
                                if *s != new {
                                    *s = new;
                                    changed = true;
                                }
                            }
                        }
                    }
                    (sizes, changed)
                }
                Some(mut sizes) if sized_for.get_value() == Some(key) && sizes.len() == len_before => {
                    // A NaN width marks a slot to measure again.
                    let dirty = Size { w: f64::NAN, h: 0.0 };
                    Change::remap_all(&changes, &mut sizes, len_before, dirty);
                    for (s, n) in sizes.iter_mut().zip(d.nodes.values()) {
                        if s.w.is_nan() {
                            *s = Card::size(n, f, key.0);
                        }
                    }
                    (sizes, true)
                }
                _ => {
                    sized_for.set_value(Some(key));
                    (d.nodes.values().map(|n| Card::size(n, f, key.0)).collect(), true)
                }
            })
        })
    });
    let screen = RwSignal::new((0.0, 0.0));
    // What "automatic" fits to: the canvas less the fit margins (only read then).
    let fit_screen = Memo::new(move |_| {
        let (w, h) = screen.get();
        let step = |v: f64| ((v - 2.0 * FIT_MARGIN) / SCREEN_STEP).round().max(0.0) * SCREEN_STEP;
        Size { w: step(w), h: step(h) }
    });
    // The layouts are kept between runs: after an edit only what it changed
    // is walked again. Another document starts afresh.
    let arranger = StoredValue::new((Arranger::default(), None::<u64>));
    let layout = Memo::new(move |_| {
        let mode = mode.get();
        let fit_to = if mode.is_none() { fit_screen.get() } else { Size::default() };
        let generation = store.generation.get_untracked();
        let (changes, len_before) = store.relaid.try_update_value(std::mem::take).unwrap_or_default();
        tree.with(|t| match t {
            Some(t) => sizes.with(|s| {
                outline.with(|o| {
                    arranger
                        .try_update_value(|(a, kept_for)| {
                            if *kept_for != Some(generation) {
                                *a = Arranger::default();
                                *kept_for = Some(generation);
                            } else if !changes.is_empty() {
                                a.renumber(&changes, len_before);
                            }
                            timed("pk:layout", || a.layout(t, s, o, mode, fit_to))
                        })
                        .unwrap_or_default()
                })
            }),
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
    let held = RwSignal::new(None::<Viewport>);
    let drawn = Memo::new(move |_| {
        let held = held.get();
        viewport.with(|v| match held {
            Some(h) => (h, v.from_held(&h)),
            None => {
                let (step, rest) = v.stepped();
                (step, Shift { s: rest, dx: 0.0, dy: 0.0 })
            }
        })
    });
    let editor = Editor {
        lang,
        store,
        selected: RwSignal::new(None),
        inspected: RwSignal::new(None),
        editing: RwSignal::new(None),
        moving: RwSignal::new(None),
        card_focus: StoredValue::new(None),
        help: RwSignal::new(false),
        new_document: RwSignal::new(false),
        alert: RwSignal::new(None),
        busy: RwSignal::new(None),
        outline,
        view: View {
            viewport,
            drawn,
            held,
            placed: Memo::new(move |_| drawn.with(|d| d.0)),
            fitted: RwSignal::new(true),
            screen,
        },
        details,
        mode,
        fonts,
        query,
        match_pos: RwSignal::new(0),
        derived: Derived { tree, card_options, sizes, layout, cull, matches },
        target_year,
        year,
    };
    // A fitted view stays fitted as the tree grows or shrinks (a branch
    // opened, a box added, details switched on).
    Effect::new(move |_| {
        layout.with(|l| l.bounds);
        if editor.view.fitted.get_untracked() {
            editor.fit();
        }
    });
    provide_context(editor);
    editor
}

/// The year whose targets are shown by default: `year` within the plan period.
pub fn plan_year(d: &Document, year: Tahun) -> Tahun {
    d.meta.periode.as_ref().map_or(year, |p| year.clamp(p.awal, p.akhir))
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
                self.open_document(imported.document, Origin::New { source: Some(source.to_owned()) });
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

    /// Shows `doc` in place of the open document, with a fresh view and history.
    pub fn open_document(&self, doc: Document, origin: Origin) {
        self.store.replace(doc, origin);
        self.selected.set(None);
        self.editing.set(None);
        self.outline.set(Outline::default());
        self.query.set(String::new());
        self.alert.set(None);
        self.fit();
    }

    /// Shows a shared document read-only, where its sender was looking.
    pub fn open_link_document(&self, doc: Document, view: LinkView) {
        self.open_document(doc, Origin::Link);
        let index = |id: Option<NodeId>| id.and_then(|id| self.store.doc.with_untracked(|d| d.nodes.get_index_of(&id)));
        if let Some(f) = index(view.focus) {
            self.outline.update(|o| o.focus = Some(f));
        }
        let selected = view.selected;
        let editor = *self;
        // Once the canvas has its size and the layout its focus.
        request_animation_frame(move || {
            editor.fit();
            if let Some(i) = selected.and_then(|id| editor.store.doc.with_untracked(|d| d.nodes.get_index_of(&id))) {
                editor.select(i);
            }
        });
    }

    /// Fetches and opens a file by URL (relative or absolute); on success the
    /// address bar gets `?src=<url>` so the view can be shared as a link, as
    /// a new history entry when `push` (Back returns to the document before).
    pub fn open_url(&self, url: String, push: bool) {
        let editor = *self;
        leptos::task::spawn_local(async move {
            if let Err(why) = editor.fetch_and_open(&url, push).await {
                editor.alert.set(Some(why));
            }
        });
    }

    /// [`Editor::open_url`], saying why it failed instead of showing it.
    pub async fn fetch_and_open(&self, url: &str, push: bool) -> Result<(), String> {
        self.busy.set(Some(t(self.lang, Key::Opening).replace("{name}", url)));
        let fetched = fetch_bytes(url).await;
        self.busy.set(None);
        let bytes =
            fetched.map_err(|e| format!("{}: {}", t(self.lang, Key::LoadFailed), fetch_error(self.lang, &e)))?;
        match import(&bytes) {
            Ok(imported) => {
                mark("pk:data-ready");
                self.open_document(imported.document, Origin::New { source: Some(url.to_owned()) });
                measure_first_paint();
                if push {
                    push_query_param("src", url);
                } else {
                    replace_query_param("src", Some(url));
                }
                Ok(())
            }
            Err(e) => Err(format!("{} ({url}): {}", t(self.lang, Key::LoadFailed), import_error(self.lang, &e))),
        }
    }

    /// Opens a file from disk (picked or dropped) as a new draft.
    pub fn open_file(&self, file: web_sys::File) {
        let editor = *self;
        leptos::task::spawn_local(async move {
            editor.busy.set(Some(t(editor.lang, Key::Opening).replace("{name}", &file.name())));
            let read = read_file(&file).await;
            editor.busy.set(None);
            match read {
                Ok(bytes) => {
                    if editor.open_bytes(&bytes, &file.name()) {
                        replace_query_param("src", None);
                    }
                }
                Err(e) => editor.alert.set(Some(format!("{} ({}): {e}", t(editor.lang, Key::LoadFailed), file.name()))),
            }
        });
    }

    pub fn selected_index(&self) -> Option<usize> {
        let id = self.selected.get_untracked()?;
        self.store.doc.with_untracked(|d| d.nodes.get_index_of(&id))
    }

    /// The selected node's index, tracked: it follows the selection and
    /// every edit (which can move indices).
    pub fn selected_index_tracked(&self) -> Option<usize> {
        self.store.edits.track();
        self.selected.with(|s| s.as_ref().and_then(|id| self.store.doc.with_untracked(|d| d.nodes.get_index_of(id))))
    }

    pub fn index_of(&self, i: usize) -> Option<NodeId> {
        self.store.doc.with_untracked(|d| d.nodes.get_index(i).map(|(id, _)| id.clone()))
    }

    /// Shows the whole (shown) tree.
    pub fn fit(&self) {
        let (w, h) = self.view.screen.get_untracked();
        if w > 0.0 {
            let (bounds, across) = self.derived.layout.with_untracked(|l| (l.bounds, l.across));
            let fit = if across { Viewport::fit_centred } else { Viewport::fit };
            self.view.viewport.set(fit(bounds, w, h, FIT_MARGIN));
        }
        self.view.fitted.set(true);
    }

    /// Changes the view by hand (pan, zoom); a later resize keeps it.
    pub fn move_view(&self, f: impl FnOnce(&Viewport) -> Viewport) {
        self.view.viewport.update(|v| *v = f(v));
        self.view.fitted.set(false);
    }

    /// Zooms about the centre; a selected card in view stays in view.
    pub fn zoom(&self, factor: f64) {
        let seen = self.selected_in_view();
        let (w, h) = self.view.screen.get_untracked();
        self.move_view(|v| v.zoom_at(w / 2.0, h / 2.0, factor));
        if let Some(i) = seen {
            self.scroll_into_view(i);
        }
    }

    /// The selected node, if any of its card is in view.
    pub fn selected_in_view(&self) -> Option<usize> {
        let (w, h) = self.view.screen.get_untracked();
        let i = self.selected_index()?;
        let r = self.rect(i)?;
        self.view.viewport.with_untracked(|v| v.visible_world(w, h, 0.0)).overlaps(&r).then_some(i)
    }

    /// Back to 1:1, keeping the centre.
    pub fn reset_zoom(&self) {
        let k = self.view.viewport.with_untracked(|v| v.k);
        self.zoom(1.0 / k);
    }

    pub fn rect(&self, i: usize) -> Option<Rect> {
        self.derived.layout.with_untracked(|l| l.rects.get(i).copied().flatten())
    }

    /// Centres node `i` at reading size.
    pub fn zoom_to(&self, i: usize) {
        let (w, h) = self.view.screen.get_untracked();
        if let Some(r) = self.rect(i) {
            let k = self.view.viewport.with_untracked(|v| v.k).max(0.8);
            self.move_view(|_| Viewport::centre_on(r, k, w, h));
        }
    }

    /// Pans just enough to bring node `i` fully into view.
    pub fn scroll_into_view(&self, i: usize) {
        let (w, h) = self.view.screen.get_untracked();
        let Some(r) = self.rect(i) else { return };
        self.move_view(|v| v.reveal(r, w, h, FIT_MARGIN));
    }

    /// Selects node `i`, expanding its ancestors, and brings it into view.
    pub fn select(&self, i: usize) {
        self.derived.tree.with_untracked(|t| {
            if let Some(t) = t {
                if !self.outline.with_untracked(|o| o.is_shown(t, i)) {
                    self.outline.update(|o| o.reveal(t, i));
                }
            }
        });
        self.selected.set(self.index_of(i));
        self.scroll_into_view(i);
    }

    /// Changes the outline with `f`, keeping the selection visible if it still is.
    pub fn reshape(&self, f: impl FnOnce(&mut Outline, &Tree)) {
        self.derived.tree.with_untracked(|t| {
            if let Some(t) = t {
                self.outline.update(|o| f(o, t));
            }
        });
    }

    /// Collapses or expands node `i` (`None`: toggles) keeping its card where
    /// it is on screen, under the pointer that clicked it; a fitted view is
    /// fitted again instead.
    pub fn toggle_in_place(&self, i: usize, collapse: Option<bool>) {
        let at = |e: &Editor| e.rect(i).map(|r| e.view.viewport.with_untracked(|v| v.to_screen(r.x, r.y)));
        let before = at(self);
        self.reshape(|o, t| match collapse {
            Some(c) => o.set_collapsed(t, i, c),
            None => o.toggle(t, i),
        });
        if self.view.fitted.get_untracked() {
            return self.fit();
        }
        if let (Some((x0, y0)), Some((x1, y1))) = (before, at(self)) {
            self.view.viewport.update(|v| *v = v.pan(x0 - x1, y0 - y1));
        }
    }

    /// Applies one edit through the core's operations and records it for
    /// undo; `edit` returns the node to select afterwards (`None` keeps the
    /// selection). Consecutive edits in the same `group` (typing in one
    /// field) are one undo step. A refused edit says why and changes nothing.
    pub fn edit(
        &self,
        action: Action,
        group: Option<String>,
        edit: impl FnOnce(&mut Tx) -> Result<Option<NodeId>, OpError>,
    ) -> bool {
        if self.store.origin.with_untracked(|o| *o == Origin::Link) {
            self.alert.set(Some(t(self.lang, Key::LinkReadOnly).to_owned()));
            return false;
        }
        let before = self.selected.get_untracked();
        let len_before = self.store.doc.with_untracked(|d| d.nodes.len());
        let result = self.store.write.try_maybe_update(|d| match transact(d, edit) {
            Ok(done) => (true, Ok(done)),
            Err(e) => (false, Err(e)),
        });
        match result {
            Some(Ok((select, ops, changes))) => {
                self.store.changed(&changes, len_before);
                self.follow(&changes, len_before);
                let after = select.or(before.clone());
                let moved = after != before || changes.iter().any(Change::is_structural);
                self.store.history.update(|h| h.record(Entry { action, ops, group, before, after: after.clone() }));
                // Typing in a field keeps the view where it is; a new or
                // moved box is brought into view.
                if moved {
                    self.select_id(after.as_deref());
                }
                true
            }
            Some(Err(e)) => {
                self.alert.set(Some(op_error(self.lang, &e)));
                false
            }
            None => false,
        }
    }

    /// Edits node `id` with `f`; typing into one `field` is one undo step.
    pub fn set_node(&self, id: &str, field: &str, f: impl FnOnce(&mut Node)) {
        let Some(mut node) = self.store.doc.with_untracked(|d| d.nodes.get(id).cloned()) else { return };
        f(&mut node);
        if self.store.doc.with_untracked(|d| d.nodes.get(id) == Some(&node)) {
            return;
        }
        let action = match field {
            "kondisi" => Action::EditText,
            "level" => Action::ChangeLevel,
            _ => Action::EditField,
        };
        self.edit(action, Some(format!("{id}/{field}")), |tx| tx.apply(Op::SetNode(node)).map(|()| None));
    }

    /// Edits the document's metadata; typing into one `field` is one step.
    pub fn set_meta(&self, field: &str, f: impl FnOnce(&mut Meta)) {
        let mut meta = self.store.doc.with_untracked(|d| d.meta.clone());
        f(&mut meta);
        if self.store.doc.with_untracked(|d| d.meta == meta) {
            return;
        }
        self.edit(Action::EditDocument, Some(format!("meta/{field}")), |tx| {
            tx.apply(Op::SetMeta(Box::new(meta))).map(|()| None)
        });
    }

    /// Ends a group of typing: the next edit is an undo step of its own.
    pub fn seal(&self) {
        self.store.history.update_untracked(History::seal);
    }

    pub fn undo(&self) {
        self.step(true);
    }

    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, undo: bool) {
        let len_before = self.store.doc.with_untracked(|d| d.nodes.len());
        // Taken out and put back: the stack holds whole nodes, not worth a copy.
        let mut history = self.store.history.try_update_untracked(std::mem::take).unwrap_or_default();
        let result = self.store.write.try_maybe_update(|d| {
            let r = if undo { history.undo(d) } else { history.redo(d) };
            (matches!(r, Ok(Some(_))), r)
        });
        self.store.history.set(history);
        match result {
            Some(Ok(Some(step))) => {
                self.store.changed(&step.changes, len_before);
                self.follow(&step.changes, len_before);
                self.select_id(step.select.as_deref());
            }
            Some(Err(e)) => self.alert.set(Some(op_error(self.lang, &e))),
            _ => {}
        }
    }

    /// Keeps the outline on the same nodes after the node list changed.
    fn follow(&self, changes: &[Change], len_before: usize) {
        if !changes.iter().any(Change::is_structural) {
            return;
        }
        self.outline.update(|o| {
            Change::remap_all(changes, &mut o.collapsed, len_before, false);
            o.focus = o.focus.and_then(|f| Change::map_index_all(changes, f));
        });
    }

    /// Selects node `id` (if it exists) and brings it into view.
    pub fn select_id(&self, id: Option<&str>) {
        match id.and_then(|id| self.store.doc.with_untracked(|d| d.nodes.get_index_of(id))) {
            Some(i) => self.select(i),
            None => self.selected.set(None),
        }
    }

    /// Jumps to match number `pos` (wrapping) of the current search.
    pub fn goto_match(&self, pos: isize) {
        let count = self.derived.matches.with_untracked(|m| m.len()) as isize;
        if count == 0 {
            return;
        }
        let pos = pos.rem_euclid(count) as usize;
        self.match_pos.set(pos);
        if let Some(i) = self.derived.matches.with_untracked(|m| m.get(pos).copied()) {
            self.select(i);
            self.zoom_to(i);
        }
    }
}
