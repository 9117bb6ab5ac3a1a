//! Every UI string, in Indonesian (default) and English.
//!
//! One table, so a translator edits one file and a missing translation is a
//! compile error (the `match` must be exhaustive).

use crate::core::codec::ImportError;
use crate::core::model::Level;
use crate::core::tree::StructureError;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// From the `lang` query parameter; anything unknown is Indonesian.
    pub fn from_param(p: Option<&str>) -> Lang {
        match p.map(str::to_ascii_lowercase).as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Id,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    AppName,
    Untitled,
    Toolbar,
    Canvas,
    TreeLabel,
    SidePanel,
    Details,
    NoSelection,
    Indikator,
    Satuan,
    Target,
    PenanggungJawab,
    Crosscutting,
    Anggaran,
    Catatan,
    Periode,
    Opd,
    LoadFailed,
    KodeShape,
    OtherLanguage,
    Examples,
    ExamplesList,
    OpenFile,
    Download,
    Level,
    ViewGroup,
    OutlineGroup,
    ZoomIn,
    ZoomOut,
    Fit,
    ZoomToSelected,
    ExpandAll,
    CollapseAll,
    ExpandToLevel,
    FocusSubtree,
    ExitFocus,
    ShowDetails,
    LayoutMode,
    ModeAuto,
    ModeCompact,
    ModeLayered,
    ModeTidy,
    Search,
    Minimap,
    SearchPlaceholder,
    NoMatches,
    NextMatch,
    PreviousMatch,
    SaveFailed,
    Close,
}

pub fn t(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    match (lang, key) {
        (_, AppName) => "Pohon Kinerja",
        (Lang::Id, Untitled) => "Tanpa judul",
        (Lang::En, Untitled) => "Untitled",
        (Lang::Id, Toolbar) => "Bilah alat",
        (Lang::En, Toolbar) => "Toolbar",
        (Lang::Id, Canvas) => "Kanvas pohon kinerja",
        (Lang::En, Canvas) => "Performance tree canvas",
        (Lang::Id, TreeLabel) => "Pohon kinerja",
        (Lang::En, TreeLabel) => "Performance tree",
        (Lang::Id, SidePanel) => "Panel rincian",
        (Lang::En, SidePanel) => "Details panel",
        (Lang::Id, Details) => "Rincian",
        (Lang::En, Details) => "Details",
        (Lang::Id, NoSelection) => "Pilih sebuah kotak pada pohon untuk melihat rinciannya.",
        (Lang::En, NoSelection) => "Select a box in the tree to see its details.",
        (Lang::Id, Indikator) => "Indikator",
        (Lang::En, Indikator) => "Indicators",
        (Lang::Id, Satuan) => "Satuan",
        (Lang::En, Satuan) => "Unit",
        (Lang::Id, Target) => "Target",
        (Lang::En, Target) => "Target",
        (Lang::Id, PenanggungJawab) => "Penanggung jawab",
        (Lang::En, PenanggungJawab) => "Responsible unit",
        (Lang::Id, Crosscutting) => "Crosscutting",
        (Lang::En, Crosscutting) => "Crosscutting agencies",
        (Lang::Id, Anggaran) => "Program / kegiatan / sub kegiatan",
        (Lang::En, Anggaran) => "Program / activity / sub-activity",
        (Lang::Id, Catatan) => "Catatan",
        (Lang::En, Catatan) => "Notes",
        (Lang::Id, Periode) => "Periode",
        (Lang::En, Periode) => "Period",
        (Lang::Id, Opd) => "Perangkat daerah",
        (Lang::En, Opd) => "Agency",
        (Lang::Id, LoadFailed) => "Dokumen tidak dapat dibuka",
        (Lang::En, LoadFailed) => "The document could not be opened",
        (Lang::Id, KodeShape) => "format kode seharusnya",
        (Lang::En, KodeShape) => "the code should look like",
        (Lang::Id, OtherLanguage) => "English",
        (Lang::En, OtherLanguage) => "Bahasa Indonesia",
        (Lang::Id, Level) => "Tingkat",
        (Lang::En, Level) => "Level",
        (Lang::Id, ViewGroup) => "Tampilan",
        (Lang::En, ViewGroup) => "View",
        (Lang::Id, OutlineGroup) => "Buka dan tutup cabang",
        (Lang::En, OutlineGroup) => "Expand and collapse",
        (Lang::Id, ZoomIn) => "Perbesar",
        (Lang::En, ZoomIn) => "Zoom in",
        (Lang::Id, ZoomOut) => "Perkecil",
        (Lang::En, ZoomOut) => "Zoom out",
        (Lang::Id, Fit) => "Paskan layar",
        (Lang::En, Fit) => "Fit to screen",
        (Lang::Id, ZoomToSelected) => "Ke kotak terpilih",
        (Lang::En, ZoomToSelected) => "Zoom to selected",
        (Lang::Id, ExpandAll) => "Buka semua",
        (Lang::En, ExpandAll) => "Expand all",
        (Lang::Id, CollapseAll) => "Tutup semua",
        (Lang::En, CollapseAll) => "Collapse all",
        (Lang::Id, ExpandToLevel) => "Buka sampai tingkat",
        (Lang::En, ExpandToLevel) => "Expand to level",
        (Lang::Id, FocusSubtree) => "Fokus cabang",
        (Lang::En, FocusSubtree) => "Focus subtree",
        (Lang::Id, ExitFocus) => "Tampilkan semua",
        (Lang::En, ExitFocus) => "Show whole tree",
        (Lang::Id, LayoutMode) => "Tata letak",
        (Lang::En, LayoutMode) => "Layout",
        (Lang::Id, ModeAuto) => "Tata letak otomatis",
        (Lang::En, ModeAuto) => "Automatic layout",
        (Lang::Id, ModeCompact) => "Ringkas",
        (Lang::En, ModeCompact) => "Compact",
        (Lang::Id, ModeLayered) => "Berjenjang",
        (Lang::En, ModeLayered) => "Layered",
        (Lang::Id, ModeTidy) => "Rapat",
        (Lang::En, ModeTidy) => "Tidy",
        (Lang::Id, ShowDetails) => "Rincian kotak",
        (Lang::En, ShowDetails) => "Card details",
        (Lang::Id, Minimap) => "Peta kecil seluruh pohon; tekan untuk berpindah",
        (Lang::En, Minimap) => "Overview map of the whole tree; press to move there",
        (Lang::Id, Search) => "Cari",
        (Lang::En, Search) => "Search",
        (Lang::Id, SearchPlaceholder) => "Cari kondisi, indikator, kode…",
        (Lang::En, SearchPlaceholder) => "Search statements, indicators, codes…",
        (Lang::Id, NoMatches) => "tidak ditemukan",
        (Lang::En, NoMatches) => "no matches",
        (Lang::Id, NextMatch) => "Hasil berikutnya",
        (Lang::En, NextMatch) => "Next match",
        (Lang::Id, PreviousMatch) => "Hasil sebelumnya",
        (Lang::En, PreviousMatch) => "Previous match",
        (Lang::Id, OpenFile) => "Buka berkas",
        (Lang::En, OpenFile) => "Open file",
        (Lang::Id, Download) => "Unduh JSON",
        (Lang::En, Download) => "Download JSON",
        (Lang::Id, SaveFailed) => "Berkas tidak dapat disimpan",
        (Lang::En, SaveFailed) => "The file could not be saved",
        (Lang::Id, Examples) => "Contoh",
        (Lang::En, Examples) => "Examples",
        (Lang::Id, ExamplesList) => "Contoh pohon kinerja dari dokumen nyata",
        (Lang::En, ExamplesList) => "Example performance trees from real documents",
        (Lang::Id, Close) => "Tutup",
        (Lang::En, Close) => "Close",
    }
}

