//! The tree as a self-contained SVG picture: every style written on the
//! element (no stylesheet), fonts named with fallbacks, all text escaped, so
//! it opens the same in a browser, Inkscape or a word processor. The whole
//! tree, the part in view, or one branch; never clipped.

use std::fmt::Write;

use super::card::{Card, CardFonts, CardOptions, DetailKind, Line, BAND_H, PAD};
use super::layout::{Layout, Rect};
use super::model::{Document, Level, Node};
use super::outline::is_ancestor_or_self;
use super::tree::Tree;

/// The fonts of `style/main.css`, for whoever opens the file.
pub const FONTS: &str = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
/// Space around the cards, in layout units.
const MARGIN: f64 = 16.0;

/// What part of the tree to draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Region {
    Whole,
    /// What is in this rectangle (layout units): the part in view.
    Visible(Rect),
    /// Node `i` (tree index) and the shown boxes below it.
    Branch(usize),
}

/// An SVG document and its size in CSS pixels (at 1×).
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub svg: String,
    pub width: f64,
    pub height: f64,
    /// The drawing's extent in layout units (its viewBox).
    pub view: Rect,
    /// Where the drawing starts and ends inside `svg` (after the root's
    /// opening tag, before its closing one): shown again through another
    /// frame by [`Picture::framed`].
    body: std::ops::Range<usize>,
}

impl Picture {
    /// The drawing as an SVG element showing `view` (layout units) scaled to
    /// fill its box, from its top-left corner: a printed page or a tile.
    pub fn framed(&self, view: Rect) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" width="100%" height="100%" preserveAspectRatio="xMinYMin meet" font-family="{FONTS}">{}</svg>"#,
            num(view.x),
            num(view.y),
            num(view.w),
            num(view.h),
            &self.svg[self.body.clone()]
        )
    }
}

/// Paper a tree is printed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
    /// Folio (215 × 330 mm), common in Indonesian offices.
    F4,
}

impl Paper {
    pub const ALL: [Paper; 3] = [Paper::A4, Paper::A3, Paper::F4];

    /// Width and height in millimetres, portrait.
    pub fn mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
            Paper::F4 => (215.0, 330.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::F4 => "F4",
        }
    }
}

/// Margin around a printed page, and the header and footer bands (mm).
pub const PAGE_MARGIN_MM: f64 = 10.0;
pub const PAGE_HEADER_MM: f64 = 14.0;
pub const PAGE_FOOTER_MM: f64 = 7.0;
/// CSS pixels per millimetre (96 per inch).
pub const PX_PER_MM: f64 = 96.0 / 25.4;

/// A page: its paper and orientation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub paper: Paper,
    pub landscape: bool,
}

impl Page {
    /// Width and height in millimetres.
    pub fn mm(self) -> (f64, f64) {
        let (w, h) = self.paper.mm();
        if self.landscape {
            (h, w)
        } else {
            (w, h)
        }
    }

    /// The room for the tree on a page (mm): less margins, header, footer.
    pub fn content_mm(self) -> (f64, f64) {
        let (w, h) = self.mm();
        (w - 2.0 * PAGE_MARGIN_MM, h - 2.0 * PAGE_MARGIN_MM - PAGE_HEADER_MM - PAGE_FOOTER_MM)
    }

    /// The printed size of `view` (layout units, 1 unit = 1 CSS px) when
    /// `cols` × `rows` pages share it: 1.0 is the size on screen at 100 %.
    pub fn scale(self, view: Rect, cols: usize, rows: usize) -> f64 {
        let (w, h) = self.content_mm();
        let per_page = |size: f64, n: usize| size * n.max(1) as f64;
        (per_page(w, cols) * PX_PER_MM / view.w.max(1.0)).min(per_page(h, rows) * PX_PER_MM / view.h.max(1.0))
    }
}

