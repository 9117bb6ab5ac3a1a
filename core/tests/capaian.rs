#![cfg(not(target_arch = "wasm32"))]
//! Capaian: a table of cases over every polarity and every way a value cannot
//! be computed; quarterly rules; weights carried by both codecs; bands;
//! roll-ups (capped, weighted, with children) against a recursive reference on
//! random trees; the summary; and a 100 000-deep chain.

use pohon_core::capaian::{
    band, bobot, capaian, realisasi, realisasi_triwulan, rollup, set_bobot, summary, Band, Bands, LevelCount, Options,
    Reason, BOBOT, MAX_BOBOT,
};
use pohon_core::codec::{export, import, link};
use pohon_core::model::{AturanTriwulan, Document, Indikator, Level, Node, Polaritas, Tahun};
use pohon_core::tree::Tree;
use pohon_core::value::Nilai;
use proptest::prelude::*;
use serde_json::json;

const Y: Tahun = 2024;

fn ind(polaritas: Polaritas, target: Option<&str>, realisasi: Option<&str>) -> Indikator {
    let mut i = Indikator { polaritas, ..Indikator::default() };
    i.target.extend(target.map(|t| (Y, Nilai::from(t))));
    i.realisasi.extend(realisasi.map(|r| (Y, Nilai::from(r))));
    i
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn all_close(a: &[Option<f64>], b: &[Option<f64>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => close(*a, *b),
            _ => a == b,
        })
}

/// Label, polarity, target, realisasi, expected capaian.
type Case<'a> = (&'a str, Polaritas, Option<&'a str>, Option<&'a str>, Result<f64, Reason>);

