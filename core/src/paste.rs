//! Text outlines as agencies have them — a chart's text copied out of a PDF
//! or typed: statements, each followed by "IK :" / "IKU :" / "Indikator :"
//! and its indicators (one per line, or numbered), "CROSSCUTTING" lists,
//! "Program :" / "Kegiatan :" / "Sub Kegiatan :" lines, headings. The
//! hierarchy comes from headings that name a level ("TUJUAN", "SASARAN 1",
//! "MISI 1 : …", "INDIKATOR SUB KEGIATAN"), numbering ("1.", "1.1",
//! "1.1.1") or indentation; where the text has none (a PDF loses a chart's
//! lines) the statements come flat in reading order, for the user to place
//! in the preview. The document's heading lines give its title, agency,
//! region and period ([`meta`]); a cover before them is skipped.
//!
//! Never panics; a statement wrapped over several lines by a PDF is joined.

use rustc_hash::FxHashMap;

use crate::model::{
    Anggaran, Crosscutting, Document, Indikator, JenisIndikator, Level, Meta, Node, Periode, Tahun, TingkatAnggaran,
};
use crate::table::{fold, MAX_COLUMNS};

/// Most lines read, and deepest numbering followed.
pub const MAX_LINES: usize = 20_000;
pub const MAX_DEPTH: usize = 64;
/// Lines searched for the document's own name (a cover page at most).
const FRONT: usize = 80;

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
    /// The level a heading gave it ("SASARAN 1", "INDIKATOR SUB KEGIATAN";
    /// `Custom` for a side lane); `None`: the level follows the depth.
    pub level: Option<Level>,
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
    /// "TUJUAN", "SASARAN 1", "MISI 1 : Mewujudkan …": the statements after
    /// it (or after its colon) are at `level`; `numbered` headings name
    /// their box ("Sasaran 1").
    Level {
        level: Level,
        numbered: bool,
        head: &'a str,
        rest: &'a str,
    },
    /// "INDIKATOR", "INDIKATOR TUJUAN", "INDIKATOR SUB KEGIATAN": a list of
    /// indicators for the statements listed before it, or for a box of
    /// `level` the text names only by them.
    Listed {
        level: Option<Level>,
        jenis: Option<JenisIndikator>,
        rest: &'a str,
    },
    /// "Bidang Rutin": a side lane; the boxes after it are in it.
    Lane(&'a str),
    /// "CROSSCUTTING" (or "Crosscutting: A, B").
    Crosscutting(&'a str),
    Budget(TingkatAnggaran, &'a str),
    /// A line in capitals (a document's or a section's heading).
    Heading,
    Text,
}

/// A line without the emphasis marks a PDF-to-text converter leaves ("**POHON KINERJA").
fn clean(line: &str) -> &str {
    line.trim().trim_matches(['*', '#', '_']).trim()
}

/// The level a heading's words name ("sasaran program", "tujuan", "misi").
fn level_named(words: &str) -> Option<Level> {
    Some(match words {
        "visi" | "misi" | "visi misi" => Level::VisiMisi,
        "tujuan daerah" => Level::TujuanDaerah,
        "sasaran daerah" => Level::SasaranDaerah,
        "tujuan" | "tujuan pd" | "tujuan perangkat daerah" => Level::TujuanPd,
        "sasaran" | "sasaran strategis" | "sasaran pd" | "sasaran perangkat daerah" => Level::SasaranStrategis,
        "sasaran program" => Level::SasaranProgram,
        "sasaran kegiatan" => Level::SasaranKegiatan,
        "sasaran sub kegiatan" | "sasaran subkegiatan" => Level::SasaranSubKegiatan,
        _ => return None,
    })
}

fn classify(line: &str) -> Line<'_> {
    let t = clean(line);
    if t.is_empty() {
        return Line::Blank;
    }
    let (head, rest) = match t.split_once(':') {
        Some((h, r)) => (h.trim(), Some(r.trim())),
        None => (t, None),
    };
    let h = head.to_lowercase();
    let f = fold(head);
    // "SASARAN 1" → ("sasaran", true).
    let (words, numbered) = match f.rsplit_once(' ') {
        Some((w, n)) if n.bytes().all(|b| b.is_ascii_digit()) => (w, true),
        _ => (f.as_str(), false),
    };
    // What an "INDIKATOR …" heading names after its first word(s).
    let listed = f
        .strip_prefix("indikator")
        .filter(|r| r.is_empty() || r.starts_with(' '))
        .map(|r| r.trim().trim_start_matches("kinerja utama").trim_start_matches("kinerja").trim());
    match (h.as_str(), rest) {
        ("ik" | "indikator" | "indikator kinerja", Some(r)) => Line::Indicators(JenisIndikator::Ik, r),
        ("iku" | "indikator kinerja utama", Some(r)) => Line::Indicators(JenisIndikator::Iku, r),
        ("crosscutting" | "cross cutting", r) => Line::Crosscutting(r.unwrap_or("")),
        ("program", Some(r)) => Line::Budget(TingkatAnggaran::Program, r),
        ("kegiatan", Some(r)) => Line::Budget(TingkatAnggaran::Kegiatan, r),
        ("sub kegiatan" | "subkegiatan", Some(r)) => Line::Budget(TingkatAnggaran::SubKegiatan, r),
        _ => match (level_named(words), listed) {
            (Some(level), _) => Line::Level { level, numbered, head, rest: rest.unwrap_or("") },
            (None, Some("")) => Line::Listed {
                level: None,
                jenis: f.starts_with("indikator kinerja utama").then_some(JenisIndikator::Iku),
                rest: rest.unwrap_or(""),
            },
            (None, Some(r)) => match level_named(r).or_else(|| level_named(&format!("sasaran {r}"))) {
                Some(level) => Line::Listed { level: Some(level), jenis: None, rest: rest.unwrap_or("") },
                None => plain(t, &h),
            },
            (None, None)
                if rest.is_none()
                    && t.starts_with(char::is_uppercase)
                    && ["rutin", "bidang rutin", "kegiatan rutin", "program rutin"].contains(&f.as_str()) =>
            {
                Line::Lane(t)
            }
            (None, None) => plain(t, &h),
        },
    }
}

/// A heading in capitals, a document's own name, or text.
fn plain<'a>(t: &str, h: &str) -> Line<'a> {
    if t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase) && t.len() > 3
        // A document's own name ("Pohon Kinerja Dinas Sosial 2024").
        || h.starts_with("pohon kinerja")
        || h.starts_with("indikator kinerja utama ")
    {
        Line::Heading
    } else {
        Line::Text
    }
}

