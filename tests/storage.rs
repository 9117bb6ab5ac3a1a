//! Drafts against the real localStorage of headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test storage`. Each test
//! starts from an empty storage; the ones that fill it clean up after.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pohon_kinerja::core::codec::pack::{pack, unpack};
use pohon_kinerja::core::codec::{export, ImportError, MAX_BYTES};
use pohon_kinerja::core::drafts::{Encoding, Header, Record, RecordError, Stamp, ViewState, VERSIONS_KEPT};
use pohon_kinerja::core::model::Document;
use pohon_kinerja::core::{sample, synth};
use pohon_kinerja::storage::{
    deflate, inflate, on_storage_change, Change, DraftStore, InflateError, Loaded, ReadError, Source, StorageError,
    QUOTA_BYTES, VERSION_BUDGET_BYTES,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MIN: f64 = 60_000.0;
const DAY: f64 = 24.0 * 60.0 * MIN;

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh() -> DraftStore {
    local().clear().unwrap();
    DraftStore::open().unwrap()
}

fn sample_doc() -> Document {
    sample::sample().unwrap()
}

/// A store whose clock the test moves.
fn clocked(start: f64) -> (DraftStore, Rc<Cell<f64>>) {
    let time = Rc::new(Cell::new(start));
    let t = time.clone();
    (fresh().with_clock(move || t.get()), time)
}

fn edited(doc: &Document, judul: &str) -> Document {
    let mut doc = doc.clone();
    doc.meta.judul = judul.to_owned();
    doc
}

#[wasm_bindgen_test]
async fn a_ten_thousand_node_tree_compresses_well_within_quota() {
    let store = fresh();
    let doc = synth::document(10_000, 7);
    let json = export(&doc);
    let bytes = deflate(json.as_bytes()).await.unwrap();
    let packed = pack(&bytes);
    web_sys::console::log_1(
        &format!(
            "10k nodes: {} B JSON, {} B deflated, {} UTF-16 units packed",
            json.len(),
            bytes.len(),
            packed.chars().count()
        )
        .into(),
    );
    assert!(json.len() > 3_000_000, "{}", json.len());
    assert_eq!(inflate(&unpack(&packed).unwrap(), MAX_BYTES).await.unwrap(), json.as_bytes());

    let (id, stamp) = store.create(&doc, Some("synth")).await.unwrap();
    let usage = store.usage();
    // The draft and its first version, with room to spare.
    assert!(usage.used < QUOTA_BYTES / 2, "{usage:?}");
    let loaded = store.load(&id).await.unwrap();
    assert_eq!(loaded.document, doc);
    assert_eq!(loaded.stamp, stamp);
}

#[wasm_bindgen_test]
async fn decompression_stops_at_its_cap() {
    // 20 MB of zeros deflate to a few KB: a small bomb.
    let bomb = deflate("0".repeat(20 << 20).as_bytes()).await.unwrap();
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    assert_eq!(inflate(&bomb, 1 << 20).await, Err(InflateError::TooLarge { max: 1 << 20 }));
    assert_eq!(inflate(&bomb, 20 << 20).await.unwrap().len(), 20 << 20);
    assert!(matches!(inflate(b"not deflate at all", 1 << 20).await, Err(InflateError::Js(_))));
}

#[wasm_bindgen_test]
async fn a_full_storage_refuses_the_save_and_keeps_the_draft() {
    let store = fresh();
    let doc = sample_doc();
    let (id, stamp) = store.create(&doc, None).await.unwrap();
    let before = store.raw(&id).unwrap().unwrap();

    // Fill storage with junk until even small writes fail.
    let (mut junk, mut size) = (0, 1 << 20);
    while size >= 8 {
        match local().set_item(&format!("junk:{junk}"), &"x".repeat(size)) {
            Ok(()) => junk += 1,
            Err(_) => size /= 4,
        }
    }
    let bigger = synth::document(300, 1);
    let err = store.save(&id, &bigger, Some(&stamp), false).await.unwrap_err();
    assert!(matches!(err, StorageError::QuotaExceeded { needed, .. } if needed > 0), "{err:?}");
    assert_eq!(store.raw(&id).unwrap().unwrap(), before);
    let loaded = store.load(&id).await.unwrap();
    assert_eq!((loaded.document, loaded.stamp.clone()), (doc, stamp.clone()));

    for i in 0..junk {
        local().remove_item(&format!("junk:{i}")).unwrap();
    }
    // Nothing changed, so the same save goes through once there is room.
    let saved = store.save(&id, &bigger, Some(&stamp), false).await.unwrap();
    let loaded = store.load(&id).await.unwrap();
    assert_eq!((loaded.document, loaded.stamp), (bigger, saved));
}

#[wasm_bindgen_test]
async fn a_damaged_draft_is_reported_kept_and_never_overwritten() {
    let store = fresh();
    let doc = sample_doc();
    let (id, stamp) = store.create(&doc, None).await.unwrap();
    let key = format!("pk:draft:{id}");
    local().set_item(&key, "garbage").unwrap();

    let err = store.load(&id).await.unwrap_err();
    assert_eq!(
        err,
        StorageError::Unreadable {
            id: id.clone(),
            reason: Box::new(ReadError::Record(RecordError::NoHeader)),
            key: key.clone()
        }
    );
    let entry = store.index().unwrap().get(&id).cloned().unwrap();
    assert!(entry.unreadable.is_some(), "{entry:?}");
    assert_eq!(store.raw(&id).unwrap().as_deref(), Some("garbage"));

    for known in [None, Some(&stamp)] {
        let err = store.save(&id, &doc, known, false).await.unwrap_err();
        assert!(
            matches!(&err, StorageError::Unreadable { reason, .. } if matches!(**reason, ReadError::Earlier(_))),
            "{err:?}"
        );
        assert!(store.save_sync_fallback(&id, &doc, known).is_err());
        assert_eq!(store.raw(&id).unwrap().as_deref(), Some("garbage"));
    }

    // Forced, it is replaced only once kept aside.
    store.save(&id, &doc, None, true).await.unwrap();
    let kept = store.kept();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].name, id);
    assert_eq!(store.read_kept(&kept[0].key).unwrap().as_deref(), Some("garbage"));
    assert_eq!(store.load(&id).await.unwrap().document, doc);
    assert_eq!(store.index().unwrap().get(&id).unwrap().unreadable, None);

    // A sound header over a damaged body: each layer says what broke.
    let header = r#"{"enc":"deflate-raw/pack15","stamp":{"tab":"x","seq":1,"at":0}}"#;
    for (body, check) in [
        ("\u{1}", (|r: &ReadError| matches!(r, ReadError::Pack(_))) as fn(&ReadError) -> bool),
        (&pack(b"not deflate") as &str, |r| matches!(r, ReadError::Inflate(_))),
    ] {
        local().set_item(&key, &format!("{header}\n{body}")).unwrap();
        match store.load(&id).await {
            Err(StorageError::Unreadable { reason, .. }) => assert!(check(&reason), "{reason:?}"),
            other => panic!("{other:?}"),
        }
    }
}

