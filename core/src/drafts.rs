//! Drafts in browser storage, as plain data: the index of drafts, the record a
//! draft's text is stored in, the storage keys, and the rules for versions and
//! the trash. The browser side (`pohon_kinerja::storage`) reads and writes
//! these; everything that can be decided without a browser is decided here.
//!
//! Keys, all under [`PREFIX`] so the app's share of the origin can be counted:
//! `pk:drafts` the index; `pk:draft:<id>` a draft's record; `pk:draft:<id>:v<ms>`
//! an earlier version; `pk:view:<id>` its view state; `pk:kept:<name>:<ms>` a
//! text kept aside instead of being overwritten (an unreadable index, a save
//! from another tab replaced by a forced save).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

use crate::model::NodeId;

/// The index's envelope, like the file format's.
pub const FORMAT: &str = "pohon-kinerja-drafts";
pub const VERSION: u32 = 1;
/// Every key the app writes starts with this.
pub const PREFIX: &str = "pk:";
/// A save keeps a version when the newest one is at least this old.
pub const VERSION_EVERY_MS: f64 = 10.0 * 60.0 * 1000.0;
/// Versions kept per draft; older ones are dropped.
pub const VERSIONS_KEPT: usize = 10;
/// A deleted draft can be restored for this long.
pub const TRASH_KEPT_MS: f64 = 30.0 * 24.0 * 60.0 * 60.0 * 1000.0;
/// Version keys no index lists are removed once this old: younger ones may
/// belong to a save another tab is finishing.
pub const ORPHAN_AFTER_MS: f64 = 60.0 * 60.0 * 1000.0;

/// Every draft, deleted ones included (they sit in the trash until purged).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Index {
    pub drafts: Vec<Entry>,
    /// The draft open when the app was last used, to reopen it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_open: Option<String>,
}

/// One draft as the list of drafts shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique among drafts; `[0-9a-z-]` only, so it can sit inside a key.
    pub id: String,
    /// The draft's name: the document's `judul` when created, then changed
    /// only by renaming (saves leave it alone).
    #[serde(default)]
    pub title: String,
    /// The document's agency, as of the last save.
    #[serde(default)]
    pub opd: String,
    /// Last save, ms since the Unix epoch.
    #[serde(default)]
    pub modified: f64,
    /// Node count as of the last save.
    #[serde(default)]
    pub nodes: usize,
    /// Where the draft was opened from (a URL, a file name, an example).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Not edited since it was opened from `source`: the app may reopen the
    /// source instead, and need not ask before discarding it.
    #[serde(default)]
    pub pristine: bool,
    /// In the trash since then (ms since the epoch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<f64>,
    /// Why the stored text could not be read when last tried; it is kept as
    /// it is and never overwritten by an ordinary save.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
    /// Earlier versions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<Version>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// When it was saved, whole ms since the epoch; also names its key.
    pub saved_at: f64,
    #[serde(default)]
    pub nodes: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    #[error("the drafts index is not valid JSON: {0}")]
    Corrupt(String),
    #[error("not a drafts index (format is {found:?})")]
    WrongFormat { found: Option<String> },
    #[error("drafts index version {found} is newer than this app, which reads up to {supported}")]
    NewerVersion { found: u64, supported: u32 },
    #[error("missing or invalid drafts index version")]
    BadVersion,
}

impl Index {
    /// Reads an index written by [`Index::write`]. Unknown fields are
    /// ignored; an entry that cannot be read is dropped (its draft's key is
    /// still there, and [`Index::adopt`] lists it again).
    pub fn read(text: &str) -> Result<Index, IndexError> {
        #[derive(Deserialize)]
        struct Wire {
            format: Option<Value>,
            version: Option<Value>,
            #[serde(default)]
            drafts: Vec<Value>,
            #[serde(default)]
            last_open: Option<Value>,
        }
        let wire: Wire = serde_json::from_str(text).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        match wire.format.as_ref().and_then(Value::as_str) {
            Some(FORMAT) => {}
            found => return Err(IndexError::WrongFormat { found: found.map(str::to_owned) }),
        }
        let version =
            wire.version.as_ref().and_then(Value::as_u64).filter(|&v| v >= 1).ok_or(IndexError::BadVersion)?;
        if version > u64::from(VERSION) {
            return Err(IndexError::NewerVersion { found: version, supported: VERSION });
        }
        let mut index = Index {
            drafts: Vec::with_capacity(wire.drafts.len()),
            last_open: wire.last_open.and_then(|v| v.as_str().map(str::to_owned)),
        };
        for value in wire.drafts {
            if let Ok(entry) = serde_json::from_value::<Entry>(value) {
                if valid_id(&entry.id) && index.get(&entry.id).is_none() {
                    index.drafts.push(entry);
                }
            }
        }
        Ok(index)
    }

