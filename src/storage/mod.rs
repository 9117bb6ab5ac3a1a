//! Drafts in the browser's localStorage, so work survives a closed tab: many
//! drafts, each with its last ten versions (one per ten minutes of work), a
//! trash kept 30 days, and nothing ever lost. Rules, in order of importance:
//!
//! - A text that cannot be read (damaged, or written by a newer app) is never
//!   overwritten: it stays where it is, marked, and a save is refused; a
//!   forced save first keeps the old text aside (`pk:kept:…`).
//! - A full storage is [`StorageError::QuotaExceeded`] and changes nothing, so
//!   the same save can be retried once space is freed.
//! - Two tabs never silently overwrite each other: every save writes a
//!   [`Stamp`], and a save naming another stamp than the stored one is a
//!   [`StorageError::Conflict`]. [`on_storage_change`] tells a tab when another
//!   one wrote.
//! - Storage the browser denies is [`StorageError::Unavailable`], not a panic.
//!
//! A draft is its file envelope ([`export`]), compressed by the browser with
//! deflate-raw and packed 15 bits per character ([`pack`]): a 10 000-node tree
//! (about 4 MB of JSON) takes well under the 5 MiB an origin gets. The index,
//! the record format and the key names are plain data in
//! [`crate::core::drafts`], tested natively. Everything here reads storage
//! afresh (another tab may have written), and checks and writes in one
//! synchronous stretch after any `await`.

mod compress;
mod local;

pub use compress::{deflate, inflate, InflateError};

use compress::{next_task, Deflater};

use std::cell::Cell;

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::codec::pack::{pack_pieces, unpack, PackError};
use crate::core::codec::{export, import, ExportCursor, ImportError, Repair, MAX_BYTES};
use crate::core::drafts::{
    new_id, valid_id, Encoding, Entry, Found, Header, Index, Record, RecordError, Stamp, StorageKey, Version, ViewState,
};
use crate::core::model::Document;
use local::Local;

/// What browsers give an origin's localStorage, about 5 M UTF-16 units
/// (Chromium 10 MiB of bytes with Latin-1 strings at one byte per char).
pub const QUOTA_BYTES: u64 = 5 * 1024 * 1024;
/// New versions are kept only while the app's keys stay under this, so
/// history never takes the room a draft needs to grow.
pub const VERSION_BUDGET_BYTES: u64 = QUOTA_BYTES * 3 / 5;

/// Where a save reads its document, a batch of nodes at a time, so that a
/// big one never blocks the page: the open document, read in place (a copy
/// of 100 000 nodes alone blocks it for ~70 ms), or any [`Document`].
pub trait Source {
    /// Runs `f` on the document as it is now.
    fn read(&self, f: &mut dyn FnMut(&Document));
    /// Whether the document changed since the save began (its batches would
    /// not fit together).
    fn changed(&self) -> bool;
}

impl Source for Document {
    fn read(&self, f: &mut dyn FnMut(&Document)) {
        f(self)
    }

    fn changed(&self) -> bool {
        false
    }
}

/// Nodes exported per turn of the event loop: about 1 MB of JSON, a few ms.
const EXPORT_BATCH: usize = 2_500;
/// Compressed bytes packed per turn of the event loop.
const PACK_PIECE: usize = 256 * 1024;

