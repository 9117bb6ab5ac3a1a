//! What a card shows and how big it is, from a node and the fonts' widths.

use super::model::{Level, Node, Tahun, TingkatAnggaran};
use super::picture::escape;
use super::text::{ellipsize, line_count, wrap, CharWidths};
use super::tidy::Size;
use std::fmt::Write;

pub const CARD_W: f64 = 260.0;
pub const PAD: f64 = 10.0;
pub const BAND_H: f64 = 22.0;
pub const KONDISI_LINE_H: f64 = 19.0;
pub const DETAIL_LINE_H: f64 = 16.0;
/// Space between the statement and the detail lines.
pub const DETAIL_GAP: f64 = 6.0;
/// Indicators drawn on a card; the rest are counted ("+2 indikator").
pub const MAX_INDIKATOR: usize = 3;

/// Widths of the two card fonts (see `style/main.css`: `.kondisi`, `.detail`;
/// `.band-label` is the kondisi font at `BAND_PX`).
#[derive(Clone, Debug, PartialEq)]
pub struct CardFonts {
    pub kondisi: CharWidths,
    pub detail: CharWidths,
}

impl CardFonts {
    pub const KONDISI_PX: f64 = 15.0;
    pub const DETAIL_PX: f64 = 12.5;
    /// The level band's label: the kondisi's weight, smaller.
    pub const BAND_PX: f64 = 12.0;

    pub fn approx() -> CardFonts {
        CardFonts {
            kondisi: CharWidths::approx(Self::KONDISI_PX, true),
            detail: CharWidths::approx(Self::DETAIL_PX, false),
        }
    }
}

/// What to draw on cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardOptions {
    /// Statements only (for meetings) when false.
    pub details: bool,
    /// The year whose target is shown.
    pub year: Option<Tahun>,
    /// Detail lines in English ("Activity:", "Target 2026"), else Indonesian.
    pub english: bool,
}

/// A card's content, already wrapped into lines, and its height.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Empty when the node has no statement yet: the card then says so
    /// (in the UI's language) on one line.
    pub kondisi: Vec<String>,
    pub detail: Vec<DetailLine>,
    pub w: f64,
    pub h: f64,
}

/// A line of text on a card (see [`Card::lines`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// Where the statement goes when there is none (the caller's words).
    Empty,
    Kondisi(&'a str),
    Detail(DetailKind, &'a str),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailLine {
    pub kind: DetailKind,
    pub text: String,
}

/// Which part of the node a detail line comes from (styled differently).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailKind {
    Indikator,
    PenanggungJawab,
    Anggaran,
    Crosscutting,
}

impl Card {
    pub fn of(node: &Node, fonts: &CardFonts, opts: CardOptions) -> Card {
        let (mut kondisi, mut detail) = (Vec::new(), Vec::new());
        texts(node, opts, |kind, text| match kind {
            None if text.trim().is_empty() => {}
            None => kondisi = wrap(text, INNER_W, &fonts.kondisi),
            Some(kind) => {
                detail.extend(wrap(text, INNER_W, &fonts.detail).into_iter().map(|text| DetailLine { kind, text }))
            }
        });
        let h = height(kondisi.len().max(1), detail.len());
        Card { kondisi, detail, w: CARD_W, h }
    }

    /// The size of `Card::of(node, fonts, opts)`, without making its lines.
    pub fn size(node: &Node, fonts: &CardFonts, opts: CardOptions) -> Size {
        let (mut kondisi, mut detail) = (0, 0);
        texts(node, opts, |kind, text| match kind {
            None => kondisi = line_count(text, INNER_W, &fonts.kondisi).max(1),
            Some(_) => detail += line_count(text, INNER_W, &fonts.detail),
        });
        Size { w: CARD_W, h: height(kondisi, detail) }
    }

    /// The level band's text (level, lane) on one line, cut with "…" where
    /// it would run past the card (measured as the kondisi font, scaled).
    pub fn band_label(text: &str, fonts: &CardFonts) -> String {
        Card::band_label_within(text, fonts, INNER_W)
    }

    /// [`Card::band_label`] in `width` (room left beside a badge).
    pub fn band_label_within(text: &str, fonts: &CardFonts, width: f64) -> String {
        ellipsize(text, width * CardFonts::KONDISI_PX / CardFonts::BAND_PX, &fonts.kondisi)
    }