/// "1.2.3 Meningkatnya …" → ("1.2.3", "Meningkatnya …"); "2. …", "3) …",
/// "4.\t…" too; "7." alone is an empty item.
fn numbering(t: &str) -> Option<(&str, &str)> {
    let t = t.trim();
    let end = t.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let (num, rest) = t.split_at(end);
    let key = num.trim_end_matches('.');
    if !num.starts_with(|c: char| c.is_ascii_digit()) || key.split('.').any(str::is_empty) {
        return None;
    }
    let closed = rest.starts_with(')');
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    match rest.chars().next() {
        Some(c) if c.is_whitespace() => Some((key, rest.trim())),
        None if closed || num.ends_with('.') => Some((key, "")),
        _ => None,
    }
}

/// How deep a heading's level puts its statements (visi/misi 1, … sub kegiatan 8).
fn level_depth(level: Level) -> Option<usize> {
    level.rank().map(|r| r as usize + 1)
}

/// "Tersedianya …", "Meningkatnya …", "Terlaksananya …": a statement, not an
/// indicator (which counts or measures: "Jumlah …", "Persentase …").
fn is_condition(text: &str) -> bool {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    word.len() >= 6 && word.ends_with("nya")
}

/// What the lines after a label or heading belong to.
enum Mode {
    Statement,
    /// After "IK :"; `inline` when the label line named one already
    /// ("Indikator : Persentase …"): the lines after it continue it.
    Indicators {
        jenis: JenisIndikator,
        inline: bool,
    },
    /// After an "INDIKATOR …" heading: one item a line (numbered lists
    /// join unnumbered lines to the item before); `given` indicators so far;
    /// `numbered` once the first item is read.
    Listed {
        level: Option<Level>,
        jenis: Option<JenisIndikator>,
        given: usize,
        numbered: Option<bool>,
    },
    Crosscutting,
    /// After "Program : …": the lines after it continue its name.
    Budget,
}