#[test]
fn capaian_table() {
    use Polaritas::{HigherIsBetter as Hi, LowerIsBetter as Lo, Range};
    use Reason::*;
    let huge = "9".repeat(400);
    let tiny = format!("0,{}1", "0".repeat(319));
    #[rustfmt::skip]
    let cases: Vec<Case> = vec![
        ("higher, met", Hi, Some("80"), Some("80"), Ok(100.0)),
        ("higher, below", Hi, Some("80"), Some("60"), Ok(75.0)),
        ("higher, above", Hi, Some("80"), Some("100"), Ok(125.0)),
        ("higher, above the cap is shown as is", Hi, Some("80"), Some("200"), Ok(250.0)),
        ("higher, nothing done", Hi, Some("80"), Some("0"), Ok(0.0)),
        ("higher, decimal commas", Hi, Some("3,5"), Some("7"), Ok(200.0)),
        ("higher, thousands dots", Hi, Some("1.000"), Some("750"), Ok(75.0)),
        ("higher, percentages", Hi, Some("72,5 %"), Some("58%"), Ok(80.0)),
        ("higher, negative realisasi", Hi, Some("5"), Some("-1"), Ok(0.0)),
        ("higher, negative target met", Hi, Some("-2"), Some("-2"), Ok(100.0)),
        ("higher, negative target beaten", Hi, Some("-2"), Some("-1"), Ok(150.0)),
        ("higher, negative target missed", Hi, Some("-2"), Some("-3"), Ok(50.0)),
        ("lower, met", Lo, Some("10"), Some("10"), Ok(100.0)),
        ("lower, beaten", Lo, Some("10"), Some("8"), Ok(120.0)),
        ("lower, R = 0", Lo, Some("10"), Some("0"), Ok(200.0)),
        ("lower, R = 2T", Lo, Some("10"), Some("20"), Ok(0.0)),
        ("lower, R > 2T", Lo, Some("10"), Some("25"), Ok(0.0)),
        ("lower, missed", Lo, Some("10"), Some("12,5"), Ok(75.0)),
        ("lower, decimals", Lo, Some("4,5"), Some("3,6"), Ok(120.0)),
        ("lower, thousands (seed fixture)", Lo, Some("5.000"), Some("4.950"), Ok(101.0)),
        ("lower, negative target beaten", Lo, Some("-2"), Some("-3"), Ok(150.0)),
        ("range, inside", Range, Some("80 – 90"), Some("85"), Ok(100.0)),
        ("range, lower bound", Range, Some("80 – 90"), Some("80"), Ok(100.0)),
        ("range, upper bound", Range, Some("80 – 90"), Some("90"), Ok(100.0)),
        ("range, below", Range, Some("80 – 90"), Some("60"), Ok(75.0)),
        ("range, above", Range, Some("80 – 90"), Some("99"), Ok(90.0)),
        ("range, far above", Range, Some("80 – 90"), Some("200"), Ok(0.0)),
        ("range, s.d. and reversed", Range, Some("90 s.d. 80"), Some("88"), Ok(100.0)),
        ("range, percentages and commas", Range, Some("80 – 90%"), Some("87,5 %"), Ok(100.0)),
        ("range target, higher polarity", Hi, Some("80 - 90"), Some("99"), Ok(90.0)),
        ("range polarity, one number, below", Range, Some("50"), Some("40"), Ok(80.0)),
        ("range polarity, one number, above", Range, Some("50"), Some("60"), Ok(80.0)),
        ("range from 0, inside", Range, Some("0 – 5"), Some("0"), Ok(100.0)),
        ("range from 0, below", Range, Some("0 – 5"), Some("-1"), Err(ZeroTarget)),
        ("zero target", Hi, Some("0"), Some("5"), Err(ZeroTarget)),
        ("zero target, lower, R = 0", Lo, Some("0"), Some("0"), Err(ZeroTarget)),
        ("zero target with decimals", Hi, Some("0,0"), Some("1"), Err(ZeroTarget)),
        ("zero target, no realisasi", Hi, Some("0"), None, Err(ZeroTarget)),
        ("no target", Hi, None, Some("5"), Err(NoTarget)),
        ("blank target", Hi, Some("  "), Some("5"), Err(NoTarget)),
        ("text target", Hi, Some("N/A"), Some("5"), Err(TargetNotANumber)),
        ("ambiguous target", Hi, Some("3.5"), Some("5"), Err(TargetNotANumber)),
        ("target too large to be a number", Hi, Some(&huge), Some("5"), Err(TargetNotANumber)),
        ("no realisasi", Hi, Some("80"), None, Err(NoRealisasi)),
        ("blank realisasi", Lo, Some("80"), Some(""), Err(NoRealisasi)),
        ("text realisasi", Hi, Some("80"), Some("Tersedia"), Err(RealisasiNotANumber)),
        ("realisasi as a range", Range, Some("80 – 90"), Some("80 – 90"), Err(RealisasiNotANumber)),
        ("realisasi too large to be a number", Hi, Some("80"), Some(&huge), Err(RealisasiNotANumber)),
        ("tiny target saturates, finite", Hi, Some(&tiny), Some("1.000.000"), Ok(f64::MAX)),
    ];
    assert!(cases.len() >= 30);
    for (label, polaritas, target, realisasi, expected) in cases {
        let got = capaian(&ind(polaritas, target, realisasi), Y);
        let ok = match (got, expected) {
            (Ok(g), Ok(e)) => close(g, e),
            (g, e) => g == e,
        };
        assert!(ok, "{label}: got {got:?}, expected {expected:?}");
    }
}

#[test]
fn other_years_are_not_computed() {
    let i = ind(Polaritas::HigherIsBetter, Some("80"), Some("80"));
    assert_eq!(capaian(&i, Y), Ok(100.0));
    assert_eq!(capaian(&i, Y + 1), Err(Reason::NoTarget));
}

fn quarters(rule: AturanTriwulan, q: [Option<&str>; 4]) -> Indikator {
    let mut i = ind(Polaritas::HigherIsBetter, Some("100"), None);
    i.aturan_triwulan = rule;
    i.realisasi_triwulan.insert(Y, q.map(|v| v.map(Nilai::from)));
    i
}

