// The interactive tree: expand/collapse, keyboard, search, zoom, focus, details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, open, cardGeometry, overlaps } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const selected = (page) => page.locator('[role=treeitem][aria-selected=true]');
const zoomText = (page) => page.locator('.zoom-level').textContent();
/** Chooses `item` (a name or pattern) from the toolbar menu `menu`. */
async function choose(page, menu, item, role = 'menuitem') {
  await page.getByRole('button', { name: menu }).click();
  await page.getByRole(role, { name: item }).click();
}

for (const file of ['payakumbuh-dinsos-2023-2028.json', 'sumbar-dinsos-iku-2023.json', 'dinsos-2024.json',
  'bengkulu-selatan-dinsos-2024.json', 'tapin-dinsos-iku-2020.json']) {
  test(`${file}: expand all shows every node's kondisi as a treeitem, readable at 100%`, async () => {
    const nodes = JSON.parse(readFileSync(join(ROOT, 'public/examples', file), 'utf8')).document.nodes;
    const { page, errors } = await open(browser, `?src=examples/${file}`);
    await page.waitForFunction((n) => document.querySelectorAll('[role=treeitem]').length === n, nodes.length);
    await choose(page, 'Cabang', 'Tutup semua');
    const root = nodes.find((n) => n.parent == null);
    assert.equal(await page.getByRole('treeitem').count(), 1 + nodes.filter((n) => n.parent === root.id).length);
    await choose(page, 'Cabang', 'Buka semua');
    await page.waitForFunction((n) => document.querySelectorAll('[role=treeitem]').length === n, nodes.length);
    const names = await page.$$eval('[role=treeitem]', (items) => items.map((i) => i.getAttribute('aria-label')));
    for (const n of nodes) {
      const kondisi = n.kondisi?.trim() || 'kondisi belum diisi';
      assert.ok(names.some((name) => name.startsWith(`${kondisi}, `)), `${file}: no treeitem for "${kondisi}"`);
    }
    // At 100 % every card in view has its text inside it and no card overlaps another.
    // Tab into the tree: focus selects (works in the far-out overview too).
    await page.getByRole('treeitem').first().focus();
    await choose(page, 'Tampilan', 'Ke kotak terpilih');
    await choose(page, 'Tampilan', '100%');
    const cards = await cardGeometry(page);
    assert.ok(cards.length > 0);
    for (const c of cards) assert.deepEqual(c.spills, [], `${file}: text spills out of "${c.name}"`);
    for (let i = 0; i < cards.length; i++) {
      for (let j = i + 1; j < cards.length; j++) {
        assert.ok(!overlaps(cards[i].box, cards[j].box), `${file}: "${cards[i].name}" overlaps "${cards[j].name}"`);
      }
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('arrow keys move the selection; Space collapses; Alt+Enter opens details', async () => {
  const { page } = await open(browser);
  await page.getByRole('treeitem', { name: /^Terwujudnya Pembangunan Manusia/ }).click();
  await page.keyboard.press('ArrowDown');
  assert.match(await selected(page).getAttribute('aria-label'), /^Meningkatnya Penanggulangan Kemiskinan/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.match(await selected(page).getAttribute('aria-label'), /^Meningkatnya Penanganan PMKS/);
  assert.equal(await selected(page).getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await selected(page).getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByRole('treeitem').count(), 6);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('treeitem').count(), 8);
  await page.keyboard.press('ArrowRight');
  assert.match(await selected(page).getAttribute('aria-label'), /^Meningkatnya Perlindungan Sosial bagi PMKS/);
  await page.keyboard.press('ArrowLeft');
  assert.match(await selected(page).getAttribute('aria-label'), /^Meningkatnya Penanganan PMKS/);
  await page.keyboard.press('End');
  assert.match(await selected(page).getAttribute('aria-label'), /^Meningkatnya akurasi data kemiskinan/);
  await page.keyboard.press('Alt+Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'node-details');
  await page.close();
});

test('search finds a node in a collapsed branch and reveals it', async () => {
  const { page } = await open(browser);
  await choose(page, 'Cabang', 'Tutup semua');
  assert.equal(await page.getByRole('treeitem', { name: /^Meningkatnya akurasi data kemiskinan/ }).count(), 0);
  const search = page.getByRole('searchbox', { name: 'Cari' });
  await search.fill('terverivali');
  await search.press('Enter');
  const found = page.getByRole('treeitem', { name: /^Meningkatnya akurasi data kemiskinan/ });
  await found.waitFor();
  assert.equal(await found.getAttribute('aria-selected'), 'true');
  assert.match(await found.getAttribute('class'), /current-match/);
  assert.equal(await page.locator('.search-status').textContent(), '1/1');
  // Several matches: next and previous walk them top-down.
  await search.fill('PMKS');
  assert.equal(await page.locator('.search-status').textContent(), '1/4');
  await search.press('Enter');
  await search.press('Enter');
  assert.equal(await page.locator('.search-status').textContent(), '2/4');
  await page.getByRole('button', { name: 'Hasil sebelumnya' }).click();
  assert.equal(await page.locator('.search-status').textContent(), '1/4');
  await search.fill('tidak ada kotak seperti ini');
  assert.equal(await page.locator('.search-status').textContent(), 'tidak ditemukan');
  await page.close();
});

test('zoom with buttons, keys and wheel; pan by dragging; fit', async () => {
  const { page } = await open(browser);
  const start = await zoomText(page);
  await page.getByRole('button', { name: 'Perbesar' }).click();
  assert.notEqual(await zoomText(page), start);
  await choose(page, 'Tampilan', '100%');
  assert.equal(await zoomText(page), '100%');
  const canvas = page.getByRole('region', { name: 'Kanvas pohon kinerja' });
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // A mouse wheel's notches zoom about the pointer…
  await page.mouse.wheel(0, -400);
  assert.notEqual(await zoomText(page), '100%');
  // …a trackpad's two-finger scroll (small, or sideways, steps) pans.
  const zoomed = await zoomText(page);
  const first = page.locator(`#${await page.locator('.card[role=treeitem]').first().getAttribute('id')}`);
  const was = await first.boundingBox();
  await page.mouse.wheel(12, 30);
  const now = await first.boundingBox();
  assert.equal(await zoomText(page), zoomed);
  assert.ok(Math.abs(now.x - was.x + 12) < 1 && Math.abs(now.y - was.y + 30) < 1, JSON.stringify({ was, now }));
  await page.getByRole('button', { name: 'Paskan layar' }).click();
  assert.equal(await zoomText(page), start);
  // A trackpad pinch arrives as ctrl+wheel with small deltas.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -20);
  await page.keyboard.up('Control');
  assert.ok(parseInt(await zoomText(page), 10) > parseInt(start, 10), 'pinch zooms in');
  await page.getByRole('button', { name: 'Paskan layar' }).click();
  const card = page.getByRole('treeitem', { name: /^Terwujudnya/ });
  const before = await card.boundingBox();
  await page.mouse.move(box.x + 20, box.y + box.height - 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + box.height - 60, { steps: 5 });
  await page.mouse.up();
  const after = await card.boundingBox();
  assert.ok(Math.abs(after.x - before.x - 120) < 2 && Math.abs(after.y - before.y + 40) < 2, JSON.stringify({ before, after }));
  await canvas.focus();
  await page.keyboard.press('ArrowLeft');
  assert.ok(Math.abs((await card.boundingBox()).x - after.x - 60) < 2);
  await page.getByRole('button', { name: 'Paskan layar' }).click();
  assert.equal(await zoomText(page), start);
  await page.close();
});

test('a selected box in view stays in view: zooming in by key, the side panel opening', async () => {
  const { page, errors } = await open(browser);
  const canvas = page.getByRole('region', { name: 'Kanvas pohon kinerja' });
  const panel = page.getByRole('button', { name: 'Panel samping', exact: true });
  const inside = async () => {
    const [c, b] = [await canvas.boundingBox(), await selected(page).locator('.card-bg').boundingBox()];
    return b.x >= c.x - 0.5 && b.x + b.width <= c.x + c.width + 0.5 && b.y >= c.y - 0.5 && b.y + b.height <= c.y + c.height + 0.5;
  };
  // The rightmost box, selected; zoomed in about the centre it would leave the view.
  const cards = await cardGeometry(page);
  const right = cards.reduce((a, b) => (b.box.x + b.box.w > a.box.x + a.box.w ? b : a));
  await page.getByRole('treeitem', { name: right.name, exact: true }).click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  assert.ok(await inside(), 'zoomed in, the selected box is in view');
  // Panel hidden, the box moved to the right edge; the panel opening keeps it in view.
  if ((await panel.getAttribute('aria-expanded')) === 'true') await panel.click();
  const c = await canvas.boundingBox();
  const b = await selected(page).locator('.card-bg').boundingBox();
  await page.mouse.move(c.x + 40, c.y + c.height - 20);
  await page.mouse.down();
  await page.mouse.move(c.x + 40 + (c.x + c.width - 30 - (b.x + b.width)), c.y + c.height - 20, { steps: 5 });
  await page.mouse.up();
  await panel.click();
  await page.waitForFunction(() => document.querySelector('.side-panel') && !document.querySelector('.side-panel').hidden);
  await page.waitForTimeout(100);
  assert.ok(await inside(), 'with the panel open, the selected box is in view');
  assert.deepEqual(errors, []);
  await page.close();
});

test('after a jump of the view, cards out of sight are drawn right after the frame', async () => {
  const { page, errors } = await open(browser, '?src=examples/payakumbuh-dinsos-2023-2028.json');
  await choose(page, 'Tampilan', '100%');
  const search = page.getByRole('searchbox', { name: 'Cari' });
  const cards = () => page.locator('.card[role=treeitem]').count();
  await search.fill('Terwujudnya Pembangunan');
  await search.press('Enter');
  // From the root to a box far down and across: most cards in view are new.
  await search.fill('Meningkatnya jaringan kerja');
  const inFrame = page.evaluate(() => new Promise((resolve) => addEventListener('keydown', function once(ev) {
    if (ev.key !== 'Enter') return;
    removeEventListener('keydown', once, true);
    requestAnimationFrame(() => resolve(document.querySelectorAll('.card[role=treeitem]').length));
  }, true)));
  await search.press('Enter');
  const drawnInFrame = await inFrame;
  const more = await page.waitForFunction((n) => document.querySelectorAll('.card[role=treeitem]').length > n,
    drawnInFrame, { timeout: 5000 }).then(() => true, () => false);
  assert.ok(more, `the cards held back at the jump (${drawnInFrame} drawn in its frame) are drawn after it`);
  const drawn = await cards();
  await page.waitForTimeout(300);
  assert.equal(await cards(), drawn, 'all drawn after the one frame');
  assert.match(await selected(page).getAttribute('aria-label'), /^Meningkatnya jaringan kerja/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('touch: one finger pans, two fingers pinch-zoom', async () => {
  const { page } = await open(browser, '', { hasTouch: true });
  const box = await page.getByRole('region', { name: 'Kanvas pohon kinerja' }).boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent',
    { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const card = page.getByRole('treeitem', { name: /^Terwujudnya/ });
  const before = await card.boundingBox();
  await touch('touchStart', [[cx, cy]]);
  for (let s = 1; s <= 6; s++) await touch('touchMove', [[cx + 10 * s, cy + 5 * s]]);
  await touch('touchEnd', []);
  const after = await card.boundingBox();
  assert.ok(Math.abs(after.x - before.x - 60) < 2 && Math.abs(after.y - before.y - 30) < 2,
    JSON.stringify({ before, after }));
  // Fingers 80 px apart move to 320 px apart: four times the zoom.
  const start = parseInt(await zoomText(page), 10);
  await touch('touchStart', [[cx - 40, cy], [cx + 40, cy]]);
  for (let s = 1; s <= 8; s++) await touch('touchMove', [[cx - 40 - 15 * s, cy], [cx + 40 + 15 * s, cy]]);
  await touch('touchEnd', []);
  const zoomed = parseInt(await zoomText(page), 10);
  assert.ok(Math.abs(zoomed - 4 * start) <= 2, `${start}% -> ${zoomed}%`);
  await page.close();
});

test('focus a subtree, expand to a level, statements only', async () => {
  const { page } = await open(browser);
  await page.getByRole('treeitem', { name: /^Meningkatnya Penanganan PMKS/ }).click();
  await choose(page, 'Cabang', 'Fokus cabang');
  assert.equal(await page.getByRole('treeitem').count(), 6);
  await choose(page, 'Cabang', 'Tampilkan semua');
  assert.equal(await page.getByRole('treeitem').count(), 8);
  await choose(page, 'Cabang', /tingkat 2: /, 'menuitemradio');
  assert.equal(await page.getByRole('treeitem').count(), 2);
  await page.getByRole('button', { name: 'Cabang' }).click();
  assert.equal(await page.getByRole('menuitemradio', { name: /tingkat 2: / }).getAttribute('aria-checked'), 'true');
  await page.getByRole('menuitem', { name: 'Buka semua' }).click();
  assert.ok((await page.locator('.card text.detail').count()) > 0);
  await page.getByRole('checkbox', { name: 'Rincian kotak' }).uncheck();
  assert.equal(await page.locator('.card text.detail').count(), 0);
  assert.equal(await page.getByRole('treeitem').count(), 8);
  await page.close();
});
