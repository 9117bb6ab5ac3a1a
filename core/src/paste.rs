//! Text outlines as agencies have them — a chart's text copied out of a PDF
//! or typed: statements, each followed by "IK :" / "IKU :" / "Indikator :"
//! and its indicators (one per line, or numbered), "CROSSCUTTING" lists,
//! "Program :" / "Kegiatan :" / "Sub Kegiatan :" lines, headings. The
//! hierarchy comes from numbering ("1.", "1.1", "1.1.1") or indentation;
//! where the text has neither (a PDF loses a chart's lines) the statements
//! come flat in reading order, for the user to place in the preview.
//!
//! Never panics; a statement wrapped over several lines by a PDF is joined.

use crate::model::{Anggaran, Crosscutting, Document, Indikator, JenisIndikator, Level, Meta, Node, TingkatAnggaran};

/// Most lines read, and deepest numbering followed.
pub const MAX_LINES: usize = 20_000;
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    #[error("the text is empty")]
    Empty,
    #[error("more than {max} lines")]
    TooLong { max: usize },
    #[error("no statement found")]
    NoStatement,
}

/// One statement found, with how deep the text placed it (0: no clue).
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub depth: usize,
    /// The depth came from numbering ("1.2"), not from indentation.
    pub numbered: bool,
    pub node: Node,
}

/// The item text was last added to, which a wrapped line continues.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    None,
    Statement,
    Indicator,
    Budget,
}

/// What a line is.
enum Line<'a> {
    Blank,
    /// "IK :", "IKU : Persentase …", "Indikator:" (with what follows the colon).
    Indicators(JenisIndikator, &'a str),
    /// "CROSSCUTTING" (or "Crosscutting: A, B").
    Crosscutting(&'a str),
    Budget(TingkatAnggaran, &'a str),
    /// A line in capitals (a document's or a section's heading).
    Heading,
    Text,
}

fn classify(line: &str) -> Line<'_> {
    let t = line.trim();
    if t.is_empty() {
        return Line::Blank;
    }
    let (head, rest) = match t.split_once(':') {
        Some((h, r)) => (h.trim(), Some(r.trim())),
        None => (t, None),
    };
    let h = head.to_lowercase();
    match (h.as_str(), rest) {
        ("ik" | "indikator" | "indikator kinerja", Some(r)) => Line::Indicators(JenisIndikator::Ik, r),
        ("iku" | "indikator kinerja utama", Some(r)) => Line::Indicators(JenisIndikator::Iku, r),
        ("crosscutting" | "cross cutting", r) => Line::Crosscutting(r.unwrap_or("")),
        ("program", Some(r)) => Line::Budget(TingkatAnggaran::Program, r),
        ("kegiatan", Some(r)) => Line::Budget(TingkatAnggaran::Kegiatan, r),
        ("sub kegiatan" | "subkegiatan", Some(r)) => Line::Budget(TingkatAnggaran::SubKegiatan, r),
        _ if t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase) && t.len() > 3 => Line::Heading,
        // A document's own name ("Pohon Kinerja Dinas Sosial 2024").
        _ if h.starts_with("pohon kinerja") || h.starts_with("indikator kinerja utama ") => Line::Heading,
        _ => Line::Text,
    }
}

/// "1.2.3 Meningkatnya …" → (Some(3), "Meningkatnya …"); "2. …" → (Some(1), …).
fn numbering(t: &str) -> (Option<usize>, &str) {
    let t = t.trim();
    let end = t.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let (num, rest) = t.split_at(end);
    let parts = num.split('.').filter(|p| !p.is_empty()).count();
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    match rest.strip_prefix(' ') {
        Some(r) if parts > 0 && num.starts_with(|c: char| c.is_ascii_digit()) => (Some(parts.min(MAX_DEPTH)), r.trim()),
        _ => (None, t),
    }
}

