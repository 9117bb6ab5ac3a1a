//! A whole document in a share link's fragment (`#pk1.…`, which browsers
//! never send to a server).
//!
//! The payload is built for deflate: no keys and almost no structure. Every
//! field is text ended by a NUL byte, and fields are grouped in columns (all
//! ids, then all parents, all statements, all indicator names, …), so that
//! deflate finds like next to like and a column of empty fields costs next to
//! nothing. Numbers that follow a pattern are written as what changes: a
//! parent as "same as the previous box's", an id `n7` after `n6` as one byte,
//! a yearly value as its difference from the year before when both are plain
//! numbers written alike ("12,5" then "+10" tenths). Unknown fields (`extra`)
//! travel as JSON, so a link round-trips a document exactly.
//!
//! The payload is deflated (raw) by the caller — in the app, the browser's
//! `CompressionStream`, so no compressor is in the wasm — and written as
//! base64url. Decoding never panics: every malformed input is an error.

use serde_json::Value as Json;
use std::collections::BTreeMap;

use crate::model::{
    Anggaran, AturanTriwulan, Baseline, Crosscutting, Document, Extra, Indikator, JenisIndikator, Kind, Level, Meta,
    Node, NodeId, Periode, Polaritas, Tahun, TingkatAnggaran,
};
use crate::value::Nilai;

/// What starts a link's fragment; the digit is the payload's version.
pub const PREFIX: &str = "pk1.";
/// The payload's first bytes: its format and version.
const MAGIC: &[u8] = b"PK\x01";
/// Most bytes a payload may inflate to (a deflate bomb stops here). A
/// 100k-box document is about 6 MB.
pub const MAX_PAYLOAD: usize = 16 * 1024 * 1024;

/// Where the sender was looking: the selected box and the focused branch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkView {
    pub selected: Option<NodeId>,
    pub focus: Option<NodeId>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the link holds no document")]
    NotALink,
    /// `position` counts from 0, after the `#`.
    #[error("the link's text is damaged at character {}", position + 1)]
    BadText { position: usize },
    #[error("the link's data is damaged or cut short")]
    Damaged,
    #[error("the link holds more than {max} bytes")]
    TooLarge { max: usize },
    #[error("the link was made by a newer version of the app (format {version})")]
    Newer { version: u8 },
    #[error("the link's document is cut short or damaged ({what})")]
    Malformed { what: &'static str },
}

// ---- base64url (RFC 4648 §5, no padding) ----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn from_base64url(text: &str) -> Result<Vec<u8>, LinkError> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (position, c) in text.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(LinkError::BadText { position }),
        };
        acc = (acc << 6 | v as u32) & 0xff_ffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    // A single leftover character, or nonzero padding bits, is no encoding's output.
    if bits >= 6 || acc & ((1 << bits) - 1) != 0 {
        return Err(LinkError::BadText { position: text.len() });
    }
    Ok(out)
}

/// The fragment for a deflated payload (without the `#`).
pub fn to_fragment(deflated: &[u8]) -> String {
    format!("{PREFIX}{}", base64url(deflated))
}

/// The deflated payload in a fragment (with or without its `#`).
pub fn from_fragment(fragment: &str) -> Result<Vec<u8>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let data = fragment.strip_prefix(PREFIX).ok_or(LinkError::NotALink)?;
    if data.is_empty() {
        return Err(LinkError::Damaged);
    }
    from_base64url(data).map_err(|e| match e {
        LinkError::BadText { position } => LinkError::BadText { position: position + PREFIX.len() },
        e => e,
    })
}

// ---- the payload ----

/// The columns, in payload order.
#[derive(Clone, Copy)]
enum Col {
    Head,
    Ids,
    Parents,
    Levels,
    Labels,
    Lanes,
    Kondisi,
    Pj,
    Notes,
    Counts,
    IndNama,
    IndJenis,
    IndSatuan,
    IndShape,
    Baseline,
    Years,
    Values,
    IndFormula,
    IndPenjelasan,
    IndSumber,
    IndPj,
    Anggaran,
    Crosscutting,
    Extra,
}
const COLUMNS: usize = Col::Extra as usize + 1;