/// Why storage could not do what was asked. Every variant carries what a
/// message to the user needs; the UI words it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StorageError {
    /// No localStorage: a private mode, blocked site data, a sandboxed frame.
    #[error("browser storage is not available")]
    Unavailable,
    /// Storage is full; nothing was changed, and the save can be retried.
    #[error("browser storage is full: {needed} more bytes needed, {used} of about {quota} used by drafts")]
    QuotaExceeded { needed: u64, used: u64, quota: u64 },
    /// Another tab saved this draft since this one last loaded or saved it.
    /// `theirs` is `None` when the draft was removed there.
    #[error("draft {id} was changed in another tab")]
    Conflict { id: String, theirs: Option<Stamp> },
    /// The stored text cannot be read; it is kept, untouched, at `key`.
    /// (`reason` is boxed: an [`ImportError`] would make every result large.)
    #[error("draft {id} cannot be read ({reason}); its text is kept at {key}")]
    Unreadable { id: String, reason: Box<ReadError>, key: String },
    #[error("there is no draft {0}")]
    NotFound(String),
    /// The document changed while it was being written; nothing was stored
    /// (the save that follows the change stores it).
    #[error("the document changed while it was saved")]
    Changed,
    #[error("browser storage failed: {0}")]
    Js(String),
}

/// Why a stored draft could not be read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Record(#[from] RecordError),
    #[error("damaged compressed text: {0}")]
    Pack(#[from] PackError),
    #[error("decompression failed: {0}")]
    Inflate(String),
    #[error("decompressed, it passes {max} bytes")]
    TooLarge { max: usize },
    /// The envelope inside: damaged, or [`ImportError::NewerVersion`].
    #[error(transparent)]
    Import(#[from] ImportError),
    /// Found unreadable when last loaded (the reason then).
    #[error("{0}")]
    Earlier(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    /// Bytes taken by the app's keys and values (2 per UTF-16 unit).
    pub used: u64,
    pub quota: u64,
}

/// A draft (or version) as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub document: Document,
    /// Pass it to the next [`DraftStore::save`].
    pub stamp: Stamp,
    /// What the file reader repaired; tell the user.
    pub repairs: Vec<Repair>,
}

/// A text kept aside instead of being overwritten.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    pub key: String,
    /// The draft id it belonged to, or `index`.
    pub name: String,
    /// When it was kept, ms since the epoch.
    pub at: f64,
    pub bytes: u64,
}

/// The drafts of this origin, seen from one tab.
pub struct DraftStore {
    local: Local,
    /// Random per store, so stamps from different tabs never match.
    tab: String,
    seq: Cell<u64>,
    /// ms since the epoch; a fake in tests of versions and the trash.
    clock: Box<dyn Fn() -> f64>,
}

/// One write of a draft's record, and what comes with it.
struct Commit<'a> {
    id: &'a str,
    summary: Summary,
    enc: Encoding,
    body: &'a JsString,
    known: Option<&'a Stamp>,
    force: bool,
    /// `Some(source)` for a new draft.
    create: Option<Option<String>>,
    /// Keep this save as a version when one is due.
    version: bool,
    /// Keep the record being replaced as a version (restoring a version).
    keep_current: bool,
}

/// What the index lists of a draft's document.
struct Summary {
    title: String,
    opd: String,
    nodes: usize,
}

impl Summary {
    fn of(source: &dyn Source) -> Summary {
        let mut summary = None;
        source.read(&mut |d| {
            summary = Some(Summary { title: d.meta.judul.clone(), opd: d.meta.opd.clone(), nodes: d.nodes.len() })
        });
        summary.expect("a source reads its document")
    }
}

impl DraftStore {
    /// Opens the origin's localStorage; [`StorageError::Unavailable`] where
    /// the browser denies it.
    pub fn open() -> Result<DraftStore, StorageError> {
        let tab = format!("{:x}", (js_sys::Math::random() * 2f64.powi(48)) as u64);
        Ok(DraftStore { local: Local::open()?, tab, seq: Cell::new(0), clock: Box::new(js_sys::Date::now) })
    }

    /// The same store on another clock (ms since the epoch), for tests of
    /// what happens over minutes and days.
    pub fn with_clock(self, clock: impl Fn() -> f64 + 'static) -> DraftStore {
        DraftStore { clock: Box::new(clock), ..self }
    }

    /// This store's tab id, as in the stamps it writes.
    pub fn tab(&self) -> &str {
        &self.tab
    }

