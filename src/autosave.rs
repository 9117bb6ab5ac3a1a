//! The open draft: reopened on start with its view, saved a moment after
//! every edit and when the tab is hidden or closed, and guarded against
//! another tab's newer save. Storage itself (compression, versions, the
//! trash, quota and unreadable texts) is [`crate::storage`].

use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;

use crate::core::drafts::{Index, Stamp, ViewState};
use crate::core::model::Document;
use crate::core::viewport::Viewport;
use crate::i18n::{link_error, storage_error, t, Key};
use crate::share::{forget_link_in_address, link_in_address, open_link};
use crate::state::{Editor, Origin, Store, SAMPLE_SOURCE};
use crate::storage::{on_storage_change, Change, DraftStore, Kept, Source, StorageError, StorageListener, Usage};
use crate::web::{mark, mark_history_entry, measure_from, query_param};

/// Quiet time after an edit before it is saved.
const SAVE_AFTER: Duration = Duration::from_millis(800);
/// Quiet time after a view change (selection, collapse, pan) before it is kept.
const VIEW_AFTER: Duration = Duration::from_millis(600);

/// What the header says about the open draft.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Saving,
    /// Edited; saved in a moment.
    Unsaved,
    /// Not saved, and why (full storage, another tab, no storage, …).
    Failed(StorageError),
}

/// The drafts as the UI sees them: a narrow handle for the header, the
/// drafts list and the conflict banner.
#[derive(Clone, Copy)]
pub struct Drafts {
    store: StoredValue<Option<Rc<DraftStore>>, LocalStorage>,
    /// The draft shown, once it is stored.
    pub current: RwSignal<Option<String>>,
    pub status: RwSignal<SaveStatus>,
    /// Another tab saved the open draft since this one did.
    pub conflict: RwSignal<bool>,
    /// The list of drafts, refreshed when it may have changed.
    pub index: RwSignal<Index>,
    pub usage: RwSignal<Option<Usage>>,
    /// The drafts list is open.
    pub open_list: RwSignal<bool>,
    /// Why the share link in the address could not be opened (kept while
    /// the usual document opens instead, which clears the editor's alert).
    pub link_error: RwSignal<Option<String>>,
    /// The stamp of the last save this tab wrote or read.
    stamp: StoredValue<Option<Stamp>>,
    /// The edit count saved last, and the one being saved.
    saved: StoredValue<u64>,
    saving: StoredValue<bool>,
    /// Bumped to cancel a pending debounced save or view write.
    timer: StoredValue<u64>,
    view_timer: StoredValue<u64>,
    _listener: StoredValue<Option<Rc<StorageListener>>, LocalStorage>,
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}

