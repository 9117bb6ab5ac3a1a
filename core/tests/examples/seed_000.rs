//! Seed 000: Pohon Kinerja (01) Dinas Sosial Kota Payakumbuh 2023-2028.

use super::common::*;
use pohon_core::model::{JenisIndikator, Level, Polaritas};

const FILE: &str = "payakumbuh-dinsos-2023-2028.json";

#[test]
fn counts_and_meta() {
    let doc = load(FILE);
    assert_eq!(doc.nodes.len(), 25);
    assert_eq!(indicator_count(&doc), 39);
    assert_eq!(doc.meta.nomor, "(01)");
    assert_eq!(doc.meta.wilayah, "Kota Payakumbuh");
    let p = doc.meta.periode.expect("periode");
    assert_eq!((p.awal, p.akhir), (2023, 2028));
    assert!(doc.meta.catatan.contains("(02)"));
    let roots: Vec<_> = doc.nodes.values().filter(|n| n.parent.is_none()).collect();
    assert_eq!(roots.len(), 1);
    assert_eq!(roots[0].kondisi, "Terwujudnya Pembangunan Manusia yang Berkualitas");
    assert_eq!(roots[0].level, Level::TujuanDaerah);
}

#[test]
fn levels_and_hierarchy() {
    let doc = load(FILE);
    let count = |l: Level| doc.nodes.values().filter(|n| n.level == l).count();
    assert_eq!(count(Level::SasaranProgram), 3);
    assert_eq!(count(Level::SasaranKegiatan), 9);
    assert_eq!(count(Level::SasaranSubKegiatan), 9);
    let parent = |k: &str| node(&doc, k).parent.clone().unwrap();
    assert_eq!(parent("Meningkatnya Jaminan Sosial bagi PMKS"), node(&doc, "Meningkatnya Penanganan PMKS").id);
    assert_eq!(parent("Meningkatnya pengawasan PSKS"), node(&doc, "Meningkatnya Penguatan kelembagaan PSKS").id);
    let tujuan_pd = node(&doc, "Meningkatnya kemandirian PMKS");
    assert_eq!(tujuan_pd.level, Level::TujuanPd);
    assert_eq!(tujuan_pd.parent.as_deref(), Some(node(&doc, "Meningkatnya Penanggulangan Kemiskinan").id.as_str()));
}

#[test]
fn indicators() {
    let doc = load(FILE);
    let kemiskinan = &node(&doc, "Meningkatnya Penanggulangan Kemiskinan").indikator[0];
    assert_eq!(kemiskinan.nama, "Tingkat kemiskinan");
    assert_eq!(kemiskinan.polaritas, Polaritas::LowerIsBetter);
    assert_eq!(kemiskinan.jenis, JenisIndikator::Ik);

    let ss = node(
        &doc,
        "Meningkatnya Pemberdayaan Potensi dan Sumber Kesejahteraan Sosial (PSKS) dalam penyelenggaraan kesejahteraan sosial",
    );
    assert_eq!(ss.level, Level::SasaranStrategis);
    let names: Vec<_> = ss.indikator.iter().map(|i| i.nama.as_str()).collect();
    assert_eq!(
        names,
        ["Persentase PSKS yang berdaya dalam penyelenggaraan kesos", "Persentase PMKS yang tertangani oleh PSKS"]
    );
    assert!(ss.indikator.iter().all(|i| i.jenis == JenisIndikator::Iku));
    assert_eq!(node(&doc, "Meningkatnya kemandirian PMKS").indikator[0].jenis, JenisIndikator::Iku);
    let iku = doc.nodes.values().flat_map(|n| &n.indikator).filter(|i| i.jenis == JenisIndikator::Iku).count();
    assert_eq!(iku, 3);

    assert_eq!(node(&doc, "Meningkatnya kapasitas SDM PSKS").indikator.len(), 4);
    // Typos kept as in the source.
    assert_eq!(
        node(&doc, "Meningkatnya akurasi data kemiskinan").indikator[0].nama,
        "Prsentase data kemiskinan yang terverivali"
    );
    assert_eq!(
        node(&doc, "Meningkatnya Rehabilitasi Sosial bagi PMKS").indikator[2].nama,
        "Persentase PMKS yang mendapat bimbingan fisik, mental, spritual dan sosial"
    );
    assert_eq!(
        node(&doc, "Meningkatnya Penguatan kelembagaan PSKS").indikator[0].nama,
        "persentase PSKS yang memiliki legal aspek"
    );
}

#[test]
fn crosscutting() {
    let doc = load(FILE);
    let dtks = node(&doc, "Meningkatnya ketersediaan Data Terpadu Kesejahteraan Sosial");
    let names: Vec<_> = dtks.crosscutting.iter().map(|c| c.nama.as_str()).collect();
    assert_eq!(names, ["DISDUKCAPIL", "BPS", "PERKIM", "KECAMATAN", "KELURAHAN"]);
    assert_eq!(doc.nodes.values().filter(|n| !n.crosscutting.is_empty()).count(), 1);
}
