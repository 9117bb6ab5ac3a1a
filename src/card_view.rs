//! A card on the tree as markup and attributes, for the card layer
//! (`ui/card_layer.rs`) to write: what is fixed while the node's content
//! stays ([`Face`]), and what follows the selection, the outline, search,
//! presentation and capaian ([`Look`]). Plain strings, tested natively.

use std::fmt::Write;

use crate::achievement::percent;
use crate::core::capaian::Band;
use crate::core::card::{Card, CardFonts, CardOptions, BAND_H, INNER_W, PAD};
use crate::core::model::{Level, Node, Tahun};
use crate::core::picture::escape;
use crate::i18n::{band_name, level_label, t, Key, Lang};

/// Width of the capaian badge on a card's band.
const BADGE_W: f64 = 50.0;

/// What a card shows while its node's content stays the same.
#[derive(Clone, Debug, PartialEq)]
pub struct Face {
    /// Node and content revision (`data-key`): what the card draws.
    pub key: String,
    /// The accessible name: kondisi first, then level.
    pub label: String,
    /// `None` for a bare tree item (the overview paints the boxes).
    pub drawing: Option<Drawing>,
}

/// The drawn part of a [`Face`].
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// Level, lane and crosscutting classes.
    pub class: String,
    /// Box, band, statement and detail lines (`Card::markup`).
    pub markup: String,
    /// The band's whole label, as it fits the band, and as it fits beside the badge.
    pub band_full: String,
    pub band_text: String,
    pub band_short: String,
    pub w: f64,
    pub h: f64,
}

impl Face {
    /// Node `node` (id `id`, content revision `key`); drawn with `fonts`
    /// and `opts`, or bare.
    pub fn new(lang: Lang, key: String, node: &Node, drawn: Option<(&CardFonts, CardOptions)>) -> Face {
        let level = level_label(lang, node);
        let kondisi = node.kondisi.trim();
        let kondisi = if kondisi.is_empty() { t(lang, Key::KondisiEmpty) } else { kondisi };
        let label = format!("{kondisi}, {level}");
        let drawing = drawn.map(|(fonts, opts)| {
            let card = Card::of(node, fonts, opts);
            let band_full = if node.lane.is_empty() { level } else { format!("{level} · {}", node.lane) };
            Drawing {
                class: format!(
                    "card lvl-{}{}{}",
                    level_slug(node.level),
                    if node.lane.is_empty() { "" } else { " lane" },
                    if node.crosscutting.is_empty() { "" } else { " crosscutting" }
                ),
                markup: card.markup(t(lang, Key::KondisiEmpty)),
                band_text: Card::band_label(&band_full, fonts),
                band_short: Card::band_label_within(&band_full, fonts, INNER_W - BADGE_W - 6.0),
                band_full,
                w: card.w,
                h: card.h,
            }
        });
        Face { key, label, drawing }
    }
}

/// What a card shows beyond its face; a card whose look is unchanged is
/// not touched.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Look {
    /// The node's index in the document (the element's id).
    pub index: usize,
    /// Depth from the root, which is 0.
    pub depth: Option<u32>,
    pub children: usize,
    pub collapsed: bool,
    pub selected: bool,
    /// Where Tab enters the tree (the root, while nothing is selected).
    pub entry: bool,
    /// On the presented path.
    pub on_path: bool,
    pub matched: bool,
    pub current_match: bool,
    /// Capaian for `year`, and whether the card is tinted by its band.
    pub capaian: Option<(f64, Band)>,
    pub tint: bool,
    pub year: Option<Tahun>,
    /// Connectors leave on the right (left-to-right layout).
    pub across: bool,
}

/// The attributes a look sets, in the order of [`Look::attributes`].
pub const LOOK_ATTRIBUTES: [&str; 6] = ["id", "aria-level", "aria-expanded", "aria-selected", "tabindex", "class"];

impl Look {
    /// The values of [`LOOK_ATTRIBUTES`] (`None`: absent).
    pub fn attributes(&self, face: &Face) -> [Option<String>; 6] {
        [
            Some(format!("card-{}", self.index)),
            self.depth.map(|d| (d + 1).to_string()),
            (self.children > 0).then(|| (!self.collapsed).to_string()),
            Some(self.selected.to_string()),
            Some(if self.selected || self.entry { "0" } else { "-1" }.to_owned()),
            face.drawing.as_ref().map(|d| self.class(&d.class)),
        ]
    }

