//! Capaian (achievement): per indicator and year, rolled up per node, coloured
//! in bands, and summed up per document.
//!
//! Formulas are DOMAIN.md's. With target T and realisasi R, in percent:
//! - higher is better: 100 × (|T| + (R − T)) / |T|, which is R / T × 100 for T > 0;
//! - lower is better:  100 × (|T| + (T − R)) / |T|, which is (2T − R) / T × 100 for
//!   T > 0: DOMAIN.md's formula, not T / R, because it stays finite at R = 0 (200 %, a
//!   perfect score, capped in roll-ups) and falls linearly as R grows past T,
//!   reaching 0 % at R = 2T;
//! - a range [a, b]: 100 % inside; below a as "higher is better" against a,
//!   above b as "lower is better" against b (the nearer bound).
//!
//! Dividing by |T| rather than T keeps "better than target = above 100 %" for
//! negative targets (a growth rate of −2 %), where R / T would invert it.
//! Capaian is never below 0 % (R > 2T when lower is better gives 0 %, not a
//! negative share) and never NaN or ∞; what cannot be computed says why.

use rustc_hash::FxHashMap;
use serde_json::Value as Json;

use super::model::{AturanTriwulan, Document, Indikator, Level, Polaritas, Tahun};
use super::tree::Tree;
use super::value::{Angka, Nilai, NilaiError};

/// Why a capaian is "tidak dapat dihitung" (cannot be computed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// No target for the year, or a blank one.
    NoTarget,
    /// The target is text ("N/A", "Tersedia") or an ambiguous number ("3.5").
    TargetNotANumber,
    /// The target (or the range bound compared with) is 0: nothing to divide by.
    ZeroTarget,
    /// No realisasi for the year, nor any reported quarter.
    NoRealisasi,
    /// The realisasi is text, an ambiguous number or a range.
    RealisasiNotANumber,
}

/// Capaian of `ind` in `tahun`, in percent (100 = target met). Not capped:
/// a value above [`Options::cap`] is shown as it is and capped in roll-ups.
pub fn capaian(ind: &Indikator, tahun: Tahun) -> Result<f64, Reason> {
    let target = match ind.target.get(&tahun).map(Nilai::parse) {
        None | Some(Err(NilaiError::Empty)) => return Err(Reason::NoTarget),
        Some(Err(_)) => return Err(Reason::TargetNotANumber),
        Some(Ok(angka)) => angka,
    };
    let (lo, hi, range) = match target {
        Angka::Tunggal { nilai, .. } => (nilai, nilai, ind.polaritas == Polaritas::Range),
        // A planner who typed a range meant one, whatever the polarity says.
        Angka::Rentang { bawah, atas, .. } => (bawah, atas, true),
    };
    // A number of 309 digits or more parses as ∞.
    if !(lo.is_finite() && hi.is_finite()) {
        return Err(Reason::TargetNotANumber);
    }
    // DOMAIN.md: T = 0 is not computable, whatever R is.
    if !matches!(target, Angka::Rentang { .. }) && lo == 0.0 {
        return Err(Reason::ZeroTarget);
    }
    let r = realisasi(ind, tahun)?;
    match ind.polaritas {
        _ if range && r < lo => score(r - lo, lo),
        _ if range && r > hi => score(hi - r, hi),
        _ if range => Ok(100.0),
        Polaritas::LowerIsBetter => score(lo - r, lo),
        _ => score(r - lo, lo),
    }
}

/// 100 × (|t| + gain) / |t|, where `gain` is how far R is on the good side of t.
fn score(gain: f64, t: f64) -> Result<f64, Reason> {
    if t == 0.0 {
        return Err(Reason::ZeroTarget);
    }
    // Finite inputs can still overflow (a tiny target); saturate rather than give ∞.
    Ok(((t.abs() + gain) / t.abs() * 100.0).clamp(0.0, f64::MAX))
}

/// The year's realisasi: its yearly value, or, when that is blank or absent,
/// what its quarters make by the indicator's rule.
pub fn realisasi(ind: &Indikator, tahun: Tahun) -> Result<f64, Reason> {
    match ind.realisasi.get(&tahun) {
        Some(v) if !v.is_blank() => number(v),
        _ => realisasi_triwulan(ind, tahun, 3),
    }
}

