//! Card sizes and a layered top-down tree layout.
//!
//! Every card has the same width, so placing leaves left to right and
//! centring each parent over its children can never overlap: subtrees occupy
//! disjoint column ranges. Rows are as tall as their tallest card. All walks
//! are iterative, so depth is bounded only by [`super::tree::MAX_DEPTH`].

use super::model::{Document, Node};
use super::tree::Tree;

pub const CARD_W: f64 = 260.0;
pub const PAD: f64 = 10.0;
pub const BAND_H: f64 = 22.0;
pub const KONDISI_LINE_H: f64 = 19.0;
pub const DETAIL_LINE_H: f64 = 16.0;
pub const GAP_X: f64 = 24.0;
pub const GAP_Y: f64 = 48.0;
/// Wrapping widths in characters, measured against the widest common glyphs of
/// the UI font at 15 px (kondisi) and 12.5 px (details) so text never spills.
pub const KONDISI_CHARS: usize = 26;
pub const DETAIL_CHARS: usize = 34;
/// Indicators shown on a card; the rest are counted ("+2 indikator").
pub const MAX_INDIKATOR: usize = 3;

/// What a card shows, already wrapped into lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub kondisi: Vec<String>,
    /// Indicator lines, each starting with "IK"/"IKU".
    pub detail: Vec<String>,
    pub h: f64,
}

impl Card {
    pub fn of(node: &Node) -> Card {
        let kondisi = wrap(if node.kondisi.trim().is_empty() { "…" } else { &node.kondisi }, KONDISI_CHARS);
        let mut detail = Vec::new();
        for ind in node.indikator.iter().take(MAX_INDIKATOR) {
            let unit = if ind.satuan.is_empty() { String::new() } else { format!(" ({})", ind.satuan) };
            detail.extend(wrap(&format!("{}: {}{}", ind.jenis.label(), ind.nama, unit), DETAIL_CHARS));
        }
        if node.indikator.len() > MAX_INDIKATOR {
            detail.push(format!("+{} …", node.indikator.len() - MAX_INDIKATOR));
        }
        let h = BAND_H
            + PAD
            + kondisi.len() as f64 * KONDISI_LINE_H
            + if detail.is_empty() { 0.0 } else { 6.0 + detail.len() as f64 * DETAIL_LINE_H }
            + PAD;
        Card { kondisi, detail, h }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// One per node, indexed like the tree.
    pub cards: Vec<Card>,
    pub rects: Vec<Rect>,
    pub width: f64,
    pub height: f64,
}

pub fn layout(doc: &Document, tree: &Tree) -> Layout {
    let n = tree.len();
    let cards: Vec<Card> = doc.nodes.values().map(Card::of).collect();

    let depth_count = tree.depth.iter().max().map_or(0, |d| *d as usize + 1);
    let mut row_h = vec![0.0f64; depth_count];
    for (i, c) in cards.iter().enumerate() {
        let d = tree.depth[i] as usize;
        row_h[d] = row_h[d].max(c.h);
    }
    let mut row_y = vec![0.0; depth_count];
    for d in 1..depth_count {
        row_y[d] = row_y[d - 1] + row_h[d - 1] + GAP_Y;
    }

    // Post-order: children are placed before their parent.
    let mut x = vec![0.0; n];
    let mut next_leaf = 0.0;
    let order = tree.preorder();
    for &i in order.iter().rev() {
        let kids = &tree.children[i];
        x[i] = match (kids.first(), kids.last()) {
            (Some(&a), Some(&b)) => (x[a] + x[b]) / 2.0,
            _ => {
                let here = next_leaf;
                next_leaf += CARD_W + GAP_X;
                here
            }
        };
    }
    // Leaves were placed right to left (reverse pre-order); mirror to restore order.
    let width = (next_leaf - GAP_X).max(CARD_W);
    let rects = (0..n)
        .map(|i| Rect { x: width - CARD_W - x[i], y: row_y[tree.depth[i] as usize], w: CARD_W, h: cards[i].h })
        .collect();
    let height = row_y.last().copied().unwrap_or(0.0) + row_h.last().copied().unwrap_or(0.0);
    Layout { cards, rects, width, height }
}

/// Greedy word wrap at `max` characters; words longer than a line are split.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            lines.push(word.drain(..max).collect());
        }
        let wl = word.len();
        if len > 0 && len + 1 + wl > max {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.extend(word);
        len += wl;
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_keeps_words() {
        let text = "Meningkatnya Pemberdayaan Potensi dan Sumber Kesejahteraan Sosial (PSKS) dalam penyelenggaraan kesejahteraan sosial";
        let lines = wrap(text, 26);
        assert!(lines.iter().all(|l| l.chars().count() <= 26), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("", 10), vec![String::new()]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }
}