    fn class(&self, base: &str) -> String {
        let mut class = base.to_owned();
        for (on, name) in [
            (self.selected, "selected"),
            (self.on_path, "on-path"),
            (self.matched, "match"),
            (self.current_match, "current-match"),
        ] {
            if on {
                class.push(' ');
                class.push_str(name);
            }
        }
        if let Some((_, band)) = self.capaian.filter(|_| self.tint) {
            class.push_str(" cap-");
            class.push_str(band_slug(band));
        }
        class
    }

    /// What is drawn over the face: the band's label, the capaian badge and
    /// the branch toggle. Empty for a bare tree item.
    pub fn marks(&self, face: &Face, lang: Lang) -> String {
        let Some(d) = &face.drawing else { return String::new() };
        let mut out = String::new();
        // Beside a badge the label is cut shorter; cut short, it shows in full on hover.
        let text = if self.capaian.is_some() { &d.band_short } else { &d.band_text };
        let _ = write!(out, r#"<text class="band-label" x="{PAD}" y="{}">{}"#, BAND_H - 7.0, escape(text));
        if d.band_short != d.band_full {
            let _ = write!(out, "<title>{}</title>", escape(&d.band_full));
        }
        out.push_str("</text>");
        if let Some((value, band)) = self.capaian {
            let text = percent(value, lang == Lang::En);
            let title = t(lang, Key::CapaianBadge)
                .replace("{year}", &self.year.unwrap_or_default().to_string())
                .replace("{value}", &text)
                .replace("{band}", band_name(lang, band));
            let _ = write!(
                out,
                r#"<g class="badge {}" transform="translate({:.1} 3.5)"><title>{}</title><rect width="{BADGE_W}" height="15" rx="7.5"/><text x="{}" y="11.5" text-anchor="middle">{}</text></g>"#,
                band_slug(band),
                d.w - BADGE_W - 4.0,
                escape(&title),
                BADGE_W / 2.0,
                escape(&text)
            );
        }
        if self.children > 0 {
            // Where the connectors to the children leave the card.
            let (x, y) = if self.across { (d.w, d.h / 2.0) } else { (d.w / 2.0, d.h) };
            let sign = if self.collapsed { format!("+{}", self.children) } else { "−".to_owned() };
            let _ = write!(
                out,
                r#"<g class="toggle" aria-hidden="true" transform="translate({x} {y})"><circle r="10"/><text text-anchor="middle" y="4.5">{sign}</text></g>"#
            );
        }
        out
    }
}

/// Where a card goes on screen: its place at the view's scale.
pub fn transform(x: f64, y: f64, k: f64) -> String {
    format!("translate({x:.1} {y:.1}) scale({k:.4})")
}

/// The whole element of a card (or bare tree item): attributes, face and
/// marks, to be parsed in one piece with its neighbours.
pub fn markup(out: &mut String, face: &Face, attributes: &[Option<String>; 6], transform: Option<&str>, marks: &str) {
    let _ = write!(
        out,
        r#"<g data-key="{}" role="treeitem" aria-label="{}""#,
        attribute(&face.key),
        attribute(&face.label)
    );
    for (name, value) in LOOK_ATTRIBUTES.iter().zip(attributes) {
        if let Some(value) = value {
            let _ = write!(out, r#" {name}="{}""#, attribute(value));
        }
    }
    if let Some(transform) = transform {
        let _ = write!(out, r#" transform="{transform}""#);
    }
    out.push('>');
    if let Some(d) = &face.drawing {
        out.push_str(&d.markup);
        let _ = write!(out, r#"<g class="marks">{marks}</g>"#);
    }
    out.push_str("</g>");
}

/// Text as an attribute value, line breaks kept (an accessible name keeps
/// the statement's lines, as the DOM would).
fn attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push_str("&#10;");
        }
        out.push_str(&escape(line));
    }
    out
}

fn band_slug(band: Band) -> &'static str {
    match band {
        Band::SangatBaik => "sangat-baik",
        Band::Baik => "baik",
        Band::Cukup => "cukup",
        Band::Kurang => "kurang",
    }
}

