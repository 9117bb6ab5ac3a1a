#![cfg(not(target_arch = "wasm32"))]
//! The spreadsheets of every bundled example: the IKU table written as CSV
//! reads back through the table importer to the same sasaran and
//! indicators; the matrix and the level sheets hold every box and value.

use pohon_core::export::{csv, iku_table, matrix, per_level, Cell, Sheet};
use pohon_core::model::{Document, JenisIndikator, Node};
use pohon_core::table::{document, header, rows};
use pohon_core::tree::Tree;

#[path = "support/examples.rs"]
mod examples;
use examples::{example, EXAMPLES};

/// The examples, the built-in sample (it has yearly targets) and a seeded tree.
fn documents() -> Vec<(String, Document)> {
    let mut docs: Vec<(String, Document)> = EXAMPLES.iter().map(|n| (n.to_string(), example(n))).collect();
    docs.push(("sample".into(), pohon_core::sample::sample().unwrap()));
    docs.push(("synth".into(), pohon_core::synth::document(120, 3)));
    docs
}

fn preorder(doc: &Document) -> Vec<&Node> {
    Tree::build(doc).unwrap().preorder().into_iter().map(|i| &*doc.nodes[i]).collect()
}

/// The IKU table as CSV, read back by the table importer.
fn reimport(doc: &Document) -> Document {
    let text = csv(&iku_table(doc));
    let r = rows(&text).unwrap();
    let (h, cols) = header(&r).unwrap();
    document(&r, h, &cols, &doc.meta.judul).unwrap()
}