/// The name shown for a node's level: its own label for a custom level.
pub fn level_label(lang: Lang, node: &crate::core::model::Node) -> String {
    if node.level == Level::Custom && !node.level_label.is_empty() {
        node.level_label.clone()
    } else {
        level(lang, node.level).to_owned()
    }
}

pub fn level(lang: Lang, level: Level) -> &'static str {
    use Level::*;
    match (lang, level) {
        (Lang::Id, VisiMisi) => "Visi / Misi",
        (Lang::En, VisiMisi) => "Vision / Mission",
        (Lang::Id, TujuanDaerah) => "Tujuan Daerah",
        (Lang::En, TujuanDaerah) => "Regional goal",
        (Lang::Id, SasaranDaerah) => "Sasaran Daerah",
        (Lang::En, SasaranDaerah) => "Regional objective",
        (Lang::Id, TujuanPd) => "Tujuan Perangkat Daerah",
        (Lang::En, TujuanPd) => "Agency goal",
        (Lang::Id, SasaranStrategis) => "Sasaran Strategis",
        (Lang::En, SasaranStrategis) => "Strategic objective",
        (Lang::Id, SasaranProgram) => "Sasaran Program",
        (Lang::En, SasaranProgram) => "Program outcome",
        (Lang::Id, SasaranKegiatan) => "Sasaran Kegiatan",
        (Lang::En, SasaranKegiatan) => "Activity result",
        (Lang::Id, SasaranSubKegiatan) => "Sasaran Sub Kegiatan",
        (Lang::En, SasaranSubKegiatan) => "Sub-activity output",
        (Lang::Id, Custom) => "Lainnya",
        (Lang::En, Custom) => "Other",
    }
}

