//! IKU tables as agencies already have them — copied from Excel, Word or a
//! PDF viewer (tab-separated), or saved as CSV (`;` or `,`, Excel quoting) —
//! read into rows, their columns recognised by header, and turned into a
//! tree: one sasaran per row that names one, its indicators below it.
//!
//! Everything here is a guess the user confirms in a preview; nothing panics
//! on any input, and bad input gets an error that says where.

use crate::model::{Baseline, Document, Indikator, JenisIndikator, Level, Meta, Node, Periode, Tahun};
use crate::value::Nilai;

/// Most rows and columns read: beyond them a paste is not an IKU table.
pub const MAX_ROWS: usize = 20_000;
pub const MAX_COLUMNS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("the text is empty")]
    Empty,
    #[error("a quote opened on line {line} never closes")]
    OpenQuote { line: usize },
    #[error("more than {max} rows")]
    TooManyRows { max: usize },
    #[error("no header row names a sasaran or an indicator column")]
    NoHeader,
    #[error("the table has a header but no rows under it")]
    HeaderOnly,
}

/// What a column holds, as guessed from its header (the user can change it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// Running numbers ("NO"): a new number starts a new sasaran.
    No,
    Sasaran,
    Indikator,
    Satuan,
    Baseline,
    Target(Tahun),
    Realisasi(Tahun),
    Penjelasan,
    Formula,
    PenanggungJawab,
    SumberData,
    Ignore,
}

/// Splits `text` into rows of cells: tab-separated if any line has a tab,
/// else `;` or `,` (whichever the first line has more of), with Excel's
/// quoting (`"a ""b"" c"`, line breaks inside quotes). Blank lines are kept
/// as empty rows (they end a merged cell's run in some exports).
pub fn rows(text: &str) -> Result<Vec<Vec<String>>, TableError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(TableError::Empty);
    }
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let sep = if text.contains('\t') {
        '\t'
    } else if first.matches(';').count() >= first.matches(',').count() && first.contains(';') {
        ';'
    } else {
        ','
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    let (mut row, mut cell) = (Vec::new(), String::new());
    let (mut quoted, mut line, mut quote_line) = (false, 1usize, 1usize);
    let mut chars = text.chars().peekable();
    // A quote opens a quoted cell only at the start of a cell.
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                quote_line = line;
                at_start = false;
            }
            c if c == sep => {
                if row.len() < MAX_COLUMNS {
                    row.push(std::mem::take(&mut cell));
                }
                cell.clear();
                at_start = true;
            }
            '\r' => {}
            '\n' => {
                line += 1;
                row.push(std::mem::take(&mut cell));
                out.push(std::mem::take(&mut row));
                if out.len() > MAX_ROWS {
                    return Err(TableError::TooManyRows { max: MAX_ROWS });
                }
                at_start = true;
            }
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err(TableError::OpenQuote { line: quote_line });
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        out.push(row);
    }
    Ok(out)
}

/// Lower case, letters and digits only, single spaces: "PENJELASAN/ FORMULA" → "penjelasan formula".
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a header cell says its column holds.
pub fn guess(header: &str) -> Column {
    let h = fold(header);
    let has = |w: &str| h.split(' ').any(|x| x == w);
    let year = h.split(' ').find_map(|w| w.parse::<Tahun>().ok().filter(|y| (1900..=2200).contains(y)));
    match () {
        _ if h.is_empty() => Column::Ignore,
        _ if h == "no" || h == "nomor" || h == "no urut" => Column::No,
        _ if has("target") => year.map_or(Column::Ignore, Column::Target),
        _ if has("realisasi") || has("capaian") => year.map_or(Column::Ignore, Column::Realisasi),
        _ if year.is_some() && h.split(' ').count() == 1 => Column::Target(year.unwrap_or(0)),
        // Before the indicator: "Penjelasan (Makna Indikator, …)" explains one.
        _ if has("penjelasan") || has("definisi") => Column::Penjelasan,
        _ if has("formula") || has("rumus") || h.starts_with("cara perhitungan") => Column::Formula,
        _ if has("satuan") => Column::Satuan,
        _ if has("sasaran") || has("tujuan") || h == "kinerja utama" => Column::Sasaran,
        _ if has("indikator") || h == "iku" || h == "ik" => Column::Indikator,
        _ if has("baseline") || h.starts_with("kondisi awal") => Column::Baseline,
        _ if has("penanggung") || h == "pj" || has("pic") => Column::PenanggungJawab,
        _ if h.starts_with("sumber data") || h == "sumber" => Column::SumberData,
        _ => Column::Ignore,
    }
}

