//! The small tree the app opens with when there is nothing else to show, and
//! the starting point of a new document.

use super::codec::{import, ImportError};
use super::model::{Document, Level, Meta, Node, Periode, Tahun};

const SAMPLE: &str = include_str!("sample.json");

pub fn sample() -> Result<Document, ImportError> {
    import(SAMPLE.as_bytes()).map(|i| i.document)
}

/// The agency's own cascade, one box per level, each with the usual opening
/// word of its statements ("Meningkatnya …" for outcomes, "Tersedianya …" and
/// "Terlaksananya …" for outputs), to be typed over.
pub const STARTER: [(Level, &str); 5] = [
    (Level::TujuanPd, "Meningkatnya …"),
    (Level::SasaranStrategis, "Meningkatnya …"),
    (Level::SasaranProgram, "Meningkatnya …"),
    (Level::SasaranKegiatan, "Tersedianya …"),
    (Level::SasaranSubKegiatan, "Terlaksananya …"),
];

/// A new document for `meta`: one empty top box at agency level (Tujuan
/// Perangkat Daerah), or with `starter` the chain of [`STARTER`].
///
/// Ids are `n-1`, `n-2`, … from the top, the form the editor's
/// [`crate::ops::fresh_id`] continues, so the same input always gives the
/// same document. The top box is the first node.
pub fn new_document(meta: Meta, starter: bool) -> Document {
    let levels: &[(Level, &str)] = if starter { &STARTER } else { &[(Level::TujuanPd, "")] };
    let mut doc = Document { meta, ..Document::default() };
    let mut parent = None;
    for (k, (level, kondisi)) in levels.iter().enumerate() {
        let mut node = Node::new(format!("n-{}", k + 1), parent.clone(), *level);
        node.kondisi = (*kondisi).to_owned();
        parent = Some(node.id.clone());
        doc.nodes.insert(node.id.clone(), Box::new(node));
    }
    doc
}

/// The longest plan period accepted, in years after the first: a regional
/// long-term plan (RPJPD) runs 2025–2045.
pub const MAX_PERIODE_SPAN: Tahun = 20;

/// Why the years typed for a plan period were refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeriodeError {
    #[error("the first year is not a four-digit year")]
    BadStart,
    #[error("the last year is not a four-digit year")]
    BadEnd,
    #[error("the period ends before it starts")]
    EndBeforeStart,
    #[error("the period spans more than {MAX_PERIODE_SPAN} years")]
    TooLong,
}

/// The plan period from the first and last year as typed ("2025", "2029").
pub fn parse_periode(awal: &str, akhir: &str) -> Result<Periode, PeriodeError> {
    let year = |s: &str| {
        let s = s.trim();
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0'))
            .then(|| s.parse::<Tahun>().ok())
            .flatten()
    };
    let awal = year(awal).ok_or(PeriodeError::BadStart)?;
    let akhir = year(akhir).ok_or(PeriodeError::BadEnd)?;
    if akhir < awal {
        return Err(PeriodeError::EndBeforeStart);
    }
    if akhir - awal > MAX_PERIODE_SPAN {
        return Err(PeriodeError::TooLong);
    }
    Ok(Periode { awal, akhir, extra: Default::default() })
}

