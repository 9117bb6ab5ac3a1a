#![cfg(not(target_arch = "wasm32"))]
//! The v1 codec: every way a file can be refused, with its exact error; every
//! repair; unknown fields kept; fixtures round-tripping byte for byte; and a
//! property test over random documents.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use pohon_core::codec::migrate::{MigrationError, MIGRATIONS};
use pohon_core::codec::{export, import, ExportCursor, ImportError, Imported, Repair, APP, FORMAT, MAX_BYTES, VERSION};
use pohon_core::model::{
    Anggaran, AturanTriwulan, Baseline, Crosscutting, Document, Extra, Indikator, JenisIndikator, Kind, Level, Meta,
    Node, Periode, Polaritas, Tahun, TingkatAnggaran,
};
use pohon_core::tree::{StructureError, MAX_DEPTH};
use pohon_core::value::Nilai;
use proptest::prelude::*;
use serde_json::{json, Value};

/// The envelope up to the document, 49 characters: the document starts at column 50.
const HEAD: &str = r#"{"format":"pohon-kinerja","version":1,"document":"#;

/// A file on one line whose `document` is `document`.
fn file(document: &str) -> String {
    format!("{HEAD}{document}}}")
}

/// A file whose document holds exactly the nodes in `nodes` (a JSON list).
fn nodes(nodes: &str) -> String {
    file(&format!(r#"{{"nodes":{nodes}}}"#))
}

fn err(input: &str) -> ImportError {
    import(input.as_bytes()).expect_err("the file must be refused")
}

fn ok(input: &str) -> Imported {
    import(input.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{input}"))
}

fn ids(doc: &Document) -> Vec<&str> {
    doc.nodes.keys().map(String::as_str).collect()
}

/// A file with a single parent chain `n0 ← n1 ← … ← n{len-1}`, written leaf first when `reversed`.
fn chain(len: usize, reversed: bool) -> String {
    let mut items: Vec<String> = (0..len)
        .map(|i| match i {
            0 => r#"{"id":"n0","level":"custom"}"#.to_owned(),
            _ => format!(r#"{{"id":"n{i}","parent":"n{}","level":"custom"}}"#, i - 1),
        })
        .collect();
    if reversed {
        items.reverse();
    }
    nodes(&format!("[{}]", items.join(",")))
}

fn structure(path: &str, error: StructureError) -> ImportError {
    ImportError::Structure { path: path.to_owned(), error }
}

const LEVELS: &str = "`visi_misi`, `tujuan_daerah`, `sasaran_daerah`, `tujuan_pd`, `sasaran_strategis`, \
                      `sasaran_program`, `sasaran_kegiatan`, `sasaran_sub_kegiatan`, `custom`";

// ---------------------------------------------------------------- refusals

// The 50 MB input below is over the limit.
const _: () = assert!(MAX_BYTES >= 40 * 1024 * 1024 && MAX_BYTES < 50_000_000);

#[test]
fn too_large() {
    let big = vec![b' '; 50_000_000];
    assert_eq!(import(&big).unwrap_err(), ImportError::TooLarge { bytes: 50_000_000, max: MAX_BYTES });
    let just_over = vec![b' '; MAX_BYTES + 1];
    assert_eq!(import(&just_over).unwrap_err(), ImportError::TooLarge { bytes: MAX_BYTES + 1, max: MAX_BYTES });
    // At the limit the bytes are read (and found to hold no JSON value).
    let at_limit = vec![b' '; MAX_BYTES];
    assert_eq!(
        import(&at_limit).unwrap_err(),
        ImportError::Syntax { line: 1, column: MAX_BYTES, message: "EOF while parsing a value".into() }
    );
}

#[test]
fn not_utf8() {
    // Columns count characters: "é" is one.
    assert_eq!(import(b"{\n  \"a\": \"\xc3\xa9\xff\"}").unwrap_err(), ImportError::NotUtf8 { line: 2, column: 10 });
    assert_eq!(import(b"\xff{}").unwrap_err(), ImportError::NotUtf8 { line: 1, column: 1 });
    // A Latin-1 file (é as 0xE9) as saved by an old spreadsheet tool.
    assert_eq!(
        import(b"{\"format\": \"pohon-kinerja\",\r\n\"judul\": \"Caf\xe9\"}").unwrap_err(),
        ImportError::NotUtf8 { line: 2, column: 14 }
    );
    // Truncated in the middle of a three-byte character.
    assert_eq!(import(b"{\"a\": \"\xe2\x80").unwrap_err(), ImportError::NotUtf8 { line: 1, column: 8 });
}

#[test]
fn syntax() {
    assert_eq!(
        err("{\n  \"format\": \"pohon-kinerja\",\n  \"version\": 1,\n}"),
        ImportError::Syntax { line: 4, column: 1, message: "trailing comma".into() }
    );
    assert_eq!(
        err(r#"{"format": "pohon-kinerja""#),
        ImportError::Syntax { line: 1, column: 26, message: "EOF while parsing an object".into() }
    );
    assert_eq!(
        err("{\"format\": 'pohon-kinerja'}"),
        ImportError::Syntax { line: 1, column: 12, message: "expected value".into() }
    );
    // Inside the document the position is still the one in the whole file.
    assert_eq!(
        err(&nodes("[\n  {\"id\": \"a\", \"level\": \"custom\",}\n]")),
        ImportError::Syntax { line: 2, column: 33, message: "key must be a string".into() }
    );
    assert_eq!(
        err(&format!("{} x", nodes(r#"[{"id":"a","level":"custom"}]"#))),
        ImportError::Syntax { line: 1, column: 91, message: "trailing characters".into() }
    );
}

/// Positions are 1-based: a column is that of the last character read, and 1
/// where the JSON parser has read nothing on the line yet (never 0).
#[test]
fn positions_are_one_based() {
    assert_eq!(err(""), ImportError::Syntax { line: 1, column: 1, message: "EOF while parsing a value".into() });
    assert_eq!(
        err("[]"),
        ImportError::Invalid {
            path: "(root)".into(),
            line: 1,
            column: 1,
            message: r#"invalid type: sequence, expected a JSON object with "format", "version" and "document""#.into(),
        }
    );
}

/// Columns count characters, as for [`ImportError::NotUtf8`], also when a line
/// holds text beyond ASCII before the error ("–" is one character, three bytes).
#[test]
fn columns_count_characters() {
    // `x` is the 23rd character of the line (the 25th byte).
    assert_eq!(
        err(r#"{"kondisi": "80 – 90" x}"#),
        ImportError::Syntax { line: 1, column: 23, message: "expected `,` or `}`".into() }
    );
    // On the document's first line: the closing quote of "x" is character 122 (byte 124).
    assert_eq!(
        err(&nodes(r#"[{"id":"a","level":"custom","kondisi":"–"},{"id":"b","level":"x"}]"#)),
        ImportError::Invalid {
            path: "document.nodes[1].level".into(),
            line: 1,
            column: 122,
            message: format!("unknown variant `x`, expected one of {LEVELS}"),
        }
    );
    // On a later line: character 21, byte 22.
    assert_eq!(
        err(&nodes("[\n{\"id\":\"é\",\"level\":\"x\"}]")),
        ImportError::Invalid {
            path: "document.nodes[0].level".into(),
            line: 2,
            column: 21,
            message: format!("unknown variant `x`, expected one of {LEVELS}"),
        }
    );
}

#[test]
fn too_deeply_nested() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    // In an unknown field of the envelope: refused at the 127th "[", column 30 + 127.
    assert_eq!(
        err(&format!(r#"{{"format":"pohon-kinerja","x":{deep}}}"#)),
        ImportError::TooDeeplyNested { line: 1, column: 157 }
    );
    // In an unknown field of the document and of a node.
    assert_eq!(
        err(&file(&format!(r#"{{"nodes":[],"x":{deep}}}"#))),
        ImportError::TooDeeplyNested { line: 1, column: 192 }
    );
    assert_eq!(
        err(&nodes(&format!(r#"[{{"id":"a","level":"custom","x":{deep}}}]"#))),
        ImportError::TooDeeplyNested { line: 1, column: 215 }
    );
    // Deep objects as well, on a later line.
    let objects = format!("{}1{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    assert_eq!(
        err(&format!("{{\"format\":\"pohon-kinerja\",\n\"x\":{objects}}}")),
        ImportError::TooDeeplyNested { line: 2, column: 635 }
    );
}

/// Ten thousand nested lists as the document: refused, without overflowing
/// the stack, for not being an object (the document is never walked deeper).
#[test]
fn deeply_nested_document_is_refused() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(
        err(&file(&deep)),
        ImportError::Invalid {
            path: "document".into(),
            line: 1,
            column: 49,
            message: "invalid type: sequence, expected a document with \"nodes\"".into(),
        }
    );
}

#[test]
fn wrong_format() {
    assert_eq!(
        err(r#"{"format":"pohon","version":1,"document":{"nodes":[]}}"#),
        ImportError::WrongFormat { found: Some("pohon".into()) }
    );
    assert_eq!(err(r#"{"version":1,"document":{"nodes":[]}}"#), ImportError::WrongFormat { found: None });
    assert_eq!(err(r#"{"format":1,"version":1}"#), ImportError::WrongFormat { found: None });
    assert_eq!(err("{}"), ImportError::WrongFormat { found: None });
    // The format is checked before anything else.
    assert_eq!(err(r#"{"version":2}"#), ImportError::WrongFormat { found: None });
    assert_eq!(
        err(r#"{"format":"Pohon-Kinerja","version":1,"document":{"nodes":[]}}"#),
        ImportError::WrongFormat { found: Some("Pohon-Kinerja".into()) }
    );
}

#[test]
fn newer_version() {
    assert_eq!(VERSION, 1);
    assert_eq!(
        err(r#"{"format":"pohon-kinerja","version":2,"document":{"nodes":[]}}"#),
        ImportError::NewerVersion { found: 2, supported: 1 }
    );
    // Checked before the document, which a newer version may shape differently.
    assert_eq!(
        err(r#"{"format":"pohon-kinerja","version":18446744073709551615,"document":"?"}"#),
        ImportError::NewerVersion { found: u64::MAX, supported: 1 }
    );
    assert_eq!(err(r#"{"format":"pohon-kinerja","version":3}"#), ImportError::NewerVersion { found: 3, supported: 1 });
}

#[test]
fn bad_version() {
    let bad = |v: &str| ImportError::BadVersion { found: v.to_owned() };
    assert_eq!(err(r#"{"format":"pohon-kinerja","document":{"nodes":[]}}"#), bad("absent"));
    assert_eq!(err(r#"{"format":"pohon-kinerja","version":0,"document":{"nodes":[]}}"#), bad("0"));
    assert_eq!(err(r#"{"format":"pohon-kinerja","version":"1","document":{"nodes":[]}}"#), bad(r#""1""#));
    assert_eq!(err(r#"{"format":"pohon-kinerja","version":1.0,"document":{"nodes":[]}}"#), bad("1.0"));
    assert_eq!(err(r#"{"format":"pohon-kinerja","version":-1,"document":{"nodes":[]}}"#), bad("-1"));
    assert_eq!(err(r#"{"format":"pohon-kinerja","version":null,"document":{"nodes":[]}}"#), bad("null"));
    assert_eq!(err(r#"{"format":"pohon-kinerja","version":[1],"document":{"nodes":[]}}"#), bad("[1]"));
}

#[test]
fn no_document() {
    assert_eq!(err(r#"{"format":"pohon-kinerja","version":1}"#), ImportError::NoDocument);
    assert_eq!(
        err(r#"{"format":"pohon-kinerja","version":1,"app":"Pohon Kinerja","dokumen":{}}"#),
        ImportError::NoDocument
    );
}

#[test]
fn invalid() {
    let text = r#"{
  "format": "pohon-kinerja",
  "version": 1,
  "document": {
    "nodes": [
      {"id": "a", "level": "tujuan_pd"},
      {"id": "b", "parent": "a", "level": "eselon_5"}
    ]
  }
}"#;
    assert_eq!(
        err(text),
        ImportError::Invalid {
            path: "document.nodes[1].level".into(),
            line: 7,
            column: 52,
            message: format!("unknown variant `eselon_5`, expected one of {LEVELS}"),
        }
    );
    // The same on one line: the closing quote of "x" is at column 108.
    assert_eq!(
        err(&nodes(r#"[{"id":"a","level":"custom"},{"id":"b","level":"x"}]"#)),
        ImportError::Invalid {
            path: "document.nodes[1].level".into(),
            line: 1,
            column: 108,
            message: format!("unknown variant `x`, expected one of {LEVELS}"),
        }
    );
    assert_eq!(
        err(&nodes(r#"[{"level":"custom"}]"#)),
        ImportError::Invalid {
            path: "document.nodes[0]".into(),
            line: 1,
            column: 77,
            message: "missing field `id`".into(),
        }
    );
    assert_eq!(
        err(&nodes(r#"[{"id":"a","level":"custom","anggaran":[{"tingkat":"program","pagu":-1}]}]"#)),
        ImportError::Invalid {
            path: "document.nodes[0].anggaran[0].pagu".into(),
            line: 1,
            column: 128,
            message: "invalid value: integer `-1`, expected u64".into(),
        }
    );
    assert_eq!(
        err(&nodes(r#"[{"id":"a","level":"custom","indikator":[{"realisasi_triwulan":{"2024":[1,2,3]}}]}]"#)),
        ImportError::Invalid {
            path: "document.nodes[0].indikator[0].realisasi_triwulan.2024".into(),
            line: 1,
            column: 136,
            message: "invalid length 3, expected an array of length 4".into(),
        }
    );
    assert_eq!(
        err(&nodes(r#"[{"id":"a","level":"custom","indikator":[{"target":{"2024":null}}]}]"#)),
        ImportError::Invalid {
            path: "document.nodes[0].indikator[0].target.2024".into(),
            line: 1,
            column: 121,
            message: "invalid type: null, expected a value as text or a number".into(),
        }
    );
    assert_eq!(
        err(&file(r#"{"meta":null,"nodes":[{"id":"a","level":"custom"}]}"#)),
        ImportError::Invalid {
            path: "document.meta".into(),
            line: 1,
            column: 61,
            message: "invalid type: null, expected document metadata".into(),
        }
    );
    // Not an object at all.
    assert_eq!(
        err(r#""pohon-kinerja""#),
        ImportError::Invalid {
            path: "(root)".into(),
            line: 1,
            column: 15,
            message: r#"invalid type: string "pohon-kinerja", expected a JSON object with "format", "version" and "document""#
                .into(),
        }
    );
}

/// An error about the document as a whole names `document`, not `document.`
/// followed by serde_path_to_error's name for an empty path (".").
#[test]
fn errors_at_the_document_itself_name_document() {
    let at_document = |column: usize, message: &str| ImportError::Invalid {
        path: "document".into(),
        line: 1,
        column,
        message: message.into(),
    };
    assert_eq!(err(&file("5")), at_document(50, "invalid type: integer `5`, expected a document with \"nodes\""));
    assert_eq!(err(&file("null")), at_document(53, "invalid type: null, expected a document with \"nodes\""));
    assert_eq!(err(&file("{}")), at_document(51, "missing field `nodes`"));
    // The document is a list, refused on sight of its "[" (column 50): the
    // last character read is the ":" before it.
    assert_eq!(
        err(&file("[]")),
        ImportError::Invalid {
            path: "document".into(),
            line: 1,
            column: 49,
            message: "invalid type: sequence, expected a document with \"nodes\"".into(),
        }
    );
}

/// A field given twice in one object is ambiguous (which id, which parent?):
/// the file is refused rather than one of the two silently kept.
#[test]
fn repeated_fields_are_refused() {
    assert_eq!(
        err(&nodes(r#"[{"id":"a","id":"b","level":"custom"}]"#)),
        ImportError::Invalid {
            // The path names the repeated field itself.
            path: "document.nodes[0].id".into(),
            line: 1,
            column: 73,
            message: "duplicate field `id`".into(),
        }
    );
    assert_eq!(
        err(&nodes(r#"[{"id":"a","level":"custom"},{"id":"b","parent":"a","parent":"b","level":"custom"}]"#)),
        ImportError::Invalid {
            path: "document.nodes[1].parent".into(),
            line: 1,
            column: 118,
            message: "duplicate field `parent`".into(),
        }
    );
    assert_eq!(
        err(&nodes(r#"[{"id":"a","level":"custom","indikator":[{"target":{},"target":{"2024":"1"}}]}]"#)),
        ImportError::Invalid {
            path: "document.nodes[0].indikator[0].target".into(),
            line: 1,
            column: 120,
            message: "duplicate field `target`".into(),
        }
    );
}

#[test]
fn migration_error_is_reported_as_is() {
    // No older version exists yet, so import cannot produce this variant;
    // its conversion and message are what a future step will report.
    assert!(MIGRATIONS.is_empty());
    let e = ImportError::from(MigrationError { from: 1, message: "field x is gone".into() });
    assert_eq!(e, ImportError::Migration(MigrationError { from: 1, message: "field x is gone".into() }));
    assert_eq!(e.to_string(), "upgrading from version 1 failed: field x is gone");
}

#[test]
fn structure_empty() {
    assert_eq!(err(&nodes("[]")), structure("document.nodes", StructureError::Empty));
}

#[test]
fn structure_several_roots() {
    assert_eq!(
        err(&nodes(
            r#"[{"id":"a","level":"custom"},{"id":"b","parent":"a","level":"custom"},{"id":"c","parent":null,"level":"custom"}]"#
        )),
        structure("document.nodes", StructureError::SeveralRoots { ids: vec!["a".into(), "c".into()] })
    );
}

#[test]
fn structure_dangling_parent() {
    let e = err(&nodes(r#"[{"id":"a","level":"custom"},{"id":"b","parent":"zz","level":"custom"}]"#));
    assert_eq!(
        e,
        structure(
            "document.nodes[1].parent",
            StructureError::DanglingParent { index: 1, id: "b".into(), parent: "zz".into() }
        )
    );
    assert_eq!(
        e.to_string(),
        r#"document.nodes[1].parent: node "b" (index 1) names parent "zz", which does not exist"#
    );
    // An empty parent is a name like any other, not "no parent".
    assert_eq!(
        err(&nodes(r#"[{"id":"a","level":"custom"},{"id":"b","parent":"","level":"custom"}]"#)),
        structure(
            "document.nodes[1].parent",
            StructureError::DanglingParent { index: 1, id: "b".into(), parent: String::new() }
        )
    );
}

#[test]
fn structure_cycle() {
    let cycle = |ids: &[&str]| {
        structure("document.nodes", StructureError::Cycle { ids: ids.iter().map(|s| s.to_string()).collect() })
    };
    // Beside a root.
    assert_eq!(
        err(&nodes(
            r#"[{"id":"r","level":"custom"},{"id":"a","parent":"b","level":"custom"},{"id":"b","parent":"a","level":"custom"}]"#
        )),
        cycle(&["a", "b"])
    );
    // No root at all: every node has a parent.
    assert_eq!(
        err(&nodes(
            r#"[{"id":"x","parent":"a","level":"custom"},{"id":"a","parent":"b","level":"custom"},{"id":"b","parent":"a","level":"custom"}]"#
        )),
        cycle(&["a", "b"])
    );
    // A node that is its own parent.
    assert_eq!(err(&nodes(r#"[{"id":"r","level":"custom"},{"id":"a","parent":"a","level":"custom"}]"#)), cycle(&["a"]));
}

#[test]
fn structure_too_deep() {
    assert_eq!(MAX_DEPTH, 1000);
    let too_deep = structure("document.nodes", StructureError::TooDeep { id: "n1001".into(), max: 1000 });
    // Ten thousand levels, in both orders: no stack overflow, and the first
    // node beyond the limit is named.
    assert_eq!(err(&chain(10_000, false)), too_deep);
    assert_eq!(err(&chain(10_000, true)), too_deep);
    assert_eq!(err(&chain(MAX_DEPTH + 2, true)), too_deep);
    // Exactly at the limit: the deepest node has depth 1000.
    let doc = ok(&chain(MAX_DEPTH + 1, true)).document;
    assert_eq!(doc.nodes.len(), 1001);
}

// ---------------------------------------------------------------- repairs

#[test]
fn duplicate_ids_are_renamed() {
    let imported = ok(&nodes(
        r#"[{"id":"a","level":"custom"},{"id":"b","parent":"a","level":"custom"},{"id":"a","parent":"a","level":"custom"}]"#,
    ));
    assert_eq!(imported.repairs, vec![Repair::DuplicateId { index: 2, id: "a".into(), new_id: "a-1".into() }]);
    assert_eq!(ids(&imported.document), ["a", "b", "a-1"]);
    // Children of the repeated id stay with its first holder.
    assert_eq!(imported.document.nodes["a-1"].parent.as_deref(), Some("a"));
    assert_eq!(imported.repairs[0].to_string(), r#"document.nodes[2]: id "a" was used twice; renamed to "a-1""#);

    // A fresh id never takes one used anywhere in the file, even later.
    let imported = ok(&nodes(
        r#"[{"id":"a","level":"custom"},{"id":"a","parent":"a","level":"custom"},{"id":"a-1","parent":"a","level":"custom"},{"id":"a","parent":"a","level":"custom"}]"#,
    ));
    assert_eq!(
        imported.repairs,
        vec![
            Repair::DuplicateId { index: 1, id: "a".into(), new_id: "a-2".into() },
            Repair::DuplicateId { index: 3, id: "a".into(), new_id: "a-3".into() },
        ]
    );
    assert_eq!(ids(&imported.document), ["a", "a-2", "a-1", "a-3"]);
}

#[test]
fn blank_ids_are_filled() {
    let imported = ok(&nodes(
        r#"[{"id":"r","level":"custom"},{"id":"","parent":"r","level":"custom"},{"id":" \t","parent":"r","level":"custom"},{"id":"n-1","parent":"r","level":"custom"}]"#,
    ));
    assert_eq!(
        imported.repairs,
        vec![Repair::BlankId { index: 1, new_id: "n-2".into() }, Repair::BlankId { index: 2, new_id: "n-3".into() }]
    );
    assert_eq!(ids(&imported.document), ["r", "n-2", "n-3", "n-1"]);
    assert_eq!(imported.repairs[0].to_string(), r#"document.nodes[1]: blank id; set to "n-2""#);

    // Both repairs in one file share the counter.
    let imported = ok(&nodes(
        r#"[{"id":"a","level":"custom"},{"id":"a","parent":"a","level":"custom"},{"id":"","parent":"a","level":"custom"}]"#,
    ));
    assert_eq!(
        imported.repairs,
        vec![
            Repair::DuplicateId { index: 1, id: "a".into(), new_id: "a-1".into() },
            Repair::BlankId { index: 2, new_id: "n-2".into() },
        ]
    );
}

// ---------------------------------------------------------------- what is kept

/// A file with an unknown field `x_<where>` at every level that has one.
const EXTRAS: &str = r#"{
  "format": "pohon-kinerja",
  "version": 1,
  "app": "Editor Lain 2.0",
  "x_envelope": {"b": 1, "a": [true, null, 1.5, -3, "teks"]},
  "document": {
    "x_document": "d",
    "meta": {"judul": "J", "x_meta": {"z": {}, "a": []}, "periode": {"awal": 2024, "akhir": 2025}},
    "nodes": [
      {
        "x_node": 18446744073709551615,
        "id": "a",
        "level": "custom",
        "indikator": [{"x_indikator": "i", "nama": "N", "baseline": {"nilai": "1"}}],
        "anggaran": [{"x_anggaran": -0.25, "tingkat": "program"}],
        "crosscutting": [{"x_crosscutting": "\"kutip\" \\ ✓", "nama": "BPS"}]
      }
    ]
  }
}"#;

#[test]
fn unknown_fields_survive() {
    let imported = ok(EXTRAS);
    let out: Value = serde_json::from_str(&export(&imported.document)).unwrap();
    let expect = [
        ("/x_envelope", json!({"b": 1, "a": [true, null, 1.5, -3, "teks"]})),
        ("/document/x_document", json!("d")),
        ("/document/meta/x_meta", json!({"z": {}, "a": []})),
        ("/document/nodes/0/x_node", json!(18_446_744_073_709_551_615_u64)),
        ("/document/nodes/0/indikator/0/x_indikator", json!("i")),
        ("/document/nodes/0/anggaran/0/x_anggaran", json!(-0.25)),
        ("/document/nodes/0/crosscutting/0/x_crosscutting", json!("\"kutip\" \\ ✓")),
    ];
    for (pointer, value) in expect {
        assert_eq!(out.pointer(pointer), Some(&value), "{pointer}");
    }
    // Key order inside unknown values is kept too.
    let keys: Vec<&String> = out["x_envelope"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["b", "a"]);
    // `app` is not kept: it names the writer.
    assert_eq!(out["app"], APP);
    assert_eq!(out["format"], FORMAT);
    // Exporting again changes nothing.
    let again = ok(&export(&imported.document));
    assert_eq!(again.document, imported.document);
    assert_eq!(export(&again.document), export(&imported.document));
}

/// The model promises that every struct keeps fields it does not know; this
/// includes a baseline and a plan period.
#[test]
fn unknown_fields_survive_in_baseline_and_periode() {
    let text = file(
        r#"{"meta":{"periode":{"awal":2024,"akhir":2025,"x_periode":"p"}},"nodes":[{"id":"a","level":"custom","indikator":[{"baseline":{"nilai":"1","tahun":2023,"x_baseline":"b"}}]}]}"#,
    );
    let out: Value = serde_json::from_str(&export(&ok(&text).document)).unwrap();
    assert_eq!(out.pointer("/document/meta/periode/x_periode"), Some(&json!("p")));
    assert_eq!(out.pointer("/document/nodes/0/indikator/0/baseline/x_baseline"), Some(&json!("b")));
}

#[test]
fn numbers_become_indonesian_text() {
    let doc = ok(&nodes(
        r#"[{"id":"a","level":"custom","indikator":[{"baseline":{"nilai":5159},"target":{"2024":3.5,"2025":-2,"2026":80},"realisasi_triwulan":{"2024":[0.25,null,1234.5,7]}}]}]"#,
    ))
    .document;
    let ind = &doc.nodes["a"].indikator[0];
    let baseline = ind.baseline.as_ref().unwrap();
    assert_eq!((&baseline.nilai, baseline.tahun), (&Nilai::new("5159"), None));
    let target: Vec<&str> = ind.target.values().map(Nilai::as_str).collect();
    assert_eq!(target, ["3,5", "-2", "80"]);
    assert_eq!(
        ind.realisasi_triwulan[&2024],
        [Some(Nilai::new("0,25")), None, Some(Nilai::new("1234,5")), Some(Nilai::new("7"))]
    );
}

#[test]
fn defaults_and_byte_order_mark() {
    // A BOM is skipped; a missing meta and missing optional fields default.
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(nodes(r#"[{"id":"a","level":"visi_misi"}]"#).as_bytes());
    let doc = import(&bytes).unwrap().document;
    assert_eq!(doc.meta, Meta::default());
    assert_eq!(*doc.nodes["a"], Node::new("a", None, Level::VisiMisi));
    // Defaults are left out on export, except the root's null parent and the kondisi.
    let out: Value = serde_json::from_str(&export(&doc)).unwrap();
    assert_eq!(
        out,
        json!({
            "format": "pohon-kinerja",
            "version": 1,
            "app": "Pohon Kinerja",
            "document": {"meta": {}, "nodes": [{"id": "a", "parent": null, "level": "visi_misi", "kondisi": ""}]}
        })
    );
}

// ---------------------------------------------------------------- fixtures

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("tests/fixtures/v1");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn fixtures_round_trip_byte_for_byte() {
    let files = fixtures();
    assert!(files.len() >= 3, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let imported = import(text.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(imported.repairs.is_empty(), "{}: {:?}", path.display(), imported.repairs);
        assert_eq!(
            export(&imported.document) + "\n",
            text,
            "{} is not canonical: cargo run --example pk_fmt -- {}",
            path.display(),
            path.display()
        );
    }
}

#[test]
fn full_fixture_uses_every_field() {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("tests/fixtures/v1/full.json");
    let file = std::fs::read_to_string(path).unwrap();
    let doc = import(file.as_bytes()).unwrap().document;
    assert!(!doc.file_extra.is_empty() && !doc.extra.is_empty() && !doc.meta.extra.is_empty());
    let m = &doc.meta;
    assert!(![&m.judul, &m.opd, &m.wilayah, &m.nomor, &m.catatan].iter().any(|s| s.is_empty()));
    assert!(m.periode.is_some());
    let all = |f: &dyn Fn(&Node) -> bool| doc.nodes.values().any(|n| f(n));
    assert!(all(&|n| n.level == Level::Custom && !n.level_label.is_empty() && !n.lane.is_empty()));
    assert!(all(&|n| n.kind == Kind::Output));
    assert!(all(&|n| !n.penanggung_jawab.is_empty() && !n.catatan.is_empty() && !n.extra.is_empty()));
    let inds: Vec<&Indikator> = doc.nodes.values().flat_map(|n| &n.indikator).collect();
    let any = |f: &dyn Fn(&Indikator) -> bool| inds.iter().any(|i| f(i));
    assert!(any(&|i| i.polaritas == Polaritas::Range));
    assert!(any(&|i| i.polaritas == Polaritas::LowerIsBetter));
    assert!(any(&|i| i.jenis == JenisIndikator::Iku));
    assert!(any(&|i| matches!(i.jenis, JenisIndikator::Custom(_))));
    assert!(any(&|i| i.aturan_triwulan == AturanTriwulan::LastValue));
    assert!(any(&|i| i.realisasi_triwulan.values().any(|q| q.contains(&None))));
    assert!(any(&|i| i.baseline.as_ref().is_some_and(|b| b.tahun.is_some())));
    assert!(any(&|i| {
        ![&i.satuan, &i.formula, &i.penjelasan, &i.sumber_data, &i.penanggung_jawab].iter().any(|s| s.is_empty())
            && !i.target.is_empty()
            && !i.realisasi.is_empty()
            && !i.extra.is_empty()
    }));
    let budget: Vec<&Anggaran> = doc.nodes.values().flat_map(|n| &n.anggaran).collect();
    for t in [TingkatAnggaran::Program, TingkatAnggaran::Kegiatan, TingkatAnggaran::SubKegiatan] {
        assert!(budget.iter().any(|a| a.tingkat == t));
    }
    assert!(budget.iter().any(|a| a.pagu.is_some() && !a.kode.is_empty() && !a.extra.is_empty()));
    let cc: Vec<&Crosscutting> = doc.nodes.values().flat_map(|n| &n.crosscutting).collect();
    assert!(cc.iter().any(|c| !c.catatan.is_empty() && !c.status.is_empty() && !c.extra.is_empty()));
}

#[test]
fn deep_chain_fixture_has_all_eight_levels() {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("tests/fixtures/v1/deep-chain.json");
    let doc = import(std::fs::read_to_string(path).unwrap().as_bytes()).unwrap().document;
    let levels: Vec<Level> = doc.nodes.values().map(|n| n.level).collect();
    assert_eq!(levels, Level::ALL[..8]);
    let tree = pohon_core::tree::Tree::build(&doc).unwrap();
    assert_eq!(tree.depth.iter().max(), Some(&7));
}

// ---------------------------------------------------------------- random documents

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "\\PC{0,12}",
        2 => "[a-zA-Z0-9 \"\\\\/–%.,'{}\\[\\]]{0,10}",
        1 => "[\\x00-\\x1f\\x7f\u{2028}\u{feff}\u{1F333}\"\\\\]{0,4}",
        1 => Just(String::new()),
    ]
}

fn nilai() -> impl Strategy<Value = Nilai> {
    prop_oneof![
        3 => prop::sample::select(vec!["80", "5.159", "3,5", "100%", "72,5 %", "80 – 90", "80 s.d. 90", "N/A", ""])
            .prop_map(Nilai::new),
        2 => text().prop_map(Nilai),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Floats with a short exact decimal form, which survive text exactly.
        (-8000i32..8000).prop_map(|n| Value::from(f64::from(n) / 8.0)),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec((text(), inner), 0..4).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Unknown fields; the prefix keeps them clear of every known field name.
fn extra() -> impl Strategy<Value = Extra> {
    prop_oneof![
        2 => Just(Extra::new()),
        1 => prop::collection::vec((text(), json_value()), 1..3)
            .prop_map(|kv| kv.into_iter().map(|(k, v)| (format!("x_{k}"), v)).collect()),
    ]
}

/// Four-digit years, as the schema requires.
fn years<T: std::fmt::Debug>(value: impl Strategy<Value = T>) -> impl Strategy<Value = BTreeMap<Tahun, T>> {
    prop::collection::btree_map(1000u16..=9999, value, 0..4)
}

// Built through serde so these tests do not depend on which fields besides
// the known ones (such as unknown-field maps) the structs carry.
fn baseline(nilai: Nilai, tahun: Option<Tahun>) -> Baseline {
    serde_json::from_value(json!({"nilai": nilai, "tahun": tahun})).unwrap()
}

fn periode(awal: Tahun, akhir: Tahun) -> Periode {
    serde_json::from_value(json!({"awal": awal, "akhir": akhir})).unwrap()
}

fn indikator() -> impl Strategy<Value = Indikator> {
    let jenis = prop_oneof![
        Just(JenisIndikator::Ik),
        Just(JenisIndikator::Iku),
        // "ik" and "iku" are the standard kinds, not custom labels.
        text().prop_filter("standard kind", |s| s != "ik" && s != "iku").prop_map(JenisIndikator::Custom),
    ];
    let polaritas = prop::sample::select(vec![Polaritas::HigherIsBetter, Polaritas::LowerIsBetter, Polaritas::Range]);
    let aturan = prop::sample::select(vec![AturanTriwulan::Cumulative, AturanTriwulan::LastValue]);
    let base = prop::option::of((nilai(), prop::option::of(any::<u16>())).prop_map(|(n, t)| baseline(n, t)));
    (
        (text(), jenis, text(), polaritas, base, years(nilai()), years(nilai())),
        (years(prop::array::uniform4(prop::option::of(nilai()))), aturan, text(), text(), text(), text(), extra()),
    )
        .prop_map(
            |(
                (nama, jenis, satuan, polaritas, baseline, target, realisasi),
                (realisasi_triwulan, aturan_triwulan, formula, penjelasan, sumber_data, penanggung_jawab, extra),
            )| Indikator {
                nama,
                jenis,
                satuan,
                polaritas,
                baseline,
                target,
                realisasi,
                realisasi_triwulan,
                aturan_triwulan,
                formula,
                penjelasan,
                sumber_data,
                penanggung_jawab,
                extra,
            },
        )
}

fn anggaran() -> impl Strategy<Value = Anggaran> {
    let tingkat =
        prop::sample::select(vec![TingkatAnggaran::Program, TingkatAnggaran::Kegiatan, TingkatAnggaran::SubKegiatan]);
    (tingkat, text(), text(), prop::option::of(any::<u64>()), extra())
        .prop_map(|(tingkat, kode, nama, pagu, extra)| Anggaran { tingkat, kode, nama, pagu, extra })
}

fn crosscutting() -> impl Strategy<Value = Crosscutting> {
    (text(), text(), text(), extra()).prop_map(|(nama, catatan, status, extra)| Crosscutting {
        nama,
        catatan,
        status,
        extra,
    })
}

/// A node without its id and parent, which come from the tree's shape.
fn node_body() -> impl Strategy<Value = Node> {
    (
        prop::sample::select(Level::ALL.to_vec()),
        text(),
        prop::sample::select(vec![Kind::Outcome, Kind::Output]),
        text(),
        text(),
        prop::collection::vec(indikator(), 0..3),
        text(),
        prop::collection::vec(anggaran(), 0..3),
        prop::collection::vec(crosscutting(), 0..3),
        text(),
        extra(),
    )
        .prop_map(
            |(
                level,
                level_label,
                kind,
                lane,
                kondisi,
                indikator,
                penanggung_jawab,
                anggaran,
                crosscutting,
                catatan,
                extra,
            )| {
                Node {
                    id: String::new(),
                    parent: None,
                    level,
                    level_label,
                    kind,
                    lane,
                    kondisi,
                    indikator,
                    penanggung_jawab,
                    anggaran,
                    crosscutting,
                    catatan,
                    extra,
                }
            },
        )
}

fn meta() -> impl Strategy<Value = Meta> {
    (
        text(),
        text(),
        text(),
        prop::option::of((any::<u16>(), any::<u16>()).prop_map(|(awal, akhir)| periode(awal, akhir))),
        text(),
        text(),
        extra(),
    )
        .prop_map(|(judul, opd, wilayah, periode, nomor, catatan, extra)| Meta {
            judul,
            opd,
            wilayah,
            periode,
            nomor,
            catatan,
            extra,
        })
}

/// A valid document: a random tree of 1 to 50 nodes, listed in random order,
/// with unique non-blank ids.
fn document() -> impl Strategy<Value = Document> {
    (1usize..=50)
        .prop_flat_map(|n| {
            let parents: Vec<std::ops::Range<usize>> = (1..n).map(|i| 0..i).collect();
            let order = Just((0..n).collect::<Vec<usize>>()).prop_shuffle();
            let bodies = prop::collection::vec(node_body(), n);
            let stems = prop::collection::vec(text(), n);
            (parents, order, bodies, stems, meta(), extra(), extra())
        })
        .prop_map(|(parents, order, bodies, stems, meta, extra, file_extra)| {
            // The part after the last '#' is the index, so ids are unique and never blank.
            let id = |i: usize| format!("{}#{i}", stems[i]);
            let nodes = order
                .iter()
                .map(|&i| {
                    let node = Node { id: id(i), parent: (i > 0).then(|| id(parents[i - 1])), ..bodies[i].clone() };
                    (node.id.clone(), Box::new(node))
                })
                .collect();
            Document { meta, nodes, extra, file_extra }
        })
}

fn schema_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path =
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("public/schema/pohon-kinerja.v1.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        jsonschema::draft202012::new(&schema).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn random_documents_round_trip(doc in document()) {
        let text = export(&doc);
        let imported = import(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&imported.repairs, &Vec::new());
        prop_assert_eq!(&imported.document, &doc);
        prop_assert_eq!(export(&imported.document), text.clone());
        // What the app writes, the published schema accepts.
        let value: Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = schema_validator().iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:#?}", errors);
    }

    #[test]
    fn an_export_in_pieces_is_the_export(doc in document(), batch in 0usize..6) {
        prop_assert_eq!(in_pieces(&doc, batch), export(&doc));
    }
}

/// [`ExportCursor`]'s pieces joined; each holds up to `batch` nodes (at least one).
fn in_pieces(doc: &Document, batch: usize) -> String {
    let mut cursor = ExportCursor::default();
    let mut pieces = Vec::new();
    while let Some(piece) = cursor.next(doc, batch) {
        pieces.push(piece);
    }
    assert_eq!(pieces.len(), doc.nodes.len().div_ceil(batch.max(1)).max(1));
    pieces.concat()
}

#[test]
fn the_examples_exported_in_pieces_are_their_export() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/examples"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let mut doc = import(&std::fs::read(entry.unwrap().path()).unwrap()).unwrap().document;
        // Unknown fields around the list, in the envelope and the document, are kept too.
        doc.file_extra.insert("dibuat_oleh".into(), json!({"nodes": [1, 2]}));
        doc.extra.insert("zz_catatan".into(), json!("\n    \"nodes\": []"));
        for batch in [1, 7, doc.nodes.len(), doc.nodes.len() + 1] {
            assert_eq!(in_pieces(&doc, batch), export(&doc));
        }
    }
    let empty = Document::default();
    assert_eq!(in_pieces(&empty, 3), export(&empty));
}

// ---------------------------------------------------------------- share links

mod link {
    use super::*;
    use pohon_core::codec::link::{decode, encode, from_fragment, to_fragment, LinkError, LinkView, MAX_PAYLOAD};

    fn deflate(bytes: &[u8]) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec(bytes, 6)
    }

    fn inflate(bytes: &[u8]) -> Result<Vec<u8>, LinkError> {
        miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_PAYLOAD).map_err(|_| LinkError::Damaged)
    }

    /// Document and view through a whole link: payload, deflate, fragment, and back.
    fn through_a_link(doc: &Document, view: &LinkView) -> Result<(Document, LinkView), LinkError> {
        let fragment = format!("#{}", to_fragment(&deflate(&encode(doc, view))));
        decode(&inflate(&from_fragment(&fragment)?)?)
    }

    #[test]
    fn every_example_and_the_sample_round_trip_with_the_view() {
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/examples"));
        for entry in std::fs::read_dir(dir).unwrap() {
            let doc = import(&std::fs::read(entry.unwrap().path()).unwrap()).unwrap().document;
            let ids: Vec<&String> = doc.nodes.keys().collect();
            let view = LinkView { selected: Some(ids[ids.len() / 2].clone()), focus: Some(ids[1].clone()) };
            assert_eq!(through_a_link(&doc, &view).unwrap(), (doc.clone(), view));
            assert_eq!(through_a_link(&doc, &LinkView::default()).unwrap().0, doc);
        }
        let synth = pohon_core::synth::document(300, 3);
        assert_eq!(through_a_link(&synth, &LinkView::default()).unwrap().0, synth);
    }

    #[test]
    fn damaged_truncated_and_foreign_links_are_refused() {
        let doc = pohon_core::synth::document(40, 1);
        let payload = encode(&doc, &LinkView::default());
        // Every proper prefix of the payload is refused.
        for cut in 0..payload.len() {
            assert!(decode(&payload[..cut]).is_err(), "cut at {cut}");
        }
        // A flipped byte never panics (it may still read as a document).
        for at in (0..payload.len()).step_by(7) {
            let mut bad = payload.clone();
            bad[at] ^= 0x5a;
            let _ = decode(&bad);
        }
        let fragment = to_fragment(&deflate(&payload));
        assert_eq!(from_fragment("#something-else"), Err(LinkError::NotALink));
        assert_eq!(from_fragment("#pk1."), Err(LinkError::Damaged));
        assert_eq!(from_fragment(&format!("{}!x", &fragment[..20])), Err(LinkError::BadText { position: 20 }));
        // Cut short on the way (a chat app trimming a long link): the deflate stream ends early.
        for cut in [fragment.len() * 2 / 3, fragment.len() - 1] {
            assert!(from_fragment(&fragment[..cut]).and_then(|b| inflate(&b)).and_then(|p| decode(&p)).is_err());
        }
        // A newer format says so; plain JSON is no link.
        let mut newer = payload.clone();
        newer[2] = 2;
        assert_eq!(decode(&newer), Err(LinkError::Newer { version: 2 }));
        assert_eq!(decode(export(&doc).as_bytes()), Err(LinkError::NotALink));
    }

    #[test]
    fn a_deflate_bomb_stops_at_the_cap() {
        let bomb = deflate(&vec![b'a'; MAX_PAYLOAD + 1]);
        assert!(bomb.len() < 40_000);
        assert_eq!(inflate(&bomb), Err(LinkError::Damaged));
    }

    #[test]
    fn links_are_short() {
        // The goals of issue 10 (numbers printed by `scripts/bench link`).
        let plain = |doc: &Document| pohon_core::codec::link::base64url(&deflate(export(doc).as_bytes())).len();
        let ours = |doc: &Document| to_fragment(&deflate(&encode(doc, &LinkView::default()))).len();
        for (n, seed) in [(60, 1), (300, 2)] {
            let doc = pohon_core::synth::document(n, seed);
            let (p, o) = (plain(&doc), ours(&doc));
            assert!((o as f64) <= 0.75 * p as f64, "{n} nodes: {o} of {p}");
            if n == 300 {
                assert!(o <= 12_500, "{o}");
            }
        }
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/examples"));
        for entry in std::fs::read_dir(dir).unwrap() {
            let doc = import(&std::fs::read(entry.unwrap().path()).unwrap()).unwrap().document;
            let (p, o) = (plain(&doc), ours(&doc));
            assert!((o as f64) <= 0.9 * p as f64, "{o} of {p}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn random_documents_round_trip_through_a_link(doc in document(), pick in any::<prop::sample::Index>()) {
            let ids: Vec<String> = doc.nodes.keys().cloned().collect();
            let view = LinkView { selected: Some(pick.get(&ids).clone()), focus: None };
            prop_assert_eq!(through_a_link(&doc, &view).map_err(|e| TestCaseError::fail(e.to_string()))?, (doc, view));
        }

        #[test]
        fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let mut payload = b"PK\x01".to_vec();
            payload.extend_from_slice(&bytes);
            if let Ok((doc, view)) = decode(&payload) {
                prop_assert_eq!(decode(&encode(&doc, &view)).unwrap(), (doc, view));
            }
        }
    }
}
