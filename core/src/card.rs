//! What a card shows and how big it is, from a node and the fonts' widths.

use super::model::{Level, Node, Tahun, TingkatAnggaran};
use super::text::{wrap, CharWidths};

pub const CARD_W: f64 = 260.0;
pub const PAD: f64 = 10.0;
pub const BAND_H: f64 = 22.0;
pub const KONDISI_LINE_H: f64 = 19.0;
pub const DETAIL_LINE_H: f64 = 16.0;
/// Space between the statement and the detail lines.
pub const DETAIL_GAP: f64 = 6.0;
/// Indicators drawn on a card; the rest are counted ("+2 indikator").
pub const MAX_INDIKATOR: usize = 3;

/// Widths of the two card fonts (see `style/main.css`: `.kondisi`, `.detail`).
#[derive(Clone, Debug, PartialEq)]
pub struct CardFonts {
    pub kondisi: CharWidths,
    pub detail: CharWidths,
}

impl CardFonts {
    pub const KONDISI_PX: f64 = 15.0;
    pub const DETAIL_PX: f64 = 12.5;

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
}

/// A card's content, already wrapped into lines, and its height.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub kondisi: Vec<String>,
    pub detail: Vec<DetailLine>,
    pub w: f64,
    pub h: f64,
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
        let inner = CARD_W - 2.0 * PAD;
        let kondisi = wrap(if node.kondisi.trim().is_empty() { "…" } else { &node.kondisi }, inner, &fonts.kondisi);
        let mut detail = Vec::new();
        if opts.details {
            let mut push = |kind, text: &str| {
                detail.extend(wrap(text, inner, &fonts.detail).into_iter().map(|text| DetailLine { kind, text }));
            };
            for ind in node.indikator.iter().take(MAX_INDIKATOR) {
                let mut s = format!("{}: {}", ind.jenis.label(), if ind.nama.is_empty() { "…" } else { &ind.nama });
                if !ind.satuan.is_empty() {
                    s.push_str(&format!(" ({})", ind.satuan));
                }
                if let Some((y, t)) = opts.year.and_then(|y| ind.target.get(&y).map(|t| (y, t))) {
                    s.push_str(&format!(" · T{y}: {t}"));
                }
                push(DetailKind::Indikator, &s);
            }
            if node.indikator.len() > MAX_INDIKATOR {
                push(DetailKind::Indikator, &format!("+{} indikator", node.indikator.len() - MAX_INDIKATOR));
            }
            if !node.penanggung_jawab.is_empty() {
                push(DetailKind::PenanggungJawab, &format!("PJ: {}", node.penanggung_jawab));
            }
            if node.level >= Level::SasaranProgram || !node.anggaran.is_empty() {
                for a in &node.anggaran {
                    let tingkat = match a.tingkat {
                        TingkatAnggaran::Program => "Program",
                        TingkatAnggaran::Kegiatan => "Kegiatan",
                        TingkatAnggaran::SubKegiatan => "Sub Kegiatan",
                    };
                    let what = if a.kode.is_empty() { a.nama.as_str() } else { a.kode.as_str() };
                    push(DetailKind::Anggaran, &format!("{tingkat}: {what}"));
                }
            }
            if !node.crosscutting.is_empty() {
                let names: Vec<&str> = node.crosscutting.iter().map(|c| c.nama.as_str()).collect();
                push(DetailKind::Crosscutting, &format!("Crosscutting: {}", names.join(", ")));
            }
        }
        let h = BAND_H
            + PAD
            + kondisi.len() as f64 * KONDISI_LINE_H
            + if detail.is_empty() { 0.0 } else { DETAIL_GAP + detail.len() as f64 * DETAIL_LINE_H }
            + PAD;
        Card { kondisi, detail, w: CARD_W, h }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample;

    #[test]
    fn cards_show_targets_of_the_year_and_fit_their_text() {
        let doc = sample().unwrap();
        let fonts = CardFonts::approx();
        let node = &doc.nodes["ss-1"];
        let card = Card::of(node, &fonts, CardOptions { details: true, year: Some(2025) });
        let text: Vec<&str> = card.detail.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text.join(" "), "IKU: Persentase PMKS yang tertangani (%) · T2025: 85");
        for line in
            card.kondisi.iter().map(|s| (s, &fonts.kondisi)).chain(card.detail.iter().map(|l| (&l.text, &fonts.detail)))
        {
            assert!(line.1.width(line.0) <= CARD_W - 2.0 * PAD, "{line:?}");
        }
        assert!(card.detail_y(card.detail.len() - 1) < card.h - PAD);
        let bare = Card::of(node, &fonts, CardOptions { details: false, year: Some(2025) });
        assert!(bare.detail.is_empty() && bare.h < card.h);
    }

    #[test]
    fn crosscutting_and_penanggung_jawab_are_on_the_card() {
        let doc = sample().unwrap();
        let card = Card::of(&doc.nodes["sp-3"], &CardFonts::approx(), CardOptions { details: true, year: None });
        assert!(card
            .detail
            .iter()
            .any(|l| l.kind == DetailKind::Crosscutting && l.text == "Crosscutting: DISDUKCAPIL, BPS"));
        let card = Card::of(&doc.nodes["sp-1"], &CardFonts::approx(), CardOptions { details: true, year: None });
        assert!(card.detail.iter().any(|l| l.kind == DetailKind::PenanggungJawab));
    }
}
