//! Every UI string, in Indonesian (default) and English.
//!
//! One table, so a translator edits one file and a missing translation is a
//! compile error (the `match` must be exhaustive).

use crate::core::capaian::Band;
use crate::core::codec::ImportError;
use crate::core::history::Action;
use crate::core::import::Problem;
use crate::core::model::Level;
use crate::core::ops::OpError;
use crate::core::sample::{PeriodeError, MAX_PERIODE_SPAN};
use crate::core::table::Column;
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
    DocumentSection,
    Judul,
    Wilayah,
    Nomor,
    PeriodeHint,
    NodeSection,
    LevelLabel,
    Kind,
    KindOutcome,
    KindOutput,
    Kondisi,
    Lane,
    LanePlaceholder,
    IndikatorNama,
    JenisIndikator,
    JenisLainnya,
    JenisLabel,
    Unnamed,
    Realisasi,
    Tahun,
    YearGrid,
    IndikatorMore,
    Polaritas,
    HigherIsBetter,
    LowerIsBetter,
    RangeTarget,
    Baseline,
    BaselineTahun,
    YearHint,
    Formula,
    Penjelasan,
    SumberData,
    PjIndikator,
    RealisasiTriwulan,
    AturanTriwulan,
    Kumulatif,
    NilaiTerakhir,
    Tw1,
    Tw2,
    Tw3,
    Tw4,
    NilaiAmbigu,
    NilaiBukanAngka,
    AddIndikator,
    AddAnggaran,
    AddCrosscutting,
    Remove,
    ItemIndikator,
    ItemAnggaran,
    ItemCrosscutting,
    TingkatProgram,
    TingkatKegiatan,
    TingkatSubKegiatan,
    Kode,
    Nama,
    Pagu,
    PaguHint,
    Instansi,
    Status,
    StatusPlaceholder,
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
    FileMenu,
    Saved,
    Saving,
    Unsaved,
    ConflictMessage,
    TakeTheirs,
    KeepOurs,
    KeepAsNew,
    DropHint,
    DropHere,
    DropRefused,
    EditKondisi,
    KondisiPlaceholder,
    EditGroup,
    Undo,
    Redo,
    NothingToUndo,
    NothingToRedo,
    AddChild,
    AddSibling,
    DeleteSubtree,
    DeleteNodeOnly,
    Duplicate,
    MoveUp,
    MoveDown,
    MoveTo,
    CopyBranch,
    PasteBranch,
    EditInPlace,
    MoreActions,
    Shortcuts,
    PasteFailed,
    // Dialogs: shared, keyboard shortcuts help, move picker, new document.
    DialogCancel,
    HelpTreeGroup,
    HelpEditGroup,
    HelpViewGroup,
    HelpSelect,
    HelpExpandCollapse,
    HelpHomeEnd,
    HelpToggle,
    HelpDetails,
    HelpLeaveTree,
    HelpThis,
    HelpEditInPlace,
    HelpDeleteBranch,
    HelpDeleteBox,
    HelpDuplicate,
    HelpReorder,
    HelpMoveTo,
    HelpClipboard,
    HelpPan,
    HelpZoom,
    HelpMacNote,
    HelpKeySpace,
    HelpDoubleClick,
    HelpOr,
    HelpThen,
    MoveSearch,
    MoveTargets,
    MoveMoving,
    MoveHint,
    MoveCurrentParent,
    NewDocTitle,
    NewDocJudul,
    NewDocWilayah,
    NewDocOpdExample,
    NewDocWilayahExample,
    NewDocPeriode,
    NewDocAwal,
    NewDocAkhir,
    NewDocPeriodeHint,
    NewDocStartWith,
    NewDocEmpty,
    NewDocEmptyHint,
    NewDocStarter,
    NewDocStarterHint,
    NewDocCreate,
    // The drafts list (src/ui/drafts_*.rs).
    DraftsTitle,
    DraftsList,
    DraftsModified,
    DraftsNodes,
    DraftsActions,
    DraftsOpenNow,
    DraftsOpen,
    DraftsRename,
    DraftsRenameLabel,
    DraftsDelete,
    DraftsDeleteOpenHint,
    DraftsCopyTitle,
    DraftsEmpty,
    DraftsUnreadable,
    DraftsDownloadRaw,
    DraftsRetry,
    DraftsVersions,
    DraftsVersionsNote,
    DraftsVersionsNone,
    DraftsSavedAt,
    DraftsOpenAsNew,
    DraftsRestore,
    DraftsTrash,
    DraftsTrashNote,
    DraftsTrashEmpty,
    DraftsDeletedAt,
    DraftsTimeLeft,
    DraftsDaysLeft,
    DraftsDayLeft,
    DraftsDeleteForever,
    DraftsConfirmForever,
    DraftsKept,
    DraftsKeptNote,
    DraftsKeptAt,
    DraftsKeptIndex,
    DraftsSize,
    DraftsDownload,
    DraftsDiscard,
    DraftsConfirmDiscard,
    DraftsStorage,
    DraftsUsage,
    DraftsQuotaFull,
    DraftsUnsavedSwitch,
    DraftsSwitchAnyway,
    ViewMenu,
    BranchMenu,
    ModeAcross,
    ModeAutoPicked,
    ShowMinimap,
    PanelToggle,
    HidePanel,
    ResizePanel,
    KondisiEmpty,
    LevelInForce,
    ExpandToLevelN,
    ShortcutPanel,
    ShortcutEscape,
    SearchShort,
    LinkReadOnly,
    SharedBanner,
    SaveAsDraft,
    Share,
    ShareTitle,
    ShareLinkLabel,
    ShareLength,
    ShareCopy,
    ShareCopied,
    ShareIncludeView,
    ShareLong,
    ShareMaking,
    ShareFailed,
    LinkFailed,
    OpenFromUrl,
    UrlLabel,
    UrlHint,
    OpenButton,
    DropFile,
    PrintMenu,
    PrintTitle,
    Paper,
    Portrait,
    Landscape,
    PrintLayout,
    PrintOne,
    PrintTiles,
    PrintBranches,
    Columns,
    Rows,
    PrintSummary,
    PageMap,
    PrintButton,
    PageOf,
    PageTile,
    PrintNote,
    ExportPicture,
    PictureTitle,
    PictureWhat,
    PictureWhole,
    PictureVisible,
    PictureBranch,
    PictureScale,
    PictureSize,
    PictureSvg,
    PicturePng,
    PictureCopy,
    PictureCopied,
    PictureTooLarge,
    PictureFailed,
    Opening,
    Import,
    ImportMenu,
    ImportTitle,
    ImportPaste,
    ImportPasteHint,
    ImportFile,
    ImportKind,
    ImportAsTable,
    ImportAsOutline,
    ImportSheet,
    ImportReading,
    ImportLoadingReader,
    ImportColumn,
    ImportTableSummary,
    ImportTableMore,
    ImportColumnsHint,
    ImportOutlineSummary,
    ImportOutlineHint,
    ImportOutlineMore,
    ImportIndent,
    ImportOutdent,
    ImportIndicators,
    ImportBudgets,
    ImportFailed,
    ImportNotice,
    ImportPasted,
    ColIgnore,
    ColNo,
    ColSasaran,
    ColIndikator,
    ColSatuan,
    ColBaseline,
    ColTarget,
    ColRealisasi,
    ColPenjelasan,
    ColFormula,
    ColPj,
    ColSumber,
    ExportXlsx,
    ExportCsv,
    ExportFailed,
    Exporting,
    CapaianSection,
    ShowCapaian,
    ColourByCapaian,
    CapaianWithChildren,
    CapaianWeighted,
    CapaianYear,
    CapaianLatest,
    CapaianBadge,
    Present,
    PresentSearch,
    PresentKeys,
    PresentPrevious,
    PresentNext,
    PresentOverview,
    PresentExit,
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
        (Lang::Id, DocumentSection) => "Dokumen",
        (Lang::En, DocumentSection) => "Document",
        (Lang::Id, Judul) => "Judul",
        (Lang::En, Judul) => "Title",
        (Lang::Id, Wilayah) => "Wilayah",
        (Lang::En, Wilayah) => "Region",
        (Lang::Id, Nomor) => "Nomor",
        (Lang::En, Nomor) => "Number",
        (Lang::Id, PeriodeHint) => "tahun atau rentang tahun, mis. 2023–2028",
        (Lang::En, PeriodeHint) => "a year or a range of years, e.g. 2023–2028",
        (Lang::Id, NodeSection) => "Kotak",
        (Lang::En, NodeSection) => "Box",
        (Lang::Id, LevelLabel) => "Nama tingkat",
        (Lang::En, LevelLabel) => "Level name",
        (Lang::Id, Kind) => "Jenis hasil",
        (Lang::En, Kind) => "Result type",
        (Lang::Id, KindOutcome) => "Outcome (hasil)",
        (Lang::En, KindOutcome) => "Outcome",
        (Lang::Id, KindOutput) => "Output (keluaran)",
        (Lang::En, KindOutput) => "Output",
        (Lang::Id, Kondisi) => "Kondisi",
        (Lang::En, Kondisi) => "Statement",
        (Lang::Id, Lane) => "Lajur samping",
        (Lang::En, Lane) => "Side lane",
        (Lang::Id, LanePlaceholder) => "mis. Bidang Rutin",
        (Lang::En, LanePlaceholder) => "e.g. Bidang Rutin",
        (Lang::Id, IndikatorNama) => "Nama indikator",
        (Lang::En, IndikatorNama) => "Indicator name",
        (Lang::Id, JenisIndikator) => "Jenis",
        (Lang::En, JenisIndikator) => "Type",
        (Lang::Id, JenisLainnya) => "Lainnya…",
        (Lang::En, JenisLainnya) => "Other…",
        (Lang::Id, JenisLabel) => "Label jenis",
        (Lang::En, JenisLabel) => "Type label",
        (Lang::Id, Unnamed) => "(tanpa nama)",
        (Lang::En, Unnamed) => "(unnamed)",
        (Lang::Id, Realisasi) => "Realisasi",
        (Lang::En, Realisasi) => "Actual",
        (Lang::Id, Tahun) => "Tahun",
        (Lang::En, Tahun) => "Year",
        (Lang::Id, YearGrid) => "Target dan realisasi per tahun",
        (Lang::En, YearGrid) => "Targets and actuals per year",
        (Lang::Id, IndikatorMore) => "Rincian indikator",
        (Lang::En, IndikatorMore) => "Indicator details",
        (Lang::Id, Polaritas) => "Polaritas",
        (Lang::En, Polaritas) => "Polarity",
        (Lang::Id, HigherIsBetter) => "Makin tinggi makin baik",
        (Lang::En, HigherIsBetter) => "Higher is better",
        (Lang::Id, LowerIsBetter) => "Makin rendah makin baik",
        (Lang::En, LowerIsBetter) => "Lower is better",
        (Lang::Id, RangeTarget) => "Target berupa rentang",
        (Lang::En, RangeTarget) => "Target is a range",
        (Lang::Id, Baseline) => "Baseline",
        (Lang::En, Baseline) => "Baseline",
        (Lang::Id, BaselineTahun) => "Tahun baseline",
        (Lang::En, BaselineTahun) => "Baseline year",
        (Lang::Id, YearHint) => "tahun empat angka, mis. 2022",
        (Lang::En, YearHint) => "a four-digit year, e.g. 2022",
        (Lang::Id, Formula) => "Formula",
        (Lang::En, Formula) => "Formula",
        (Lang::Id, Penjelasan) => "Penjelasan",
        (Lang::En, Penjelasan) => "Explanation",
        (Lang::Id, SumberData) => "Sumber data",
        (Lang::En, SumberData) => "Data source",
        (Lang::Id, PjIndikator) => "Penanggung jawab indikator",
        (Lang::En, PjIndikator) => "Indicator's responsible unit",
        (Lang::Id, RealisasiTriwulan) => "Realisasi triwulan",
        (Lang::En, RealisasiTriwulan) => "Quarterly actuals",
        (Lang::Id, AturanTriwulan) => "Realisasi tahunan",
        (Lang::En, AturanTriwulan) => "Yearly actual",
        (Lang::Id, Kumulatif) => "Jumlah triwulan (kumulatif)",
        (Lang::En, Kumulatif) => "Sum of the quarters",
        (Lang::Id, NilaiTerakhir) => "Triwulan terakhir",
        (Lang::En, NilaiTerakhir) => "Last quarter",
        (Lang::Id, Tw1) => "TW I",
        (Lang::En, Tw1) => "Q1",
        (Lang::Id, Tw2) => "TW II",
        (Lang::En, Tw2) => "Q2",
        (Lang::Id, Tw3) => "TW III",
        (Lang::En, Tw3) => "Q3",
        (Lang::Id, Tw4) => "TW IV",
        (Lang::En, Tw4) => "Q4",
        (Lang::Id, NilaiAmbigu) => "angka ambigu: koma untuk desimal, titik untuk ribuan",
        (Lang::En, NilaiAmbigu) => "ambiguous number: comma for decimals, dot for thousands",
        (Lang::Id, NilaiBukanAngka) => "bukan angka, capaian tidak dapat dihitung",
        (Lang::En, NilaiBukanAngka) => "not a number, so achievement cannot be computed",
        (Lang::Id, AddIndikator) => "Tambah indikator",
        (Lang::En, AddIndikator) => "Add indicator",
        (Lang::Id, AddAnggaran) => "Tambah program / kegiatan",
        (Lang::En, AddAnggaran) => "Add budget line",
        (Lang::Id, AddCrosscutting) => "Tambah instansi",
        (Lang::En, AddCrosscutting) => "Add agency",
        (Lang::Id, Remove) => "Hapus",
        (Lang::En, Remove) => "Remove",
        (Lang::Id, ItemIndikator) => "indikator",
        (Lang::En, ItemIndikator) => "indicator",
        (Lang::Id, ItemAnggaran) => "baris anggaran",
        (Lang::En, ItemAnggaran) => "budget line",
        (Lang::Id, ItemCrosscutting) => "instansi",
        (Lang::En, ItemCrosscutting) => "agency",
        (Lang::Id, TingkatProgram) => "Program",
        (Lang::En, TingkatProgram) => "Program",
        (Lang::Id, TingkatKegiatan) => "Kegiatan",
        (Lang::En, TingkatKegiatan) => "Activity",
        (Lang::Id, TingkatSubKegiatan) => "Sub kegiatan",
        (Lang::En, TingkatSubKegiatan) => "Sub-activity",
        (Lang::Id, Kode) => "Kode",
        (Lang::En, Kode) => "Code",
        (Lang::Id, Nama) => "Nama",
        (Lang::En, Nama) => "Name",
        (Lang::Id, Pagu) => "Pagu (Rp)",
        (Lang::En, Pagu) => "Budget ceiling (Rp)",
        (Lang::Id, PaguHint) => "hanya angka rupiah, mis. 1.500.000",
        (Lang::En, PaguHint) => "rupiah digits only, e.g. 1.500.000",
        (Lang::Id, Instansi) => "Instansi",
        (Lang::En, Instansi) => "Agency",
        (Lang::Id, Status) => "Status",
        (Lang::En, Status) => "Status",
        (Lang::Id, StatusPlaceholder) => "mis. disepakati",
        (Lang::En, StatusPlaceholder) => "e.g. disepakati",
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
        (Lang::Id, SearchPlaceholder) => "Cari kondisi, indikator, kode, penanggung jawab",
        (Lang::En, SearchPlaceholder) => "Search statements, indicators, codes, people in charge",
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
        (Lang::Id, FileMenu) => "Berkas",
        (Lang::En, FileMenu) => "File",
        (Lang::Id, Saved) => "Tersimpan",
        (Lang::En, Saved) => "Saved",
        (Lang::Id, Saving) => "Menyimpan…",
        (Lang::En, Saving) => "Saving…",
        (Lang::Id, Unsaved) => "Belum tersimpan",
        (Lang::En, Unsaved) => "Not saved",
        (Lang::Id, ConflictMessage) => "Draf ini diubah di tab lain sejak tab ini menyimpannya.",
        (Lang::En, ConflictMessage) => "This draft was changed in another tab since this tab saved it.",
        (Lang::Id, TakeTheirs) => "Muat versi tab lain",
        (Lang::En, TakeTheirs) => "Load the other tab's version",
        (Lang::Id, KeepOurs) => "Timpa dengan versi ini",
        (Lang::En, KeepOurs) => "Overwrite with this version",
        (Lang::Id, KeepAsNew) => "Simpan versi ini sebagai draf baru",
        (Lang::En, KeepAsNew) => "Save this version as a new draft",
        (Lang::Id, DropHint) => "Lepaskan di atas kotak yang akan menjadi induknya",
        (Lang::En, DropHint) => "Drop onto the box that becomes its parent",
        (Lang::Id, DropHere) => "Pindahkan ke bawah kotak ini",
        (Lang::En, DropHere) => "Move under this box",
        (Lang::Id, DropRefused) => "Tidak dapat dipindah ke cabangnya sendiri",
        (Lang::En, DropRefused) => "Cannot move into its own branch",
        (Lang::Id, EditKondisi) => "Ketik kondisi",
        (Lang::En, EditKondisi) => "Type the statement",
        (Lang::Id, KondisiPlaceholder) => "Meningkatnya …",
        (Lang::En, KondisiPlaceholder) => "Meningkatnya … (the condition to reach)",
        (Lang::Id, EditGroup) => "Sunting",
        (Lang::En, EditGroup) => "Edit",
        (Lang::Id, Undo) => "Urungkan",
        (Lang::En, Undo) => "Undo",
        (Lang::Id, Redo) => "Ulangi",
        (Lang::En, Redo) => "Redo",
        (Lang::Id, NothingToUndo) => "Tidak ada yang dapat diurungkan",
        (Lang::En, NothingToUndo) => "Nothing to undo",
        (Lang::Id, NothingToRedo) => "Tidak ada yang dapat diulangi",
        (Lang::En, NothingToRedo) => "Nothing to redo",
        (Lang::Id, AddChild) => "Tambah anak",
        (Lang::En, AddChild) => "Add child",
        (Lang::Id, AddSibling) => "Tambah saudara",
        (Lang::En, AddSibling) => "Add sibling",
        (Lang::Id, DeleteSubtree) => "Hapus cabang",
        (Lang::En, DeleteSubtree) => "Delete branch",
        (Lang::Id, DeleteNodeOnly) => "Hapus kotak saja",
        (Lang::En, DeleteNodeOnly) => "Delete box only",
        (Lang::Id, Duplicate) => "Gandakan",
        (Lang::En, Duplicate) => "Duplicate",
        (Lang::Id, MoveUp) => "Naikkan",
        (Lang::En, MoveUp) => "Move up",
        (Lang::Id, MoveDown) => "Turunkan",
        (Lang::En, MoveDown) => "Move down",
        (Lang::Id, MoveTo) => "Pindahkan ke…",
        (Lang::En, MoveTo) => "Move to…",
        (Lang::Id, CopyBranch) => "Salin cabang",
        (Lang::En, CopyBranch) => "Copy branch",
        (Lang::Id, PasteBranch) => "Tempel sebagai anak",
        (Lang::En, PasteBranch) => "Paste as child",
        (Lang::Id, EditInPlace) => "Sunting kondisi",
        (Lang::En, EditInPlace) => "Edit statement",
        (Lang::Id, MoreActions) => "Lainnya",
        (Lang::En, MoreActions) => "More",
        (Lang::Id, Shortcuts) => "Pintasan keyboard",
        (Lang::En, Shortcuts) => "Keyboard shortcuts",
        (Lang::Id, PasteFailed) => "Isi papan klip bukan cabang pohon kinerja",
        (Lang::En, PasteFailed) => "The clipboard does not hold a pohon kinerja branch",
        (Lang::Id, DialogCancel) => "Batal",
        (Lang::En, DialogCancel) => "Cancel",
        (Lang::Id, HelpTreeGroup) => "Pohon dan navigasi",
        (Lang::En, HelpTreeGroup) => "Tree and navigation",
        (Lang::Id, HelpEditGroup) => "Menyunting",
        (Lang::En, HelpEditGroup) => "Editing",
        (Lang::Id, HelpViewGroup) => "Tampilan (kanvas terfokus)",
        (Lang::En, HelpViewGroup) => "View (canvas focused)",
        (Lang::Id, HelpSelect) => "Pilih kotak sebelumnya / berikutnya",
        (Lang::En, HelpSelect) => "Select the previous / next box",
        (Lang::Id, HelpExpandCollapse) => "Buka cabang atau ke anaknya / tutup cabang atau ke induknya",
        (Lang::En, HelpExpandCollapse) => "Expand, or go to the child / collapse, or go to the parent",
        (Lang::Id, HelpHomeEnd) => "Ke kotak pertama / terakhir",
        (Lang::En, HelpHomeEnd) => "Go to the first / last box",
        (Lang::Id, HelpToggle) => "Tutup atau buka cabang",
        (Lang::En, HelpToggle) => "Collapse or expand the branch",
        (Lang::Id, HelpDetails) => "Ke panel rincian kotak",
        (Lang::En, HelpDetails) => "Go to the box's details panel",
        (Lang::Id, HelpLeaveTree) => "Keluar dari pohon",
        (Lang::En, HelpLeaveTree) => "Leave the tree",
        (Lang::Id, HelpThis) => "Bantuan ini",
        (Lang::En, HelpThis) => "This help",
        (Lang::Id, HelpEditInPlace) => "Ketik kondisi langsung di kotak (Enter menyimpan, Esc membatalkan)",
        (Lang::En, HelpEditInPlace) => "Type the statement in the box (Enter keeps it, Esc cancels)",
        (Lang::Id, HelpDeleteBranch) => "Hapus kotak beserta cabangnya",
        (Lang::En, HelpDeleteBranch) => "Delete the box with its branch",
        (Lang::Id, HelpDeleteBox) => "Hapus kotak saja; anak-anaknya naik menggantikannya",
        (Lang::En, HelpDeleteBox) => "Delete the box only; its children move up in its place",
        (Lang::Id, HelpDuplicate) => "Gandakan kotak beserta cabangnya",
        (Lang::En, HelpDuplicate) => "Duplicate the box with its branch",
        (Lang::Id, HelpReorder) => "Geser ke atas / ke bawah di antara saudaranya",
        (Lang::En, HelpReorder) => "Move up / down among its siblings",
        (Lang::Id, HelpMoveTo) => "Pindahkan ke bawah kotak lain…",
        (Lang::En, HelpMoveTo) => "Move under another box…",
        (Lang::Id, HelpClipboard) => "Salin / potong / tempel cabang (juga antar-tab)",
        (Lang::En, HelpClipboard) => "Copy / cut / paste a branch (also between tabs)",
        (Lang::Id, HelpPan) => "Geser tampilan",
        (Lang::En, HelpPan) => "Pan the view",
        (Lang::Id, HelpZoom) => "Perbesar / perkecil",
        (Lang::En, HelpZoom) => "Zoom in / out",
        (Lang::Id, HelpMacNote) => "Di Mac, ⌘ dapat dipakai sebagai ganti Ctrl.",
        (Lang::En, HelpMacNote) => "On a Mac, ⌘ works in place of Ctrl.",
        (Lang::Id, HelpKeySpace) => "Spasi",
        (Lang::En, HelpKeySpace) => "Space",
        (Lang::Id, HelpDoubleClick) => "klik ganda",
        (Lang::En, HelpDoubleClick) => "double-click",
        (Lang::Id, HelpOr) => "atau",
        (Lang::En, HelpOr) => "or",
        (Lang::Id, HelpThen) => "lalu",
        (Lang::En, HelpThen) => "then",
        (Lang::Id, MoveSearch) => "Cari kotak tujuan",
        (Lang::En, MoveSearch) => "Find the destination box",
        (Lang::Id, MoveTargets) => "Kotak tujuan",
        (Lang::En, MoveTargets) => "Destination boxes",
        (Lang::Id, MoveMoving) => "Dipindahkan",
        (Lang::En, MoveMoving) => "Moving",
        (Lang::Id, MoveHint) => "Pilih kotak yang menjadi induk barunya: ↑ ↓ memilih, Enter memindahkan. Kotak ini dan cabangnya tidak dapat dipilih.",
        (Lang::En, MoveHint) => "Choose the box that becomes its new parent: ↑ ↓ to choose, Enter to move. The box itself and its branch cannot be chosen.",
        (Lang::Id, MoveCurrentParent) => "induk sekarang",
        (Lang::En, MoveCurrentParent) => "current parent",
        (Lang::Id, NewDocTitle) => "Dokumen baru",
        (Lang::En, NewDocTitle) => "New document",
        (Lang::Id, NewDocJudul) => "Judul",
        (Lang::En, NewDocJudul) => "Title",
        (Lang::Id, NewDocWilayah) => "Wilayah",
        (Lang::En, NewDocWilayah) => "Region",
        (Lang::Id, NewDocOpdExample) => "mis. Dinas Sosial",
        (Lang::En, NewDocOpdExample) => "e.g. Dinas Sosial",
        (Lang::Id, NewDocWilayahExample) => "mis. Kota Payakumbuh",
        (Lang::En, NewDocWilayahExample) => "e.g. Kota Payakumbuh",
        (Lang::Id, NewDocPeriode) => "Periode rencana",
        (Lang::En, NewDocPeriode) => "Plan period",
        (Lang::Id, NewDocAwal) => "Tahun awal",
        (Lang::En, NewDocAwal) => "First year",
        (Lang::Id, NewDocAkhir) => "Tahun akhir",
        (Lang::En, NewDocAkhir) => "Last year",
        (Lang::Id, NewDocPeriodeHint) => "Renstra: lima tahun. Pohon tahunan: tahun awal sama dengan tahun akhir.",
        (Lang::En, NewDocPeriodeHint) => "A Renstra spans five years; for an annual tree, make both years the same.",
        (Lang::Id, NewDocStartWith) => "Isi awal",
        (Lang::En, NewDocStartWith) => "Start with",
        (Lang::Id, NewDocEmpty) => "Kosong",
        (Lang::En, NewDocEmpty) => "Empty",
        (Lang::Id, NewDocEmptyHint) => "satu kotak puncak untuk diketik",
        (Lang::En, NewDocEmptyHint) => "one top box to type in",
        (Lang::Id, NewDocStarter) => "Dengan tingkat baku",
        (Lang::En, NewDocStarter) => "With the standard levels",
        (Lang::Id, NewDocStarterHint) => "satu kotak per tingkat, untuk diketik ulang",
        (Lang::En, NewDocStarterHint) => "one box per level, to type over",
        (Lang::Id, NewDocCreate) => "Buat dokumen",
        (Lang::En, NewDocCreate) => "Create document",
        (Lang::Id, DraftsTitle) => "Draf",
        (Lang::En, DraftsTitle) => "Drafts",
        (Lang::Id, DraftsList) => "Draf di peramban ini",
        (Lang::En, DraftsList) => "Drafts in this browser",
        (Lang::Id, DraftsModified) => "Terakhir diubah",
        (Lang::En, DraftsModified) => "Last modified",
        (Lang::Id, DraftsNodes) => "Kotak",
        (Lang::En, DraftsNodes) => "Boxes",
        (Lang::Id, DraftsActions) => "Tindakan",
        (Lang::En, DraftsActions) => "Actions",
        (Lang::Id, DraftsOpenNow) => "sedang dibuka",
        (Lang::En, DraftsOpenNow) => "open now",
        (Lang::Id, DraftsOpen) => "Buka",
        (Lang::En, DraftsOpen) => "Open",
        (Lang::Id, DraftsRename) => "Ganti nama",
        (Lang::En, DraftsRename) => "Rename",
        (Lang::Id, DraftsRenameLabel) => "Nama draf (Enter menyimpan, Esc membatalkan)",
        (Lang::En, DraftsRenameLabel) => "Draft name (Enter keeps it, Esc cancels)",
        (Lang::Id, DraftsDelete) => "Hapus",
        (Lang::En, DraftsDelete) => "Delete",
        (Lang::Id, DraftsDeleteOpenHint) => "Draf yang sedang dibuka tidak dapat dihapus; buka draf lain dahulu",
        (Lang::En, DraftsDeleteOpenHint) => "The open draft cannot be deleted; open another draft first",
        (Lang::Id, DraftsCopyTitle) => "{title} (salinan)",
        (Lang::En, DraftsCopyTitle) => "{title} (copy)",
        (Lang::Id, DraftsEmpty) => "Belum ada draf.",
        (Lang::En, DraftsEmpty) => "No drafts yet.",
        (Lang::Id, DraftsUnreadable) => "Tidak dapat dibaca; teksnya disimpan tanpa diubah",
        (Lang::En, DraftsUnreadable) => "Cannot be read; its text is kept unchanged",
        (Lang::Id, DraftsDownloadRaw) => "Unduh teks mentah",
        (Lang::En, DraftsDownloadRaw) => "Download raw text",
        (Lang::Id, DraftsRetry) => "Coba buka lagi",
        (Lang::En, DraftsRetry) => "Try again",
        (Lang::Id, DraftsVersions) => "Versi sebelumnya",
        (Lang::En, DraftsVersions) => "Earlier versions",
        (Lang::Id, DraftsVersionsNote) => "Dari draf yang sedang dibuka: satu versi tiap 10 menit kerja, 10 terakhir.",
        (Lang::En, DraftsVersionsNote) => "Of the open draft: one version per 10 minutes of work, the last 10.",
        (Lang::Id, DraftsVersionsNone) => "Belum ada versi sebelumnya.",
        (Lang::En, DraftsVersionsNone) => "No earlier versions yet.",
        (Lang::Id, DraftsSavedAt) => "Disimpan",
        (Lang::En, DraftsSavedAt) => "Saved",
        (Lang::Id, DraftsOpenAsNew) => "Buka sebagai draf baru",
        (Lang::En, DraftsOpenAsNew) => "Open as new draft",
        (Lang::Id, DraftsRestore) => "Pulihkan",
        (Lang::En, DraftsRestore) => "Restore",
        (Lang::Id, DraftsTrash) => "Sampah",
        (Lang::En, DraftsTrash) => "Trash",
        (Lang::Id, DraftsTrashNote) => "Draf yang dihapus dapat dipulihkan selama 30 hari.",
        (Lang::En, DraftsTrashNote) => "Deleted drafts can be restored for 30 days.",
        (Lang::Id, DraftsTrashEmpty) => "Sampah kosong.",
        (Lang::En, DraftsTrashEmpty) => "The trash is empty.",
        (Lang::Id, DraftsDeletedAt) => "Dihapus",
        (Lang::En, DraftsDeletedAt) => "Deleted",
        (Lang::Id, DraftsTimeLeft) => "Sisa",
        (Lang::En, DraftsTimeLeft) => "Left",
        (Lang::Id, DraftsDaysLeft) => "{n} hari",
        (Lang::En, DraftsDaysLeft) => "{n} days",
        (Lang::Id, DraftsDayLeft) => "{n} hari",
        (Lang::En, DraftsDayLeft) => "{n} day",
        (Lang::Id, DraftsDeleteForever) => "Hapus permanen",
        (Lang::En, DraftsDeleteForever) => "Delete forever",
        (Lang::Id, DraftsConfirmForever) => "Klik lagi: hapus permanen",
        (Lang::En, DraftsConfirmForever) => "Click again: delete forever",
        (Lang::Id, DraftsKept) => "Teks yang disisihkan",
        (Lang::En, DraftsKept) => "Texts kept aside",
        (Lang::Id, DraftsKeptNote) => "Teks yang tidak dapat dibaca atau akan tertimpa disimpan di sini tanpa diubah. Unduh bila perlu, lalu buang untuk mengosongkan ruang.",
        (Lang::En, DraftsKeptNote) => "Texts that could not be read, or would have been overwritten, are kept here unchanged. Download them if you need them, then discard them to free space.",
        (Lang::Id, DraftsKeptAt) => "Disisihkan",
        (Lang::En, DraftsKeptAt) => "Kept since",
        (Lang::Id, DraftsKeptIndex) => "daftar draf",
        (Lang::En, DraftsKeptIndex) => "drafts index",
        (Lang::Id, DraftsSize) => "Ukuran",
        (Lang::En, DraftsSize) => "Size",
        (Lang::Id, DraftsDownload) => "Unduh",
        (Lang::En, DraftsDownload) => "Download",
        (Lang::Id, DraftsDiscard) => "Buang",
        (Lang::En, DraftsDiscard) => "Discard",
        (Lang::Id, DraftsConfirmDiscard) => "Klik lagi: buang",
        (Lang::En, DraftsConfirmDiscard) => "Click again: discard",
        (Lang::Id, DraftsStorage) => "Penyimpanan peramban",
        (Lang::En, DraftsStorage) => "Browser storage",
        (Lang::Id, DraftsUsage) => "{used} dari ±{quota}",
        (Lang::En, DraftsUsage) => "{used} of about {quota}",
        (Lang::Id, DraftsQuotaFull) => "Penyimpanan peramban penuh: perubahan terakhir belum tersimpan, tetapi dokumen di layar tetap utuh. Unduh JSON-nya sekarang. Lalu kosongkan ruang: hapus draf lama lalu hapus permanen dari Sampah (versi sebelumnya ikut terhapus), atau buang teks yang disisihkan. Penyimpanan berlanjut sendiri begitu ada ruang.",
        (Lang::En, DraftsQuotaFull) => "Browser storage is full: the latest changes are not saved, but the document on screen is intact. Download its JSON now. Then free space: delete old drafts and delete them forever from the Trash (their earlier versions go with them), or discard texts kept aside. Saving resumes by itself once there is room.",
        (Lang::Id, DraftsUnsavedSwitch) => "Perubahan terakhir pada dokumen yang dibuka belum dapat disimpan dan akan hilang bila dokumen lain dibuka. Unduh JSON-nya dahulu.",
        (Lang::En, DraftsUnsavedSwitch) => "The latest changes to the open document could not be saved and would be lost if another document is opened. Download its JSON first.",
        (Lang::Id, DraftsSwitchAnyway) => "Tetap buka tanpa menyimpan",
        (Lang::En, DraftsSwitchAnyway) => "Open anyway, without saving",
        (Lang::Id, ViewMenu) => "Tampilan",
        (Lang::En, ViewMenu) => "View",
        (Lang::Id, BranchMenu) => "Cabang",
        (Lang::En, BranchMenu) => "Branches",
        (Lang::Id, ModeAcross) => "Kiri ke kanan",
        (Lang::En, ModeAcross) => "Left to right",
        (Lang::Id, ModeAutoPicked) => "Otomatis: {mode}",
        (Lang::En, ModeAutoPicked) => "Automatic: {mode}",
        (Lang::Id, ShowMinimap) => "Peta mini",
        (Lang::En, ShowMinimap) => "Minimap",
        (Lang::Id, PanelToggle) => "Panel samping",
        (Lang::En, PanelToggle) => "Side panel",
        (Lang::Id, HidePanel) => "Sembunyikan panel samping",
        (Lang::En, HidePanel) => "Hide the side panel",
        (Lang::Id, ResizePanel) => "Ubah lebar panel samping",
        (Lang::En, ResizePanel) => "Resize the side panel",
        (Lang::Id, KondisiEmpty) => "kondisi belum diisi",
        (Lang::En, KondisiEmpty) => "statement not filled in",
        (Lang::Id, LevelInForce) => "tingkat yang berlaku",
        (Lang::En, LevelInForce) => "level in force",
        (Lang::Id, ExpandToLevelN) => "Buka sampai tingkat {n}: {name}",
        (Lang::En, ExpandToLevelN) => "Expand to level {n}: {name}",
        (Lang::Id, ShortcutPanel) => "Tampilkan atau sembunyikan panel samping",
        (Lang::En, ShortcutPanel) => "Show or hide the side panel",
        (Lang::Id, ShortcutEscape) => "Batalkan pilihan kotak (lalu Tab keluar dari pohon)",
        (Lang::En, ShortcutEscape) => "Clear the selection (then Tab leaves the tree)",
        (Lang::Id, SearchShort) => "Cari…",
        (Lang::En, SearchShort) => "Search…",
        (Lang::Id, LinkReadOnly) => "Dokumen dari tautan ini hanya dapat dibaca. Pilih “Simpan sebagai draf” untuk mengubahnya.",
        (Lang::En, LinkReadOnly) => "This document from a link is read-only. Choose “Save as draft” to change it.",
        (Lang::Id, SharedBanner) => "Dibuka dari tautan bersama: hanya baca, belum disimpan di peramban ini.",
        (Lang::En, SharedBanner) => "Opened from a shared link: read-only, not saved in this browser.",
        (Lang::Id, SaveAsDraft) => "Simpan sebagai draf",
        (Lang::En, SaveAsDraft) => "Save as draft",
        (Lang::Id, Share) => "Bagikan",
        (Lang::En, Share) => "Share",
        (Lang::Id, ShareTitle) => "Bagikan tautan",
        (Lang::En, ShareTitle) => "Share a link",
        (Lang::Id, ShareLinkLabel) => "Tautan (seluruh pohon ada di dalamnya; tidak ada server yang menyimpannya)",
        (Lang::En, ShareLinkLabel) => "Link (the whole tree is inside it; no server stores it)",
        (Lang::Id, ShareLength) => "{n} karakter",
        (Lang::En, ShareLength) => "{n} characters",
        (Lang::Id, ShareCopy) => "Salin tautan",
        (Lang::En, ShareCopy) => "Copy link",
        (Lang::Id, ShareCopied) => "Tautan disalin.",
        (Lang::En, ShareCopied) => "Link copied.",
        (Lang::Id, ShareIncludeView) => "Buka di kotak yang sedang dipilih",
        (Lang::En, ShareIncludeView) => "Open at the selected box",
        (Lang::Id, ShareLong) => "Tautan ini lebih dari {safe} karakter: sebagian aplikasi obrolan dan surel bisa memotongnya. Lebih aman kirim berkasnya (Berkas → Unduh JSON).",
        (Lang::En, ShareLong) => "This link is over {safe} characters: some chat and mail programs may cut it. Sending the file is safer (File → Download JSON).",
        (Lang::Id, ShareMaking) => "Membuat tautan…",
        (Lang::En, ShareMaking) => "Making the link…",
        (Lang::Id, ShareFailed) => "Tautan tidak dapat dibuat",
        (Lang::En, ShareFailed) => "The link could not be made",
        (Lang::Id, LinkFailed) => "Tautan tidak dapat dibuka",
        (Lang::En, LinkFailed) => "The link could not be opened",
        (Lang::Id, PrintMenu) => "Cetak / PDF…",
        (Lang::En, PrintMenu) => "Print / PDF…",
        (Lang::Id, PrintTitle) => "Cetak atau simpan sebagai PDF",
        (Lang::En, PrintTitle) => "Print or save as PDF",
        (Lang::Id, Paper) => "Kertas",
        (Lang::En, Paper) => "Paper",
        (Lang::Id, Portrait) => "Tegak",
        (Lang::En, Portrait) => "Portrait",
        (Lang::Id, Landscape) => "Mendatar",
        (Lang::En, Landscape) => "Landscape",
        (Lang::Id, PrintLayout) => "Susunan",
        (Lang::En, PrintLayout) => "Layout",
        (Lang::Id, PrintOne) => "Seluruh pohon pada satu halaman",
        (Lang::En, PrintOne) => "Whole tree on one page",
        (Lang::Id, PrintTiles) => "Dibagi ke beberapa halaman",
        (Lang::En, PrintTiles) => "Tiled across pages",
        (Lang::Id, PrintBranches) => "Satu cabang per halaman",
        (Lang::En, PrintBranches) => "One branch per page",
        (Lang::Id, Columns) => "Kolom",
        (Lang::En, Columns) => "Columns",
        (Lang::Id, Rows) => "Baris",
        (Lang::En, Rows) => "Rows",
        (Lang::Id, PrintSummary) => "Skala {scale} % · {pages} halaman",
        (Lang::En, PrintSummary) => "Scale {scale} % · {pages} pages",
        (Lang::Id, PageMap) => "Peta halaman",
        (Lang::En, PageMap) => "Page map",
        (Lang::Id, PrintButton) => "Cetak",
        (Lang::En, PrintButton) => "Print",
        (Lang::Id, PageOf) => "Halaman {k} dari {n}",
        (Lang::En, PageOf) => "Page {k} of {n}",
        (Lang::Id, PageTile) => "baris {r}, kolom {c}",
        (Lang::En, PageTile) => "row {r}, column {c}",
        (Lang::Id, PrintNote) => "Pilih “Simpan sebagai PDF” di jendela cetak peramban untuk berkas PDF.",
        (Lang::En, PrintNote) => "Choose “Save as PDF” in the browser's print window for a PDF file.",
        (Lang::Id, ExportPicture) => "Ekspor gambar…",
        (Lang::En, ExportPicture) => "Export picture…",
        (Lang::Id, PictureTitle) => "Ekspor gambar",
        (Lang::En, PictureTitle) => "Export picture",
        (Lang::Id, PictureWhat) => "Bagian",
        (Lang::En, PictureWhat) => "Part",
        (Lang::Id, PictureWhole) => "Seluruh pohon",
        (Lang::En, PictureWhole) => "Whole tree",
        (Lang::Id, PictureVisible) => "Yang terlihat di layar",
        (Lang::En, PictureVisible) => "What is on screen",
        (Lang::Id, PictureBranch) => "Cabang kotak terpilih",
        (Lang::En, PictureBranch) => "Branch of the selected box",
        (Lang::Id, PictureScale) => "Ukuran PNG",
        (Lang::En, PictureScale) => "PNG size",
        (Lang::Id, PictureSize) => "{w} × {h} piksel",
        (Lang::En, PictureSize) => "{w} × {h} pixels",
        (Lang::Id, PictureSvg) => "Unduh SVG",
        (Lang::En, PictureSvg) => "Download SVG",
        (Lang::Id, PicturePng) => "Unduh PNG",
        (Lang::En, PicturePng) => "Download PNG",
        (Lang::Id, PictureCopy) => "Salin PNG",
        (Lang::En, PictureCopy) => "Copy PNG",
        (Lang::Id, PictureCopied) => "Gambar disalin; tempel di dokumen atau obrolan.",
        (Lang::En, PictureCopied) => "Picture copied; paste it into a document or a chat.",
        (Lang::Id, PictureTooLarge) => "Gambar {w} × {h} piksel terlalu besar untuk peramban. Pilih ukuran lebih kecil, atau ekspor satu cabang; SVG tidak terbatas.",
        (Lang::En, PictureTooLarge) => "A {w} × {h} pixel picture is too large for the browser. Choose a smaller size, or export one branch; SVG has no limit.",
        (Lang::Id, PictureFailed) => "Gambar tidak dapat dibuat",
        (Lang::En, PictureFailed) => "The picture could not be made",
        (Lang::Id, OpenFromUrl) => "Buka dari URL",
        (Lang::En, OpenFromUrl) => "Open from URL",
        (Lang::Id, UrlLabel) => "Alamat berkas JSON",
        (Lang::En, UrlLabel) => "Address of a JSON file",
        (Lang::Id, UrlHint) => "Dari situs ini, atau dari situs lain yang mengizinkannya (CORS).",
        (Lang::En, UrlHint) => "From this site, or from another site that allows it (CORS).",
        (Lang::Id, OpenButton) => "Buka",
        (Lang::En, OpenButton) => "Open",
        (Lang::Id, DropFile) => "Lepaskan berkas di sini: .json dibuka sebagai draf baru; .xlsx, .csv atau .txt diimpor",
        (Lang::En, DropFile) => "Drop a file here: a .json opens as a new draft; an .xlsx, .csv or .txt is imported",
        (Lang::Id, Opening) => "Membuka {name}…",
        (Lang::En, Opening) => "Opening {name}…",
        (Lang::Id, Import) => "Impor",
        (Lang::En, Import) => "Import",
        (Lang::Id, ImportMenu) => "Impor tabel atau teks…",
        (Lang::En, ImportMenu) => "Import a table or text…",
        (Lang::Id, ImportTitle) => "Impor tabel atau teks",
        (Lang::En, ImportTitle) => "Import a table or text",
        (Lang::Id, ImportPaste) => "Tempel tabel atau teks",
        (Lang::En, ImportPaste) => "Paste a table or text",
        (Lang::Id, ImportPasteHint) => "Salin tabel IKU dari Excel, Word atau PDF, atau teks pohon kinerja, lalu tempel di sini. Atau buka berkas .csv, .xlsx atau .txt.",
        (Lang::En, ImportPasteHint) => "Copy an IKU table from Excel, Word or a PDF, or a performance tree's text, and paste it here. Or open a .csv, .xlsx or .txt file.",
        (Lang::Id, ImportFile) => "Pilih berkas (.xlsx, .csv, .txt)…",
        (Lang::En, ImportFile) => "Choose a file (.xlsx, .csv, .txt)…",
        (Lang::Id, ImportKind) => "Dibaca sebagai",
        (Lang::En, ImportKind) => "Read as",
        (Lang::Id, ImportAsTable) => "Tabel IKU",
        (Lang::En, ImportAsTable) => "IKU table",
        (Lang::Id, ImportAsOutline) => "Teks berjenjang",
        (Lang::En, ImportAsOutline) => "Text outline",
        (Lang::Id, ImportSheet) => "Lembar",
        (Lang::En, ImportSheet) => "Sheet",
        (Lang::Id, ImportReading) => "Membaca…",
        (Lang::En, ImportReading) => "Reading…",
        (Lang::Id, ImportLoadingReader) => "Menyiapkan pembaca (sekali saja)…",
        (Lang::En, ImportLoadingReader) => "Preparing the reader (once only)…",
        (Lang::Id, ImportColumn) => "Arti kolom {n}: {name}",
        (Lang::En, ImportColumn) => "Meaning of column {n}: {name}",
        (Lang::Id, ImportTableSummary) => "Akan diimpor: {s} sasaran dengan {i} indikator, dari {r} baris.",
        (Lang::En, ImportTableSummary) => "To import: {s} goals with {i} indicators, from {r} rows.",
        (Lang::Id, ImportTableMore) => "Pratinjau {n} baris pertama.",
        (Lang::En, ImportTableMore) => "Preview of the first {n} rows.",
        (Lang::Id, ImportColumnsHint) => "Periksa arti tiap kolom; ubah bila salah tebak.",
        (Lang::En, ImportColumnsHint) => "Check what each column means; change it where the guess is wrong.",
        (Lang::Id, ImportOutlineSummary) => "Akan diimpor: {n} pernyataan kinerja.",
        (Lang::En, ImportOutlineSummary) => "To import: {n} performance statements.",
        (Lang::Id, ImportOutlineHint) => "Perbaiki tingkat dan induk: ⇥ memasukkan sebuah pernyataan ke bawah pernyataan di atasnya, ⇤ mengeluarkannya.",
        (Lang::En, ImportOutlineHint) => "Fix levels and parents: ⇥ puts a statement under the one above it, ⇤ takes it out.",
        (Lang::Id, ImportOutlineMore) => "… dan {n} lagi, diimpor sesuai teks.",
        (Lang::En, ImportOutlineMore) => "… and {n} more, imported as the text places them.",
        (Lang::Id, ImportIndent) => "Masukkan ke bawah pernyataan di atasnya",
        (Lang::En, ImportIndent) => "Put under the statement above",
        (Lang::Id, ImportOutdent) => "Keluarkan satu tingkat",
        (Lang::En, ImportOutdent) => "Take out one level",
        (Lang::Id, ImportIndicators) => "{n} indikator",
        (Lang::En, ImportIndicators) => "{n} indicators",
        (Lang::Id, ImportBudgets) => "{n} anggaran",
        (Lang::En, ImportBudgets) => "{n} budget lines",
        (Lang::Id, ImportFailed) => "Impor gagal",
        (Lang::En, ImportFailed) => "Import failed",
        (Lang::Id, ImportNotice) => "Draf yang terbuka tidak diubah: hasil impor dibuka sebagai draf baru.",
        (Lang::En, ImportNotice) => "The open draft is not changed: the import opens as a new draft.",
        (Lang::Id, ImportPasted) => "Tempelan",
        (Lang::En, ImportPasted) => "Pasted text",
        (Lang::Id, ColIgnore) => "(abaikan)",
        (Lang::En, ColIgnore) => "(ignore)",
        (Lang::Id, ColNo) => "Nomor",
        (Lang::En, ColNo) => "Number",
        (Lang::Id, ColSasaran) => "Sasaran",
        (Lang::En, ColSasaran) => "Goal (sasaran)",
        (Lang::Id, ColIndikator) => "Indikator",
        (Lang::En, ColIndikator) => "Indicator",
        (Lang::Id, ColSatuan) => "Satuan",
        (Lang::En, ColSatuan) => "Unit",
        (Lang::Id, ColBaseline) => "Baseline",
        (Lang::En, ColBaseline) => "Baseline",
        (Lang::Id, ColTarget) => "Target {y}",
        (Lang::En, ColTarget) => "Target {y}",
        (Lang::Id, ColRealisasi) => "Realisasi {y}",
        (Lang::En, ColRealisasi) => "Actual {y}",
        (Lang::Id, ColPenjelasan) => "Penjelasan",
        (Lang::En, ColPenjelasan) => "Explanation",
        (Lang::Id, ColFormula) => "Formula",
        (Lang::En, ColFormula) => "Formula",
        (Lang::Id, ColPj) => "Penanggung jawab",
        (Lang::En, ColPj) => "In charge",
        (Lang::Id, ColSumber) => "Sumber data",
        (Lang::En, ColSumber) => "Data source",
        (Lang::Id, ExportXlsx) => "Unduh Excel (.xlsx)",
        (Lang::En, ExportXlsx) => "Download Excel (.xlsx)",
        (Lang::Id, ExportCsv) => "Unduh CSV (matriks cascading)",
        (Lang::En, ExportCsv) => "Download CSV (cascading matrix)",
        (Lang::Id, ExportFailed) => "Ekspor gagal",
        (Lang::En, ExportFailed) => "Export failed",
        (Lang::Id, Exporting) => "Menyiapkan {name}…",
        (Lang::En, Exporting) => "Preparing {name}…",
        (Lang::Id, CapaianSection) => "Capaian",
        (Lang::En, CapaianSection) => "Achievement",
        (Lang::Id, ShowCapaian) => "Tampilkan capaian",
        (Lang::En, ShowCapaian) => "Show achievement",
        (Lang::Id, ColourByCapaian) => "Warnai kotak menurut capaian",
        (Lang::En, ColourByCapaian) => "Colour boxes by achievement",
        (Lang::Id, CapaianWithChildren) => "Rata-rata termasuk kotak di bawahnya",
        (Lang::En, CapaianWithChildren) => "Average includes the boxes below",
        (Lang::Id, CapaianWeighted) => "Rata-rata berbobot",
        (Lang::En, CapaianWeighted) => "Weighted average",
        (Lang::Id, CapaianYear) => "Tahun {year}",
        (Lang::En, CapaianYear) => "Year {year}",
        (Lang::Id, CapaianLatest) => "Tahun terakhir yang ada realisasinya ({year})",
        (Lang::En, CapaianLatest) => "Latest year with realisasi ({year})",
        (Lang::Id, CapaianBadge) => "Capaian {year}: {value} ({band})",
        (Lang::En, CapaianBadge) => "Achievement {year}: {value} ({band})",
        (Lang::Id, Present) => "Presentasi",
        (Lang::En, Present) => "Present",
        (Lang::Id, PresentSearch) => "Lompat ke kotak… (Enter)",
        (Lang::En, PresentSearch) => "Jump to a box… (Enter)",
        (Lang::Id, PresentKeys) => "→ ← saudara · ↓ anak · ↑ induk · Spasi/PgDn berikut · O seluruh pohon · D rincian · C crosscutting · L tertinggal · / cari · Esc keluar",
        (Lang::En, PresentKeys) => "→ ← siblings · ↓ child · ↑ parent · Space/PgDn next · O whole tree · D details · C crosscutting · L lagging · / search · Esc exit",
        (Lang::Id, PresentPrevious) => "Sebelumnya",
        (Lang::En, PresentPrevious) => "Previous",
        (Lang::Id, PresentNext) => "Berikutnya",
        (Lang::En, PresentNext) => "Next",
        (Lang::Id, PresentOverview) => "Seluruh pohon",
        (Lang::En, PresentOverview) => "Whole tree",
        (Lang::Id, PresentExit) => "Keluar",
        (Lang::En, PresentExit) => "Exit",
    }
}

