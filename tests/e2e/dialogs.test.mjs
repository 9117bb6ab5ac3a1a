// The three dialogs: keyboard shortcuts (?), move to… (M), new document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, open, SCREENSHOTS } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const selected = (page) => page.locator('[role=treeitem][aria-selected=true]');
const activeName = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a?.getAttribute('aria-label') ?? a?.id ?? a?.tagName;
});

/** Every part of the open dialog lies inside the viewport, and the dialog has no scrollbar. */
async function fitsOnScreen(dialog) {
  return dialog.evaluate((d) => {
    const r = d.getBoundingClientRect();
    const inside = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
    const frame = d.querySelector('.dialog-frame');
    return inside && d.scrollHeight <= d.clientHeight + 1 && frame.scrollHeight <= frame.clientHeight + 1;
  });
}

test('? opens the shortcuts help, named by its heading; Escape closes it and focus returns', async () => {
  const { page, errors } = await open(browser);
  await page.getByRole('treeitem', { name: /^Meningkatnya Penanganan PMKS/ }).click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Pintasan keyboard' });
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.matches(':modal')), true);
  for (const group of ['Pohon dan navigasi', 'Menyunting', 'Tampilan (kanvas terfokus)']) {
    await dialog.getByRole('region', { name: group }).waitFor();
  }
  for (const text of ['Shift', 'Ctrl', 'F2', 'Insert', 'Spasi', 'Home', 'Esc', 'M']) {
    assert.ok(await dialog.locator('kbd', { hasText: new RegExp(`^${text}$`) }).count() > 0, `no <kbd>${text}</kbd>`);
  }
  assert.ok(await fitsOnScreen(dialog), 'the help fits a 1366×768 screen');
  await page.screenshot({ path: join(SCREENSHOTS, 'dialog-shortcuts.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.match(await activeName(page), /^Meningkatnya Penanganan PMKS/);
  // Closed for good: it opens again, and a click on the backdrop closes it.
  await page.keyboard.press('?');
  await dialog.waitFor();
  await page.mouse.click(5, 760);
  await dialog.waitFor({ state: 'hidden' });
  await page.keyboard.press('?');
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the shortcuts help in English', async () => {
  const { page } = await open(browser, '?lang=en');
  await page.getByRole('treeitem').first().focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  await dialog.getByRole('region', { name: 'Editing' }).waitFor();
  assert.ok(await fitsOnScreen(dialog));
  await page.screenshot({ path: join(SCREENSHOTS, 'dialog-shortcuts-en.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.close();
});

test('M moves a box under one found by typing; its own branch is not offered; undo puts it back', async () => {
  const { page, errors } = await open(browser);
  await page.getByRole('treeitem', { name: /^Meningkatnya Penanganan PMKS/ }).click();
  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: 'Pindahkan ke…' });
  await dialog.waitFor();
  const search = dialog.getByRole('searchbox', { name: 'Cari kotak tujuan' });
  assert.equal(await search.evaluate((e) => e === document.activeElement), true, 'focus starts in the search field');
  const listbox = dialog.getByRole('listbox', { name: 'Kotak tujuan' });
  const options = listbox.getByRole('option');
  const names = await options.allTextContents();
  // 8 boxes, less the box itself and its two children.
  assert.equal(names.length, 5);
  assert.ok(!names.some((n) => /Penanganan PMKS|Perlindungan Sosial bagi PMKS|Rehabilitasi Sosial/.test(n)), names.join('\n'));
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  assert.ok(await fitsOnScreen(dialog));
  await page.screenshot({ path: join(SCREENSHOTS, 'dialog-move.png') });
  // Folded matching on kondisi and level name.
  await search.fill('KEMISKINAN terpadu');
  assert.equal(await options.count(), 1);
  await listbox.getByRole('option', { name: 'Meningkatnya penanganan kemiskinan terpadu, Sasaran Strategis' }).waitFor();
  await search.fill('sasaran program');
  assert.equal(await options.count(), 1);
  await search.fill('');
  await search.press('ArrowDown');
  await search.press('ArrowDown');
  assert.equal(await search.getAttribute('aria-activedescendant'), await options.nth(2).getAttribute('id'));
  await search.fill('akurasi');
  await search.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  // Now the last child of "Meningkatnya akurasi data kemiskinan", still selected and focused.
  const moved = selected(page);
  assert.match(await moved.getAttribute('aria-label'), /^Meningkatnya Penanganan PMKS/);
  assert.equal(await moved.getAttribute('aria-level'), '6');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-selected') === 'true');
  await page.keyboard.press('Control+z');
  assert.equal(await selected(page).getAttribute('aria-level'), '4');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the top box cannot be moved: the picker says why', async () => {
  const { page } = await open(browser);
  await page.getByRole('treeitem', { name: /^Terwujudnya Pembangunan Manusia/ }).click();
  await page.keyboard.press('M');
  const dialog = page.getByRole('dialog', { name: 'Pindahkan ke…' });
  await dialog.waitFor();
  assert.equal(await dialog.getByRole('option').count(), 0);
  assert.match(await dialog.getByRole('alert').textContent(), /Kotak puncak tidak dapat dipindah/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.close();
});

test('new document: validates the period inside the dialog, then builds the starter levels', async () => {
  const { page, errors } = await open(browser);
  await page.getByRole('button', { name: /^Berkas/ }).click();
  await page.getByRole('menuitem', { name: 'Dokumen baru' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dokumen baru' });
  await dialog.waitFor();
  const judul = dialog.getByRole('textbox', { name: 'Judul' });
  assert.equal(await judul.evaluate((e) => e === document.activeElement), true, 'focus starts on the title');
  const year = new Date().getFullYear();
  const awal = dialog.getByRole('textbox', { name: 'Tahun awal' });
  const akhir = dialog.getByRole('textbox', { name: 'Tahun akhir' });
  assert.equal(await awal.inputValue(), String(year));
  assert.equal(await akhir.inputValue(), String(year + 4));
  assert.equal(await dialog.getByRole('radio', { name: /Dengan tingkat baku/ }).isChecked(), true);
  await dialog.getByRole('textbox', { name: 'Perangkat daerah' }).fill('Dinas Sosial');
  await dialog.getByRole('textbox', { name: 'Wilayah' }).fill('Kota Payakumbuh');
  assert.ok(await fitsOnScreen(dialog));
  await page.screenshot({ path: join(SCREENSHOTS, 'dialog-new-document.png') });
  await akhir.fill(String(year - 1));
  await page.keyboard.press('Enter');
  const alert = dialog.getByRole('alert');
  assert.equal(await alert.textContent(), 'Tahun akhir tidak boleh sebelum tahun awal.');
  assert.equal(await akhir.getAttribute('aria-invalid'), 'true');
  assert.equal(await akhir.evaluate((e) => e === document.activeElement), true);
  assert.ok(await fitsOnScreen(dialog));
  await page.screenshot({ path: join(SCREENSHOTS, 'dialog-new-document-error.png') });
  await awal.fill('25');
  await page.keyboard.press('Enter');
  assert.match(await alert.textContent(), /^Tahun awal harus tahun empat angka/);
  await awal.fill('2025');
  await akhir.fill('2029');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 5);
  assert.equal(await page.locator('.doc-title').textContent(), 'Pohon Kinerja Dinas Sosial Kota Payakumbuh 2025–2029');
  // The top box's placeholder is selected for typing over.
  const editorBox = page.getByRole('textbox', { name: 'Ketik kondisi' });
  await editorBox.waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('kondisi-editor'));
  await page.keyboard.type('Meningkatnya kesejahteraan sosial');
  await page.keyboard.press('Enter');
  await page.getByRole('treeitem', { name: /^Meningkatnya kesejahteraan sosial, Tujuan Perangkat Daerah/ }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('new document: an empty one, in English, cancelled first', async () => {
  const { page } = await open(browser, '?lang=en');
  await page.getByRole('button', { name: /^File/ }).click();
  await page.getByRole('menuitem', { name: 'New document' }).click();
  let dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'dialog-new-document-en.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // Focus is back in the page (the menu that opened it has closed).
  assert.notEqual(await page.evaluate(() => document.activeElement.closest('dialog')), true);
  await page.getByRole('button', { name: /^File/ }).click();
  await page.getByRole('menuitem', { name: 'New document' }).click();
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: /^Empty/ }).check();
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 1);
  await page.close();
});