    /// Every draft, read afresh. A draft whose key exists but which the index
    /// lacks (lost or damaged index) is listed again from its record's
    /// header; a damaged index is kept aside before it is rebuilt.
    pub fn index(&self) -> Result<Index, StorageError> {
        let keys = self.keys();
        let (mut index, rebuilt) = match self.local.get(&StorageKey::Index.to_string())? {
            None => (Index::default(), false),
            Some(text) => match Index::read(&text) {
                Ok(index) => (index, false),
                // Rewritten only once kept: never overwrite what could not be read.
                Err(_) => (Index::default(), self.keep_aside("index", &text).is_ok()),
            },
        };
        let found: Vec<Found> = keys
            .iter()
            .filter_map(|k| match k {
                StorageKey::Draft(id) if index.get(id).is_none() => Some(Found {
                    id: id.clone(),
                    header: self.header(id),
                    versions: keys
                        .iter()
                        .filter_map(|v| match v {
                            StorageKey::Version(of, at) if of == id => Some(*at as f64),
                            _ => None,
                        })
                        .collect(),
                }),
                _ => None,
            })
            .collect();
        if index.adopt(found) > 0 || rebuilt {
            // Best effort: the same index is rebuilt next time if this fails.
            let _ = self.write_index(&index);
        }
        Ok(index)
    }

    /// Stores `document` as a new draft; returns its id and first stamp.
    /// `source` is where it was opened from (the draft starts pristine).
    pub async fn create(&self, document: &Document, source: Option<&str>) -> Result<(String, Stamp), StorageError> {
        let (enc, body) = encode(document).await?;
        let index = self.index()?;
        let id = new_id(self.now(), |id| index.get(id).is_some() || self.local.has(&draft_key(id)));
        let stamp = self.commit(Commit {
            id: &id,
            summary: Summary::of(document),
            enc,
            body: &body,
            known: None,
            force: false,
            create: Some(source.map(str::to_owned)),
            version: true,
            keep_current: false,
        })?;
        Ok((id, stamp))
    }

    /// Saves `document` as draft `id`, if storage still holds the save
    /// `known` (`None`: no save yet); otherwise [`StorageError::Conflict`],
    /// or with `force` the stored text is kept aside and replaced. Keeps a
    /// version when one is due and the app's keys stay under
    /// [`VERSION_BUDGET_BYTES`] (best effort: a full storage skips it).
    /// Returns the new stamp, to pass to the next save;
    /// [`StorageError::Changed`] if the document changed meanwhile.
    pub async fn save(
        &self,
        id: &str,
        document: &dyn Source,
        known: Option<&Stamp>,
        force: bool,
    ) -> Result<Stamp, StorageError> {
        if !valid_id(id) {
            return Err(StorageError::NotFound(id.to_owned()));
        }
        // As it is when its text is made (an edit may follow while it is compressed).
        let summary = Summary::of(document);
        let (enc, body) = encode(document).await?;
        self.commit(Commit {
            id,
            summary,
            enc,
            body: &body,
            known,
            force,
            create: None,
            version: true,
            keep_current: false,
        })
    }

    /// [`DraftStore::save`] without waiting, for `pagehide`: the browser
    /// cannot finish compressing while a page unloads, so the envelope is
    /// written uncompressed (tagged `json` in its header) if it fits; the next
    /// ordinary save compresses it again. Never forces; keeps no version.
    pub fn save_sync_fallback(
        &self,
        id: &str,
        document: &Document,
        known: Option<&Stamp>,
    ) -> Result<Stamp, StorageError> {
        if !valid_id(id) {
            return Err(StorageError::NotFound(id.to_owned()));
        }
        let body = JsString::from(export(document));
        self.commit(Commit {
            id,
            summary: Summary::of(document),
            enc: Encoding::Json,
            body: &body,
            known,
            force: false,
            create: None,
            version: false,
            keep_current: false,
        })
    }

