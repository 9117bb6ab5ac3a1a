//! A small rasterizer for the overview of far-out or very large views:
//! axis-aligned boxes and axis-parallel lines (all a pohon kinerja is made of)
//! into an RGBA buffer the canvas takes in one call. At 100 000 boxes a
//! canvas call per box costs more than a frame; filling pixels does not.

pub type Rgba = [u8; 4];

/// An RGBA image, row by row, that starts transparent.
#[derive(Clone, Debug, Default)]
pub struct Pixels {
    w: usize,
    h: usize,
    data: Vec<u8>,
}

impl Pixels {
    /// Makes this a transparent `w`×`h` image, reusing the buffer.
    pub fn clear(&mut self, w: usize, h: usize) {
        (self.w, self.h) = (w, h);
        self.data.clear();
        self.data.resize(w * h * 4, 0);
    }

    pub fn width(&self) -> usize {
        self.w
    }

    pub fn height(&self) -> usize {
        self.h
    }

    pub fn data(&self) -> &[u8] {
        &self.data
    }

    pub fn pixel(&self, x: usize, y: usize) -> Rgba {
        let i = (y * self.w + x) * 4;
        [self.data[i], self.data[i + 1], self.data[i + 2], self.data[i + 3]]
    }

    /// Fills the pixels whose centres the box covers, and at least one pixel
    /// (a box far out still shows), clipped to the image.
    pub fn fill(&mut self, x: f64, y: f64, w: f64, h: f64, colour: Rgba) {
        let (x0, x1) = span(x, w, self.w);
        let (y0, y1) = span(y, h, self.h);
        for row in y0..y1 {
            let start = (row * self.w + x0) * 4;
            for px in self.data[start..start + (x1 - x0) * 4].chunks_exact_mut(4) {
                px.copy_from_slice(&colour);
            }
        }
    }

    /// A one-pixel frame just inside the box.
    pub fn outline(&mut self, x: f64, y: f64, w: f64, h: f64, colour: Rgba) {
        let (x0, x1) = (x.round(), (x + w).round().max(x.round() + 1.0));
        let (y0, y1) = (y.round(), (y + h).round().max(y.round() + 1.0));
        self.fill(x0, y0, x1 - x0, 1.0, colour);
        self.fill(x0, y1 - 1.0, x1 - x0, 1.0, colour);
        self.fill(x0, y0, 1.0, y1 - y0, colour);
        self.fill(x1 - 1.0, y0, 1.0, y1 - y0, colour);
    }

    /// A one-pixel line from (x0, y0) to (x1, y1), which share x or y
    /// (other lines are drawn as their bounding box).
    pub fn line(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), colour: Rgba) {
        let (left, top) = (x0.min(x1), y0.min(y1));
        let (w, h) = ((x0 - x1).abs(), (y0 - y1).abs());
        // Centred on the line: a vertical line at x = 10 covers pixel 9.5..10.5 → pixel 10.
        self.fill(left - 0.5, top - 0.5, w + 1.0, h + 1.0, colour);
    }
}

/// Pixels `a..b` whose centres lie in `[start, start + len)`, at least one,
/// within `0..limit`. Empty when the span is off the image (or not finite).
fn span(start: f64, len: f64, limit: usize) -> (usize, usize) {
    if !(start.is_finite() && len.is_finite()) {
        return (0, 0);
    }
    let a = start.round();
    let b = (start + len.max(0.0)).round().max(a + 1.0);
    let clamp = |v: f64| v.clamp(0.0, limit as f64) as usize;
    (clamp(a), clamp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const INK: Rgba = [1, 2, 3, 255];
    const NONE: Rgba = [0; 4];

    fn image(w: usize, h: usize) -> Pixels {
        let mut p = Pixels::default();
        p.clear(w, h);
        p
    }

    fn inked(p: &Pixels) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for y in 0..p.height() {
            for x in 0..p.width() {
                if p.pixel(x, y) == INK {
                    out.push((x, y));
                } else {
                    assert_eq!(p.pixel(x, y), NONE);
                }
            }
        }
        out
    }

    #[test]
    fn boxes_cover_the_pixels_whose_centres_they_cover() {
        let mut p = image(6, 4);
        p.fill(1.2, 0.6, 2.0, 1.0, INK);
        assert_eq!(inked(&p), [(1, 1), (2, 1)]);
        // Tiny boxes still show one pixel; boxes off the image show none.
        let mut p = image(6, 4);
        p.fill(4.1, 2.2, 0.01, 0.01, INK);
        p.fill(-9.0, 1.0, 3.0, 3.0, INK);
        p.fill(2.0, 7.0, 3.0, 3.0, INK);
        p.fill(f64::NAN, 1.0, 3.0, 3.0, INK);
        assert_eq!(inked(&p), [(4, 2)]);
    }

    #[test]
    fn boxes_are_clipped_to_the_image() {
        let mut p = image(3, 2);
        p.fill(-5.0, -5.0, 100.0, 100.0, INK);
        assert_eq!(inked(&p).len(), 6);
    }

    #[test]
    fn outlines_and_lines_are_one_pixel_wide() {
        let mut p = image(5, 5);
        p.outline(0.0, 0.0, 4.0, 3.0, INK);
        assert_eq!(inked(&p), [(0, 0), (1, 0), (2, 0), (3, 0), (0, 1), (3, 1), (0, 2), (1, 2), (2, 2), (3, 2)]);
        let mut p = image(5, 5);
        p.line((2.0, 4.0), (2.0, 1.0), INK);
        p.line((0.0, 0.0), (2.0, 0.0), INK);
        assert_eq!(inked(&p), [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (2, 3), (2, 4)]);
    }

    #[test]
    fn clear_reuses_and_resets() {
        let mut p = image(2, 2);
        p.fill(0.0, 0.0, 2.0, 2.0, INK);
        p.clear(3, 1);
        assert_eq!((p.width(), p.height(), p.data().len()), (3, 1, 12));
        assert!(inked(&p).is_empty());
    }
}