/// A title from the agency, region and period, for a document given none:
/// "Pohon Kinerja Dinas Sosial Kota Payakumbuh 2025–2029".
pub fn suggested_judul(meta: &Meta) -> String {
    let periode = meta.periode.as_ref().map(|p| {
        if p.awal == p.akhir {
            p.awal.to_string()
        } else {
            format!("{}–{}", p.awal, p.akhir)
        }
    });
    ["Pohon Kinerja", meta.opd.trim(), meta.wilayah.trim(), periode.as_deref().unwrap_or("")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::export;
    use crate::ops::{add_child, transact};
    use crate::tree::Tree;

    #[test]
    fn sample_imports_and_round_trips() {
        let doc = super::sample().unwrap();
        assert_eq!(doc.nodes.len(), 8);
        assert_eq!(doc.meta.judul, "Contoh Pohon Kinerja Dinas Sosial");
        assert_eq!(crate::codec::export(&doc).trim_end(), super::SAMPLE.trim_end());
    }

    fn meta() -> Meta {
        Meta {
            judul: "Pohon Kinerja Dinas Sosial 2025–2029".into(),
            opd: "Dinas Sosial".into(),
            wilayah: "Kota Payakumbuh".into(),
            periode: Some(parse_periode("2025", "2029").unwrap()),
            ..Meta::default()
        }
    }

    /// Builds, survives export and import unchanged, and takes a new child.
    fn check_document(doc: &Document) {
        let tree = Tree::build(doc).unwrap();
        assert_eq!(tree.root, 0, "the top box is the first node");
        let text = export(doc);
        let back = crate::codec::import(text.as_bytes()).unwrap().document;
        assert_eq!(back.meta, doc.meta);
        assert_eq!(back.nodes, doc.nodes);
        assert_eq!(export(&back), text);
        let mut edited = doc.clone();
        let last = doc.nodes.keys().last().unwrap().clone();
        let (child, _, _) = transact(&mut edited, |tx| add_child(tx, &last)).unwrap();
        assert!(!doc.nodes.contains_key(&child), "a new box gets an unused id");
        Tree::build(&edited).unwrap();
    }

    #[test]
    fn an_empty_document_has_one_empty_top_box() {
        let doc = new_document(meta(), false);
        assert_eq!(doc.meta, meta());
        assert_eq!(doc.nodes.len(), 1);
        let top = &doc.nodes["n-1"];
        assert_eq!((top.parent.as_deref(), top.level, top.kondisi.as_str()), (None, Level::TujuanPd, ""));
        check_document(&doc);
    }

    #[test]
    fn the_starter_is_one_box_per_level_in_cascade_order() {
        let doc = new_document(meta(), true);
        assert_eq!(doc, new_document(meta(), true), "same input, same document");
        let tree = Tree::build(&doc).unwrap();
        let chain: Vec<&Node> = doc.nodes.values().map(|n| &**n).collect();
        assert_eq!(chain.len(), 5);
        let levels: Vec<Level> = chain.iter().map(|n| n.level).collect();
        assert_eq!(
            levels,
            [
                Level::TujuanPd,
                Level::SasaranStrategis,
                Level::SasaranProgram,
                Level::SasaranKegiatan,
                Level::SasaranSubKegiatan
            ]
        );
        for (k, n) in chain.iter().enumerate() {
            assert_eq!(n.id, format!("n-{}", k + 1));
            assert_eq!(tree.depth[k], k as u32);
            assert_eq!(n.parent.as_deref(), k.checked_sub(1).map(|p| chain[p].id.as_str()));
            assert!(n.kondisi.ends_with('…'), "{:?} is a placeholder", n.kondisi);
        }
        for w in levels.windows(2) {
            assert_eq!(w[1].rank(), w[0].rank().map(|r| r + 1), "levels follow each other");
        }
        assert!(chain[0].kondisi.starts_with("Meningkatnya"));
        assert!(chain[4].kondisi.starts_with("Terlaksananya"));
        check_document(&doc);
    }

    #[test]
    fn plan_periods_are_four_digit_years_in_order() {
        let p = parse_periode(" 2025 ", "2029").unwrap();
        assert_eq!((p.awal, p.akhir), (2025, 2029));
        assert_eq!(parse_periode("2024", "2024").map(|p| p.years().count()), Ok(1));
        assert_eq!(parse_periode("2025", "2045").map(|p| p.akhir), Ok(2045));
        assert_eq!(parse_periode("25", "2029"), Err(PeriodeError::BadStart));
        assert_eq!(parse_periode("0202", "2029"), Err(PeriodeError::BadStart));
        assert_eq!(parse_periode("２０２５", "2029"), Err(PeriodeError::BadStart));
        assert_eq!(parse_periode("", "2029"), Err(PeriodeError::BadStart));
        assert_eq!(parse_periode("2025", "20299"), Err(PeriodeError::BadEnd));
        assert_eq!(parse_periode("2025", "-202"), Err(PeriodeError::BadEnd));
        assert_eq!(parse_periode("2029", "2025"), Err(PeriodeError::EndBeforeStart));
        assert_eq!(parse_periode("2025", "2046"), Err(PeriodeError::TooLong));
    }

    #[test]
    fn a_title_is_suggested_from_agency_region_and_period() {
        let mut m = meta();
        assert_eq!(suggested_judul(&m), "Pohon Kinerja Dinas Sosial Kota Payakumbuh 2025–2029");
        m.wilayah = " ".into();
        m.periode = Some(parse_periode("2024", "2024").unwrap());
        assert_eq!(suggested_judul(&m), "Pohon Kinerja Dinas Sosial 2024");
        assert_eq!(suggested_judul(&Meta::default()), "Pohon Kinerja");
    }
}