    /// Reads draft `id`. A text that cannot be read is marked unreadable in
    /// the index and left in place: see [`DraftStore::raw`].
    pub async fn load(&self, id: &str) -> Result<Loaded, StorageError> {
        let key = draft_key(id);
        let text = self.local.get(&key)?.ok_or_else(|| StorageError::NotFound(id.to_owned()))?;
        let result = decode(&text).await;
        // Another tab may have saved while this one decoded: only a text
        // still in storage is described in the index.
        let current = self.local.get(&key)?.as_deref() == Some(text.as_str());
        let mut index = self.index()?;
        let Some(entry) = index.get_mut(id) else { return result.map_err(|reason| unreadable(id, reason, key)) };
        match result {
            Ok(loaded) => {
                if current {
                    let (opd, nodes) = (&loaded.document.meta.opd, loaded.document.nodes.len());
                    if entry.unreadable.is_some() || entry.opd != *opd || entry.nodes != nodes {
                        entry.unreadable = None;
                        entry.opd = opd.clone();
                        entry.nodes = nodes;
                        let _ = self.write_index(&index);
                    }
                }
                Ok(loaded)
            }
            Err(reason) => {
                if current {
                    entry.unreadable = Some(reason.to_string());
                    let _ = self.write_index(&index);
                }
                Err(unreadable(id, reason, key))
            }
        }
    }

    /// The stamp of draft `id`'s stored save, `None` without one (or when
    /// its header cannot be read).
    pub fn stamp(&self, id: &str) -> Option<Stamp> {
        self.header(id).map(|h| h.stamp)
    }

    /// The stored text of draft `id` as it is, readable or not: to offer it
    /// for download when it cannot be opened.
    pub fn raw(&self, id: &str) -> Result<Option<String>, StorageError> {
        self.local.get(&draft_key(id))
    }

    /// Renames a draft (its entry only; the document's `judul` is its own).
    pub fn rename(&self, id: &str, title: &str) -> Result<(), StorageError> {
        self.update_entry(id, |e| e.title = title.to_owned())
    }

    /// Copies draft `id`, as stored, to a new draft named `title`, with its
    /// view state but no versions; returns the new id.
    pub fn duplicate(&self, id: &str, title: &str) -> Result<String, StorageError> {
        let mut index = self.index()?;
        let entry = index.get(id).ok_or_else(|| StorageError::NotFound(id.to_owned()))?.clone();
        let key = draft_key(id);
        let text = self.local.get(&key)?.ok_or_else(|| StorageError::NotFound(id.to_owned()))?;
        let record = Record::read(&text).map_err(|e| unreadable(id, e.into(), key))?;
        let now = self.now();
        let copy = new_id(now, |id| index.get(id).is_some() || self.local.has(&draft_key(id)));
        let header = Header { stamp: self.next_stamp(now), title: title.to_owned(), ..record.header };
        self.local.set(&draft_key(&copy), &Record::write(&header, record.body))?;
        index.drafts.push(Entry {
            id: copy.clone(),
            title: title.to_owned(),
            modified: now,
            deleted_at: None,
            versions: Vec::new(),
            ..entry
        });
        if let Err(e) = self.write_index(&index) {
            self.local.remove(&draft_key(&copy));
            return Err(e);
        }
        if let Some(view) = self.local.get(&view_key(id))? {
            let _ = self.local.set(&view_key(&copy), &view);
        }
        Ok(copy)
    }

    /// Moves a draft to the trash, from which [`DraftStore::restore`] brings
    /// it back for 30 days.
    pub fn delete(&self, id: &str) -> Result<(), StorageError> {
        let now = self.now();
        self.update_entry(id, |e| e.deleted_at = Some(now))
    }

    /// Takes a draft out of the trash.
    pub fn restore(&self, id: &str) -> Result<(), StorageError> {
        self.update_entry(id, |e| e.deleted_at = None)
    }

