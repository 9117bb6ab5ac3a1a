// The inspector: every field of the selected box (or of the document) edited
// in the side panel, reflected on the canvas, undone in one step per field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, open, panelOf, select, SCREENSHOTS } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('typing the statement changes the card; Ctrl+Z on the tree undoes the typing in one step', async () => {
  const { page, errors } = await open(browser);
  await select(page, /^Meningkatnya Rehabilitasi Sosial bagi PMKS/);
  const kondisi = panelOf(page).getByLabel('Kondisi', { exact: true });
  assert.equal(await kondisi.inputValue(), 'Meningkatnya Rehabilitasi Sosial bagi PMKS');
  await kondisi.click();
  await page.keyboard.press('Control+A');
  await kondisi.pressSequentially('Meningkatnya layanan rehabilitasi');
  // Typing never re-creates the input: focus and every keystroke stay.
  assert.equal(await kondisi.evaluate((el) => el === document.activeElement), true);
  assert.equal(await kondisi.inputValue(), 'Meningkatnya layanan rehabilitasi');
  const card = page.getByRole('treeitem', { name: /^Meningkatnya layanan rehabilitasi, Sasaran Program$/ });
  await card.waitFor();
  // Back on the tree (not in a text field), Ctrl+Z undoes the whole typing at once.
  await card.click();
  await page.keyboard.press('Control+z');
  await page.getByRole('treeitem', { name: /^Meningkatnya Rehabilitasi Sosial bagi PMKS/ }).waitFor();
  assert.equal(await kondisi.inputValue(), 'Meningkatnya Rehabilitasi Sosial bagi PMKS');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the year grid takes typed values, a pasted spreadsheet row, and warns of ambiguous numbers', async () => {
  const { page, errors } = await open(browser);
  await select(page, /^Meningkatnya Rehabilitasi Sosial bagi PMKS/);
  const ind = panelOf(page).getByRole('group', { name: /Persentase PMKS yang mendapat bantuan permakanaan/ });
  // One column per year of the plan period (2024–2026).
  assert.deepEqual(await ind.locator('table').first().locator('thead th').allTextContents(), ['Tahun', '2024', '2025', '2026']);
  await ind.getByLabel('Target 2024', { exact: true }).fill('75');
  // Realisasi as copied from an Excel row: tab-separated, ending in a line break.
  await ind.getByLabel('Realisasi 2024', { exact: true }).evaluate((cell) => {
    const data = new DataTransfer();
    data.setData('text/plain', '70\t72,5\t80\r\n');
    cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const realisasi = await Promise.all([2024, 2025, 2026].map((y) => ind.getByLabel(`Realisasi ${y}`, { exact: true }).inputValue()));
  assert.deepEqual(realisasi, ['70', '72,5', '80']);
  // Kept as typed, with a warning: "3.5" is not an Indonesian number.
  const t2025 = ind.getByLabel('Target 2025', { exact: true });
  await t2025.fill('3.5');
  await ind.getByText(/Target 2025 “3\.5”: angka ambigu/).waitFor();
  assert.match(await t2025.getAttribute('aria-describedby'), /warn/);
  // Another box and back: the values are in the document.
  await select(page, /^Meningkatnya Perlindungan Sosial bagi PMKS/);
  await select(page, /^Meningkatnya Rehabilitasi Sosial bagi PMKS/);
  assert.equal(await ind.getByLabel('Target 2024', { exact: true }).inputValue(), '75');
  assert.equal(await ind.getByLabel('Realisasi 2026', { exact: true }).inputValue(), '80');
  assert.deepEqual(errors, []);
  await page.close();
});

