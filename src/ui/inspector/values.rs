//! What the inspector's fields mean: plan years, rows pasted from a
//! spreadsheet, years and rupiah as typed. Pure, so it is tested natively.

use std::collections::BTreeSet;

use crate::core::capaian::MAX_BOBOT;
use crate::core::model::{Baseline, Extra, Indikator, Periode, Tahun};
use crate::core::value::{rupiah, Angka, Nilai};

/// Text that does not read as the field's value; the field keeps the old one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid;

/// One row of an indicator's yearly grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Target,
    Realisasi,
    /// Realisasi of quarter 0–3.
    Triwulan(usize),
}

impl Row {
    /// Names the row in undo groups ("target", "triwulan2").
    pub fn key(self) -> String {
        match self {
            Row::Target => "target".to_owned(),
            Row::Realisasi => "realisasi".to_owned(),
            Row::Triwulan(q) => format!("triwulan{}", q + 1),
        }
    }

    pub fn get(self, ind: &Indikator, year: Tahun) -> String {
        let v = match self {
            Row::Target => ind.target.get(&year),
            Row::Realisasi => ind.realisasi.get(&year),
            Row::Triwulan(q) => ind.realisasi_triwulan.get(&year).and_then(|t| t[q].as_ref()),
        };
        v.map(|n| n.0.clone()).unwrap_or_default()
    }

    /// Keeps `text` as typed; a blank cell has no value (not an empty one).
    pub fn set(self, ind: &mut Indikator, year: Tahun, text: String) {
        let value = (!text.trim().is_empty()).then_some(Nilai(text));
        let map = match self {
            Row::Target => &mut ind.target,
            Row::Realisasi => &mut ind.realisasi,
            Row::Triwulan(q) => {
                let quarters = ind.realisasi_triwulan.entry(year).or_default();
                quarters[q] = value;
                if quarters.iter().all(Option::is_none) {
                    ind.realisasi_triwulan.remove(&year);
                }
                return;
            }
        };
        match value {
            Some(v) => map.insert(year, v),
            None => map.remove(&year),
        };
    }
}

/// The grid's columns: the plan period and every year that holds a value
/// (none hidden), else `fallback` (this year).
pub fn plan_years(periode: Option<&Periode>, ind: &Indikator, fallback: Tahun) -> Vec<Tahun> {
    let mut years: BTreeSet<Tahun> = periode.map(|p| p.years().collect()).unwrap_or_default();
    years.extend(ind.target.keys().chain(ind.realisasi.keys()).chain(ind.realisasi_triwulan.keys()));
    if years.is_empty() {
        years.insert(fallback);
    }
    years.into_iter().collect()
}

/// The cells of a row copied from a spreadsheet (tab-separated, its first
/// line); `None` for plain text, which pastes as usual.
pub fn pasted_row(text: &str) -> Option<Vec<String>> {
    if !text.contains(['\t', '\n', '\r']) {
        return None;
    }
    let line = text.lines().next().unwrap_or_default();
    Some(line.split('\t').map(|c| c.trim().to_owned()).collect())
}

/// The years `count` pasted cells land in from `from` on: the grid's next
/// columns, then, without a plan period to stop at, the years after them.
pub fn paste_years(years: &[Tahun], from: Tahun, count: usize, open_ended: bool) -> Vec<Tahun> {
    let mut out: Vec<Tahun> = years.iter().copied().filter(|y| *y >= from).take(count).collect();
    let mut last = out.last().copied().unwrap_or(from);
    while open_ended && out.len() < count {
        match last.checked_add(1) {
            Some(next) => out.push(next),
            None => break,
        }
        last += 1;
    }
    out
}

/// A four-digit year as typed; blank is none.
pub fn parse_year(text: &str) -> Result<Option<Tahun>, Invalid> {
    let s = text.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<Tahun>() {
        Ok(y) if s.len() == 4 && (1900..=2100).contains(&y) => Ok(Some(y)),
        _ => Err(Invalid),
    }
}

