//! Seed 002: "Pohon Kinerja Dinas Sosial 2024" (PDF chart, hierarchy reconstructed).

use super::common::*;
use pohon_core::model::{Level, TingkatAnggaran};

const FILE: &str = "dinsos-2024.json";

#[test]
fn counts() {
    let doc = load(FILE);
    assert_eq!(doc.nodes.len(), 15);
    assert_eq!(indicator_count(&doc), 15);
    let anggaran: usize = doc.nodes.values().map(|n| n.anggaran.len()).sum();
    assert_eq!(anggaran, 21);
    let roots: Vec<_> = doc.nodes.values().filter(|n| n.parent.is_none()).collect();
    assert_eq!(roots.len(), 1);
    assert_eq!(roots[0].kondisi, "Meningkatkan Perlindungan Sosial");
    assert_eq!(roots[0].level, Level::SasaranStrategis);
    assert_eq!(roots[0].indikator[0].nama, "Persentase Penanganan PPKS");
    assert_eq!(doc.meta.periode.map(|p| (p.awal, p.akhir)), Some((2024, 2024)));
}

#[test]
fn repeated_statement_is_kept() {
    let doc = load(FILE);
    let dup = "Tersedianya bantuan sosial masyarakat miskin";
    let all: Vec<_> = doc.nodes.values().filter(|n| n.kondisi == dup).collect();
    assert_eq!(all.len(), 3);
    let under_parent = all.iter().filter(|n| n.parent.as_deref() == Some("sk-2-1")).count();
    assert_eq!(under_parent, 2);
    assert_eq!(doc.nodes["sk-2-1"].kondisi, dup);
}

#[test]
fn typos_are_kept() {
    let doc = load(FILE);
    node(&doc, "Meningkatna validitas data kemiskinan berdasarkan DTKS");
    node(&doc, "Terpenuhinya kebutuhan mkan lansia miskin");
    let n = node(&doc, "Tersedianya bantuan dalam pendidikan");
    assert_eq!(n.indikator[0].nama, "Pmasyarakat miskin yang mendapatkan bantuan dalam pendidikan");
}

#[test]
fn budget_lines() {
    let doc = load(FILE);
    let data = node(&doc, "Tersedianya data berkala DTKS");
    assert_eq!(data.indikator[0].nama, "Jumlah laporan data DTKS");
    let tingkat: Vec<_> = data.anggaran.iter().map(|a| a.tingkat).collect();
    assert_eq!(tingkat, [TingkatAnggaran::Program, TingkatAnggaran::Kegiatan, TingkatAnggaran::SubKegiatan]);
    assert_eq!(data.anggaran[0].nama, "Program perlindungan dan jaminan sosial");
    assert_eq!(data.anggaran[2].nama, "Pengelolaan data fakir miskin cakupan daerah kabupaten/kota");
    assert!(doc.nodes.values().flat_map(|n| &n.anggaran).all(|a| a.kode.is_empty() && a.pagu.is_none()));

    let usaha = node(&doc, "Tersedianya bantuan berupa barang/perlengkapan untuk kebutuhan usaha masyarakat miskin");
    assert_eq!(usaha.parent.as_deref(), Some("sp-3"));
    assert_eq!(usaha.anggaran[0].nama, "Program rehabilitasi sosial");
    assert_eq!(
        usaha.anggaran[2].nama,
        "Pemberian bimbingan sosial kepada keluarga penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar, serta gelandangan pengemis dan masyarakat"
    );
    let alat = node(&doc, "Tersedianya alat bantu untuk masyarakat miskin/ difabel");
    assert_eq!(alat.anggaran[2].nama, "Fasilitasi bantuan sosial kesejahteraan keluarga");
    let with_sub = doc.nodes.values().filter(|n| n.anggaran.iter().any(|a| a.tingkat == TingkatAnggaran::SubKegiatan));
    assert_eq!(with_sub.count(), 7);
}