#[wasm_bindgen_test]
async fn a_draft_from_a_newer_app_is_kept_untouched() {
    let store = fresh();
    let newer = export(&sample_doc()).replacen("\"version\": 1", "\"version\": 99", 1);
    assert!(newer.contains("\"version\": 99"));
    let header = Header {
        enc: Encoding::DeflateRaw.name().into(),
        stamp: Stamp { tab: "future".into(), seq: 1, at: 1.0 },
        title: "Dari versi baru".into(),
        opd: String::new(),
        nodes: 8,
    };
    let text = Record::write(&header, &pack(&deflate(newer.as_bytes()).await.unwrap()));
    local().set_item("pk:draft:newer", &text).unwrap();

    // Not in the index yet: listed from its header.
    assert_eq!(store.index().unwrap().get("newer").unwrap().title, "Dari versi baru");
    let err = store.load("newer").await.unwrap_err();
    let StorageError::Unreadable { reason, key, .. } = err else { panic!("{err:?}") };
    assert_eq!(*reason, ReadError::Import(ImportError::NewerVersion { found: 99, supported: 1 }));
    assert_eq!(key, "pk:draft:newer");
    assert!(store.index().unwrap().get("newer").unwrap().unreadable.as_deref().unwrap().contains("99"));
    let err = store.save("newer", &sample_doc(), None, false).await.unwrap_err();
    assert!(matches!(err, StorageError::Unreadable { .. }), "{err:?}");
    assert_eq!(store.raw("newer").unwrap(), Some(text));
}