/// One sentence for the user saying what is wrong with a file and where.
pub fn import_error(lang: Lang, e: &ImportError) -> String {
    use ImportError::*;
    let id = lang == Lang::Id;
    match e {
        TooLarge { bytes, max } => {
            if id {
                format!("berkas terlalu besar ({} MB; batas {} MB)", bytes / 1_000_000, max / 1_000_000)
            } else {
                format!("the file is too large ({} MB; the limit is {} MB)", bytes / 1_000_000, max / 1_000_000)
            }
        }
        NotUtf8 { line, column } => {
            if id {
                format!("bukan berkas teks UTF-8 (baris {line}, kolom {column})")
            } else {
                format!("not a UTF-8 text file (line {line}, column {column})")
            }
        }
        Syntax { line, column, message } => {
            if id {
                format!("JSON tidak valid pada baris {line}, kolom {column}: {message}")
            } else {
                format!("invalid JSON at line {line}, column {column}: {message}")
            }
        }
        TooDeeplyNested { line, column } => {
            if id {
                format!("JSON bersarang terlalu dalam (baris {line}, kolom {column})")
            } else {
                format!("JSON nested too deeply (line {line}, column {column})")
            }
        }
        WrongFormat { found } => match (id, found) {
            (true, Some(f)) => format!("bukan berkas pohon kinerja (format \"{f}\")"),
            (true, None) => "bukan berkas pohon kinerja (tidak ada \"format\")".to_owned(),
            (false, Some(f)) => format!("not a pohon kinerja file (format \"{f}\")"),
            (false, None) => "not a pohon kinerja file (no \"format\")".to_owned(),
        },
        NewerVersion { found, supported } => {
            if id {
                format!("berkas versi {found} dibuat oleh aplikasi yang lebih baru; aplikasi ini membaca sampai versi {supported}. Muat ulang halaman untuk versi terbaru.")
            } else {
                format!("the file is version {found}, made by a newer app; this one reads up to version {supported}. Reload the page for the latest version.")
            }
        }
        BadVersion { found } => {
            if id {
                format!("\"version\" tidak ada atau tidak valid ({found})")
            } else {
                format!("\"version\" is missing or invalid ({found})")
            }
        }
        NoDocument => {
            if id {
                "berkas tidak berisi \"document\"".to_owned()
            } else {
                "the file has no \"document\"".to_owned()
            }
        }
        Invalid { path, line, column, message } => {
            if id {
                format!("isian tidak valid di {path} (baris {line}, kolom {column}): {message}")
            } else {
                format!("invalid field at {path} (line {line}, column {column}): {message}")
            }
        }
        Migration(m) => {
            if id {
                format!("gagal memperbarui dari versi {}: {}", m.from, m.message)
            } else {
                m.to_string()
            }
        }
        Structure { path, error } => {
            let what = match (id, error) {
                (true, StructureError::Empty) => "dokumen tidak memiliki satu kotak pun".to_owned(),
                (false, StructureError::Empty) => "the document has no boxes".to_owned(),
                (true, StructureError::NoRoot) => "tidak ada kotak puncak".to_owned(),
                (false, StructureError::NoRoot) => "there is no top box".to_owned(),
                (true, StructureError::SeveralRoots { ids }) => {
                    format!("ada beberapa kotak puncak ({}); harus satu", ids.join(", "))
                }
                (false, StructureError::SeveralRoots { ids }) => {
                    format!("several top boxes ({}); there must be one", ids.join(", "))
                }
                (true, StructureError::DanglingParent { id, parent, .. }) => {
                    format!("kotak \"{id}\" menunjuk induk \"{parent}\" yang tidak ada")
                }
                (false, StructureError::DanglingParent { id, parent, .. }) => {
                    format!("box \"{id}\" names parent \"{parent}\", which does not exist")
                }
                (true, StructureError::Cycle { ids }) => format!("hubungan induk melingkar: {}", ids.join(" → ")),
                (false, StructureError::Cycle { ids }) => format!("circular parents: {}", ids.join(" → ")),
                (true, StructureError::TooDeep { id, max }) => format!("kotak \"{id}\" lebih dalam dari {max} tingkat"),
                (false, StructureError::TooDeep { id, max }) => format!("box \"{id}\" is deeper than {max} levels"),
            };
            format!("{what} ({path})")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_differ_where_they_should() {
        assert_eq!(Lang::from_param(Some("EN")), Lang::En);
        assert_eq!(Lang::from_param(Some("fr")), Lang::Id);
        assert_eq!(Lang::from_param(None), Lang::Id);
        assert_ne!(t(Lang::Id, Key::NoSelection), t(Lang::En, Key::NoSelection));
        assert_ne!(level(Lang::Id, Level::TujuanPd), level(Lang::En, Level::TujuanPd));
    }

    #[test]
    fn import_errors_say_where() {
        let e = crate::core::codec::import(b"{\n  \"format\": \"pohon-kinerja\",\n  x").unwrap_err();
        assert_eq!(import_error(Lang::Id, &e), "JSON tidak valid pada baris 3, kolom 3: key must be a string");
        assert_eq!(import_error(Lang::En, &e), "invalid JSON at line 3, column 3: key must be a string");
        let e =
            crate::core::codec::import(br#"{"format": "pohon-kinerja", "version": 9, "document": {}}"#).unwrap_err();
        assert!(import_error(Lang::Id, &e).starts_with("berkas versi 9 dibuat oleh aplikasi yang lebih baru"));
    }
}