/// Realisasi as of the end of quarter `q` (0 = triwulan I … 3 = IV; more reads
/// as IV) by the indicator's rule: the sum of the quarters reported so far, or
/// the last of them.
pub fn realisasi_triwulan(ind: &Indikator, tahun: Tahun, q: usize) -> Result<f64, Reason> {
    let quarters = ind.realisasi_triwulan.get(&tahun).ok_or(Reason::NoRealisasi)?;
    let mut reported = quarters[..=q.min(3)].iter().flatten().filter(|v| !v.is_blank());
    let first = reported.next().ok_or(Reason::NoRealisasi)?;
    match ind.aturan_triwulan {
        AturanTriwulan::LastValue => number(reported.next_back().unwrap_or(first)),
        AturanTriwulan::Cumulative => {
            let sum = std::iter::once(first).chain(reported).map(number).sum::<Result<f64, _>>()?;
            // Four values near f64::MAX add up to ∞.
            if sum.is_finite() {
                Ok(sum)
            } else {
                Err(Reason::RealisasiNotANumber)
            }
        }
    }
}

/// A non-blank realisasi as a number.
fn number(v: &Nilai) -> Result<f64, Reason> {
    match v.parse() {
        Ok(Angka::Tunggal { nilai, .. }) if nilai.is_finite() => Ok(nilai),
        _ => Err(Reason::RealisasiNotANumber),
    }
}

/// The indicator field holding its weight in weighted roll-ups. It is kept in
/// `extra`, which the file and share-link codecs both carry verbatim, so adding
/// it changed neither format.
pub const BOBOT: &str = "bobot";

/// The largest weight: bounded so that summing weights can never overflow.
pub const MAX_BOBOT: f64 = 1e6;

/// The indicator's weight: `bobot` when it is a number from 0 to [`MAX_BOBOT`],
/// otherwise 1. A weight of 0 leaves the indicator out of weighted roll-ups.
pub fn bobot(ind: &Indikator) -> f64 {
    match ind.extra.get(BOBOT).and_then(Json::as_f64) {
        Some(w) if (0.0..=MAX_BOBOT).contains(&w) => w,
        _ => 1.0,
    }
}

/// Sets the weight, or removes it (`None`, or a weight [`bobot`] would not read).
pub fn set_bobot(ind: &mut Indikator, bobot: Option<f64>) {
    match bobot.filter(|w| (0.0..=MAX_BOBOT).contains(w)) {
        Some(w) => {
            ind.extra.insert(BOBOT.to_owned(), Json::from(w));
        }
        None => {
            // Other unknown fields keep their order.
            ind.extra.shift_remove(BOBOT);
        }
    }
}

/// Capaian bands, worst first; `Band as usize` indexes [`LevelCount::bands`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    Kurang,
    Cukup,
    Baik,
    SangatBaik,
}

impl Band {
    pub const ALL: [Band; 4] = [Band::Kurang, Band::Cukup, Band::Baik, Band::SangatBaik];
}

/// Lower bounds (percent, inclusive) of the bands above [`Band::Kurang`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bands {
    pub sangat_baik: f64,
    pub baik: f64,
    pub cukup: f64,
}

impl Default for Bands {
    fn default() -> Self {
        Bands { sangat_baik: 100.0, baik: 75.0, cukup: 50.0 }
    }
}

/// The band of `value`: the best whose lower bound it reaches (so thresholds
/// set out of order still give one answer); NaN is [`Band::Kurang`].
pub fn band(value: f64, bands: &Bands) -> Band {
    if value >= bands.sangat_baik {
        Band::SangatBaik
    } else if value >= bands.baik {
        Band::Baik
    } else if value >= bands.cukup {
        Band::Cukup
    } else {
        Band::Kurang
    }
}

/// The user's capaian settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Percent; each capaian is capped here before it is averaged. One that
    /// is not a finite number ≥ 0 is read as the default, 150.
    pub cap: f64,
    /// For [`band`] and [`summary`]; roll-ups do not depend on them.
    pub bands: Bands,
    /// Weight indicators by [`bobot`]; otherwise each counts once.
    pub weighted: bool,
    /// Count each child's roll-up as one more indicator of weight 1.
    pub with_children: bool,
}