/// The header row: the first whose cells name a sasaran or an indicator
/// column and at least one other known column; and each column's guess.
pub fn header(rows: &[Vec<String>]) -> Option<(usize, Vec<Column>)> {
    rows.iter().enumerate().find_map(|(i, row)| {
        let cols: Vec<Column> = row.iter().map(|c| guess(c)).collect();
        let key = cols.iter().any(|c| matches!(c, Column::Sasaran | Column::Indikator));
        let known = cols.iter().filter(|c| **c != Column::Ignore).count();
        (key && known >= 2).then_some((i, cols))
    })
}

/// "Sasaran 1. Meningkatnya …", "2 Meningkatnya …", "3) …" → "Meningkatnya …".
pub fn strip_number(s: &str) -> &str {
    let s = s.trim();
    let rest = s.strip_prefix("Sasaran ").or_else(|| s.strip_prefix("SASARAN ")).unwrap_or(s);
    let digits = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    if digits == 0 {
        return s;
    }
    let after = &rest[digits..];
    let after = after.strip_prefix(')').unwrap_or(after);
    // Only a number followed by a space is a running number ("2020 Target" is not stripped).
    match after.strip_prefix(' ') {
        Some(text) if !text.trim().is_empty() && digits <= 4 => text.trim_start(),
        _ => s,
    }
}

/// "…. Sumber data: Renstra, LKPJ" → ("Renstra, LKPJ"): the data source an
/// explanation ends with, if it names one.
fn trailing_source(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    let at = lower.rfind("sumber data")?;
    let rest = text.get(at + "sumber data".len()..)?;
    let rest = rest.trim_start().strip_prefix(':')?.trim();
    (!rest.is_empty()).then_some(rest.trim_end_matches('.'))
}

/// An explanation cell as exported from a web form (HTML paragraphs), its
/// formula after "Rumus :" in LaTeX: "<p>Makna …</p> <p>Rumus :</p>
/// $\frac{A}{B} \times 100 \%$" → ("Makna …", "A / B × 100 %").
fn split_formula(text: &str) -> Option<(String, String)> {
    let text = strip_tags(text);
    // ASCII lower case keeps byte offsets.
    let lower = text.to_ascii_lowercase();
    let (start, end) = ["rumus", "formula"]
        .iter()
        .flat_map(|w| lower.match_indices(w).map(|(k, _)| (k, k + w.len())))
        .filter(|&(_, end)| text[end..].trim_start().starts_with(':'))
        .min()?;
    let rest = text[end..].trim_start().strip_prefix(':').unwrap_or_default();
    Some((text[..start].trim().to_owned(), plain_formula(rest)))
}

