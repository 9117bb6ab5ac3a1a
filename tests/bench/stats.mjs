// Shared by the browser benchmarks: order statistics and waiting for frames.

export const sorted = (xs) => xs.filter(Number.isFinite).sort((a, b) => a - b);

export const median = (xs) => {
  const s = sorted(xs);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};

/** Nearest-rank quantile. */
export const quantile = (xs, q) => {
  const s = sorted(xs);
  return s.length ? s[Math.max(0, Math.ceil(q * s.length) - 1)] : NaN;
};

/** Waits for `n` animation frames in the page (so what was changed is painted). */
export const frames = (page, n = 2) => page.evaluate((n) => new Promise((done) => {
  const step = () => (--n <= 0 ? done() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);
