//! The document model of a pohon kinerja.
//!
//! Nodes are stored flat, keyed by id, in an ordered map: sibling order is the
//! order of the map, and the tree is derived (see [`crate::tree`]).
//! Every struct keeps fields it does not know in `extra`, so a file written by
//! a newer app survives a round trip through this one.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;

use super::value::Nilai;

/// Implements `Deserialize` for a struct whose unknown fields land in `extra`.
///
/// Written out instead of `#[serde(flatten)]`, which buffers every field of
/// every node before reading it: twice the import time, and errors without a
/// line and column. Field names are the Rust names; optional fields default.
macro_rules! deserialize_keeping_extra {
    ($name:ident, $expecting:literal, required: [$($req:ident),*], optional: [$($opt:ident),* $(,)?]) => {
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> serde::de::Visitor<'de> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<$name, M::Error> {
                        $(let mut $req = None;)*
                        $(let mut $opt = None;)*
                        let mut extra = Extra::new();
                        while let Some(key) = map.next_key::<crate::model::Key<'de>>()? {
                            match key.as_str() {
                                // A repeated field is refused, as serde's derive does.
                                $(stringify!($req) => {
                                    if $req.is_some() {
                                        return Err(serde::de::Error::duplicate_field(stringify!($req)));
                                    }
                                    $req = Some(map.next_value()?);
                                })*
                                $(stringify!($opt) => {
                                    if $opt.is_some() {
                                        return Err(serde::de::Error::duplicate_field(stringify!($opt)));
                                    }
                                    $opt = Some(map.next_value()?);
                                })*
                                _ => {
                                    extra.insert(key.into_owned(), map.next_value()?);
                                }
                            }
                        }
                        Ok($name {
                            $($req: $req.ok_or_else(|| serde::de::Error::missing_field(stringify!($req)))?,)*
                            $($opt: $opt.unwrap_or_default(),)*
                            extra,
                        })
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}
pub(crate) use deserialize_keeping_extra;

/// A JSON object key, borrowed from the input when it has no escapes.
pub(crate) enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    pub(crate) fn into_owned(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_owned(),
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v))
            }
        }
        d.deserialize_str(V)
    }
}

/// Unknown JSON fields, kept verbatim.
pub type Extra = Map<String, Json>;

/// A node's id, unique within its document.
pub type NodeId = String;

/// The nodes by id, in sibling order.
pub type Nodes = IndexMap<NodeId, Box<Node>, rustc_hash::FxBuildHasher>;

/// A calendar year (plan periods, targets, realisasi).
pub type Tahun = u16;

/// Only serialised here: reading goes through [`crate::codec`], which
/// checks the structure and repairs duplicate ids.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    pub meta: Meta,
    /// Written as a flat list; parents are referenced by id.
    #[serde(serialize_with = "nodes_as_list")]
    pub nodes: Nodes,
    #[serde(flatten)]
    pub extra: Extra,
    /// Unknown fields of the file's envelope, written back on export.
    #[serde(skip)]
    pub file_extra: Extra,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Periode {
    pub awal: Tahun,
    pub akhir: Tahun,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Periode {
    pub fn years(&self) -> impl Iterator<Item = Tahun> {
        self.awal..=self.akhir
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Baseline {
    pub nilai: Nilai,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun: Option<Tahun>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A budget line from the Kepmendagri 050-5889/2021 nomenclature.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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

deserialize_keeping_extra!(Meta, "document metadata", required: [], optional: [judul, opd, wilayah, periode, nomor, catatan]);
deserialize_keeping_extra!(
    Node,
    "a node",
    required: [id, level],
    optional: [parent, level_label, kind, lane, kondisi, indikator, penanggung_jawab, anggaran, crosscutting, catatan]
);
deserialize_keeping_extra!(
    Indikator,
    "an indicator",
    required: [],
    optional: [
        nama, jenis, satuan, polaritas, baseline, target, realisasi, realisasi_triwulan, aturan_triwulan,
        formula, penjelasan, sumber_data, penanggung_jawab
    ]
);
deserialize_keeping_extra!(Periode, "a plan period", required: [awal, akhir], optional: []);
deserialize_keeping_extra!(Baseline, "a baseline", required: [nilai], optional: [tahun]);
deserialize_keeping_extra!(Anggaran, "a budget line", required: [tingkat], optional: [kode, nama, pagu]);
deserialize_keeping_extra!(Crosscutting, "a crosscutting agency", required: [nama], optional: [catatan, status]);

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

fn nodes_as_list<S: serde::Serializer>(nodes: &Nodes, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(nodes.values())
}
