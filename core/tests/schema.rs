#![cfg(not(target_arch = "wasm32"))]
//! The published JSON Schema (`public/schema/pohon-kinerja.v1.json`) is a valid
//! draft 2020-12 schema, documents every property, accepts every file the app
//! ships or tests with, and agrees with the app's importer on small edge cases.

use std::path::{Path, PathBuf};

use pohon_core::codec::import;
use serde_json::{json, Value};

const SCHEMA_PATH: &str = "public/schema/pohon-kinerja.v1.json";

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn schema() -> Value {
    let path = root().join(SCHEMA_PATH);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles")
}

/// Every schema violation of `instance`, one per line, for assertion messages.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator.iter_errors(instance).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["$id"], "https://pohon-kinerja.invalid/schema/pohon-kinerja.v1.json");
    assert!(schema["title"].as_str().is_some_and(|t| !t.is_empty()));
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("{SCHEMA_PATH} is not a valid schema: {e} at {}", e.instance_path());
    }
}

/// Walks the schema and collects the location of every property without a description.
fn undescribed(schema: &Value, at: &str, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                for (name, prop) in props {
                    let described = prop.get("description").and_then(Value::as_str).is_some_and(|d| d.len() > 10);
                    if !described {
                        out.push(format!("{at}/properties/{name}"));
                    }
                }
            }
            for (key, value) in map {
                undescribed(value, &format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                undescribed(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_property_has_a_description() {
    let mut missing = Vec::new();
    undescribed(&schema(), "#", &mut missing);
    assert!(missing.is_empty(), "properties without a description: {missing:#?}");
}

#[test]
fn examples_sample_and_fixtures_are_valid() {
    let validator = validator();
    let examples = json_files(&root().join("public/examples"));
    assert!(!examples.is_empty(), "public/examples holds no .json file");
    let fixtures = json_files(&root().join("tests/fixtures/v1"));
    assert!(fixtures.len() >= 3, "expected at least 3 fixtures in tests/fixtures/v1, found {fixtures:?}");
    let sample = root().join("core/src/sample.json");

    let mut files = examples;
    files.push(sample.clone());
    files.extend(fixtures);
    assert!(files.contains(&sample));

    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let instance: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for e in errors(&validator, &instance) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files do not match the schema:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// A valid one-node file whose single node is `node`.
fn with_node(node: Value) -> Value {
    json!({"format": "pohon-kinerja", "version": 1, "app": "Pohon Kinerja", "document": {"nodes": [node]}})
}

/// A valid one-node file whose node carries one indicator `indikator`.
fn with_indikator(indikator: Value) -> Value {
    with_node(json!({"id": "a", "level": "tujuan_pd", "indikator": [indikator]}))
}

fn with_anggaran(anggaran: Value) -> Value {
    with_node(json!({"id": "a", "level": "tujuan_pd", "anggaran": [anggaran]}))
}

#[test]
fn invalid_files_are_rejected() {
    let validator = validator();
    let valid = with_node(json!({"id": "a", "level": "visi_misi"}));
    assert_eq!(errors(&validator, &valid), Vec::<String>::new());

    let mut wrong_format = valid.clone();
    wrong_format["format"] = json!("pohon-kinerja-lama");
    let mut version_2 = valid.clone();
    version_2["version"] = json!(2);
    let mut version_text = valid.clone();
    version_text["version"] = json!("1");
    let mut no_version = valid.clone();
    no_version.as_object_mut().unwrap().remove("version");
    let mut no_format = valid.clone();
    no_format.as_object_mut().unwrap().remove("format");
    let mut no_document = valid.clone();
    no_document.as_object_mut().unwrap().remove("document");
    let no_nodes = json!({"format": "pohon-kinerja", "version": 1, "document": {"meta": {}}});

    let cases = [
        ("wrong format", wrong_format, "/format"),
        ("no format", no_format, ""),
        ("version 2", version_2, "/version"),
        ("version as text", version_text, "/version"),
        ("no version", no_version, ""),
        ("no document", no_document, ""),
        ("no nodes", no_nodes, "/document"),
        ("node without id", with_node(json!({"level": "visi_misi"})), "/document/nodes/0"),
        ("node without level", with_node(json!({"id": "a"})), "/document/nodes/0"),
        ("unknown level", with_node(json!({"id": "a", "level": "eselon_5"})), "/document/nodes/0/level"),
        ("numeric id", with_node(json!({"id": 7, "level": "custom"})), "/document/nodes/0/id"),
        (
            "null kondisi",
            with_node(json!({"id": "a", "level": "custom", "kondisi": null})),
            "/document/nodes/0/kondisi",
        ),
        ("unknown kind", with_node(json!({"id": "a", "level": "custom", "kind": "input"})), "/document/nodes/0/kind"),
        (
            "year key of two digits",
            with_indikator(json!({"target": {"24": "80"}})),
            "/document/nodes/0/indikator/0/target",
        ),
        (
            "null target value",
            with_indikator(json!({"target": {"2024": null}})),
            "/document/nodes/0/indikator/0/target/2024",
        ),
        (
            "boolean realisasi",
            with_indikator(json!({"realisasi": {"2024": true}})),
            "/document/nodes/0/indikator/0/realisasi/2024",
        ),
        (
            "three quarters",
            with_indikator(json!({"realisasi_triwulan": {"2024": ["1", "2", "3"]}})),
            "/document/nodes/0/indikator/0/realisasi_triwulan/2024",
        ),
        (
            "unknown polarity",
            with_indikator(json!({"polaritas": "middle_is_better"})),
            "/document/nodes/0/indikator/0/polaritas",
        ),
        (
            "unknown quarterly rule",
            with_indikator(json!({"aturan_triwulan": "average"})),
            "/document/nodes/0/indikator/0/aturan_triwulan",
        ),
        (
            "baseline without nilai",
            with_indikator(json!({"baseline": {"tahun": 2023}})),
            "/document/nodes/0/indikator/0/baseline",
        ),
        ("anggaran without tingkat", with_anggaran(json!({"nama": "Program X"})), "/document/nodes/0/anggaran/0"),
        ("unknown tingkat", with_anggaran(json!({"tingkat": "urusan"})), "/document/nodes/0/anggaran/0/tingkat"),
        (
            "negative pagu",
            with_anggaran(json!({"tingkat": "program", "pagu": -1})),
            "/document/nodes/0/anggaran/0/pagu",
        ),
        (
            "fractional pagu",
            with_anggaran(json!({"tingkat": "program", "pagu": 1.5})),
            "/document/nodes/0/anggaran/0/pagu",
        ),
        (
            "crosscutting without nama",
            with_node(json!({"id": "a", "level": "custom", "crosscutting": [{"status": "disepakati"}]})),
            "/document/nodes/0/crosscutting/0",
        ),
    ];
    for (label, instance, path) in cases {
        let found = errors(&validator, &instance);
        assert!(!found.is_empty(), "{label}: the schema accepts {instance}");
        assert!(
            found.iter().any(|e| e.starts_with(&format!("{path}: "))),
            "{label}: expected an error at {path:?}, got {found:#?}"
        );
    }
}

/// Small variations of one valid file: the schema and the importer must agree
/// on each (the cases avoid what only the importer checks: the tree structure).
#[test]
fn schema_and_importer_agree() {
    let validator = validator();
    let cases: Vec<(&str, Value, bool)> = vec![
        (
            "unknown fields everywhere",
            {
                let mut v = with_node(json!({
                    "id": "a", "level": "custom", "x": 1,
                    "indikator": [{"x": [1], "baseline": {"nilai": "1", "x": null}}],
                    "anggaran": [{"tingkat": "program", "x": {}}],
                    "crosscutting": [{"nama": "BPS", "x": "y"}]
                }));
                v["x"] = json!(true);
                v["document"]["x"] = json!("z");
                v["document"]["meta"] = json!({"x": 0, "periode": {"awal": 2024, "akhir": 2025, "x": 1}});
                v
            },
            true,
        ),
        (
            "no app",
            {
                let mut v = with_node(json!({"id": "a", "level": "custom"}));
                v.as_object_mut().unwrap().remove("app");
                v
            },
            true,
        ),
        (
            "numbers as values",
            with_indikator(json!({
                "baseline": {"nilai": 3.5, "tahun": null},
                "target": {"2024": 80, "2025": -1},
                "realisasi": {"2024": 79.5},
                "realisasi_triwulan": {"2024": [1, "2", null, 4.25]}
            })),
            true,
        ),
        (
            "null parent, periode and baseline",
            {
                let mut v = with_node(json!({"id": "a", "parent": null, "level": "custom"}));
                v["document"]["meta"] = json!({"periode": null});
                v["document"]["nodes"][0]["indikator"] = json!([{"baseline": null}]);
                v
            },
            true,
        ),
        ("custom jenis", with_indikator(json!({"jenis": "IKD"})), true),
        (
            "pagu zero and null",
            with_node(json!({"id": "a", "level": "custom", "anggaran": [
                {"tingkat": "program", "pagu": 0}, {"tingkat": "kegiatan", "pagu": null},
                {"tingkat": "sub_kegiatan", "pagu": 18_446_744_073_709_551_615_u64}
            ]})),
            true,
        ),
        (
            "null meta",
            {
                let mut v = with_node(json!({"id": "a", "level": "custom"}));
                v["document"]["meta"] = Value::Null;
                v
            },
            false,
        ),
        (
            "periode without akhir",
            {
                let mut v = with_node(json!({"id": "a", "level": "custom"}));
                v["document"]["meta"] = json!({"periode": {"awal": 2024}});
                v
            },
            false,
        ),
        (
            "year beyond u16",
            {
                let mut v = with_node(json!({"id": "a", "level": "custom"}));
                v["document"]["meta"] = json!({"periode": {"awal": 2024, "akhir": 70000}});
                v
            },
            false,
        ),
        ("null indikator list", with_node(json!({"id": "a", "level": "custom", "indikator": null})), false),
        ("indikator nama as number", with_indikator(json!({"nama": 5})), false),
        ("null jenis", with_indikator(json!({"jenis": null})), false),
        ("quarter list of five", with_indikator(json!({"realisasi_triwulan": {"2024": [1, 2, 3, 4, 5]}})), false),
        ("non-numeric year key", with_indikator(json!({"realisasi": {"tahun": "1"}})), false),
        ("object as value", with_indikator(json!({"target": {"2024": {"nilai": "1"}}})), false),
        ("pagu as text", with_anggaran(json!({"tingkat": "program", "pagu": "1.000"})), false),
        (
            "pagu beyond u64",
            with_anggaran(json!({"tingkat": "program", "pagu": 18_446_744_073_709_551_616.0_f64})),
            false,
        ),
        ("parent as number", with_node(json!({"id": "a", "parent": 1, "level": "custom"})), false),
        ("document as list", json!({"format": "pohon-kinerja", "version": 1, "document": []}), false),
    ];
    for (label, instance, expected) in cases {
        let by_schema = errors(&validator, &instance);
        let by_app = import(instance.to_string().as_bytes());
        assert_eq!(by_schema.is_empty(), expected, "{label}: schema says {by_schema:#?}");
        assert_eq!(by_app.is_ok(), expected, "{label}: importer says {by_app:?}");
    }
}
