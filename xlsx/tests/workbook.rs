#![cfg(not(target_arch = "wasm32"))]
//! The exported workbook of every bundled example, read back with calamine:
//! every box and value is there, numbers as numbers, headers frozen; the IKU
//! sheet goes back through the table importer. And `read` on workbooks made
//! here, on its limits, and on any bytes without a panic.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use pohon_core::export::{self, Cell};
use pohon_core::model::{Anggaran, Document, JenisIndikator, Level, Node, TingkatAnggaran};
use pohon_core::table::{self, MAX_COLUMNS, MAX_ROWS};
use pohon_core::tree::Tree;
use pohon_core::value::{Angka, Nilai};
use pohon_xlsx::{read, write, Book, XlsxError, MAX_MB};
use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

#[path = "../../core/tests/support/examples.rs"]
mod examples;
use examples::{example, EXAMPLES};

/// The built-in sample with realisasi, a text target, budget lines and a custom level added.
fn rich() -> Document {
    let mut doc = pohon_core::sample::sample().unwrap();
    let ind = &mut doc.nodes["ss-1"].indikator[0];
    ind.realisasi.insert(2024, Nilai::from("78,5"));
    ind.realisasi.insert(2025, Nilai::from("N/A"));
    ind.target.insert(2026, Nilai::from("80 – 90"));
    doc.nodes["sp-1"].anggaran.push(Anggaran {
        tingkat: TingkatAnggaran::Program,
        kode: "1.06.05".into(),
        nama: "Program Rehabilitasi Sosial".into(),
        pagu: Some(250_000_000),
        extra: Default::default(),
    });
    let mut lane = Node::new("rutin", Some("tujuan-pd".into()), Level::Custom);
    lane.level_label = "Bidang Rutin: Sekretariat".into();
    lane.kondisi = "Terlaksananya administrasi perkantoran".into();
    doc.nodes.insert(lane.id.clone(), Box::new(lane));
    doc
}