    pub fn write(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            format: &'static str,
            version: u32,
            #[serde(flatten)]
            index: &'a Index,
        }
        serde_json::to_string(&Out { format: FORMAT, version: VERSION, index: self })
            .expect("an index always serialises")
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.drafts.iter().find(|e| e.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.drafts.iter_mut().find(|e| e.id == id)
    }

    /// Drafts not in the trash, most recently saved first.
    pub fn live(&self) -> Vec<&Entry> {
        let mut live: Vec<&Entry> = self.drafts.iter().filter(|e| e.deleted_at.is_none()).collect();
        live.sort_by(|a, b| b.modified.total_cmp(&a.modified).then_with(|| a.id.cmp(&b.id)));
        live
    }

    /// Drafts in the trash, most recently deleted first.
    pub fn trash(&self) -> Vec<&Entry> {
        let mut trash: Vec<&Entry> = self.drafts.iter().filter(|e| e.deleted_at.is_some()).collect();
        trash.sort_by(|a, b| b.deleted_at.unwrap_or(0.0).total_cmp(&a.deleted_at.unwrap_or(0.0)));
        trash
    }

    /// Removes drafts deleted more than [`TRASH_KEPT_MS`] before `now` and
    /// returns them, so their keys can be removed too.
    pub fn purge_expired(&mut self, now: f64) -> Vec<Entry> {
        let (expired, kept) = std::mem::take(&mut self.drafts)
            .into_iter()
            .partition(|e| e.deleted_at.is_some_and(|at| now - at > TRASH_KEPT_MS));
        self.drafts = kept;
        if self.last_open.as_deref().is_some_and(|id| self.get(id).is_none()) {
            self.last_open = None;
        }
        expired
    }

    /// Lists drafts found in storage that the index lacks (a lost or damaged
    /// index, a save racing another tab); returns how many were added.
    pub fn adopt(&mut self, found: impl IntoIterator<Item = Found>) -> usize {
        let mut added = 0;
        for f in found {
            if !valid_id(&f.id) || self.get(&f.id).is_some() {
                continue;
            }
            let (title, opd, nodes, modified) = match f.header {
                Some(h) => (h.title, h.opd, h.nodes, h.stamp.at),
                None => (String::new(), String::new(), 0, 0.0),
            };
            let mut versions: Vec<Version> =
                f.versions.into_iter().map(|saved_at| Version { saved_at, nodes: 0 }).collect();
            versions.sort_by(|a, b| a.saved_at.total_cmp(&b.saved_at));
            self.drafts.push(Entry { title, opd, nodes, modified, versions, ..Entry::new(f.id, 0.0, None) });
            added += 1;
        }
        added
    }

    /// Keys no draft accounts for: versions of drafts the index lacks or no
    /// longer lists (older than [`ORPHAN_AFTER_MS`]), view states of drafts
    /// the index lacks. Kept-aside texts are never orphans.
    pub fn orphans<'k>(&self, keys: &'k [StorageKey], now: f64) -> Vec<&'k StorageKey> {
        keys.iter()
            .filter(|k| match k {
                StorageKey::Version(id, at) => {
                    now - *at as f64 > ORPHAN_AFTER_MS
                        && !self.get(id).is_some_and(|e| e.versions.iter().any(|v| v.saved_at as u64 == *at))
                }
                StorageKey::View(id) => self.get(id).is_none(),
                _ => false,
            })
            .collect()
    }
}