pub const DEFAULT_CAP: f64 = 150.0;

impl Default for Options {
    fn default() -> Self {
        Options { cap: DEFAULT_CAP, bands: Bands::default(), weighted: false, with_children: false }
    }
}

impl Options {
    fn effective_cap(&self) -> f64 {
        if self.cap.is_finite() && self.cap >= 0.0 {
            self.cap
        } else {
            DEFAULT_CAP
        }
    }
}

/// A weighted mean kept as mean and total weight: the running update stays
/// between the values added and never overflows, even with a cap near f64::MAX.
#[derive(Clone, Copy, Default)]
struct Mean {
    mean: f64,
    weight: f64,
}

impl Mean {
    fn add(&mut self, value: f64, weight: f64) {
        if weight > 0.0 {
            self.weight += weight;
            self.mean += (value - self.mean) * (weight / self.weight);
        }
    }
}

/// Roll-up of every node for `tahun`, indexed like `tree` (built from `doc`):
/// the mean of its indicators' capped capaian (and its children's roll-ups),
/// in [0, cap]; `None` when nothing under it can be computed.
///
/// Children are finished before their parent by walking the pre-order
/// backwards: linear, and no recursion, whatever the depth.
pub fn rollup(doc: &Document, tree: &Tree, tahun: Tahun, options: &Options) -> Vec<Option<f64>> {
    let cap = options.effective_cap();
    let mut sums = vec![Mean::default(); tree.len()];
    let mut out = vec![None; tree.len()];
    for i in tree.preorder().into_iter().rev() {
        let mut m = sums[i];
        for ind in &doc.nodes[i].indikator {
            if let Ok(c) = capaian(ind, tahun) {
                m.add(c.min(cap), if options.weighted { bobot(ind) } else { 1.0 });
            }
        }
        if m.weight > 0.0 {
            let v = m.mean.clamp(0.0, cap);
            out[i] = Some(v);
            if let (true, Some(p)) = (options.with_children, tree.parent[i]) {
                sums[p].add(v, 1.0);
            }
        }
    }
    out
}

/// One level's row in the summary: how many of its nodes fall in each band.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelCount {
    pub level: Level,
    /// The node's own label for [`Level::Custom`] (trimmed, maybe empty); empty otherwise.
    pub label: String,
    /// Indexed by `Band as usize`.
    pub bands: [usize; 4],
    /// Nodes whose roll-up cannot be computed.
    pub without_value: usize,
}

/// What the summary panel shows for a year.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Levels ordered by the shallowest depth they occur at, then as met in pre-order.
    pub levels: Vec<LevelCount>,
    /// Nodes in [`Band::Kurang`] or [`Band::Cukup`] with their roll-up, lowest
    /// first (ties in pre-order).
    pub lagging: Vec<(usize, f64)>,
}

/// Summarises `rollup` (from [`rollup`] over `doc` and `tree`) in `bands`.
pub fn summary(doc: &Document, tree: &Tree, rollup: &[Option<f64>], bands: &Bands) -> Summary {
    let mut levels: Vec<(u32, LevelCount)> = Vec::new();
    let mut index: FxHashMap<(Level, &str), usize> = FxHashMap::default();
    let mut lagging = Vec::new();
    for i in tree.preorder() {
        let node = &doc.nodes[i];
        let label = if node.level == Level::Custom { node.level_label.trim() } else { "" };
        let k = *index.entry((node.level, label)).or_insert_with(|| {
            let row = LevelCount { level: node.level, label: label.to_owned(), bands: [0; 4], without_value: 0 };
            levels.push((tree.depth[i], row));
            levels.len() - 1
        });
        let (depth, row) = &mut levels[k];
        *depth = (*depth).min(tree.depth[i]);
        match rollup[i] {
            Some(v) => {
                let b = band(v, bands);
                row.bands[b as usize] += 1;
                if b <= Band::Cukup {
                    lagging.push((i, v));
                }
            }
            None => row.without_value += 1,
        }
    }
    // Stable sorts keep the pre-order among equals.
    levels.sort_by_key(|(depth, _)| *depth);
    lagging.sort_by(|a, b| a.1.total_cmp(&b.1));
    Summary { levels: levels.into_iter().map(|(_, row)| row).collect(), lagging }
}
