//! The view transform of the tree canvas: world (layout) coordinates to
//! screen pixels, `screen = world * k + t`. Kept in code, not in one giant
//! SVG transform, so cards are drawn at screen-sized coordinates and trees
//! wider than float precision allows in SVG still render.

use super::layout::Rect;

pub const MIN_ZOOM: f64 = 0.01;
pub const MAX_ZOOM: f64 = 4.0;

/// Zoom steps at which card text is laid out. Browsers lay SVG text out
/// again whenever its scale changes (about 10 ms a frame for a screenful of
/// cards), so cards are drawn at the nearest step and the drawing as a whole
/// is scaled by what remains, which needs no text layout.
pub const TEXT_STEP: f64 = std::f64::consts::SQRT_2;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Screen pixels per world unit.
    pub k: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport { k: 1.0, tx: 0.0, ty: 0.0 }
    }
}

/// A screen transform: scale by `s` about the top-left corner, then shift.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shift {
    pub s: f64,
    pub dx: f64,
    pub dy: f64,
}

impl Viewport {
    pub fn to_screen(&self, x: f64, y: f64) -> (f64, f64) {
        (x * self.k + self.tx, y * self.k + self.ty)
    }

    pub fn to_world(&self, sx: f64, sy: f64) -> (f64, f64) {
        ((sx - self.tx) / self.k, (sy - self.ty) / self.k)
    }

    /// This view split in two: the view at the nearest text step, and the
    /// scale (about the screen's top-left corner) that takes it to this one,
    /// between TEXT_STEP^-1/2 and TEXT_STEP^1/2.
    pub fn stepped(&self) -> (Viewport, f64) {
        let step = TEXT_STEP.powf((self.k.ln() / TEXT_STEP.ln()).round());
        let rest = self.k / step;
        (Viewport { k: step, tx: self.tx / rest, ty: self.ty / rest }, rest)
    }

    /// The screen transform (scale `s` about the top-left corner, then a
    /// shift `dx`, `dy`) that takes a drawing made in view `held` to this
    /// view. A glide draws the cards once, in the view it ends at, and moves
    /// only this transform: no card is placed or laid out again per frame.
    pub fn from_held(&self, held: &Viewport) -> Shift {
        let s = self.k / held.k;
        Shift { s, dx: self.tx - s * held.tx, dy: self.ty - s * held.ty }
    }