/// Sets up drafts for `editor`: opens `src` (a URL to open as a new draft),
/// or else the draft open last time, or else the sample as a first draft.
pub fn provide_drafts(editor: Editor, src: Option<String>) -> Drafts {
    let store = DraftStore::open().ok().map(Rc::new);
    let drafts = Drafts {
        store: StoredValue::new_local(store.clone()),
        current: RwSignal::new(None),
        status: RwSignal::new(if store.is_some() {
            SaveStatus::Saved
        } else {
            SaveStatus::Failed(StorageError::Unavailable)
        }),
        conflict: RwSignal::new(false),
        index: RwSignal::new(Index::default()),
        usage: RwSignal::new(None),
        open_list: RwSignal::new(false),
        link_error: RwSignal::new(None),
        stamp: StoredValue::new(None),
        saved: StoredValue::new(0),
        saving: StoredValue::new(false),
        timer: StoredValue::new(0),
        view_timer: StoredValue::new(0),
        _listener: StoredValue::new_local(None),
    };
    provide_context(drafts);
    let Some(store) = store else {
        match (link_in_address(), src) {
            (Some(fragment), _) => leptos::task::spawn_local(async move {
                open_shared(editor, drafts, &fragment).await;
            }),
            (None, Some(src)) => editor.open_url(src, false),
            (None, None) => {}
        }
        return drafts;
    };
    drafts.refresh();
    let _ = store.purge_expired();

    // A document opened from elsewhere becomes a new draft (a pristine one
    // from the same source is reused, so reopening an example adds none).
    // (Not for the document shown at start: that is decided below.)
    // The document put away keeps its unsaved edits in its own draft first.
    Effect::new(move |first: Option<()>| {
        let origin = editor.store.origin.get();
        let previous = editor.store.take_previous();
        if first.is_none() {
            return;
        }
        let unsaved = previous.zip(drafts.current.get_untracked()).filter(|_| drafts.unsaved(editor));
        // Nothing may save the new document under the old draft's id.
        drafts.timer.update_value(|t| *t += 1);
        drafts.current.set(None);
        match origin {
            Origin::Draft(id) => drafts.put_away(unsaved, move || drafts.current.set(Some(id))),
            Origin::New { source } => drafts.put_away(unsaved, move || drafts.create(editor, source)),
            // A shared document stays out of the drafts until saved as one.
            Origin::Link => drafts.put_away(unsaved, || {}),
        }
    });
    // Edits are saved once typing pauses.
    Effect::new(move |_| {
        let edits = editor.store.edits.get();
        if edits > drafts.saved.get_value() && drafts.current.get_untracked().is_some() {
            if !matches!(drafts.status.get_untracked(), SaveStatus::Failed(_)) {
                drafts.status.set(SaveStatus::Unsaved);
            }
            drafts.schedule(editor, SAVE_AFTER);
        }
    });
    // The view (selection, collapsed branches, zoom) is kept per draft.
    Effect::new(move |_| {
        editor.selected.track();
        editor.outline.track();
        editor.view.viewport.track();
        drafts.view_timer.update_value(|t| *t += 1);
        let token = drafts.view_timer.get_value();
        set_timeout(
            move || {
                if drafts.view_timer.get_value() == token {
                    drafts.keep_view(editor);
                }
            },
            VIEW_AFTER,
        );
    });
    // Hidden (tab switched, window minimised, closing): save now.
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            drafts.keep_view(editor);
            drafts.save_now(editor);
        }
    });
    // Unloading: compression cannot finish, so write uncompressed.
    let _ = window_event_listener_untyped("pagehide", move |_| drafts.flush_sync(editor));
    if let Ok(listener) = on_storage_change(move |change| drafts.other_tab(change)) {
        drafts._listener.set_value(Some(Rc::new(listener)));
    }

    // Each history entry remembers its draft: Back and Forward reopen it.
    Effect::new(move |_| {
        if let Some(id) = drafts.current.get() {
            mark_history_entry(&id);
        }
    });
    let _ = window_event_listener(leptos::ev::popstate, move |ev| {
        let draft = ev.state().as_string().filter(|id| {
            drafts.current.get_untracked().as_ref() != Some(id)
                && drafts
                    .store()
                    .and_then(|s| s.index().ok())
                    .is_some_and(|i| i.get(id).is_some_and(|e| e.deleted_at.is_none()))
        });
        match (draft, query_param("src")) {
            (Some(id), _) => drafts.open(editor, id),
            (None, Some(src)) if ev.state().is_null() => editor.open_url(src, false),
            _ => {}
        }
    });

    // A link pasted into the address bar of an open tab.
    let _ = window_event_listener_untyped("hashchange", move |_| {
        if let Some(fragment) = link_in_address() {
            leptos::task::spawn_local(async move {
                open_shared(editor, drafts, &fragment).await;
            });
        }
    });

    // What opens when no link does: the file named by `src`, else the draft
    // worked on last (the first time, the sample as the first draft).
    let start = move || match src {
        Some(src) => editor.open_url(src, false),
        None => match store
            .index()
            .ok()
            .and_then(|i| i.last_open.clone().filter(|id| i.get(id).is_some_and(|e| e.deleted_at.is_none())))
        {
            Some(id) => drafts.open(editor, id),
            None => drafts.create(editor, Some(SAMPLE_SOURCE.to_owned())),
        },
    };
    match link_in_address() {
        // A bad link says why, and the usual document opens instead.
        Some(fragment) => leptos::task::spawn_local(async move {
            if !open_shared(editor, drafts, &fragment).await {
                start();
            }
        }),
        None => start(),
    }
    drafts
}