fn level_slug(level: Level) -> &'static str {
    match level {
        Level::VisiMisi => "visi-misi",
        Level::TujuanDaerah => "tujuan-daerah",
        Level::SasaranDaerah => "sasaran-daerah",
        Level::TujuanPd => "tujuan-pd",
        Level::SasaranStrategis => "sasaran-strategis",
        Level::SasaranProgram => "sasaran-program",
        Level::SasaranKegiatan => "sasaran-kegiatan",
        Level::SasaranSubKegiatan => "sasaran-sub-kegiatan",
        Level::Custom => "custom",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Crosscutting;

    fn face(node: &Node, drawn: bool) -> Face {
        let opts = CardOptions { details: true, year: None, english: false };
        Face::new(Lang::Id, "n1@3".into(), node, drawn.then_some((&CardFonts::approx(), opts)))
    }

    fn whole(face: &Face, look: &Look) -> String {
        let mut out = String::new();
        markup(&mut out, face, &look.attributes(face), Some(&transform(10.0, 20.5, 0.5)), &look.marks(face, Lang::Id));
        out
    }

    #[test]
    fn a_card_is_one_tree_item_with_its_state_in_attributes() {
        let mut node = Node::new("n1", None, Level::SasaranProgram);
        node.kondisi = "Meningkatnya <mutu> & \"akses\"\nlayanan".into();
        node.lane = "Bidang Rutin".into();
        let face = face(&node, true);
        let look = Look { index: 7, depth: Some(2), children: 4, selected: true, ..Look::default() };
        let out = whole(&face, &look);
        assert!(out.starts_with(r#"<g data-key="n1@3" role="treeitem" aria-label="Meningkatnya &lt;mutu&gt; &amp; &quot;akses&quot;&#10;layanan, Sasaran Program" id="card-7" aria-level="3" aria-expanded="true" aria-selected="true" tabindex="0" class="card lvl-sasaran-program lane selected" transform="translate(10.0 20.5) scale(0.5000)">"#), "{out}");
        assert!(out.contains(r#"<g class="marks"><text class="band-label" x="10" y="15">Sasaran Program · Bidang Rutin<title>Sasaran Program · Bidang Rutin</title></text>"#), "{out}");
        assert!(
            out.contains(r#"<g class="toggle" aria-hidden="true" transform="translate(130 "#)
                && out.contains(">−</text></g></g></g>"),
            "{out}"
        );
        assert!(!out.contains("badge"));
    }

    #[test]
    fn collapsed_branches_count_their_children_and_leaves_have_no_toggle() {
        let node = Node::new("n1", None, Level::TujuanPd);
        let face = face(&node, true);
        let collapsed = Look { children: 3, collapsed: true, ..Look::default() };
        assert_eq!(collapsed.attributes(&face)[2].as_deref(), Some("false"));
        assert!(collapsed.marks(&face, Lang::Id).contains(">+3</text>"));
        let leaf = Look::default();
        assert_eq!(leaf.attributes(&face)[2], None);
        assert_eq!(leaf.attributes(&face)[4].as_deref(), Some("-1"));
        assert!(!leaf.marks(&face, Lang::Id).contains("toggle"));
        // With nothing selected, Tab enters the tree at the root.
        assert_eq!(Look { entry: true, ..Look::default() }.attributes(&face)[4].as_deref(), Some("0"));
        // Left to right, the toggle sits on the card's right edge.
        let across = Look { children: 1, across: true, ..Look::default() };
        assert!(across.marks(&face, Lang::Id).contains(&format!("translate(260 {})", face.drawing.unwrap().h / 2.0)));
    }

    #[test]
    fn capaian_shows_a_badge_and_tints_when_asked() {
        let mut node = Node::new("n1", None, Level::Custom);
        node.level_label = "Sasaran dengan nama tingkat yang sangat panjang sekali".into();
        node.crosscutting.push(Crosscutting::default());
        let face = face(&node, true);
        let look = Look { capaian: Some((87.25, Band::Baik)), year: Some(2025), ..Look::default() };
        let marks = look.marks(&face, Lang::Id);
        assert!(
            marks.contains(
                r#"<g class="badge baik" transform="translate(206.0 3.5)"><title>Capaian 2025: 87,2 % (baik)</title>"#
            ),
            "{marks}"
        );
        // Beside the badge the label is cut shorter, and shows in full on hover.
        assert!(
            marks.contains("…<title>Sasaran dengan nama tingkat yang sangat panjang sekali</title></text>"),
            "{marks}"
        );
        assert_eq!(look.attributes(&face)[5].as_deref(), Some("card lvl-custom crosscutting"));
        let tinted = Look { tint: true, matched: true, current_match: true, on_path: true, ..look };
        assert_eq!(
            tinted.attributes(&face)[5].as_deref(),
            Some("card lvl-custom crosscutting on-path match current-match cap-baik")
        );
    }

    #[test]
    fn a_bare_item_has_no_drawing() {
        let node = Node::new("n1", None, Level::TujuanPd);
        let face = face(&node, false);
        let look = Look { index: 2, depth: Some(0), ..Look::default() };
        let mut out = String::new();
        markup(&mut out, &face, &look.attributes(&face), None, &look.marks(&face, Lang::Id));
        assert_eq!(
            out,
            r#"<g data-key="n1@3" role="treeitem" aria-label="kondisi belum diisi, Tujuan Perangkat Daerah" id="card-2" aria-level="1" aria-selected="false" tabindex="-1"></g>"#
        );
    }
}
