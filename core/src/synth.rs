//! Seeded synthetic documents shaped like real pohon kinerja, for benchmarks
//! and property tests: same seed, same document, on every platform.

use super::model::{Document, Indikator, JenisIndikator, Level, Meta, Node, Periode, Polaritas};
use super::value::Nilai;

/// A small, fast, deterministic generator (xorshift64*); not for secrets.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

const AWALAN: &[&str] = &["Meningkatnya", "Menurunnya", "Tersedianya", "Terwujudnya", "Terlaksananya"];
const KATA: &[&str] = &[
    "kualitas",
    "pelayanan",
    "rehabilitasi",
    "sosial",
    "bagi",
    "PMKS",
    "PSKS",
    "data",
    "kemiskinan",
    "terpadu",
    "perlindungan",
    "jaminan",
    "masyarakat",
    "miskin",
    "kapasitas",
    "lembaga",
    "kesejahteraan",
    "keluarga",
    "bantuan",
    "penanganan",
    "akurasi",
    "partisipasi",
    "jaringan",
    "kerja",
    "fasilitas",
    "daerah",
];

fn words(rng: &mut Rng, first: &str, n: usize) -> String {
    let mut s = String::from(first);
    for _ in 0..n {
        s.push(' ');
        s.push_str(KATA[rng.below(KATA.len())]);
    }
    s
}

/// A document of exactly `nodes` nodes (at least 1): a root, then levels
/// breaking into 2–6 children, one or two indicators per node with five
/// years of targets, as agencies write them.
pub fn document(nodes: usize, seed: u64) -> Document {
    let mut rng = Rng::new(seed);
    let periode = Periode { awal: 2024, akhir: 2028, extra: Default::default() };
    let mut doc = Document {
        meta: Meta {
            judul: format!("Pohon Kinerja sintetis {nodes} simpul"),
            opd: "Dinas Sosial".into(),
            periode: Some(periode.clone()),
            ..Meta::default()
        },
        ..Document::default()
    };
    // Breadth-first growth: each parent in turn gets a batch of 2–6 children.
    let mut depth = Vec::with_capacity(nodes);
    let mut next_parent = 0;
    let mut batch = 0;
    let mut kids = 0;
    for i in 0..nodes.max(1) {
        let parent = if i == 0 {
            None
        } else {
            if kids == batch {
                if i > 1 {
                    next_parent += 1;
                }
                batch = 2 + rng.below(5);
                kids = 0;
            }
            kids += 1;
            Some(next_parent)
        };
        let d = parent.map_or(0, |p| depth[p] + 1);
        depth.push(d);
        let mut node = Node::new(format!("n{i}"), parent.map(|p| format!("n{p}")), Level::ALL[(d + 3).min(7)]);
        let (awalan, n) = (AWALAN[rng.below(AWALAN.len())], 2 + rng.below(6));
        node.kondisi = words(&mut rng, awalan, n);
        let polaritas =
            if node.kondisi.starts_with("Menurunnya") { Polaritas::LowerIsBetter } else { Polaritas::HigherIsBetter };
        for k in 0..1 + rng.below(2) {
            let (base, n) = (10 + rng.below(80), 4 + rng.below(5));
            node.indikator.push(Indikator {
                nama: words(&mut rng, "Persentase", n),
                jenis: if k == 0 && d <= 1 { JenisIndikator::Iku } else { JenisIndikator::Ik },
                satuan: "%".into(),
                polaritas,
                target: periode.years().enumerate().map(|(j, y)| (y, Nilai(format!("{},5", base + j)))).collect(),
                ..Indikator::default()
            });
        }
        if d == 0 {
            node.penanggung_jawab = "Kepala Dinas".into();
        }
        doc.nodes.insert(node.id.clone(), Box::new(node));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::Tree;

    #[test]
    fn same_seed_same_document_of_the_asked_size() {
        let a = document(500, 7);
        assert_eq!(a.nodes.len(), 500);
        assert_eq!(a, document(500, 7));
        assert_ne!(a, document(500, 8));
        let tree = Tree::build(&a).unwrap();
        assert!(tree.depth.iter().all(|&d| d <= 10));
        assert!(tree.children.iter().all(|c| c.len() <= 6));
        assert_eq!(document(0, 1).nodes.len(), 1);
    }
}