#[test]
fn the_iku_examples_come_back_whole_through_the_table_importer() {
    for name in ["sumbar-dinsos-iku-2023", "tapin-dinsos-iku-2020"] {
        let want = example(name);
        let got = reimport(&want);
        let sasaran = |d: &Document| d.nodes.values().skip(1).cloned().collect::<Vec<_>>();
        let (got, want) = (sasaran(&got), sasaran(&want));
        assert_eq!(got.len(), want.len(), "{name}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.kondisi, w.kondisi);
            // The importer reads everything a table row holds; nothing more or less.
            let fields = |n: &Node| {
                n.indikator
                    .iter()
                    .map(|i| {
                        let pj = if i.penanggung_jawab.is_empty() { &n.penanggung_jawab } else { &i.penanggung_jawab };
                        (
                            i.nama.clone(),
                            i.jenis.clone(),
                            i.satuan.clone(),
                            i.baseline.as_ref().map(|b| b.nilai.clone()),
                            i.target.clone(),
                            i.penjelasan.clone(),
                            i.formula.clone(),
                            pj.clone(),
                            i.sumber_data.clone(),
                        )
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(fields(g), fields(w), "{name}: {}", w.kondisi);
        }
    }
}

/// Text a spreadsheet would run as a formula is guarded in the CSV, and comes
/// back as typed.
#[test]
fn formula_like_text_is_guarded_and_comes_back_as_typed() {
    let mut doc = example("tapin-dinsos-iku-2020");
    let ind = doc.nodes.values_mut().nth(1).unwrap().indikator.first_mut().unwrap();
    ind.nama = "=HYPERLINK(\"http://x\",\"klik\")".into();
    ind.formula = "- jumlah A / jumlah B".into();
    let text = csv(&iku_table(&doc));
    assert!(text.contains("\"'=HYPERLINK(") && text.contains("'- jumlah A"), "{text}");
    let back = reimport(&doc);
    let got = back.nodes.values().nth(1).unwrap().indikator.first().unwrap();
    assert_eq!(got.nama, "=HYPERLINK(\"http://x\",\"klik\")");
    assert_eq!(got.formula, "- jumlah A / jumlah B");
}

/// In every document, each IKU indicator comes back under its box's
/// statement, with its targets, in tree order.
#[test]
fn every_iku_indicator_comes_back_with_its_targets() {
    for (name, doc) in documents() {
        let back = reimport(&doc);
        let key = |n: &Node| -> Vec<(String, String, Vec<String>)> {
            n.indikator
                .iter()
                .filter(|i| i.jenis == JenisIndikator::Iku)
                .map(|i| (n.kondisi.clone(), i.nama.clone(), i.target.values().map(|v| v.0.clone()).collect()))
                .collect()
        };
        let want: Vec<_> = preorder(&doc).into_iter().flat_map(key).collect();
        let got: Vec<_> = back.nodes.values().map(|n| &**n).flat_map(key).collect();
        if doc.nodes.values().any(|n| n.indikator.iter().any(|i| i.jenis == JenisIndikator::Iku)) {
            assert!(!want.is_empty());
        }
        assert_eq!(got, want, "{name}");
    }
}

fn texts(sheet: &Sheet) -> Vec<Vec<String>> {
    std::iter::once(sheet.header.clone())
        .chain(sheet.rows.iter().map(|r| r.iter().map(|c| c.as_str().to_owned()).collect()))
        .collect()
}

#[test]
fn the_matrix_holds_every_box_and_value_in_tree_order() {
    for (name, doc) in documents() {
        let m = matrix(&doc);
        assert!(m.rows.iter().all(|r| r.len() == m.header.len()), "{name}");
        assert_eq!(m.widths.len(), m.header.len());
        let nodes = preorder(&doc);
        assert_eq!(m.rows.len(), nodes.iter().map(|n| n.indikator.len().max(1)).sum::<usize>(), "{name}");
        let col = |h: &str| m.header.iter().position(|x| x == h).unwrap();
        let mut r = 0;
        for n in nodes {
            for k in 0..n.indikator.len().max(1) {
                let row = &m.rows[r];
                r += 1;
                // The box's statement is on its row, in its level's column.
                assert!(
                    row.iter().any(|c| c.as_str() == n.kondisi || n.kondisi.trim().is_empty()),
                    "{name}: {}",
                    n.kondisi
                );
                let Some(ind) = n.indikator.get(k) else { continue };
                assert_eq!(row[col("Indikator")].as_str().trim(), ind.nama.trim());
                assert_eq!(row[col("Jenis")].as_str(), ind.jenis.label());
                let baseline = ind.baseline.as_ref().map_or("", |b| b.nilai.as_str().trim());
                assert_eq!(row[col("Baseline")].as_str().trim(), baseline, "{name}");
                for (y, v) in &ind.target {
                    assert_eq!(row[col(&format!("Target {y}"))].as_str().trim(), v.as_str().trim(), "{name}");
                }
                for (y, v) in &ind.realisasi {
                    assert_eq!(row[col(&format!("Realisasi {y}"))].as_str().trim(), v.as_str().trim(), "{name}");
                }
            }
        }
        // CSV of the matrix reads back cell for cell.
        let back = rows(&csv(&m)).unwrap();
        let want: Vec<Vec<String>> =
            texts(&m).into_iter().map(|r| r.into_iter().map(|c| c.replace('\t', " ")).collect()).collect();
        assert_eq!(back, want, "{name}");
    }
}

#[test]
fn each_box_is_on_its_level_sheet_once_per_indicator() {
    for (name, doc) in documents() {
        let sheets = per_level(&doc);
        let mut names: Vec<String> = sheets.iter().map(|s| s.name.to_lowercase()).collect();
        names.extend(["iku".into(), "matriks cascading".into()]);
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count, "{name}: sheet names repeat");
        for s in &sheets {
            assert!(s.name.encode_utf16().count() <= 31 && !s.name.contains(['[', ']', ':', '*', '?', '/', '\\']));
        }
        let total: usize = sheets.iter().map(|s| s.rows.len()).sum();
        assert_eq!(total, doc.nodes.values().map(|n| n.indikator.len().max(1)).sum::<usize>(), "{name}");
        // Every number typed as one is a number cell.
        for s in &sheets {
            for row in &s.rows {
                for c in row {
                    if let Cell::Number { value, typed } = c {
                        assert!(value.is_finite() && !typed.is_empty());
                    }
                }
            }
        }
    }
}
