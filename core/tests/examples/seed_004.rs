//! Seed 004: Indikator Kinerja Utama Dinas Sosial Kabupaten Tapin 2020.

use super::common::*;
use pohon_core::model::{JenisIndikator, Level};

const FILE: &str = "tapin-dinsos-iku-2020.json";

#[test]
fn counts_and_meta() {
    let doc = load(FILE);
    assert_eq!(doc.nodes.len(), 4);
    assert_eq!(indicator_count(&doc), 3);
    let p = doc.meta.periode.expect("periode");
    assert_eq!((p.awal, p.akhir), (2020, 2020));
    assert_eq!(doc.meta.wilayah, "Kabupaten Tapin");
    assert!(doc.meta.catatan.contains("Drs. H. SAMSUNI, M. AP"));
    assert!(doc.meta.catatan.contains("NIP. 19600810 198503 1 021"));
    let roots: Vec<_> = doc.nodes.values().filter(|n| n.parent.is_none()).collect();
    assert_eq!(roots.len(), 1);
    assert_eq!(roots[0].level, Level::Custom);
    assert_eq!(roots[0].level_label, "Perangkat Daerah");
    assert_eq!(doc.nodes.values().filter(|n| n.level == Level::SasaranStrategis).count(), 3);
    assert!(doc.nodes.values().flat_map(|n| &n.indikator).all(|i| i.jenis == JenisIndikator::Iku));
}

#[test]
fn perlindungan_jaminan_sosial() {
    let doc = load(FILE);
    let n = node(&doc, "Meningkatnya Perlindungan Jaminan Sosial bagi Penyandang Masalah Kesejahteraan Sosial (PMKS)");
    let ik = &n.indikator[0];
    assert_eq!(
        ik.nama,
        "Persentase Penyandang Masalah Kesejahteraan Sosial (PMKS) yang memperoleh perlindungan jaminan sosial"
    );
    assert_eq!(
        ik.formula,
        "Jumlah PMKS yang memperoleh Perlindungan dan Jaminan Sosial / Jumlah PMKS keseluruhan × 100 %"
    );
    assert!(ik.penjelasan.starts_with("PMKS adalah seseorang, keluarga atau kelompok masyarakat"));
    assert!(ik.penjelasan.ends_with("diharapkan PMKS dapat memenuhi kebutuhan dasarnya."));
    assert!(!ik.penjelasan.contains("<p>"));
    assert_eq!(ik.sumber_data, "Data Terpadu Kesejahteraan Sosial (DTKS)");
    assert_eq!(ik.penanggung_jawab, "Bidang Perlindungan dan Jaminan Sosial");
}

#[test]
fn rehabilitasi_and_psks() {
    let doc = load(FILE);
    let rehab = &node(&doc, "Meningkatnya Rehabilitasi Sosial bagi Penyandang Masalah Kesejahteraan Sosial (PMKS)")
        .indikator[0];
    assert_eq!(rehab.formula, "Jumlah PMKS yang memperoleh rehabilitasi sosial / Jumlah PMKS keseluruhan × 100 %");
    // The stray space before the comma is kept.
    assert!(rehab.penjelasan.starts_with("PMKS yang menghadapi hambatan , kesulitan"));
    assert_eq!(rehab.penanggung_jawab, "Bidang Rehabilitasi Sosial");

    let psks = &node(
        &doc,
        "Meningkatnya Peran Potensi Sumber Kesejahteraan Sosial (PSKS) dalam melayani Penyandang Masalah Kesejahteraan Sosial (PMKS)",
    )
    .indikator[0];
    assert_eq!(psks.formula, "Jumlah PSKS yang berperan dalam melayani PMKS / Jumlah PSKS keseluruhan × 100%");
    assert_eq!(psks.sumber_data, "Data PSKS (Potensi Sumber Kesejahteraan Sosial)");
    assert_eq!(psks.penanggung_jawab, "Bidang Pemberdayaan Sosial");
}
