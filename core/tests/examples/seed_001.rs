//! Seed 001: Indikator Kinerja Utama Dinas Sosial Provinsi Sumatera Barat 2023.

use super::common::*;
use pohon_core::model::{JenisIndikator, Level};

const FILE: &str = "sumbar-dinsos-iku-2023.json";
const SUMBER: &str = "Renstra Dinsos Sumbar 2021-2026, LKPJ, LPPD, LKj Dinsos Sumbar";

#[test]
fn counts_and_meta() {
    let doc = load(FILE);
    assert_eq!(doc.nodes.len(), 4);
    assert_eq!(indicator_count(&doc), 5);
    let p = doc.meta.periode.expect("periode");
    assert_eq!((p.awal, p.akhir), (2023, 2023));
    assert_eq!(doc.meta.wilayah, "Provinsi Sumatera Barat");
    assert!(doc.nodes.values().flat_map(|n| &n.indikator).all(|i| i.jenis == JenisIndikator::Iku));
}

#[test]
fn added_root_keeps_tugas_and_fungsi() {
    let doc = load(FILE);
    let roots: Vec<_> = doc.nodes.values().filter(|n| n.parent.is_none()).collect();
    assert_eq!(roots.len(), 1);
    let root = roots[0];
    assert_eq!(root.level, Level::Custom);
    assert_eq!(root.level_label, "Perangkat Daerah");
    assert!(root.catatan.contains("Peraturan Daerah Nomor 8 Tahun 2016"));
    assert!(root.catatan.contains("- 5 Pelaksanaan tugas lain yang diberikan oleh pimpinan"));
    assert!(doc
        .nodes
        .values()
        .filter(|n| n.parent.is_some())
        .all(|n| n.parent.as_ref() == Some(&root.id) && n.level == Level::SasaranStrategis));
}

#[test]
fn sasaran_1() {
    let doc = load(FILE);
    let ik = &node(&doc, "Meningkatnya Pelayanan Rehabilitasi Sosial").indikator;
    assert_eq!(ik.len(), 1);
    assert_eq!(ik[0].nama, "Jumlah PPKS yang mendapatkan pelayanan rehabilitasi sosial");
    assert_eq!(ik[0].baseline.as_ref().unwrap().nilai.as_str(), "5159");
    assert_eq!(ik[0].sumber_data, SUMBER);
    assert!(ik[0].penjelasan.contains("905 pada panti pemerintah dan 4.254 orang pada panti swasta"));
    assert!(ik[0].penjelasan.ends_with(&format!("Sumber data: {SUMBER}")));
    assert_eq!(ik[0].penanggung_jawab, "Bidang Pelayanan dan Rehabilitasi Sosial");
}

#[test]
fn sasaran_2_continuation_rows() {
    let doc = load(FILE);
    // "dan dan" kept as in the source.
    let ik = &node(&doc, "Meningkatnya Pelayanan Perlindungan dan dan Jaminan Sosial").indikator;
    assert_eq!(ik.len(), 3);
    let names: Vec<_> = ik.iter().map(|i| i.nama.as_str()).collect();
    assert_eq!(names, ["Jumlah PPKS Yang memperoleh perlindungan dan jaminan sosial", "", ""]);
    let baselines: Vec<_> = ik.iter().map(|i| i.baseline.as_ref().unwrap().nilai.as_str()).collect();
    assert_eq!(baselines, ["100", "60", "100%"]);
    assert_eq!(
        ik[1].penanggung_jawab,
        "Bidang Pelayanan dan Rehabilitasi Sosial dan Bidang Perlindungan dan Jaminan Sosial"
    );
    assert!(ik[1].penjelasan.starts_with("Jumlah rekomendasi sidang pengangkatan anak 25 orang;"));
    assert_eq!(ik[2].penanggung_jawab, "Bidang Penanganan Fakir Miskin");
    assert!(ik[2].penjelasan.starts_with("Persentase data individu dalam DTKS yang akurat."));
    assert!(ik.iter().all(|i| i.sumber_data == SUMBER && i.baseline.as_ref().unwrap().tahun.is_none()));
}

#[test]
fn sasaran_3() {
    let doc = load(FILE);
    // "Meningkatkan" (not "Meningkatnya") kept as in the source.
    let ik = &node(&doc, "Meningkatkan Partisipasi Potensi dan Sumber Kesejahteraan Sosial (PSKS)").indikator;
    assert_eq!(ik.len(), 1);
    assert_eq!(ik[0].nama, "Jumlah PSKS yang berperan aktif");
    assert_eq!(ik[0].baseline.as_ref().unwrap().nilai.as_str(), "2593");
    assert_eq!(ik[0].penanggung_jawab, "Bidang Pemberdayaan Sosial");
    // The source's "LKPI" typo is kept.
    assert_eq!(ik[0].sumber_data, "Renstra Dinsos Sumbar 2021-2026, LKPI, LPPD, LKj Dinsos Sumbar");
}