#[test]
fn quarters_make_the_year_by_the_rule() {
    use AturanTriwulan::{Cumulative, LastValue};
    let sum = quarters(Cumulative, [Some("20"), Some("30,5"), Some("25"), Some("30")]);
    assert_eq!(realisasi(&sum, Y), Ok(105.5));
    assert_eq!(realisasi_triwulan(&sum, Y, 0), Ok(20.0));
    assert_eq!(realisasi_triwulan(&sum, Y, 1), Ok(50.5));
    assert!(close(capaian(&sum, Y).unwrap(), 105.5));

    let last = quarters(LastValue, [Some("5.100"), Some("5.050"), Some("5.000"), None]);
    assert_eq!(realisasi(&last, Y), Ok(5000.0), "the last reported quarter");
    assert_eq!(realisasi_triwulan(&last, Y, 1), Ok(5050.0));

    // Blank quarters are not reported; a gap is skipped.
    let gap = quarters(Cumulative, [Some("10"), None, Some(" "), Some("5")]);
    assert_eq!(realisasi(&gap, Y), Ok(15.0));
    assert_eq!(realisasi_triwulan(&gap, Y, 2), Ok(10.0));

    // Text breaks a sum; under last value only the last quarter counts.
    let text = [Some("N/A"), Some("10"), None, None];
    assert_eq!(realisasi(&quarters(Cumulative, text), Y), Err(Reason::RealisasiNotANumber));
    assert_eq!(realisasi(&quarters(LastValue, text), Y), Ok(10.0));

    assert_eq!(realisasi(&quarters(Cumulative, [None; 4]), Y), Err(Reason::NoRealisasi));
    assert_eq!(realisasi(&quarters(LastValue, [None; 4]), Y), Err(Reason::NoRealisasi));
    assert_eq!(realisasi_triwulan(&sum, Y + 1, 3), Err(Reason::NoRealisasi));
    let max = format!("{:.0}", f64::MAX);
    let overflow = quarters(Cumulative, [Some(&max), Some(&max), None, None]);
    assert_eq!(realisasi(&overflow, Y), Err(Reason::RealisasiNotANumber));
}

#[test]
fn the_yearly_value_wins_over_quarters_unless_blank() {
    let mut i = quarters(AturanTriwulan::Cumulative, [Some("20"), Some("30"), None, None]);
    i.realisasi.insert(Y, Nilai::from("80"));
    assert_eq!(realisasi(&i, Y), Ok(80.0));
    i.realisasi.insert(Y, Nilai::from(""));
    assert_eq!(realisasi(&i, Y), Ok(50.0));
    i.realisasi.insert(Y, Nilai::from("belum"));
    assert_eq!(realisasi(&i, Y), Err(Reason::RealisasiNotANumber));
}

#[test]
fn bands_default_and_set() {
    let d = Bands::default();
    let cases = [
        (150.0, Band::SangatBaik),
        (100.0, Band::SangatBaik),
        (99.99, Band::Baik),
        (75.0, Band::Baik),
        (74.9, Band::Cukup),
        (50.0, Band::Cukup),
        (49.9, Band::Kurang),
        (0.0, Band::Kurang),
        (f64::NAN, Band::Kurang),
    ];
    for (v, b) in cases {
        assert_eq!(band(v, &d), b, "{v}");
    }
    let strict = Bands { sangat_baik: 110.0, baik: 90.0, cukup: 80.0 };
    assert_eq!(band(100.0, &strict), Band::Baik);
    assert_eq!(band(79.0, &strict), Band::Kurang);
    // Worst first, and `as usize` indexes the summary's counts.
    assert!(Band::ALL.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(Band::ALL.map(|b| b as usize), [0, 1, 2, 3]);
}

#[test]
fn weights_live_in_the_file_and_the_link() {
    let mut i = Indikator::default();
    assert_eq!(bobot(&i), 1.0);
    i.extra.insert("x_kode".into(), json!("IKU-1"));
    set_bobot(&mut i, Some(2.5));
    assert_eq!(bobot(&i), 2.5);
    set_bobot(&mut i, Some(-1.0));
    assert_eq!(bobot(&i), 1.0);
    assert!(!i.extra.contains_key(BOBOT));
    for (v, w) in
        [(json!(0), 0.0), (json!(3), 3.0), (json!("2"), 1.0), (json!(-2), 1.0), (json!(1e7), 1.0), (json!(null), 1.0)]
    {
        i.extra.insert(BOBOT.into(), v.clone());
        assert_eq!(bobot(&i), w, "{v}");
    }

    let file = r#"{"format":"pohon-kinerja","version":1,"document":{"nodes":[
        {"id":"a","level":"tujuan_pd","indikator":[{"nama":"x","bobot":3,"x_kode":"IKU-1"}]}]}}"#;
    let doc = import(file.as_bytes()).unwrap().document;
    assert_eq!(bobot(&doc.nodes["a"].indikator[0]), 3.0);
    let again = import(export(&doc).as_bytes()).unwrap().document;
    assert_eq!(again, doc);
    let (linked, _) = link::decode(&link::encode(&doc, &link::LinkView::default())).unwrap();
    assert_eq!(bobot(&linked.nodes["a"].indikator[0]), 3.0);
}

