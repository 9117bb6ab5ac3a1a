//! Text widths for wrapping card text exactly as the browser will draw it.
//!
//! The browser measures each character once in the real font (canvas
//! `measureText`) into a [`CharWidths`] table; the core wraps with it. Natively
//! (tests, benchmarks) [`CharWidths::approx`] stands in with generous widths.

/// Highest code point measured individually; beyond it the widest glyph is used.
const TABLE: usize = 0x2FF;
/// Extra space per line for kerning and rounding differences between the
/// per-character sum and what the browser lays out.
const SLACK: f64 = 1.03;

#[derive(Clone, Debug, PartialEq)]
pub struct CharWidths {
    /// Width in px of each code point below `TABLE`.
    table: Vec<f64>,
    /// Width for anything else (the widest glyph measured).
    fallback: f64,
}

impl CharWidths {
    /// Measures every character of the table with `measure` (px).
    pub fn from_fn(mut measure: impl FnMut(char) -> f64) -> CharWidths {
        let table: Vec<f64> = (0..TABLE as u32).map(|c| char::from_u32(c).map_or(0.0, &mut measure).max(0.0)).collect();
        let fallback = table.iter().copied().fold(0.0, f64::max);
        CharWidths { table, fallback }
    }

    /// Widths of a typical sans-serif at `px`, on the wide side, so text
    /// wrapped with them never overflows in the fonts we ship CSS for.
    pub fn approx(px: f64, bold: bool) -> CharWidths {
        let scale = if bold { 1.08 } else { 1.0 };
        CharWidths::from_fn(|c| {
            let em = match c {
                'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | ' ' => 0.32,
                'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.42,
                'm' | 'w' | '%' => 0.9,
                'M' | 'W' | '@' => 1.0,
                c if c.is_ascii_uppercase() => 0.74,
                c if c.is_ascii_digit() => 0.64,
                c if c.is_control() => 0.0,
                _ => 0.62,
            };
            em * px * scale
        })
    }

    pub fn char_width(&self, c: char) -> f64 {
        self.table.get(c as usize).copied().unwrap_or(self.fallback)
    }

    pub fn width(&self, s: &str) -> f64 {
        s.chars().map(|c| self.char_width(c)).sum::<f64>() * SLACK
    }
}

/// Greedy word wrap to lines no wider than `max` px; a word wider than a
/// line is broken between characters.
pub fn wrap(text: &str, max: f64, widths: &CharWidths) -> Vec<String> {
    let mut lines = Vec::new();
    wrap_into(text, max, widths, Some(&mut lines));
    lines
}

/// How many lines [`wrap`] makes, without making them (card sizes for the
/// layout of every node; only cards in view need their lines).
pub fn line_count(text: &str, max: f64, widths: &CharWidths) -> usize {
    wrap_into(text, max, widths, None)
}

/// `text` on one line no wider than `max` px: whole, or cut with "…".
pub fn ellipsize(text: &str, max: f64, widths: &CharWidths) -> String {
    if widths.width(text) <= max {
        return text.to_owned();
    }
    let mut w = widths.width("…");
    let mut out = String::new();
    for c in text.chars() {
        w += widths.char_width(c) * SLACK;
        if w > max {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Wraps `text`, pushing the lines to `out` when given; returns their number.
fn wrap_into(text: &str, max: f64, widths: &CharWidths, out: Option<&mut Vec<String>>) -> usize {
    let mut lines =
        Lines { max, space: widths.char_width(' ') * SLACK, out, count: 0, line: String::new(), w: 0.0, empty: true };
    // One pass: words and their widths together (this runs over every
    // node's text whenever card sizes change).
    let (mut start, mut sum) = (None, 0.0);
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                lines.word(&text[s..i], sum * SLACK, widths);
                sum = 0.0;
            }
        } else {
            start.get_or_insert(i);
            sum += widths.char_width(c);
        }
    }
    if let Some(s) = start {
        lines.word(&text[s..], sum * SLACK, widths);
    }
    if !lines.empty || lines.count == 0 {
        lines.finish();
    }
    lines.count
}

/// The line being filled, greedily.
struct Lines<'a> {
    max: f64,
    space: f64,
    /// Where finished lines go, if they are wanted.
    out: Option<&'a mut Vec<String>>,
    count: usize,
    line: String,
    w: f64,
    empty: bool,
}

impl Lines<'_> {
    fn word(&mut self, word: &str, word_w: f64, widths: &CharWidths) {
        if !self.empty && self.w + self.space + word_w > self.max {
            self.finish();
        }
        if word_w > self.max {
            // Break the long word at character boundaries.
            for c in word.chars() {
                let cw = widths.char_width(c) * SLACK;
                if !self.empty && self.w + cw > self.max {
                    self.finish();
                }
                self.push(c.encode_utf8(&mut [0; 4]), cw);
            }
            return;
        }
        if !self.empty {
            self.push(" ", self.space);
        }
        self.push(word, word_w);
    }

    fn push(&mut self, s: &str, w: f64) {
        if self.out.is_some() {
            self.line.push_str(s);
        }
        (self.w, self.empty) = (self.w + w, false);
    }

    fn finish(&mut self) {
        self.count += 1;
        if let Some(out) = self.out.as_deref_mut() {
            out.push(std::mem::take(&mut self.line));
        }
        (self.w, self.empty) = (0.0, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let w = CharWidths::approx(15.0, true);
        let text = "Meningkatnya Pemberdayaan Potensi dan Sumber Kesejahteraan Sosial (PSKS) dalam penyelenggaraan kesejahteraan sosial";
        let lines = wrap(text, 240.0, &w);
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| w.width(l) <= 240.0 + 1e-9), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(line_count(text, 240.0, &w), lines.len());
    }

    #[test]
    fn long_words_break_and_blank_text_is_one_empty_line() {
        let w = CharWidths::from_fn(|_| 10.0);
        let lines = wrap("abcdefghijklmnop", 50.0, &w);
        assert!(lines.iter().all(|l| w.width(l) <= 50.0 + 1e-9), "{lines:?}");
        assert_eq!(lines.concat(), "abcdefghijklmnop");
        assert_eq!(line_count("abcdefghijklmnop", 50.0, &w), lines.len());
        assert_eq!(wrap("   ", 50.0, &w), vec![String::new()]);
        assert_eq!(line_count("   ", 50.0, &w), 1);
    }

    #[test]
    fn one_line_texts_are_cut_with_an_ellipsis_only_when_too_wide() {
        let w = CharWidths::from_fn(|_| 10.0);
        assert_eq!(ellipsize("abc", 40.0, &w), "abc");
        let cut = ellipsize("abc defgh", 60.0, &w);
        assert_eq!(cut, "abc…");
        assert!(w.width(&cut) <= 60.0);
        assert_eq!(ellipsize("abcdef", 5.0, &w), "…");
    }

    #[test]
    fn unknown_characters_take_the_widest_width() {
        let w = CharWidths::from_fn(|c| if c == 'W' { 20.0 } else { 5.0 });
        assert_eq!(w.char_width('語'), 20.0);
        assert_eq!(w.char_width('a'), 5.0);
    }
}