/// A field that repeats the pattern (next id, same parent, a difference).
const STEP: u8 = 2;
/// No value (an empty quarter).
const NONE: u8 = 3;
/// Escapes bytes 0..=3 inside text.
const ESC: u8 = 1;

struct Writer {
    cols: Vec<(usize, Vec<u8>)>,
}

impl Writer {
    fn text(&mut self, col: Col, s: &str) {
        let (count, buf) = &mut self.cols[col as usize];
        *count += 1;
        for &b in s.as_bytes() {
            if b <= NONE {
                buf.extend_from_slice(&[ESC, b'0' + b]);
            } else {
                buf.push(b);
            }
        }
        buf.push(0);
    }

    /// A field of our own making (markers allowed).
    fn raw(&mut self, col: Col, bytes: &[u8]) {
        let (count, buf) = &mut self.cols[col as usize];
        *count += 1;
        buf.extend_from_slice(bytes);
        buf.push(0);
    }

    /// Text that often repeats the field before it (a lane, a level's
    /// name): a non-empty repeat is one marker byte.
    fn repeat(&mut self, col: Col, s: &str, prev: &mut String) {
        if !s.is_empty() && s == prev {
            self.raw(col, &[STEP]);
        } else {
            self.text(col, s);
            s.clone_into(prev);
        }
    }

    fn num(&mut self, col: Col, n: i64) {
        self.raw(col, n.to_string().as_bytes());
    }

    fn extra(&mut self, e: &Extra) {
        if e.is_empty() {
            self.raw(Col::Extra, b"");
        } else {
            self.text(Col::Extra, &Json::Object(e.clone()).to_string());
        }
    }

    /// A year-keyed series: its years (from `base`) and its values, each as
    /// a step from the one before where it can be.
    fn series<'a>(&mut self, base: i64, entries: impl ExactSizeIterator<Item = (Tahun, Option<&'a Nilai>)>) {
        self.num(Col::Years, entries.len() as i64);
        let (mut year, mut prev) = (base - 1, None::<Number>);
        for (y, v) in entries {
            self.num(Col::Years, y as i64 - year - 1);
            year = y as i64;
            prev = self.value(v, prev);
        }
    }

    fn value(&mut self, v: Option<&Nilai>, prev: Option<Number>) -> Option<Number> {
        let Some(v) = v else {
            self.raw(Col::Values, &[NONE]);
            return None;
        };
        let n = Number::parse(v.as_str());
        match (n, prev) {
            (Some(n), Some(p)) if n.same_form(&p) => {
                let mut field = vec![STEP];
                field.extend_from_slice((n.scaled - p.scaled).to_string().as_bytes());
                self.raw(Col::Values, &field);
            }
            _ => self.text(Col::Values, v.as_str()),
        }
        n
    }
}

/// A value written as a plain number ("-12", "3,50", "85.5"): its digits as
/// an integer, and how it is written, so a difference can restore it exactly.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Number {
    scaled: i64,
    sep: u8,
    decimals: u8,
}

impl Number {
    fn parse(s: &str) -> Option<Number> {
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac, sep) = match digits.find([',', '.']) {
            Some(p) => (&digits[..p], &digits[p + 1..], digits.as_bytes()[p]),
            None => (digits, "", 0),
        };
        let plain = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
        // One way of writing only: no leading zero, no "-0", a separator only with digits after it.
        if !plain(int) || (int.len() > 1 && int.starts_with('0')) || (sep != 0 && !plain(frac)) {
            return None;
        }
        if int.len() + frac.len() > 15 {
            return None;
        }
        let magnitude: i64 = format!("{int}{frac}").parse().ok()?;
        if neg && magnitude == 0 {
            return None;
        }
        Some(Number { scaled: if neg { -magnitude } else { magnitude }, sep, decimals: frac.len() as u8 })
    }

    fn same_form(&self, o: &Number) -> bool {
        self.sep == o.sep && self.decimals == o.decimals
    }

    fn write(&self) -> String {
        let digits = self.scaled.unsigned_abs().to_string();
        let d = self.decimals as usize;
        let digits = if digits.len() <= d { format!("{}{digits}", "0".repeat(d + 1 - digits.len())) } else { digits };
        let (int, frac) = digits.split_at(digits.len() - d);
        let sign = if self.scaled < 0 { "-" } else { "" };
        if d == 0 {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}{}{frac}", self.sep as char)
        }
    }
}

