//! File format v1: a versioned JSON envelope around a [`Document`].
//!
//! ```json
//! {"format": "pohon-kinerja", "version": 1, "app": "Pohon Kinerja", "document": {…}}
//! ```
//! Import is strict about what would corrupt the tree (structure, types) and
//! tolerant about the rest: unknown fields are kept, missing optional fields
//! defaulted, duplicate or blank ids repaired and reported.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

use super::migrate::{migrate, MigrationError};
use crate::core::model::{Document, Extra, Meta, Node, NodeId};
use crate::core::tree::{StructureError, Tree};

pub const FORMAT: &str = "pohon-kinerja";
pub const VERSION: u32 = 1;
/// Written in every file so a reader knows where it came from.
pub const APP: &str = "Pohon Kinerja";
/// Large enough for 100k-node trees, small enough to refuse a stray video.
pub const MAX_BYTES: usize = 40 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub document: Document,
    /// What was repaired on the way in; tell the user.
    pub repairs: Vec<Repair>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// A node reused an id already taken; it got a new one.
    DuplicateId { index: usize, id: NodeId, new_id: NodeId },
    /// A node had no id; it got one.
    BlankId { index: usize, new_id: NodeId },
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Repair::DuplicateId { index, id, new_id } => {
                write!(f, "document.nodes[{index}]: id {id:?} was used twice; renamed to {new_id:?}")
            }
            Repair::BlankId { index, new_id } => {
                write!(f, "document.nodes[{index}]: blank id; set to {new_id:?}")
            }
        }
    }
}

/// Why a file could not be opened. Positions are 1-based lines and columns.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("file is {bytes} bytes; the limit is {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("not UTF-8 text: invalid byte at line {line}, column {column}")]
    NotUtf8 { line: usize, column: usize },
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax { line: usize, column: usize, message: String },
    #[error("JSON nested too deeply at line {line}, column {column}")]
    TooDeeplyNested { line: usize, column: usize },
    #[error("not a pohon kinerja file (format is {found:?})")]
    WrongFormat { found: Option<String> },
    #[error("version {found} is newer than this app, which reads up to {supported}")]
    NewerVersion { found: u64, supported: u32 },
    #[error("missing or invalid \"version\" ({found})")]
    BadVersion { found: String },
    #[error("missing \"document\"")]
    NoDocument,
    #[error("{path}: {message} (line {line}, column {column})")]
    Invalid { path: String, line: usize, column: usize, message: String },
    #[error(transparent)]
    Migration(#[from] MigrationError),
    #[error("{path}: {error}")]
    Structure { path: String, error: StructureError },
}

/// Reads a file's bytes into a document.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len(), max: MAX_BYTES });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        ImportError::NotUtf8 { line, column }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    let envelope: Envelope = serde_json::from_str(text).map_err(json_error)?;
    match envelope.format.as_deref() {
        Some(FORMAT) => {}
        found => return Err(ImportError::WrongFormat { found: found.map(str::to_owned) }),
    }
    let version = match &envelope.version {
        Some(Value::Number(n)) => n.as_u64().filter(|&v| v >= 1),
        _ => None,
    }
    .ok_or_else(|| ImportError::BadVersion {
        found: envelope.version.as_ref().map_or("absent".into(), |v| v.to_string()),
    })?;
    if version > u64::from(VERSION) {
        return Err(ImportError::NewerVersion { found: version, supported: VERSION });
    }
    let raw = envelope.document.ok_or(ImportError::NoDocument)?;
    let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;

    let wire: DocumentWire = if version == u64::from(VERSION) {
        serde_json::from_str(raw.get()).map_err(|e| invalid(text, offset, raw.get(), e))?
    } else {
        let mut value: Value = serde_json::from_str(raw.get()).map_err(json_error)?;
        migrate(version as u32, &mut value)?;
        serde_json::from_value(value).map_err(|e| ImportError::Invalid {
            path: "document".into(),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?
    };

    let mut repairs = Vec::new();
    let mut document =
        Document { meta: wire.meta, nodes: Default::default(), extra: wire.extra, file_extra: envelope.extra };
    document.nodes.reserve(wire.nodes.len());
    let taken: HashSet<NodeId> = wire.nodes.iter().map(|n| n.id.clone()).collect();
    let mut fresh = FreshIds { taken, next: 1 };
    for (index, mut node) in wire.nodes.into_iter().enumerate() {
        if node.id.trim().is_empty() {
            let new_id = fresh.make("n");
            repairs.push(Repair::BlankId { index, new_id: new_id.clone() });
            node.id = new_id;
        } else if document.nodes.contains_key(&node.id) {
            let new_id = fresh.make(&node.id);
            repairs.push(Repair::DuplicateId { index, id: node.id.clone(), new_id: new_id.clone() });
            node.id = new_id;
        }
        document.nodes.insert(node.id.clone(), node);
    }

    Tree::build(&document).map_err(|error| ImportError::Structure { path: structure_path(&error), error })?;
    Ok(Imported { document, repairs })
}

/// Writes a document as pretty-printed v1 JSON (readable in e-mail and diffs).
pub fn export(document: &Document) -> String {
    let envelope = EnvelopeOut { format: FORMAT, version: VERSION, app: APP, document, extra: &document.file_extra };
    serde_json::to_string_pretty(&envelope).expect("a document always serialises")
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u32,
    app: &'static str,
    document: &'a Document,
    #[serde(flatten)]
    extra: &'a Extra,
}

/// The envelope, read by hand so `document` stays raw (checked only once the
/// version is known) while unknown fields are kept.
struct Envelope<'a> {
    format: Option<String>,
    version: Option<Value>,
    document: Option<&'a RawValue>,
    extra: Extra,
}