/// A draft found by its key: its id, its record's header if readable, and
/// the times of the versions found beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub id: String,
    pub header: Option<Header>,
    pub versions: Vec<f64>,
}

/// A fresh draft id from the time: `now` in base 36, with `-2`, `-3`, …
/// appended while `taken` says it is in use.
pub fn new_id(now: f64, taken: impl Fn(&str) -> bool) -> String {
    let stem = base36(now.max(0.0) as u64);
    let mut id = stem.clone();
    let mut n = 2u32;
    while taken(&id) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}

/// Ids are `[0-9a-z-]`, non-empty: safe inside a key and a file name.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'-')
}

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).expect("ASCII digits")
}

impl Entry {
    pub fn new(id: String, now: f64, source: Option<String>) -> Entry {
        Entry {
            id,
            title: String::new(),
            opd: String::new(),
            modified: now,
            nodes: 0,
            pristine: source.is_some(),
            source,
            deleted_at: None,
            unreadable: None,
            versions: Vec::new(),
        }
    }

    /// A save at `now` should keep a version: none yet, or the newest is at
    /// least [`VERSION_EVERY_MS`] old. A clock set back makes one due too,
    /// rather than none for as long as the clock lags.
    pub fn version_due(&self, now: f64) -> bool {
        self.versions.last().is_none_or(|v| now - v.saved_at >= VERSION_EVERY_MS || now < v.saved_at)
    }

    /// Adds a version (kept in time order) and returns those now beyond
    /// [`VERSIONS_KEPT`], oldest first, whose keys can be removed. A version
    /// at a time already listed replaces it.
    pub fn push_version(&mut self, version: Version) -> Vec<Version> {
        self.versions.retain(|v| v.saved_at != version.saved_at);
        let at = self.versions.partition_point(|v| v.saved_at < version.saved_at);
        self.versions.insert(at, version);
        let excess = self.versions.len().saturating_sub(VERSIONS_KEPT);
        self.versions.drain(..excess).collect()
    }
}

/// Who saved a draft last: a tab's random id and that tab's save counter.
/// A save names the stamp it last knew; any other stamp in storage means
/// someone else saved in between.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stamp {
    pub tab: String,
    pub seq: u64,
    /// When, in ms since the epoch (for messages; not compared).
    pub at: f64,
}

impl Stamp {
    pub fn same_save(&self, other: &Stamp) -> bool {
        self.tab == other.tab && self.seq == other.seq
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.tab, self.seq)
    }
}

/// How a record's body is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// The file envelope, deflate-raw compressed, then [`crate::codec::pack`]ed.
    DeflateRaw,
    /// The file envelope as it is: the synchronous save at page close, which
    /// cannot wait for the browser to compress.
    Json,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::DeflateRaw => "deflate-raw/pack15",
            Encoding::Json => "json",
        }
    }
}

/// The first line of a stored draft: how the body is encoded, who saved it,
/// and enough about the document to list it if the index is lost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub enc: String,
    pub stamp: Stamp,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub opd: String,
    #[serde(default)]
    pub nodes: usize,
}

impl Header {
    pub fn encoding(&self) -> Result<Encoding, RecordError> {
        [Encoding::DeflateRaw, Encoding::Json]
            .into_iter()
            .find(|e| e.name() == self.enc)
            .ok_or_else(|| RecordError::UnknownEncoding(self.enc.clone()))
    }
}

/// A stored draft: one line of header JSON, a newline, then the body.
#[derive(Clone, Debug, PartialEq)]
pub struct Record<'a> {
    pub header: Header,
    pub body: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("the stored draft has no header line")]
    NoHeader,
    #[error("the stored draft's header is damaged: {0}")]
    BadHeader(String),
    #[error("the stored draft is encoded as {0:?}, unknown to this app")]
    UnknownEncoding(String),
}