/// A document from `(parent, indicators)` rows; node i is `n{i}`.
fn doc_of(rows: Vec<(Option<usize>, Vec<Indikator>)>) -> Document {
    let mut doc = Document::default();
    for (i, (parent, indikator)) in rows.into_iter().enumerate() {
        let mut node = Node::new(format!("n{i}"), parent.map(|p| format!("n{p}")), Level::Custom);
        node.indikator = indikator;
        doc.nodes.insert(node.id.clone(), Box::new(node));
    }
    doc
}

fn hi(target: &str, realisasi: &str) -> Indikator {
    ind(Polaritas::HigherIsBetter, Some(target), Some(realisasi))
}

fn weighted(mut i: Indikator, w: f64) -> Indikator {
    set_bobot(&mut i, Some(w));
    i
}

#[test]
fn rollup_averages_caps_and_weighs() {
    let doc = doc_of(vec![
        // 250 % is capped at 150 before averaging; the text target is left out.
        (None, vec![hi("100", "250"), hi("100", "50"), hi("N/A", "1")]),
        (Some(0), vec![weighted(hi("100", "100"), 3.0), weighted(hi("100", "60"), 1.0), weighted(hi("100", "0"), 0.0)]),
        (Some(0), vec![hi("0", "5")]),
        (Some(2), vec![]),
    ]);
    let tree = Tree::build(&doc).unwrap();
    let plain = Options::default();
    assert!(all_close(&rollup(&doc, &tree, Y, &plain), &[Some(100.0), Some(160.0 / 3.0), None, None]));
    let w = Options { weighted: true, ..plain };
    assert!(all_close(&rollup(&doc, &tree, Y, &w), &[Some(100.0), Some(90.0), None, None]));
    let kids = Options { with_children: true, ..w };
    // The root: its own 150 and 50, and child n1's 90 (n2 has nothing).
    assert!(all_close(&rollup(&doc, &tree, Y, &kids)[..1], &[Some(290.0 / 3.0)]));
    for cap in [f64::NAN, f64::INFINITY, -5.0] {
        assert_eq!(rollup(&doc, &tree, Y, &Options { cap, ..plain })[0], Some(100.0), "cap {cap}");
    }
    assert_eq!(rollup(&doc, &tree, Y, &Options { cap: 100.0, ..plain })[0], Some(75.0));
    assert_eq!(rollup(&doc, &tree, Y, &Options { cap: 0.0, ..plain })[0], Some(0.0));
    assert_eq!(rollup(&doc, &tree, Y + 1, &kids), [None; 4]);
}