struct Reader {
    found: Vec<Found>,
    title: String,
    mode: Mode,
    /// What a wrapped line continues, in `found[at]`.
    last: Item,
    at: usize,
    /// The statement being read is still open to wrapped lines, and how
    /// far it is indented (a line indented deeper starts one under it).
    open: bool,
    indent: usize,
    /// The level the last level heading gave, and its name for the next statement ("Sasaran 1").
    heading: Option<Level>,
    label: String,
    /// Depth of the last statement a heading placed: a lane goes beside it.
    headed_depth: Option<usize>,
    /// An "IKU …" heading was read: indicators of sasaran strategis and above are IKU.
    iku: bool,
    /// The statements listed since the last heading or indicator list (by
    /// their numbers too): the boxes the next indicator list belongs to.
    group: Vec<usize>,
    keys: FxHashMap<String, usize>,
    /// The group has its indicators: the next statement starts a new one.
    group_done: bool,
}

/// Reads `text` into statements (with depth) and the document's title.
pub fn read(text: &str) -> Result<(Vec<Found>, String), PasteError> {
    if text.trim().is_empty() {
        return Err(PasteError::Empty);
    }
    let lines: Vec<&str> = text.lines().take(MAX_LINES + 1).collect();
    if lines.len() > MAX_LINES {
        return Err(PasteError::TooLong { max: MAX_LINES });
    }
    let (title, skip) = front(&lines);
    let mut r = Reader {
        found: Vec::new(),
        title: title.unwrap_or_default(),
        mode: Mode::Statement,
        last: Item::None,
        at: 0,
        open: false,
        indent: 0,
        heading: None,
        label: String::new(),
        headed_depth: None,
        iku: false,
        group: Vec::new(),
        keys: FxHashMap::default(),
        group_done: false,
    };
    let mut i = skip;
    while i < lines.len() {
        match column_heads(lines[i]) {
            // A chart's boxes side by side, copied as a table: read column by column.
            Some(heads) => {
                let end = (i + 1..lines.len()).find(|&j| lines[j].trim().is_empty()).unwrap_or(lines.len());
                let rows: Vec<Vec<&str>> = lines[i + 1..end].iter().map(|l| l.split('\t').collect()).collect();
                for (k, head) in heads {
                    r.line(head);
                    for cell in rows.iter().filter_map(|row| row.get(k)).filter(|c| !c.trim().is_empty()) {
                        r.line(cell);
                    }
                    r.line("");
                }
                i = end;
            }
            None => {
                r.line(lines[i]);
                i += 1;
            }
        }
    }
    if r.found.is_empty() {
        return Err(PasteError::NoStatement);
    }
    Ok((r.found, r.title))
}

/// A tab-separated line of level headings ("INDIKATOR SUB KEGIATAN" five
/// times): each cell heads a column of the lines under it.
fn column_heads(line: &str) -> Option<Vec<(usize, &str)>> {
    if !line.contains('\t') {
        return None;
    }
    let heads: Vec<(usize, &str)> = line.split('\t').enumerate().filter(|(_, c)| !c.trim().is_empty()).collect();
    let headings = heads.iter().all(|(_, c)| {
        matches!(classify(c), Line::Level { rest: "", .. } | Line::Listed { rest: "", .. } | Line::Lane(_))
    });
    (headings && (2..=MAX_COLUMNS).contains(&heads.len())).then_some(heads)
}