/// Opens a share link's document read-only; a bad link says what is wrong
/// and leaves the open document as it is (false).
async fn open_shared(editor: Editor, drafts: Drafts, fragment: &str) -> bool {
    match open_link(fragment).await {
        Ok((doc, view)) => {
            drafts.link_error.set(None);
            editor.open_link_document(doc, view);
            true
        }
        Err(e) => {
            drafts.link_error.set(Some(link_error(editor.lang, &e)));
            false
        }
    }
}

impl Drafts {
    /// Keeps the shared document on screen as a new draft (editable).
    pub fn save_shared(&self, editor: Editor) {
        forget_link_in_address();
        editor.store.origin.set(Origin::New { source: None });
    }

    fn store(&self) -> Option<Rc<DraftStore>> {
        self.store.get_value()
    }

    /// Reads the list of drafts and the storage use again.
    pub fn refresh(&self) {
        if let Some(store) = self.store() {
            if let Ok(index) = store.index() {
                self.index.set(index);
            }
            self.usage.set(Some(store.usage()));
        }
    }

    /// Opens stored draft `id` in the editor, with its view as it was left.
    pub fn open(&self, editor: Editor, id: String) {
        let Some(store) = self.store() else { return };
        let drafts = *self;
        leptos::task::spawn_local(async move {
            // The open draft's unsaved edits are stored before it is put away.
            if let (true, Some(open)) = (drafts.unsaved(editor), drafts.current.get_untracked()) {
                let doc = editor.store.doc.get_untracked();
                let edits = editor.store.edits.get_untracked();
                if let Ok(stamp) = store.save(&open, &doc, drafts.stamp.get_value().as_ref(), false).await {
                    drafts.stamp.set_value(Some(stamp));
                    drafts.saved.set_value(edits);
                }
            }
            match store.load(&id).await {
                Ok(loaded) => {
                    mark("pk:data-ready");
                    drafts.stamp.set_value(Some(loaded.stamp));
                    drafts.conflict.set(false);
                    drafts.status.set(SaveStatus::Saved);
                    editor.open_document(loaded.document, Origin::Draft(id.clone()));
                    drafts.saved.set_value(editor.store.edits.get_untracked());
                    if let Some(view) = store.load_view(&id) {
                        request_animation_frame(move || restore_view(editor, &view));
                    }
                    let _ = store.set_last_open(Some(&id));
                }
                Err(e) => {
                    // The text stays where it is; the list offers it for download.
                    editor.alert.set(Some(storage_error(editor.lang, &e)));
                    drafts.open_list.set(true);
                }
            }
            drafts.refresh();
        });
    }

    /// Whether edits since the last save are not stored yet.
    fn unsaved(&self, editor: Editor) -> bool {
        editor.store.edits.get_untracked() > self.saved.get_value()
    }

    /// Saves `doc` (the document just replaced) into its draft `id`, then
    /// runs `then`; a failure is said, and the new document opens anyway.
    fn put_away(&self, unsaved: Option<(Document, String)>, then: impl FnOnce() + 'static) {
        let (Some(store), Some((doc, id))) = (self.store(), unsaved) else { return then() };
        let drafts = *self;
        let known = self.stamp.get_value();
        leptos::task::spawn_local(async move {
            let mut result = store.save(&id, &doc, known.as_ref(), false).await;
            // This tab's own autosave, in flight, landed first (an older
            // state of this document): not another tab's.
            if let Err(StorageError::Conflict { theirs: Some(theirs), .. }) = &result {
                if theirs.tab == store.tab() {
                    result = store.save(&id, &doc, Some(theirs), false).await;
                }
            }
            // Refused (another tab saved it, storage full…): kept as a draft of its own.
            if result.is_err() {
                if let Err(e) = store.create(&doc, None).await {
                    drafts.status.set(SaveStatus::Failed(e));
                }
            }
            then();
        });
    }