    /// Removes a draft with its versions and view state now (emptying the
    /// trash). Texts kept aside for it stay until discarded.
    pub fn delete_forever(&self, id: &str) -> Result<(), StorageError> {
        let mut index = self.index()?;
        index.drafts.retain(|e| e.id != id);
        if index.last_open.as_deref() == Some(id) {
            index.last_open = None;
        }
        self.write_index(&index)?;
        self.remove_draft_keys(id);
        Ok(())
    }

    /// Removes drafts in the trash for more than 30 days, and versions and
    /// view states no draft accounts for; returns the ids removed.
    pub fn purge_expired(&self) -> Result<Vec<String>, StorageError> {
        let mut index = self.index()?;
        let now = self.now();
        let gone = index.purge_expired(now);
        if !gone.is_empty() {
            self.write_index(&index)?;
        }
        for entry in &gone {
            self.remove_draft_keys(&entry.id);
        }
        let keys = self.keys();
        for key in index.orphans(&keys, now) {
            self.local.remove(&key.to_string());
        }
        Ok(gone.into_iter().map(|e| e.id).collect())
    }

    /// Remembers which draft is open, to reopen it next time.
    pub fn set_last_open(&self, id: Option<&str>) -> Result<(), StorageError> {
        let mut index = self.index()?;
        if index.last_open.as_deref() != id {
            index.last_open = id.map(str::to_owned);
            self.write_index(&index)?;
        }
        Ok(())
    }

    /// Draft `id`'s earlier versions, oldest first.
    pub fn versions(&self, id: &str) -> Result<Vec<Version>, StorageError> {
        Ok(self.index()?.get(id).ok_or_else(|| StorageError::NotFound(id.to_owned()))?.versions.clone())
    }

    /// Reads a version of draft `id` (its stamp is that of the save it was,
    /// not one to save against).
    pub async fn load_version(&self, id: &str, saved_at: f64) -> Result<Loaded, StorageError> {
        let key = StorageKey::version(id, saved_at).to_string();
        let text = self.local.get(&key)?.ok_or_else(|| StorageError::NotFound(key.clone()))?;
        decode(&text).await.map_err(|reason| unreadable(id, reason, key))
    }

    /// Makes a version the draft's content again, under the same rules as
    /// [`DraftStore::save`]; what it replaces is kept as a version first.
    /// Returns the restored document with the stamp to save against.
    pub async fn restore_version(
        &self,
        id: &str,
        saved_at: f64,
        known: Option<&Stamp>,
        force: bool,
    ) -> Result<Loaded, StorageError> {
        let key = StorageKey::version(id, saved_at).to_string();
        let text = self.local.get(&key)?.ok_or_else(|| StorageError::NotFound(key.clone()))?;
        let loaded = decode(&text).await.map_err(|reason| unreadable(id, reason, key.clone()))?;
        // Decoded, so its record reads; the body is stored again as it is.
        let record = Record::read(&text).map_err(|e| unreadable(id, e.into(), key.clone()))?;
        let enc = record.header.encoding().map_err(|e| unreadable(id, e.into(), key.clone()))?;
        let stamp = self.commit(Commit {
            id,
            summary: Summary::of(&loaded.document),
            enc,
            body: &JsString::from(record.body),
            known,
            force,
            create: None,
            version: false,
            keep_current: true,
        })?;
        Ok(Loaded { stamp, ..loaded })
    }

    /// Bytes the app's keys take, and the quota to show them against.
    pub fn usage(&self) -> Usage {
        self.local.usage()
    }

    /// Stores how draft `id` is viewed (small; written synchronously).
    pub fn save_view(&self, id: &str, view: &ViewState) -> Result<(), StorageError> {
        self.local.set(&view_key(id), &view.write())
    }

    /// How draft `id` was last viewed; `None` if never, or unreadable.
    pub fn load_view(&self, id: &str) -> Option<ViewState> {
        self.local.get(&view_key(id)).ok().flatten().and_then(|text| ViewState::read(&text))
    }