    /// Zooms by `factor` keeping the world point under screen point (sx, sy) fixed.
    pub fn zoom_at(&self, sx: f64, sy: f64, factor: f64) -> Viewport {
        let k = (self.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let (wx, wy) = self.to_world(sx, sy);
        Viewport { k, tx: sx - wx * k, ty: sy - wy * k }
    }

    pub fn pan(&self, dx: f64, dy: f64) -> Viewport {
        Viewport { tx: self.tx + dx, ty: self.ty + dy, ..*self }
    }

    /// Shows all of `bounds` centred horizontally and from the top (trees read
    /// top-down) on a `w`×`h` screen with `margin` pixels around, never
    /// enlarging past 1:1 (a small tree stays at reading size).
    pub fn fit(bounds: Rect, w: f64, h: f64, margin: f64) -> Viewport {
        let avail_w = (w - 2.0 * margin).max(1.0);
        let avail_h = (h - 2.0 * margin).max(1.0);
        let k = (avail_w / bounds.w.max(1.0)).min(avail_h / bounds.h.max(1.0)).clamp(MIN_ZOOM, 1.0);
        Viewport { k, tx: (w - bounds.w * k) / 2.0 - bounds.x * k, ty: margin - bounds.y * k }
    }

    /// As [`Viewport::fit`], but centred vertically too: for trees that
    /// read left to right, whose root is in the middle of their height.
    pub fn fit_centred(bounds: Rect, w: f64, h: f64, margin: f64) -> Viewport {
        let v = Viewport::fit(bounds, w, h, margin);
        Viewport { ty: (h - bounds.h * v.k) / 2.0 - bounds.y * v.k, ..v }
    }

    /// Centres `rect` on the screen at zoom `k` (clamped).
    pub fn centre_on(rect: Rect, k: f64, w: f64, h: f64) -> Viewport {
        let k = k.clamp(MIN_ZOOM, MAX_ZOOM);
        Viewport { k, tx: w / 2.0 - (rect.x + rect.w / 2.0) * k, ty: h / 2.0 - (rect.y + rect.h / 2.0) * k }
    }

    /// The view a fraction `t` (0–1) of the way from `self` to `to` on a
    /// `w`×`h` screen: zoom changes geometrically and the world point at the
    /// screen's centre moves in a straight line, so a move that zooms reads
    /// as one steady glide rather than a swerve.
    pub fn toward(&self, to: &Viewport, t: f64, w: f64, h: f64) -> Viewport {
        let t = t.clamp(0.0, 1.0);
        let k = self.k * (to.k / self.k).powf(t);
        let (ax, ay) = self.to_world(w / 2.0, h / 2.0);
        let (bx, by) = to.to_world(w / 2.0, h / 2.0);
        let (cx, cy) = (ax + (bx - ax) * t, ay + (by - ay) * t);
        Viewport { k, tx: w / 2.0 - cx * k, ty: h / 2.0 - cy * k }
    }

    /// Pans just enough that `rect` is on a `w`×`h` screen with `margin`
    /// pixels to spare (its top-left wins when it cannot fit).
    pub fn reveal(&self, rect: Rect, w: f64, h: f64, margin: f64) -> Viewport {
        let (x0, y0) = self.to_screen(rect.x, rect.y);
        let (x1, y1) = self.to_screen(rect.right(), rect.bottom());
        let nudge = |lo: f64, hi: f64, size: f64| {
            if lo < margin {
                margin - lo
            } else if hi > size - margin {
                (size - margin - hi).max(margin - lo)
            } else {
                0.0
            }
        };
        self.pan(nudge(x0, x1, w), nudge(y0, y1, h))
    }

    /// The world rectangle visible on a `w`×`h` screen, grown by `margin` screen pixels.
    pub fn visible_world(&self, w: f64, h: f64, margin: f64) -> Rect {
        let (x0, y0) = self.to_world(-margin, -margin);
        let (x1, y1) = self.to_world(w + margin, h + margin);
        Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
    }
}

/// What a wheel event asks for: trackpads send two-finger scrolls as wheel
/// events in pixels (often with a sideways part) and pinches as ctrl+wheel;
/// a mouse wheel sends whole notches (about 100 px, or lines).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wheel {
    /// Zoom by this factor about the pointer.
    Zoom(f64),
    /// Pan by this many screen pixels.
    Pan(f64, f64),
}

/// Smallest vertical step taken for a mouse wheel's notch, in pixels.
const NOTCH: f64 = 50.0;