/// `view` cut into at most `cols` × `rows` tiles of one page each, row by
/// row; each tile has the page's proportions, so all print at one scale.
/// Pages that would stay empty (the drawing's proportions differ from the
/// grid's) are left out; `(cols, rows)` says the grid actually used.
pub fn tiles(view: Rect, page: Page, cols: usize, rows: usize) -> (Vec<Rect>, (usize, usize)) {
    let (cols, rows) = (cols.max(1), rows.max(1));
    let k = page.scale(view, cols, rows);
    let (w, h) = page.content_mm();
    let (tw, th) = (w * PX_PER_MM / k, h * PX_PER_MM / k);
    // Tiles needed, allowing for rounding at the last edge.
    let used = |size: f64, tile: f64, n: usize| (((size / tile) - 1e-9).ceil().max(1.0) as usize).min(n);
    let (cols, rows) = (used(view.w, tw, cols), used(view.h, th, rows));
    let tiles = (0..rows)
        .flat_map(|r| {
            (0..cols).map(move |c| Rect { x: view.x + c as f64 * tw, y: view.y + r as f64 * th, w: tw, h: th })
        })
        .collect();
    (tiles, (cols, rows))
}

/// How a card is labelled, in the UI's language.
pub struct Labels<'a> {
    /// The level band's text of a node (level name, lane).
    pub band: &'a dyn Fn(&Node) -> String,
    /// What a card without a statement says.
    pub empty: &'a str,
}

/// The band colours of `style/main.css` (`.lvl-* .band`).
pub fn level_colour(level: Level) -> &'static str {
    match level {
        Level::VisiMisi => "#4a2c6f",
        Level::TujuanDaerah => "#6b2d5c",
        Level::SasaranDaerah => "#8c3b3b",
        Level::TujuanPd => "#1d4e89",
        Level::SasaranStrategis => "#1f6f8b",
        Level::SasaranProgram => "#2a7f62",
        Level::SasaranKegiatan => "#5f7d1f",
        Level::SasaranSubKegiatan => "#8a6d1a",
        Level::Custom => "#5b6675",
    }
}

/// Draws `region` of the laid-out tree. `layout` and `tree` are those of
/// `doc`, cards sized with `fonts` and `opts`.
pub fn svg(
    doc: &Document,
    tree: &Tree,
    layout: &Layout,
    fonts: &CardFonts,
    opts: CardOptions,
    labels: &Labels,
    region: Region,
) -> Picture {
    let shown = |i: usize| layout.rects.get(i).copied().flatten();
    let nodes: Vec<usize> = match region {
        Region::Whole => layout.shown.clone(),
        Region::Visible(r) => {
            layout.shown.iter().copied().filter(|&i| shown(i).is_some_and(|c| c.overlaps(&r))).collect()
        }
        Region::Branch(b) => {
            layout.shown.iter().copied().filter(|&i| b < tree.len() && is_ancestor_or_self(tree, b, i)).collect()
        }
    };
    let bounds = match region {
        Region::Visible(r) => r,
        _ => nodes.iter().filter_map(|&i| shown(i)).reduce(union).unwrap_or_default(),
    };
    let view =
        Rect { x: bounds.x - MARGIN, y: bounds.y - MARGIN, w: bounds.w + 2.0 * MARGIN, h: bounds.h + 2.0 * MARGIN };
    let (width, height) = (view.w.max(1.0).ceil(), view.h.max(1.0).ceil());

    let mut out = String::with_capacity(600 * nodes.len() + 1024);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="{} {} {width} {height}" font-family="{FONTS}">"#,
        num(view.x),
        num(view.y),
    );
    let start = out.len();
    let _ = write!(out, "<title>{}</title>", escape(&doc.meta.judul));
    let _ = write!(
        out,
        r##"<rect x="{}" y="{}" width="{width}" height="{height}" fill="#ffffff"/>"##,
        num(view.x),
        num(view.y)
    );
    // Connectors between drawn boxes (in view: all, the picture clips them).
    let mut drawn = vec![matches!(region, Region::Whole | Region::Visible(_)); layout.rects.len()];
    for &i in &nodes {
        drawn[i] = true;
    }
    let inside = |i: usize| drawn.get(i).copied().unwrap_or(false);
    let mut d = String::new();
    for e in layout.edges.iter().filter(|e| inside(e.parent) && inside(e.child)) {
        for (k, (x, y)) in e.points.iter().enumerate() {
            let _ = write!(d, "{}{} {}", if k == 0 { 'M' } else { 'L' }, num(*x), num(*y));
        }
    }
    if !d.is_empty() {
        let _ = write!(out, r##"<path d="{d}" fill="none" stroke="#8a96a8" stroke-width="1.6"/>"##);
    }
    for &i in &nodes {
        let (Some(r), Some((_, node))) = (shown(i), doc.nodes.get_index(i)) else { continue };
        card(&mut out, node, r, fonts, opts, labels);
    }
    let end = out.len();
    out.push_str("</svg>\n");
    Picture { svg: out, width, height, view: Rect { w: width, h: height, ..view }, body: start..end }
}