#[wasm_bindgen_test]
async fn a_second_tab_never_silently_overwrites_a_newer_save() {
    let tab_a = fresh();
    let tab_b = DraftStore::open().unwrap();
    assert_ne!(tab_a.tab(), tab_b.tab());
    let doc = sample_doc();
    let (id, s1) = tab_a.create(&doc, None).await.unwrap();

    let loaded = tab_b.load(&id).await.unwrap();
    assert_eq!(loaded.stamp, s1);
    let s2 = tab_b.save(&id, &edited(&doc, "B"), Some(&s1), false).await.unwrap();
    assert_eq!(tab_a.stamp(&id), Some(s2.clone()));

    let err = tab_a.save(&id, &edited(&doc, "A"), Some(&s1), false).await.unwrap_err();
    assert_eq!(err, StorageError::Conflict { id: id.clone(), theirs: Some(s2.clone()) });
    assert_eq!(tab_a.load(&id).await.unwrap().document.meta.judul, "B");
    assert!(tab_a.kept().is_empty());

    // Forced: A wins, and B's save is kept aside, not lost.
    let s3 = tab_a.save(&id, &edited(&doc, "A"), Some(&s1), true).await.unwrap();
    let kept = tab_a.kept();
    assert_eq!(kept.len(), 1);
    let kept_text = tab_a.read_kept(&kept[0].key).unwrap().unwrap();
    assert_eq!(Record::read(&kept_text).unwrap().header.stamp, s2);
    let err = tab_b.save(&id, &edited(&doc, "B2"), Some(&s2), false).await.unwrap_err();
    assert_eq!(err, StorageError::Conflict { id: id.clone(), theirs: Some(s3.clone()) });

    // A save against the latest stamp goes through, again and again.
    let s4 = tab_a.save(&id, &edited(&doc, "A2"), Some(&s3), false).await.unwrap();
    tab_a.save(&id, &edited(&doc, "A3"), Some(&s4), false).await.unwrap();

    // Removed in another tab: a conflict with nothing, not a silent re-creation.
    tab_b.delete_forever(&id).unwrap();
    let err = tab_a.save_sync_fallback(&id, &doc, Some(&s4)).unwrap_err();
    assert_eq!(err, StorageError::Conflict { id: id.clone(), theirs: None });
}

/// The open document, as the app saves it: read in place, a batch of nodes
/// per turn of the event loop; here it is edited after the first batch.
struct EditedWhileSaved {
    doc: RefCell<Document>,
    reads: Cell<usize>,
}

impl Source for EditedWhileSaved {
    fn read(&self, f: &mut dyn FnMut(&Document)) {
        f(&self.doc.borrow());
        self.reads.set(self.reads.get() + 1);
        if self.reads.get() == 1 {
            self.doc.borrow_mut().meta.judul = "diubah".to_owned();
        }
    }

    fn changed(&self) -> bool {
        self.reads.get() > 0
    }
}