/// Reads a wheel event: deltas in pixels (`px` per unit of `delta_mode`
/// already applied), `pinch` for ctrl (or ⌘) held, `panning` while a
/// trackpad scroll is under way (a fast flick can send a large step).
pub fn wheel(dx: f64, dy: f64, line_mode: bool, pinch: bool, panning: bool) -> Wheel {
    if pinch {
        return Wheel::Zoom((-dy * 0.01).exp());
    }
    let notch = line_mode || (dx == 0.0 && dy.fract() == 0.0 && dy.abs() >= NOTCH);
    if notch && !panning {
        Wheel::Zoom((-dy * 0.0015).exp())
    } else {
        Wheel::Pan(-dx, -dy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glide_starts_and_ends_where_asked_and_zooms_geometrically() {
        let (w, h) = (1000.0, 600.0);
        let a = Viewport { k: 0.25, tx: 10.0, ty: -40.0 };
        let b = Viewport::centre_on(Rect { x: 800.0, y: 400.0, w: 260.0, h: 120.0 }, 1.0, w, h);
        let close = |x: Viewport, y: Viewport| {
            (x.k - y.k).abs() < 1e-9 && (x.tx - y.tx).abs() < 1e-6 && (x.ty - y.ty).abs() < 1e-6
        };
        assert!(close(a.toward(&b, 0.0, w, h), a));
        assert!(close(a.toward(&b, 1.0, w, h), b));
        assert!((a.toward(&b, 0.5, w, h).k - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_mouse_wheel_zooms_and_a_trackpad_pans_or_pinches() {
        // Mouse: notches of 100 or 120 px (Chrome), or lines (Firefox).
        for (dy, lines) in [(100.0, false), (-120.0, false), (3.0 * 16.0, true)] {
            let Wheel::Zoom(f) = wheel(0.0, dy, lines, false, false) else { panic!("{dy}") };
            assert_eq!(f < 1.0, dy > 0.0);
        }
        // Trackpad: small, fractional or sideways steps pan, in the finger's direction.
        assert_eq!(wheel(0.0, 4.0, false, false, false), Wheel::Pan(0.0, -4.0));
        assert_eq!(wheel(0.0, 63.5, false, false, false), Wheel::Pan(0.0, -63.5));
        assert_eq!(wheel(-12.0, 80.0, false, false, false), Wheel::Pan(12.0, -80.0));
        // A flick during a scroll keeps panning.
        assert_eq!(wheel(0.0, 100.0, false, false, true), Wheel::Pan(0.0, -100.0));
        // A pinch is ctrl+wheel: spreading the fingers (negative) zooms in.
        let Wheel::Zoom(f) = wheel(0.0, -10.0, false, true, true) else { panic!() };
        assert!(f > 1.0);
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_stepped_view_scaled_by_the_rest_is_the_view() {
        let mut steps = Vec::new();
        for i in 0..=400 {
            let k = MIN_ZOOM * (MAX_ZOOM / MIN_ZOOM).powf(i as f64 / 400.0);
            let v = Viewport { k, tx: 37.0 - 5.0 * i as f64, ty: -120.5 + i as f64 };
            let (step, rest) = v.stepped();
            assert!((TEXT_STEP.powf(-0.5) - 1e-9..=TEXT_STEP.powf(0.5) + 1e-9).contains(&rest), "{k}: {rest}");
            assert!(close((step.k.ln() / TEXT_STEP.ln()).round(), step.k.ln() / TEXT_STEP.ln()));
            for (x, y) in [(0.0, 0.0), (1234.5, -87.0), (-4.0e5, 9.0e3)] {
                let (sx, sy) = step.to_screen(x, y);
                let (ex, ey) = v.to_screen(x, y);
                assert!(
                    (sx * rest - ex).abs() < 1e-6 * ex.abs().max(1.0)
                        && (sy * rest - ey).abs() < 1e-6 * ey.abs().max(1.0)
                );
            }
            if steps.last() != Some(&step.k) {
                steps.push(step.k);
            }
        }
        // From 1 % to 400 % text is laid out at 18 scales, not at 400.
        assert_eq!(steps.len(), 18, "{steps:?}");
        assert_eq!(Viewport { k: 1.0, tx: 3.0, ty: 4.0 }.stepped(), (Viewport { k: 1.0, tx: 3.0, ty: 4.0 }, 1.0));
    }

    #[test]
    fn a_drawing_in_a_held_view_moved_by_the_shift_is_the_view() {
        let v = Viewport { k: 0.3, tx: -250.0, ty: 80.0 };
        for held in [v.stepped().0, Viewport { k: 2.0, tx: 900.0, ty: -40.0 }, Viewport { k: 0.0625, tx: 0.0, ty: 0.0 }]
        {
            let Shift { s, dx, dy } = v.from_held(&held);
            for (x, y) in [(512.0, -64.0), (0.0, 0.0), (-3.0e4, 1.2e3)] {
                let (hx, hy) = held.to_screen(x, y);
                let (ex, ey) = v.to_screen(x, y);
                assert!((hx * s + dx - ex).abs() < 1e-6 * ex.abs().max(1.0));
                assert!((hy * s + dy - ey).abs() < 1e-6 * ey.abs().max(1.0));
            }
        }
        // Held at its own step, the shift is the stepped view's scale alone.
        let (step, rest) = v.stepped();
        let shift = v.from_held(&step);
        assert!(close(shift.s, rest) && shift.dx.abs() < 1e-9 && shift.dy.abs() < 1e-9);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let v = Viewport { k: 0.5, tx: 30.0, ty: -20.0 };
        let before = v.to_world(400.0, 300.0);
        let z = v.zoom_at(400.0, 300.0, 1.7);
        let after = z.to_world(400.0, 300.0);
        assert!(close(before.0, after.0) && close(before.1, after.1));
        assert!(close(z.k, 0.85));
        assert_eq!(v.zoom_at(0.0, 0.0, 1e9).k, MAX_ZOOM);
        assert_eq!(v.zoom_at(0.0, 0.0, 1e-9).k, MIN_ZOOM);
    }

    #[test]
    fn fit_shows_everything_centred_and_never_enlarges() {
        let bounds = Rect { x: 0.0, y: 0.0, w: 4000.0, h: 1000.0 };
        let v = Viewport::fit(bounds, 1000.0, 800.0, 20.0);
        let (x0, y0) = v.to_screen(0.0, 0.0);
        let (x1, y1) = v.to_screen(4000.0, 1000.0);
        assert!(x0 >= 20.0 - 1e-9 && x1 <= 980.0 + 1e-9 && y0 >= 20.0 - 1e-9 && y1 <= 780.0 + 1e-9);
        assert!(close(x0 + x1, 1000.0), "centred horizontally");
        let small = Viewport::fit(Rect { x: 0.0, y: 0.0, w: 200.0, h: 100.0 }, 1000.0, 800.0, 20.0);
        assert_eq!(small.k, 1.0);
        let centred = Viewport::fit_centred(Rect { x: 0.0, y: 0.0, w: 200.0, h: 100.0 }, 1000.0, 800.0, 20.0);
        assert_eq!((centred.k, centred.to_screen(100.0, 50.0)), (1.0, (500.0, 400.0)));
    }

    #[test]
    fn reveal_pans_only_as_far_as_needed() {
        let v = Viewport::default();
        let inside = Rect { x: 100.0, y: 100.0, w: 50.0, h: 50.0 };
        assert_eq!(v.reveal(inside, 800.0, 600.0, 20.0), v);
        let right = Rect { x: 900.0, y: 100.0, w: 100.0, h: 50.0 };
        assert_eq!(v.reveal(right, 800.0, 600.0, 20.0).to_screen(1000.0, 100.0), (780.0, 100.0));
        let huge = Rect { x: -500.0, y: 0.0, w: 5000.0, h: 50.0 };
        assert_eq!(v.reveal(huge, 800.0, 600.0, 20.0).to_screen(-500.0, 0.0), (20.0, 20.0));
    }

    #[test]
    fn visible_world_inverts_the_transform() {
        let v = Viewport { k: 2.0, tx: 100.0, ty: 50.0 };
        let r = v.visible_world(800.0, 600.0, 0.0);
        assert!(close(r.x, -50.0) && close(r.y, -25.0) && close(r.w, 400.0) && close(r.h, 300.0));
        let c = Viewport::centre_on(Rect { x: 10.0, y: 10.0, w: 20.0, h: 20.0 }, 1.0, 800.0, 600.0);
        assert_eq!(c.to_screen(20.0, 20.0), (400.0, 300.0));
    }
}