impl Reader {
    fn line(&mut self, raw: &str) {
        let indent =
            raw.chars().take_while(|c| *c == ' ' || *c == '\t').map(|c| if c == '\t' { 4 } else { 1 }).sum::<usize>();
        let line = match classify(raw) {
            // Capitals after a label are its items ("BPS, DISDUKCAPIL").
            Line::Heading if !matches!(self.mode, Mode::Statement) => Line::Text,
            // A statement going on in capitals ("… data berkala" / "DTKS").
            Line::Heading if self.open => Line::Text,
            // An acronym alone on a line ends what came before ("PPKS").
            Line::Heading if self.last != Item::None && !raw.trim().contains(' ') => {
                self.continue_item(raw);
                return;
            }
            line => line,
        };
        match line {
            Line::Blank => {
                self.open = false;
                self.mode = Mode::Statement;
            }
            Line::Heading => {
                if self.title.is_empty() && self.found.is_empty() {
                    clean(raw).clone_into(&mut self.title);
                }
                let f = fold(raw);
                if f == "iku" || f.starts_with("iku ") || f.starts_with("indikator kinerja utama") {
                    self.iku = true;
                }
                self.open = false;
                self.mode = Mode::Statement;
            }
            Line::Level { level, numbered, head, rest } => {
                self.heading = Some(level);
                self.label = if numbered { title_case(head) } else { String::new() };
                self.group_done = true;
                self.open = false;
                self.mode = Mode::Statement;
                if !rest.is_empty() {
                    self.statement(rest, None, Some(level), 1);
                }
            }
            Line::Listed { level, jenis, rest } => {
                self.open = false;
                self.mode = Mode::Listed { level: level.or(self.heading), jenis, given: 0, numbered: None };
                if !rest.is_empty() {
                    self.listed(rest);
                }
            }
            Line::Lane(name) => {
                let mut node = Node::new(format!("k-{}", self.found.len() + 1), None, Level::Custom);
                name.clone_into(&mut node.level_label);
                name.clone_into(&mut node.lane);
                let depth = self.headed_depth.unwrap_or(1);
                self.found.push(Found { depth, numbered: false, level: Some(Level::Custom), node });
                // Not a box the next indicator list belongs to.
                self.group.clear();
                self.keys.clear();
                self.group_done = false;
                self.last = Item::None;
                self.open = false;
                self.mode = Mode::Statement;
            }
            Line::Indicators(jenis, rest) => {
                self.open = false;
                self.group_done = true;
                if let Some(f) = self.found.last_mut() {
                    if !rest.is_empty() {
                        f.node.indikator.push(indicator(jenis.clone(), rest));
                        self.last = Item::Indicator;
                        self.at = self.found.len() - 1;
                    }
                }
                self.mode = Mode::Indicators { jenis, inline: !rest.is_empty() };
            }
            Line::Crosscutting(rest) => {
                self.open = false;
                add_crosscutting(&mut self.found, rest);
                self.mode = Mode::Crosscutting;
            }
            Line::Budget(tingkat, rest) => {
                self.open = false;
                if let Some(f) = self.found.last_mut() {
                    let (kode, nama) = split_code(rest);
                    f.node.anggaran.push(Anggaran {
                        tingkat,
                        kode: kode.to_owned(),
                        nama: nama.to_owned(),
                        pagu: None,
                        extra: Default::default(),
                    });
                    self.last = Item::Budget;
                    self.at = self.found.len() - 1;
                }
                self.mode = Mode::Budget;
            }
            // A PDF breaks lines (and leaves blank ones) inside a sentence:
            // a line in lower case goes on with what came before it.
            Line::Text
                if starts_lower(raw)
                    && self.last != Item::None
                    && !matches!(self.mode, Mode::Indicators { inline: false, .. } | Mode::Listed { .. }) =>
            {
                self.continue_item(raw);
            }
            Line::Text => match &self.mode {
                Mode::Indicators { inline: true, .. } | Mode::Budget => self.continue_item(raw),
                Mode::Indicators { jenis, .. } => {
                    let name = numbering(raw).map_or(raw, |(_, name)| name);
                    if let Some(f) = self.found.last_mut() {
                        f.node.indikator.push(indicator(jenis.clone(), name));
                        self.last = Item::Indicator;
                        self.at = self.found.len() - 1;
                    }
                }
                Mode::Listed { .. } => self.listed(raw),
                Mode::Crosscutting => add_crosscutting(&mut self.found, raw),
                Mode::Statement => match numbering(raw) {
                    // A PDF wraps long statements: the next line continues it.
                    None if self.open && indent <= self.indent => {
                        self.last = Item::Statement;
                        self.continue_item(raw);
                    }
                    Some((_, "")) => {}
                    Some((key, text)) => {
                        let depth = key.split('.').count();
                        self.statement(text, Some(key), self.heading, depth);
                    }
                    None => {
                        self.statement(raw, None, self.heading, 1 + indent / 2);
                        self.indent = indent;
                    }
                },
            },
        }
    }

