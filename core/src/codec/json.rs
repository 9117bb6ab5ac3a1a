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
use crate::model::{deserialize_keeping_extra, Document, Extra, Meta, Node, NodeId};
use crate::tree::{StructureError, Tree};

pub const FORMAT: &str = "pohon-kinerja";
pub const VERSION: u32 = 1;
/// Written in every file so a reader knows where it came from.
pub const APP: &str = "Pohon Kinerja";
/// Large enough for 100k-node trees, small enough to refuse a stray video.
pub const MAX_BYTES: usize = 45 * 1024 * 1024;

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
    #[error("not a pohon kinerja file (format is {})", found.as_deref().map_or("absent".to_owned(), |f| format!("\"{f}\"")))]
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

    // Our own files put format and version before the document, so it can be
    // read in the same pass. Anything else, errors included, takes the careful
    // path, which reads the document a second time to say what is wrong.
    let (wire, file_extra) = match serde_json::from_str::<FastEnvelope>(text) {
        Ok(FastEnvelope { document: Some(wire), extra }) => (wire, extra),
        _ => read_carefully(text)?,
    };

    let mut repairs = Vec::new();
    let mut document = Document { meta: wire.meta, nodes: Default::default(), extra: wire.extra, file_extra };
    document.nodes.reserve(wire.nodes.len());
    // Only a file that needs a repair pays for the set of every id.
    let mut fresh: Option<FreshIds> = None;
    let mut rest = wire.nodes.into_iter();
    let mut index = 0;
    while let Some(mut node) = rest.next() {
        let blank = node.id.trim().is_empty();
        if blank || document.nodes.contains_key(&node.id) {
            let fresh = fresh.get_or_insert_with(|| FreshIds {
                taken: document.nodes.keys().chain(rest.as_slice().iter().map(|n| &n.id)).cloned().collect(),
                next: 1,
            });
            if blank {
                let new_id = fresh.make("n");
                repairs.push(Repair::BlankId { index, new_id: new_id.clone() });
                node.id = new_id;
            } else {
                let new_id = fresh.make(&node.id);
                repairs.push(Repair::DuplicateId { index, id: node.id.clone(), new_id: new_id.clone() });
                node.id = new_id;
            }
        }
        document.nodes.insert(node.id.clone(), Box::new(node));
        index += 1;
    }

    Tree::build(&document).map_err(|error| ImportError::Structure { path: structure_path(&error), error })?;
    Ok(Imported { document, repairs })
}

/// Reads the envelope with the document left raw, checks format and version,
/// upgrades older versions, and names the exact place of any error.
fn read_carefully(text: &str) -> Result<(DocumentWire, Extra), ImportError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| json_error(text, e))?;
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
        let mut value: Value = serde_json::from_str(raw.get()).map_err(|e| json_error(raw.get(), e))?;
        migrate(version as u32, &mut value)?;
        // Re-read as text with the one document reader the app has (a second
        // reader over `Value` would double its code in the wasm).
        let upgraded = value.to_string();
        serde_json::from_str(&upgraded).map_err(|e| ImportError::Invalid {
            path: format!("document.{}", json_path(&upgraded[..byte_offset(&upgraded, e.line(), e.column())])),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?
    };
    Ok((wire, envelope.extra))
}

/// The envelope of a current-version file with format and version first,
/// read in one pass; any other shape is an error that sends the import to
/// [`read_carefully`].
struct FastEnvelope {
    document: Option<DocumentWire>,
    extra: Extra,
}

impl<'de> Deserialize<'de> for FastEnvelope {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FastEnvelope;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a current pohon kinerja envelope")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<FastEnvelope, M::Error> {
                let (mut format, mut version) = (false, false);
                let mut env = FastEnvelope { document: None, extra: Extra::new() };
                let slow = || de::Error::custom("not the usual shape");
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "format" if !format => format = map.next_value::<&str>()? == FORMAT,
                        "version" if !version => version = map.next_value::<u64>()? == u64::from(VERSION),
                        "document" if format && version && env.document.is_none() => {
                            env.document = Some(map.next_value()?)
                        }
                        "format" | "version" | "document" => return Err(slow()),
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
        d.deserialize_map(V)
    }
}