/// Reads `text` into statements (with depth) and the document's title.
pub fn read(text: &str) -> Result<(Vec<Found>, String), PasteError> {
    if text.trim().is_empty() {
        return Err(PasteError::Empty);
    }
    if text.lines().count() > MAX_LINES {
        return Err(PasteError::TooLong { max: MAX_LINES });
    }
    let mut found: Vec<Found> = Vec::new();
    let mut title = String::new();
    // What the lines after a label belong to: indicators, crosscutting agencies.
    enum Mode {
        Statement,
        /// After "IK :"; `inline` when the label line named one already
        /// ("Indikator : Persentase …"): the lines after it continue it.
        Indicators {
            jenis: JenisIndikator,
            inline: bool,
        },
        Crosscutting,
        /// After "Program : …": the lines after it continue its name.
        Budget,
    }
    let mut mode = Mode::Statement;
    let mut last = Item::None;
    // The statement being read is still open to wrapped lines.
    let mut open = false;
    for raw in text.lines() {
        let indent =
            raw.chars().take_while(|c| *c == ' ' || *c == '\t').map(|c| if c == '\t' { 4 } else { 1 }).sum::<usize>();
        let line = match classify(raw) {
            // Capitals after a label are its items ("BPS, DISDUKCAPIL").
            Line::Heading if !matches!(mode, Mode::Statement) => Line::Text,
            // A statement going on in capitals ("… data berkala" / "DTKS").
            Line::Heading if open => Line::Text,
            // An acronym alone on a line ends what came before ("PPKS").
            Line::Heading if last != Item::None && !raw.trim().contains(' ') => {
                continue_item(&mut found, last, raw);
                continue;
            }
            line => line,
        };
        match line {
            Line::Blank => {
                open = false;
                mode = Mode::Statement;
            }
            Line::Heading => {
                if title.is_empty() && found.is_empty() {
                    title = raw.trim().to_owned();
                }
                open = false;
                mode = Mode::Statement;
            }
            Line::Indicators(jenis, rest) => {
                open = false;
                if let Some(f) = found.last_mut() {
                    if !rest.is_empty() {
                        f.node.indikator.push(indicator(jenis.clone(), rest));
                        last = Item::Indicator;
                    }
                }
                mode = Mode::Indicators { jenis, inline: !rest.is_empty() };
            }
            Line::Crosscutting(rest) => {
                open = false;
                add_crosscutting(&mut found, rest);
                mode = Mode::Crosscutting;
            }
            Line::Budget(tingkat, rest) => {
                open = false;
                if let Some(f) = found.last_mut() {
                    let (kode, nama) = split_code(rest);
                    f.node.anggaran.push(Anggaran {
                        tingkat,
                        kode: kode.to_owned(),
                        nama: nama.to_owned(),
                        pagu: None,
                        extra: Default::default(),
                    });
                    last = Item::Budget;
                }
                mode = Mode::Budget;
            }
            // A PDF breaks lines (and leaves blank ones) inside a sentence:
            // a line in lower case goes on with what came before it.
            Line::Text
                if starts_lower(raw)
                    && last != Item::None
                    && !matches!(mode, Mode::Indicators { inline: false, .. }) =>
            {
                continue_item(&mut found, last, raw);
            }
            Line::Text => match &mode {
                Mode::Indicators { inline: true, .. } | Mode::Budget => continue_item(&mut found, last, raw),
                Mode::Indicators { jenis, .. } => {
                    let (_, name) = numbering(raw);
                    if let Some(f) = found.last_mut() {
                        f.node.indikator.push(indicator(jenis.clone(), name));
                        last = Item::Indicator;
                    }
                }
                Mode::Crosscutting => add_crosscutting(&mut found, raw),
                Mode::Statement => {
                    last = Item::Statement;
                    let (depth, statement) = numbering(raw);
                    match found.last_mut() {
                        // A PDF wraps long statements: the next line continues it.
                        Some(last) if open && depth.is_none() => {
                            last.node.kondisi = format!("{} {}", last.node.kondisi, statement.trim());
                        }
                        _ => {
                            let id = format!("k-{}", found.len() + 1);
                            let mut node = Node::new(id, None, Level::Custom);
                            node.kondisi = statement.trim().to_owned();
                            let numbered = depth.is_some();
                            let depth = depth.unwrap_or(1 + indent / 2).min(MAX_DEPTH);
                            found.push(Found { depth, numbered, node });
                            open = true;
                        }
                    }
                }
            },
        }
    }
    if found.is_empty() {
        return Err(PasteError::NoStatement);
    }
    Ok((found, title))
}

fn starts_lower(line: &str) -> bool {
    line.trim_start().chars().next().is_some_and(char::is_lowercase)
}

/// Appends a wrapped line to the statement, indicator or budget line `last`.
fn continue_item(found: &mut [Found], last: Item, line: &str) {
    let Some(f) = found.last_mut() else { return };
    let text = match last {
        Item::Statement => Some(&mut f.node.kondisi),
        Item::Indicator => f.node.indikator.last_mut().map(|i| &mut i.nama),
        Item::Budget => f.node.anggaran.last_mut().map(|a| &mut a.nama),
        Item::None => None,
    };
    if let Some(text) = text {
        let line = line.trim();
        if text.is_empty() {
            line.clone_into(text);
        } else {
            text.push(' ');
            text.push_str(line);
        }
    }
}

fn indicator(jenis: JenisIndikator, name: &str) -> Indikator {
    Indikator { nama: name.trim().to_owned(), jenis, ..Indikator::default() }
}

/// "DISDUKCAPIL, BPS, PERKIM" → one agency each, on the last statement.
fn add_crosscutting(found: &mut [Found], text: &str) {
    if let Some(last) = found.last_mut() {
        for name in text.split([',', ';']).map(str::trim).filter(|n| !n.is_empty()) {
            last.node.crosscutting.push(Crosscutting { nama: name.to_owned(), ..Crosscutting::default() });
        }
    }
}