    /// A new statement at the heading's `level`, or else at `depth`; numbered `key` in its list.
    fn statement(&mut self, text: &str, key: Option<&str>, level: Option<Level>, depth: usize) {
        let at = self.found.len();
        let mut node = Node::new(format!("k-{}", at + 1), None, Level::Custom);
        text.trim().clone_into(&mut node.kondisi);
        node.level_label = std::mem::take(&mut self.label);
        let depth = level.and_then(level_depth).unwrap_or(depth).min(MAX_DEPTH);
        if level.is_some() {
            self.headed_depth = Some(depth);
        }
        self.found.push(Found { depth, numbered: key.is_some(), level, node });
        if std::mem::take(&mut self.group_done) {
            self.group.clear();
            self.keys.clear();
        }
        self.group.push(at);
        if let Some(key) = key {
            self.keys.insert(key.to_owned(), at);
        }
        (self.last, self.at, self.open) = (Item::Statement, at, true);
    }

    /// An item under an "INDIKATOR …" heading: an indicator of the listed
    /// statement with its number (else the n-th), or a statement itself.
    fn listed(&mut self, raw: &str) {
        let Mode::Listed { level, jenis, given, numbered } = &mut self.mode else { return };
        let (level, jenis, nth) = (*level, jenis.clone(), *given);
        let item = numbering(raw);
        let first = numbered.is_none();
        if *numbered.get_or_insert(item.is_some()) && item.is_none() {
            self.continue_item(raw);
            return;
        }
        let (key, text) = item.map_or((None, raw.trim()), |(k, t)| (Some(k), t));
        if is_condition(text) {
            // Statements under an indicator heading (a chart's column
            // mislabelled): a list of their own, for the next indicator list.
            self.group_done |= first;
            self.statement(text, key, level, 1);
            self.open = false;
            return;
        }
        if let Mode::Listed { given, .. } = &mut self.mode {
            *given += 1;
        }
        let taken = |r: &Self| r.group_done || r.group.iter().any(|&i| !r.found[i].node.indikator.is_empty());
        if nth == 0 && (self.group.is_empty() || taken(self)) {
            // A box the text names only by its indicators.
            self.statement("", None, level, 1);
            self.open = false;
        }
        self.group_done = true;
        let at = key
            .and_then(|k| self.keys.get(k).copied())
            .or_else(|| self.group.get(nth.min(self.group.len().saturating_sub(1))).copied())
            .unwrap_or(self.found.len().saturating_sub(1));
        let Some(f) = self.found.get_mut(at) else { return };
        let iku = self.iku && f.level.and_then(Level::rank).is_some_and(|r| r <= 4);
        let jenis = jenis.unwrap_or(if iku { JenisIndikator::Iku } else { JenisIndikator::Ik });
        f.node.indikator.push(indicator(jenis, text));
        (self.last, self.at) = (Item::Indicator, at);
    }

    /// Appends a wrapped line to the statement, indicator or budget line it continues.
    fn continue_item(&mut self, line: &str) {
        let Some(f) = self.found.get_mut(self.at) else { return };
        let text = match self.last {
            Item::Statement => Some(&mut f.node.kondisi),
            Item::Indicator => f.node.indikator.last_mut().map(|i| &mut i.nama),
            Item::Budget => f.node.anggaran.last_mut().map(|a| &mut a.nama),
            Item::None => None,
        };
        if let Some(text) = text {
            let line = line.trim();
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(line);
        }
    }
}

