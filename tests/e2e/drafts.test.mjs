// The drafts list ("Draf"): every document opened becomes a draft that can be
// opened, renamed, duplicated, deleted to the trash and restored; a draft
// that cannot be read is never overwritten and its text can be downloaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, open, SCREENSHOTS, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DINSOS = 'Pohon Kinerja Dinas Sosial 2024';
const TAPIN = 'Indikator Kinerja Utama Dinas Sosial Kabupaten Tapin Tahun 2020';
const SAMPLE = 'Contoh Pohon Kinerja Dinas Sosial';

/** A page on an empty localStorage: the sample is shown and becomes the first draft. */
async function fresh() {
  const { page, errors } = await open(browser);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('tree').waitFor();
  await savedDrafts(page, 1);
  return { page, errors };
}

/** Waits until `n` drafts are stored and the open one is saved. */
async function savedDrafts(page, n) {
  await page.waitForFunction((n) => {
    const index = JSON.parse(localStorage.getItem('pk:drafts') ?? '{"drafts":[]}');
    return index.drafts.filter((d) => !d.deleted_at).length === n;
  }, n);
  await page.locator('.save-status', { hasText: /^Tersimpan$/ }).waitFor();
}

async function openExample(page, title, nodes) {
  await page.getByRole('button', { name: 'Contoh' }).click();
  await page.getByRole('region', { name: /Contoh pohon kinerja/ }).getByRole('button', { name: new RegExp(`^${title}`) }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[role=treeitem]').length === n, nodes);
}

async function openList(page) {
  await page.locator('.save-status').click();
  const dialog = page.getByRole('dialog', { name: 'Draf' });
  await dialog.waitFor();
  return dialog;
}

/** The row of the drafts table whose title cell reads `title`. */
function row(dialog, title) {
  return dialog.locator('table.drafts-table').first().locator('tbody tr', { has: dialog.page().locator('.drafts-title', { hasText: new RegExp(`^${title}$`) }) });
}

test('drafts are listed, renamed, deleted to the trash and restored; the last one reopens', async () => {
  const { page, errors } = await fresh();
  await openExample(page, 'Dinas Sosial 2024', 15);
  await savedDrafts(page, 2);
  await openExample(page, 'Dinas Sosial Kabupaten Tapin 2020', 4);
  await savedDrafts(page, 3);

  const dialog = await openList(page);
  const rows = dialog.locator('table.drafts-table').first().locator('tbody tr');
  assert.equal(await rows.count(), 3);
  // Newest first, the open one marked, with agency and box counts.
  assert.match(await rows.nth(0).textContent(), new RegExp(`^${TAPIN}sedang dibuka`));
  assert.match(await rows.nth(1).textContent(), new RegExp(`^${DINSOS}`));
  assert.match(await rows.nth(2).textContent(), new RegExp(`^${SAMPLE}`));
  assert.equal(await row(dialog, TAPIN).locator('td.num').textContent(), '4');
  assert.equal(await row(dialog, DINSOS).locator('td.num').textContent(), '15');
  assert.equal(await row(dialog, DINSOS).locator('.badge').count(), 0);
  // The open draft cannot be deleted from under the editor.
  assert.ok(await row(dialog, TAPIN).getByRole('button', { name: 'Hapus' }).isDisabled());
  // Its first save is its first version.
  assert.equal(await dialog.getByRole('region', { name: 'Versi sebelumnya' }).getByRole('button', { name: 'Pulihkan' }).count(), 1);
  // Storage use is shown.
  const meter = dialog.getByRole('meter', { name: 'Penyimpanan peramban' });
  assert.ok(Number(await meter.getAttribute('aria-valuenow')) > 0);
  assert.match(await meter.getAttribute('aria-valuetext'), /^\d+(,\d)? (KB|MB) dari ±\d+(,\d)? MB$/);

  // Rename: Escape cancels the rename only, Enter keeps the new name.
  await row(dialog, DINSOS).getByRole('button', { name: 'Ganti nama' }).click();
  const name = dialog.getByRole('textbox', { name: /^Nama draf/ });
  assert.equal(await name.inputValue(), DINSOS);
  await name.fill('Dibuang');
  await name.press('Escape');
  assert.ok(await dialog.isVisible());
  assert.equal(await row(dialog, DINSOS).count(), 1);
  await row(dialog, DINSOS).getByRole('button', { name: 'Ganti nama' }).click();
  await name.fill('Draf rapat Dinsos');
  await name.press('Enter');
  await row(dialog, 'Draf rapat Dinsos').waitFor();
  assert.equal(await row(dialog, DINSOS).count(), 0);
  assert.equal(await dialog.getByRole('button', { name: 'Ganti nama' }).nth(1).evaluate((b) => b === document.activeElement), true);

  // Delete: straight to the trash, from which it comes back.
  await row(dialog, 'Draf rapat Dinsos').getByRole('button', { name: 'Hapus' }).click();
  const trash = dialog.getByRole('region', { name: 'Sampah' });
  await trash.getByRole('row', { name: /Draf rapat Dinsos/ }).waitFor();
  assert.match(await trash.getByRole('row', { name: /Draf rapat Dinsos/ }).textContent(), /30 hari/);
  assert.equal(await row(dialog, 'Draf rapat Dinsos').count(), 0);
  await trash.getByRole('button', { name: 'Pulihkan' }).click();
  await row(dialog, 'Draf rapat Dinsos').waitFor();
  assert.equal(await trash.getByText('Sampah kosong.').count(), 1);

  // Duplicate: a copy named as such.
  await row(dialog, SAMPLE).getByRole('button', { name: 'Gandakan' }).click();
  await row(dialog, `${SAMPLE} \\(salinan\\)`).waitFor();
  assert.equal(await row(dialog, `${SAMPLE} \\(salinan\\)`).locator('td.num').textContent(), '8');

  await page.screenshot({ path: join(SCREENSHOTS, 'drafts.png') });

  // Open another draft: the list closes and it is shown.
  await row(dialog, 'Draf rapat Dinsos').getByRole('button', { name: 'Buka' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 15);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), DINSOS);
  assert.equal(new URL(page.url()).searchParams.get('src'), null);
  await page.waitForFunction((title) => {
    const index = JSON.parse(localStorage.getItem('pk:drafts'));
    return index.drafts.find((d) => d.id === index.last_open)?.title === title;
  }, 'Draf rapat Dinsos');

  // Escape closes the list.
  await openList(page);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // Reloading brings back the draft open last.
  await page.goto(BASE_URL);
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 15);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), DINSOS);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a draft that cannot be read is kept as it is and its text can be downloaded', async () => {
  const { page } = await fresh();
  await openExample(page, 'Dinas Sosial Kabupaten Tapin 2020', 4);
  await savedDrafts(page, 2);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('pk:drafts')).drafts.find((d) => d.source === 'sample').id);
  await page.evaluate((id) => localStorage.setItem(`pk:draft:${id}`, 'garbage'), id);
  await page.goto(BASE_URL);
  await page.getByRole('heading', { level: 1, name: TAPIN }).waitFor();

  let dialog = await openList(page);
  await row(dialog, SAMPLE).getByRole('button', { name: 'Buka' }).click();
  // Opening it fails: the list comes back and says why.
  dialog = page.getByRole('dialog', { name: 'Draf' });
  const alert = dialog.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /^Draf tidak dapat dibaca \(teks rusak\); teksnya disimpan tanpa diubah/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), TAPIN);
  const broken = row(dialog, SAMPLE);
  assert.match(await broken.textContent(), /Tidak dapat dibaca/);
  assert.equal(await broken.getByRole('button', { name: 'Buka', exact: true }).count(), 0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    broken.getByRole('button', { name: 'Unduh teks mentah' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.txt$/);
  assert.equal(await readFile(await download.path(), 'utf8'), 'garbage');
  // Edits to the open draft are saved; the broken text stays as it was.
  assert.equal(await page.evaluate((id) => localStorage.getItem(`pk:draft:${id}`), id), 'garbage');
  await page.screenshot({ path: join(SCREENSHOTS, 'drafts-unreadable.png') });
  await page.close();
});

