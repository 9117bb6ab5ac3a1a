//! Seed 003: Pohon Kinerja Dinas Sosial Kabupaten Bengkulu Selatan 2024, with
//! the "Bidang Rutin" secretariat side lane.

use super::common::*;
use pohon_core::model::{JenisIndikator, Level};

const FILE: &str = "bengkulu-selatan-dinsos-2024.json";

#[test]
fn counts() {
    let doc = load(FILE);
    assert_eq!(doc.nodes.len(), 29);
    assert_eq!(indicator_count(&doc), 52);
    assert_eq!(doc.meta.wilayah, "Kabupaten Bengkulu Selatan");
    assert_eq!(doc.meta.periode.map(|p| (p.awal, p.akhir)), Some((2024, 2024)));
    assert!(doc.meta.catatan.contains("Disusun Oleh: Tim Perencanaan Dinsos Bengkulu Selatan"));
    assert!(doc.meta.catatan.contains("BerAKHLAK"));
    assert!(doc.nodes.values().all(|n| n.anggaran.is_empty()));
}

#[test]
fn top_of_the_tree() {
    let doc = load(FILE);
    let roots: Vec<_> = doc.nodes.values().filter(|n| n.parent.is_none()).collect();
    assert_eq!(roots.len(), 1);
    let root = roots[0];
    assert_eq!(root.level, Level::VisiMisi);
    assert_eq!(root.kondisi, "Mewujudkan Sumber Daya Manusia Berkualitas, sejahtera dan berdaya saing");
    assert_eq!(root.indikator[0].nama, "Indeks Pembangunan Manusia");
    assert_eq!(root.indikator[0].jenis, JenisIndikator::Iku);

    let tujuan = node(&doc, "Meningkatnya kemandirian PPKS dan PSKS");
    assert_eq!(tujuan.parent.as_deref(), Some(root.id.as_str()));
    assert_eq!(tujuan.level, Level::TujuanPd);
    let sasaran = node(&doc, "Meningkatnya Perlindungan Sosial Bagi Seluruh Masyarakat");
    assert_eq!(sasaran.parent.as_deref(), Some(tujuan.id.as_str()));
    assert_eq!(sasaran.indikator[0].nama, "Persentase PPKS yang tercakup program perlindungan dan jaminan sosial");
    assert_eq!(sasaran.indikator[0].jenis, JenisIndikator::Iku);
    let under_sasaran = doc.nodes.values().filter(|n| n.parent.as_deref() == Some(sasaran.id.as_str())).count();
    assert_eq!(under_sasaran, 13);
}

#[test]
fn sasaran_sub_kegiatan_pairs_and_empty_indicator() {
    let doc = load(FILE);
    let reunifikasi =
        node(&doc, "Terperuhnya Orang yang Mendapatkan Pelayanan Reunifikasi Keluarga Kewenangan Kabupaten/Kota");
    assert_eq!(
        reunifikasi.indikator[0].nama,
        "Jumlah Orang yang Mendapatkan Pelayanan Reunifikasi Keluarga Kewenangan Kabupaten/Kota"
    );
    let kedaruratan = node(&doc, "Terlaksananya Pemberian Layanan Kedaruratan Kewenangan Kabupaten/Kota");
    assert_eq!(kedaruratan.indikator.len(), 1);
    assert_eq!(kedaruratan.indikator[0].nama, "");
    let blank = doc.nodes.values().flat_map(|n| &n.indikator).filter(|i| i.nama.is_empty()).count();
    assert_eq!(blank, 1);
    let no_kondisi = doc.nodes.values().filter(|n| n.kondisi.is_empty()).count();
    assert_eq!(no_kondisi, 10);
}

#[test]
fn bidang_rutin_lane() {
    let doc = load(FILE);
    let lane: Vec<_> = doc.nodes.values().filter(|n| n.lane == "Bidang Rutin").collect();
    assert_eq!(lane.len(), 13);
    let head = &doc.nodes["rutin"];
    assert_eq!(head.level, Level::Custom);
    assert_eq!(head.level_label, "Bidang Rutin");
    assert_eq!(head.parent.as_deref(), Some("tujuan-pd"));
    assert!(lane.iter().all(|n| n.id == "rutin" || n.parent.as_deref() == Some("rutin")));
    let mebel = node(&doc, "Tersedianya Mebel");
    assert_eq!(mebel.indikator[0].nama, "Jumlah Paket Mebel yang Disediakan");
    assert_eq!(doc.nodes["rutin-3"].indikator.len(), 6);
    assert_eq!(
        node(&doc, "Tersedianya Bahan Bacaan dan Peraturan Perundang - undangan").indikator[0].nama,
        "Jumlah Dokumen Bahan Bacaan dan Peraturan Perundang-Undangan yang Disediakan"
    );
}
