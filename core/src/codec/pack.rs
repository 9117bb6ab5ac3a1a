//! Bytes as a string that browser storage keeps intact.
//!
//! localStorage holds strings, and counts them in UTF-16 units against a quota
//! of about 5 M units per origin. Base64 would spend one unit per 6 bits; this
//! packs 15 bits into each unit, as lz-string's `compressToUTF16` does: every
//! unit is `' ' + value` with `value < 2^15`, so the text stays within
//! U+0020..=U+801F (no control characters below U+0020, no surrogates, all in
//! one UTF-16 unit).
//!
//! The first unit holds the number of padding bits (0..=14) in the last one,
//! so the byte length is exact: `n` data units carry `15 n - padding` bits,
//! which must be a whole number of bytes. Padding bits must be zero, so every
//! byte string has exactly one packed form.

/// The first character used; below it are control characters.
const BASE: u32 = 0x20;
const BITS: u32 = 15;
const MASK: u32 = (1 << BITS) - 1;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    #[error("packed text is empty")]
    Empty,
    #[error("character {found:?} at position {position} is outside the packed range")]
    OutOfRange { position: usize, found: char },
    #[error("packed text of {units} units cannot end with {padding} padding bits")]
    BadLength { units: usize, padding: u32 },
    #[error("packed text has nonzero padding bits")]
    NonzeroPadding,
}

/// Packs `bytes`, 15 bits per character after a one-character header.
pub fn pack(bytes: &[u8]) -> String {
    pack_pieces(bytes, bytes.len()).collect()
}

/// [`pack`]'s text in pieces of about `piece` bytes each (at least one
/// piece), for a caller that lets the page breathe in between: joined, they
/// are exactly `pack(bytes)`.
pub fn pack_pieces(bytes: &[u8], piece: usize) -> impl Iterator<Item = String> + '_ {
    // 15 bytes are 8 whole units: pieces of such groups end on a unit.
    const GROUP: usize = BITS as usize;
    let piece = piece.div_ceil(GROUP).max(1) * GROUP;
    let bits = bytes.len() * 8;
    let padding = (bits.div_ceil(BITS as usize) * BITS as usize - bits) as u32;
    let pieces = bytes.len().div_ceil(piece).max(1);
    (0..pieces).map(move |k| {
        let part = &bytes[k * piece..((k + 1) * piece).min(bytes.len())];
        let mut out = String::with_capacity(3 * (part.len() * 8 / BITS as usize + 2));
        if k == 0 {
            out.push(unit(padding));
        }
        // Bits not yet written, most significant first, in the low `held` bits.
        let (mut acc, mut held) = (0u32, 0u32);
        for &b in part {
            acc = (acc << 8) | u32::from(b);
            held += 8;
            if held >= BITS {
                held -= BITS;
                out.push(unit((acc >> held) & MASK));
                acc &= (1 << held) - 1;
            }
        }
        // Only the last piece can end within a unit.
        if held > 0 {
            out.push(unit((acc << (BITS - held)) & MASK));
        }
        out
    })
}

/// Reverses [`pack`]; any other text is an error, never a panic.
pub fn unpack(text: &str) -> Result<Vec<u8>, PackError> {
    let mut chars = text.chars();
    let padding = value(chars.next().ok_or(PackError::Empty)?, 0)?;
    let units = chars.clone().count();
    let bits = units * BITS as usize;
    if padding >= BITS || bits < padding as usize || !(bits - padding as usize).is_multiple_of(8) {
        return Err(PackError::BadLength { units, padding });
    }
    let len = (bits - padding as usize) / 8;
    let mut out = Vec::with_capacity(len);
    // Only the last unit can hold padding (fewer than 15 bits), so bytes end
    // within it and `acc` never holds more than 8 + 15 bits.
    let (mut acc, mut held) = (0u32, 0u32);
    for (i, c) in chars.enumerate() {
        acc = (acc << BITS) | value(c, i + 1)?;
        held += BITS;
        while held >= 8 && out.len() < len {
            held -= 8;
            out.push((acc >> held) as u8);
            acc &= (1 << held) - 1;
        }
    }
    if acc != 0 {
        return Err(PackError::NonzeroPadding);
    }
    Ok(out)
}

fn unit(v: u32) -> char {
    char::from_u32(BASE + v).expect("0x20..=0x801F are all scalar values")
}

fn value(c: char, position: usize) -> Result<u32, PackError> {
    match (c as u32).checked_sub(BASE) {
        Some(v) if v <= MASK => Ok(v),
        _ => Err(PackError::OutOfRange { position, found: c }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length_up_to_two_groups() {
        for len in 0..=32usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 200) as u8).collect();
            let packed = pack(&bytes);
            assert_eq!(packed.chars().count(), 1 + (len * 8).div_ceil(15), "len {len}");
            assert_eq!(unpack(&packed).unwrap(), bytes, "len {len}");
        }
    }

    #[test]
    fn in_pieces_it_is_the_same_text() {
        let bytes: Vec<u8> = (0..200u32).map(|i| (i * 97 % 256) as u8).collect();
        for len in [0, 1, 14, 15, 16, 29, 30, 31, 200] {
            for piece in [0, 1, 14, 15, 16, 45, 199, 200, 1000] {
                let joined: String = pack_pieces(&bytes[..len], piece).collect();
                assert_eq!(joined, pack(&bytes[..len]), "{len} bytes in pieces of {piece}");
            }
        }
    }

    #[test]
    fn stays_in_the_safe_range() {
        let packed = pack(&[0xff; 64]);
        assert!(packed.chars().all(|c| ('\u{20}'..='\u{801f}').contains(&c)));
        let packed = pack(&[0; 64]);
        assert!(packed.chars().all(|c| c >= '\u{20}'));
    }

    #[test]
    fn refuses_what_pack_never_writes() {
        assert_eq!(unpack(""), Err(PackError::Empty));
        assert_eq!(unpack("\u{1f}"), Err(PackError::OutOfRange { position: 0, found: '\u{1f}' }));
        // Two units with 14 padding bits: two bytes, but the second unit is out of range.
        assert_eq!(unpack(". \u{8020}"), Err(PackError::OutOfRange { position: 2, found: '\u{8020}' }));
        // One unit with no padding is 15 bits: not whole bytes.
        assert_eq!(unpack("  "), Err(PackError::BadLength { units: 1, padding: 0 }));
        assert_eq!(unpack("!"), Err(PackError::BadLength { units: 0, padding: 1 }));
        // One byte: 7 padding bits, which must be zero.
        let mut one = pack(&[0xab]);
        assert_eq!(unpack(&one).unwrap(), [0xab]);
        let last = one.pop().unwrap();
        one.push(char::from_u32(last as u32 + 1).unwrap());
        assert_eq!(unpack(&one), Err(PackError::NonzeroPadding));
    }
}
