// Tree view benchmark in headless Chromium (run by `scripts/bench tree`):
// layout time beside d3-flextree and d3-hierarchy's tree() on the same data,
// first paint after the data is ready, and frame times while panning and
// zooming. Prints numbers and never asserts one; exits non-zero only if
// something breaks (a page error, a missing measure, a timeout).
//
//   BASE_URL=http://127.0.0.1:PORT/dist/ node tests/bench/tree.mjs [NODES…]
//
// BASE_URL is the app (a release build); the documents are ../NODES.json
// beside it (`pk_synth NODES 42`). scripts/bench builds both into target/bench/
// (its own dist/, so a `scripts/serve` running meanwhile cannot swap the build
// under the benchmark) and serves that folder with tests/bench/serve.py.
//
// Peers' node sizes: d3-flextree gets a per-node estimate of our card, made
// once before timing: width 284 (card 260 + 24 gap), height 48 (gap) + 42
// (band and padding) + 19 per kondisi line (30 characters a line) + 6 + 16 per
// indicator line (38 characters a line, "IK: name (%) · T2026: 12,5") for up
// to 3 indicators. d3.tree() gets one fixed nodeSize [284, 190]. Both are
// timed around the layout call only (not d3.stratify, not the estimate).
import { launch } from '../e2e/browser.mjs';
import { frames, median, quantile } from './stats.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The browser builds from node_modules (package-lock.json), injected inline: no bundler, no network.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODULES = join(ROOT, 'node_modules');
/** Screenshots of the two views measured: tree-NODES-fit.png, tree-NODES-100.png. */
const OUT = join(ROOT, 'target', 'bench');
const D3_SCRIPTS = [join(MODULES, 'd3-hierarchy/dist/d3-hierarchy.min.js'),
  join(MODULES, 'd3-flextree/build/d3-flextree.min.js')];
const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8000/dist/';
const SIZES = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1_000, 10_000, 100_000];
const VIEWPORT = { width: 1366, height: 768 };
const FRAMES = 120;
/** A run of frames stops early after this long (a view that takes a second a frame). */
const LIMIT_MS = 15_000;
const TIMEOUT = 300_000;

const intervals = (stamps) => stamps.slice(1).map((t, i) => t - stamps[i]);
const frameStats = (stamps) => {
  const d = intervals(stamps);
  return { median: median(d), p95: quantile(d, 0.95), frames: d.length };
};


/** User Timing entries named `name` starting at or after `since`. */
const entries = (page, name, since = 0) => page.evaluate(([name, since]) => performance.getEntriesByName(name)
  .filter((e) => e.startTime >= since).map((e) => ({ start: e.startTime, duration: e.duration })), [name, since]);

/** Runs `action` and returns the duration of the first "pk:layout" it causes. */
async function relayout(page, action) {
  const since = await page.evaluate(() => performance.now());
  await action();
  await page.waitForFunction((since) => performance.getEntriesByName('pk:layout').some((e) => e.startTime >= since),
    since, { timeout: TIMEOUT });
  await frames(page);
  return (await entries(page, 'pk:layout', since))[0].duration;
}

/**
 * Drives FRAMES frames of input on the canvas section, one event per
 * requestAnimationFrame, and returns the rAF timestamps. `kind` is "pan" (a
 * drag left and down, 12 px and 3 px a frame) or "zoom" (wheel about the centre:
 * `first` direction for half the frames, then back). Stops early after
 * LIMIT_MS, and fails if the view did not move (the app ignored the input).
 */
