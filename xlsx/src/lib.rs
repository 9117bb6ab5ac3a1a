//! Pohon kinerja and .xlsx workbooks, both ways: [`write`] makes the export
//! (the IKU table, the cascading matrix and a sheet per level, from
//! `pohon_core::export`), [`read`] gives one sheet of any workbook as rows
//! of text for the table importer.
//!
//! Both pull in zip, deflate and an XML parser: this crate is linked into the
//! app's Web Worker only, so the app's first load does not carry them.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use pohon_core::export::{self, Cell, Sheet};
use pohon_core::model::Document;
use pohon_core::table::{MAX_COLUMNS, MAX_ROWS};
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet};

/// Largest file read: a real IKU workbook is well under 1 MB.
pub const MAX_MB: usize = 30;
/// Most bytes a file may unpack to, ten times its own limit: more is a zip
/// bomb, not a workbook (a deflate stream can expand a thousandfold).
const MAX_UNPACKED: u64 = (10 * MAX_MB as u64) << 20;
/// Excel's longest cell text, in UTF-16 units.
const MAX_CELL_TEXT: usize = 32_767;

/// Why a workbook could not be read or written. The common cases carry no
/// library text, so the app can say them in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum XlsxError {
    #[error("not an .xlsx workbook")]
    NotXlsx,
    #[error("the workbook has no sheet named {name:?}")]
    NoSuchSheet { name: String },
    #[error("the workbook has no sheets")]
    Empty,
    #[error("the file is larger than {max_mb} MB")]
    TooBig { max_mb: usize },
    #[error("the sheet has more than {max} rows")]
    TooManyRows { max: usize },
    #[error("the sheet has more than {max} columns")]
    TooManyColumns { max: usize },
    /// A zip that is an .xlsx but whose parts cannot be read.
    #[error("the workbook is damaged: {0}")]
    Damaged(String),
    #[error("the workbook could not be written: {0}")]
    Write(String),
}

/// The export as a workbook: "IKU", "Matriks Cascading", then one sheet per
/// level. Headers bold, wrapped and frozen; numbers as numbers; the
/// document's title and agency in the workbook's properties.
pub fn write(doc: &Document) -> Result<Vec<u8>, XlsxError> {
    let failed = |e: rust_xlsxwriter::XlsxError| XlsxError::Write(e.to_string());
    let mut book = Workbook::new();
    let meta = &doc.meta;
    let agency = [meta.opd.trim(), meta.wilayah.trim()].join(" ");
    let mut properties = DocProperties::new().set_title(meta.judul.trim()).set_company(agency.trim());
    if let Some(p) = &meta.periode {
        properties = properties.set_subject(format!("Pohon kinerja {}–{}", p.awal, p.akhir));
    }
    book.set_properties(&properties);
    let styles = Styles::new();
    for sheet in [export::iku_table(doc), export::matrix(doc)].into_iter().chain(export::per_level(doc)) {
        put(book.add_worksheet(), &sheet, &styles).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

struct Styles {
    header: Format,
    text: Format,
    number: Format,
    /// "80%" is the number 80 shown with a percent sign (not Excel's 0.8 as 80 %),
    /// so sums and filters see what the planner typed.
    percent: Format,
}

impl Styles {
    fn new() -> Styles {
        let top = Format::new().set_align(FormatAlign::Top);
        Styles {
            header: top
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_background_color(0xDDEBF7)
                .set_border_bottom(FormatBorder::Thin),
            text: top.clone().set_text_wrap(),
            number: top.clone(),
            percent: top.set_num_format("General\"%\""),
        }
    }
}

fn put(ws: &mut Worksheet, sheet: &Sheet, styles: &Styles) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(&sheet.name)?;
    for (k, (head, width)) in sheet.header.iter().zip(&sheet.widths).enumerate() {
        ws.write_string_with_format(0, col(k), head, &styles.header)?;
        ws.set_column_width(col(k), *width)?;
    }
    // Merged first, then the values: a merge writes text into its first
    // cell, which the number written after it replaces.
    let starts: Vec<usize> = (0..sheet.rows.len())
        .filter(|&r| sheet.merged.iter().any(|&k| sheet.rows[r].get(k).is_some_and(|c| *c != Cell::Empty)))
        .collect();
    for (i, &first) in starts.iter().enumerate() {
        let last = starts.get(i + 1).map_or(sheet.rows.len(), |next| *next) - 1;
        if last > first {
            for &k in &sheet.merged {
                ws.merge_range(row(first), col(k), row(last), col(k), "", &styles.text)?;
            }
        }
    }
    for (r, cells) in sheet.rows.iter().enumerate() {
        for (k, cell) in cells.iter().enumerate() {
            match cell {
                Cell::Text(s) => ws.write_string_with_format(row(r), col(k), fit(s), &styles.text)?,
                Cell::Number { value, typed } => {
                    let style = if typed.ends_with('%') { &styles.percent } else { &styles.number };
                    ws.write_number_with_format(row(r), col(k), *value, style)?
                }
                Cell::Empty => continue,
            };
        }
    }
    ws.set_freeze_panes(1, 0)?;
    // Filters on every column, but where merged cells would hide rows from them.
    if sheet.merged.is_empty() && !sheet.header.is_empty() {
        ws.autofilter(0, 0, row(sheet.rows.len()), col(sheet.header.len() - 1))?;
    }
    Ok(())
}

/// Sheet row of the table's row `r` (the header is row 0). Beyond Excel's
/// limits both saturate, and the writer refuses them with an error.
fn row(r: usize) -> u32 {
    u32::try_from(r + 1).unwrap_or(u32::MAX)
}

fn col(k: usize) -> u16 {
    u16::try_from(k).unwrap_or(u16::MAX)
}

/// Text cut to what an Excel cell holds; longer text (never a real
/// statement) would make the whole export fail.
fn fit(s: &str) -> &str {
    let mut units = 0;
    for (at, c) in s.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_TEXT {
            return &s[..at];
        }
    }
    s
}