/// `n7` after `n6` (any prefix, a number that counts up by one).
fn next_id(prev: &str) -> Option<String> {
    let digits = prev.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (stem, num) = prev.split_at(prev.len() - digits);
    if num.is_empty() || (num.len() > 1 && num.starts_with('0')) || num.len() > 18 {
        return None;
    }
    Some(format!("{stem}{}", num.parse::<u64>().ok()? + 1))
}

fn level_code(l: Level) -> u8 {
    b'0' + Level::ALL.iter().position(|&x| x == l).unwrap_or(8) as u8
}

/// The payload for `doc` (deflate it, then [`to_fragment`]).
pub fn encode(doc: &Document, view: &LinkView) -> Vec<u8> {
    let mut w = Writer { cols: vec![(0, Vec::new()); COLUMNS] };
    let m = &doc.meta;
    for s in [&m.judul, &m.opd, &m.wilayah, &m.nomor] {
        w.text(Col::Head, s);
    }
    // The document's notes go with the boxes' notes: prose beside prose.
    w.text(Col::Notes, &m.catatan);
    match &m.periode {
        Some(p) => w.raw(Col::Head, format!("{}-{}", p.awal, p.akhir).as_bytes()),
        None => w.raw(Col::Head, b""),
    }
    let index = |id: &Option<NodeId>| id.as_ref().and_then(|id| doc.nodes.get_index_of(id));
    for i in [index(&view.selected), index(&view.focus)] {
        match i {
            Some(i) => w.num(Col::Head, i as i64),
            None => w.raw(Col::Head, b""),
        }
    }
    w.num(Col::Head, doc.nodes.len() as i64);
    let base = m.periode.as_ref().map_or(0, |p| p.awal as i64);

    let (mut prev_id, mut prev_parent) = (String::new(), None::<Option<usize>>);
    let (mut prev_label, mut prev_lane) = (String::new(), String::new());
    for (i, node) in doc.nodes.values().enumerate() {
        if next_id(&prev_id).as_deref() == Some(node.id.as_str()) {
            w.raw(Col::Ids, &[STEP]);
        } else {
            w.text(Col::Ids, &node.id);
        }
        prev_id.clone_from(&node.id);
        let parent = node.parent.as_ref().map(|p| doc.nodes.get_index_of(p).ok_or(p));
        match parent {
            Some(Err(unknown)) => {
                w.text(Col::Parents, &format!("={unknown}"));
                prev_parent = None;
            }
            Some(Ok(j)) if prev_parent == Some(Some(j)) => w.raw(Col::Parents, b""),
            None if prev_parent == Some(None) => w.raw(Col::Parents, b""),
            Some(Ok(j)) => {
                w.num(Col::Parents, i as i64 - j as i64);
                prev_parent = Some(Some(j));
            }
            None => {
                w.raw(Col::Parents, b"r");
                prev_parent = Some(None);
            }
        }
        let kind = if node.kind == Kind::Output { &b"o"[..] } else { b"" };
        w.raw(Col::Levels, &[&[level_code(node.level)][..], kind].concat());
        w.repeat(Col::Labels, &node.level_label, &mut prev_label);
        w.repeat(Col::Lanes, &node.lane, &mut prev_lane);
        w.text(Col::Kondisi, &node.kondisi);
        w.text(Col::Pj, &node.penanggung_jawab);
        w.text(Col::Notes, &node.catatan);
        // Indicators, budget lines, crosscutting agencies: "2", "1.3", "0.0.1"
        // (trailing zeros left out; most boxes have indicators only).
        let counts = [node.indikator.len(), node.anggaran.len(), node.crosscutting.len()].map(|n| n.to_string());
        let used = counts.iter().rposition(|c| c != "0").map_or(1, |p| p + 1);
        w.raw(Col::Counts, counts[..used].join(".").as_bytes());
        w.extra(&node.extra);
        for ind in &node.indikator {
            encode_indikator(&mut w, ind, base);
        }
        for a in &node.anggaran {
            let tingkat = match a.tingkat {
                TingkatAnggaran::Program => "p",
                TingkatAnggaran::Kegiatan => "k",
                TingkatAnggaran::SubKegiatan => "s",
            };
            w.raw(Col::Anggaran, tingkat.as_bytes());
            w.text(Col::Anggaran, &a.kode);
            w.text(Col::Anggaran, &a.nama);
            match a.pagu {
                Some(p) => w.raw(Col::Anggaran, p.to_string().as_bytes()),
                None => w.raw(Col::Anggaran, b""),
            }
            w.extra(&a.extra);
        }
        for c in &node.crosscutting {
            w.text(Col::Crosscutting, &c.nama);
            w.text(Col::Crosscutting, &c.catatan);
            w.text(Col::Crosscutting, &c.status);
            w.extra(&c.extra);
        }
    }
    // Extras of the document itself last (after those of nodes).
    w.extra(&m.extra);
    w.extra(m.periode.as_ref().map_or(&Extra::new(), |p| &p.extra));
    w.extra(&doc.extra);
    w.extra(&doc.file_extra);

    // No lengths: each column's field count follows from the columns before it.
    let mut out = MAGIC.to_vec();
    for (_, buf) in &w.cols {
        out.extend_from_slice(buf);
    }
    out
}