const drive = (page, kind, first = 'out') => page.evaluate(([kind, n, first, limit]) => new Promise((done, fail) => {
  const el = document.querySelector('section.canvas');
  const r = el.getBoundingClientRect();
  let x = r.left + r.width / 2;
  let y = r.top + r.height / 2;
  const pointer = (type) => el.dispatchEvent(new PointerEvent(type, {
    pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1,
    clientX: x, clientY: y, bubbles: true, cancelable: true,
  }));
  // What is on screen, read outside the timed frames: the overview canvas's
  // pixels, or where the first cards and edges are.
  const view = () => {
    const canvas = document.querySelector('canvas.overview');
    if (canvas && !canvas.hidden) {
      const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let h = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]) h = (h * 31 + i) | 0;
      return `canvas ${h}`;
    }
    const cards = [...document.querySelectorAll('[role=treeitem]')].slice(0, 5)
      .map((g) => { const b = g.getBoundingClientRect(); return `${b.x},${b.y},${b.width}`; });
    return `${cards.join(' ')} ${document.querySelector('path.edges')?.getAttribute('d')?.slice(0, 200)}`;
  };
  const zoomText = () => document.querySelector('.zoom-level')?.textContent;
  const before = kind === 'pan' ? view() : zoomText();
  let turned;
  const stamps = [];
  let i = 0;
  if (kind === 'pan') pointer('pointerdown');
  const step = (t) => {
    stamps.push(t);
    if (i === n || t - stamps[0] > limit) {
      if (kind === 'pan') pointer('pointerup');
      const moved = kind === 'pan' ? view() !== before : turned !== before;
      if (moved) done(stamps);
      else fail(new Error(`${kind}: the view did not change`));
      return;
    }
    if (kind === 'pan') {
      x -= 12;
      y += 3;
      pointer('pointermove');
    } else {
      if (i === n / 2) turned = zoomText();
      // A mouse wheel (line mode; small pixel steps are a trackpad's pan):
      // 0.625 line = 10 px is a factor of e^0.015 in the app, 2.46× over 60 frames.
      const sign = (first === 'out' ? 1 : -1) * (i < n / 2 ? 1 : -1);
      el.dispatchEvent(new WheelEvent('wheel', {
        deltaY: 0.625 * sign, deltaMode: 1, clientX: x, clientY: y, bubbles: true, cancelable: true,
      }));
    }
    i += 1;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}), [kind, FRAMES, first, LIMIT_MS]);

/** What the canvas shows now: SVG cards (how many) or boxes on the overview canvas. */
const viewKind = (page) => page.evaluate(() => {
  const canvas = document.querySelector('canvas.overview');
  return canvas && !canvas.hidden ? 'canvas boxes'
    : `svg, ${document.querySelectorAll('[role=treeitem]').length} cards`;
});

/**
 * Fits, then brings a dense part of the tree to reading size: finds
 * the screen point of a card near the middle of the fullest row (SVG cards or
 * overview boxes), drags it to the canvas centre, then clicks "100%" (which
 * zooms about the centre).
 */
