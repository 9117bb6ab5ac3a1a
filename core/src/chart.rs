//! What an indicator's chart shows (issue 12): target and realisasi per year,
//! the capaian of each year and the baseline, as numbers ready to plot, with
//! the y axis and the numbers' text. The app draws it (`src/chart.rs`).
//!
//! A target or baseline typed as a range ("80 – 90") is plotted at its
//! midpoint: one line reads better on a wall than a band, and the capaian
//! printed beside it still measures the realisasi against the range's bounds
//! ([`capaian::capaian`]).

use super::capaian;
use super::model::{Indikator, Periode, Tahun};
use super::sample::MAX_PERIODE_SPAN;
use super::value::{Angka, Nilai};

/// One indicator over its years; `target`, `realisasi` and `capaian` have one
/// entry per year of `years`, `None` where there is no number.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorSeries {
    pub years: Vec<Tahun>,
    pub target: Vec<Option<f64>>,
    /// The year's figure or what its quarters make ([`capaian::realisasi`]).
    pub realisasi: Vec<Option<f64>>,
    /// Percent, uncapped, as [`capaian::capaian`] gives it.
    pub capaian: Vec<Option<f64>>,
    /// The baseline's year, when given, and value.
    pub baseline: Option<(Option<Tahun>, f64)>,
    pub satuan: String,
    pub nama: String,
}

/// The series of `ind` over the plan period, or, without a usable one, over
/// the years it has a target or realisasi for.
pub fn indicator_series(ind: &Indikator, periode: Option<&Periode>) -> IndicatorSeries {
    let years: Vec<Tahun> = match periode {
        // Files are not checked for this: a period ending before it starts or
        // spanning centuries would give an empty or unreadable axis.
        Some(p) if p.awal <= p.akhir && p.akhir - p.awal <= MAX_PERIODE_SPAN => p.years().collect(),
        _ => {
            let mut years: Vec<Tahun> =
                ind.target.keys().chain(ind.realisasi.keys()).chain(ind.realisasi_triwulan.keys()).copied().collect();
            years.sort_unstable();
            years.dedup();
            years
        }
    };
    IndicatorSeries {
        target: years.iter().map(|y| ind.target.get(y).and_then(number)).collect(),
        realisasi: years.iter().map(|&y| capaian::realisasi(ind, y).ok()).collect(),
        capaian: years.iter().map(|&y| capaian::capaian(ind, y).ok()).collect(),
        baseline: ind.baseline.as_ref().and_then(|b| Some((b.tahun, number(&b.nilai)?))),
        satuan: ind.satuan.trim().to_owned(),
        nama: ind.nama.trim().to_owned(),
        years,
    }
}

/// A number as planners type it (Indonesian style); a range gives its midpoint.
fn number(v: &Nilai) -> Option<f64> {
    let n = match v.parse().ok()? {
        Angka::Tunggal { nilai, .. } => nilai,
        Angka::Rentang { bawah, atas, .. } => bawah + (atas - bawah) / 2.0,
    };
    n.is_finite().then_some(n)
}

/// The y axis: `lo..hi`, and how many decimals its tick labels need.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YAxis {
    pub lo: f64,
    pub hi: f64,
    pub decimals: usize,
}

/// The axis ends on multiples of a round step about this share of its span.
const ROUNDING: f64 = 0.1;
/// Room above the highest point, as a share of the axis, for its capaian label.
const HEADROOM: f64 = 0.12;
/// Values beyond this (typed by mistake) stretch the axis no further, so its
/// span stays finite.
const FARTHEST: f64 = 1e300;

impl IndicatorSeries {
    /// An axis over every target, realisasi and the baseline, and 0 (a target
    /// of 98 after 97 must not look like a tenfold rise), ending on round numbers.
    pub fn y_axis(&self) -> YAxis {
        let values = self.target.iter().chain(&self.realisasi).flatten().chain(self.baseline.as_ref().map(|b| &b.1));
        let (lo, hi) =
            values.map(|v| v.clamp(-FARTHEST, FARTHEST)).fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let hi = hi + (hi - lo) * HEADROOM;
        if !(hi - lo).is_normal() {
            // Nothing but zeros.
            return YAxis { lo: 0.0, hi: 1.0, decimals: 1 };
        }
        let step = nice_step((hi - lo) * ROUNDING);
        // Ticks are a 1-2-5 step at least as coarse, so they need no more decimals.
        let decimals = (-step.log10().floor()).clamp(0.0, 6.0) as usize;
        YAxis { lo: (lo / step).floor() * step, hi: (hi / step).ceil() * step, decimals }
    }