/// "1.06.05 Program Rehabilitasi Sosial" → ("1.06.05", "Program Rehabilitasi Sosial").
fn split_code(text: &str) -> (&str, &str) {
    let t = text.trim();
    let end = t.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b'X' || *b == b'x').count();
    if end > 0 && t[..end].contains('.') {
        (t[..end].trim_end_matches('.'), t[end..].trim())
    } else {
        ("", t)
    }
}

/// The statements as a tree: each under the nearest statement before it
/// that the text placed shallower; levels by depth (1 tujuan PD, 2 sasaran
/// strategis, 3 sasaran program, …). A tree has one root: several numbered
/// top items go under a box for the agency (named by the title); in text
/// with no clue to the hierarchy, the first statement (a chart's top box)
/// takes the others under it.
pub fn document(found: &[Found], title: &str) -> Document {
    let mut doc = Document { meta: Meta { judul: title.trim().to_owned(), ..Meta::default() }, ..Document::default() };
    let mut found = found.to_vec();
    // A statement no shallower than all before it has no parent: a root.
    let mut shallowest = usize::MAX;
    let mut roots = 0;
    for f in &found {
        if f.depth <= shallowest {
            roots += 1;
            shallowest = f.depth;
        }
    }
    // Depths are at least 1, so depth 0 is above every other statement.
    if roots > 1 {
        match found.first_mut() {
            Some(first) if !first.numbered => first.depth = 0,
            _ => {
                let mut root = Node::new("pd", None, Level::Custom);
                root.level_label = "Perangkat Daerah".into();
                root.kondisi = title.trim().to_owned();
                found.insert(0, Found { depth: 0, numbered: false, node: root });
            }
        }
    }
    let levels = [
        Level::TujuanPd,
        Level::SasaranStrategis,
        Level::SasaranProgram,
        Level::SasaranKegiatan,
        Level::SasaranSubKegiatan,
    ];
    let mut stack: Vec<(usize, String)> = Vec::new();
    for f in &found {
        while stack.last().is_some_and(|(d, _)| *d >= f.depth) {
            stack.pop();
        }
        let mut node = f.node.clone();
        node.parent = stack.last().map(|(_, id)| id.clone());
        node.level = levels[stack.len().min(levels.len() - 1)];
        stack.push((f.depth, node.id.clone()));
        doc.nodes.insert(node.id.clone(), node);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_gives_the_hierarchy_and_wrapped_lines_join() {
        let text = "RENSTRA DINAS SOSIAL\n\n1. Meningkatnya kesejahteraan\nsosial masyarakat\nIKU : Indeks kesejahteraan\n\n1.1 Meningkatnya layanan\nIK :\n1. Persentase A\n2. Persentase B\nProgram : 1.06.04 Program Rehabilitasi Sosial\n\n1.2 Meningkatnya data\nCROSSCUTTING\nBPS, DISDUKCAPIL\n\n2. Kedua\n";
        let (found, title) = read(text).unwrap();
        assert_eq!(title, "RENSTRA DINAS SOSIAL");
        let doc = document(&found, &title);
        let kondisi: Vec<(&str, Option<&str>)> =
            doc.nodes.values().map(|n| (n.kondisi.as_str(), n.parent.as_deref())).collect();
        assert_eq!(
            kondisi,
            vec![
                ("RENSTRA DINAS SOSIAL", None),
                ("Meningkatnya kesejahteraan sosial masyarakat", Some("pd")),
                ("Meningkatnya layanan", Some("k-1")),
                ("Meningkatnya data", Some("k-1")),
                ("Kedua", Some("pd")),
            ]
        );
        let layanan = &doc.nodes["k-2"];
        assert_eq!(
            layanan.indikator.iter().map(|i| i.nama.as_str()).collect::<Vec<_>>(),
            ["Persentase A", "Persentase B"]
        );
        assert_eq!(
            (layanan.anggaran[0].kode.as_str(), layanan.anggaran[0].nama.as_str()),
            ("1.06.04", "Program Rehabilitasi Sosial")
        );
        assert_eq!(doc.nodes["k-1"].indikator[0].jenis, JenisIndikator::Iku);
        assert_eq!(doc.nodes["k-3"].crosscutting.len(), 2);
        assert_eq!(doc.nodes["k-2"].level, Level::SasaranProgram);
        assert!(crate::tree::Tree::build(&doc).is_ok());
    }

    #[test]
    fn empty_and_huge_inputs_are_refused() {
        assert_eq!(read(" \n"), Err(PasteError::Empty));
        assert_eq!(read("IK : x\n"), Err(PasteError::NoStatement));
        assert!(matches!(read(&"a\n".repeat(MAX_LINES + 1)), Err(PasteError::TooLong { .. })));
        // A 200-level numbering stops at the deepest level followed.
        let deep = format!("{} Dalam\n", vec!["1"; 200].join("."));
        assert_eq!(read(&deep).unwrap().0[0].depth, MAX_DEPTH);
    }
}