fn encode_indikator(w: &mut Writer, ind: &Indikator, base: i64) {
    w.text(Col::IndNama, &ind.nama);
    match &ind.jenis {
        JenisIndikator::Ik => w.raw(Col::IndJenis, b""),
        JenisIndikator::Iku => w.raw(Col::IndJenis, b"*"),
        JenisIndikator::Custom(s) => w.text(Col::IndJenis, &format!("={s}")),
    }
    w.text(Col::IndSatuan, &ind.satuan);
    let polaritas = match ind.polaritas {
        Polaritas::HigherIsBetter => b'0',
        Polaritas::LowerIsBetter => b'1',
        Polaritas::Range => b'2',
    };
    let aturan = if ind.aturan_triwulan == AturanTriwulan::LastValue { b'1' } else { b'0' };
    let baseline = match &ind.baseline {
        None => b'0',
        Some(Baseline { tahun: None, .. }) => b'1',
        Some(Baseline { tahun: Some(_), .. }) => b'2',
    };
    w.raw(Col::IndShape, &[polaritas, aturan, baseline]);
    if let Some(b) = &ind.baseline {
        w.text(Col::Baseline, b.nilai.as_str());
        if let Some(t) = b.tahun {
            w.num(Col::Baseline, t as i64);
        }
        w.extra(&b.extra);
    }
    w.series(base, ind.target.iter().map(|(&y, v)| (y, Some(v))));
    w.series(base, ind.realisasi.iter().map(|(&y, v)| (y, Some(v))));
    w.num(Col::Years, ind.realisasi_triwulan.len() as i64);
    for (&y, quarters) in &ind.realisasi_triwulan {
        w.num(Col::Years, y as i64 - base);
        let mut prev = None;
        for q in quarters {
            prev = w.value(q.as_ref(), prev);
        }
    }
    w.text(Col::IndFormula, &ind.formula);
    w.text(Col::IndPenjelasan, &ind.penjelasan);
    w.text(Col::IndSumber, &ind.sumber_data);
    w.text(Col::IndPj, &ind.penanggung_jawab);
    w.extra(&ind.extra);
}

// ---- reading ----

struct Reader<'a> {
    cols: Vec<std::slice::Iter<'a, &'a [u8]>>,
}

fn malformed(what: &'static str) -> LinkError {
    LinkError::Malformed { what }
}