    /// `values` (one per year) as runs of consecutive years that have one, so a
    /// line breaks at a year without a number instead of bridging it.
    pub fn runs(&self, values: &[Option<f64>]) -> Vec<Vec<(Tahun, f64)>> {
        let points: Vec<Option<(Tahun, f64)>> = self.years.iter().zip(values).map(|(&y, v)| Some((y, (*v)?))).collect();
        points
            .split(Option::is_none)
            .filter(|run| !run.is_empty())
            .map(|run| run.iter().flatten().copied().collect())
            .collect()
    }
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    let f = raw / magnitude;
    magnitude * [1.0, 2.0, 5.0, 10.0].into_iter().find(|&m| f <= m).unwrap_or(10.0)
}

/// `v` rounded to `decimals`, trailing zeros dropped, with thousands grouped:
/// "1.234,5" (Indonesian) or "1,234.5" (English). Never "-0".
pub fn format_number(v: f64, decimals: usize, english: bool) -> String {
    let digits = format!("{:.*}", decimals, v.abs());
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let frac = frac.trim_end_matches('0');
    let (group, point) = if english { (',', '.') } else { ('.', ',') };
    let mut out = String::new();
    if v < 0.0 && digits.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AturanTriwulan, Baseline, Polaritas};

    fn indikator(target: &[(Tahun, &str)], realisasi: &[(Tahun, &str)]) -> Indikator {
        Indikator {
            nama: " Persentase PMKS tertangani ".into(),
            satuan: "%".into(),
            target: target.iter().map(|&(y, v)| (y, Nilai::from(v))).collect(),
            realisasi: realisasi.iter().map(|&(y, v)| (y, Nilai::from(v))).collect(),
            ..Default::default()
        }
    }

    fn periode(awal: Tahun, akhir: Tahun) -> Periode {
        Periode { awal, akhir, extra: Default::default() }
    }

    #[test]
    fn follows_the_plan_period_and_reads_indonesian_numbers() {
        let mut ind = indikator(&[(2024, "80"), (2025, "5.159"), (2026, "72,5"), (2027, "N/A")], &[(2024, "70")]);
        ind.baseline = Some(Baseline { nilai: "60,5".into(), tahun: Some(2023), extra: Default::default() });
        let s = indicator_series(&ind, Some(&periode(2024, 2028)));
        assert_eq!(s.years, [2024, 2025, 2026, 2027, 2028]);
        assert_eq!(s.target, [Some(80.0), Some(5159.0), Some(72.5), None, None]);
        assert_eq!(s.realisasi, [Some(70.0), None, None, None, None]);
        assert_eq!(s.capaian, [Some(87.5), None, None, None, None]);
        assert_eq!(s.baseline, Some((Some(2023), 60.5)));
        assert_eq!((s.satuan.as_str(), s.nama.as_str()), ("%", "Persentase PMKS tertangani"));
    }

    #[test]
    fn a_range_is_plotted_at_its_midpoint_but_measured_by_its_bounds() {
        let mut ind = indikator(&[(2024, "80 – 90")], &[(2024, "82")]);
        ind.baseline = Some(Baseline { nilai: "10 s.d. 20".into(), tahun: None, extra: Default::default() });
        let s = indicator_series(&ind, None);
        assert_eq!((s.target[0], s.capaian[0]), (Some(85.0), Some(100.0)));
        assert_eq!(s.baseline, Some((None, 15.0)));
    }

    #[test]
    fn without_a_usable_period_the_years_with_data_in_order() {
        let mut ind = indikator(&[(2026, "10"), (2024, "8")], &[(2025, "9")]);
        ind.realisasi_triwulan.insert(2023, [Some("1".into()), Some("2".into()), None, None]);
        ind.aturan_triwulan = AturanTriwulan::Cumulative;
        let s = indicator_series(&ind, None);
        assert_eq!(s.years, [2023, 2024, 2025, 2026]);
        assert_eq!(s.realisasi, [Some(3.0), None, Some(9.0), None]);
        assert_eq!(indicator_series(&ind, Some(&periode(2026, 2024))).years, s.years);
        assert_eq!(indicator_series(&ind, Some(&periode(1000, 3000))).years, s.years);
        assert!(indicator_series(&Indikator::default(), None).years.is_empty());
    }

    #[test]
    fn blank_text_and_endless_values_are_gaps() {
        let mut ind = indikator(&[(2024, ""), (2025, "Tersedia"), (2026, "3.5"), (2027, &"9".repeat(400))], &[]);
        ind.polaritas = Polaritas::LowerIsBetter;
        ind.baseline = Some(Baseline { nilai: "ada".into(), tahun: None, extra: Default::default() });
        let s = indicator_series(&ind, None);
        assert_eq!(s.target, [None; 4]);
        assert_eq!(s.capaian, [None; 4]);
        assert_eq!(s.baseline, None);
    }

    fn axis(target: &[Option<f64>], baseline: Option<f64>) -> YAxis {
        let s = IndicatorSeries {
            years: (2024..).take(target.len()).collect(),
            target: target.to_vec(),
            realisasi: vec![None; target.len()],
            capaian: vec![None; target.len()],
            baseline: baseline.map(|b| (None, b)),
            satuan: String::new(),
            nama: String::new(),
        };
        s.y_axis()
    }

    #[test]
    fn the_y_axis_holds_zero_the_baseline_and_room_above() {
        assert_eq!(axis(&[Some(80.0), Some(95.0)], None), YAxis { lo: 0.0, hi: 120.0, decimals: 0 });
        assert_eq!(axis(&[Some(80.0)], Some(130.0)), YAxis { lo: 0.0, hi: 160.0, decimals: 0 });
        assert_eq!(axis(&[Some(-2.0), Some(1.5)], None), YAxis { lo: -2.0, hi: 2.0, decimals: 1 });
        let small = axis(&[Some(0.3)], None);
        assert_eq!((small.lo, small.decimals), (0.0, 2));
        assert!((small.hi - 0.35).abs() < 1e-12, "{small:?}");
        assert_eq!(axis(&[Some(-40.0)], None), YAxis { lo: -40.0, hi: 5.0, decimals: 0 });
        assert_eq!(axis(&[], None), YAxis { lo: 0.0, hi: 1.0, decimals: 1 });
        assert_eq!(axis(&[Some(0.0), None], Some(0.0)), YAxis { lo: 0.0, hi: 1.0, decimals: 1 });
        let huge = axis(&[Some(f64::MAX), Some(-f64::MAX)], None);
        assert!(huge.lo.is_finite() && huge.hi.is_finite() && huge.lo < 0.0 && huge.hi > 0.0, "{huge:?}");
    }

    #[test]
    fn lines_break_at_years_without_a_number() {
        let s = indicator_series(&indikator(&[(2024, "1"), (2025, "2"), (2027, "4")], &[]), Some(&periode(2024, 2028)));
        assert_eq!(s.runs(&s.target), [vec![(2024, 1.0), (2025, 2.0)], vec![(2027, 4.0)]]);
        assert!(s.runs(&s.realisasi).is_empty());
    }

    #[test]
    fn numbers_are_written_the_indonesian_or_english_way() {
        assert_eq!(format_number(5159.0, 0, false), "5.159");
        assert_eq!(format_number(1_234_567.25, 2, false), "1.234.567,25");
        assert_eq!(format_number(1_234_567.25, 2, true), "1,234,567.25");
        assert_eq!(format_number(0.30000000000000004, 3, false), "0,3");
        assert_eq!(format_number(120.0, 1, false), "120");
        assert_eq!(format_number(-2.5, 1, false), "-2,5");
        assert_eq!(format_number(-0.0001, 2, false), "0");
        assert_eq!(format_number(999.0, 0, true), "999");
    }
}