/// One sheet of a workbook as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Book {
    /// Every sheet's name, in the workbook's order.
    pub sheets: Vec<String>,
    /// The one read.
    pub sheet: usize,
    /// From the first row and column holding anything, all rows as wide as
    /// the widest; empty cells (and all but the first cell of merged ones) are "".
    pub rows: Vec<Vec<String>>,
}

/// The named sheet (else the first) of an .xlsx file as rows of text, the
/// way the table importer reads a paste: numbers without a trailing ".0"
/// and with a decimal comma ("3,5", as `Nilai` reads them), dates as
/// "2024-01-31", TRUE/FALSE, errors as Excel shows them ("#N/A").
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Book, XlsxError> {
    if bytes.len() > MAX_MB << 20 {
        return Err(XlsxError::TooBig { max_mb: MAX_MB });
    }
    check_unpacked(bytes)?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| XlsxError::NotXlsx)?;
    let sheets = book.sheet_names();
    let index = match sheet {
        Some(name) => sheets.iter().position(|s| s == name).ok_or(XlsxError::NoSuchSheet { name: name.into() })?,
        None if sheets.is_empty() => return Err(XlsxError::Empty),
        None => 0,
    };
    let rows = cells(&mut book, &sheets[index])?;
    Ok(Book { sheets, sheet: index, rows })
}

/// Refuses what is not a zip, and a zip declaring more than
/// [`MAX_UNPACKED`] bytes (the zip reader holds each part to its declared size).
fn check_unpacked(bytes: &[u8]) -> Result<(), XlsxError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| XlsxError::NotXlsx)?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        total = total.saturating_add(zip.by_index_raw(i).map_err(|e| XlsxError::Damaged(e.to_string()))?.size());
    }
    if total > MAX_UNPACKED {
        return Err(XlsxError::Damaged(format!("it unpacks to more than {} MB", MAX_UNPACKED >> 20)));
    }
    Ok(())
}

fn cells(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Vec<Vec<String>>, XlsxError> {
    let damaged = |e: calamine::XlsxError| XlsxError::Damaged(e.to_string());
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet: nothing to read.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(damaged(e)),
    };
    // Kept sparse until the extent is known: a sheet may place one cell at
    // A1 and one at XFD1048576. The extent only grows, so an oversized sheet
    // stops at its first cell out of bounds.
    let mut found: Vec<(u32, u32, String)> = Vec::new();
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0, 0);
    while let Some(cell) = reader.next_cell().map_err(damaged)? {
        let value = text(cell.get_value());
        if value.is_empty() {
            continue;
        }
        let (r, c) = cell.get_position();
        (top, left, bottom, right) = (top.min(r), left.min(c), bottom.max(r), right.max(c));
        if (bottom - top) as usize >= MAX_ROWS || found.len() >= MAX_ROWS * MAX_COLUMNS {
            return Err(XlsxError::TooManyRows { max: MAX_ROWS });
        }
        if (right - left) as usize >= MAX_COLUMNS {
            return Err(XlsxError::TooManyColumns { max: MAX_COLUMNS });
        }
        found.push((r, c, value));
    }
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = vec![vec![String::new(); (right - left + 1) as usize]; (bottom - top + 1) as usize];
    for (r, c, value) in found {
        rows[(r - top) as usize][(c - left) as usize] = value;
    }
    Ok(rows)
}

fn text(value: &DataRef) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::Error(e) => e.to_string(),
        DataRef::DateTime(d) if d.is_duration() => {
            let seconds = (d.as_f64() * 86_400.0).round() as i64;
            format!("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60)
        }
        DataRef::DateTime(d) => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            match (h, min, s) {
                (0, 0, 0) => format!("{y:04}-{m:02}-{day:02}"),
                _ => format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}"),
            }
        }
    }
}

/// A cell's number as a planner types it: whole numbers without ".0",
/// fractions with a decimal comma, to Excel's 15 significant digits (so a
/// formula's 0.30000000000000004 reads 0,3).
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return (f as i64).to_string();
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    rounded.to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_the_indonesian_way() {
        assert_eq!(number(5159.0), "5159");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(3.5), "3,5");
        assert_eq!(number(0.1 + 0.2), "0,3");
        assert_eq!(number(1e20), "100000000000000000000");
        assert_eq!(number(f64::NAN), "NaN");
    }

    #[test]
    fn text_is_cut_to_what_a_cell_holds() {
        assert_eq!(fit("abc"), "abc");
        let long = "é".repeat(MAX_CELL_TEXT + 5);
        assert_eq!(fit(&long).chars().count(), MAX_CELL_TEXT);
        let emoji = "😀".repeat(MAX_CELL_TEXT);
        assert_eq!(fit(&emoji).encode_utf16().count(), MAX_CELL_TEXT - 1);
    }
}