impl<'a> Reader<'a> {
    fn field(&mut self, col: Col) -> Result<&'a [u8], LinkError> {
        self.cols[col as usize].next().copied().ok_or(malformed("a column ends early"))
    }

    fn text(&mut self, col: Col) -> Result<String, LinkError> {
        unescape(self.field(col)?)
    }

    fn repeat(&mut self, col: Col, prev: &mut String) -> Result<String, LinkError> {
        let f = self.field(col)?;
        if f == [STEP] {
            return if prev.is_empty() { Err(malformed("a repeat with nothing before it")) } else { Ok(prev.clone()) };
        }
        let s = unescape(f)?;
        prev.clone_from(&s);
        Ok(s)
    }

    fn num(&mut self, col: Col) -> Result<i64, LinkError> {
        parse_num(self.field(col)?)
    }

    fn count(&mut self, col: Col, max: usize) -> Result<usize, LinkError> {
        let n = self.num(col)?;
        usize::try_from(n).ok().filter(|&n| n <= max).ok_or(malformed("a count"))
    }

    fn extra(&mut self) -> Result<Extra, LinkError> {
        let text = self.text(Col::Extra)?;
        if text.is_empty() {
            return Ok(Extra::new());
        }
        match serde_json::from_str(&text) {
            Ok(Json::Object(map)) => Ok(map),
            _ => Err(malformed("unknown fields")),
        }
    }

    fn year(&mut self, base: i64, after: i64) -> Result<Tahun, LinkError> {
        let y = self.num(Col::Years)?.checked_add(after).and_then(|y| y.checked_add(base));
        y.and_then(|y| Tahun::try_from(y).ok()).ok_or(malformed("a year"))
    }

    fn series(&mut self, base: i64, max: usize) -> Result<BTreeMap<Tahun, Nilai>, LinkError> {
        let n = self.count(Col::Years, max)?;
        let (mut out, mut year, mut prev) = (BTreeMap::new(), base - 1, None);
        for _ in 0..n {
            let y = self.year(year + 1, 0)?;
            year = y as i64;
            let (v, p) = self.value(prev)?;
            prev = p;
            let v = v.ok_or(malformed("a missing yearly value"))?;
            if out.insert(y, v).is_some() {
                return Err(malformed("a year twice"));
            }
        }
        Ok(out)
    }

    fn value(&mut self, prev: Option<Number>) -> Result<(Option<Nilai>, Option<Number>), LinkError> {
        let f = self.field(Col::Values)?;
        match f.first() {
            Some(&NONE) if f.len() == 1 => Ok((None, None)),
            Some(&STEP) => {
                let p = prev.ok_or(malformed("a difference with nothing before it"))?;
                let scaled = parse_num(&f[1..])?.checked_add(p.scaled).ok_or(malformed("a number"))?;
                let n = Number { scaled, ..p };
                Ok((Some(Nilai(n.write())), Some(n)))
            }
            _ => {
                let s = unescape(f)?;
                let n = Number::parse(&s);
                Ok((Some(Nilai(s)), n))
            }
        }
    }
}

/// A box's counts of indicators, budget lines and crosscutting agencies.
fn counts(f: &[u8], max: usize) -> Result<[usize; 3], LinkError> {
    let mut out = [0; 3];
    let mut parts = f.split(|&b| b == b'.');
    for (k, part) in parts.by_ref().take(3).enumerate() {
        out[k] = usize::try_from(parse_num(part)?).ok().filter(|&n| n <= max).ok_or(malformed("a count"))?;
    }
    if parts.next().is_some() {
        return Err(malformed("a count"));
    }
    Ok(out)
}

/// A text field as written by [`Writer::text`].
fn unescape(f: &[u8]) -> Result<String, LinkError> {
    let mut out = Vec::with_capacity(f.len());
    let mut bytes = f.iter();
    while let Some(&b) = bytes.next() {
        if b == ESC {
            match bytes.next() {
                Some(&e @ b'0'..=b'3') => out.push(e - b'0'),
                _ => return Err(malformed("an escape")),
            }
        } else if b <= NONE {
            return Err(malformed("a marker inside text"));
        } else {
            out.push(b);
        }
    }
    String::from_utf8(out).map_err(|_| malformed("text that is not UTF-8"))
}

fn parse_num(f: &[u8]) -> Result<i64, LinkError> {
    std::str::from_utf8(f).ok().and_then(|s| s.parse().ok()).ok_or(malformed("a number"))
}