    /// Stores the open document as a new draft (named after it).
    fn create(&self, editor: Editor, source: Option<String>) {
        let Some(store) = self.store() else { return };
        let drafts = *self;
        let doc = editor.store.doc.get_untracked();
        leptos::task::spawn_local(async move {
            // A pristine draft from the same source is the same document again.
            let reuse = source.as_ref().and_then(|s| {
                store.index().ok()?.drafts.into_iter().find(|e| {
                    e.pristine && e.deleted_at.is_none() && e.unreadable.is_none() && e.source.as_ref() == Some(s)
                })
            });
            let result = match reuse {
                Some(entry) => {
                    let known = store.stamp(&entry.id);
                    store.save(&entry.id, &doc, known.as_ref(), false).await.map(|stamp| (entry.id, stamp))
                }
                None => store.create(&doc, source.as_deref()).await,
            };
            match result {
                Ok((id, stamp)) => {
                    drafts.stamp.set_value(Some(stamp));
                    drafts.saved.set_value(editor.store.edits.get_untracked());
                    drafts.current.set(Some(id.clone()));
                    drafts.status.set(SaveStatus::Saved);
                    drafts.conflict.set(false);
                    let _ = store.set_last_open(Some(&id));
                    // Edits made while it was being stored are saved now.
                    if editor.store.edits.get_untracked() > drafts.saved.get_value() {
                        drafts.save_now(editor);
                    }
                }
                Err(e) => drafts.status.set(SaveStatus::Failed(e)),
            }
            drafts.refresh();
        });
    }

    /// Saves after `delay` unless another edit comes first.
    fn schedule(&self, editor: Editor, delay: Duration) {
        self.timer.update_value(|t| *t += 1);
        let token = self.timer.get_value();
        let drafts = *self;
        set_timeout(
            move || {
                if drafts.timer.get_value() == token {
                    drafts.save_now(editor);
                }
            },
            delay,
        );
    }

    /// Saves the open document now, unless a save is under way (it saves
    /// again when done) or another tab's save would be overwritten.
    pub fn save_now(&self, editor: Editor) {
        self.save(editor, false);
    }

    /// Saves over another tab's save (the user chose this tab's version).
    pub fn overwrite(&self, editor: Editor) {
        self.save(editor, true);
    }

    fn save(&self, editor: Editor, force: bool) {
        let (Some(store), Some(id)) = (self.store(), self.current.get_untracked()) else { return };
        let edits = editor.store.edits.get_untracked();
        if (edits <= self.saved.get_value() && !force) || self.saving.get_value() {
            return;
        }
        if self.conflict.get_untracked() && !force {
            return;
        }
        self.saving.set_value(true);
        self.status.set(SaveStatus::Saving);
        let drafts = *self;
        let open = Open { store: editor.store, edits, generation: editor.store.generation.get_untracked() };
        leptos::task::spawn_local(async move {
            let known = drafts.stamp.get_value();
            mark("pk:autosave:start");
            let result = store.save(&id, &open, known.as_ref(), force).await;
            measure_from("pk:autosave", "pk:autosave:start");
            drafts.saving.set_value(false);
            match result {
                Ok(stamp) => {
                    drafts.stamp.set_value(Some(stamp));
                    drafts.saved.set_value(edits);
                    drafts.conflict.set(false);
                    drafts.status.set(SaveStatus::Saved);
                    if editor.store.edits.get_untracked() > edits {
                        drafts.schedule(editor, SAVE_AFTER);
                    }
                }
                Err(StorageError::Changed) => {
                    drafts.status.set(SaveStatus::Unsaved);
                    drafts.schedule(editor, SAVE_AFTER);
                }
                // Overtaken by this tab's own save: the page-hide flush (the
                // page came back from the back/forward cache), or the save
                // of a document being replaced. What is stored is as new,
                // and not another tab's.
                Err(StorageError::Conflict { theirs: Some(theirs), .. }) if theirs.tab == store.tab() => {
                    if editor.store.edits.get_untracked() > drafts.saved.get_value() {
                        drafts.status.set(SaveStatus::Unsaved);
                        drafts.schedule(editor, SAVE_AFTER);
                    } else {
                        drafts.status.set(SaveStatus::Saved);
                    }
                }
                Err(StorageError::Conflict { .. }) => {
                    drafts.conflict.set(true);
                    drafts.status.set(SaveStatus::Failed(StorageError::Conflict { id, theirs: None }));
                }
                Err(e) => drafts.status.set(SaveStatus::Failed(e)),
            }
            drafts.usage.set(Some(store.usage()));
        });
    }