    /// Texts kept aside, newest first.
    pub fn kept(&self) -> Vec<Kept> {
        let mut kept: Vec<Kept> = self
            .keys()
            .into_iter()
            .filter_map(|k| match &k {
                StorageKey::Kept(name, at) => {
                    let key = k.to_string();
                    let bytes = 2 * self.local.chars(&key) as u64;
                    Some(Kept { key, name: name.clone(), at: *at as f64, bytes })
                }
                _ => None,
            })
            .collect();
        kept.sort_by(|a, b| b.at.total_cmp(&a.at));
        kept
    }

    /// The text of a [`Kept`] key, to download.
    pub fn read_kept(&self, key: &str) -> Result<Option<String>, StorageError> {
        match StorageKey::parse(key) {
            Some(StorageKey::Kept(..)) => self.local.get(key),
            _ => Ok(None),
        }
    }

    /// Removes a [`Kept`] text (once the user has it, or does not want it).
    pub fn discard_kept(&self, key: &str) {
        if let Some(StorageKey::Kept(..)) = StorageKey::parse(key) {
            self.local.remove(key);
        }
    }

    /// The one place a draft's record is written: checks the stamp, writes,
    /// then updates versions and the index. Everything after the record is
    /// bookkeeping: if it fails the save still happened, and the index is
    /// mended from the record's header when next read.
    fn commit(&self, c: Commit) -> Result<Stamp, StorageError> {
        let now = self.now();
        let mut index = self.index()?;
        let key = draft_key(c.id);
        // The header only: a big draft's text is megabytes, needed whole
        // only to keep it.
        let stored = self.local.head(&key)?;
        let record = stored.as_deref().map(Record::read);
        // What a restore replaces is kept as a version, read before it goes.
        let replaced = if c.keep_current { self.local.get(&key)? } else { None };
        let unchanged = match (c.known, &record) {
            (None, None) => true,
            (Some(known), Some(Ok(r))) => known.same_save(&r.header.stamp),
            _ => false,
        };
        let mut kept = None;
        if !unchanged {
            if !c.force {
                if let (Some(reason), Some(_)) = (index.get(c.id).and_then(|e| e.unreadable.clone()), &stored) {
                    return Err(unreadable(c.id, ReadError::Earlier(reason), key));
                }
                return Err(match record {
                    Some(Err(e)) => unreadable(c.id, e.into(), key),
                    Some(Ok(r)) => StorageError::Conflict { id: c.id.to_owned(), theirs: Some(r.header.stamp) },
                    None => StorageError::Conflict { id: c.id.to_owned(), theirs: None },
                });
            }
            if let Some(old) = self.local.get(&key)? {
                kept = Some(self.keep_aside(c.id, &old)?);
            }
        }

        let title = index.get(c.id).map_or(c.summary.title, |e| e.title.clone());
        let stamp = self.next_stamp(now);
        let header = Header {
            enc: c.enc.name().to_owned(),
            stamp: stamp.clone(),
            title,
            opd: c.summary.opd,
            nodes: c.summary.nodes,
        };
        let text = JsString::from(Record::head(&header)).concat(c.body);
        if let Err(e) = self.local.set_js(&key, &text) {
            // The old text is still in place: its copy is not needed.
            if let Some(k) = kept {
                self.local.remove(&k);
            }
            return Err(e);
        }

        if index.get(c.id).is_none() {
            let mut entry = Entry::new(c.id.to_owned(), now, c.create.clone().flatten());
            entry.title = header.title.clone();
            index.drafts.push(entry);
        }
        let entry = index.get_mut(c.id).expect("just ensured");
        if c.keep_current {
            if let (Some(old), Some(Ok(r))) = (replaced, &record) {
                let at = r.header.stamp.at.floor();
                self.take_version(entry, Version { saved_at: at, nodes: r.header.nodes }, &JsString::from(old));
            }
        }
        if c.version && entry.version_due(now) {
            let cost = 2 * (key.len() + text.length() as usize) as u64;
            if self.local.usage().used + cost <= VERSION_BUDGET_BYTES {
                self.take_version(entry, Version { saved_at: now, nodes: header.nodes }, &text);
            }
        }
        entry.opd = header.opd;
        entry.nodes = header.nodes;
        entry.modified = now;
        entry.unreadable = None;
        if c.create.is_none() {
            entry.pristine = false;
        }
        let _ = self.write_index(&index);
        Ok(stamp)
    }