/// Fields taken in order.
struct Cursor<'a> {
    fields: &'a [&'a [u8]],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [&'a [u8]], LinkError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.fields.len()).ok_or(malformed("a column ends early"))?;
        let col = &self.fields[self.at..end];
        self.at = end;
        Ok(col)
    }

    /// A count field, no larger than the payload could hold.
    fn count(&self, f: &[u8]) -> Result<usize, LinkError> {
        usize::try_from(parse_num(f)?).ok().filter(|&n| n <= self.fields.len()).ok_or(malformed("a count"))
    }
}

/// Splits the fields into columns: how many each holds follows from what the
/// columns before it say (counts of boxes, indicators, years…).
fn columns<'a>(fields: &'a [&'a [u8]]) -> Result<Vec<&'a [&'a [u8]]>, LinkError> {
    let mut cols = Vec::with_capacity(COLUMNS);
    let mut c = Cursor { fields, at: 0 };
    let head = c.take(8)?;
    let n = c.count(head[7])?;
    cols.push(head);
    for _ in [Col::Ids, Col::Parents, Col::Levels, Col::Labels, Col::Lanes, Col::Kondisi, Col::Pj] {
        cols.push(c.take(n)?);
    }
    // The document's notes, then each box's.
    cols.push(c.take(n.saturating_add(1))?);
    let per_box = c.take(n)?;
    let (mut ni, mut na, mut nc) = (0usize, 0usize, 0usize);
    for f in per_box {
        let [i, a, k] = counts(f, fields.len())?;
        (ni, na, nc) = (ni.saturating_add(i), na.saturating_add(a), nc.saturating_add(k));
    }
    cols.push(per_box);
    for _ in [Col::IndNama, Col::IndJenis, Col::IndSatuan] {
        cols.push(c.take(ni)?);
    }
    let shapes = c.take(ni)?;
    let (mut baselines, mut baseline_fields) = (0usize, 0usize);
    for shape in shapes {
        match shape.get(2) {
            Some(b'1') => (baselines, baseline_fields) = (baselines + 1, baseline_fields + 1),
            Some(b'2') => (baselines, baseline_fields) = (baselines + 1, baseline_fields + 2),
            _ => {}
        }
    }
    cols.push(shapes);
    cols.push(c.take(baseline_fields)?);
    // Per indicator: target and realisasi (a count, then that many years),
    // quarters (a count, then that many years of four values each).
    let (start, mut values) = (c.at, 0usize);
    for _ in 0..ni {
        for per_year in [1, 1, 4] {
            let field = c.take(1)?[0];
            let k = c.count(field)?;
            c.take(k)?;
            values = values.saturating_add(per_year * k);
        }
    }
    cols.push(&fields[start..c.at]);
    cols.push(c.take(values)?);
    for _ in [Col::IndFormula, Col::IndPenjelasan, Col::IndSumber, Col::IndPj] {
        cols.push(c.take(ni)?);
    }
    cols.push(c.take(na.saturating_mul(4))?);
    cols.push(c.take(nc.saturating_mul(3))?);
    // Unknown fields: of each box, indicator, baseline, budget line and
    // crosscutting agency, then of the document's four parts.
    let extras = [ni, baselines, na, nc, 4].iter().fold(n, |a, &b| a.saturating_add(b));
    cols.push(c.take(extras)?);
    if c.at != fields.len() {
        return Err(malformed("data after the end"));
    }
    Ok(cols)
}

/// Reads a payload made by [`encode`] (after inflating it).
pub fn decode(payload: &[u8]) -> Result<(Document, LinkView), LinkError> {
    let rest = match payload.strip_prefix(&MAGIC[..2]) {
        Some([1, rest @ ..]) => rest,
        Some([v, ..]) if *v > 1 => return Err(LinkError::Newer { version: *v }),
        _ => return Err(LinkError::NotALink),
    };
    // Each field ends with a NUL: the last piece is what follows the last one.
    let mut fields: Vec<&[u8]> = rest.split(|&b| b == 0).collect();
    if fields.pop() != Some(&[][..]) {
        return Err(malformed("the end"));
    }
    let mut r = Reader { cols: columns(&fields)?.into_iter().map(<[_]>::iter).collect() };
    // Every count is bounded by what the payload could hold: one byte per field at least.
    let max = payload.len();

    let mut meta = Meta {
        judul: r.text(Col::Head)?,
        opd: r.text(Col::Head)?,
        wilayah: r.text(Col::Head)?,
        nomor: r.text(Col::Head)?,
        catatan: r.text(Col::Notes)?,
        ..Meta::default()
    };
    let periode = r.text(Col::Head)?;
    if !periode.is_empty() {
        let (a, b) = periode.split_once('-').ok_or(malformed("the plan period"))?;
        let year = |s: &str| s.parse::<Tahun>().map_err(|_| malformed("the plan period"));
        meta.periode = Some(Periode { awal: year(a)?, akhir: year(b)?, extra: Extra::new() });
    }
    let mut at = || -> Result<Option<usize>, LinkError> {
        let f = r.field(Col::Head)?;
        if f.is_empty() {
            Ok(None)
        } else {
            Ok(Some(usize::try_from(parse_num(f)?).map_err(|_| malformed("the view"))?))
        }
    };
    let (selected, focus) = (at()?, at()?);
    let n = r.count(Col::Head, max)?;
    let base = meta.periode.as_ref().map_or(0, |p| p.awal as i64);

    let mut nodes: Vec<Node> = Vec::with_capacity(n);
    let mut parents: Vec<Option<Result<usize, String>>> = Vec::with_capacity(n);
    let (mut prev_id, mut prev_parent) = (String::new(), None::<Option<usize>>);
    let (mut prev_label, mut prev_lane) = (String::new(), String::new());
    for i in 0..n {
        let id = if r.cols[Col::Ids as usize].as_slice().first() == Some(&&[STEP][..]) {
            r.field(Col::Ids)?;
            next_id(&prev_id).ok_or(malformed("an id"))?
        } else {
            r.text(Col::Ids)?
        };
        prev_id.clone_from(&id);
        let p = r.field(Col::Parents)?;
        let parent = match p {
            b"" => prev_parent.ok_or(malformed("a parent"))?.map(Ok),
            b"r" => {
                prev_parent = Some(None);
                None
            }
            [b'=', unknown @ ..] => {
                prev_parent = None;
                Some(Err(unescape(unknown)?))
            }
            _ => {
                let j = (i as i64).checked_sub(parse_num(p)?).ok_or(malformed("a parent"))?;
                let j = usize::try_from(j).ok().filter(|&j| j < n).ok_or(malformed("a parent"))?;
                prev_parent = Some(Some(j));
                Some(Ok(j))
            }
        };
        parents.push(parent);
        let lk = r.field(Col::Levels)?;
        let level = match lk.first() {
            Some(&c @ b'0'..=b'8') => Level::ALL[(c - b'0') as usize],
            _ => return Err(malformed("a level")),
        };
        let kind = match &lk[1..] {
            b"" => Kind::Outcome,
            b"o" => Kind::Output,
            _ => return Err(malformed("a level")),
        };
        let mut node = Node::new(id, None, level);
        node.kind = kind;
        node.level_label = r.repeat(Col::Labels, &mut prev_label)?;
        node.lane = r.repeat(Col::Lanes, &mut prev_lane)?;
        node.kondisi = r.text(Col::Kondisi)?;
        node.penanggung_jawab = r.text(Col::Pj)?;
        node.catatan = r.text(Col::Notes)?;
        let [ni, na, nc] = counts(r.field(Col::Counts)?, max)?;
        node.extra = r.extra()?;
        for _ in 0..ni {
            node.indikator.push(decode_indikator(&mut r, base, max)?);
        }
        for _ in 0..na {
            let tingkat = match r.field(Col::Anggaran)? {
                b"p" => TingkatAnggaran::Program,
                b"k" => TingkatAnggaran::Kegiatan,
                b"s" => TingkatAnggaran::SubKegiatan,
                _ => return Err(malformed("a budget line")),
            };
            let (kode, nama) = (r.text(Col::Anggaran)?, r.text(Col::Anggaran)?);
            let pagu = match r.field(Col::Anggaran)? {
                b"" => None,
                f => Some(std::str::from_utf8(f).ok().and_then(|s| s.parse().ok()).ok_or(malformed("a pagu"))?),
            };
            node.anggaran.push(Anggaran { tingkat, kode, nama, pagu, extra: r.extra()? });
        }
        for _ in 0..nc {
            let (nama, catatan, status) =
                (r.text(Col::Crosscutting)?, r.text(Col::Crosscutting)?, r.text(Col::Crosscutting)?);
            node.crosscutting.push(Crosscutting { nama, catatan, status, extra: r.extra()? });
        }
        nodes.push(node);
    }
    meta.extra = r.extra()?;
    let periode_extra = r.extra()?;
    if let Some(p) = &mut meta.periode {
        p.extra = periode_extra;
    }
    let mut doc = Document { meta, extra: r.extra()?, file_extra: r.extra()?, ..Document::default() };
    if r.cols.iter().any(|c| c.len() > 0) {
        return Err(malformed("fields left over"));
    }
    let ids: Vec<NodeId> = nodes.iter().map(|n| n.id.clone()).collect();
    for (mut node, parent) in nodes.into_iter().zip(parents) {
        node.parent = parent.map(|p| p.map_or_else(|unknown| unknown, |j| ids[j].clone()));
        if doc.nodes.insert(node.id.clone(), Box::new(node)).is_some() {
            return Err(malformed("an id twice"));
        }
    }
    let pick = |i: Option<usize>| i.and_then(|i| ids.get(i).cloned());
    Ok((doc, LinkView { selected: pick(selected), focus: pick(focus) }))
}

fn decode_indikator(r: &mut Reader, base: i64, max: usize) -> Result<Indikator, LinkError> {
    let nama = r.text(Col::IndNama)?;
    let jenis = match r.field(Col::IndJenis)? {
        b"" => JenisIndikator::Ik,
        b"*" => JenisIndikator::Iku,
        [b'=', custom @ ..] => JenisIndikator::Custom(unescape(custom)?),
        _ => return Err(malformed("an indicator kind")),
    };
    let satuan = r.text(Col::IndSatuan)?;
    let [polaritas, aturan, baseline] = r.field(Col::IndShape)? else {
        return Err(malformed("an indicator's shape"));
    };
    let polaritas = match polaritas {
        b'0' => Polaritas::HigherIsBetter,
        b'1' => Polaritas::LowerIsBetter,
        b'2' => Polaritas::Range,
        _ => return Err(malformed("a polarity")),
    };
    let aturan_triwulan = match aturan {
        b'0' => AturanTriwulan::Cumulative,
        b'1' => AturanTriwulan::LastValue,
        _ => return Err(malformed("a quarterly rule")),
    };
    let baseline = match baseline {
        b'0' => None,
        b'1' | b'2' => {
            let nilai = Nilai(r.text(Col::Baseline)?);
            let tahun = if *baseline == b'2' {
                Some(Tahun::try_from(r.num(Col::Baseline)?).map_err(|_| malformed("a baseline year"))?)
            } else {
                None
            };
            Some(Baseline { nilai, tahun, extra: r.extra()? })
        }
        _ => return Err(malformed("a baseline")),
    };
    let target = r.series(base, max)?;
    let realisasi = r.series(base, max)?;
    let mut realisasi_triwulan = BTreeMap::new();
    for _ in 0..r.count(Col::Years, max)? {
        let y = r.year(base, 0)?;
        let mut quarters: [Option<Nilai>; 4] = Default::default();
        let mut prev = None;
        for q in &mut quarters {
            let (v, p) = r.value(prev)?;
            (*q, prev) = (v, p);
        }
        if realisasi_triwulan.insert(y, quarters).is_some() {
            return Err(malformed("a year twice"));
        }
    }
    Ok(Indikator {
        nama,
        jenis,
        satuan,
        polaritas,
        baseline,
        target,
        realisasi,
        realisasi_triwulan,
        aturan_triwulan,
        formula: r.text(Col::IndFormula)?,
        penjelasan: r.text(Col::IndPenjelasan)?,
        sumber_data: r.text(Col::IndSumber)?,
        penanggung_jawab: r.text(Col::IndPj)?,
        extra: r.extra()?,
    })
}