/// An indicator's weight: a number from 0 to [`MAX_BOBOT`], written the
/// Indonesian way ("1,5"); blank is none (counts as 1).
pub fn parse_bobot(text: &str) -> Result<Option<f64>, Invalid> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match Nilai::new(text).parse() {
        Ok(Angka::Tunggal { nilai, persen: false }) if (0.0..=MAX_BOBOT).contains(&nilai) => Ok(Some(nilai)),
        _ => Err(Invalid),
    }
}

/// A weight as planners write it ("1,5").
pub fn show_bobot(w: &f64) -> String {
    w.to_string().replace('.', ",")
}

/// "2024" or "2023–2028" (also "2023-2028", "2023 s.d. 2028"); blank is none.
pub fn parse_periode(text: &str) -> Result<Option<(Tahun, Tahun)>, Invalid> {
    let s = text.trim();
    let (a, b) = ["s.d.", "s/d", "–", "—", "-"].iter().find_map(|sep| s.split_once(sep)).unwrap_or((s, s));
    match (parse_year(a)?, parse_year(b)?) {
        (Some(a), Some(b)) if a <= b => Ok(Some((a, b))),
        (None, None) => Ok(None),
        _ => Err(Invalid),
    }
}

pub fn show_periode(p: &(Tahun, Tahun)) -> String {
    if p.0 == p.1 {
        p.0.to_string()
    } else {
        format!("{}–{}", p.0, p.1)
    }
}

/// The period as the document stores it, keeping its unknown fields.
pub fn periode(years: Option<(Tahun, Tahun)>, old: Option<Periode>) -> Option<Periode> {
    let (awal, akhir) = years?;
    Some(Periode { awal, akhir, extra: old.map(|p| p.extra).unwrap_or_default() })
}