test('indicators, budget lines and crosscutting agencies are added, named, reordered and removed', async () => {
  const { page, errors } = await open(browser);
  await select(page, /^Meningkatnya akurasi data kemiskinan/);
  const panel = panelOf(page);
  await panel.getByRole('button', { name: 'Tambah indikator' }).click();
  // The new indicator's name field has the cursor.
  const name = panel.getByRole('group', { name: /tanpa nama/ }).getByLabel('Nama indikator');
  await name.waitFor();
  assert.equal(await name.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.type('Jumlah data terverifikasi');
  await panel.getByRole('group', { name: /Jumlah data terverifikasi/ }).waitFor();
  await panel.getByRole('button', { name: 'Naikkan indikator 2' }).click();
  assert.match(await panel.locator('.item-title').first().textContent(), /Jumlah data terverifikasi/);
  // Budget line: the code is checked against its tingkat as typed.
  await panel.getByRole('button', { name: 'Tambah program / kegiatan' }).click();
  const kode = panel.getByLabel('Kode', { exact: true });
  await kode.fill('1.06.05.2');
  const warning = panel.getByText('format kode seharusnya U.BB.PP');
  await warning.waitFor();
  await kode.fill('1.06.05');
  await warning.waitFor({ state: 'detached' });
  const pagu = panel.getByLabel('Pagu (Rp)');
  await pagu.fill('1.500.000');
  await panel.getByText('Rp 1.500.000').waitFor();
  // Crosscutting: remove one of the two agencies.
  const agencies = panel.getByLabel('Instansi', { exact: true });
  assert.equal(await agencies.count(), 2);
  await panel.getByRole('button', { name: 'Hapus instansi 1' }).click();
  assert.equal(await agencies.count(), 1);
  assert.equal(await agencies.inputValue(), 'BPS');
  assert.deepEqual(errors, []);
  await page.close();
});

test('with nothing selected the document metadata is edited; the header follows', async () => {
  const { page, errors } = await open(browser);
  const panel = panelOf(page);
  const judul = panel.getByLabel('Judul', { exact: true });
  await judul.fill('Pohon Kinerja Dinas Sosial 2025');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Pohon Kinerja Dinas Sosial 2025');
  const periode = panel.getByLabel('Periode', { exact: true });
  assert.equal(await periode.inputValue(), '2024–2026');
  await periode.fill('2026-2024');
  await periode.blur();
  await panel.getByText(/tahun atau rentang tahun/).waitFor();
  await periode.fill('2025-2029');
  await periode.blur();
  await select(page, /^Meningkatnya Rehabilitasi Sosial bagi PMKS/);
  const years = await panel.locator('table').first().locator('thead th').allTextContents();
  assert.deepEqual(years, ['Tahun', '2025', '2026', '2027', '2028', '2029']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a Payakumbuh box fits the panel at 1366×768; screenshot saved', async () => {
  const { page, errors } = await open(browser, '?src=examples/payakumbuh-dinsos-2023-2028.json');
  await page.getByRole('heading', { level: 1, name: /Payakumbuh Tahun 2023-2028/ }).waitFor();
  await select(page, /^Meningkatnya Pemberdayaan Potensi dan Sumber Kesejahteraan Sosial/);
  const panel = panelOf(page);
  await panel.locator('details.more > summary').first().click();
  await panel.getByLabel('Polaritas').first().waitFor();
  // The indicators at the top of the panel, as a planner scrolls to them.
  await panel.locator('.section').nth(1).evaluate((el) => el.scrollIntoView());
  // Nothing runs past the panel; six plan years scroll inside their grid only.
  const aside = await panel.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(aside.scroll <= aside.client, `the panel scrolls sideways: ${JSON.stringify(aside)}`);
  const page_ = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollHeight, inner: innerHeight }));
  assert.ok(page_.scroll <= page_.inner, `the page itself scrolls: ${JSON.stringify(page_)}`);
  const grid = await panel.locator('.grid-wrap').first().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(grid.scroll > grid.client, 'six years scroll inside the grid');
  // Projector-readable: form text at least 13 CSS px.
  const px = await panel.getByLabel('Kondisi', { exact: true }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(px >= 13, `inspector text is ${px}px`);
  await page.screenshot({ path: join(SCREENSHOTS, 'inspector.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
