//! The Import dialog's work: pasted text or a sheet read as an IKU table or
//! a text outline, a preview the user corrects (column meanings; levels and
//! parents), and the document built from it. It runs in the worker (parsing
//! a 20 000-line paste never blocks the page, and none of it weighs on the
//! app's first load); the app sends [`Request`]s and shows [`Preview`]s.

use serde::{Deserialize, Serialize};

use crate::model::{Document, Level, Meta, Node};
use crate::table::{self, Column, TableError};
use crate::{paste, paste::PasteError};

/// Rows of a table shown in the preview; the rest are imported unseen.
pub const PREVIEW_ROWS: usize = 50;
/// Statements of an outline shown (and placeable) in the preview.
pub const PREVIEW_ITEMS: usize = 2_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Table,
    Outline,
}

/// What the app asks of the worker. Bytes (an .xlsx file, a document
/// exported) travel beside the request, not in it. The messages use serde's
/// default (external) enum tagging: internal tags cost the app's wasm
/// several KB of buffering code per type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Read pasted or opened text; `kind: None` recognises it.
    Text { text: String, kind: Option<Kind> },
    /// Read an .xlsx file (sent as bytes): the named sheet, or the first.
    Xlsx { sheet: Option<String> },
    /// The user changed what the table's columns mean.
    Columns { columns: Vec<Column> },
    /// Build the document; for an outline, where the user placed each
    /// previewed statement (depth and level, in preview order).
    Build { places: Vec<Place> },
    /// A document (the file format's JSON) as a spreadsheet.
    Export { format: Format, document: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Xlsx,
    Csv,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    Preview(Preview),
    /// The built document, as the file format's JSON.
    Document {
        json: String,
    },
    /// The export's bytes travel beside the reply.
    Exported,
    Failed {
        problem: Problem,
    },
}

/// What went wrong, for the app to say in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Empty,
    OpenQuote {
        line: usize,
    },
    TooManyRows {
        max: usize,
    },
    TooManyColumns {
        max: usize,
    },
    /// A workbook whose parts cannot be read (cut short, or damaged).
    Damaged,
    TooManyLines {
        max: usize,
    },
    /// No column means a sasaran or an indicator.
    NoKeyColumn,
    HeaderOnly,
    NoStatement,
    NotXlsx,
    NoSuchSheet {
        name: String,
    },
    TooBig {
        max_mb: usize,
    },
    /// A request the worker could not read, or a step out of order: a bug.
    Internal {
        detail: String,
    },
}

impl From<TableError> for Problem {
    fn from(e: TableError) -> Self {
        match e {
            TableError::Empty => Problem::Empty,
            TableError::OpenQuote { line } => Problem::OpenQuote { line },
            TableError::TooManyRows { max } => Problem::TooManyRows { max },
            TableError::NoHeader => Problem::NoKeyColumn,
            TableError::HeaderOnly => Problem::HeaderOnly,
        }
    }
}

