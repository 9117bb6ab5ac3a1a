//! The document model of a pohon kinerja.
//!
//! Nodes are stored flat, keyed by id, in an ordered map: sibling order is the
//! order of the map, and the tree is derived (see [`crate::core::tree`]).
//! Every struct keeps fields it does not know in `extra`, so a file written by
//! a newer app survives a round trip through this one.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;

use super::value::Nilai;

/// Unknown JSON fields, kept verbatim.
pub type Extra = Map<String, Json>;

/// A node's id, unique within its document.
pub type NodeId = String;

/// A calendar year (plan periods, targets, realisasi).
pub type Tahun = u16;

/// Only serialised here: reading goes through [`crate::core::codec`], which
/// checks the structure and repairs duplicate ids.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    pub meta: Meta,
    /// Written as a flat list; parents are referenced by id.
    #[serde(serialize_with = "nodes_as_list")]
    pub nodes: IndexMap<NodeId, Node>,
    #[serde(flatten)]
    pub extra: Extra,
    /// Unknown fields of the file's envelope, written back on export.
    #[serde(skip)]
    pub file_extra: Extra,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Title as shown in the header, e.g. "Pohon Kinerja Dinas Sosial 2024".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub judul: String,
    /// The agency (organisasi perangkat daerah), e.g. "Dinas Sosial".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub opd: String,
    /// Region, e.g. "Kota Payakumbuh".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wilayah: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periode: Option<Periode>,
    /// Document number as printed, e.g. "(01)".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nomor: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub catatan: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Plan period: a Renstra spans several years, an annual tree one (`awal == akhir`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Periode {
    pub awal: Tahun,
    pub akhir: Tahun,
}

impl Periode {
    pub fn years(&self) -> impl Iterator<Item = Tahun> {
        self.awal..=self.akhir
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: NodeId,
    /// `None` for the root.
    #[serde(default)]
    pub parent: Option<NodeId>,
    pub level: Level,
    /// Label shown instead of the level's name; required for [`Level::Custom`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub level_label: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: Kind,
    /// Side lane, e.g. "Bidang Rutin" secretariat items beside the main cascade.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lane: String,
    /// The condition to reach: "Meningkatnya …", "Tersedianya …".
    #[serde(default)]
    pub kondisi: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indikator: Vec<Indikator>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub penanggung_jawab: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anggaran: Vec<Anggaran>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crosscutting: Vec<Crosscutting>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub catatan: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Node {
    pub fn new(id: impl Into<NodeId>, parent: Option<NodeId>, level: Level) -> Self {
        Node {
            id: id.into(),
            parent,
            level,
            level_label: String::new(),
            kind: Kind::default(),
            lane: String::new(),
            kondisi: String::new(),
            indikator: Vec::new(),
            penanggung_jawab: String::new(),
            anggaran: Vec::new(),
            crosscutting: Vec::new(),
            catatan: String::new(),
            extra: Extra::new(),
        }
    }
}

/// The eight levels of a pohon kinerja (DOMAIN.md), top to bottom, and a custom one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    VisiMisi,
    TujuanDaerah,
    SasaranDaerah,
    TujuanPd,
    SasaranStrategis,
    SasaranProgram,
    SasaranKegiatan,
    SasaranSubKegiatan,
    Custom,
}

impl Level {
    pub const ALL: [Level; 9] = [
        Level::VisiMisi,
        Level::TujuanDaerah,
        Level::SasaranDaerah,
        Level::TujuanPd,
        Level::SasaranStrategis,
        Level::SasaranProgram,
        Level::SasaranKegiatan,
        Level::SasaranSubKegiatan,
        Level::Custom,
    ];

    /// Depth in the standard cascade (0 = visi/misi); `None` for custom.
    pub fn rank(self) -> Option<u8> {
        Level::ALL[..8].iter().position(|l| *l == self).map(|p| p as u8)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Outcome,
    Output,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Indikator {
    #[serde(default)]
    pub nama: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub jenis: JenisIndikator,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub satuan: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub polaritas: Polaritas,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// Target per year.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub target: BTreeMap<Tahun, Nilai>,
    /// Realisasi (actual) per year.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub realisasi: BTreeMap<Tahun, Nilai>,
    /// Realisasi per quarter (triwulan I–IV), per year; `None` = not reported yet.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub realisasi_triwulan: BTreeMap<Tahun, [Option<Nilai>; 4]>,
    /// How quarterly figures make the yearly one.
    #[serde(default, skip_serializing_if = "is_default")]
    pub aturan_triwulan: AturanTriwulan,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub formula: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub penjelasan: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sumber_data: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub penanggung_jawab: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// IK (indikator kinerja), IKU (indikator kinerja utama), or an agency's own label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum JenisIndikator {
    #[default]
    Ik,
    Iku,
    Custom(String),
}

impl JenisIndikator {
    pub fn label(&self) -> &str {
        match self {
            JenisIndikator::Ik => "IK",
            JenisIndikator::Iku => "IKU",
            JenisIndikator::Custom(s) => s,
        }
    }
}

impl Serialize for JenisIndikator {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            JenisIndikator::Ik => s.serialize_str("ik"),
            JenisIndikator::Iku => s.serialize_str("iku"),
            JenisIndikator::Custom(c) => s.serialize_str(c),
        }
    }
}

impl<'de> Deserialize<'de> for JenisIndikator {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "ik" => JenisIndikator::Ik,
            "iku" => JenisIndikator::Iku,
            _ => JenisIndikator::Custom(s),
        })
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polaritas {
    /// Most indicators: more is better.
    #[default]
    HigherIsBetter,
    /// Poverty rate, "Menurunnya …".
    LowerIsBetter,
    /// The target is a range "a – b"; inside it is 100 %.
    Range,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AturanTriwulan {
    /// The year's figure is the sum of the quarters.
    #[default]
    Cumulative,
    /// The year's figure is the last reported quarter.
    LastValue,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub nilai: Nilai,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun: Option<Tahun>,
}

/// A budget line from the Kepmendagri 050-5889/2021 nomenclature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Anggaran {
    pub tingkat: TingkatAnggaran,
    /// e.g. `1.06.05.2.02.0003`; may be empty when the source gives none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kode: String,
    #[serde(default)]
    pub nama: String,
    /// Budget ceiling in rupiah.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagu: Option<u64>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TingkatAnggaran {
    Program,
    Kegiatan,
    SubKegiatan,
}

/// Another agency sharing responsibility for a condition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Crosscutting {
    pub nama: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub catatan: String,
    /// Free text agreed in the workshop, e.g. "disepakati".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
    #[serde(flatten)]
    pub extra: Extra,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

fn nodes_as_list<S: serde::Serializer>(nodes: &IndexMap<NodeId, Node>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(nodes.values())
}