fn starts_lower(line: &str) -> bool {
    line.trim_start().chars().next().is_some_and(char::is_lowercase)
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

/// How a document's own name starts ("POHON KINERJA DINAS SOSIAL …").
const KINDS: [&str; 6] =
    ["pohon kinerja", "indikator kinerja", "rencana strategis", "renstra", "cascading", "perjanjian kinerja"];
/// First words of an agency's name, and of a region's.
const AGENCIES: [&str; 7] = ["dinas", "badan", "kantor", "sekretariat", "inspektorat", "satuan", "rsud"];
const REGIONS: [&str; 4] = ["provinsi", "kabupaten", "kab", "kota"];
const PERIODS: [&str; 2] = ["tahun", "periode"];

/// The document's name (its heading lines joined, e.g. "POHON KINERJA" /
/// "DINAS SOSIAL KABUPATEN BENGKULU SELATAN TAHUN 2024"), and where its
/// content starts: the name, a cover before it and a repeated name after
/// it are front matter, up to the first label or level heading.
fn front(lines: &[&str]) -> (Option<String>, usize) {
    let (mut title, mut skip, mut i) = (None, 0, 0);
    while i < lines.len().min(FRONT) {
        if let Some((name, end)) = title_block(lines, i) {
            title.get_or_insert(name);
            (skip, i) = (end, end);
            continue;
        }
        let content = matches!(
            classify(lines[i]),
            Line::Level { .. }
                | Line::Listed { .. }
                | Line::Lane(_)
                | Line::Indicators(..)
                | Line::Budget(..)
                | Line::Crosscutting(_)
        );
        if content {
            break;
        }
        i += 1;
    }
    (title, skip)
}

/// The name starting at `lines[start]`: a kind of document, then lines
/// naming the agency, region or year, up to the year; it must name one.
fn title_block(lines: &[&str], start: usize) -> Option<(String, usize)> {
    let first = clean(lines[start]);
    let f = fold(first);
    let kind = KINDS.iter().any(|k| f.strip_prefix(k).is_some_and(|r| r.is_empty() || r.starts_with(' ')));
    if !kind || lines[start].contains('\t') {
        return None;
    }
    let mut parts = vec![first];
    let mut end = start + 1;
    for (j, line) in lines.iter().enumerate().skip(start + 1).take(6) {
        if parts.last().is_some_and(|p| !years(p).is_empty()) {
            break;
        }
        let t = clean(line);
        if t.is_empty() {
            continue;
        }
        let f = fold(t);
        let word = f.split(' ').next().unwrap_or("");
        let names = AGENCIES.contains(&word) || REGIONS.contains(&word) || PERIODS.contains(&word);
        if !names && years(word).is_empty() {
            break;
        }
        parts.push(t);
        end = j + 1;
    }
    let name = parts.join(" ");
    let folded = fold(&name);
    let named = folded.split(' ').any(|w| AGENCIES.contains(&w) || REGIONS.contains(&w)) || !years(&name).is_empty();
    named.then_some((name, end))
}

/// Four-digit years in `s` that could be a plan's (1990–2100), with where they are.
fn years(s: &str) -> Vec<(usize, usize, Tahun)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let end = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if end > i {
            if let Some(y) = s[i..end].parse::<Tahun>().ok().filter(|y| end - i == 4 && (1990..=2100).contains(y)) {
                out.push((i, end, y));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// "TAHUN 2024" → 2024–2024; "2021-2026", "2021 – 2026", "2021 s.d. 2026" → 2021–2026.
fn periode(s: &str) -> Option<Periode> {
    let ys = years(s);
    let &(_, end, awal) = ys.first()?;
    let akhir = ys
        .get(1)
        .filter(|&&(start, _, b)| {
            (awal..=awal + 20).contains(&b)
                && matches!(fold(&s[end..start]).as_str(), "" | "s d" | "sd" | "sampai" | "sampai dengan" | "hingga")
        })
        .map_or(awal, |&(_, _, b)| b);
    Some(Periode { awal, akhir, extra: Default::default() })
}

/// "DINAS SOSIAL KABUPATEN TAPIN" → "Dinas Sosial Kabupaten Tapin"; acronyms
/// (no vowel: "PPKS", "BPBD") and numbers stay; joining words in lower case.
fn title_case(s: &str) -> String {
    const LOWER: [&str; 10] = ["dan", "di", "ke", "dari", "yang", "serta", "atau", "untuk", "pada", "dengan"];
    let mut out = String::with_capacity(s.len());
    for (k, word) in s.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        let vowel = lower.contains(['a', 'e', 'i', 'o', 'u']);
        if word.chars().any(|c| c.is_lowercase() || c.is_ascii_digit()) || !vowel {
            out.push_str(word);
        } else if k > 0 && LOWER.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            let mut chars = lower.chars();
            out.extend(chars.next().map(|c| c.to_uppercase().collect::<String>()));
            out.push_str(chars.as_str());
        }
    }
    out
}

/// The words from the first that `starts` names, up to one of `stops`, "Tahun" or a number.
fn name_from(words: &[&str], starts: &[&str], stops: &[&str]) -> String {
    let Some(i) = words.iter().position(|w| starts.contains(&fold(w).as_str())) else { return String::new() };
    let end = words[i + 1..]
        .iter()
        .position(|w| {
            let f = fold(w);
            f.is_empty() || stops.contains(&f.as_str()) || PERIODS.contains(&f.as_str()) || w.contains(char::is_numeric)
        })
        .map_or(words.len(), |k| i + 1 + k);
    words[i..end].join(" ")
}

/// Title, agency, region, period and number from a document's heading
/// lines ("POHON KINERJA (01) DINAS SOSIAL KOTA PAYAKUMBUH TAHUN
/// 2023-2028"), in pasted text or above a table. Only a heading that starts
/// with what the document is ("Pohon Kinerja", "Indikator Kinerja Utama",
/// "Renstra", …) and names an agency, region or year counts; otherwise,
/// and for whatever it does not name, the fields are empty.
pub fn meta(text: &str) -> Meta {
    let lines: Vec<&str> = text.lines().take(FRONT).collect();
    let Some(name) = front(&lines).0 else { return Meta::default() };
    let name = if name.chars().any(char::is_lowercase) { name } else { title_case(&name) };
    let words: Vec<&str> = name.split_whitespace().collect();
    // "(01)": the document's number.
    let nomor = words
        .iter()
        .copied()
        .find(|w| {
            w.len() > 2
                && w.starts_with('(')
                && w.ends_with(')')
                && w[1..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
        })
        .unwrap_or("");
    let judul = words.iter().copied().filter(|w| *w != nomor).collect::<Vec<_>>().join(" ");
    Meta {
        opd: name_from(&words, &AGENCIES, &REGIONS),
        wilayah: name_from(&words, &REGIONS, &[]),
        periode: periode(&judul),
        nomor: nomor.to_owned(),
        judul,
        ..Meta::default()
    }
}

/// The statements as a tree: each under the nearest statement before it
/// that the text placed shallower; levels from headings, else by depth (1
/// tujuan PD, 2 sasaran strategis, 3 sasaran program, …); a box in a lane
/// is in its parent's. A tree has one root: several numbered or headed top
/// items go under a box for the agency (named by the title); in text with
/// no clue to the hierarchy, the first statement (a chart's top box) takes
/// the others under it. The title gives the document's meta ([`meta`]).
pub fn document(found: &[Found], title: &str) -> Document {
    let mut meta = meta(title);
    if meta.judul.is_empty() {
        title.trim().clone_into(&mut meta.judul);
    }
    let mut doc = Document { meta, ..Document::default() };
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
            Some(first) if !first.numbered && first.level.is_none() => first.depth = 0,
            _ => {
                let mut root = Node::new("pd", None, Level::Custom);
                root.level_label = "Perangkat Daerah".into();
                root.kondisi.clone_from(&doc.meta.judul);
                found.insert(0, Found { depth: 0, numbered: false, level: Some(Level::Custom), node: root });
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
    // Open ancestors: depth, id, lane.
    let mut stack: Vec<(usize, String, String)> = Vec::new();
    for f in found {
        while stack.last().is_some_and(|(d, ..)| *d >= f.depth) {
            stack.pop();
        }
        let mut node = f.node;
        node.parent = stack.last().map(|(_, id, _)| id.clone());
        node.level = f.level.unwrap_or(levels[stack.len().min(levels.len() - 1)]);
        if let (true, Some((.., lane))) = (node.lane.is_empty(), stack.last()) {
            node.lane.clone_from(lane);
        }
        stack.push((f.depth, node.id.clone(), node.lane.clone()));
        doc.nodes.insert(node.id.clone(), Box::new(node));
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
        assert_eq!((doc.meta.judul.as_str(), doc.meta.opd.as_str()), ("Renstra Dinas Sosial", "Dinas Sosial"));
        let kondisi: Vec<(&str, Option<&str>)> =
            doc.nodes.values().map(|n| (n.kondisi.as_str(), n.parent.as_deref())).collect();
        assert_eq!(
            kondisi,
            vec![
                ("Renstra Dinas Sosial", None),
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
    fn headings_give_levels_and_indicator_lists_pair_by_number() {
        let text = "TUJUAN\nMeningkatnya A\nINDIKATOR TUJUAN\nIndeks A\n\nSASARAN 1\nMeningkatnya B\n\nSASARAN SUB KEGIATAN\n1. Tersedianya C\n2. Tersedianya D\n\nINDIKATOR SUB KEGIATAN\n1. Jumlah C\n2. Jumlah D\n\nINDIKATOR SUB KEGIATAN\n1. Jumlah E\n2. Jumlah F\n";
        let (found, title) = read(text).unwrap();
        let doc = document(&found, &title);
        let nodes: Vec<(&str, Level, Option<&str>, Vec<&str>)> = doc
            .nodes
            .values()
            .map(|n| {
                let names = n.indikator.iter().map(|i| i.nama.as_str()).collect();
                (n.kondisi.as_str(), n.level, n.parent.as_deref(), names)
            })
            .collect();
        assert_eq!(
            nodes,
            vec![
                ("Meningkatnya A", Level::TujuanPd, None, vec!["Indeks A"]),
                ("Meningkatnya B", Level::SasaranStrategis, Some("k-1"), vec![]),
                ("Tersedianya C", Level::SasaranSubKegiatan, Some("k-2"), vec!["Jumlah C"]),
                ("Tersedianya D", Level::SasaranSubKegiatan, Some("k-2"), vec!["Jumlah D"]),
                ("", Level::SasaranSubKegiatan, Some("k-2"), vec!["Jumlah E", "Jumlah F"]),
            ]
        );
        assert_eq!(doc.nodes["k-2"].level_label, "Sasaran 1");
    }

    #[test]
    fn meta_comes_from_the_heading_lines_or_stays_empty() {
        let m = meta("**RENSTRA\nBADAN PERENCANAAN PEMBANGUNAN DAERAH\nKOTA X\nPERIODE 2021 – 2026**\nTUJUAN\n");
        assert_eq!(m.judul, "Renstra Badan Perencanaan Pembangunan Daerah Kota X Periode 2021 – 2026");
        assert_eq!((m.opd.as_str(), m.wilayah.as_str()), ("Badan Perencanaan Pembangunan Daerah", "Kota X"));
        assert_eq!(m.periode.map(|p| (p.awal, p.akhir)), Some((2021, 2026)));
        // No heading says what the document is: nothing is guessed.
        assert_eq!(meta("Dinas Sosial Kota X 2024\nMeningkatnya A\n"), Meta::default());
        assert_eq!(meta("Pohon Kinerja\nMeningkatnya A\n"), Meta::default());
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