#[test]
fn summary_counts_bands_per_level_and_lists_laggards() {
    let mut doc = doc_of(vec![
        (None, vec![hi("100", "100")]),
        (Some(0), vec![hi("100", "40")]),
        (Some(0), vec![hi("100", "80")]),
        (Some(0), vec![hi("100", "60")]),
        (Some(1), vec![hi("100", "40")]),
        (Some(1), vec![]),
        (Some(2), vec![hi("100", "10")]),
    ]);
    let levels = [
        Level::TujuanPd,
        Level::SasaranStrategis,
        Level::SasaranStrategis,
        Level::Custom,
        Level::SasaranProgram,
        Level::SasaranProgram,
        Level::Custom,
    ];
    for (node, level) in doc.nodes.values_mut().zip(levels) {
        node.level = level;
    }
    doc.nodes["n3"].level_label = " Bidang Rutin ".into();
    doc.nodes["n6"].level_label = "Sekretariat".into();
    let tree = Tree::build(&doc).unwrap();
    let r = rollup(&doc, &tree, Y, &Options::default());
    let s = summary(&doc, &tree, &r, &Bands::default());
    let row =
        |level, label: &str, bands, without_value| LevelCount { level, label: label.into(), bands, without_value };
    assert_eq!(
        s.levels,
        [
            row(Level::TujuanPd, "", [0, 0, 0, 1], 0),
            row(Level::SasaranStrategis, "", [1, 0, 1, 0], 0),
            row(Level::Custom, "Bidang Rutin", [0, 1, 0, 0], 0),
            row(Level::SasaranProgram, "", [1, 0, 0, 0], 1),
            row(Level::Custom, "Sekretariat", [1, 0, 0, 0], 0),
        ]
    );
    // Ties (n1 and n4 at 40) stay in pre-order.
    assert_eq!(s.lagging, [(6, 10.0), (1, 40.0), (4, 40.0), (3, 60.0)]);
}

#[test]
fn a_100k_deep_chain_rolls_up_without_recursion() {
    const N: usize = 100_000;
    let doc =
        doc_of((0..N).map(|i| (i.checked_sub(1), if i == N - 1 { vec![hi("100", "80")] } else { vec![] })).collect());
    // Tree::build refuses depths over MAX_DEPTH, so the chain is built by hand.
    let tree = Tree {
        root: 0,
        parent: (0..N).map(|i| i.checked_sub(1)).collect(),
        children: (0..N).map(|i| if i + 1 < N { vec![i + 1] } else { vec![] }).collect(),
        depth: (0..N as u32).collect(),
    };
    let with = Options { with_children: true, ..Options::default() };
    let r = rollup(&doc, &tree, Y, &with);
    assert!(r.iter().all(|v| *v == Some(80.0)));
    let s = summary(&doc, &tree, &r, &with.bands);
    assert_eq!(s.levels.len(), 1);
    assert_eq!(s.levels[0].bands, [0, 0, N, 0]);
    assert!(s.lagging.is_empty());
    let without = rollup(&doc, &tree, Y, &Options::default());
    assert_eq!(without.iter().filter(|v| v.is_some()).count(), 1);
}

// ---- properties ----

fn value() -> impl Strategy<Value = String> {
    let number = (-1000i64..1000, prop::option::of(0u32..100)).prop_map(|(n, d)| match d {
        Some(d) => format!("{n},{d:02}"),
        None => n.to_string(),
    });
    prop_oneof![
        4 => number.clone(),
        2 => (number.clone(), number).prop_map(|(a, b)| format!("{a} – {b}")),
        1 => prop::sample::select(vec![
            String::new(),
            "N/A".into(),
            "3.5".into(),
            "0".into(),
            "-0".into(),
            "1.000.000".into(),
            "9".repeat(400),
            format!("0,{}1", "0".repeat(330)),
            format!("{:.0}", f64::MAX),
        ]),
    ]
}