/// Rupiah typed the Indonesian way ("1.500.000", "Rp 1.500.000,00"); blank is none.
pub fn parse_pagu(text: &str) -> Result<Option<u64>, Invalid> {
    let s = text.trim();
    let s = match s.get(..2) {
        Some(rp) if rp.eq_ignore_ascii_case("rp") => s[2..].trim_start(),
        _ => s,
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    match Nilai::new(s).parse() {
        Ok(Angka::Tunggal { nilai, persen: false }) if nilai >= 0.0 && nilai.fract() == 0.0 && nilai < 1e16 => {
            Ok(Some(nilai as u64))
        }
        _ => Err(Invalid),
    }
}

/// Thousands grouped with dots, as planners type it back.
pub fn show_pagu(p: &u64) -> String {
    rupiah(*p).trim_start_matches("Rp ").to_owned()
}

/// Edits an indicator's baseline, creating it on the first value and
/// dropping it once it holds nothing.
pub fn edit_baseline(slot: &mut Option<Baseline>, f: impl FnOnce(&mut Baseline)) {
    let mut b = slot.take().unwrap_or(Baseline { nilai: Nilai::default(), tahun: None, extra: Extra::new() });
    f(&mut b);
    if !(b.nilai.is_blank() && b.tahun.is_none() && b.extra.is_empty()) {
        *slot = Some(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_rows_keep_text_and_drop_blanks() {
        let mut ind = Indikator::default();
        Row::Target.set(&mut ind, 2025, "3,5".into());
        Row::Triwulan(1).set(&mut ind, 2025, "10".into());
        assert_eq!(Row::Target.get(&ind, 2025), "3,5");
        assert_eq!(Row::Triwulan(1).get(&ind, 2025), "10");
        assert_eq!(Row::Realisasi.get(&ind, 2025), "");
        Row::Target.set(&mut ind, 2025, " ".into());
        Row::Triwulan(1).set(&mut ind, 2025, String::new());
        assert!(ind.target.is_empty() && ind.realisasi_triwulan.is_empty());
    }

    #[test]
    fn years_are_the_period_and_every_year_with_a_value() {
        let mut ind = Indikator::default();
        assert_eq!(plan_years(None, &ind, 2025), vec![2025]);
        Row::Realisasi.set(&mut ind, 2021, "1".into());
        let p = Periode { awal: 2023, akhir: 2024, extra: Extra::new() };
        assert_eq!(plan_years(Some(&p), &ind, 2025), vec![2021, 2023, 2024]);
        assert_eq!(plan_years(None, &ind, 2025), vec![2021]);
    }

    #[test]
    fn pasted_rows_fill_the_next_years() {
        assert_eq!(pasted_row("80"), None);
        assert_eq!(pasted_row("80\t85,5\t 90 \r\n1\t2\r\n"), Some(vec!["80".into(), "85,5".into(), "90".into()]));
        assert_eq!(pasted_row("80\r\n"), Some(vec!["80".into()]));
        assert_eq!(paste_years(&[2023, 2024, 2025], 2024, 3, false), vec![2024, 2025]);
        assert_eq!(paste_years(&[2025], 2025, 3, true), vec![2025, 2026, 2027]);
    }

    #[test]
    fn years_and_periods_as_typed() {
        assert_eq!(parse_year(" 2024 "), Ok(Some(2024)));
        assert_eq!(parse_year(""), Ok(None));
        assert_eq!(parse_year("202"), Err(Invalid));
        assert_eq!(parse_year("3024"), Err(Invalid));
        assert_eq!(parse_periode("2023–2028"), Ok(Some((2023, 2028))));
        assert_eq!(parse_periode("2023 - 2028"), Ok(Some((2023, 2028))));
        assert_eq!(parse_periode("2023 s.d. 2028"), Ok(Some((2023, 2028))));
        assert_eq!(parse_periode("2024"), Ok(Some((2024, 2024))));
        assert_eq!(parse_periode(" "), Ok(None));
        assert_eq!(parse_periode("2028-2023"), Err(Invalid));
        assert_eq!(parse_periode("2023-"), Err(Invalid));
        assert_eq!(show_periode(&(2023, 2028)), "2023–2028");
    }

    #[test]
    fn weights_as_typed() {
        assert_eq!(parse_bobot("2"), Ok(Some(2.0)));
        assert_eq!(parse_bobot(" 1,5 "), Ok(Some(1.5)));
        assert_eq!(parse_bobot("0"), Ok(Some(0.0)));
        assert_eq!(parse_bobot(""), Ok(None));
        assert_eq!(parse_bobot("-1"), Err(Invalid));
        assert_eq!(parse_bobot("20%"), Err(Invalid));
        assert_eq!(parse_bobot("berat"), Err(Invalid));
        assert_eq!(show_bobot(&1.5), "1,5");
        assert_eq!(show_bobot(&2.0), "2");
    }

    #[test]
    fn rupiah_as_typed() {
        assert_eq!(parse_pagu("1.500.000"), Ok(Some(1_500_000)));
        assert_eq!(parse_pagu("Rp 1.500.000,00"), Ok(Some(1_500_000)));
        assert_eq!(parse_pagu("1500000"), Ok(Some(1_500_000)));
        assert_eq!(parse_pagu(""), Ok(None));
        assert_eq!(parse_pagu("1.5"), Err(Invalid));
        assert_eq!(parse_pagu("satu juta"), Err(Invalid));
        assert_eq!(parse_pagu("-5"), Err(Invalid));
        assert_eq!(parse_pagu("Rp"), Err(Invalid));
        assert_eq!(show_pagu(&1_500_000), "1.500.000");
    }

    #[test]
    fn baseline_comes_and_goes_with_its_values() {
        let mut b = None;
        edit_baseline(&mut b, |b| b.tahun = Some(2022));
        assert_eq!(b.as_ref().map(|b| b.tahun), Some(Some(2022)));
        edit_baseline(&mut b, |b| b.tahun = None);
        assert_eq!(b, None);
    }
}
