// Editing on the canvas by keyboard and mouse: add, type in place, delete,
// duplicate, move, drag onto another card, copy and paste; undo and redo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const names = (page) => page.$$eval('[role=treeitem]', (items) => items.map((i) => i.getAttribute('aria-label')));
const selected = (page) => page.locator('[role=treeitem][aria-selected=true]');
const item = (page, re) => page.getByRole('treeitem', { name: re });

test('by keyboard: add children and siblings, type in place, undo and redo everything', async () => {
  const { page, errors } = await open(browser);
  const start = await names(page);
  await item(page, /^Meningkatnya akurasi data kemiskinan/).click();
  // Tab adds a child and opens the in-place editor; Enter commits.
  await page.keyboard.press('Tab');
  const editor = page.getByRole('textbox', { name: 'Ketik kondisi' });
  await editor.waitFor();
  await page.keyboard.type('Tersedianya data terpadu');
  await page.keyboard.press('Enter');
  assert.match(await selected(page).getAttribute('aria-label'), /^Tersedianya data terpadu, Sasaran Kegiatan$/);
  assert.equal(await selected(page).getAttribute('aria-level'), '6');
  // Enter adds a sibling; Tab on it a child (level 7).
  await page.keyboard.press('Enter');
  await page.keyboard.type('Tersedianya laporan berkala');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Terlaksananya pendataan');
  await page.keyboard.press('Enter');
  assert.equal(await selected(page).getAttribute('aria-level'), '7');
  // F2 edits in place; Escape restores the text.
  await page.keyboard.press('F2');
  await page.keyboard.type('salah ketik');
  await page.keyboard.press('Escape');
  assert.match(await selected(page).getAttribute('aria-label'), /^Terlaksananya pendataan,/);
  // Shift+Enter starts a new line in the statement; Enter commits it.
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('tahunan');
  await page.keyboard.press('Enter');
  assert.match(await selected(page).getAttribute('aria-label'), /^Terlaksananya pendataan\ntahunan,/);
  const built = await names(page);
  assert.equal(built.length, start.length + 3);
  // Alt+Up moves among siblings; Ctrl+D duplicates; Delete deletes the branch.
  await item(page, /^Tersedianya laporan berkala/).focus();
  await page.keyboard.press('Alt+ArrowUp');
  const order = (await names(page)).filter((n) => n.startsWith('Tersedianya '));
  assert.deepEqual(order.map((n) => n.split(',')[0]), ['Tersedianya laporan berkala', 'Tersedianya data terpadu']);
  await page.keyboard.press('Control+d');
  assert.equal((await names(page)).length, start.length + 5);
  await page.keyboard.press('Delete');
  assert.equal((await names(page)).length, start.length + 3);
  // The sibling before the deleted copy (the original) is selected.
  assert.match(await selected(page).getAttribute('aria-label'), /^Tersedianya laporan berkala,/);
  // Undo everything, step by step, back to the start; then redo everything.
  for (let i = 0; i < 20 && (await page.getByRole('button', { name: 'Urungkan' }).isEnabled()); i++) {
    await page.keyboard.press('Control+z');
  }
  assert.deepEqual(await names(page), start);
  for (let i = 0; i < 20 && (await page.getByRole('button', { name: 'Ulangi' }).isEnabled()); i++) {
    await page.keyboard.press('Control+Shift+z');
  }
  assert.equal((await names(page)).length, start.length + 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the undo button names what it undoes; typing is one step', async () => {
  const { page } = await open(browser);
  await item(page, /^Meningkatnya Penanganan PMKS/).dblclick();
  await page.keyboard.press('End');
  await page.keyboard.type(' bagi Lansia');
  await page.keyboard.press('Enter');
  assert.ok(await item(page, /^Meningkatnya Penanganan PMKS bagi Lansia,/).isVisible());
  const undo = page.getByRole('button', { name: 'Urungkan' });
  assert.equal(await undo.getAttribute('title'), 'Urungkan: ubah kondisi (Ctrl+Z)');
  await undo.click();
  assert.ok(await item(page, /^Meningkatnya Penanganan PMKS, Sasaran Strategis$/).isVisible());
  assert.equal(await undo.isEnabled(), false);
  await page.close();
});

test('drag a card onto another to move its branch; a drop into its own branch is refused', async () => {
  const { page } = await open(browser);
  const drag = async (from, to) => {
    const a = await item(page, from).boundingBox();
    const b = await item(page, to).boundingBox();
    await page.mouse.move(a.x + a.width / 2, a.y + 30);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + 30, { steps: 8 });
    await page.mouse.up();
  };
  await drag(/^Meningkatnya akurasi data/, /^Meningkatnya Penanganan PMKS/);
  const order = (await names(page)).map((n) => n.split(',')[0]);
  assert.ok(order.indexOf('Meningkatnya akurasi data kemiskinan') < order.indexOf('Meningkatnya penanganan kemiskinan terpadu'));
  await drag(/^Meningkatnya Penanganan PMKS/, /^Meningkatnya akurasi data/);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /cabangnya/);
  await page.close();
});

test('copy a branch and paste it under another box (through the clipboard)', async () => {
  const { page } = await open(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const before = (await names(page)).length;
  await item(page, /^Meningkatnya Penanganan PMKS/).click();
  await page.keyboard.press('Control+c');
  await item(page, /^Meningkatnya akurasi data/).click();
  await page.keyboard.press('Control+v');
  assert.equal((await names(page)).length, before + 3);
  const pasted = selected(page);
  assert.match(await pasted.getAttribute('aria-label'), /^Meningkatnya Penanganan PMKS,/);
  assert.equal(await pasted.getAttribute('aria-level'), '6');
  await page.close();
});