impl Record<'_> {
    /// Splits a stored text into header and body. Only the header is read:
    /// the body is checked when it is decoded.
    pub fn read(text: &str) -> Result<Record<'_>, RecordError> {
        let (head, body) = text.split_once('\n').ok_or(RecordError::NoHeader)?;
        let header = serde_json::from_str(head).map_err(|e| RecordError::BadHeader(e.to_string()))?;
        Ok(Record { header, body })
    }

    /// The stored text: compact JSON never holds a raw newline, so the first
    /// newline ends the header.
    pub fn write(header: &Header, body: &str) -> String {
        let mut out = Record::head(header);
        out.push_str(body);
        out
    }

    /// What comes before the body: the header and its newline.
    pub fn head(header: &Header) -> String {
        let mut head = serde_json::to_string(header).expect("a header always serialises");
        head.push('\n');
        head
    }
}

/// A storage key of the app, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageKey {
    Index,
    Draft(String),
    /// A draft's version saved at this ms.
    Version(String, u64),
    View(String),
    /// A text kept aside: what it was (a draft id, or `index`), and when.
    Kept(String, u64),
}

impl StorageKey {
    /// `None` for keys of other apps and anything this app did not write.
    pub fn parse(key: &str) -> Option<StorageKey> {
        let rest = key.strip_prefix(PREFIX)?;
        let mut parts = rest.split(':');
        let key = match (parts.next()?, parts.next(), parts.next(), parts.next()) {
            ("drafts", None, None, None) => StorageKey::Index,
            ("draft", Some(id), None, None) => StorageKey::Draft(id.to_owned()),
            ("draft", Some(id), Some(v), None) => StorageKey::Version(id.to_owned(), time(v.strip_prefix('v')?)?),
            ("view", Some(id), None, None) => StorageKey::View(id.to_owned()),
            ("kept", Some(name), Some(at), None) => StorageKey::Kept(name.to_owned(), time(at)?),
            _ => return None,
        };
        match &key {
            StorageKey::Draft(id) | StorageKey::Version(id, _) | StorageKey::View(id) | StorageKey::Kept(id, _)
                if !valid_id(id) =>
            {
                None
            }
            _ => Some(key),
        }
    }

    pub fn version(id: &str, saved_at: f64) -> StorageKey {
        StorageKey::Version(id.to_owned(), saved_at.max(0.0) as u64)
    }
}

fn time(digits: &str) -> Option<u64> {
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
}

impl fmt::Display for StorageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageKey::Index => write!(f, "{PREFIX}drafts"),
            StorageKey::Draft(id) => write!(f, "{PREFIX}draft:{id}"),
            StorageKey::Version(id, at) => write!(f, "{PREFIX}draft:{id}:v{at}"),
            StorageKey::View(id) => write!(f, "{PREFIX}view:{id}"),
            StorageKey::Kept(name, at) => write!(f, "{PREFIX}kept:{name}:{at}"),
        }
    }
}

/// How a draft was last viewed, restored when it is reopened. Disposable: a
/// view state that cannot be read is replaced by the default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selected: Option<NodeId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub collapsed: Vec<NodeId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus: Option<NodeId>,
    /// The viewport (`screen = world * k + t`).
    pub k: f64,
    pub tx: f64,
    pub ty: f64,
    /// The view was as "fit" left it: fit again on reopening.
    pub fitted: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState { selected: None, collapsed: Vec::new(), focus: None, k: 1.0, tx: 0.0, ty: 0.0, fitted: true }
    }
}

impl ViewState {
    /// Reads a stored view state; anything unreadable or out of range gives `None`.
    pub fn read(text: &str) -> Option<ViewState> {
        let view: ViewState = serde_json::from_str(text).ok()?;
        let finite = view.k.is_finite() && view.k > 0.0 && view.tx.is_finite() && view.ty.is_finite();
        finite.then_some(view)
    }

