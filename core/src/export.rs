//! A document as the spreadsheets agencies hand around: the IKU table, the
//! cascading matrix (one row per node and indicator, a column per level) and
//! one sheet per level. Written here as CSV; the `pohon-xlsx` crate writes
//! the same sheets as an .xlsx workbook.
//!
//! Values keep the text as typed ("5.159") for CSV, and those that are
//! numbers also carry their value (5159) so a workbook can compute with them.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::capaian;
use crate::model::{Document, Indikator, JenisIndikator, Level, Node, Tahun, TingkatAnggaran};
use crate::tree::Tree;
use crate::value::{rupiah, Angka, Nilai};

/// What a spreadsheet reads as the start of a formula in a cell.
pub const FORMULA_START: [char; 4] = ['=', '+', '-', '@'];

/// Names of the first two sheets of a workbook; level sheets never take them.
pub const IKU_SHEET: &str = "IKU";
pub const MATRIX_SHEET: &str = "Matriks Cascading";

/// Widest column, in characters: longer text wraps.
const MAX_WIDTH: f64 = 60.0;
/// A plan period longer than this is a typing error, not years to print as
/// columns: only the years that hold values are.
const MAX_PERIOD_YEARS: usize = 50;

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// A value that reads as a number: `value` for workbooks, `typed` for CSV.
    Number {
        value: f64,
        typed: String,
    },
    Empty,
}