#[wasm_bindgen_test]
async fn a_document_edited_while_it_is_saved_is_not_stored_half_old() {
    let store = fresh();
    let doc = synth::document(6_000, 3);
    let (id, s1) = store.create(&doc, None).await.unwrap();
    let live = EditedWhileSaved { doc: RefCell::new(edited(&doc, "baru")), reads: Cell::new(0) };
    assert_eq!(store.save(&id, &live, Some(&s1), false).await.unwrap_err(), StorageError::Changed);
    assert_eq!(live.reads.get(), 1, "stopped at the first batch after the change");
    // Nothing was written: the draft is as created, and saves on.
    assert_eq!(store.stamp(&id), Some(s1.clone()));
    assert_eq!(store.load(&id).await.unwrap().document, doc);
    let now = live.doc.into_inner();
    let s2 = store.save(&id, &now, Some(&s1), false).await.unwrap();
    assert_eq!(store.load(&id).await.unwrap(), Loaded { document: now, stamp: s2, repairs: Vec::new() });
}

#[wasm_bindgen_test]
async fn storage_events_name_the_draft_another_tab_changed() {
    let store = fresh();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let listener = {
        let seen = seen.clone();
        on_storage_change(move |change| seen.borrow_mut().push(change)).unwrap()
    };
    let (id, stamp) = store.create(&sample_doc(), None).await.unwrap();
    let record = store.raw(&id).unwrap().unwrap();
    let fire = |key: Option<&str>, value: Option<&str>| {
        let init = web_sys::StorageEventInit::new();
        init.set_key(key);
        init.set_new_value(value);
        init.set_storage_area(Some(&local()));
        let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
        web_sys::window().unwrap().dispatch_event(&event).unwrap();
    };
    // A tab's own writes fire no event in it.
    assert!(seen.borrow().is_empty());
    fire(Some(&format!("pk:draft:{id}")), Some(&record));
    fire(Some(&format!("pk:draft:{id}")), None);
    fire(Some("pk:drafts"), Some("{}"));
    fire(Some("pk:view:abc"), Some("{}"));
    fire(Some("someone-else"), Some("x"));
    fire(None, None);
    assert_eq!(
        *seen.borrow(),
        [
            Change::Draft { id: id.clone(), stamp: Some(stamp) },
            Change::Draft { id: id.clone(), stamp: None },
            Change::Index,
            Change::View("abc".into()),
            Change::Cleared,
        ]
    );
    drop(listener);
    fire(Some("pk:drafts"), Some("{}"));
    assert_eq!(seen.borrow().len(), 5);
}

#[wasm_bindgen_test]
async fn drafts_are_listed_renamed_duplicated_and_trashed_for_thirty_days() {
    let (store, time) = clocked(1_700_000_000_000.0);
    let doc = sample_doc();
    let (first, _) = store.create(&doc, Some("examples/dinsos-2024.json")).await.unwrap();
    time.set(time.get() + 1.0);
    let (second, s2) = store.create(&edited(&doc, "Kedua"), None).await.unwrap();
    assert_ne!(first, second);

    let index = store.index().unwrap();
    let live: Vec<&str> = index.live().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(live, [second.as_str(), first.as_str()]);
    let e = index.get(&first).unwrap();
    assert_eq!((e.title.as_str(), e.nodes, e.pristine), (doc.meta.judul.as_str(), doc.nodes.len(), true));
    assert_eq!(e.source.as_deref(), Some("examples/dinsos-2024.json"));
    assert_eq!(index.get(&second).unwrap().title, "Kedua");

    store.rename(&first, "Nama baru").unwrap();
    store.save(&second, &edited(&doc, "Judul lain"), Some(&s2), false).await.unwrap();
    let index = store.index().unwrap();
    assert_eq!(index.get(&first).unwrap().title, "Nama baru");
    // A save leaves the name alone and ends pristine.
    assert_eq!(index.get(&second).unwrap().title, "Kedua");

    store.save_view(&first, &ViewState { selected: Some("n1".into()), ..ViewState::default() }).unwrap();
    let copy = store.duplicate(&first, "Salinan").unwrap();
    assert_eq!(store.index().unwrap().get(&copy).unwrap().title, "Salinan");
    assert_eq!(store.load(&copy).await.unwrap().document, doc);
    assert_eq!(store.load_view(&copy).unwrap().selected.as_deref(), Some("n1"));
    assert_eq!(store.raw("nope").unwrap(), None);
    assert_eq!(store.rename("nope", "x"), Err(StorageError::NotFound("nope".into())));

    store.set_last_open(Some(&first)).unwrap();
    store.delete(&first).unwrap();
    let index = store.index().unwrap();
    assert_eq!(index.trash().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), [first.as_str()]);
    assert_eq!(index.live().len(), 2);
    store.restore(&first).unwrap();
    assert_eq!(store.index().unwrap().trash().len(), 0);

    store.delete(&first).unwrap();
    time.set(time.get() + 29.0 * DAY);
    assert!(store.purge_expired().unwrap().is_empty());
    time.set(time.get() + 2.0 * DAY);
    assert_eq!(store.purge_expired().unwrap(), std::slice::from_ref(&first));
    let index = store.index().unwrap();
    assert!(index.get(&first).is_none());
    assert_eq!(index.last_open, None);
    assert_eq!(store.raw(&first).unwrap(), None);
    assert_eq!(store.load_view(&first), None);
    let keys: Vec<String> = (0..local().length().unwrap()).filter_map(|i| local().key(i).unwrap()).collect();
    assert!(!keys.iter().any(|k| k.contains(&first)), "{keys:?}");
}

