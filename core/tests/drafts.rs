#![cfg(not(target_arch = "wasm32"))]
//! The pure half of draft storage, property-tested: packed bytes round-trip
//! exactly and stay within localStorage-safe characters; no stored text, however
//! damaged, makes a reader panic; version retention keeps its invariants.

use pohon_core::codec::pack::{pack, unpack};
use pohon_core::drafts::{new_id, valid_id, Entry, Index, Record, StorageKey, Version, ViewState, VERSIONS_KEPT};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn pack_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let packed = pack(&bytes);
        let safe = packed.chars().all(|c| ('\u{20}'..='\u{801f}').contains(&c));
        prop_assert!(safe);
        prop_assert_eq!(packed.encode_utf16().count(), 1 + (bytes.len() * 8).div_ceil(15));
        prop_assert_eq!(unpack(&packed).unwrap(), bytes);
    }

    #[test]
    fn unpack_never_panics(text in "\\PC{0,64}|[ -\u{801f}]{0,64}") {
        if let Ok(bytes) = unpack(&text) {
            // Whatever it accepts is the one packed form of what it returns.
            prop_assert_eq!(pack(&bytes), text);
        }
    }

    #[test]
    fn damaged_packs_are_refused_or_decode_to_other_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 1..200),
        at in any::<prop::sample::Index>(),
        c in any::<char>(),
    ) {
        let mut chars: Vec<char> = pack(&bytes).chars().collect();
        let i = at.index(chars.len());
        prop_assume!(chars[i] != c);
        chars[i] = c;
        let damaged: String = chars.into_iter().collect();
        prop_assert_ne!(unpack(&damaged).ok(), Some(bytes));
    }

    #[test]
    fn readers_never_panic(text in "\\PC{0,200}") {
        let _ = Index::read(&text);
        let _ = Record::read(&text).map(|r| r.header.encoding());
        let _ = ViewState::read(&text);
        if let Some(key) = StorageKey::parse(&text) {
            prop_assert_eq!(key.to_string(), text);
        }
    }

    #[test]
    fn index_read_survives_any_json_in_its_envelope(drafts in "\\[[\\[\\]{}\",:a-z0-9 ]{0,80}\\]") {
        let text = format!(r#"{{"format":"pohon-kinerja-drafts","version":1,"drafts":{drafts}}}"#);
        if let Ok(index) = Index::read(&text) {
            prop_assert!(index.drafts.iter().all(|e| valid_id(&e.id)));
        }
    }

    #[test]
    fn versions_stay_ordered_bounded_and_spaced(steps in proptest::collection::vec(0.0f64..30.0 * 60_000.0, 1..60)) {
        let mut entry = Entry::new("a".into(), 0.0, None);
        let mut now = 1_700_000_000_000.0;
        for step in steps {
            now += step.floor();
            if entry.version_due(now) {
                let before = entry.versions.len();
                let dropped = entry.push_version(Version { saved_at: now, nodes: 1 });
                prop_assert_eq!(entry.versions.len(), (before + 1).min(VERSIONS_KEPT));
                prop_assert!(dropped.iter().all(|d| d.saved_at < entry.versions[0].saved_at));
            }
            prop_assert!(entry.versions.len() <= VERSIONS_KEPT);
            prop_assert!(entry.versions.windows(2).all(|w| w[1].saved_at - w[0].saved_at >= 10.0 * 60_000.0));
        }
    }

    #[test]
    fn new_ids_are_valid_and_free(now in 0.0f64..4e12, taken in proptest::collection::vec(0u32..5, 0..5)) {
        let index_taken = |id: &str| taken.iter().any(|&n| {
            let stem = new_id(now, |_| false);
            if n < 2 { id == stem } else { id == format!("{stem}-{n}") }
        });
        let id = new_id(now, index_taken);
        prop_assert!(valid_id(&id));
        prop_assert!(!index_taken(&id));
    }
}