impl From<PasteError> for Problem {
    fn from(e: PasteError) -> Self {
        match e {
            PasteError::Empty => Problem::Empty,
            PasteError::TooLong { max } => Problem::TooManyLines { max },
            PasteError::NoStatement => Problem::NoStatement,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preview {
    Table(TablePreview),
    Outline(OutlinePreview),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TablePreview {
    /// The header row's cells, and what each column is taken to mean.
    pub head: Vec<String>,
    pub columns: Vec<Column>,
    /// The first rows under the header.
    pub rows: Vec<Vec<String>>,
    /// All rows under the header.
    pub total: usize,
    /// An .xlsx file's sheets, and the one read.
    pub sheets: Vec<String>,
    pub sheet: usize,
    /// What importing now would give, or why it cannot.
    pub sasaran: usize,
    pub indikator: usize,
    pub problem: Option<Problem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutlinePreview {
    pub title: String,
    /// The statements in reading order, each placed under the nearest one
    /// before it that is shallower. The first is the root (depth 0).
    pub items: Vec<Item>,
    /// Statements found beyond the preview (imported where the text put them).
    pub more: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub place: Place,
    pub text: String,
    pub indicators: usize,
    pub budgets: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub depth: usize,
    pub level: Level,
}

/// What the worker holds between a preview and the import.
#[derive(Clone, Debug)]
pub enum Session {
    Table {
        rows: Vec<Vec<String>>,
        header: usize,
        columns: Vec<Column>,
        meta: Meta,
        sheets: Vec<String>,
        sheet: usize,
    },
    /// The outline's statements in tree order (parents before children).
    Outline {
        nodes: Vec<Node>,
        depths: Vec<usize>,
        meta: Meta,
    },
}

/// Table or outline: a table has a header row naming its columns, or tabs
/// on most of its lines.
pub fn detect(text: &str) -> Kind {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(200).collect();
    // Tabs on most lines, or a lone line of three or more cells (a header).
    let tabbed = lines.iter().filter(|l| l.trim().contains('\t')).count();
    let cells = lines.first().map_or(0, |l| l.trim().matches('\t').count() + 1);
    if tabbed * 2 > lines.len() && (lines.len() > 1 || cells >= 3) {
        return Kind::Table;
    }
    let headed = table::rows(text).ok().and_then(|rows| table::header(&rows).map(|(h, _)| (rows, h)));
    // A header with cells in several columns, and rows under it; or a
    // first line that is such a header (the rows under it may be broken).
    let first =
        lines.first().and_then(|l| table::rows(l).ok()).and_then(|rows| table::header(&rows).map(|(_, c)| c.len()));
    match headed {
        Some((rows, h)) if rows.get(h).is_some_and(|r| r.len() >= 3) && rows.len() > h + 1 => Kind::Table,
        _ if first.is_some_and(|cells| cells >= 3) => Kind::Table,
        _ => Kind::Outline,
    }
}

/// The default level of a statement `depth` below the root.
pub fn level_at(depth: usize) -> Level {
    const LEVELS: [Level; 5] = [
        Level::TujuanPd,
        Level::SasaranStrategis,
        Level::SasaranProgram,
        Level::SasaranKegiatan,
        Level::SasaranSubKegiatan,
    ];
    LEVELS[depth.min(LEVELS.len() - 1)]
}

/// Moves item `i` and the items under it one step deeper: under the
/// sibling before it. The root, and an item already under the one before
/// it, stay.
pub fn indent(places: &mut [Place], i: usize) {
    if i == 0 || i >= places.len() || places[i].depth > places[i - 1].depth {
        return;
    }
    shift(places, i, 1);
}

/// Moves item `i` and the items under it one step up, beside its parent;
/// its later siblings come under it (the order still reads as a tree).
/// Nothing goes above or beside the root.
pub fn outdent(places: &mut [Place], i: usize) {
    if i == 0 || i >= places.len() || places[i].depth <= 1 {
        return;
    }
    shift(places, i, -1);
}

fn subtree_end(places: &[Place], i: usize) -> usize {
    let depth = places[i].depth;
    (i + 1..places.len()).find(|&j| places[j].depth <= depth).unwrap_or(places.len())
}

fn shift(places: &mut [Place], i: usize, by: isize) {
    let end = subtree_end(places, i);
    for p in &mut places[i..end] {
        p.depth = p.depth.saturating_add_signed(by);
        p.level = level_at(p.depth);
    }
}

impl Session {
    /// Reads text as `kind` (recognised when `None`) into a session and its preview.
    pub fn text(text: &str, kind: Option<Kind>) -> Result<(Session, Preview), Problem> {
        if text.trim().is_empty() {
            return Err(Problem::Empty);
        }
        match kind.unwrap_or_else(|| detect(text)) {
            Kind::Table => Session::table(table::rows(text)?, Vec::new(), 0),
            Kind::Outline => {
                let (found, title) = paste::read(text)?;
                let doc = paste::document(&found, &title);
                let mut meta = doc.meta.clone();
                fill_meta(&mut meta, text);
                Ok(Session::outline(doc, meta))
            }
        }
    }

    /// A sheet's rows (from an .xlsx file) as a table.
    pub fn table(rows: Vec<Vec<String>>, sheets: Vec<String>, sheet: usize) -> Result<(Session, Preview), Problem> {
        if rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
            return Err(Problem::Empty);
        }
        // No header named: the first row is the header, for the user to name.
        let (header, columns) = table::header(&rows).unwrap_or_else(|| {
            let first = rows.iter().position(|r| r.iter().any(|c| !c.trim().is_empty())).unwrap_or(0);
            (first, rows[first].iter().map(|c| table::guess(c)).collect())
        });
        let width = rows.iter().skip(header).map(Vec::len).max().unwrap_or(0);
        let mut columns = columns;
        columns.resize(width, Column::Ignore);
        let text: String = rows[..header].iter().map(|r| r.join(" ") + "\n").collect();
        let mut meta = Meta::default();
        fill_meta(&mut meta, &text);
        let session = Session::Table { rows, header, columns, meta, sheets, sheet };
        let preview = session.preview();
        Ok((session, preview))
    }

    fn outline(doc: Document, meta: Meta) -> (Session, Preview) {
        let mut depths = Vec::with_capacity(doc.nodes.len());
        let mut index = rustc_hash::FxHashMap::default();
        for node in doc.nodes.values() {
            let depth = node.parent.as_ref().and_then(|p| index.get(p)).map_or(0, |&d: &usize| d + 1);
            index.insert(node.id.clone(), depth);
            depths.push(depth);
        }
        let session = Session::Outline { nodes: doc.nodes.into_values().map(|n| *n).collect(), depths, meta };
        let preview = session.preview();
        (session, preview)
    }

    pub fn preview(&self) -> Preview {
        match self {
            Session::Table { rows, header, columns, sheets, sheet, .. } => {
                let built = self.build(&[]);
                let (sasaran, indikator) = built
                    .as_ref()
                    .map_or((0, 0), |d| (d.nodes.len() - 1, d.nodes.values().map(|n| n.indikator.len()).sum()));
                Preview::Table(TablePreview {
                    head: rows[*header].clone(),
                    columns: columns.clone(),
                    rows: rows.iter().skip(header + 1).take(PREVIEW_ROWS).cloned().collect(),
                    total: rows.len() - header - 1,
                    sheets: sheets.clone(),
                    sheet: *sheet,
                    sasaran,
                    indikator,
                    problem: built.err(),
                })
            }
            Session::Outline { nodes, depths, meta } => Preview::Outline(OutlinePreview {
                title: meta.judul.clone(),
                items: nodes
                    .iter()
                    .zip(depths)
                    .take(PREVIEW_ITEMS)
                    .map(|(n, &depth)| Item {
                        place: Place { depth, level: n.level },
                        text: n.kondisi.clone(),
                        indicators: n.indikator.len(),
                        budgets: n.anggaran.len(),
                    })
                    .collect(),
                more: nodes.len().saturating_sub(PREVIEW_ITEMS),
            }),
        }
    }

    /// The user's meanings for the table's columns (ignored for an outline).
    pub fn set_columns(&mut self, new: Vec<Column>) -> Preview {
        if let Session::Table { columns, .. } = self {
            let width = columns.len();
            *columns = new;
            columns.resize(width, Column::Ignore);
        }
        self.preview()
    }

    /// The document, with the outline's statements where `places` put them
    /// (the first `places.len()` of them; the rest where the text put them).
    pub fn build(&self, places: &[Place]) -> Result<Document, Problem> {
        match self {
            Session::Table { rows, header, columns, meta, .. } => {
                if !columns.iter().any(|c| matches!(c, Column::Sasaran | Column::Indikator)) {
                    return Err(Problem::NoKeyColumn);
                }
                let title = if meta.judul.is_empty() { "Indikator Kinerja Utama" } else { &meta.judul };
                let mut doc = table::document(rows, *header, columns, title)?;
                let periode = doc.meta.periode.take();
                doc.meta = Meta { periode: meta.periode.clone().or(periode), judul: title.to_owned(), ..meta.clone() };
                Ok(doc)
            }
            Session::Outline { nodes, depths, meta } => {
                let mut doc = Document { meta: meta.clone(), ..Document::default() };
                // Each depth's latest statement: the parent of the next one deeper.
                let mut stack: Vec<String> = Vec::new();
                for (k, node) in nodes.iter().enumerate() {
                    let (depth, level) = match places.get(k) {
                        Some(p) => (p.depth, p.level),
                        None => (depths[k], node.level),
                    };
                    // The first is the root; no other goes beside it, none skips a level.
                    let depth = if k == 0 { 0 } else { depth.clamp(1, stack.len()) };
                    stack.truncate(depth);
                    let mut node = node.clone();
                    node.parent = stack.last().cloned();
                    node.level = level;
                    stack.push(node.id.clone());
                    doc.nodes.insert(node.id.clone(), Box::new(node));
                }
                Ok(doc)
            }
        }
    }
}

/// Title, agency, region and period from the heading lines, where the
/// document's own fields are still empty.
fn fill_meta(meta: &mut Meta, text: &str) {
    let found = paste::meta(text);
    for (field, value) in
        [(&mut meta.judul, found.judul), (&mut meta.opd, found.opd), (&mut meta.wilayah, found.wilayah)]
    {
        if field.is_empty() {
            *field = value;
        }
    }
    if meta.periode.is_none() {
        meta.periode = found.periode;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(depths: &[usize]) -> Vec<Place> {
        depths.iter().map(|&depth| Place { depth, level: level_at(depth) }).collect()
    }

    fn depths(places: &[Place]) -> Vec<usize> {
        places.iter().map(|p| p.depth).collect()
    }

    #[test]
    fn indent_and_outdent_move_a_statement_with_what_is_under_it() {
        let mut p = places(&[0, 1, 1, 2, 1]);
        indent(&mut p, 2);
        assert_eq!(depths(&p), [0, 1, 2, 3, 1]);
        assert_eq!(p[3].level, Level::SasaranKegiatan);
        // Already under the one before it; and the root never moves.
        indent(&mut p, 2);
        indent(&mut p, 0);
        outdent(&mut p, 1);
        assert_eq!(depths(&p), [0, 1, 2, 3, 1]);
        outdent(&mut p, 2);
        assert_eq!(depths(&p), [0, 1, 1, 2, 1]);
        // Its later siblings come under it, so the order still reads as a tree.
        let mut p = places(&[0, 1, 2, 2, 2]);
        outdent(&mut p, 3);
        assert_eq!(depths(&p), [0, 1, 2, 1, 2]);
    }

    #[test]
    fn text_is_recognised_as_table_or_outline() {
        assert_eq!(detect("NO\tSASARAN\tINDIKATOR\n1\tA\tB\n"), Kind::Table);
        assert_eq!(detect("NO\tSASARAN\tINDIKATOR\n"), Kind::Table);
        assert_eq!(detect("NO;SASARAN;INDIKATOR\n1;\"Meningkatnya A;B\n"), Kind::Table);
        assert_eq!(detect("No;Sasaran;Indikator;Satuan\n1;A;B;%\n"), Kind::Table);
        assert_eq!(detect("1. Meningkatnya A\nIK : Persentase B\n1.1 Meningkatnya C\n"), Kind::Outline);
        // A statement with commas is not a CSV table.
        assert_eq!(detect("Meningkatnya A, B, dan C\nIK : Persentase, rasio\n"), Kind::Outline);
    }

    #[test]
    fn a_table_preview_follows_the_users_columns() {
        let text = "NO\tSASARAN\tINDIKATOR\tSATUAN\tKETERANGAN\n1\tA\tIndikator A\t%\tx\n\t\tIndikator B\t%\ty\n2\tC\tIndikator C\tunit\tz\n";
        let (mut session, preview) = Session::text(text, None).unwrap();
        let Preview::Table(t) = preview else { panic!("a table") };
        assert_eq!((t.sasaran, t.indikator, t.total), (2, 3, 3));
        assert_eq!(t.columns[4], Column::Ignore);
        let mut columns = t.columns.clone();
        columns[1] = Column::Ignore;
        columns[2] = Column::Ignore;
        let Preview::Table(t) = session.set_columns(columns) else { panic!("a table") };
        assert_eq!(t.problem, Some(Problem::NoKeyColumn));
        assert_eq!(session.build(&[]), Err(Problem::NoKeyColumn));
    }

    #[test]
    fn an_outline_is_built_where_the_user_placed_its_statements() {
        let text = "Meningkatnya A\nIK : Persentase A\n\nMeningkatnya B\n\nMeningkatnya C\n";
        let (session, preview) = Session::text(text, Some(Kind::Outline)).unwrap();
        let Preview::Outline(o) = preview else { panic!("an outline") };
        assert_eq!(depths(&o.items.iter().map(|i| i.place).collect::<Vec<_>>()), [0, 1, 1]);
        let mut p: Vec<Place> = o.items.iter().map(|i| i.place).collect();
        indent(&mut p, 2);
        p[2].level = Level::Custom;
        let doc = session.build(&p).unwrap();
        let nodes: Vec<&Node> = doc.nodes.values().map(|n| &**n).collect();
        assert_eq!(nodes[2].parent.as_ref(), Some(&nodes[1].id));
        assert_eq!(nodes[2].level, Level::Custom);
        assert_eq!(nodes[0].indikator.len(), 1);
        assert!(crate::tree::Tree::build(&doc).is_ok());
        // Places that break the tree (a second root, a skipped level) are mended.
        let doc = session.build(&places(&[0, 0, 5])).unwrap();
        assert!(crate::tree::Tree::build(&doc).is_ok());
    }

    #[test]
    fn bad_input_gets_a_problem_not_a_panic() {
        assert_eq!(Session::text(" \n", None).err(), Some(Problem::Empty));
        assert_eq!(Session::text("a\t\"b\nc", Some(Kind::Table)).err(), Some(Problem::OpenQuote { line: 1 }));
        let (_, p) = Session::text("NO\tSASARAN\tINDIKATOR\n", Some(Kind::Table)).unwrap();
        let Preview::Table(t) = p else { panic!("a table") };
        assert_eq!(t.problem, Some(Problem::HeaderOnly));
        // A table no header names: the first row is offered for naming.
        let (_, p) = Session::text("a\tb\n1\t2\n", None).unwrap();
        let Preview::Table(t) = p else { panic!("a table") };
        assert_eq!((t.head.len(), t.problem), (2, Some(Problem::NoKeyColumn)));
    }
}