    /// Writes a version's record and lists it; a full storage skips it (the
    /// draft itself is saved, and is newer).
    fn take_version(&self, entry: &mut Entry, version: Version, text: &JsString) {
        if self.local.set_js(&StorageKey::version(&entry.id, version.saved_at).to_string(), text).is_ok() {
            for old in entry.push_version(version) {
                self.local.remove(&StorageKey::version(&entry.id, old.saved_at).to_string());
            }
        }
    }

    fn update_entry(&self, id: &str, f: impl FnOnce(&mut Entry)) -> Result<(), StorageError> {
        let mut index = self.index()?;
        f(index.get_mut(id).ok_or_else(|| StorageError::NotFound(id.to_owned()))?);
        self.write_index(&index)
    }

    fn write_index(&self, index: &Index) -> Result<(), StorageError> {
        self.local.set(&StorageKey::Index.to_string(), &index.write())
    }

    /// Copies `text` to a new `pk:kept:<name>:<ms>` key and returns it.
    fn keep_aside(&self, name: &str, text: &str) -> Result<String, StorageError> {
        let mut at = self.now() as u64;
        loop {
            let key = StorageKey::Kept(name.to_owned(), at).to_string();
            if !self.local.has(&key) {
                self.local.set(&key, text)?;
                return Ok(key);
            }
            at += 1;
        }
    }

    fn remove_draft_keys(&self, id: &str) {
        for key in self.keys() {
            match &key {
                StorageKey::Draft(of) | StorageKey::Version(of, _) | StorageKey::View(of) if of == id => {
                    self.local.remove(&key.to_string())
                }
                _ => {}
            }
        }
    }

    fn keys(&self) -> Vec<StorageKey> {
        self.local.keys().iter().filter_map(|k| StorageKey::parse(k)).collect()
    }

    fn header(&self, id: &str) -> Option<Header> {
        let text = self.local.get(&draft_key(id)).ok()??;
        Record::read(&text).ok().map(|r| r.header)
    }

    /// Whole ms, so times name keys exactly.
    fn now(&self) -> f64 {
        (self.clock)().floor()
    }

    fn next_stamp(&self, now: f64) -> Stamp {
        self.seq.set(self.seq.get() + 1);
        Stamp { tab: self.tab.clone(), seq: self.seq.get(), at: now }
    }
}

/// The document as a record body: compressed, or as it is where the
/// browser cannot compress (older browsers), rather than not at all. The
/// text is made a batch of nodes per turn of the event loop, then compressed
/// and packed a piece per turn; [`StorageError::Changed`] if the document
/// changes while it is being read (a few tenths of a second at 100k nodes;
/// compressing takes seconds, and an edit meanwhile does not stop it).
async fn encode(source: &dyn Source) -> Result<(Encoding, JsString), StorageError> {
    let mut cursor = ExportCursor::default();
    let mut pieces = Vec::new();
    while let Some(piece) = next_piece(source, &mut cursor)? {
        pieces.push(piece);
        next_task().await;
    }
    if let Ok(deflater) = Deflater::new() {
        let mut compressed = true;
        for piece in &pieces {
            compressed = compressed && deflater.write(piece.as_bytes()).await.is_ok();
        }
        if let (true, Ok(bytes)) = (compressed, deflater.finish().await) {
            // Packed and handed to JS a piece per turn too: the text is
            // joined there, and never crosses from wasm in one piece.
            let mut body = JsString::from("");
            for piece in pack_pieces(&bytes, PACK_PIECE) {
                next_task().await;
                body = body.concat(&JsString::from(piece));
            }
            return Ok((Encoding::DeflateRaw, body));
        }
    }
    let mut json = JsString::from("");
    for piece in pieces {
        json = json.concat(&JsString::from(piece));
        next_task().await;
    }
    Ok((Encoding::Json, json))
}

