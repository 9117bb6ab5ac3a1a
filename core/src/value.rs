//! Values as planners type them, and their numeric meaning.
//!
//! A [`Nilai`] keeps the text exactly ("5.159", "3,5", "100%", "N/A") so files
//! round-trip; [`Nilai::parse`] reads the Indonesian convention (decimal comma,
//! thousands dot) and reports ambiguity instead of guessing.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Nilai(pub String);

impl Nilai {
    pub fn new(raw: impl Into<String>) -> Self {
        Nilai(raw.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }

    pub fn parse(&self) -> Result<Angka, NilaiError> {
        parse(&self.0)
    }
}

impl fmt::Display for Nilai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Nilai {
    fn from(s: &str) -> Self {
        Nilai(s.to_owned())
    }
}

/// Accepts a JSON string (kept verbatim) or a JSON number, which is written
/// the Indonesian way (`3.5` → `"3,5"`) so it parses back to the same number.
impl<'de> Deserialize<'de> for Nilai {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NilaiVisitor)
    }
}

struct NilaiVisitor;

impl serde::de::Visitor<'_> for NilaiVisitor {
    type Value = Nilai;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value as text or a number")
    }

    fn visit_str<E>(self, v: &str) -> Result<Nilai, E> {
        Ok(Nilai(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Nilai, E> {
        Ok(Nilai(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Nilai, E> {
        Ok(Nilai(v.to_string()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Nilai, E> {
        Ok(Nilai(v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Nilai, E> {
        Ok(Nilai(v.to_string().replace('.', ",")))
    }
}

/// The numeric meaning of a value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Angka {
    /// A plain number; `persen` when written with `%`.
    Tunggal { nilai: f64, persen: bool },
    /// A target range "80 – 90" or "80 s.d. 90".
    Rentang { bawah: f64, atas: f64, persen: bool },
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NilaiError {
    #[error("kosong")]
    Empty,
    #[error("bukan angka: {0:?}")]
    NotANumber(String),
    /// "3.5" is 3,5 in English but not a valid Indonesian number; "1.234,5,6" is neither.
    #[error("angka ambigu: {0:?} (gunakan koma untuk desimal, titik untuk ribuan)")]
    Ambiguous(String),
}

fn parse(raw: &str) -> Result<Angka, NilaiError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(NilaiError::Empty);
    }
    for sep in ["s.d.", "s/d", "–", "—", " - "] {
        if let Some((a, b)) = s.split_once(sep) {
            let (a, pa) = single(a)?;
            let (b, pb) = single(b)?;
            let (bawah, atas) = if a <= b { (a, b) } else { (b, a) };
            return Ok(Angka::Rentang { bawah, atas, persen: pa || pb });
        }
    }
    let (nilai, persen) = single(s)?;
    Ok(Angka::Tunggal { nilai, persen })
}

fn single(raw: &str) -> Result<(f64, bool), NilaiError> {
    let s = raw.trim();
    let (s, persen) = match s.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (s, false),
    };
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(NilaiError::NotANumber(raw.trim().to_owned()));
    }
    let ambiguous = || NilaiError::Ambiguous(raw.trim().to_owned());
    let (int_part, frac_part) = match digits.split_once(',') {
        Some((i, f)) if !f.contains(',') && !f.contains('.') && !f.is_empty() => (i, Some(f)),
        Some(_) => return Err(ambiguous()),
        None => (digits, None),
    };
    // Thousands dots must group exactly three digits: "5.159" is 5159, "3.5" is refused.
    let mut groups = int_part.split('.');
    let first = groups.next().unwrap_or_default();
    if first.is_empty() || first.len() > 3 && int_part.contains('.') {
        return Err(ambiguous());
    }
    let mut plain = String::from(first);
    for g in groups {
        if g.len() != 3 {
            return Err(ambiguous());
        }
        plain.push_str(g);
    }
    if let Some(f) = frac_part {
        plain.push('.');
        plain.push_str(f);
    }
    let v: f64 = plain.parse().map_err(|_| NilaiError::NotANumber(raw.trim().to_owned()))?;
    Ok((if neg { -v } else { v }, persen))
}

/// Rupiah the Indonesian way: `Rp 1.234.567`.
pub fn rupiah(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::from("Rp ");
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> f64 {
        match parse(s).unwrap() {
            Angka::Tunggal { nilai, .. } => nilai,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn indonesian_numbers() {
        assert_eq!(one("5159"), 5159.0);
        assert_eq!(one("5.159"), 5159.0);
        assert_eq!(one("1.234.567,25"), 1_234_567.25);
        assert_eq!(one("3,5"), 3.5);
        assert_eq!(one(" -2,25 "), -2.25);
        assert_eq!(parse("100%"), Ok(Angka::Tunggal { nilai: 100.0, persen: true }));
        assert_eq!(parse("72,5 %"), Ok(Angka::Tunggal { nilai: 72.5, persen: true }));
    }

    #[test]
    fn rupiah_groups_thousands_with_dots() {
        assert_eq!(rupiah(0), "Rp 0");
        assert_eq!(rupiah(950), "Rp 950");
        assert_eq!(rupiah(1_234_567), "Rp 1.234.567");
        assert_eq!(rupiah(100_000_000), "Rp 100.000.000");
    }

    #[test]
    fn ranges() {
        assert_eq!(parse("80 – 90%"), Ok(Angka::Rentang { bawah: 80.0, atas: 90.0, persen: true }));
        assert_eq!(parse("90 s.d. 80"), Ok(Angka::Rentang { bawah: 80.0, atas: 90.0, persen: false }));
    }

    #[test]
    fn refuses_to_guess() {
        assert_eq!(parse(""), Err(NilaiError::Empty));
        assert_eq!(parse("N/A"), Err(NilaiError::NotANumber("N/A".into())));
        assert_eq!(parse("3.5"), Err(NilaiError::Ambiguous("3.5".into())));
        assert_eq!(parse("1,2,3"), Err(NilaiError::Ambiguous("1,2,3".into())));
        assert_eq!(parse("1234.567"), Err(NilaiError::Ambiguous("1234.567".into())));
        assert_eq!(parse(".5"), Err(NilaiError::Ambiguous(".5".into())));
        assert_eq!(parse("%"), Err(NilaiError::NotANumber("%".into())));
    }

    #[test]
    fn json_numbers_become_indonesian_text() {
        let v: Nilai = serde_json::from_str("3.5").unwrap();
        assert_eq!(v.as_str(), "3,5");
        assert_eq!(one(v.as_str()), 3.5);
        let v: Nilai = serde_json::from_str("\"5.159\"").unwrap();
        assert_eq!(v.as_str(), "5.159");
    }
}