async function readable(page) {
  await fitted(page);
  const target = await page.evaluate(() => {
    const section = document.querySelector('section.canvas').getBoundingClientRect();
    const cx = section.left + section.width / 2;
    const canvas = document.querySelector('canvas.overview');
    if (canvas && !canvas.hidden) {
      const { width, height } = canvas;
      const px = canvas.getContext('2d').getImageData(0, 0, width, height).data;
      const r = canvas.getBoundingClientRect();
      // Card pixels: white box interiors where the overview draws them (up
      // to 20k boxes), else any painted pixel (plain boxes, no connectors).
      const white = (o) => px[o + 3] > 0 && px[o] > 250 && px[o + 1] > 250 && px[o + 2] > 250;
      const painted = (o) => px[o + 3] > 0;
      let card = white;
      let best = { count: -1, y: 0 };
      for (const test of [white, painted]) {
        card = test;
        best = { count: -1, y: 0 };
        for (let y = 0; y < height; y++) {
          let count = 0;
          for (let x = 0; x < width; x++) count += card((y * width + x) * 4) ? 1 : 0;
          if (count > best.count) best = { count, y };
        }
        if (best.count > 0) break;
      }
      let bx = -1;
      for (let x = 0; x < width; x++) {
        if (card((best.y * width + x) * 4) && (bx < 0 || Math.abs(r.left + x * r.width / width - cx) < Math.abs(r.left + bx * r.width / width - cx))) bx = x;
      }
      return { x: r.left + bx * r.width / width, y: r.top + best.y * r.height / height };
    }
    const boxes = [...document.querySelectorAll('[role=treeitem]')].map((g) => g.getBoundingClientRect());
    const rows = new Map();
    for (const b of boxes) {
      const k = Math.round(b.top);
      rows.set(k, [...(rows.get(k) ?? []), b]);
    }
    const row = [...rows.values()].sort((a, b) => b.length - a.length)[0];
    const b = row.sort((p, q) => Math.abs(p.left + p.width / 2 - cx) - Math.abs(q.left + q.width / 2 - cx))[0];
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.evaluate(({ x, y }) => {
    const el = document.querySelector('section.canvas');
    const r = el.getBoundingClientRect();
    const at = (type, cx, cy) => el.dispatchEvent(new PointerEvent(type, {
      pointerId: 2, pointerType: 'mouse', isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1,
      clientX: cx, clientY: cy, bubbles: true, cancelable: true,
    }));
    at('pointerdown', x, y);
    at('pointermove', (x + r.left + r.width / 2) / 2, (y + r.top + r.height / 2) / 2);
    at('pointermove', r.left + r.width / 2, r.top + r.height / 2);
    at('pointerup', r.left + r.width / 2, r.top + r.height / 2);
  }, target);
  await page.getByRole('button', { name: 'Tampilan' }).click();
  await page.getByRole('menuitem', { name: '100%', exact: true }).click();
  await frames(page, 3);
  await page.waitForTimeout(200);
}

/** Pan and zoom frame statistics, each starting from the view `setView` makes. */
async function panZoom(page, setView, zoomFirst) {
  await setView();
  const view = await viewKind(page);
  const pan = frameStats(await drive(page, 'pan'));
  await setView();
  const zoom = frameStats(await drive(page, 'zoom', zoomFirst));
  return { view, pan, zoom };
}

/** Fit to screen ("Paskan layar"), then waits for the frames to settle. */
async function fitted(page) {
  await page.getByRole('button', { name: 'Paskan layar' }).click();
  await frames(page, 3);
  await page.waitForTimeout(200);
}

/** d3-flextree and d3.tree() on the same file, in the same page: first run and warm median. */
const peers = (page, src, runs) => page.evaluate(async ([src, runs]) => {
  const file = await (await fetch(src)).json();
  const lines = (chars, perLine) => Math.max(1, Math.ceil(chars / perLine));
  const estimate = (n) => {
    let h = 48 + 42 + 19 * lines((n.kondisi ?? '').length, 30);
    const ind = (n.indikator ?? []).slice(0, 3);
    if (ind.length) h += 6 + ind.reduce((s, i) => s + 16 * lines((i.nama ?? '').length + 25, 38), 0);
    return [284, h];
  };
  const root = d3.stratify().id((n) => n.id).parentId((n) => n.parent ?? null)(file.document.nodes);
  root.each((node) => { node.size = estimate(node.data); });
  const time = (layout) => {
    const out = [];
    for (let i = 0; i <= runs; i++) {
      root.each((node) => { node.x = node.y = undefined; });
      const t = performance.now();
      layout(root);
      out.push(performance.now() - t);
      root.each((node) => { if (!Number.isFinite(node.x) || !Number.isFinite(node.y)) throw new Error('d3 left a node unplaced'); });
    }
    return out;
  };
  const flex = time(d3.flextree({ nodeSize: (node) => node.size, spacing: 0 }));
  const tree = time(d3.tree().nodeSize([284, 190]));
  return { nodes: root.descendants().length, flex, tree };
}, [src, runs]);

async function bench(browser, n) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  let fail;
  const broken = new Promise((_, reject) => { fail = reject; });
  broken.catch(() => {});
  const error = (e) => { errors.push(e); fail(new Error(`${n} nodes: ${e}`)); };
  page.on('pageerror', (e) => error(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') error(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => error(`${r.url()}: ${r.failure()?.errorText}`));
  await page.goto(new URL(`?src=../${n}.json`, BASE_URL).href);
  await Promise.race([broken,
    page.waitForFunction(() => performance.getEntriesByName('pk:first-paint').length > 0, null, { timeout: TIMEOUT })]);
  const ready = (await entries(page, 'pk:data-ready')).at(-1).start;
  const firstPaint = (await entries(page, 'pk:first-paint', ready))[0].duration;
  const firstLayout = (await entries(page, 'pk:layout', ready))[0].duration;
  const isolated = await page.evaluate(() => crossOriginIsolated);

  // Warm: details off, then on again: the same full tree, the same cards as the first layout.
  const runs = n >= 100_000 ? 5 : 11;
  const details = page.getByRole('checkbox', { name: 'Rincian kotak' });
  const warm = [];
  for (let i = 0; i < runs; i++) {
    await relayout(page, () => details.uncheck());
    warm.push(await relayout(page, () => details.check()));
  }

  await fitted(page);
  await page.screenshot({ path: join(OUT, `tree-${n}-fit.png`) });
  const fit = await panZoom(page, () => fitted(page), 'in');
  await readable(page);
  await page.screenshot({ path: join(OUT, `tree-${n}-100.png`) });
  const near = await panZoom(page, () => readable(page), 'out');

  for (const path of D3_SCRIPTS) await page.addScriptTag({ path });
  const d3 = await peers(page, new URL(`../${n}.json`, page.url()).href, runs);
  if (d3.nodes !== n) throw new Error(`${n} nodes: d3.stratify built ${d3.nodes}`);
  if (errors.length) throw new Error(`${n} nodes: ${errors.join('; ')}`);
  await page.close();
  return {
    n, isolated, firstPaint, firstLayout, warm: median(warm),
    flex: { first: d3.flex[0], warm: median(d3.flex.slice(1)) },
    tree: { first: d3.tree[0], warm: median(d3.tree.slice(1)) },
    near, fit,
  };
}

const f = (x) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : '–');
const pair = (a, b) => `${f(a)} / ${f(b)}`;
/** Frame median / p95, starred when the run was cut short by LIMIT_MS. */
const stat = (s) => `${pair(s.median, s.p95)}${s.frames < FRAMES ? '*' : ''}`;

const browser = await launch();
const version = browser.version();
const results = [];
try {
  for (const n of SIZES) {
    process.stderr.write(`tree bench: ${n} nodes…\n`);
    results.push(await bench(browser, n));
  }
} finally {
  await browser.close();
}

const timers = results.every((r) => r.isolated) ? '5 µs timers' : '100 µs timers: not cross-origin isolated';
console.log(`tree view, headless Chromium ${version}, ${VIEWPORT.width}×${VIEWPORT.height}, release build, ${timers} (ms; d3: first / warm median)`);
const widths = [8, 11, 10, 15, 15, 12, 14, 14];
const row = (cells, w = widths) => cells.map((c, i) => String(c).padStart(w[i])).join(' ');
console.log(row(['nodes', 'ours first', 'ours warm', 'd3-flextree', 'd3 tree()', 'first paint', 'pan med/p95', 'zoom med/p95']));
for (const r of results) {
  console.log(row([r.n, f(r.firstLayout), f(r.warm), pair(r.flex.first, r.flex.warm), pair(r.tree.first, r.tree.warm),
    f(r.firstPaint), stat(r.near.pan), stat(r.near.zoom)]));
}
console.log(`pan/zoom: ${FRAMES} frames at 100% over the fullest row (${results.map((r) => `${r.n}: ${r.near.view}`).join('; ')})`);
console.log('the same at fit-to-screen ("Paskan layar"):');
const fitWidths = [8, 20, 14, 14];
console.log(row(['nodes', 'view', 'pan med/p95', 'zoom med/p95'], fitWidths));
for (const r of results) {
  console.log(row([r.n, r.fit.view, stat(r.fit.pan), stat(r.fit.zoom)], fitWidths));
}

if (results.some((r) => [r.near.pan, r.near.zoom, r.fit.pan, r.fit.zoom].some((s) => s.frames < FRAMES))) {
  console.log(`* stopped after ${LIMIT_MS / 1000} s, before ${FRAMES} frames`);
}
const goals = [];
const ten = results.find((r) => r.n === 10_000);
if (ten) {
  const speedup = ten.flex.warm / ten.warm;
  goals.push(`10k warm layout ${f(ten.warm)} ms (${ten.warm <= 2 ? 'met' : 'missed'})`);
  goals.push(`${f(speedup)}× d3-flextree (${speedup >= 10 ? 'met' : 'missed'})`);
  goals.push(`10k painted in ${f(ten.firstPaint)} ms (${ten.firstPaint <= 200 ? 'met' : 'missed'})`);
}
const stats = results.flatMap((r) => [r.near.pan, r.near.zoom, r.fit.pan, r.fit.zoom]);
const worst = { median: Math.max(...stats.map((s) => s.median)), p95: Math.max(...stats.map((s) => s.p95)) };
goals.push(`worst pan/zoom ${pair(worst.median, worst.p95)} ms (${worst.median <= 17 && worst.p95 <= 20 ? 'met' : 'missed'})`);
console.log('goals: 10k layout ≤ 2 ms warm and ≥ 10× faster than d3-flextree; pan/zoom median 60 fps (≤ 17 ms) '
  + 'with p95 ≤ 20 ms up to 100k; 10k painted ≤ 200 ms after data ready');
console.log(`now:   ${goals.join('; ')}`);