/// Why the plan period typed in "Dokumen baru" was refused.
pub fn periode_error(lang: Lang, e: PeriodeError) -> String {
    let id = lang == Lang::Id;
    match e {
        PeriodeError::BadStart if id => "Tahun awal harus tahun empat angka, mis. 2025.".to_owned(),
        PeriodeError::BadStart => "The first year must be a four-digit year, e.g. 2025.".to_owned(),
        PeriodeError::BadEnd if id => "Tahun akhir harus tahun empat angka, mis. 2029.".to_owned(),
        PeriodeError::BadEnd => "The last year must be a four-digit year, e.g. 2029.".to_owned(),
        PeriodeError::EndBeforeStart if id => "Tahun akhir tidak boleh sebelum tahun awal.".to_owned(),
        PeriodeError::EndBeforeStart => "The last year cannot come before the first year.".to_owned(),
        PeriodeError::TooLong if id => {
            format!("Periode paling panjang {MAX_PERIODE_SPAN} tahun setelah tahun awal (mis. 2025–2045).")
        }
        PeriodeError::TooLong => {
            format!("The period can run at most {MAX_PERIODE_SPAN} years past its first year (e.g. 2025–2045).")
        }
    }
}

/// How many boxes the move picker lists out of how many match.
pub fn move_count(lang: Lang, shown: usize, total: usize) -> String {
    let id = lang == Lang::Id;
    let n = |v: usize| {
        let digits = v.to_string();
        let sep = if id { '.' } else { ',' };
        let mut out = String::new();
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    };
    match (id, total) {
        (true, 0) => "Tidak ada kotak yang cocok.".to_owned(),
        (false, 0) => "No box matches.".to_owned(),
        (true, _) if shown < total => {
            format!("{} dari {} kotak ditampilkan; ketik untuk mempersempit.", n(shown), n(total))
        }
        (false, _) if shown < total => format!("Showing {} of {} boxes; type to narrow the list.", n(shown), n(total)),
        (true, _) => format!("{} kotak", n(total)),
        (false, 1) => "1 box".to_owned(),
        (false, _) => format!("{} boxes", n(total)),
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

/// Why an edit was refused, in one sentence.
pub fn op_error(lang: Lang, e: &OpError) -> String {
    let id = lang == Lang::Id;
    match e {
        OpError::NotFound(n) if id => format!("Kotak \"{n}\" tidak ada lagi."),
        OpError::NotFound(n) => format!("Box \"{n}\" no longer exists."),
        OpError::DuplicateId(n) if id => format!("Id \"{n}\" sudah dipakai."),
        OpError::DuplicateId(n) => format!("Id \"{n}\" is already used."),
        OpError::Root if id => "Kotak puncak tidak dapat dipindah atau dihapus.".to_owned(),
        OpError::Root => "The top box cannot be moved or deleted.".to_owned(),
        OpError::IntoOwnSubtree { .. } if id => {
            "Kotak tidak dapat dipindah ke bawah dirinya sendiri atau cabangnya.".to_owned()
        }
        OpError::IntoOwnSubtree { .. } => "A box cannot move under itself or its own branch.".to_owned(),
        OpError::BadIndex { .. } if id => "Posisi tujuan tidak valid.".to_owned(),
        OpError::BadIndex { .. } => "That position is not valid.".to_owned(),
        OpError::Orphan { .. } if id => "Kotak di bawahnya harus ikut dihapus.".to_owned(),
        OpError::Orphan { .. } => "The boxes below it must be deleted too.".to_owned(),
        OpError::EmptyClip if id => "Tidak ada yang dapat ditempel.".to_owned(),
        OpError::EmptyClip => "There is nothing to paste.".to_owned(),
    }
}

/// What an undo or redo would do, for its tooltip ("Urungkan: tambah anak").
pub fn action(lang: Lang, a: Action) -> &'static str {
    use Action::*;
    match (lang, a) {
        (Lang::Id, EditText) => "ubah kondisi",
        (Lang::En, EditText) => "edit statement",
        (Lang::Id, EditField) => "ubah isian",
        (Lang::En, EditField) => "edit field",
        (Lang::Id, EditDocument) => "ubah data dokumen",
        (Lang::En, EditDocument) => "edit document details",
        (Lang::Id, AddChild) => "tambah anak",
        (Lang::En, AddChild) => "add child",
        (Lang::Id, AddSibling) => "tambah saudara",
        (Lang::En, AddSibling) => "add sibling",
        (Lang::Id, Duplicate) => "gandakan cabang",
        (Lang::En, Duplicate) => "duplicate branch",
        (Lang::Id, DeleteNode) => "hapus kotak",
        (Lang::En, DeleteNode) => "delete box",
        (Lang::Id, DeleteSubtree) => "hapus cabang",
        (Lang::En, DeleteSubtree) => "delete branch",
        (Lang::Id, Move) => "pindahkan",
        (Lang::En, Move) => "move",
        (Lang::Id, Paste) => "tempel",
        (Lang::En, Paste) => "paste",
        (Lang::Id, ChangeLevel) => "ubah tingkat",
        (Lang::En, ChangeLevel) => "change level",
    }
}

/// What went wrong with the drafts in browser storage, and what to do.
pub fn storage_error(lang: Lang, e: &crate::storage::StorageError) -> String {
    use crate::storage::StorageError::*;
    let id = lang == Lang::Id;
    let mb = |b: u64| format!("{:.1}", b as f64 / 1_048_576.0).replace('.', if id { "," } else { "." });
    match e {
        Unavailable if id => "penyimpanan peramban tidak tersedia (mode pribadi atau data situs diblokir); unduh JSON agar pekerjaan tidak hilang".to_owned(),
        Unavailable => "browser storage is not available (private mode or blocked site data); download the JSON to keep your work".to_owned(),
        QuotaExceeded { used, quota, .. } if id => format!(
            "penyimpanan penuh ({} MB dari ±{} MB). Dokumen tetap utuh di layar: unduh JSON, atau hapus draf atau versi lama di Draf; penyimpanan berlanjut bila ada ruang",
            mb(*used),
            mb(*quota)
        ),
        QuotaExceeded { used, quota, .. } => format!(
            "storage is full ({} MB of about {} MB). The document on screen is intact: download the JSON, or delete old drafts or versions under Drafts; saving resumes when there is room",
            mb(*used),
            mb(*quota)
        ),
        Conflict { .. } if id => "draf ini diubah di tab lain; pilih versi yang dipakai".to_owned(),
        Conflict { .. } => "this draft was changed in another tab; choose which version to keep".to_owned(),
        Unreadable { reason, .. } if id => format!(
            "draf tidak dapat dibaca ({}); teksnya disimpan tanpa diubah dan dapat diunduh dari daftar Draf",
            unreadable_reason(lang, reason)
        ),
        Unreadable { reason, .. } => format!(
            "the draft cannot be read ({}); its text is kept unchanged and can be downloaded from the Drafts list",
            unreadable_reason(lang, reason)
        ),
        NotFound(_) if id => "draf tidak ditemukan (mungkin dihapus di tab lain)".to_owned(),
        NotFound(_) => "the draft was not found (perhaps deleted in another tab)".to_owned(),
        Js(m) if id => format!("penyimpanan peramban gagal ({m})"),
        Js(m) => format!("browser storage failed ({m})"),
    }
}

fn unreadable_reason(lang: Lang, reason: &crate::storage::ReadError) -> String {
    use crate::storage::ReadError;
    let id = lang == Lang::Id;
    match reason {
        ReadError::Import(e) => import_error(lang, e),
        ReadError::TooLarge { .. } if id => "terlalu besar setelah diurai".to_owned(),
        ReadError::TooLarge { .. } => "too large once decompressed".to_owned(),
        _ if id => "teks rusak".to_owned(),
        _ => "damaged text".to_owned(),
    }
}

/// Why a file could not be fetched from an address, in plain words.
pub fn fetch_error(lang: Lang, e: &crate::web::FetchError) -> String {
    use crate::web::FetchError as E;
    match (lang, e) {
        (Lang::Id, E::Network { url, other_site: true, .. }) => format!(
            "situs {url} tidak mengizinkan aplikasi ini membaca berkasnya (atau tidak dapat dihubungi). \
             Unduh berkas itu, lalu buka dengan Berkas → Buka berkas."
        ),
        (Lang::En, E::Network { url, other_site: true, .. }) => format!(
            "the site of {url} does not let this app read its files (or cannot be reached). \
             Download the file, then open it with File → Open file."
        ),
        (Lang::Id, E::Network { url, .. }) => format!("{url} tidak dapat diambil; periksa sambungan internet"),
        (Lang::En, E::Network { url, .. }) => format!("{url} could not be fetched; check the connection"),
        (Lang::Id, E::Status { url, status: 404 }) => format!("{url} tidak ditemukan (HTTP 404)"),
        (Lang::En, E::Status { url, status: 404 }) => format!("{url} was not found (HTTP 404)"),
        (Lang::Id, E::Status { url, status }) => format!("server menolak {url} (HTTP {status})"),
        (Lang::En, E::Status { url, status }) => format!("the server refused {url} (HTTP {status})"),
    }
}

/// Why a share link could not be opened, in the user's language.
pub fn link_error(lang: Lang, e: &crate::core::codec::link::LinkError) -> String {
    use crate::core::codec::link::LinkError as E;
    let why = match (lang, e) {
        (Lang::Id, E::NotALink) => "alamat ini tidak memuat dokumen".to_owned(),
        (Lang::En, E::NotALink) => "this address holds no document".to_owned(),
        (Lang::Id, E::BadText { position }) => format!("teks tautan rusak pada karakter ke-{}", position + 1),
        (Lang::En, E::BadText { position }) => format!("the link's text is damaged at character {}", position + 1),
        (Lang::Id, E::Damaged) => {
            "isi tautan rusak atau terpotong; minta pengirim mengirim ulang, atau mengirim berkasnya".to_owned()
        }
        (Lang::En, E::Damaged) => {
            "the link's data is damaged or cut short; ask the sender again, or for the file".to_owned()
        }
        (Lang::Id, E::TooLarge { max }) => format!("isi tautan melebihi {} MB", max / (1024 * 1024)),
        (Lang::En, E::TooLarge { max }) => format!("the link holds more than {} MB", max / (1024 * 1024)),
        (Lang::Id, E::Newer { version }) => {
            format!("tautan dibuat oleh versi aplikasi yang lebih baru (format {version}); muat ulang halaman")
        }
        (Lang::En, E::Newer { version }) => {
            format!("the link was made by a newer version of the app (format {version}); reload the page")
        }
        (Lang::Id, E::Malformed { .. }) => "isi tautan terpotong atau rusak".to_owned(),
        (Lang::En, E::Malformed { .. }) => "the link's document is cut short or damaged".to_owned(),
    };
    format!("{}: {why}.", t(lang, Key::LinkFailed))
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

/// What a column of an imported table is taken to mean.
pub fn column_name(lang: Lang, c: Column) -> String {
    let key = match c {
        Column::No => Key::ColNo,
        Column::Sasaran => Key::ColSasaran,
        Column::Indikator => Key::ColIndikator,
        Column::Satuan => Key::ColSatuan,
        Column::Baseline => Key::ColBaseline,
        Column::Target(y) => return t(lang, Key::ColTarget).replace("{y}", &y.to_string()),
        Column::Realisasi(y) => return t(lang, Key::ColRealisasi).replace("{y}", &y.to_string()),
        Column::Penjelasan => Key::ColPenjelasan,
        Column::Formula => Key::ColFormula,
        Column::PenanggungJawab => Key::ColPj,
        Column::SumberData => Key::ColSumber,
        Column::Ignore => Key::ColIgnore,
    };
    t(lang, key).to_owned()
}

/// Why a paste, a file or an export could not be read or made.
pub fn import_problem(lang: Lang, p: &Problem) -> String {
    let id = lang == Lang::Id;
    match p {
        Problem::Empty if id => "Belum ada isi: tempel tabel atau teks, atau buka berkas.".into(),
        Problem::Empty => "Nothing yet: paste a table or text, or open a file.".into(),
        Problem::OpenQuote { line } if id => {
            format!("Tanda kutip (\") yang dibuka di baris {line} tidak pernah ditutup; periksa baris itu.")
        }
        Problem::OpenQuote { line } => format!("A quote (\") opened on line {line} never closes; check that line."),
        Problem::TooManyRows { max } if id => format!("Tabel lebih dari {max} baris; bagi menjadi beberapa bagian."),
        Problem::TooManyRows { max } => format!("The table has more than {max} rows; split it into parts."),
        Problem::TooManyColumns { max } if id => format!("Lembar ini lebih dari {max} kolom; bukan tabel IKU?"),
        Problem::TooManyColumns { max } => format!("The sheet has more than {max} columns; is it an IKU table?"),
        Problem::Damaged if id => {
            "Berkas Excel ini rusak atau terpotong; simpan ulang dari Excel lalu coba lagi.".into()
        }
        Problem::Damaged => "This Excel file is damaged or cut short; save it again from Excel and retry.".into(),
        Problem::TooManyLines { max } if id => format!("Teks lebih dari {max} baris; bagi menjadi beberapa bagian."),
        Problem::TooManyLines { max } => format!("The text has more than {max} lines; split it into parts."),
        Problem::NoKeyColumn if id => "Tidak ada kolom sasaran atau indikator: pilih arti kolom di pratinjau.".into(),
        Problem::NoKeyColumn => {
            "No goal (sasaran) or indicator column: choose the columns' meanings in the preview.".into()
        }
        Problem::HeaderOnly if id => "Tabel hanya berisi baris judul kolom, tanpa baris isi.".into(),
        Problem::HeaderOnly => "The table has a header row but no rows under it.".into(),
        Problem::NoStatement if id => "Tidak ditemukan pernyataan kinerja. Bila ini tabel, pilih “Tabel IKU”.".into(),
        Problem::NoStatement => "No performance statement found. If this is a table, choose “IKU table”.".into(),
        Problem::NotXlsx if id => "Berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca.".into(),
        Problem::NotXlsx => "This file is not an Excel workbook (.xlsx) that can be read.".into(),
        Problem::NoSuchSheet { name } if id => format!("Lembar “{name}” tidak ada di berkas ini."),
        Problem::NoSuchSheet { name } => format!("The file has no sheet “{name}”."),
        Problem::TooBig { max_mb } if id => format!("Berkas lebih besar dari {max_mb} MB."),
        Problem::TooBig { max_mb } => format!("The file is larger than {max_mb} MB."),
        Problem::Internal { detail } if id => {
            format!("Pembaca impor gagal ({detail}). Muat ulang halaman lalu coba lagi.")
        }
        Problem::Internal { detail } => format!("The import reader failed ({detail}). Reload the page and try again."),
    }
}

/// A capaian band's name, as the legend and badges say it.
pub fn band_name(lang: Lang, band: Band) -> &'static str {
    match (lang, band) {
        (Lang::Id, Band::SangatBaik) => "sangat baik",
        (Lang::En, Band::SangatBaik) => "very good",
        (Lang::Id, Band::Baik) => "baik",
        (Lang::En, Band::Baik) => "good",
        (Lang::Id, Band::Cukup) => "cukup",
        (Lang::En, Band::Cukup) => "fair",
        (Lang::Id, Band::Kurang) => "kurang",
        (Lang::En, Band::Kurang) => "poor",
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