/// The export's next piece, if the document is still the one it began with.
fn next_piece(source: &dyn Source, cursor: &mut ExportCursor) -> Result<Option<String>, StorageError> {
    if source.changed() {
        return Err(StorageError::Changed);
    }
    let mut piece = None;
    source.read(&mut |d| piece = cursor.next(d, EXPORT_BATCH));
    Ok(piece)
}

async fn decode(text: &str) -> Result<Loaded, ReadError> {
    let record = Record::read(text)?;
    let imported = match record.header.encoding()? {
        Encoding::Json => import(record.body.as_bytes())?,
        Encoding::DeflateRaw => {
            let json = inflate(&unpack(record.body)?, MAX_BYTES).await.map_err(|e| match e {
                InflateError::TooLarge { max } => ReadError::TooLarge { max },
                InflateError::Js(message) => ReadError::Inflate(message),
            })?;
            import(&json)?
        }
    };
    Ok(Loaded { document: imported.document, stamp: record.header.stamp, repairs: imported.repairs })
}

fn unreadable(id: &str, reason: ReadError, key: String) -> StorageError {
    StorageError::Unreadable { id: id.to_owned(), reason: Box::new(reason), key }
}

fn draft_key(id: &str) -> String {
    StorageKey::Draft(id.to_owned()).to_string()
}

fn view_key(id: &str) -> String {
    StorageKey::View(id.to_owned()).to_string()
}

pub(crate) fn js_message(e: &JsValue) -> String {
    if let Some(s) = e.as_string() {
        return s;
    }
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => format!("{}: {}", String::from(err.name()), String::from(err.message())),
        None => format!("{e:?}"),
    }
}

/// What another tab changed (the `storage` event fires only in the others).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The list of drafts: created, renamed, deleted, restored, …
    Index,
    /// A draft was saved (`stamp`: by whom; compare with the one you hold)
    /// or removed (`None`).
    Draft {
        id: String,
        stamp: Option<Stamp>,
    },
    View(String),
    /// All of the origin's storage was cleared.
    Cleared,
}

/// Listens while alive; dropping it stops listening.
pub struct StorageListener {
    window: web_sys::Window,
    closure: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        let _ = self.window.remove_event_listener_with_callback("storage", self.closure.as_ref().unchecked_ref());
    }
}

/// Calls `callback` whenever another tab of this origin changes a draft, the
/// index or a view state.
pub fn on_storage_change(callback: impl Fn(Change) + 'static) -> Result<StorageListener, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    let area = Local::open()?.storage().clone();
    let closure = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
        // sessionStorage fires the same event.
        if event.storage_area().is_some_and(|a| !js_sys::Object::is(&a, &area)) {
            return;
        }
        let change = match event.key() {
            None => Change::Cleared,
            Some(key) => match StorageKey::parse(&key) {
                Some(StorageKey::Index) => Change::Index,
                Some(StorageKey::Draft(id)) => {
                    let stamp = event.new_value().and_then(|v| Record::read(&v).ok().map(|r| r.header.stamp));
                    Change::Draft { id, stamp }
                }
                Some(StorageKey::View(id)) => Change::View(id),
                _ => return,
            },
        };
        callback(change);
    });
    window
        .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
        .map_err(|e| StorageError::Js(js_message(&e)))?;
    Ok(StorageListener { window, closure })
}