fn indikator() -> impl Strategy<Value = Indikator> {
    let polaritas = prop::sample::select(vec![Polaritas::HigherIsBetter, Polaritas::LowerIsBetter, Polaritas::Range]);
    let aturan = prop::sample::select(vec![AturanTriwulan::Cumulative, AturanTriwulan::LastValue]);
    let bobot = prop_oneof![
        Just(None),
        (0.0..10.0f64).prop_map(|w| Some(json!(w))),
        prop::sample::select(vec![json!(0), json!(-1), json!(MAX_BOBOT), json!(1e308), json!("x"), json!(5e-324)])
            .prop_map(Some),
    ];
    (
        polaritas,
        aturan,
        prop::option::of(value()),
        prop::option::of(value()),
        prop::option::of(prop::array::uniform4(prop::option::of(value()))),
        bobot,
    )
        .prop_map(|(polaritas, aturan_triwulan, target, realisasi, quarters, bobot)| {
            let mut i = Indikator { polaritas, aturan_triwulan, ..Indikator::default() };
            i.target.extend(target.map(|t| (Y, Nilai(t))));
            i.realisasi.extend(realisasi.map(|r| (Y, Nilai(r))));
            i.realisasi_triwulan.extend(quarters.map(|q| (Y, q.map(|v| v.map(Nilai)))));
            i.extra.extend(bobot.map(|b| (BOBOT.to_owned(), b)));
            i
        })
}

/// Random trees of up to 40 nodes: node i's parent is drawn among 0..i.
fn document() -> impl Strategy<Value = Document> {
    prop::collection::vec((any::<prop::sample::Index>(), prop::collection::vec(indikator(), 0..4)), 1..40).prop_map(
        |rows| doc_of(rows.into_iter().enumerate().map(|(i, (p, inds))| ((i > 0).then(|| p.index(i)), inds)).collect()),
    )
}

fn options() -> impl Strategy<Value = Options> {
    let cap = prop_oneof![
        3 => 0.0..500.0f64,
        1 => prop::sample::select(vec![150.0, 0.0, -1.0, f64::NAN, f64::INFINITY, 1e300]),
    ];
    (cap, any::<bool>(), any::<bool>()).prop_map(|(cap, weighted, with_children)| Options {
        cap,
        weighted,
        with_children,
        ..Options::default()
    })
}

/// The roll-up as defined, recursively: own capped capaian and, when asked,
/// children's roll-ups, in one weighted mean.
fn reference(doc: &Document, tree: &Tree, i: usize, o: &Options, cap: f64) -> Option<f64> {
    let mut items: Vec<(f64, f64)> = doc.nodes[i]
        .indikator
        .iter()
        .filter_map(|ind| capaian(ind, Y).ok().map(|c| (c.min(cap), if o.weighted { bobot(ind) } else { 1.0 })))
        .collect();
    if o.with_children {
        items.extend(tree.children[i].iter().filter_map(|&c| reference(doc, tree, c, o, cap)).map(|v| (v, 1.0)));
    }
    let total: f64 = items.iter().map(|(_, w)| w).sum();
    (total > 0.0).then(|| items.iter().map(|(v, w)| v * (w / total)).sum())
}

proptest! {
    #[test]
    fn rollup_stays_in_0_to_cap_and_matches_the_definition(doc in document(), o in options()) {
        let tree = Tree::build(&doc).unwrap();
        let cap = if o.cap.is_finite() && o.cap >= 0.0 { o.cap } else { 150.0 };
        for ind in doc.nodes.values().flat_map(|n| &n.indikator) {
            if let Ok(c) = capaian(ind, Y) {
                prop_assert!(c.is_finite() && c >= 0.0, "capaian {c}");
            }
        }
        let r = rollup(&doc, &tree, Y, &o);
        for (i, v) in r.iter().enumerate() {
            let want = reference(&doc, &tree, i, &o, cap);
            prop_assert_eq!(v.is_some(), want.is_some(), "node {}", i);
            if let (Some(v), Some(want)) = (*v, want) {
                prop_assert!(v.is_finite() && (0.0..=cap).contains(&v), "node {i}: {v} outside [0, {cap}]");
                prop_assert!((v - want).abs() <= 1e-9 * cap.max(1.0), "node {i}: {v} vs {want}");
            }
        }
        let s = summary(&doc, &tree, &r, &o.bands);
        let counted: usize = s.levels.iter().map(|l| l.bands.iter().sum::<usize>() + l.without_value).sum();
        prop_assert_eq!(counted, doc.nodes.len());
        prop_assert!(s.lagging.windows(2).all(|w| w[0].1 <= w[1].1));
    }
}