#[wasm_bindgen_test]
async fn versions_every_ten_minutes_the_last_ten_restorable() {
    let start = 1_700_000_000_000.0;
    let (store, time) = clocked(start);
    let doc = sample_doc();
    let (id, mut stamp) = store.create(&edited(&doc, "v0"), None).await.unwrap();
    assert_eq!(store.versions(&id).unwrap().len(), 1);
    time.set(start + 5.0 * MIN);
    stamp = store.save(&id, &edited(&doc, "v0b"), Some(&stamp), false).await.unwrap();
    assert_eq!(store.versions(&id).unwrap().len(), 1, "not due within ten minutes");

    for i in 1..=12 {
        time.set(start + f64::from(i) * 11.0 * MIN);
        stamp = store.save(&id, &edited(&doc, &format!("v{i}")), Some(&stamp), false).await.unwrap();
    }
    let versions = store.versions(&id).unwrap();
    assert_eq!(versions.len(), VERSIONS_KEPT);
    assert!(versions.windows(2).all(|w| w[0].saved_at < w[1].saved_at));
    let oldest = store.load_version(&id, versions[0].saved_at).await.unwrap();
    assert_eq!(oldest.document.meta.judul, "v3");
    let version_keys =
        (0..local().length().unwrap()).filter_map(|i| local().key(i).unwrap()).filter(|k| k.contains(":v")).count();
    assert_eq!(version_keys, VERSIONS_KEPT, "dropped versions leave no key behind");

    // Restoring needs the current stamp too, and keeps what it replaces.
    let old = Stamp { seq: 1, ..stamp.clone() };
    let err = store.restore_version(&id, versions[0].saved_at, Some(&old), false).await.unwrap_err();
    assert!(matches!(err, StorageError::Conflict { .. }), "{err:?}");
    time.set(time.get() + MIN);
    let restored = store.restore_version(&id, versions[0].saved_at, Some(&stamp), false).await.unwrap();
    assert_eq!(restored.document.meta.judul, "v3");
    let loaded = store.load(&id).await.unwrap();
    assert_eq!((loaded.document.meta.judul.as_str(), &loaded.stamp), ("v3", &restored.stamp));
    let versions = store.versions(&id).unwrap();
    let newest = store.load_version(&id, versions.last().unwrap().saved_at).await.unwrap();
    assert_eq!(newest.document.meta.judul, "v12");

    // Past the version budget, saves go on without new versions.
    local().set_item("pk:ballast", &"\u{100}".repeat((VERSION_BUDGET_BYTES / 2) as usize)).unwrap();
    time.set(time.get() + 11.0 * MIN);
    store.save(&id, &edited(&doc, "v13"), Some(&restored.stamp), false).await.unwrap();
    assert_eq!(store.versions(&id).unwrap(), versions);
    local().remove_item("pk:ballast").unwrap();
}