fn documents() -> Vec<(String, Document)> {
    let mut docs: Vec<(String, Document)> = EXAMPLES.iter().map(|n| (n.to_string(), example(n))).collect();
    docs.push(("rich".into(), rich()));
    docs
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

/// A value as calamine gives it back: numbers as numbers, text as text.
fn same(data: Option<&Data>, cell: &Cell) -> bool {
    match (cell, data) {
        (Cell::Empty, None | Some(Data::Empty)) => true,
        (Cell::Text(s), Some(Data::String(d))) => s == d,
        (Cell::Number { value, .. }, Some(Data::Float(f))) => value == f,
        (Cell::Number { value, .. }, Some(Data::Int(i))) => *value == *i as f64,
        _ => false,
    }
}

#[test]
fn every_sheet_reads_back_cell_for_cell() {
    for (name, doc) in documents() {
        let bytes = write(&doc).unwrap();
        let mut book = open(&bytes);
        let sheets: Vec<export::Sheet> =
            [export::iku_table(&doc), export::matrix(&doc)].into_iter().chain(export::per_level(&doc)).collect();
        assert_eq!(book.sheet_names(), sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>(), "{name}");
        for sheet in &sheets {
            let range = book.worksheet_range(&sheet.name).unwrap();
            for (k, head) in sheet.header.iter().enumerate() {
                assert_eq!(range.get_value((0, k as u32)), Some(&Data::String(head.clone())));
            }
            for (r, row) in sheet.rows.iter().enumerate() {
                for (k, cell) in row.iter().enumerate() {
                    let got = range.get_value((r as u32 + 1, k as u32));
                    assert!(
                        same(got, cell),
                        "{name} / {}: row {r} column {k}: {cell:?} written, {got:?} read",
                        sheet.name
                    );
                }
            }
        }
    }
}

/// Independently of the export's own sheets: each statement, indicator
/// name and value of the document is in the matrix, numbers as numbers.
#[test]
fn the_matrix_holds_every_box_and_value() {
    for (name, doc) in documents() {
        let bytes = write(&doc).unwrap();
        let range = open(&bytes).worksheet_range("Matriks Cascading").unwrap();
        let cells: Vec<&Data> = range.used_cells().map(|(_, _, d)| d).collect();
        let has_text = |s: &str| s.trim().is_empty() || cells.iter().any(|d| matches!(d, Data::String(x) if x == s));
        let has_value = |v: &Nilai| match v.parse() {
            Ok(Angka::Tunggal { nilai, .. }) => cells.iter().any(|d| matches!(d, Data::Float(f) if *f == nilai)),
            _ => has_text(v.as_str()),
        };
        for node in doc.nodes.values() {
            assert!(has_text(&node.kondisi), "{name}: {}", node.kondisi);
            for ind in &node.indikator {
                assert!(has_text(&ind.nama), "{name}: {}", ind.nama);
                let values =
                    ind.baseline.iter().map(|b| &b.nilai).chain(ind.target.values()).chain(ind.realisasi.values());
                for v in values {
                    assert!(has_value(v), "{name}: {} = {v}", ind.nama);
                }
            }
        }
    }
}

fn part(bytes: &[u8], path: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(path).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn headers_are_frozen_bold_and_columns_sized() {
    let doc = example("payakumbuh-dinsos-2023-2028");
    let bytes = write(&doc).unwrap();
    let count = open(&bytes).sheet_names().len();
    assert_eq!(count, 2 + 7);
    for n in 1..=count {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#), "sheet {n}");
        assert!(xml.contains("customWidth=\"1\""), "sheet {n}");
    }
    assert!(part(&bytes, "xl/worksheets/sheet2.xml").contains("<autoFilter"));
    // The IKU sheet merges its number and sasaran cells instead.
    assert!(!part(&bytes, "xl/worksheets/sheet1.xml").contains("<autoFilter"));
    assert!(part(&bytes, "xl/styles.xml").contains("<b/>"));
    assert!(part(&bytes, "docProps/core.xml").contains(&doc.meta.judul));
    assert!(part(&bytes, "docProps/app.xml").contains("Dinas Sosial Kota Payakumbuh"));
}

#[test]
fn the_iku_sheet_goes_back_through_the_table_importer() {
    // What a table row holds, numbers compared by value (a workbook keeps
    // 5159, not how it was typed).
    let value = |v: Option<&Nilai>| {
        v.map(|v| match v.parse() {
            Ok(Angka::Tunggal { nilai, .. }) => format!("{nilai}"),
            _ => v.as_str().trim().to_owned(),
        })
    };
    for (name, doc) in documents() {
        let bytes = write(&doc).unwrap();
        let book = read(&bytes, None).unwrap();
        assert_eq!((book.sheet, book.sheets[0].as_str()), (0, "IKU"));
        let (h, cols) = table::header(&book.rows).unwrap();
        let back = table::document(&book.rows, h, &cols, &doc.meta.judul).unwrap();
        let iku = doc.nodes.values().any(|n| n.indikator.iter().any(|i| i.jenis == JenisIndikator::Iku));
        // Without IKU (dinsos-2024), the table lists the sasaran strategis.
        let order = Tree::build(&doc).unwrap().preorder();
        let picked: Vec<&Node> = order
            .iter()
            .map(|&i| &*doc.nodes[i])
            .filter(|n| match iku {
                true => n.indikator.iter().any(|i| i.jenis == JenisIndikator::Iku),
                false => n.level == Level::SasaranStrategis,
            })
            .collect();
        let rows = |nodes: Vec<&Node>| {
            nodes
                .into_iter()
                .flat_map(|n| {
                    n.indikator.iter().filter(move |i| !iku || i.jenis == JenisIndikator::Iku).map(move |i| {
                        let pj = if i.penanggung_jawab.is_empty() { &n.penanggung_jawab } else { &i.penanggung_jawab };
                        (
                            n.kondisi.clone(),
                            i.nama.clone(),
                            i.jenis.clone(),
                            i.satuan.clone(),
                            value(i.baseline.as_ref().map(|b| &b.nilai)),
                            i.target.iter().map(|(y, v)| (*y, value(Some(v)))).collect::<Vec<_>>(),
                            (i.penjelasan.clone(), i.formula.clone(), pj.clone(), i.sumber_data.clone()),
                        )
                    })
                })
                .collect::<Vec<_>>()
        };
        let want = rows(picked);
        assert!(!want.is_empty(), "{name}");
        assert_eq!(rows(back.nodes.values().skip(1).map(|n| &**n).collect()), want, "{name}");
    }
}

/// A workbook made here: a table from B2 with every kind of value, a merged
/// cell, an empty sheet, and cells at `far` (to test the limits).
fn made(far: &[(u32, u16)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("Data").unwrap();
    ws.write(1, 1, "Sasaran").unwrap();
    ws.write(1, 2, "Target 2024").unwrap();
    ws.merge_range(2, 1, 3, 1, "Meningkatnya pelayanan", &Format::new()).unwrap();
    ws.write(2, 2, 5159.0).unwrap();
    ws.write(3, 2, 3.5).unwrap();
    ws.write(4, 1, true).unwrap();
    let date = ExcelDateTime::from_ymd(2024, 1, 31).unwrap();
    ws.write_datetime_with_format(4, 2, &date, &Format::new().set_num_format("dd/mm/yyyy")).unwrap();
    for &(r, c) in far {
        ws.write(r, c, "x").unwrap();
    }
    book.add_worksheet().set_name("Kosong").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn read_gives_text_as_a_paste_would() {
    let bytes = made(&[]);
    let book = read(&bytes, None).unwrap();
    assert_eq!(
        book,
        Book {
            sheets: vec!["Data".into(), "Kosong".into()],
            sheet: 0,
            rows: vec![
                vec!["Sasaran".into(), "Target 2024".into()],
                vec!["Meningkatnya pelayanan".into(), "5159".into()],
                vec!["".into(), "3,5".into()],
                vec!["TRUE".into(), "2024-01-31".into()],
            ],
        }
    );
    assert_eq!(read(&bytes, Some("Kosong")).unwrap().rows, Vec::<Vec<String>>::new());
    assert_eq!(read(&bytes, Some("Kosong")).unwrap().sheet, 1);
    assert_eq!(read(&bytes, Some("Tidak ada")), Err(XlsxError::NoSuchSheet { name: "Tidak ada".into() }));
}

#[test]
fn limits_are_refused_with_their_reason() {
    let rows = MAX_ROWS as u32;
    assert_eq!(read(&made(&[(rows, 1)]), None).unwrap().rows.len(), MAX_ROWS);
    assert_eq!(read(&made(&[(rows + 1, 1)]), None), Err(XlsxError::TooManyRows { max: MAX_ROWS }));
    let cols = MAX_COLUMNS as u16;
    assert_eq!(read(&made(&[(1, cols)]), None).unwrap().rows[0].len(), MAX_COLUMNS);
    assert_eq!(read(&made(&[(1, cols + 1)]), None), Err(XlsxError::TooManyColumns { max: MAX_COLUMNS }));
    assert_eq!(read(&made(&[(1_048_575, 16_383)]), None), Err(XlsxError::TooManyRows { max: MAX_ROWS }));
    assert_eq!(read(&vec![0; (MAX_MB << 20) + 1], None), Err(XlsxError::TooBig { max_mb: MAX_MB }));
    assert_eq!(read(b"NO;SASARAN\n1;x\n", None), Err(XlsxError::NotXlsx));
    assert_eq!(read(&[], None), Err(XlsxError::NotXlsx));
}

#[test]
fn a_zip_that_is_no_workbook_or_unpacks_too_far_is_refused() {
    let mut other = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut other);
    zip.start_file("hello.txt", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut zip, b"hello").unwrap();
    zip.finish().unwrap();
    assert_eq!(read(other.get_ref(), None), Err(XlsxError::NotXlsx));
    // A real workbook whose central directory says a part unpacks to 3.75 GB.
    let mut bomb = made(&[]);
    let at = bomb.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    bomb[at + 24..at + 28].copy_from_slice(&0xF000_0000u32.to_le_bytes());
    assert!(matches!(read(&bomb, None), Err(XlsxError::Damaged(_))));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_read_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..2000), zip in any::<bool>()) {
        let bytes = if zip { [b"PK\x03\x04".as_slice(), &bytes].concat() } else { bytes };
        let _ = read(&bytes, None);
    }

    #[test]
    fn damaged_workbooks_read_or_fail_cleanly(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = write(&example("sumbar-dinsos-iku-2023")).unwrap();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = read(&bytes, None);
    }
}

#[test]
fn every_cut_of_a_workbook_reads_or_fails_cleanly() {
    let bytes = write(&example("tapin-dinsos-iku-2020")).unwrap();
    for len in (0..bytes.len()).step_by(bytes.len() / 300 + 1) {
        let _ = read(&bytes[..len], None);
    }
    assert!(read(&bytes, None).is_ok());
}