test('a full storage says what to do, with the document to download', async () => {
  const { page } = await fresh();
  // Fill what is left of the origin's storage with another app's data.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i++) {
      try { localStorage.setItem(`other:${i}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
    }
  });
  // An edit: add a box under the selected one.
  await page.getByRole('treeitem').first().click();
  await page.keyboard.press('Insert');
  await page.keyboard.type('Kotak baru');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 9);
  // And text no compression shrinks, so the draft surely outgrows what is left.
  const noise = Array.from({ length: 30000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
  await page.getByRole('complementary').getByLabel('Catatan', { exact: true }).fill(noise);
  await page.locator('.save-status.failed').waitFor({ timeout: 10000 }).catch(async (e) => {
    const status = await page.locator('.save-status').getAttribute('aria-label');
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pk:')).map((k) => `${k}=${localStorage.getItem(k).length}`));
    throw new Error(`the save did not fail: "${status}"; ${keys.join(', ')}`, { cause: e });
  });
  const dialog = await openList(page);
  const alert = dialog.getByRole('alert').filter({ hasText: 'Penyimpanan peramban penuh' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Unduh JSON' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'contoh-pohon-kinerja-dinas-sosial.json');
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.document.nodes.length, 9);
  await page.screenshot({ path: join(SCREENSHOTS, 'drafts-full.png') });
  // Going to another document would lose the edit: the list asks first.
  await dialog.getByRole('button', { name: 'Dokumen baru' }).click();
  const warning = dialog.getByRole('alert').filter({ hasText: 'akan hilang bila dokumen lain dibuka' });
  await warning.waitFor();
  assert.equal(await warning.getByRole('button', { name: 'Tetap buka tanpa menyimpan' }).count(), 1);
  await warning.getByRole('button', { name: 'Batal' }).click();
  assert.equal(await warning.count(), 0);
  assert.equal(await page.getByRole('dialog', { name: 'Dokumen baru' }).isVisible(), false);
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('other:')) localStorage.removeItem(k); });
  await page.close();
});

test('in English', async () => {
  const { page } = await open(browser, '?lang=en');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('tree').waitFor();
  await page.locator('.save-status', { hasText: /^Saved$/ }).waitFor();
  await page.locator('.save-status').click();
  const dialog = page.getByRole('dialog', { name: 'Drafts' });
  await dialog.waitFor();
  assert.match(await dialog.locator('tbody tr').first().textContent(), /^Contoh Pohon Kinerja Dinas Sosialopen now/);
  assert.match(await dialog.getByRole('meter', { name: 'Browser storage' }).getAttribute('aria-valuetext'), /^\d+(\.\d)? (KB|MB) of about 5 MB$/);
  for (const name of ['New document', 'Open', 'Rename', 'Duplicate', 'Delete']) {
    assert.equal(await dialog.getByRole('button', { name, exact: true }).count(), 1, name);
  }
  await dialog.getByRole('region', { name: 'Trash' }).getByText('The trash is empty.').waitFor();
  await page.close();
});

test('an earlier version is restored, or opened as a new draft', async () => {
  const { page, errors } = await fresh();
  await page.getByRole('treeitem').first().click();
  await page.keyboard.press('Insert');
  await page.keyboard.type('Kotak baru');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 9);
  await page.locator('.save-status', { hasText: /^Tersimpan$/ }).waitFor();
  await page.waitForFunction(() => !JSON.parse(localStorage.getItem('pk:drafts')).drafts[0].pristine);

  let dialog = await openList(page);
  let versions = dialog.getByRole('region', { name: 'Versi sebelumnya' });
  assert.deepEqual(await versions.locator('tbody td.num').allTextContents(), ['8']);
  await versions.getByRole('button', { name: 'Pulihkan' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 8);

  // What was replaced is a version now: open it beside, as a new draft.
  dialog = await openList(page);
  versions = dialog.getByRole('region', { name: 'Versi sebelumnya' });
  assert.deepEqual(await versions.locator('tbody td.num').allTextContents(), ['9', '8']);
  await versions.getByRole('button', { name: 'Buka sebagai draf baru' }).first().click();
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 9);
  await savedDrafts(page, 2);
  dialog = await openList(page);
  assert.deepEqual(await dialog.locator('table.drafts-table').first().locator('tbody td.num').allTextContents(), ['9', '8']);
  assert.deepEqual(errors, []);
  await page.close();
});
