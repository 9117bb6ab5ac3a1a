// Presentation benchmark in headless Chromium (run by `scripts/bench
// present`): each step of presentation mode (PageDown, as a clicker sends)
// on N-node documents, timed from the key to the last frame of its glide,
// with the interval between frames during the glide. Goal (issue 12): a
// step takes ≤ 400 ms and drops no frame at 1 000 nodes. Prints numbers
// and never asserts one; exits non-zero only if something breaks.
//
//   BASE_URL=http://127.0.0.1:PORT/dist/ node tests/bench/present.mjs [NODES…]
//
// Timing, inside the page: a capture-phase keydown listener notes the key's
// time and starts a requestAnimationFrame loop that records each frame's
// timestamp and the selected card's transform until it has not changed for
// 10 frames; the glide ends at the last frame that changed it. A frame
// interval over 25 ms (1.5 × 16.7) counts as a dropped frame.
import { launch } from '../e2e/browser.mjs';
import { median, quantile } from './stats.mjs';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8000/dist/';
const SIZES = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1_000];
const STEPS = 20;
const TIMEOUT = 120_000;

const browser = await launch();
let failed = false;
for (const n of SIZES) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(`?src=../${n}.json`, BASE_URL).href);
  await page.waitForFunction(() => performance.getEntriesByName('pk:first-paint').length > 0, null, { timeout: TIMEOUT });
  await page.getByRole('button', { name: 'Presentasi' }).click();
  await page.getByRole('region', { name: 'Presentasi' }).waitFor();
  await page.waitForTimeout(600);
  const steps = [];
  for (let s = 0; s < STEPS; s++) {
    // Listening before the key is sent (awaited), then the key, then the result.
    await page.evaluate(() => { window.pkStep = new Promise((done) => {
      addEventListener('keydown', function once() {
        removeEventListener('keydown', once, true);
        const t0 = performance.now();
        const stamps = [];
        let last = t0;
        let lastView = null;
        let still = 0;
        const view = () => document.querySelector('.canvas svg g[transform]')?.getAttribute('transform')
          ?? document.querySelector('[role=treeitem][aria-selected=true]')?.getAttribute('transform');
        const tick = (ts) => {
          stamps.push(ts);
          const v = JSON.stringify([view(), document.querySelector('[role=treeitem][aria-selected=true]')?.getBoundingClientRect()]);
          if (v !== lastView) { lastView = v; last = ts; still = 0; } else still += 1;
          if (still < 10) requestAnimationFrame(tick);
          else {
            const during = stamps.filter((t) => t <= last);
            const gaps = during.slice(1).map((t, i) => t - during[i]);
            done({ ms: last - t0, gaps });
          }
        };
        requestAnimationFrame(tick);
      }, true);
    }); });
    await page.keyboard.press('PageDown');
    steps.push(await page.evaluate(() => window.pkStep));
  }
  const ms = steps.map((s) => s.ms);
  const gaps = steps.flatMap((s) => s.gaps);
  const dropped = gaps.filter((g) => g > 25).length;
  const f = (x) => x.toFixed(1).padStart(7);
  console.log(`${String(n).padStart(7)} nodes  step median ${f(median(ms))} ms  p95 ${f(quantile(ms, 0.95))} ms (goal ≤ 400)` +
    `  frame interval median ${f(median(gaps))} ms  p95 ${f(quantile(gaps, 0.95))} ms  dropped ${dropped} of ${gaps.length} (goal 0)`);
  if (errors.length) {
    console.error(errors);
    failed = true;
  }
  await page.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
