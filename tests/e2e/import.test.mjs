// Import (issue 11): an IKU table and a text outline pasted into the
// Import dialog, corrected in its preview and opened as a new draft; the
// open draft untouched by bad input; Excel and CSV out, and the Excel file
// read back in through the same dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCREENSHOTS, isolated, launch } from './browser.mjs';

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'seeds');
const seed = (n) => readFileSync(join(SEEDS, `${n}.txt`), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openImport(page) {
  await page.getByRole('button', { name: /^Berkas/ }).click();
  await page.getByRole('menuitem', { name: 'Impor tabel atau teks…' }).click();
  return page.getByRole('dialog', { name: 'Impor tabel atau teks' });
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

async function savedDocument(page) {
  await page.getByRole('button', { name: /^Berkas/ }).click();
  const file = await download(page, () => page.getByRole('menuitem', { name: 'Unduh JSON' }).click());
  return JSON.parse(readFileSync(file.path, 'utf8')).document;
}

test('an IKU table pasted, one column corrected in the preview, imported as a new draft', async () => {
  const { context, page, errors } = await isolated(browser);
  const before = await page.title();
  const dialog = await openImport(page);
  await dialog.getByRole('textbox', { name: 'Tempel tabel atau teks' }).fill(seed('001'));
  await dialog.getByRole('status').filter({ hasText: 'Akan diimpor: 3 sasaran dengan 5 indikator' }).waitFor();
  assert.equal(await dialog.getByRole('radio', { name: 'Tabel IKU' }).isChecked(), true, 'recognised as a table');
  const column = dialog.getByRole('combobox', { name: /Arti kolom 5: PENJELASAN\/ FORMULA/ });
  assert.equal(await column.locator('option:checked').textContent(), 'Penjelasan');
  await page.screenshot({ path: join(SCREENSHOTS, 'import-table.png') });
  await column.selectOption({ label: 'Formula' });
  await dialog.getByRole('status').filter({ hasText: 'Akan diimpor: 3 sasaran' }).waitFor();
  // Nothing has changed behind the dialog yet.
  assert.equal(await page.title(), before);
  await dialog.getByRole('button', { name: 'Impor', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('treeitem', { name: /^Meningkatnya Pelayanan Rehabilitasi Sosial/ }).waitFor();
  assert.match(await page.title(), /Indikator Kinerja Utama|Dinas Sosial/i);
  const doc = await savedDocument(page);
  const nodes = doc.nodes;
  const first = nodes.find((n) => (n.kondisi ?? '').startsWith('Meningkatnya Pelayanan Rehabilitasi'));
  assert.ok(first.indikator[0].formula.startsWith('Dalam melakukan pelayanan'), 'the column is read as the formula');
  assert.equal(first.indikator[0].penjelasan ?? '', '');
  assert.equal(first.indikator[0].baseline.nilai, '5159');
  // The draft open before is still in the drafts list.
  await page.getByRole('button', { name: /^Berkas/ }).click();
  await page.getByRole('menuitem', { name: 'Draf', exact: true }).click();
  const drafts = page.getByRole('dialog', { name: /Draf/ });
  assert.ok(await drafts.getByRole('row').count() >= 3, 'two drafts and a header');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a text outline pasted gives its 25 boxes, placed as the preview says', async () => {
  const { context, page, errors } = await isolated(browser);
  const dialog = await openImport(page);
  await dialog.getByRole('textbox', { name: 'Tempel tabel atau teks' }).fill(seed('000'));
  await dialog.getByRole('status').filter({ hasText: 'Akan diimpor: 25 pernyataan kinerja' }).waitFor();
  assert.equal(await dialog.getByRole('radio', { name: 'Teks berjenjang' }).isChecked(), true, 'recognised as an outline');
  const items = dialog.getByRole('tree').getByRole('treeitem');
  assert.equal(await items.count(), 25);
  await page.screenshot({ path: join(SCREENSHOTS, 'import-outline.png') });
  // The last statement put under the one above it.
  const last = items.nth(24);
  const name = await last.getAttribute('aria-label');
  const level = Number(await last.getAttribute('aria-level'));
  await last.getByRole('button', { name: /^Masukkan ke bawah/ }).click();
  assert.equal(Number(await last.getAttribute('aria-level')), level + 1);
  await dialog.getByRole('button', { name: 'Impor', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Cabang' }).click();
  await page.getByRole('menuitem', { name: /Buka semua/ }).click();
  assert.equal(await page.getByRole('tree').first().getByRole('treeitem').count(), 25);
  const doc = await savedDocument(page);
  const nodes = doc.nodes;
  const moved = nodes.find((n) => name.startsWith(n.kondisi));
  const above = nodes[nodes.indexOf(moved) - 1];
  assert.equal(moved.parent, above.id, 'placed under the statement above it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a table file dropped on the page opens in the Import dialog', async () => {
  const { context, page, errors } = await isolated(browser);
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'iku-tapin.txt', { type: 'text/plain' }));
    return d;
  }, seed('004'));
  const at = page.locator('.canvas');
  await at.dispatchEvent('dragenter', { dataTransfer: dt });
  await at.dispatchEvent('drop', { dataTransfer: dt });
  const dialog = page.getByRole('dialog', { name: 'Impor tabel atau teks' });
  await dialog.getByRole('status').filter({ hasText: /Akan diimpor: \d+ sasaran/ }).waitFor();
  assert.match(await dialog.getByRole('textbox').inputValue(), /INDIKATOR/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad input is said in the dialog and leaves the open draft alone', async () => {
  const { context, page, errors } = await isolated(browser);
  const before = await page.title();
  const dialog = await openImport(page);
  const box = dialog.getByRole('textbox', { name: 'Tempel tabel atau teks' });
  await box.fill('NO\tSASARAN\tINDIKATOR\n');
  await dialog.getByRole('alert').filter({ hasText: 'hanya berisi baris judul' }).waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Impor', exact: true }).isDisabled(), true);
  await box.fill('NO;SASARAN;INDIKATOR\n1;"Meningkatnya A;B\n');
  await dialog.getByRole('alert').filter({ hasText: 'baris 2 tidak pernah ditutup' }).waitFor();
  // 20 000 lines: read (or refused) without freezing the page.
  // (Set as a paste would: Playwright's fill types a megabyte too slowly.)
  await page.evaluate(() => {
    const long = Array.from({ length: 20000 }, (_, i) => `1.${i + 1} Meningkatnya layanan ${i}\nIK : Persentase ${i}`).join('\n');
    const box = document.querySelector('.import-dialog textarea');
    box.value = long;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  await dialog.getByRole('alert').filter({ hasText: 'lebih dari 20000 baris' }).waitFor();
  await box.fill(`${Array(200).fill('1').join('.')} Dalam sekali\n1. Atas\n`);
  await dialog.getByRole('status').filter({ hasText: 'Akan diimpor' }).waitFor();
  await dialog.getByRole('button', { name: 'Tutup' }).click();
  assert.equal(await page.title(), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Excel and CSV out; the Excel file read back in through the Import dialog', async () => {
  const { context, page, errors } = await isolated(browser, '?src=examples/sumbar-dinsos-iku-2023.json');
  await page.waitForFunction(() => document.title.includes('Sumatera') || document.title.includes('IKU'));
  const want = (await savedDocument(page));
  await page.getByRole('button', { name: /^Berkas/ }).click();
  const xlsx = await download(page, () => page.getByRole('menuitem', { name: 'Unduh Excel (.xlsx)' }).click());
  assert.match(xlsx.name, /\.xlsx$/);
  assert.equal(readFileSync(xlsx.path).subarray(0, 2).toString(), 'PK');
  await page.getByRole('button', { name: /^Berkas/ }).click();
  const csv = await download(page, () => page.getByRole('menuitem', { name: /Unduh CSV/ }).click());
  const text = readFileSync(csv.path, 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'a BOM, so Excel reads UTF-8');
  assert.match(text.split('\r\n')[0], /;Indikator;/);
  for (const n of want.nodes) assert.ok(text.includes(n.kondisi.split('"')[0]), `CSV misses ${n.kondisi}`);

  const copy = join(SCREENSHOTS, '..', 'import-roundtrip.xlsx');
  writeFileSync(copy, readFileSync(xlsx.path));
  const dialog = await openImport(page);
  await dialog.locator('input[type=file]').setInputFiles(copy);
  const sasaran = want.nodes.filter((n) => n.parent).length;
  const indikator = want.nodes.reduce((s, n) => s + (n.indikator?.length ?? 0), 0);
  await dialog.getByRole('status').filter({ hasText: `Akan diimpor: ${sasaran} sasaran dengan ${indikator} indikator` }).waitFor();
  const sheets = await dialog.getByRole('combobox', { name: 'Lembar' }).locator('option').allTextContents();
  assert.deepEqual(sheets.slice(0, 2), ['IKU', 'Matriks Cascading']);
  await dialog.getByRole('button', { name: 'Impor', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const got = await savedDocument(page);
  const statements = (d) => d.nodes.filter((n) => n.parent).map((n) => n.kondisi);
  assert.deepEqual(statements(got), statements(want));
  assert.deepEqual(errors, []);
  await context.close();
});