    /// The card's fixed drawing as SVG markup, classed for `style/main.css`:
    /// its box, band, statement lines (or `empty`, in italics, when it has
    /// none) and detail lines, all text escaped. The app sets it in one
    /// piece (`innerHTML`): one parse, not a DOM call per element.
    pub fn markup(&self, empty: &str) -> String {
        let mut out = String::with_capacity(256 + 96 * (self.kondisi.len() + self.detail.len()));
        let (w, h) = (self.w, self.h);
        let _ = write!(out, r#"<rect class="card-bg" width="{w}" height="{h}" rx="6"/>"#);
        let _ = write!(out, r#"<path class="band" d="{}"/>"#, Card::band_path(w));
        for (line, y) in self.lines() {
            let (class, text) = match line {
                Line::Empty => ("kondisi empty", empty),
                Line::Kondisi(text) => ("kondisi", text),
                Line::Detail(DetailKind::Indikator, text) => ("detail", text),
                Line::Detail(DetailKind::PenanggungJawab, text) => ("detail pj", text),
                Line::Detail(DetailKind::Anggaran, text) => ("detail anggaran", text),
                Line::Detail(DetailKind::Crosscutting, text) => ("detail cc", text),
            };
            let _ = write!(out, r#"<text class="{class}" x="{PAD}" y="{y}">{}</text>"#, escape(text));
        }
        out
    }

    /// The level band's outline (rounded top corners) on a card `w` wide.
    pub fn band_path(w: f64) -> String {
        format!("M0 6a6 6 0 0 1 6-6h{}a6 6 0 0 1 6 6v{BAND_H}h-{w}z", w - 12.0)
    }

    /// Every line of text with its baseline y from the card's top, in
    /// drawing order: the statement (its placeholder when it has none),
    /// then the detail lines.
    pub fn lines(&self) -> impl Iterator<Item = (Line<'_>, f64)> {
        let empty = self.kondisi.is_empty().then_some((Line::Empty, Card::kondisi_y(0)));
        let kondisi = self.kondisi.iter().enumerate().map(|(i, t)| (Line::Kondisi(t), Card::kondisi_y(i)));
        let detail = self.detail.iter().enumerate().map(|(i, l)| (Line::Detail(l.kind, &l.text), self.detail_y(i)));
        empty.into_iter().chain(kondisi).chain(detail)
    }

    /// Baseline y of kondisi line `i`, from the card's top.
    pub fn kondisi_y(i: usize) -> f64 {
        BAND_H + PAD + (i as f64 + 0.78) * KONDISI_LINE_H
    }

    /// Baseline y of detail line `i`, from the card's top.
    pub fn detail_y(&self, i: usize) -> f64 {
        BAND_H + PAD + self.kondisi.len() as f64 * KONDISI_LINE_H + DETAIL_GAP + (i as f64 + 0.78) * DETAIL_LINE_H
    }
}

/// Width of the text on a card.
pub const INNER_W: f64 = CARD_W - 2.0 * PAD;

fn height(kondisi_lines: usize, detail_lines: usize) -> f64 {
    let detail = if detail_lines == 0 { 0.0 } else { DETAIL_GAP + detail_lines as f64 * DETAIL_LINE_H };
    BAND_H + PAD + kondisi_lines as f64 * KONDISI_LINE_H + detail + PAD
}

/// Calls `text` with each text of the card, unwrapped, in drawing order: the
/// kondisi (kind `None`), then the detail texts when `opts` asks for them.
fn texts(node: &Node, opts: CardOptions, mut text: impl FnMut(Option<DetailKind>, &str)) {
    text(None, &node.kondisi);
    if !opts.details {
        return;
    }
    // One buffer for every detail text: sizing 100k cards allocates little.
    let mut s = String::new();
    for ind in node.indikator.iter().take(MAX_INDIKATOR) {
        s.clear();
        let _ = write!(s, "{}: {}", ind.jenis.label(), if ind.nama.is_empty() { "…" } else { &ind.nama });
        if !ind.satuan.is_empty() {
            let _ = write!(s, " ({})", ind.satuan);
        }
        if let Some((y, t)) = opts.year.and_then(|y| ind.target.get(&y).map(|t| (y, t))) {
            let _ = write!(s, " · {}{y}: {t}", if opts.english { "Target " } else { "T" });
        }
        text(Some(DetailKind::Indikator), &s);
    }
    if node.indikator.len() > MAX_INDIKATOR {
        s.clear();
        let more = node.indikator.len() - MAX_INDIKATOR;
        let _ = write!(s, "+{more} {}", if opts.english { "more indicators" } else { "indikator" });
        text(Some(DetailKind::Indikator), &s);
    }
    if !node.penanggung_jawab.is_empty() {
        s.clear();
        let _ = write!(s, "{}: {}", if opts.english { "In charge" } else { "PJ" }, node.penanggung_jawab);
        text(Some(DetailKind::PenanggungJawab), &s);
    }
    if node.level >= Level::SasaranProgram || !node.anggaran.is_empty() {
        for a in &node.anggaran {
            let tingkat = match (a.tingkat, opts.english) {
                (TingkatAnggaran::Program, _) => "Program",
                (TingkatAnggaran::Kegiatan, false) => "Kegiatan",
                (TingkatAnggaran::Kegiatan, true) => "Activity",
                (TingkatAnggaran::SubKegiatan, false) => "Sub Kegiatan",
                (TingkatAnggaran::SubKegiatan, true) => "Sub-activity",
            };
            let what = if a.kode.is_empty() { a.nama.as_str() } else { a.kode.as_str() };
            s.clear();
            let _ = write!(s, "{tingkat}: {what}");
            text(Some(DetailKind::Anggaran), &s);
        }
    }
    if !node.crosscutting.is_empty() {
        s.clear();
        s.push_str("Crosscutting: ");
        for (i, c) in node.crosscutting.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&c.nama);
        }
        text(Some(DetailKind::Crosscutting), &s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample;

    #[test]
    fn cards_show_targets_of_the_year_and_fit_their_text() {
        let doc = sample().unwrap();
        let fonts = CardFonts::approx();
        let node = &doc.nodes["ss-1"];
        let card = Card::of(node, &fonts, CardOptions { details: true, year: Some(2025), english: false });
        let text: Vec<&str> = card.detail.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text.join(" "), "IKU: Persentase PMKS yang tertangani (%) · T2025: 85");
        for line in
            card.kondisi.iter().map(|s| (s, &fonts.kondisi)).chain(card.detail.iter().map(|l| (&l.text, &fonts.detail)))
        {
            assert!(line.1.width(line.0) <= CARD_W - 2.0 * PAD, "{line:?}");
        }
        assert!(card.detail_y(card.detail.len() - 1) < card.h - PAD);
        let bare = Card::of(node, &fonts, CardOptions { details: false, year: Some(2025), english: false });
        assert!(bare.detail.is_empty() && bare.h < card.h);
        let english = Card::of(node, &fonts, CardOptions { details: true, year: Some(2025), english: true });
        let text: Vec<&str> = english.detail.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text.join(" "), "IKU: Persentase PMKS yang tertangani (%) · Target 2025: 85");
    }

    #[test]
    fn a_card_without_a_statement_keeps_one_line_for_saying_so() {
        let fonts = CardFonts::approx();
        let mut node = sample().unwrap().nodes["ss-1"].clone();
        let opts = CardOptions { details: false, year: None, english: false };
        node.kondisi = "Pendek".into();
        let one = Card::of(&node, &fonts, opts);
        node.kondisi = "  ".into();
        let empty = Card::of(&node, &fonts, opts);
        assert!(empty.kondisi.is_empty());
        assert_eq!((empty.h, Card::size(&node, &fonts, opts).h), (one.h, one.h));
    }

    #[test]
    fn markup_draws_every_line_with_its_text_escaped() {
        let fonts = CardFonts::approx();
        let mut node = sample().unwrap().nodes["sp-3"].clone();
        node.kondisi = "Naik <5%> & \"turun\"".into();
        let card = Card::of(&node, &fonts, CardOptions { details: true, year: None, english: false });
        let svg = card.markup("kosong");
        assert!(svg.contains(r#">Naik &lt;5%&gt; &amp; &quot;turun&quot;</text>"#), "{svg}");
        assert!(!svg.contains("kosong"));
        assert_eq!(svg.matches("<text").count(), card.kondisi.len() + card.detail.len());
        assert!(svg.contains(r#"<text class="detail cc""#));
        node.kondisi = " ".into();
        let empty =
            Card::of(&node, &fonts, CardOptions { details: false, year: None, english: false }).markup("<kosong>");
        assert!(empty.contains(r#"<text class="kondisi empty" x="10" y="#) && empty.contains(">&lt;kosong&gt;</text>"));
        assert_eq!(empty.matches("<text").count(), 1);
    }

    #[test]
    fn band_labels_fit_the_card() {
        let fonts = CardFonts::approx();
        assert_eq!(Card::band_label("Sasaran Program", &fonts), "Sasaran Program");
        let long = "Sasaran Sub Kegiatan · Bidang Rutin · Sekretariat Dinas Sosial";
        let cut = Card::band_label(long, &fonts);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert!(fonts.kondisi.width(&cut) * CardFonts::BAND_PX / CardFonts::KONDISI_PX <= INNER_W);
    }

    #[test]
    fn size_is_the_size_of_the_card() {
        let fonts = CardFonts::approx();
        for doc in [sample().unwrap(), crate::synth::document(2000, 9)] {
            for node in doc.nodes.values() {
                for (details, english) in [(true, false), (false, false), (true, true)] {
                    for year in [None, Some(2025), Some(2026)] {
                        let opts = CardOptions { details, year, english };
                        let card = Card::of(node, &fonts, opts);
                        assert_eq!(Card::size(node, &fonts, opts), Size { w: card.w, h: card.h }, "{}", node.id);
                    }
                }
            }
        }
    }

    #[test]
    fn crosscutting_and_penanggung_jawab_are_on_the_card() {
        let doc = sample().unwrap();
        let card = Card::of(
            &doc.nodes["sp-3"],
            &CardFonts::approx(),
            CardOptions { details: true, year: None, english: false },
        );
        assert!(card
            .detail
            .iter()
            .any(|l| l.kind == DetailKind::Crosscutting && l.text == "Crosscutting: DISDUKCAPIL, BPS"));
        let card = Card::of(
            &doc.nodes["sp-1"],
            &CardFonts::approx(),
            CardOptions { details: true, year: None, english: false },
        );
        assert!(card.detail.iter().any(|l| l.kind == DetailKind::PenanggungJawab));
    }
}