fn card(out: &mut String, node: &Node, r: Rect, fonts: &CardFonts, opts: CardOptions, labels: &Labels) {
    let c = Card::of(node, fonts, opts);
    let (fill, dash) = if !node.lane.is_empty() {
        ("#f7f7f2", r#" stroke-dasharray="6 4""#)
    } else if !node.crosscutting.is_empty() {
        ("#fff8e6", "")
    } else {
        ("#ffffff", "")
    };
    let _ = write!(out, r#"<g transform="translate({} {})">"#, num(r.x), num(r.y));
    let _ = write!(
        out,
        r##"<rect width="{}" height="{}" rx="6" fill="{fill}" stroke="#b7c0cc" stroke-width="1.2"{dash}/>"##,
        num(c.w),
        num(c.h)
    );
    let _ = write!(out, r#"<path d="{}" fill="{}"/>"#, Card::band_path(c.w), level_colour(node.level));
    let band = Card::band_label(&(labels.band)(node), fonts);
    let _ = write!(
        out,
        r##"<text x="{PAD}" y="{}" font-size="12" font-weight="600" fill="#ffffff">{}</text>"##,
        num(BAND_H - 7.0),
        escape(&band)
    );
    for (line, y) in c.lines() {
        let (style, text) = match line {
            Line::Empty => (r##"font-size="15" font-style="italic" fill="#5b6675""##, labels.empty),
            Line::Kondisi(text) => (r##"font-size="15" font-weight="600" fill="#1b2430""##, text),
            Line::Detail(DetailKind::Indikator, text) => (r##"font-size="12.5" fill="#5b6675""##, text),
            Line::Detail(DetailKind::PenanggungJawab, text) => (r##"font-size="12.5" fill="#36506e""##, text),
            Line::Detail(DetailKind::Anggaran, text) => (r##"font-size="12.5" fill="#5d4a12""##, text),
            Line::Detail(DetailKind::Crosscutting, text) => {
                (r##"font-size="12.5" fill="#8a5a00" font-weight="600""##, text)
            }
        };
        let _ = write!(out, r#"<text x="{PAD}" y="{}" {style}>{}</text>"#, num(y), escape(text));
    }
    out.push_str("</g>");
}

fn union(a: Rect, b: Rect) -> Rect {
    let (x, y) = (a.x.min(b.x), a.y.min(b.y));
    Rect { x, y, w: a.right().max(b.right()) - x, h: a.bottom().max(b.bottom()) - y }
}

/// A coordinate, short: "12.5", "-3", never "NaN".
fn num(v: f64) -> String {
    let v = if v.is_finite() { (v * 100.0).round() / 100.0 } else { 0.0 };
    format!("{v}")
}

/// Text as XML character data: markup escaped, and the control characters
/// XML 1.0 cannot hold at all left out.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout, Arrangement};
    use crate::outline::Outline;
    use crate::tidy::Size;

    fn picture(doc: &Document, region: impl Fn(&Tree, &Layout) -> Region) -> Picture {
        let tree = Tree::build(doc).unwrap();
        let fonts = CardFonts::approx();
        let opts = CardOptions { details: true, year: Some(2025), english: false };
        let sizes: Vec<Size> = doc.nodes.values().map(|n| Card::size(n, &fonts, opts)).collect();
        let l = layout(&tree, &sizes, &Outline::new(&tree), Some(Arrangement::Layered), Size::default());
        let band = |n: &Node| format!("{:?}", n.level);
        let labels = Labels { band: &band, empty: "kondisi belum diisi" };
        svg(doc, &tree, &l, &fonts, opts, &labels, region(&tree, &l))
    }

    #[test]
    fn the_whole_tree_is_drawn_unclipped_with_every_statement() {
        let doc = crate::sample::sample().unwrap();
        let p = picture(&doc, |_, _| Region::Whole);
        assert!(p.svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(!p.svg.contains("class="), "styles are on the elements");
        for n in doc.nodes.values() {
            let first = Card::of(n, &CardFonts::approx(), CardOptions { details: false, year: None, english: false });
            assert!(p.svg.contains(&escape(&first.kondisi[0])), "{}", n.kondisi);
        }
        assert_eq!(p.svg.matches("<g transform").count(), doc.nodes.len());
        assert!(p.width > 2.0 * MARGIN && p.height > 2.0 * MARGIN);
    }

    #[test]
    fn tiles_cover_the_tree_at_one_scale_and_pages_have_their_paper_size() {
        let doc = crate::synth::document(200, 3);
        let p = picture(&doc, |_, _| Region::Whole);
        let page = Page { paper: Paper::F4, landscape: true };
        assert_eq!(page.mm(), (330.0, 215.0));
        for (cols, rows) in [(1, 1), (3, 2), (2, 4), (4, 4)] {
            let (t, (c, r)) = tiles(p.view, page, cols, rows);
            assert!(c <= cols && r <= rows && t.len() == c * r && !t.is_empty());
            assert!(c == cols || r == rows, "one side of the grid is used in full");
            let (last, first) = (t[t.len() - 1], t[0]);
            // Together they cover the whole drawing, and every page holds part of it.
            assert!(last.right() >= p.view.right() - 1e-6 && last.bottom() >= p.view.bottom() - 1e-6);
            assert!(t.iter().all(|tile| tile.overlaps(&p.view)));
            assert_eq!((first.x, first.y), (p.view.x, p.view.y));
            // The tile's proportions are the page's content box.
            let (w, h) = page.content_mm();
            assert!((first.w / first.h - w / h).abs() < 1e-9);
            // More pages, larger print.
            assert!(page.scale(p.view, cols, rows) >= page.scale(p.view, 1, 1));
        }
        let framed = p.framed(tiles(p.view, page, 2, 2).0[1]);
        assert!(framed.starts_with("<svg") && framed.ends_with("</svg>") && framed.contains("<g transform"));
        assert_eq!(framed.matches("<svg").count(), 1);
    }

    #[test]
    fn a_branch_is_its_boxes_only_and_text_is_escaped() {
        let mut doc = crate::sample::sample().unwrap();
        let ss1 = doc.nodes.get_index_of("ss-1").unwrap();
        doc.nodes[ss1].kondisi = "A & B <c> \"d\" \u{1}e".into();
        let whole = picture(&doc, |_, _| Region::Whole);
        let branch = picture(&doc, |_, _| Region::Branch(ss1));
        assert!(branch.svg.contains("A &amp; B &lt;c&gt; &quot;d&quot; e"));
        let tree = Tree::build(&doc).unwrap();
        let below = (0..doc.nodes.len()).filter(|&i| is_ancestor_or_self(&tree, ss1, i)).count();
        assert_eq!(branch.svg.matches("<g transform").count(), below);
        assert!(branch.width < whole.width);
        let part = picture(&doc, |_, l| Region::Visible(Rect { x: 0.0, y: 0.0, w: l.bounds.w / 3.0, h: 200.0 }));
        assert!(part.svg.matches("<g transform").count() < doc.nodes.len());
    }
}
