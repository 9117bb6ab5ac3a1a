// Drafts in browser storage: edits survive a reload with their view, two
// tabs never overwrite each other silently, a full storage is explained and
// nothing on screen is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, fresh, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const status = (page) => page.locator('.save-status');
const saved = (page) => page.waitForFunction(() => document.querySelector('.save-status').textContent === 'Tersimpan');
const item = (page, re) => page.getByRole('treeitem', { name: re });

async function add(page, parent, text) {
  await item(page, parent).click();
  await page.keyboard.press('Tab');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('edits are saved a moment after typing and come back after a reload, with selection and view', async () => {
  const { context, page, errors } = await fresh(browser);
  await add(page, /^Meningkatnya akurasi data/, 'Tersedianya data yang disimpan');
  await page.getByRole('button', { name: 'Perbesar' }).click();
  const zoom = await page.locator('.zoom-level').textContent();
  await page.waitForFunction(() => document.querySelector('.save-status').textContent === 'Tersimpan');
  await page.waitForTimeout(800); // the view is kept once it rests
  await page.reload();
  await page.getByRole('tree').waitFor();
  await item(page, /^Tersedianya data yang disimpan/).waitFor();
  assert.match(await page.locator('[role=treeitem][aria-selected=true]').getAttribute('aria-label'), /^Tersedianya data yang disimpan/);
  assert.equal(await page.locator('.zoom-level').textContent(), zoom);
  assert.equal(await status(page).textContent(), 'Tersimpan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs on one draft: a save in one never silently overwrites the other', async () => {
  const { context, page: one } = await fresh(browser);
  const two = await context.newPage();
  await two.goto(BASE_URL);
  await two.getByRole('tree').waitFor();
  await add(two, /^Meningkatnya akurasi data/, 'Dari tab dua');
  await two.waitForFunction(() => document.querySelector('.save-status').textContent === 'Tersimpan');
  // Tab one is told, and its own next edit is not written over tab two's.
  await one.getByText('Draf ini diubah di tab lain').waitFor();
  await add(one, /^Meningkatnya Penanganan PMKS/, 'Dari tab satu');
  await one.waitForTimeout(1500);
  assert.equal(await status(one).textContent(), 'Belum tersimpan');
  const stored = await one.evaluate(() => Object.keys(localStorage).filter((k) => /^pk:draft:[^:]+$/.test(k)).length);
  assert.equal(stored, 1);
  // Keeping this tab's version as a new draft loses neither.
  await one.getByRole('button', { name: 'Simpan versi ini sebagai draf baru' }).click();
  await one.waitForFunction(() => Object.keys(localStorage).filter((k) => /^pk:draft:[^:]+$/.test(k)).length === 2);
  await one.waitForFunction(() => document.querySelector('.save-status').textContent === 'Tersimpan');
  await two.reload();
  await two.getByRole('tree').waitFor();
  await context.close();
});

/**
 * Compression waits until the page calls `letCompress()`: a save started
 * meanwhile stays in flight. With `first`, only the next save waits.
 */
async function holdCompression(page, { first = false } = {}) {
  await page.evaluate((first) => {
    const Real = window.CompressionStream;
    const gate = new Promise((resolve) => { window.letCompress = resolve; });
    let held = 0;
    window.CompressionStream = class {
      constructor(format) {
        const real = new Real(format);
        if (first && held++ > 0) return real;
        const writer = real.writable.getWriter();
        this.readable = real.readable;
        this.writable = new WritableStream({
          async write(chunk) { await gate; await writer.write(chunk); },
          async close() { await gate; await writer.close(); },
        });
      }
    };
  }, first);
}

test('a page hidden in the middle of a save, then shown again (back/forward cache), reports no other tab', async () => {
  const { context, page, errors } = await fresh(browser);
  await holdCompression(page);
  const saves = () => page.evaluate(() => performance.getEntriesByName('pk:autosave:start').length);
  const before = await saves();
  await add(page, /^Meningkatnya akurasi data/, 'Disimpan saat halaman ditutup');
  await page.waitForFunction((n) => performance.getEntriesByName('pk:autosave:start').length > n, before);
  // The page is put away: what is unsaved is written at once, uncompressed.
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const stored = await page.evaluate(() => Object.entries(localStorage).find(([k]) => /^pk:draft:[^:]+$/.test(k))[1]);
  assert.ok(stored.includes('Disimpan saat halaman ditutup'), 'the page-hide save has the edit');
  // Back from the cache, the save in flight ends: no other tab wrote.
  await page.evaluate(() => window.letCompress());
  await page.waitForFunction((n) => performance.getEntriesByName('pk:autosave').length >= n, before + 1);
  await page.waitForTimeout(300);
  assert.equal(await page.getByText('Draf ini diubah di tab lain').count(), 0);
  assert.equal(await status(page).textContent(), 'Tersimpan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('opening an example while a save is in flight puts the draft away once, with the edit', async () => {
  const { context, page, errors } = await fresh(browser);
  await holdCompression(page);
  const before = await page.evaluate(() => performance.getEntriesByName('pk:autosave:start').length);
  await add(page, /^Meningkatnya akurasi data/, 'Ditulis sebelum contoh dibuka');
  await page.waitForFunction((n) => performance.getEntriesByName('pk:autosave:start').length > n, before);
  await page.getByRole('button', { name: 'Contoh' }).click();
  await page.getByRole('region', { name: /Contoh pohon kinerja/ }).getByRole('button', { name: /^Dinas Sosial 2024/ }).click();
  await page.evaluate(() => window.letCompress());
  const titles = () => page.evaluate(() => JSON.parse(localStorage.getItem('pk:drafts')).drafts.map((d) => d.title));
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('pk:drafts')).drafts.some((d) => /2024/.test(d.title)));
  await saved(page);
  // The sample's draft once (its own save in flight is not another tab's), with the edit.
  assert.deepEqual(await titles(), ['Contoh Pohon Kinerja Dinas Sosial', 'Pohon Kinerja Dinas Sosial 2024']);
  assert.equal(await page.getByText('Draf ini diubah di tab lain').count(), 0);
  await status(page).click();
  const dialog = page.getByRole('dialog', { name: 'Draf' });
  await dialog.locator('tbody tr', { hasText: 'Contoh Pohon Kinerja Dinas Sosial' }).getByRole('button', { name: 'Buka' }).click();
  await item(page, /^Ditulis sebelum contoh dibuka/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a save of a draft put away that ends after the next draft opened leaves the next one saving', async () => {
  const { context, page, errors } = await fresh(browser);
  await holdCompression(page, { first: true });
  const before = await page.evaluate(() => performance.getEntriesByName('pk:autosave:start').length);
  await add(page, /^Meningkatnya akurasi data/, 'Ditulis sebelum contoh dibuka');
  await page.waitForFunction((n) => performance.getEntriesByName('pk:autosave:start').length > n, before);
  await page.getByRole('button', { name: 'Contoh' }).click();
  await page.getByRole('region', { name: /Contoh pohon kinerja/ }).getByRole('button', { name: /^Dinas Sosial 2024/ }).click();
  // The sample is put away and the example stored while the first save waits.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('pk:drafts')).drafts.some((d) => /2024/.test(d.title)));
  await saved(page);
  const done = await page.evaluate(() => performance.getEntriesByName('pk:autosave').length);
  await page.evaluate(() => window.letCompress());
  await page.waitForFunction((n) => performance.getEntriesByName('pk:autosave').length > n, done);
  // The example goes on saving: no other tab, no stale stamp.
  await add(page, /^Meningkatnya/, 'Ditulis di contoh');
  await saved(page);
  assert.equal(await page.getByText('Draf ini diubah di tab lain').count(), 0);
  const drafts = await page.evaluate(() => JSON.parse(localStorage.getItem('pk:drafts')).drafts.map((d) => [d.title, d.nodes]));
  assert.deepEqual(drafts, [['Contoh Pohon Kinerja Dinas Sosial', 9], ['Pohon Kinerja Dinas Sosial 2024', 16]]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full storage is explained, the tree on screen stays, and saving resumes when there is room', async () => {
  const { context, page } = await fresh(browser);
  // Fill the origin's storage with junk until it refuses.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 400; i++) {
      try { localStorage.setItem(`junk:${i}`, chunk); } catch { break; }
    }
    let small = 'y'.repeat(4096);
    for (let i = 0; i < 400; i++) {
      try { localStorage.setItem(`junk:s${i}`, small); } catch { break; }
    }
  });
  await add(page, /^Meningkatnya akurasi data/, 'Tersedianya kotak saat penyimpanan penuh');
  // Text that no compression shrinks: the draft outgrows what is left.
  const noise = Array.from({ length: 30000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
  await page.getByRole('complementary').getByLabel('Catatan', { exact: true }).fill(noise);
  await page.waitForFunction(() => document.querySelector('.save-status').classList.contains('failed'), null, { timeout: 5000 });
  assert.match(await status(page).getAttribute('title'), /penyimpanan penuh/);
  assert.ok(await item(page, /^Tersedianya kotak saat penyimpanan penuh/).isVisible());
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('junk:')).forEach((k) => localStorage.removeItem(k)));
  await add(page, /^Meningkatnya Penanganan PMKS/, 'Tersedianya ruang lagi');
  await page.waitForFunction(() => document.querySelector('.save-status').textContent === 'Tersimpan', null, { timeout: 5000 });
  await page.reload();
  await item(page, /^Tersedianya kotak saat penyimpanan penuh/).waitFor();
  await context.close();
});