/// The text of an HTML fragment ("<p>…</p> <p>…</p>"), spaces collapsed;
/// text without tags as it is.
fn strip_tags(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    if !["<p>", "<p ", "</p>", "<br", "<div", "</span>"].iter().any(|t| lower.contains(t)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Once no '>' follows, none will: no scanning to the end again for every '<'.
    let mut closes = true;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = rest[open + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match (tag && closes).then(|| rest[open..].find('>')).flatten() {
            Some(close) => {
                out.push(' ');
                rest = &rest[open + close + 1..];
            }
            None => {
                closes &= !tag;
                out.push('<');
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    let out = out.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    out.replace("&amp;", "&").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Most nested `{…}` groups followed in a formula; deeper ones are flattened.
const MAX_GROUPS: usize = 32;

/// A formula as plain text: HTML tags and LaTeX as Word, PDF and web exports
/// write them (`\frac{\text{A}}{\text{B}} \times 100 \%`) → "A / B × 100 %".
fn plain_formula(text: &str) -> String {
    let text = strip_tags(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    tex(&chars, &mut 0, &mut out, 0);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes LaTeX from `c[*i]` as plain text, to the `}` that closes the group at `depth`.
fn tex(c: &[char], i: &mut usize, out: &mut String, depth: usize) {
    while let Some(&ch) = c.get(*i) {
        *i += 1;
        match ch {
            '}' if depth > 0 => return,
            '{' if depth < MAX_GROUPS => tex(c, i, out, depth + 1),
            '{' | '}' | '$' => {}
            '~' => out.push(' '),
            '\\' => {
                let start = *i;
                while c.get(*i).is_some_and(char::is_ascii_alphabetic) {
                    *i += 1;
                }
                let name: String = c[start..*i].iter().collect();
                match name.as_str() {
                    // "\%", "\{", and "\," "\;" "\ " spacing.
                    "" => {
                        if let Some(&s) = c.get(*i) {
                            *i += 1;
                            out.push(if matches!(s, ',' | ';' | ':' | '!') { ' ' } else { s });
                        }
                    }
                    "frac" | "dfrac" | "tfrac" => {
                        let a = group(c, i, depth);
                        let b = group(c, i, depth);
                        out.push_str(&format!(" {} / {} ", parenthesised(&a), parenthesised(&b)));
                    }
                    "times" | "cdot" => out.push_str(" × "),
                    "div" => out.push_str(" : "),
                    "le" | "leq" => out.push_str(" ≤ "),
                    "ge" | "geq" => out.push_str(" ≥ "),
                    "pm" => out.push_str(" ± "),
                    "sum" => out.push_str(" Σ "),
                    "quad" | "qquad" => out.push(' '),
                    // Formatting: its group's text is what counts.
                    "text" | "mathrm" | "textrm" | "mathit" | "textit" | "mathbf" | "textbf" | "mbox" | "left"
                    | "right" | "displaystyle" | "operatorname" => {}
                    other => out.push_str(other),
                }
            }
            ch => out.push(ch),
        }
    }
}

/// A command's argument: a `{…}` group or one character.
fn group(c: &[char], i: &mut usize, depth: usize) -> String {
    while c.get(*i).is_some_and(|ch| ch.is_whitespace()) {
        *i += 1;
    }
    let mut out = String::new();
    match c.get(*i) {
        Some('{') if depth < MAX_GROUPS => {
            *i += 1;
            tex(c, i, &mut out, depth + 1);
        }
        Some(&ch) => {
            *i += 1;
            out.push(ch);
        }
        None => {}
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "a + b" → "(a + b)": a numerator or denominator that is itself a sum.
fn parenthesised(s: &str) -> String {
    if [" + ", " - ", " − ", " / "].iter().any(|op| s.contains(op)) {
        format!("({s})")
    } else {
        s.to_owned()
    }
}

/// A cell as typed: the apostrophe a CSV export puts before text that would
/// start a formula (see `export::csv`) is not part of it.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(crate::export::FORMULA_START) => rest,
        _ => cell,
    }
}

/// The table's rows under `header` read as a tree: a root for the agency
/// (named `title`), one sasaran strategis per row that names one (or starts
/// a new number), and each row's indicator under the sasaran above it; rows
/// with an empty sasaran continue the one above (merged cells).
pub fn document(rows: &[Vec<String>], header: usize, columns: &[Column], title: &str) -> Result<Document, TableError> {
    let last = columns.len().saturating_sub(1);
    // A ragged row's cells past the header belong to its last column (a
    // cell a PDF split in two).
    let cell = |row: &[String], want: Column| -> String {
        let Some(k) = columns.iter().position(|c| *c == want) else { return String::new() };
        let mut text = row.get(k).map(|c| unguarded(c.trim()).to_owned()).unwrap_or_default();
        if k == last {
            for more in row.iter().skip(k + 1).map(|c| c.trim()).filter(|c| !c.is_empty()) {
                text = format!("{text} {more}").trim().to_owned();
            }
        }
        text
    };
    let iku = rows
        .get(header)
        .is_some_and(|h| h.iter().any(|c| fold(c).contains("utama") || fold(c).split(' ').any(|w| w == "iku")));
    let mut doc = Document { meta: Meta { judul: title.trim().to_owned(), ..Meta::default() }, ..Document::default() };
    let mut root = Node::new("pd", None, Level::Custom);
    root.level_label = "Perangkat Daerah".into();
    root.kondisi = title.trim().to_owned();
    doc.nodes.insert(root.id.clone(), Box::new(root));
    let header_cells: Vec<String> = rows.get(header).cloned().unwrap_or_default();
    let mut years: Vec<Tahun> = Vec::new();
    let (mut current, mut count, mut any) = (None::<String>, 0usize, false);
    for row in rows.iter().skip(header + 1) {
        // Blank rows, and rules drawn with dashes ("---") between rows.
        if row.iter().all(|c| c.trim().chars().all(|ch| matches!(ch, '-' | '=' | ':' | '|' | '+'))) {
            continue;
        }
        // A header repeated after a page break.
        if *row == header_cells {
            continue;
        }
        any = true;
        let sasaran = cell(row, Column::Sasaran);
        if !sasaran.is_empty() || current.is_none() {
            count += 1;
            let id = format!("ss-{count}");
            let mut node = Node::new(id.clone(), Some("pd".into()), Level::SasaranStrategis);
            node.kondisi = strip_number(&sasaran).to_owned();
            doc.nodes.insert(id.clone(), Box::new(node));
            current = Some(id);
        }
        let Some(id) = current.clone() else { continue };
        let mut ind = Indikator {
            nama: strip_number(&cell(row, Column::Indikator)).to_owned(),
            jenis: if iku { JenisIndikator::Iku } else { JenisIndikator::Ik },
            satuan: cell(row, Column::Satuan),
            penjelasan: cell(row, Column::Penjelasan),
            formula: cell(row, Column::Formula),
            penanggung_jawab: cell(row, Column::PenanggungJawab),
            sumber_data: cell(row, Column::SumberData),
            ..Indikator::default()
        };
        let baseline = cell(row, Column::Baseline);
        if !baseline.is_empty() {
            ind.baseline = Some(Baseline { nilai: Nilai::new(baseline), tahun: None, extra: Default::default() });
        }
        if ind.sumber_data.is_empty() {
            ind.sumber_data = trailing_source(&ind.penjelasan).unwrap_or_default().to_owned();
        }
        if ind.formula.is_empty() {
            if let Some((penjelasan, formula)) = split_formula(&ind.penjelasan) {
                (ind.penjelasan, ind.formula) = (penjelasan, formula);
            }
        } else if ind.formula.contains(['\\', '$', '<']) {
            ind.formula = plain_formula(&ind.formula);
        }
        // "… × 100 %" gives a percentage.
        if ind.satuan.is_empty() && (ind.formula.ends_with("100 %") || ind.formula.ends_with("100%")) {
            ind.satuan = "%".into();
        }
        for (k, col) in columns.iter().enumerate() {
            let value = row.get(k).map(|v| v.trim()).unwrap_or("");
            match *col {
                Column::Target(y) if !value.is_empty() => {
                    ind.target.insert(y, Nilai::new(value));
                    years.push(y);
                }
                Column::Realisasi(y) if !value.is_empty() => {
                    ind.realisasi.insert(y, Nilai::new(value));
                    years.push(y);
                }
                _ => {}
            }
        }
        let empty = ind.nama.is_empty()
            && ind.baseline.is_none()
            && ind.target.is_empty()
            && ind.realisasi.is_empty()
            && ind.penjelasan.is_empty()
            && ind.formula.is_empty();
        if !empty {
            if let Some(node) = doc.nodes.get_mut(&id) {
                node.indikator.push(ind);
            }
        }
    }
    if !any {
        return Err(TableError::HeaderOnly);
    }
    if let (Some(&awal), Some(&akhir)) = (years.iter().min(), years.iter().max()) {
        doc.meta.periode = Some(Periode { awal, akhir, extra: Default::default() });
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_quoting_separators_and_bad_input() {
        let r = rows("a;b;\"c;\nd \"\"e\"\"\"\n1;2;3\n").unwrap();
        assert_eq!(r, vec![vec!["a", "b", "c;\nd \"e\""], vec!["1", "2", "3"]]);
        assert_eq!(rows("x,y\n1,2").unwrap(), vec![vec!["x", "y"], vec!["1", "2"]]);
        assert_eq!(rows("x\ty,z\n").unwrap(), vec![vec!["x", "y,z"]]);
        assert_eq!(rows("a\t\"b\nc\nd"), Err(TableError::OpenQuote { line: 1 }));
        assert_eq!(rows("  \n "), Err(TableError::Empty));
        assert!(matches!(rows(&"a\n".repeat(MAX_ROWS + 2)), Err(TableError::TooManyRows { .. })));
    }

    #[test]
    fn headers_are_recognised_whatever_the_wording() {
        let cases = [
            ("NO", Column::No),
            ("SASARAN STRATEGIS", Column::Sasaran),
            ("Sasaran Strategis / Sasaran Outcome / Kinerja Utama", Column::Sasaran),
            ("INDIKATOR KINERJA UTAMA", Column::Indikator),
            ("Satuan", Column::Satuan),
            ("BASELINE", Column::Baseline),
            ("Target 2024", Column::Target(2024)),
            ("TARGET\n2026", Column::Target(2026)),
            ("Realisasi 2023", Column::Realisasi(2023)),
            ("PENJELASAN/ FORMULA PERHITUNGAN", Column::Penjelasan),
            ("Formula", Column::Formula),
            ("PENANGGUNG JAWAB", Column::PenanggungJawab),
            ("Sumber data", Column::SumberData),
            (
                "Penjelasan (Makna Indikator, Alasan Pemilihan Indikator, Cara Perhitungan Indikator)",
                Column::Penjelasan,
            ),
            ("Keterangan", Column::Ignore),
        ];
        for (h, want) in cases {
            assert_eq!(guess(h), want, "{h}");
        }
        assert_eq!(strip_number("Sasaran 1. Meningkatnya Pelayanan"), "Meningkatnya Pelayanan");
        assert_eq!(strip_number("2 Meningkatnya"), "Meningkatnya");
        assert_eq!(strip_number("3) Tersedianya"), "Tersedianya");
        assert_eq!(strip_number("100% tertangani"), "100% tertangani");
        assert_eq!(strip_number("12345 orang"), "12345 orang");
    }

    #[test]
    fn formulas_in_html_and_latex_read_as_plain_text() {
        let cell =
            "<p>Makna &amp; alasan.</p> <p>Rumus :</p> $\\frac{\\text{Jumlah A}}{\\text{Jumlah B}} \\times 100 \\%$";
        assert_eq!(split_formula(cell), Some(("Makna & alasan.".to_owned(), "Jumlah A / Jumlah B × 100 %".to_owned())));
        assert_eq!(plain_formula("\\frac{a + b}{c}\\cdot 100\\%"), "(a + b) / c × 100%");
        assert_eq!(split_formula("Sumber data: Renstra 2021-2026"), None);
        // Broken input gives text, never a panic.
        assert_eq!(plain_formula("\\frac{x"), "x /");
        assert_eq!(strip_tags("<p>a < b</p> <p"), "a < b <p");
    }

    #[test]
    fn a_header_only_table_is_refused() {
        let r = rows("NO\tSASARAN\tINDIKATOR\n").unwrap();
        let (h, cols) = header(&r).unwrap();
        assert_eq!(document(&r, h, &cols, "IKU"), Err(TableError::HeaderOnly));
        assert_eq!(header(&rows("a\tb\n1\t2\n").unwrap()), None);
    }
}