/// Writes a document as v1 JSON, one node per line: compact enough to mail a
/// 10k-node tree, and a change to a node is a change to one line in a diff.
pub fn export(document: &Document) -> String {
    let envelope = EnvelopeOut { format: FORMAT, version: VERSION, app: APP, document, extra: &document.file_extra };
    let mut out = Vec::with_capacity(document.nodes.len() * 400 + 256);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, NodePerLine::default());
    envelope.serialize(&mut ser).expect("a document always serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`export`]'s text a batch of nodes at a time, for a caller that lets the
/// page breathe between batches (a 100 000-node export takes ~150 ms in
/// wasm): the pieces joined are exactly [`export`]'s text. The cursor holds
/// no borrow, so each piece can be written from the document as it is then;
/// the caller makes sure it did not change in between.
#[derive(Debug, Default)]
pub struct ExportCursor {
    /// Nodes written so far; `None` before the head.
    next: Option<usize>,
    /// What follows the node list, from the first piece on.
    tail: String,
    done: bool,
}

impl ExportCursor {
    /// The next piece, with up to `batch` nodes (at least one); `None` once all is written.
    pub fn next(&mut self, document: &Document, batch: usize) -> Option<String> {
        if self.done {
            return None;
        }
        let mut out = String::new();
        let from = match self.next {
            Some(k) => k,
            None => {
                // The envelope with no nodes, split where the list goes: its
                // key is the only one at this depth that can read so, as
                // strings never hold a raw newline.
                let bare = Document {
                    meta: document.meta.clone(),
                    nodes: Default::default(),
                    extra: document.extra.clone(),
                    file_extra: document.file_extra.clone(),
                };
                let text = export(&bare);
                const LIST: &str = "\n    \"nodes\": [";
                let at = text.find(LIST).expect("an export lists its nodes") + LIST.len();
                out.push_str(&text[..at]);
                // After "[]": the nodes go between.
                self.tail = text[at + 1..].to_owned();
                0
            }
        };
        let to = (from + batch.max(1)).min(document.nodes.len());
        let mut bytes = out.into_bytes();
        for (k, node) in document.nodes.values().enumerate().skip(from).take(to - from) {
            bytes.extend_from_slice(if k == 0 { b"\n      " } else { b",\n      " });
            // Inside the envelope, the document and the list, as in `export`.
            let mut ser =
                serde_json::Serializer::with_formatter(&mut bytes, NodePerLine { open: vec![(true, true); 3] });
            node.serialize(&mut ser).expect("a node always serialises");
        }
        let mut out = String::from_utf8(bytes).expect("serde_json writes UTF-8");
        self.next = Some(to);
        if to == document.nodes.len() {
            if to > 0 {
                out.push_str("\n    ");
            }
            out.push(']');
            out.push_str(&self.tail);
            self.done = true;
        }
        Some(out)
    }
}

/// Pretty-prints the envelope, the document and the node list; everything
/// inside a node (or inside `meta`) stays on one line.
#[derive(Default)]
struct NodePerLine {
    /// Per open container: (pretty, has a value yet).
    open: Vec<(bool, bool)>,
}

impl NodePerLine {
    fn begin<W: ?Sized + std::io::Write>(&mut self, w: &mut W, array: bool) -> std::io::Result<()> {
        let depth = self.open.len();
        self.open.push((if array { depth < 3 } else { depth < 2 }, false));
        w.write_all(if array { b"[" } else { b"{" })
    }

    fn end<W: ?Sized + std::io::Write>(&mut self, w: &mut W, array: bool) -> std::io::Result<()> {
        if let Some((true, true)) = self.open.pop() {
            self.newline(w)?;
        }
        w.write_all(if array { b"]" } else { b"}" })
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        match self.open.last() {
            Some((true, _)) => self.newline(w),
            _ => Ok(()),
        }
    }

    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.open.len() {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn has_value(&mut self) {
        if let Some(top) = self.open.last_mut() {
            top.1 = true;
        }
    }
}

impl serde_json::ser::Formatter for NodePerLine {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, true)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, true)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value();
        Ok(())
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, false)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, false)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(if let Some((true, _)) = self.open.last() { b": " } else { b":" })
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value();
        Ok(())
    }
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

