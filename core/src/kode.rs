//! Budget nomenclature codes (Kepmendagri 050-5889/2021):
//! `urusan.bidang.program[.kegiatan[.sub kegiatan]]`, e.g. program `1.06.05`,
//! kegiatan `1.06.05.2.02`, sub kegiatan `1.06.05.2.02.0003`.

use super::model::TingkatAnggaran;

/// Why a code does not have its level's shape.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("kode {kode:?} tidak sesuai format {expected}")]
pub struct KodeError {
    pub kode: String,
    /// The shape the level requires, e.g. `U.BB.PP.K.KK.SSSS`.
    pub expected: &'static str,
}

/// The shape of a code at `tingkat`, as written in the regulation's tables.
pub fn pattern(tingkat: TingkatAnggaran) -> &'static str {
    match tingkat {
        TingkatAnggaran::Program => "U.BB.PP",
        TingkatAnggaran::Kegiatan => "U.BB.PP.K.KK",
        TingkatAnggaran::SubKegiatan => "U.BB.PP.K.KK.SSSS",
    }
}

/// Checks the shape of `kode` for `tingkat`. Urusan is a digit 1–9, or `X`
/// for programs shared by every urusan (penunjang, `X.XX.01`); bidang two
/// digits (or `XX`); program two digits; kegiatan a 1 (provinsi) or 2
/// (kabupaten/kota) and two digits; sub kegiatan four digits. An empty code
/// is allowed: many documents give names only.
pub fn check(tingkat: TingkatAnggaran, kode: &str) -> Result<(), KodeError> {
    let kode = kode.trim();
    if kode.is_empty() {
        return Ok(());
    }
    let parts: Vec<&str> = kode.split('.').collect();
    let shape: &[fn(&str) -> bool] = match tingkat {
        TingkatAnggaran::Program => &[urusan, bidang, two],
        TingkatAnggaran::Kegiatan => &[urusan, bidang, two, wewenang, two],
        TingkatAnggaran::SubKegiatan => &[urusan, bidang, two, wewenang, two, four],
    };
    fn urusan(s: &str) -> bool {
        s == "X" || (s.len() == 1 && matches!(s.as_bytes()[0], b'1'..=b'9'))
    }
    fn bidang(s: &str) -> bool {
        s == "XX" || (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
    }
    fn two(s: &str) -> bool {
        s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())
    }
    fn wewenang(s: &str) -> bool {
        s == "1" || s == "2"
    }
    fn four(s: &str) -> bool {
        s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
    }
    if parts.len() == shape.len() && parts.iter().zip(shape).all(|(p, ok)| ok(p)) {
        Ok(())
    } else {
        Err(KodeError { kode: kode.to_owned(), expected: pattern(tingkat) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TingkatAnggaran::*;

    #[test]
    fn well_formed_codes_pass() {
        assert_eq!(check(Program, "1.06.05"), Ok(()));
        assert_eq!(check(Program, "X.XX.01"), Ok(()));
        assert_eq!(check(Kegiatan, "1.06.05.2.02"), Ok(()));
        assert_eq!(check(SubKegiatan, "1.06.05.2.02.0003"), Ok(()));
        assert_eq!(check(SubKegiatan, "  "), Ok(()));
    }

    #[test]
    fn malformed_codes_say_the_expected_shape() {
        let err = |t, k: &str| check(t, k).unwrap_err().expected;
        assert_eq!(err(Program, "1.6.05"), "U.BB.PP");
        assert_eq!(err(Kegiatan, "1.06.05.3.02"), "U.BB.PP.K.KK");
        assert_eq!(err(SubKegiatan, "1.06.05.2.02.003"), "U.BB.PP.K.KK.SSSS");
        assert_eq!(err(SubKegiatan, "1.06.05.2.02"), "U.BB.PP.K.KK.SSSS");
        assert_eq!(err(Program, "0.06.05"), "U.BB.PP");
        assert_eq!(err(Program, "1,06,05"), "U.BB.PP");
        assert_eq!(
            check(Kegiatan, "1.06.05.2.2").unwrap_err().to_string(),
            "kode \"1.06.05.2.2\" tidak sesuai format U.BB.PP.K.KK"
        );
    }
}