impl Cell {
    /// Text, or `Empty` when blank.
    pub fn text(s: &str) -> Cell {
        if s.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_owned())
        }
    }

    /// A value as typed: a number when it reads as one the Indonesian way
    /// ("5.159", "3,5", "80%"); ranges, "N/A" and "-" stay text.
    pub fn nilai(v: &Nilai) -> Cell {
        match v.parse() {
            Ok(Angka::Tunggal { nilai, .. }) if nilai.is_finite() => {
                Cell::Number { value: nilai, typed: v.as_str().trim().to_owned() }
            }
            _ => Cell::text(v.as_str()),
        }
    }

    /// The cell in a CSV file: text that would start a formula guarded by `'`
    /// (CSV injection: a shared file must not run anything when opened).
    fn as_csv(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(t) if t.len() > 1 && t.starts_with(FORMULA_START) => Cow::Owned(format!("'{t}")),
            cell => Cow::Borrowed(cell.as_str()),
        }
    }

    fn number(n: usize) -> Cell {
        Cell::Number { value: n as f64, typed: n.to_string() }
    }

    /// The text as typed ("" when empty).
    pub fn as_str(&self) -> &str {
        match self {
            Cell::Text(s) => s,
            Cell::Number { typed, .. } => typed,
            Cell::Empty => "",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    /// As wide as `header`.
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in characters, from the content.
    pub widths: Vec<f64>,
    /// Columns whose empty cells continue the cell above, as merged cells in
    /// the tables agencies file (a workbook merges them; CSV leaves them empty).
    pub merged: Vec<usize>,
}

impl Sheet {
    fn new(name: impl Into<String>, header: Vec<String>, rows: Vec<Vec<Cell>>, merged: Vec<usize>) -> Sheet {
        let longest = |s: &str, by: fn(&str) -> Vec<&str>| by(s).iter().map(|w| w.chars().count()).max().unwrap_or(0);
        // Headers wrap, so their longest word counts; cells by their longest line.
        let widths = (0..header.len())
            .map(|k| {
                let head = longest(&header[k], |s| s.split_whitespace().collect());
                let cells = rows.iter().filter_map(|r| r.get(k)).map(|c| longest(c.as_str(), |s| s.lines().collect()));
                ((cells.max().unwrap_or(0).max(head) + 2) as f64).min(MAX_WIDTH)
            })
            .collect();
        Sheet { name: name.into(), header, rows, widths, merged }
    }
}

/// The IKU table as agencies file it (seeds 001 and 004): one sasaran after
/// another, each with its key indicators. The sasaran are the nodes holding
/// IKU indicators (with those only); in a document without any, the sasaran
/// strategis, or else the boxes below the top one, with all their indicators.
/// A sasaran's first row carries its number and statement, the rows after
/// it leave them empty, as merged cells read back. `table::document` reads
/// it back to the same sasaran and indicators.
pub fn iku_table(doc: &Document) -> Sheet {
    let order = walk(doc);
    let is_iku = |i: &Indikator| i.jenis == JenisIndikator::Iku;
    let any_iku = doc.nodes.values().any(|n| n.indikator.iter().any(is_iku));
    let strategis = doc.nodes.values().any(|n| n.level == Level::SasaranStrategis);
    let picked: Vec<(&Node, Vec<&Indikator>)> = order
        .iter()
        .map(|(i, up)| (&*doc.nodes[*i], up.len()))
        .filter(|(n, depth)| match () {
            _ if any_iku => n.indikator.iter().any(is_iku),
            _ if strategis => n.level == Level::SasaranStrategis,
            _ => *depth == 1,
        })
        .map(|(n, _)| (n, n.indikator.iter().filter(|i| !any_iku || is_iku(i)).collect()))
        .collect();
    let years = years(doc);
    let all_strategis = picked.iter().all(|(n, _)| n.level == Level::SasaranStrategis);
    let mut header: Vec<String> = vec![
        "NO".into(),
        if all_strategis { "SASARAN STRATEGIS" } else { "SASARAN" }.into(),
        // "UTAMA" is what makes the importer mark the indicators IKU.
        if any_iku { "INDIKATOR KINERJA UTAMA" } else { "INDIKATOR KINERJA" }.into(),
        "SATUAN".into(),
        "BASELINE".into(),
    ];
    header.extend(years.iter().map(|y| format!("TARGET {y}")));
    header.extend(["PENJELASAN", "FORMULA", "PENANGGUNG JAWAB", "SUMBER DATA"].map(String::from));
    let mut rows = Vec::new();
    for (k, (node, indikator)) in picked.iter().enumerate() {
        let first = rows.len();
        for ind in indikator {
            let mut row = vec![Cell::Empty, Cell::Empty, Cell::text(&ind.nama), Cell::text(&ind.satuan), baseline(ind)];
            row.extend(years.iter().map(|y| ind.target.get(y).map_or(Cell::Empty, Cell::nilai)));
            row.extend([
                Cell::text(&ind.penjelasan),
                Cell::text(&ind.formula),
                Cell::text(penanggung_jawab(node, ind)),
                Cell::text(&ind.sumber_data),
            ]);
            rows.push(row);
        }
        if indikator.is_empty() {
            rows.push(vec![Cell::Empty; header.len()]);
        }
        rows[first][0] = Cell::number(k + 1);
        rows[first][1] = Cell::text(&node.kondisi);
    }
    Sheet::new(IKU_SHEET, header, rows, vec![0, 1])
}

/// The cascading matrix: a column per level present (top level first), then
/// the indicator's columns; one row per node and indicator (a node without
/// indicators gets one) in tree order, each repeating its ancestors'
/// statements in their level's column so Excel's filters work on any level.
pub fn matrix(doc: &Document) -> Sheet {
    let order = walk(doc);
    let levels = levels(doc, &order);
    let measures = Measures::new(doc);
    let mut header = levels.clone();
    header.extend(measures.header());
    let mut rows = Vec::new();
    for (i, up) in &order {
        let node = &*doc.nodes[*i];
        let chain: Vec<&Node> = up.iter().map(|a| &*doc.nodes[*a]).chain([node]).collect();
        // Two boxes of one level on a path (a custom lane, a skipped level)
        // share the column, one per line.
        let lead: Vec<Cell> = levels
            .iter()
            .map(|l| {
                let at: Vec<&str> = chain.iter().filter(|n| level_label(n) == *l).map(|n| n.kondisi.as_str()).collect();
                Cell::text(&at.join("\n"))
            })
            .collect();
        for rest in measures.rows(node) {
            rows.push([lead.clone(), rest].concat());
        }
    }
    Sheet::new(MATRIX_SHEET, header, rows, Vec::new())
}

/// One sheet per level (top level first), named after it: its boxes with
/// their parent's statement and their indicators, one row per indicator.
pub fn per_level(doc: &Document) -> Vec<Sheet> {
    let order = walk(doc);
    let measures = Measures::new(doc);
    // Excel refuses "History" in English versions; the first two are ours.
    let mut taken: Vec<String> = [IKU_SHEET, MATRIX_SHEET, "History"].iter().map(|s| s.to_lowercase()).collect();
    levels(doc, &order)
        .into_iter()
        .map(|level| {
            let mut header = vec!["Induk".to_owned(), level.clone()];
            header.extend(measures.header());
            let mut rows = Vec::new();
            for (i, up) in &order {
                let node = &doc.nodes[*i];
                if level_label(node) != level {
                    continue;
                }
                let parent = up.last().map_or(Cell::Empty, |p| Cell::text(&doc.nodes[*p].kondisi));
                for rest in measures.rows(node) {
                    rows.push([vec![parent.clone(), Cell::text(&node.kondisi)], rest].concat());
                }
            }
            Sheet::new(sheet_name(&level, &mut taken), header, rows, Vec::new())
        })
        .collect()
}

/// The sheet as CSV the way Indonesian Excel reads and writes it: `;`
/// between cells (its list separator, the comma being the decimal mark),
/// UTF-8 with a BOM (else Excel guesses a legacy code page), CRLF, cells
/// with `;`, `"` or line breaks quoted and their quotes doubled; numbers as
/// typed. Text that a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-` or `@`) is written after an apostrophe, which Excel hides and
/// the importer drops. `table::rows` reads it back.
pub fn csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{feff}");
    let header = sheet.header.iter().map(|h| Cow::Borrowed(h.as_str()));
    for line in std::iter::once(header.collect::<Vec<_>>())
        .chain(sheet.rows.iter().map(|r| r.iter().map(Cell::as_csv).collect()))
    {
        for (k, cell) in line.iter().enumerate() {
            if k > 0 {
                out.push(';');
            }
            // A tab anywhere makes `table::rows` read the text as tab-separated.
            let cell = cell.replace('\t', " ");
            if cell.contains([';', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// The columns after a box's statement: its indicators, one row each.
struct Measures {
    years: Vec<Tahun>,
    /// Years with any realisasi: capaian columns only once there is some.
    achieved: Vec<Tahun>,
}

impl Measures {
    fn new(doc: &Document) -> Measures {
        let years = years(doc);
        let inds: Vec<&Indikator> = doc.nodes.values().flat_map(|n| &n.indikator).collect();
        let achieved = years
            .iter()
            .copied()
            .filter(|y| inds.iter().any(|i| i.realisasi.contains_key(y) || i.realisasi_triwulan.contains_key(y)))
            .collect();
        Measures { years, achieved }
    }

    fn header(&self) -> Vec<String> {
        let mut h: Vec<String> = ["Indikator", "Jenis", "Satuan", "Baseline"].map(String::from).into();
        h.extend(self.years.iter().map(|y| format!("Target {y}")));
        h.extend(self.years.iter().map(|y| format!("Realisasi {y}")));
        h.extend(self.achieved.iter().map(|y| format!("Capaian {y} (%)")));
        h.extend(["Penanggung jawab", "Sumber data", "Formula", "Penjelasan", "Anggaran"].map(String::from));
        h
    }

    fn rows(&self, node: &Node) -> Vec<Vec<Cell>> {
        let none = [Indikator::default()];
        let list = if node.indikator.is_empty() { &none[..] } else { &node.indikator[..] };
        let anggaran = anggaran(node);
        list.iter()
            .map(|ind| {
                let jenis = if node.indikator.is_empty() { Cell::Empty } else { Cell::text(ind.jenis.label()) };
                let mut row = vec![Cell::text(&ind.nama), jenis, Cell::text(&ind.satuan), baseline(ind)];
                row.extend(self.years.iter().map(|y| ind.target.get(y).map_or(Cell::Empty, Cell::nilai)));
                row.extend(self.years.iter().map(|y| ind.realisasi.get(y).map_or(Cell::Empty, Cell::nilai)));
                row.extend(self.achieved.iter().map(|&y| capaian_cell(ind, y)));
                row.extend([
                    Cell::text(penanggung_jawab(node, ind)),
                    Cell::text(&ind.sumber_data),
                    Cell::text(&ind.formula),
                    Cell::text(&ind.penjelasan),
                    Cell::text(&anggaran),
                ]);
                row
            })
            .collect()
    }
}

/// Capaian in percent, two decimals (typed the Indonesian way); said in
/// words where realisasi exists but no capaian can be computed from it.
fn capaian_cell(ind: &Indikator, tahun: Tahun) -> Cell {
    match capaian::capaian(ind, tahun) {
        Ok(value) => {
            let value = (value * 100.0).round() / 100.0;
            Cell::Number { value, typed: format!("{value:.2}").replace('.', ",") }
        }
        Err(capaian::Reason::NoRealisasi) => Cell::Empty,
        Err(_) => Cell::text("tidak dapat dihitung"),
    }
}

fn baseline(ind: &Indikator) -> Cell {
    ind.baseline.as_ref().map_or(Cell::Empty, |b| Cell::nilai(&b.nilai))
}

/// The indicator's own unit, else the box's.
fn penanggung_jawab<'a>(node: &'a Node, ind: &'a Indikator) -> &'a str {
    if ind.penanggung_jawab.trim().is_empty() {
        &node.penanggung_jawab
    } else {
        &ind.penanggung_jawab
    }
}

/// Budget lines, one a line: "Sub Kegiatan 1.06.05.2.02.0003 Nama (Rp 1.000.000)".
fn anggaran(node: &Node) -> String {
    node.anggaran
        .iter()
        .map(|a| {
            let tingkat = match a.tingkat {
                TingkatAnggaran::Program => "Program",
                TingkatAnggaran::Kegiatan => "Kegiatan",
                TingkatAnggaran::SubKegiatan => "Sub Kegiatan",
            };
            let words: Vec<&str> =
                [tingkat, a.kode.trim(), a.nama.trim()].into_iter().filter(|s| !s.is_empty()).collect();
            match a.pagu {
                Some(p) => format!("{} ({})", words.join(" "), rupiah(p)),
                None => words.join(" "),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The plan period's years and every year holding a target or realisasi.
fn years(doc: &Document) -> Vec<Tahun> {
    let mut years: BTreeSet<Tahun> = BTreeSet::new();
    if let Some(p) = doc.meta.periode.as_ref().filter(|p| p.years().count() <= MAX_PERIOD_YEARS) {
        years.extend(p.years());
    }
    for ind in doc.nodes.values().flat_map(|n| &n.indikator) {
        years.extend(ind.target.keys().chain(ind.realisasi.keys()));
    }
    years.into_iter().collect()
}

/// Nodes in tree order (pre-order, siblings in document order), each with
/// its ancestors from the top; a document whose structure is broken (never
/// one the codec read) is listed flat in its own order.
fn walk(doc: &Document) -> Vec<(usize, Vec<usize>)> {
    let Ok(tree) = Tree::build(doc) else { return (0..doc.nodes.len()).map(|i| (i, Vec::new())).collect() };
    let mut paths: Vec<Vec<usize>> = vec![Vec::new(); tree.len()];
    tree.preorder()
        .into_iter()
        .map(|i| {
            if let Some(p) = tree.parent[i] {
                paths[i] = [paths[p].as_slice(), &[p]].concat();
            }
            (i, paths[i].clone())
        })
        .collect()
}

/// The level's name as the app shows it (Indonesian): a custom level by its own label.
fn level_label(node: &Node) -> &str {
    match node.level {
        Level::Custom if !node.level_label.trim().is_empty() => node.level_label.trim(),
        Level::Custom => "Lainnya",
        Level::VisiMisi => "Visi / Misi",
        Level::TujuanDaerah => "Tujuan Daerah",
        Level::SasaranDaerah => "Sasaran Daerah",
        Level::TujuanPd => "Tujuan Perangkat Daerah",
        Level::SasaranStrategis => "Sasaran Strategis",
        Level::SasaranProgram => "Sasaran Program",
        Level::SasaranKegiatan => "Sasaran Kegiatan",
        Level::SasaranSubKegiatan => "Sasaran Sub Kegiatan",
    }
}

/// The levels present, in tree-depth order: by the shallowest depth each
/// occurs at, then by which is met first.
fn levels(doc: &Document, order: &[(usize, Vec<usize>)]) -> Vec<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for (i, up) in order {
        let label = level_label(&doc.nodes[*i]);
        match found.iter_mut().find(|(_, l)| l == label) {
            Some((depth, _)) => *depth = (*depth).min(up.len()),
            None => found.push((up.len(), label.to_owned())),
        }
    }
    // A stable sort keeps the first-met order among equal depths.
    found.sort_by_key(|(depth, _)| *depth);
    found.into_iter().map(|(_, l)| l).collect()
}

/// A valid, unused Excel sheet name for `label`: at most 31 UTF-16 units,
/// none of `[]:*?/\`, no apostrophe at either end, unique ignoring case.
fn sheet_name(label: &str, taken: &mut Vec<String>) -> String {
    let clean: String = label.chars().map(|c| if "[]:*?/\\".contains(c) || c.is_control() { '-' } else { c }).collect();
    let clean = clean.trim_matches(|c: char| c == '\'' || c.is_whitespace());
    let base = if clean.is_empty() { "Tingkat" } else { clean };
    let fit = |s: &str, room: usize| {
        let mut out = String::new();
        for c in s.chars() {
            if out.encode_utf16().count() + c.len_utf16() > room {
                break;
            }
            out.push(c);
        }
        out.trim_end_matches(|c: char| c == '\'' || c.is_whitespace()).to_owned()
    };
    let mut name = fit(base, 31);
    let mut n = 1;
    while taken.contains(&name.to_lowercase()) {
        n += 1;
        let suffix = format!(" ({n})");
        name = format!("{}{suffix}", fit(base, 31 - suffix.len()));
    }
    taken.push(name.to_lowercase());
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anggaran, Baseline};

    fn sheet(rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet::new("x", vec!["A".into(), "B".into()], rows, Vec::new())
    }

    #[test]
    fn csv_quotes_as_excel_does_and_keeps_numbers_as_typed() {
        let s = sheet(vec![
            vec![Cell::text("a;b"), Cell::text("say \"hi\"")],
            vec![Cell::text("two\nlines"), Cell::nilai(&Nilai::from("5.159"))],
            vec![Cell::text("tab\there"), Cell::Empty],
            vec![Cell::text("cr\r"), Cell::nilai(&Nilai::from("3,5"))],
        ]);
        let text = csv(&s);
        assert_eq!(
            text,
            "\u{feff}A;B\r\n\"a;b\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";5.159\r\ntab here;\r\n\"cr\r\";3,5\r\n"
        );
        let back = crate::table::rows(&text).unwrap();
        assert_eq!(
            back,
            vec![
                vec!["A", "B"],
                vec!["a;b", "say \"hi\""],
                vec!["two\nlines", "5.159"],
                vec!["tab here", ""],
                vec!["cr\r", "3,5"]
            ]
        );
    }

    #[test]
    fn csv_never_writes_a_formula() {
        let s = sheet(vec![
            vec![Cell::text("=HYPERLINK(\"http://x\")"), Cell::text("@SUM(A1)")],
            vec![Cell::text("- satu"), Cell::text("+62 812")],
            vec![Cell::text("-"), Cell::nilai(&Nilai::from("-5"))],
        ]);
        let text = csv(&s);
        assert_eq!(text, "\u{feff}A;B\r\n\"'=HYPERLINK(\"\"http://x\"\")\";'@SUM(A1)\r\n'- satu;'+62 812\r\n-;-5\r\n");
    }

    #[test]
    fn values_that_are_numbers_become_numbers() {
        let n = |s: &str| Cell::nilai(&Nilai::from(s));
        assert_eq!(n("5.159"), Cell::Number { value: 5159.0, typed: "5.159".into() });
        assert_eq!(n("3,5"), Cell::Number { value: 3.5, typed: "3,5".into() });
        assert_eq!(n(" 100% "), Cell::Number { value: 100.0, typed: "100%".into() });
        assert_eq!(n("N/A"), Cell::Text("N/A".into()));
        assert_eq!(n("-"), Cell::Text("-".into()));
        assert_eq!(n("80 – 90"), Cell::Text("80 – 90".into()));
        assert_eq!(n("3.5"), Cell::Text("3.5".into()));
        assert_eq!(n(" "), Cell::Empty);
        assert_eq!(n(&format!("1{}", "0".repeat(400))), Cell::Text(format!("1{}", "0".repeat(400))));
    }

    #[test]
    fn widths_follow_the_content_and_stop_at_sixty() {
        let s =
            sheet(vec![vec![Cell::text("x"), Cell::text(&"y".repeat(100))], vec![Cell::text("abcd\nab"), Cell::Empty]]);
        assert_eq!(s.widths, vec![6.0, 60.0]);
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = vec!["iku".to_owned()];
        assert_eq!(sheet_name("Visi / Misi", &mut taken), "Visi - Misi");
        assert_eq!(sheet_name("IKU", &mut taken), "IKU (2)");
        assert_eq!(sheet_name("'[x]'", &mut taken), "-x-");
        assert_eq!(sheet_name("  ", &mut taken), "Tingkat");
        let long = "Sasaran Sub Kegiatan Bidang Rutin Sekretariat";
        let a = sheet_name(long, &mut taken);
        let b = sheet_name(long, &mut taken);
        assert_eq!(a, "Sasaran Sub Kegiatan Bidang Rut");
        assert_eq!(b, "Sasaran Sub Kegiatan Bidang (2)");
        assert!(sheet_name(&"😀".repeat(20), &mut taken).encode_utf16().count() <= 31);
    }

    /// A root without IKU, a sasaran strategis with two IKU and one IK, a
    /// program below it with realisasi, budget lines and a custom lane.
    fn doc() -> Document {
        let mut doc = Document::default();
        let mut add = |id: &str, parent: Option<&str>, level: Level, kondisi: &str| {
            let mut n = Node::new(id, parent.map(String::from), level);
            n.kondisi = kondisi.into();
            doc.nodes.insert(id.into(), Box::new(n));
        };
        add("t", None, Level::TujuanPd, "Meningkatnya kemandirian");
        add("s", Some("t"), Level::SasaranStrategis, "Meningkatnya pelayanan");
        add("p", Some("s"), Level::SasaranProgram, "Tersedianya data");
        add("r", Some("t"), Level::Custom, "Bidang Rutin");
        add("q", Some("r"), Level::SasaranProgram, "Terlaksananya rapat");
        let ind = |nama: &str, jenis: JenisIndikator| Indikator {
            nama: nama.into(),
            jenis,
            satuan: "%".into(),
            baseline: Some(Baseline { nilai: "5.159".into(), tahun: None, extra: Default::default() }),
            target: [(2024, Nilai::from("80")), (2025, Nilai::from("N/A"))].into(),
            ..Indikator::default()
        };
        doc.nodes["r"].level_label = "Bidang Rutin".into();
        let s = &mut doc.nodes["s"];
        s.penanggung_jawab = "Kepala Dinas".into();
        s.indikator =
            vec![ind("IKU 1", JenisIndikator::Iku), ind("IK 1", JenisIndikator::Ik), ind("IKU 2", JenisIndikator::Iku)];
        s.indikator[2].penanggung_jawab = "Sekretariat".into();
        let p = &mut doc.nodes["p"];
        p.indikator =
            vec![Indikator { realisasi: [(2026, Nilai::from("7,5"))].into(), ..ind("IK 2", JenisIndikator::Ik) }];
        p.anggaran = vec![
            Anggaran {
                tingkat: TingkatAnggaran::Program,
                kode: "1.06.05".into(),
                nama: "Rehabilitasi".into(),
                pagu: None,
                extra: Default::default(),
            },
            Anggaran {
                tingkat: TingkatAnggaran::SubKegiatan,
                kode: String::new(),
                nama: "Bantuan".into(),
                pagu: Some(1_500_000),
                extra: Default::default(),
            },
        ];
        doc
    }

    fn texts(row: &[Cell]) -> Vec<&str> {
        row.iter().map(Cell::as_str).collect()
    }

    #[test]
    fn the_iku_table_lists_iku_under_numbered_sasaran() {
        let s = iku_table(&doc());
        assert_eq!(
            s.header,
            [
                "NO",
                "SASARAN STRATEGIS",
                "INDIKATOR KINERJA UTAMA",
                "SATUAN",
                "BASELINE",
                "TARGET 2024",
                "TARGET 2025",
                "TARGET 2026",
                "PENJELASAN",
                "FORMULA",
                "PENANGGUNG JAWAB",
                "SUMBER DATA"
            ]
        );
        assert_eq!(s.rows.len(), 2);
        assert_eq!(texts(&s.rows[0])[..8], ["1", "Meningkatnya pelayanan", "IKU 1", "%", "5.159", "80", "N/A", ""]);
        assert_eq!(texts(&s.rows[1])[..3], ["", "", "IKU 2"]);
        assert_eq!(s.rows[0][10].as_str(), "Kepala Dinas");
        assert_eq!(s.rows[1][10].as_str(), "Sekretariat");
        assert_eq!(s.rows[0][4], Cell::Number { value: 5159.0, typed: "5.159".into() });
    }

    #[test]
    fn the_matrix_repeats_ancestors_per_level_column() {
        let s = matrix(&doc());
        assert_eq!(
            s.header[..5],
            ["Tujuan Perangkat Daerah", "Sasaran Strategis", "Bidang Rutin", "Sasaran Program", "Indikator"]
        );
        assert_eq!(
            s.header[8..],
            [
                "Target 2024",
                "Target 2025",
                "Target 2026",
                "Realisasi 2024",
                "Realisasi 2025",
                "Realisasi 2026",
                "Capaian 2026 (%)",
                "Penanggung jawab",
                "Sumber data",
                "Formula",
                "Penjelasan",
                "Anggaran"
            ]
        );
        assert_eq!(s.rows.len(), 1 + 3 + 1 + 1 + 1);
        assert_eq!(texts(&s.rows[0])[..6], ["Meningkatnya kemandirian", "", "", "", "", ""]);
        assert_eq!(
            texts(&s.rows[2])[..6],
            ["Meningkatnya kemandirian", "Meningkatnya pelayanan", "", "", "IK 1", "IK"]
        );
        let p = texts(&s.rows[4]);
        assert_eq!(p[..5], ["Meningkatnya kemandirian", "Meningkatnya pelayanan", "", "Tersedianya data", "IK 2"]);
        assert_eq!(p[13], "7,5");
        // Capaian once a year has realisasi; with no target that year, said in words.
        assert_eq!(p[14], "tidak dapat dihitung");
        assert_eq!(p[19], "Program 1.06.05 Rehabilitasi\nSub Kegiatan Bantuan (Rp 1.500.000)");
        assert_eq!(texts(&s.rows[6])[..4], ["Meningkatnya kemandirian", "", "Bidang Rutin", "Terlaksananya rapat"]);
    }

    #[test]
    fn capaian_is_a_number_in_percent() {
        let mut d = doc();
        d.nodes["p"].indikator[0].target.insert(2026, Nilai::from("10"));
        let s = matrix(&d);
        let at = s.header.iter().position(|h| h == "Capaian 2026 (%)").unwrap();
        assert!(matches!(&s.rows[4][at], Cell::Number { value, typed } if *value == 75.0 && typed == "75,00"));
    }

    #[test]
    fn one_sheet_per_level_with_the_parent_statement() {
        let sheets = per_level(&doc());
        let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Tujuan Perangkat Daerah", "Sasaran Strategis", "Bidang Rutin", "Sasaran Program"]);
        let program = &sheets[3];
        assert_eq!(program.header[..3], ["Induk", "Sasaran Program", "Indikator"]);
        assert_eq!(
            program.rows.iter().map(|r| texts(r)[..2].to_vec()).collect::<Vec<_>>(),
            [["Meningkatnya pelayanan", "Tersedianya data"], ["Bidang Rutin", "Terlaksananya rapat"]]
        );
    }

    #[test]
    fn without_iku_the_table_takes_the_sasaran_strategis() {
        let mut d = doc();
        for n in d.nodes.values_mut() {
            n.indikator.iter_mut().for_each(|i| i.jenis = JenisIndikator::Ik);
        }
        let s = iku_table(&d);
        assert_eq!(s.header[2], "INDIKATOR KINERJA");
        assert_eq!(s.rows.iter().map(|r| r[2].as_str()).collect::<Vec<_>>(), ["IKU 1", "IK 1", "IKU 2"]);
    }
}