/// The document as written: nodes as a list, so duplicate ids can be repaired.
struct DocumentWire {
    meta: Meta,
    nodes: Vec<Node>,
    extra: Extra,
}

deserialize_keeping_extra!(DocumentWire, "a document with \"nodes\"", required: [nodes], optional: [meta]);

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

fn json_error(text: &str, e: serde_json::Error) -> ImportError {
    let (line, column) = char_position(text, e.line(), e.column());
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

/// A type error inside `document`: name the field by walking the JSON up to
/// where serde_json stopped, and translate the position to the whole file.
fn invalid(text: &str, offset: usize, raw: &str, err: serde_json::Error) -> ImportError {
    let (base_line, _) = line_column(&text.as_bytes()[..offset]);
    let line_start = text[..offset].rfind('\n').map_or(0, |p| p + 1);
    let byte_column = if err.line() == 1 { offset - line_start + err.column() } else { err.column() };
    let (line, column) = char_position(text, base_line + err.line() - 1, byte_column);
    if err.to_string().starts_with("recursion limit exceeded") {
        return ImportError::TooDeeplyNested { line, column };
    }
    let end = byte_offset(raw, err.line(), err.column());
    let path = json_path(&raw[..end]);
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
    ImportError::Invalid {
        path: if path.is_empty() { "document".into() } else { format!("document.{path}") },
        line,
        column,
        message,
    }
}

/// The byte offset just after serde_json's (line, column) position.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start = match line {
        0 | 1 => 0,
        _ => text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1),
    };
    let mut end = (start + column).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// The path (`nodes[3].indikator[0].target.2024`) of the value being read at
/// the end of `prefix`, a prefix of a JSON text. Only reads what it needs:
/// strings (for keys), brackets and commas.
fn json_path(prefix: &str) -> String {
    enum Frame {
        Object { key: Option<String>, expect_key: bool },
        Array { index: usize },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut chars = prefix.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' => stack.push(Frame::Object { key: None, expect_key: true }),
            '[' => stack.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, expect_key }) => {
                    *key = None;
                    *expect_key = true;
                }
                None => {}
            },
            '"' => {
                let mut s = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            if let Some((_, e)) = chars.next() {
                                s.push(e);
                            }
                        }
                        c => s.push(c),
                    }
                }
                if let Some(Frame::Object { key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        *key = Some(s);
                        *expect_key = false;
                    }
                }
            }
            _ => {}
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
        }
    }
    path
}

fn structure_path(e: &StructureError) -> String {
    match e {
        StructureError::DanglingParent { index, .. } => format!("document.nodes[{index}].parent"),
        _ => "document.nodes".to_owned(),
    }
}

/// A serde_json position (1-based line; column in bytes, the last byte read,
/// 0 when none of the line was read) as a 1-based line and column in characters.
fn char_position(text: &str, line: usize, byte_column: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let start = match line {
        0 | 1 => 0,
        _ => bytes.iter().enumerate().filter(|&(_, &b)| b == b'\n').nth(line - 2).map_or(bytes.len(), |(i, _)| i + 1),
    };
    let end = (start + byte_column).min(bytes.len());
    // Characters are counted by their first byte: every byte but continuations (0b10xx_xxxx).
    let chars = bytes[start..end].iter().filter(|&&b| (b as i8) >= -0x40).count();
    (line.max(1), chars.max(1))
}

/// 1-based line and column of the end of `prefix` (column in characters).
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let line = 1 + prefix.iter().filter(|&&b| b == b'\n').count();
    let last = prefix.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = 1 + String::from_utf8_lossy(&prefix[last..]).chars().count();
    (line, column)
}
