//! Helpers shared by the per-seed example tests.

use pohon_core::codec::{export, import};
use pohon_core::model::{Document, Node};

/// Reads `public/examples/<name>`, checks it opens without repairs and that
/// exporting it gives back the file byte for byte.
pub fn load(name: &str) -> Document {
    let path = format!("{}/../public/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let imported = import(text.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(imported.repairs.is_empty(), "{path}: {:?}", imported.repairs);
    assert_eq!(
        export(&imported.document) + "\n",
        text,
        "{path} is not in canonical form: run cargo run --example pk_fmt -- {path}"
    );
    imported.document
}

pub fn indicator_count(doc: &Document) -> usize {
    doc.nodes.values().map(|n| n.indikator.len()).sum()
}

/// The node whose kondisi is exactly `kondisi`; panics if none or several.
pub fn node<'a>(doc: &'a Document, kondisi: &str) -> &'a Node {
    let mut found = doc.nodes.values().filter(|n| n.kondisi == kondisi);
    let n = found.next().unwrap_or_else(|| panic!("no node {kondisi:?}"));
    assert!(found.next().is_none(), "several nodes {kondisi:?}");
    n
}