    /// On unload: whatever is unsaved, written uncompressed if it fits.
    fn flush_sync(&self, editor: Editor) {
        self.keep_view(editor);
        let (Some(store), Some(id)) = (self.store(), self.current.get_untracked()) else { return };
        let edits = editor.store.edits.get_untracked();
        if edits <= self.saved.get_value() || self.conflict.get_untracked() {
            return;
        }
        let known = self.stamp.get_value();
        let result = editor.store.doc.with_untracked(|d| store.save_sync_fallback(&id, d, known.as_ref()));
        if let Ok(stamp) = result {
            self.stamp.set_value(Some(stamp));
            self.saved.set_value(edits);
        }
    }

    fn keep_view(&self, editor: Editor) {
        let (Some(store), Some(id)) = (self.store(), self.current.get_untracked()) else { return };
        let view = current_view(editor);
        let _ = store.save_view(&id, &view);
    }

    /// Another tab wrote: a newer save of the open draft is never overwritten
    /// silently; the user chooses (see the conflict banner).
    fn other_tab(&self, change: Change) {
        match change {
            Change::Draft { id, stamp } if Some(&id) == self.current.get_untracked().as_ref() => {
                let ours = self.stamp.get_value();
                let same = matches!((&stamp, &ours), (Some(a), Some(b)) if a.same_save(b));
                if !same {
                    self.conflict.set(true);
                }
            }
            Change::Cleared => self.conflict.set(true),
            _ => {}
        }
        self.refresh();
    }

    /// Replaces what this tab shows with the other tab's save.
    pub fn take_theirs(&self, editor: Editor) {
        if let Some(id) = self.current.get_untracked() {
            self.open(editor, id);
        }
    }

    /// Keeps this tab's version as a new draft; the other tab's stays.
    pub fn keep_as_new(&self, editor: Editor) {
        self.conflict.set(false);
        self.create(editor, None);
    }

    /// The stored text of draft `id` (readable or not) as a file to download.
    pub fn raw_text(&self, id: &str) -> Option<String> {
        self.store()?.raw(id).ok().flatten()
    }

    /// Runs a list operation (rename, delete, …) and refreshes the list;
    /// a full storage that now has room resumes saving.
    pub fn manage(&self, editor: Editor, op: impl FnOnce(&DraftStore) -> Result<(), StorageError>) {
        let Some(store) = self.store() else { return };
        if let Err(e) = op(&store) {
            editor.alert.set(Some(storage_error(editor.lang, &e)));
        }
        self.refresh();
        if matches!(self.status.get_untracked(), SaveStatus::Failed(StorageError::QuotaExceeded { .. })) {
            self.save_now(editor);
        }
    }

    /// Opens a document of the user's (new, or a restored version) as a new draft.
    pub fn open_new(&self, editor: Editor, doc: Document) {
        editor.open_document(doc, Origin::New { source: None });
    }

    /// Reads a kept version of the open draft and opens it as a new draft.
    pub fn open_version(&self, editor: Editor, id: String, saved_at: f64) {
        let Some(store) = self.store() else { return };
        let drafts = *self;
        leptos::task::spawn_local(async move {
            match store.load_version(&id, saved_at).await {
                Ok(loaded) => drafts.open_new(editor, loaded.document),
                Err(e) => editor.alert.set(Some(storage_error(editor.lang, &e))),
            }
        });
    }

    // For the drafts list (src/ui/drafts_dialog.rs).

    /// Runs `then` once the open document's edits are stored, with whether
    /// they are: a save under way is awaited, and edits still waiting for
    /// their debounced save are saved now. Call it before showing another
    /// document, so switching loses nothing; `false` means the edits could
    /// not be stored (full storage, another tab's newer save: the status
    /// says which) and showing another document would lose them.
    pub fn settle(&self, editor: Editor, then: impl FnOnce(bool) + 'static) {
        self.settle_within(editor, 200, false, Box::new(then));
    }

