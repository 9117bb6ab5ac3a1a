// The editing issue's acceptance, by keyboard only: a new document, a
// three-level tree with indicators and targets typed in, undo everything,
// redo everything, and after a reload it is all there with selection and view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, fresh, panelOf, SCREENSHOTS } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const names = (page) => page.$$eval('[role=treeitem]', (items) => items.map((i) => i.getAttribute('aria-label')).sort());

/** Tab (with Shift, backwards) until the focused element matches `predicate`. */
async function tabTo(page, predicate, shift = false) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate(predicate)) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${predicate}`);
}

test('by keyboard: new document, three levels with indicators and targets; undo all, redo all; reload keeps it and the view', async () => {
  const { context, page, errors } = await fresh(browser);

  // New document: Tab to the file menu, Enter opens it on its first item
  // (Dokumen baru), Enter again; the dialog's fields by Tab.
  await tabTo(page, () => document.activeElement.textContent.startsWith('Berkas'));
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Dokumen baru' }).waitFor();
  await page.waitForFunction(() => document.activeElement.textContent === 'Dokumen baru');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Pohon Kinerja Dinas Uji 2025');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dinas Sosial');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kota Uji');
  await tabTo(page, () => document.activeElement.getAttribute('type') === 'radio');
  // "Kosong" (one empty top box) is the first radio of the group; the
  // starter, checked, has the focus.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Ketik kondisi' }).waitFor();
  assert.equal(await page.locator('.doc-title').textContent(), 'Pohon Kinerja Dinas Uji 2025');

  // Level 1, then a child and its sibling, then a grandchild.
  await page.keyboard.type('Meningkatnya kesejahteraan sosial');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Meningkatnya penanganan PMKS');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Menurunnya angka kemiskinan');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Tersedianya bantuan sosial');
  await page.keyboard.press('Enter');
  let levels = await page.$$eval('[role=treeitem]', (items) => items.map((i) => i.getAttribute('aria-level')));
  assert.deepEqual(levels.sort(), ['1', '2', '2', '3']);

  // An indicator with unit and targets on the grandchild, by keyboard in the panel.
  await page.keyboard.press('Alt+Enter');
  await tabTo(page, () => document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.includes('Tambah indikator'));
  await page.keyboard.press('Enter');
  await page.keyboard.type('Persentase PMKS yang menerima bantuan');
  const labelled = (text) => `(() => { const a = document.activeElement; return a.getAttribute('aria-label') === ${JSON.stringify(text)} || [...(a.labels ?? [])].some((l) => l.textContent.trim() === ${JSON.stringify(text)}); })()`;
  await tabTo(page, labelled('Satuan'));
  await page.keyboard.type('%');
  const year = new Date().getFullYear(); // the dialog's period starts this year
  await tabTo(page, labelled(`Target ${year}`));
  await page.keyboard.type('80');
  await page.keyboard.press('Tab');
  await page.keyboard.type('85');
  // Escape in a field returns to the card.
  await page.keyboard.press('Escape');
  const built = await names(page);
  const card = page.getByRole('treeitem', { name: /^Tersedianya bantuan sosial/ });
  assert.equal(await card.getAttribute('aria-selected'), 'true');
  assert.match(await page.locator('.card.selected').textContent(), new RegExp(`IK: Persentase PMKS yang menerima.*T${year}: 80`));

  // Undo everything, then redo everything (from the tree, by keyboard).
  await card.focus();
  for (let i = 0; i < 40 && (await page.getByRole('button', { name: 'Urungkan' }).isEnabled()); i++) {
    await page.keyboard.press('Control+z');
  }
  assert.deepEqual((await names(page)).length, 1);
  for (let i = 0; i < 40 && (await page.getByRole('button', { name: 'Ulangi' }).isEnabled()); i++) {
    await page.keyboard.press('Control+Shift+z');
  }
  assert.deepEqual(await names(page), built);
  assert.match(await page.locator('.card.selected').textContent(), new RegExp(`IK: Persentase PMKS yang menerima.*T${year}: 80`));

  // Saved; after a reload everything is there, selected and viewed as it was.
  await page.waitForFunction(() => document.querySelector('.save-status').textContent === 'Tersimpan');
  await page.keyboard.press('+');
  const zoom = await page.locator('.zoom-level').textContent();
  await page.waitForTimeout(900);
  await page.screenshot({ path: join(SCREENSHOTS, 'editor.png') });
  await page.reload();
  await page.getByRole('tree').waitFor();
  await page.getByRole('treeitem', { name: /^Tersedianya bantuan sosial/ }).waitFor();
  assert.deepEqual(await names(page), built);
  assert.equal(await page.getByRole('treeitem', { name: /^Tersedianya bantuan sosial/ }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('.zoom-level').textContent(), zoom);
  const target = panelOf(page).getByLabel(`Target ${year + 1}`, { exact: true });
  assert.equal(await target.inputValue(), '85');
  assert.deepEqual(errors, []);
  await context.close();
});