    pub fn write(&self) -> String {
        serde_json::to_string(self).expect("a view state always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, modified: f64) -> Entry {
        Entry { modified, ..Entry::new(id.into(), modified, None) }
    }

    #[test]
    fn index_round_trips_in_its_envelope() {
        let mut index = Index { drafts: vec![entry("a", 5.0), entry("b", 7.0)], last_open: Some("b".into()) };
        index.drafts[0].versions.push(Version { saved_at: 1.0, nodes: 3 });
        index.drafts[1].deleted_at = Some(9.0);
        index.drafts[1].unreadable = Some("newer".into());
        let text = index.write();
        assert!(text.starts_with(r#"{"format":"pohon-kinerja-drafts","version":1,"#), "{text}");
        assert_eq!(Index::read(&text).unwrap(), index);
    }

    #[test]
    fn reads_tolerantly_and_refuses_clearly() {
        let text = r#"{"format":"pohon-kinerja-drafts","version":1,"future":true,
            "drafts":[{"id":"a","title":"T","colour":"red"},{"title":"no id"},{"id":"a"},{"id":"B:x"}]}"#;
        let index = Index::read(text).unwrap();
        assert_eq!(index.drafts.len(), 1);
        assert_eq!(index.drafts[0].title, "T");
        assert!(matches!(Index::read("{\"format\""), Err(IndexError::Corrupt(_))));
        assert_eq!(Index::read("[]").map_err(|e| matches!(e, IndexError::Corrupt(_))), Err(true));
        assert_eq!(
            Index::read(r#"{"format":"x","version":1}"#),
            Err(IndexError::WrongFormat { found: Some("x".into()) })
        );
        assert_eq!(
            Index::read(r#"{"format":"pohon-kinerja-drafts","version":2}"#),
            Err(IndexError::NewerVersion { found: 2, supported: 1 })
        );
        assert_eq!(Index::read(r#"{"format":"pohon-kinerja-drafts","version":"1"}"#), Err(IndexError::BadVersion));
    }

    #[test]
    fn lists_newest_first_and_the_trash_apart() {
        let mut index = Index { drafts: vec![entry("a", 1.0), entry("b", 3.0), entry("c", 2.0)], last_open: None };
        index.drafts[2].deleted_at = Some(4.0);
        let ids = |v: Vec<&Entry>| v.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(index.live()), ["b", "a"]);
        assert_eq!(ids(index.trash()), ["c"]);
    }

    #[test]
    fn purges_the_trash_after_thirty_days() {
        let day = 24.0 * 3600.0 * 1000.0;
        let mut index = Index { drafts: vec![entry("a", 0.0), entry("b", 0.0), entry("c", 0.0)], last_open: None };
        index.drafts[0].deleted_at = Some(0.0);
        index.drafts[1].deleted_at = Some(2.0 * day);
        index.last_open = Some("a".into());
        let gone = index.purge_expired(31.0 * day);
        assert_eq!(gone.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a"]);
        assert_eq!(index.drafts.len(), 2);
        assert_eq!(index.last_open, None);
        assert!(index.purge_expired(31.0 * day).is_empty());
    }

    #[test]
    fn ids_come_from_the_time_and_a_counter() {
        assert_eq!(new_id(0.0, |_| false), "0");
        assert_eq!(new_id(36.0 * 36.0, |_| false), "100");
        let now = 1_700_000_000_000.0;
        let first = new_id(now, |_| false);
        assert!(valid_id(&first));
        assert_eq!(new_id(now, |id| id == first), format!("{first}-2"));
        assert_eq!(new_id(now, |id| id == first || id == format!("{first}-2")), format!("{first}-3"));
    }

    #[test]
    fn versions_every_ten_minutes_ten_kept() {
        let min = 60_000.0;
        let mut e = entry("a", 0.0);
        assert!(e.version_due(0.0));
        let mut dropped = Vec::new();
        for i in 0..12 {
            let now = f64::from(i) * 10.0 * min;
            assert!(e.version_due(now));
            dropped.extend(e.push_version(Version { saved_at: now, nodes: i as usize }));
            assert!(!e.version_due(now + 9.0 * min));
            assert!(e.version_due(now - 1.0), "a clock set back");
        }
        assert_eq!(e.versions.len(), VERSIONS_KEPT);
        assert_eq!(e.versions[0].saved_at, 20.0 * min);
        assert_eq!(dropped.iter().map(|v| v.nodes).collect::<Vec<_>>(), [0, 1]);
        // Same time again: replaced, not doubled.
        e.push_version(Version { saved_at: 110.0 * min, nodes: 99 });
        assert_eq!(e.versions.len(), VERSIONS_KEPT);
        assert_eq!(e.versions.last().unwrap().nodes, 99);
    }

    #[test]
    fn records_split_at_the_first_newline() {
        let header = Header {
            enc: Encoding::Json.name().into(),
            stamp: Stamp { tab: "t1".into(), seq: 3, at: 5.0 },
            title: "Judul\nwith a newline".into(),
            opd: "Dinas".into(),
            nodes: 2,
        };
        let text = Record::write(&header, "{\n\"a\": 1\n}");
        let record = Record::read(&text).unwrap();
        assert_eq!(record.header, header);
        assert_eq!(record.body, "{\n\"a\": 1\n}");
        assert_eq!(record.header.encoding(), Ok(Encoding::Json));
        assert_eq!(Record::read("{}"), Err(RecordError::NoHeader));
        assert!(matches!(Record::read("garbage\nbody"), Err(RecordError::BadHeader(_))));
        let newer = Header { enc: "zstd".into(), ..header };
        let text = Record::write(&newer, "");
        assert_eq!(Record::read(&text).unwrap().header.encoding(), Err(RecordError::UnknownEncoding("zstd".into())));
    }

    #[test]
    fn keys_parse_back() {
        for key in [
            StorageKey::Index,
            StorageKey::Draft("abc-2".into()),
            StorageKey::Version("abc".into(), 1_700_000_000_000),
            StorageKey::View("abc".into()),
            StorageKey::Kept("index".into(), 5),
        ] {
            assert_eq!(StorageKey::parse(&key.to_string()), Some(key));
        }
        for other in
            ["drafts", "pk:draft", "pk:draft:", "pk:draft:a:1", "pk:draft:a:v", "pk:draft:A", "pk:x:a", "pk:view:a:b"]
        {
            assert_eq!(StorageKey::parse(other), None, "{other}");
        }
    }

    #[test]
    fn adopts_drafts_the_index_lacks_and_finds_orphans() {
        let mut index = Index { drafts: vec![entry("a", 1.0)], last_open: None };
        index.drafts[0].versions.push(Version { saved_at: 100.0, nodes: 1 });
        let header = Header {
            enc: Encoding::DeflateRaw.name().into(),
            stamp: Stamp { tab: "t".into(), seq: 1, at: 50.0 },
            title: "Lost".into(),
            opd: "Dinas".into(),
            nodes: 4,
        };
        let added = index.adopt([
            Found { id: "a".into(), header: None, versions: vec![] },
            Found { id: "b".into(), header: Some(header), versions: vec![30.0, 20.0] },
            Found { id: "c".into(), header: None, versions: vec![] },
        ]);
        assert_eq!(added, 2);
        let b = index.get("b").unwrap();
        assert_eq!((b.title.as_str(), b.nodes, b.modified), ("Lost", 4, 50.0));
        assert_eq!(b.versions.iter().map(|v| v.saved_at).collect::<Vec<_>>(), [20.0, 30.0]);
        assert!(index.get("c").is_some());

        let hour = ORPHAN_AFTER_MS;
        let keys = [
            StorageKey::Version("a".into(), 100),
            StorageKey::Version("a".into(), 200),
            StorageKey::Version("zz".into(), 5),
            StorageKey::Version("zz".into(), (2.0 * hour) as u64),
            StorageKey::View("a".into()),
            StorageKey::View("zz".into()),
            StorageKey::Kept("zz".into(), 5),
        ];
        let orphans = index.orphans(&keys, 2.0 * hour);
        assert_eq!(orphans, [&keys[1], &keys[2], &keys[5]]);
    }

    #[test]
    fn view_state_defaults_and_refuses_nonsense() {
        let view = ViewState { selected: Some("n1".into()), collapsed: vec!["n2".into()], ..ViewState::default() };
        assert_eq!(ViewState::read(&view.write()), Some(view));
        assert_eq!(ViewState::read("{}"), Some(ViewState::default()));
        assert_eq!(ViewState::read(r#"{"k":0}"#), None);
        assert_eq!(ViewState::read("nope"), None);
    }
}