    fn settle_within(&self, editor: Editor, tries: u32, mut saved_once: bool, then: Box<dyn FnOnce(bool)>) {
        let drafts = *self;
        let unsaved = move || editor.store.edits.get_untracked() > drafts.saved.get_value();
        if !self.saving.get_value() && unsaved() && !saved_once {
            // Now rather than after the pause; once only, as a failed save
            // fails again until space is freed.
            self.timer.update_value(|t| *t += 1);
            self.save_now(editor);
            saved_once = true;
        }
        if self.saving.get_value() && tries > 0 {
            set_timeout(move || drafts.settle_within(editor, tries - 1, saved_once, then), Duration::from_millis(50));
            return;
        }
        self.keep_view(editor);
        then(!self.saving.get_value() && !unsaved());
    }

    /// Makes version `saved_at` of the open draft `id` its content again (what
    /// it replaces is kept as a version first) and reopens it. Call
    /// [`Drafts::settle`] first: unsaved edits are not part of what is kept.
    pub fn restore_version(&self, editor: Editor, id: String, saved_at: f64) {
        let Some(store) = self.store() else { return };
        let drafts = *self;
        let known = self.stamp.get_value();
        leptos::task::spawn_local(async move {
            match store.restore_version(&id, saved_at, known.as_ref(), false).await {
                Ok(loaded) => {
                    drafts.stamp.set_value(Some(loaded.stamp));
                    drafts.open(editor, id);
                }
                Err(e) => editor.alert.set(Some(storage_error(editor.lang, &e))),
            }
            drafts.refresh();
        });
    }

    /// Texts kept aside instead of being overwritten, newest first.
    pub fn kept(&self) -> Vec<Kept> {
        self.store().map(|s| s.kept()).unwrap_or_default()
    }

    /// The text of a kept key, to download.
    pub fn read_kept(&self, key: &str) -> Option<String> {
        self.store()?.read_kept(key).ok().flatten()
    }

    /// A label for the status, in the UI language.
    pub fn status_text(&self, editor: Editor) -> String {
        let lang = editor.lang;
        match self.status.get() {
            SaveStatus::Saved => t(lang, Key::Saved).to_owned(),
            SaveStatus::Saving => t(lang, Key::Saving).to_owned(),
            SaveStatus::Unsaved => t(lang, Key::Unsaved).to_owned(),
            SaveStatus::Failed(e) => format!("{}: {}", t(lang, Key::Unsaved), storage_error(lang, &e)),
        }
    }
}

/// The open document as a save reads it: in place, a batch of nodes at a
/// time, and changed once an edit is made or another document is opened.
struct Open {
    store: Store,
    edits: u64,
    generation: u64,
}

impl Source for Open {
    fn read(&self, f: &mut dyn FnMut(&Document)) {
        self.store.doc.with_untracked(|d| f(d));
    }

    fn changed(&self) -> bool {
        self.store.edits.get_untracked() != self.edits || self.store.generation.get_untracked() != self.generation
    }
}

/// The view as it is now, by node id (indices change with edits).
fn current_view(editor: Editor) -> ViewState {
    let v = editor.view.viewport.get_untracked();
    let (collapsed, focus) = editor.outline.with_untracked(|o| {
        editor.store.doc.with_untracked(|d| {
            let id = |i: usize| d.nodes.get_index(i).map(|(id, _)| id.clone());
            let collapsed = o.collapsed.iter().enumerate().filter(|(_, c)| **c).filter_map(|(i, _)| id(i)).collect();
            (collapsed, o.focus.and_then(id))
        })
    });
    ViewState {
        selected: editor.selected.get_untracked(),
        collapsed,
        focus,
        k: v.k,
        tx: v.tx,
        ty: v.ty,
        fitted: editor.view.fitted.get_untracked(),
    }
}

fn restore_view(editor: Editor, view: &ViewState) {
    editor.store.doc.with_untracked(|d| {
        let index = |id: &String| d.nodes.get_index_of(id);
        editor.outline.update(|o| {
            o.collapsed = vec![false; d.nodes.len()];
            for i in view.collapsed.iter().filter_map(index) {
                o.collapsed[i] = true;
            }
            o.focus = view.focus.as_ref().and_then(index);
        });
    });
    editor
        .selected
        .set(view.selected.clone().filter(|id| editor.store.doc.with_untracked(|d| d.nodes.contains_key(id))));
    if view.fitted {
        editor.fit();
    } else {
        editor.move_view(|_| Viewport { k: view.k, tx: view.tx, ty: view.ty });
    }
}
