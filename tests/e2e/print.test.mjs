// Printing (issue 10): paper and orientation, pages tiled with the scale and
// a page map, a header and a page number on every page, no app chrome in
// print, and vector PDF pages of the paper chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SCREENSHOTS, launch } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('A3 landscape tiled 2 × 2: header and page number on each page, no app chrome, PDF pages of A3', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('?src=examples/payakumbuh-dinsos-2023-2028.json', BASE_URL).href);
  await page.waitForFunction(() => document.title.includes('Payakumbuh'));
  // The browser's own print window is not part of the test.
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  await page.getByRole('button', { name: /^Berkas/ }).click();
  await page.getByRole('menuitem', { name: 'Cetak / PDF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cetak atau simpan sebagai PDF' });
  await dialog.getByRole('combobox', { name: 'Kertas' }).selectOption('A3');
  await dialog.getByRole('radio', { name: 'Mendatar' }).check();
  await dialog.getByRole('radio', { name: 'Dibagi ke beberapa halaman' }).check();
  await dialog.getByRole('spinbutton', { name: 'Kolom' }).fill('2');
  await dialog.getByRole('spinbutton', { name: 'Baris' }).fill('2');
  const summary = await dialog.locator('.print-summary').textContent();
  const [, scale, count] = summary.match(/Skala (\d+) % · (\d+) halaman/);
  assert.ok(Number(scale) > 0 && Number(count) >= 2 && Number(count) <= 4, summary);
  assert.ok(await dialog.getByRole('img', { name: 'Peta halaman' }).isVisible());
  await page.screenshot({ path: join(SCREENSHOTS, 'dialog-print.png') });
  await dialog.getByRole('button', { name: 'Cetak' }).click();
  await page.waitForFunction(() => window.printed === 1);

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1587, height: 1123 });
  assert.ok(!(await page.getByRole('toolbar').isVisible()), 'no toolbar in print');
  assert.ok(!(await page.getByRole('tree').isVisible()), 'no app canvas in print');
  const pages = page.locator('.page');
  assert.equal(await pages.count(), Number(count));
  for (let k = 0; k < Number(count); k++) {
    assert.match(await pages.nth(k).locator('.page-header').textContent(), /Dinas Sosial · Kota Payakumbuh · .*Periode 2023–2028 · Nomor \(01\)/);
    assert.match(await pages.nth(k).locator('.page-footer').textContent(), new RegExp(`Halaman ${k + 1} dari ${count} \\(baris \\d, kolom \\d\\)`));
  }
  await pages.first().screenshot({ path: join(SCREENSHOTS, 'print-a3-page1.png') });
  // Chromium's "Save as PDF": one vector page per page, A3 landscape (1190.55 × 841.89 pt).
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, Number(count));
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box && Math.abs(Number(box[1]) - 1190.55) < 2 && Math.abs(Number(box[2]) - 841.89) < 2, box?.[0]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('one branch per page on F4 portrait: a page per box under the root', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  await page.goto(new URL('?src=examples/dinsos-2024.json', BASE_URL).href);
  await page.waitForFunction(() => document.title.includes('Dinas Sosial'));
  const rootChildren = await page.$$eval('[role=treeitem][aria-level="2"]', (items) => items.length);
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await page.getByRole('button', { name: /^Berkas/ }).click();
  await page.getByRole('menuitem', { name: 'Cetak / PDF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cetak atau simpan sebagai PDF' });
  await dialog.getByRole('combobox', { name: 'Kertas' }).selectOption('F4');
  await dialog.getByRole('radio', { name: 'Tegak' }).check();
  await dialog.getByRole('radio', { name: 'Satu cabang per halaman' }).check();
  assert.match(await dialog.locator('.print-summary').textContent(), new RegExp(`· ${rootChildren} halaman`));
  await dialog.getByRole('button', { name: 'Cetak' }).click();
  await page.waitForFunction(() => window.printed);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.page').count(), rootChildren);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  // F4 portrait: 215 × 330 mm = 609.45 × 935.43 pt.
  assert.ok(box && Math.abs(Number(box[1]) - 609.45) < 2 && Math.abs(Number(box[2]) - 935.43) < 2, box?.[0]);
  await ctx.close();
});
