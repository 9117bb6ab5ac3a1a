// Opening files (issue 10): dropped anywhere on the page, or by address in
// "Buka dari URL", as a new draft; another site's refusal (CORS) explained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, SCREENSHOTS, isolated, launch } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a file dropped anywhere on the page opens as a new draft, with a visible drop zone', async () => {
  const { context: ctx, page, errors } = await isolated(browser);
  const text = readFileSync(join(ROOT, 'public/examples/tapin-dinsos-iku-2020.json'), 'utf8');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'tapin.json', { type: 'application/json' }));
    return d;
  }, text);
  const at = page.locator('.canvas');
  await at.dispatchEvent('dragenter', { dataTransfer: dt });
  await at.dispatchEvent('dragover', { dataTransfer: dt });
  const zone = page.getByRole('status').filter({ hasText: 'Lepaskan berkas di sini' });
  await zone.waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'drop-zone.png') });
  await at.dispatchEvent('drop', { dataTransfer: dt });
  await page.waitForFunction(() => document.title.includes('Tapin'));
  assert.ok(!(await zone.isVisible()));
  await page.waitForFunction(() => (localStorage.getItem('pk:drafts') ?? '').includes('Tapin'));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('"Buka dari URL" opens an address; another site\'s refusal is explained in plain words', async () => {
  const { context: ctx, page, errors } = await isolated(browser);
  const openDialog = async () => {
    await page.getByRole('button', { name: /^Berkas/ }).click();
    await page.getByRole('menuitem', { name: 'Buka dari URL' }).click();
    return page.getByRole('dialog', { name: 'Buka dari URL' });
  };
  // Another origin (localhost instead of 127.0.0.1) that sends no CORS header.
  const other = new URL('examples/dinsos-2024.json', BASE_URL);
  other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  let dialog = await openDialog();
  await dialog.getByRole('textbox', { name: 'Alamat berkas JSON' }).fill(other.href);
  await dialog.getByRole('button', { name: 'Buka' }).click();
  const refused = dialog.getByRole('alert');
  await refused.waitFor();
  assert.match(await refused.textContent(), /tidak mengizinkan aplikasi ini membaca berkasnya.*Unduh berkas itu/);
  await dialog.getByRole('textbox', { name: 'Alamat berkas JSON' }).fill('examples/dinsos-2024.json');
  await dialog.getByRole('button', { name: 'Buka' }).click();
  await page.waitForFunction(() => document.title.startsWith('Pohon Kinerja Dinas Sosial') && location.search.includes('dinsos-2024'));
  assert.ok(!(await dialog.isVisible()), 'closed once opened');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a downloaded JSON opens again identically (dropped back in)', async () => {
  const { context: ctx, page } = await isolated(browser, '?src=examples/bengkulu-selatan-dinsos-2024.json');
  await page.waitForFunction(() => document.title.includes('Bengkulu'));
  const save = async () => {
    await page.getByRole('button', { name: /^Berkas/ }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Unduh JSON' }).click()]);
    return readFileSync(await file.path(), 'utf8');
  };
  const first = await save();
  await page.getByRole('button', { name: 'Contoh' }).click();
  await page.getByRole('button', { name: /Tapin/ }).click();
  await page.waitForFunction(() => document.title.includes('Tapin'));
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'bengkulu.json', { type: 'application/json' }));
    return d;
  }, first);
  await page.locator('.canvas').dispatchEvent('drop', { dataTransfer: dt });
  await page.waitForFunction(() => document.title.includes('Bengkulu'));
  assert.equal(await save(), first);
  await ctx.close();
});