#[wasm_bindgen_test]
async fn view_state_and_the_page_close_save() {
    let store = fresh();
    let doc = sample_doc();
    let (id, stamp) = store.create(&doc, None).await.unwrap();
    assert_eq!(store.load_view(&id), None);
    let view =
        ViewState { collapsed: vec!["a".into()], k: 0.5, tx: 10.0, ty: -3.0, fitted: false, ..Default::default() };
    store.save_view(&id, &view).unwrap();
    assert_eq!(store.load_view(&id), Some(view));
    local().set_item(&format!("pk:view:{id}"), "{broken").unwrap();
    assert_eq!(store.load_view(&id), None);

    // Written at once, uncompressed and tagged so.
    let changed = edited(&doc, "Sebelum tutup");
    let s2 = store.save_sync_fallback(&id, &changed, Some(&stamp)).unwrap();
    let raw = store.raw(&id).unwrap().unwrap();
    let record = Record::read(&raw).unwrap();
    assert_eq!(record.header.encoding(), Ok(Encoding::Json));
    assert_eq!(record.body, export(&changed));
    let loaded = store.load(&id).await.unwrap();
    assert_eq!((loaded.document, &loaded.stamp), (changed.clone(), &s2));
    // The next ordinary save compresses again.
    store.save(&id, &changed, Some(&s2), false).await.unwrap();
    let raw = store.raw(&id).unwrap().unwrap();
    assert_eq!(Record::read(&raw).unwrap().header.encoding(), Ok(Encoding::DeflateRaw));
}

#[wasm_bindgen_test]
async fn a_lost_or_damaged_index_is_rebuilt_from_the_drafts() {
    let store = fresh();
    let (id, _) = store.create(&sample_doc(), None).await.unwrap();
    store.rename(&id, "Nama").unwrap();
    local().set_item("pk:drafts", "{not json").unwrap();
    let index = store.index().unwrap();
    // From the record's header, which carries the name as of the last save.
    assert_eq!(index.get(&id).unwrap().title, sample_doc().meta.judul);
    assert_eq!(index.get(&id).unwrap().versions.len(), 1);
    let kept = store.kept();
    assert_eq!(kept.iter().map(|k| k.name.as_str()).collect::<Vec<_>>(), ["index"]);
    assert_eq!(store.read_kept(&kept[0].key).unwrap().as_deref(), Some("{not json"));
    store.discard_kept(&kept[0].key);
    assert!(store.kept().is_empty());

    local().remove_item("pk:drafts").unwrap();
    assert!(store.index().unwrap().get(&id).is_some());
    assert!(store.usage().used > 0);
}

#[wasm_bindgen_test]
fn unavailable_storage_is_an_error_not_a_panic() {
    let window = web_sys::window().unwrap();
    let descriptor = js_sys::Object::get_own_property_descriptor(&window, &JsValue::from_str("localStorage"));
    js_sys::Function::new_no_args(
        "Object.defineProperty(window, 'localStorage', { configurable: true, \
         get() { throw new DOMException('denied', 'SecurityError'); } });",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let opened = DraftStore::open().err();
    let listened = on_storage_change(|_| {}).err();
    // Chromium keeps Window's attributes on the window itself; elsewhere they may sit on its prototype.
    if descriptor.is_undefined() {
        js_sys::Reflect::delete_property(&window, &JsValue::from_str("localStorage")).unwrap();
    } else {
        js_sys::Object::define_property(&window, &JsValue::from_str("localStorage"), &descriptor.unchecked_into());
    }
    assert_eq!(opened, Some(StorageError::Unavailable));
    assert_eq!(listened, Some(StorageError::Unavailable));
    assert!(DraftStore::open().is_ok());
}