impl<'de: 'a, 'a> Deserialize<'de> for Envelope<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Envelope<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object with \"format\", \"version\" and \"document\"")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Envelope<'a>, M::Error> {
                let mut env = Envelope { format: None, version: None, document: None, extra: Extra::new() };
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "format" => env.format = map.next_value::<Value>()?.as_str().map(str::to_owned),
                        "version" => env.version = Some(map.next_value()?),
                        "document" => env.document = Some(map.next_value()?),
                        // Rewritten on export.
                        "app" => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                        _ => {
                            env.extra.insert(key, map.next_value()?);
                        }
                    }
                }
                Ok(env)
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
struct DocumentWire {
    #[serde(default)]
    meta: Meta,
    nodes: Vec<Node>,
    #[serde(flatten)]
    extra: Extra,
}

struct FreshIds {
    taken: HashSet<NodeId>,
    next: usize,
}

impl FreshIds {
    fn make(&mut self, stem: &str) -> NodeId {
        loop {
            let id = format!("{stem}-{}", self.next);
            self.next += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

fn json_error(e: serde_json::Error) -> ImportError {
    let (line, column) = (e.line(), e.column());
    if e.to_string().starts_with("recursion limit exceeded") {
        return ImportError::TooDeeplyNested { line, column };
    }
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
    match e.classify() {
        serde_json::error::Category::Data => ImportError::Invalid { path: "(root)".into(), line, column, message },
        _ => ImportError::Syntax { line, column, message },
    }
}

/// A type error inside `document`: re-read with path tracking (only on this
/// slow, failing path) and translate the position to the whole file.
fn invalid(text: &str, offset: usize, raw: &str, e: serde_json::Error) -> ImportError {
    let mut de = serde_json::Deserializer::from_str(raw);
    let (path, err) = match serde_path_to_error::deserialize::<_, DocumentWire>(&mut de) {
        Err(pe) => (format!("document.{}", pe.path()), pe.into_inner()),
        Ok(_) => ("document".to_owned(), e),
    };
    let (base_line, base_col) = line_column(&text.as_bytes()[..offset]);
    let line = base_line + err.line() - 1;
    let column = if err.line() == 1 { base_col + err.column() - 1 } else { err.column() };
    if err.to_string().starts_with("recursion limit exceeded") {
        return ImportError::TooDeeplyNested { line, column };
    }
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
    ImportError::Invalid { path: path.replace("document.?", "document"), line, column, message }
}

fn structure_path(e: &StructureError) -> String {
    match e {
        StructureError::DanglingParent { index, .. } => format!("document.nodes[{index}].parent"),
        _ => "document.nodes".to_owned(),
    }
}

/// 1-based line and column of the end of `prefix` (column in characters).
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let line = 1 + prefix.iter().filter(|&&b| b == b'\n').count();
    let last = prefix.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = 1 + String::from_utf8_lossy(&prefix[last..]).chars().count();
    (line, column)
}
