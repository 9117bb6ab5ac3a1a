// Readable on a projector, usable on any screen (issue 9): the statement
// size at "Paskan layar" for every bundled example, the side panel toggle,
// collapse keeping its card in place, Back between examples, and the
// toolbar and canvas at five window sizes (screenshots saved).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, SCREENSHOTS, isolated, launch } from './browser.mjs';

const EXAMPLES = [
  'payakumbuh-dinsos-2023-2028',
  'sumbar-dinsos-iku-2023',
  'dinsos-2024',
  'bengkulu-selatan-dinsos-2024',
  'tapin-dinsos-iku-2020',
];
/** The goal: statements at least this tall (CSS px) at fit, panel hidden, details off. */
const GOAL_PX = 9;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const page = (size = { width: 1366, height: 768 }, path = '') => isolated(browser, path, size);

/** Waits two frames: layout, then the view. */
const settle = (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * The smallest statement on screen, in CSS px: the statement's font size
 * times the scale its card is drawn at (drawn width over the card's own).
 */
function smallestStatement(p) {
  return p.$$eval('.card[role=treeitem]', (cards) => Math.min(...cards.map((g) => {
    const bg = g.querySelector('.card-bg');
    const scale = bg.getBoundingClientRect().width / Number(bg.getAttribute('width'));
    const text = g.querySelector('.kondisi');
    return parseFloat(getComputedStyle(text).fontSize) * scale;
  })));
}

const panelToggle = (p) => p.getByRole('button', { name: 'Panel samping', exact: true });
const details = (p) => p.getByRole('checkbox', { name: 'Rincian kotak' });

async function setPanel(p, shown) {
  if ((await panelToggle(p).getAttribute('aria-expanded')) !== String(shown)) await panelToggle(p).click();
}

async function setDetails(p, on) {
  if (on) await details(p).check(); else await details(p).uncheck();
}

test('every example reads at 9 px or more at fit on a 1366×768 projector; table written', async () => {
  const rows = [];
  const { context, page: p, errors } = await page();
  for (const name of EXAMPLES) {
    await p.goto(new URL(`?src=examples/${name}.json`, BASE_URL).href);
    await p.getByRole('tree').waitFor();
    await p.waitForFunction((n) => document.title.length > 0 && location.search.includes(n), name);
    const row = { name };
    for (const shown of [true, false]) {
      for (const on of [true, false]) {
        await setPanel(p, shown);
        await setDetails(p, on);
        await settle(p);
        await p.getByRole('button', { name: 'Paskan layar' }).click();
        await settle(p);
        row[`${shown ? 'panel' : 'nopanel'}-${on ? 'details' : 'plain'}`] = await smallestStatement(p);
      }
    }
    await p.screenshot({ path: join(SCREENSHOTS, `readable-${name}.png`) });
    rows.push(row);
  }
  const cols = ['panel-details', 'panel-plain', 'nopanel-details', 'nopanel-plain'];
  const table = [
    'Smallest statement on screen (CSS px) at "Paskan layar", 1366x768, automatic layout',
    `${'example'.padEnd(30)} ${cols.map((c) => c.padStart(16)).join('')}`,
    ...rows.map((r) => `${r.name.padEnd(30)} ${cols.map((c) => r[c].toFixed(1).padStart(16)).join('')}`),
    '',
  ].join('\n');
  writeFileSync(join(SCREENSHOTS, 'readability.txt'), table);
  console.log(table);
  for (const r of rows) assert.ok(r['nopanel-plain'] >= GOAL_PX, `${r.name}: ${r['nopanel-plain'].toFixed(1)} px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the side panel hides and shows from the toolbar and by key, resizes, and stays so after a reload', async () => {
  const { context, page: p, errors } = await page();
  const aside = p.getByRole('complementary', { name: 'Panel rincian' });
  await setPanel(p, true);
  assert.ok(await aside.isVisible());
  const canvasWith = (await p.locator('.canvas').boundingBox()).width;
  await panelToggle(p).click();
  assert.equal(await panelToggle(p).getAttribute('aria-expanded'), 'false');
  assert.ok(!(await aside.isVisible()));
  assert.ok((await p.locator('.canvas').boundingBox()).width > canvasWith + 200, 'the tree takes the room');
  await p.reload();
  await p.getByRole('tree').waitFor();
  assert.ok(!(await aside.isVisible()), 'hidden after a reload');
  await p.keyboard.press('Control+Backslash');
  assert.ok(await aside.isVisible(), 'Ctrl+\\ shows it');
  // Drag its edge 100 px to the left: 100 px wider, and kept.
  const before = (await aside.boundingBox()).width;
  const edge = await p.getByRole('separator', { name: 'Ubah lebar panel samping' }).boundingBox();
  await p.mouse.move(edge.x + 3, edge.y + 200);
  await p.mouse.down();
  await p.mouse.move(edge.x - 50, edge.y + 200, { steps: 4 });
  await p.mouse.move(edge.x - 97, edge.y + 200, { steps: 4 });
  await p.mouse.up();
  const wider = (await aside.boundingBox()).width;
  assert.ok(Math.abs(wider - before - 100) < 6, `${before} → ${wider}`);
  await p.reload();
  await p.getByRole('tree').waitFor();
  assert.ok(Math.abs((await aside.boundingBox()).width - wider) < 2, 'width kept');
  // The document's notes start folded.
  const notes = aside.locator('details', { hasText: 'Catatan' });
  assert.equal(await notes.evaluate((d) => d.open), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('collapsing a card keeps it under the pointer; a fitted view fits again', async () => {
  const { context, page: p, errors } = await page({ width: 1366, height: 768 }, '?src=examples/dinsos-2024.json');
  // The example, not the sample shown while it loads ("Contoh Pohon Kinerja Dinas Sosial").
  await p.waitForFunction(() => document.title.startsWith('Pohon Kinerja Dinas Sosial 2024'));
  await settle(p);
  await p.getByRole('button', { name: 'Perbesar' }).click();
  await settle(p);
  // A card with children whose button is on screen.
  const canvas = await p.locator('.canvas').boundingBox();
  const expanded = p.locator('.card[role=treeitem][aria-expanded=true]');
  let item;
  for (let i = 0; i < (await expanded.count()) && !item; i++) {
    const b = await expanded.nth(i).locator('.toggle').boundingBox();
    if (b && b.x > canvas.x && b.y > canvas.y && b.x + b.width < canvas.x + canvas.width && b.y + b.height < canvas.y + canvas.height) {
      item = p.locator(`#${await expanded.nth(i).getAttribute('id')}`);
    }
  }
  assert.ok(item, 'a card to collapse in view');
  const toggle = item.locator('.toggle');
  const box = async () => item.locator('.card-bg').boundingBox();
  const at = await box();
  await toggle.click();
  await settle(p);
  assert.equal(await item.getAttribute('aria-expanded'), 'false');
  const after = await box();
  assert.ok(Math.abs(after.x - at.x) < 3 && Math.abs(after.y - at.y) < 3, `${JSON.stringify(at)} → ${JSON.stringify(after)}`);
  // By keyboard (Space) too.
  await item.focus();
  await p.keyboard.press('Space');
  await settle(p);
  const again = await box();
  assert.ok(Math.abs(again.x - at.x) < 3 && Math.abs(again.y - at.y) < 3);
  // Fitted: collapsing everything fits the smaller tree again (it grows).
  await p.getByRole('button', { name: 'Paskan layar' }).click();
  await settle(p);
  const fitted = await smallestStatement(p);
  await p.getByRole('button', { name: 'Cabang' }).click();
  await p.getByRole('menuitem', { name: 'Tutup semua' }).click();
  await settle(p);
  assert.ok((await smallestStatement(p)) > fitted, 'refitted larger');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back and Forward move between examples; the tab is titled after the document', async () => {
  const { context, page: p, errors } = await page();
  const gallery = async (title) => {
    await p.getByRole('button', { name: 'Contoh' }).click();
    await p.getByRole('button', { name: new RegExp(title) }).click();
    await p.waitForFunction((t) => document.title.includes(t), title);
  };
  await gallery('Tapin');
  await gallery('Payakumbuh');
  assert.match(await p.title(), /Payakumbuh.*Pohon Kinerja/);
  await p.goBack();
  await p.waitForFunction(() => document.title.includes('Tapin'));
  assert.match(p.url(), /tapin/);
  await p.goForward();
  await p.waitForFunction(() => document.title.includes('Payakumbuh'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the examples list and menus close with Escape and a click outside; Escape clears the selection', async () => {
  const { context, page: p, errors } = await page();
  const contoh = p.getByRole('button', { name: 'Contoh' });
  await contoh.click();
  await p.keyboard.press('Escape');
  assert.equal(await contoh.getAttribute('aria-expanded'), 'false');
  await contoh.click();
  await p.mouse.click(600, 500);
  assert.equal(await contoh.getAttribute('aria-expanded'), 'false');
  await p.getByRole('treeitem').first().click();
  assert.equal(await p.locator('[role=treeitem][aria-selected=true]').count(), 1);
  await p.keyboard.press('Escape');
  assert.equal(await p.locator('[role=treeitem][aria-selected=true]').count(), 0);
  // The levels are named, and the one in force is marked after "Buka semua".
  await p.getByRole('button', { name: 'Cabang' }).click();
  await p.getByRole('menuitem', { name: 'Buka semua' }).click();
  await p.getByRole('button', { name: 'Cabang' }).click();
  const levels = p.getByRole('menuitemradio');
  assert.ok((await levels.count()) >= 3);
  assert.match(await levels.first().textContent(), /tingkat 1: \S+/);
  assert.equal(await levels.last().getAttribute('aria-checked'), 'true');
  await p.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [width, height] of [[1920, 1080], [1366, 768], [1280, 720], [1024, 768], [800, 600]]) {
  test(`${width}×${height}: one toolbar row, nothing clipped, the tree keeps two thirds of the height`, async () => {
    const { context, page: p, errors } = await page({ width, height }, '?src=examples/payakumbuh-dinsos-2023-2028.json');
    await p.waitForFunction(() => document.title.includes('Payakumbuh'));
    await settle(p);
    const bar = await p.getByRole('toolbar').boundingBox();
    const tools = await p.$$eval('.toolbar > *', (els) => els.filter((e) => e.getClientRects().length)
      .map((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, right: r.right, left: r.left }; }));
    for (const t of tools) {
      assert.ok(t.top >= bar.y - 1 && t.bottom <= bar.y + bar.height + 1, `${width}: a tool outside the row`);
      assert.ok(t.right <= width && t.left >= 0, `${width}: a tool past the edge`);
    }
    assert.ok(bar.height < 48, `one row: ${bar.height}`);
    const canvas = await p.locator('.canvas').boundingBox();
    assert.ok(canvas.height >= (2 * height) / 3, `canvas ${canvas.height} of ${height}`);
    // The search box's placeholder fits it.
    const clipped = await p.getByRole('searchbox', { name: 'Cari' }).evaluate((el) => {
      const c = document.createElement('canvas').getContext('2d');
      const s = getComputedStyle(el);
      c.font = `${s.fontSize} ${s.fontFamily}`;
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return c.measureText(el.placeholder).width > room;
    });
    assert.equal(clipped, false, 'placeholder clipped');
    // A narrow window shows the panel as a drawer over the tree, when asked.
    if (width < 1000) {
      await panelToggle(p).click();
      const aside = await p.getByRole('complementary', { name: 'Panel rincian' }).boundingBox();
      assert.ok(aside.x + aside.width <= width + 1 && aside.width < width);
      assert.equal((await p.locator('.canvas').boundingBox()).width, width, 'over the tree, not beside it');
      await p.screenshot({ path: join(SCREENSHOTS, `window-${width}x${height}-drawer.png`) });
      await panelToggle(p).click();
    }
    await p.screenshot({ path: join(SCREENSHOTS, `window-${width}x${height}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('while the app loads, the page shows a loading state, then the tree', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const p = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await p.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await p.goto(BASE_URL);
  const status = p.getByRole('status').filter({ hasText: 'Memuat pohon kinerja' });
  await status.waitFor();
  await p.screenshot({ path: join(SCREENSHOTS, 'loading.png') });
  release();
  await p.getByRole('tree').waitFor();
  assert.ok(!(await status.isVisible()), 'gone once the app is there');
  await context.close();
});

test('in English, card lines are English; switching language keeps the document, selection and view', async () => {
  const { context, page: p, errors } = await page({ width: 1366, height: 768 }, '?src=examples/dinsos-2024.json');
  await p.waitForFunction(() => document.title.includes('Dinas Sosial'));
  const title = await p.title();
  await p.getByRole('treeitem').nth(3).click();
  const picked = await p.locator('[role=treeitem][aria-selected=true]').getAttribute('aria-label');
  await p.getByRole('button', { name: 'Perbesar' }).click();
  await settle(p);
  const zoom = await p.locator('.zoom-level').textContent();
  await p.getByRole('link', { name: 'English' }).click();
  await p.waitForURL(/lang=en/);
  await p.getByRole('tree').waitFor();
  await p.waitForFunction(() => document.querySelector('[role=treeitem][aria-selected=true]'));
  assert.equal(await p.title(), title, 'same document');
  const now = await p.locator('[role=treeitem][aria-selected=true]').getAttribute('aria-label');
  assert.equal(now.split(', ')[0], picked.split(', ')[0], 'same box selected');
  assert.equal(await p.locator('.zoom-level').textContent(), zoom, 'same zoom');
  // Card detail lines speak English.
  const lines = await p.$$eval('.card text.detail', (ts) => ts.map((t) => t.textContent).join('\n'));
  assert.doesNotMatch(lines, /\bPJ:|Kegiatan:|· T20\d\d:/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the minimap can be hidden (remembered) and moves aside from the selected box', async () => {
  const { context, page: p, errors } = await page({ width: 1366, height: 768 }, '?src=examples/payakumbuh-dinsos-2023-2028.json');
  await p.waitForFunction(() => document.title.includes('Payakumbuh'));
  await p.getByRole('button', { name: 'Perbesar' }).click();
  await p.getByRole('button', { name: 'Perbesar' }).click();
  const minimap = p.getByRole('img', { name: /Peta kecil/ });
  await minimap.waitFor();
  // Select a box, then pan (two-finger scroll) until it sits in the minimap's corner.
  const card = p.locator('.card[role=treeitem]').first();
  const id = await card.getAttribute('id');
  await card.click();
  const map = await minimap.boundingBox();
  const box = await p.locator(`#${id} .card-bg`).boundingBox();
  await p.mouse.move(600, 400);
  await p.mouse.wheel(box.x - (map.x + 20), box.y - (map.y + 20));
  await settle(p);
  const moved = await p.locator(`#${id} .card-bg`).boundingBox();
  const now = await minimap.boundingBox();
  const covers = moved.x < now.x + now.width && now.x < moved.x + moved.width && moved.y < now.y + now.height && now.y < moved.y + moved.height;
  assert.ok(!covers, `the minimap covers the selected box: ${JSON.stringify({ moved, now })}`);
  // Hidden from the View menu, and still hidden after a reload.
  await p.getByRole('button', { name: 'Tampilan' }).click();
  await p.getByRole('menuitemcheckbox', { name: 'Peta mini' }).click();
  assert.ok(!(await minimap.isVisible()));
  await p.reload();
  await p.getByRole('tree').waitFor();
  await p.getByRole('button', { name: 'Perbesar' }).click();
  await p.getByRole('button', { name: 'Perbesar' }).click();
  await settle(p);
  assert.equal(await p.locator('.minimap:not([hidden])').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with few boxes in view their text stays however far out; left to right can be chosen', async () => {
  const { context, page: p, errors } = await page();
  for (let i = 0; i < 12; i++) await p.getByRole('button', { name: 'Perkecil' }).click();
  await settle(p);
  assert.ok(parseInt(await p.locator('.zoom-level').textContent(), 10) < 10);
  assert.ok((await p.locator('.card text.kondisi').count()) > 0, 'statements still drawn');
  await p.getByRole('button', { name: 'Tampilan' }).click();
  await p.getByRole('menuitemradio', { name: 'Kiri ke kanan' }).click();
  await p.getByRole('button', { name: 'Paskan layar' }).click();
  await settle(p);
  // Levels run across: every child starts right of its parent.
  const boxes = await p.$$eval('.card[role=treeitem]', (cs) => cs.map((c) => ({
    level: Number(c.getAttribute('aria-level')), x: c.querySelector('.card-bg').getBoundingClientRect().x })));
  for (const b of boxes) {
    for (const c of boxes) if (c.level > b.level) assert.ok(c.x > b.x, JSON.stringify({ b, c }));
  }
  await p.screenshot({ path: join(SCREENSHOTS, 'left-to-right.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
