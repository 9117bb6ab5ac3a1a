// Pictures (issue 10): SVG that parses and holds every statement, PNG at
// the tree's size × scale and not blank, and a refusal (not a blank image)
// past the browser's canvas limits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, SCREENSHOTS, isolated, launch } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openDialog(page) {
  await page.getByRole('button', { name: /^Berkas/ }).click();
  await page.getByRole('menuitem', { name: 'Ekspor gambar…' }).click();
  return page.getByRole('dialog', { name: 'Ekspor gambar' });
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('SVG parses as XML and holds every statement; PNG is the tree at 2× and not blank', async () => {
  const { context: ctx, page, errors } = await isolated(browser);
  const statements = await page.$$eval('[role=treeitem]', (items) => items.map((i) => i.getAttribute('aria-label').split(', ')[0]));
  const dialog = await openDialog(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'dialog-picture.png') });
  const svg = await download(page, dialog.getByRole('button', { name: 'Unduh SVG' }));
  assert.match(svg.name, /\.svg$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    const lines = [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ').replace(/\s+/g, ' ');
    const root = doc.documentElement;
    return { error: error?.textContent ?? null, lines, width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
  }, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, null);
  for (const s of statements) assert.ok(parsed.lines.includes(s.replace(/\s+/g, ' ')), `missing: ${s}`);
  assert.doesNotMatch(svg.bytes.toString('utf8'), /class=|<style/, 'styles are inline');

  const png = await download(page, dialog.getByRole('button', { name: 'Unduh PNG' }));
  assert.match(png.name, /\.png$/);
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  const [w, h] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
  assert.deepEqual([w, h], [Math.ceil(parsed.width * 2), Math.ceil(parsed.height * 2)]);
  const inked = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
    return ink / (px.length / 4);
  }, png.bytes.toString('base64'));
  assert.ok(inked > 0.02, `PNG nearly blank: ${inked}`);
  // Copied as PNG, for pasting into Word or a chat.
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  await dialog.getByRole('button', { name: 'Salin PNG' }).click();
  await dialog.getByRole('status').filter({ hasText: 'Gambar disalin' }).waitFor();
  const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
  assert.deepEqual(types, ['image/png']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a branch alone, and a PNG past the canvas limits is refused with a suggestion', async () => {
  const { context: ctx, page, errors } = await isolated(browser, '?src=examples/bengkulu-selatan-dinsos-2024.json');
  await page.waitForFunction(() => document.title.includes('Bengkulu'));
  // Rows per level make this tree very wide.
  await page.getByRole('button', { name: 'Tampilan' }).click();
  await page.getByRole('menuitemradio', { name: 'Berjenjang' }).click();
  let dialog = await openDialog(page);
  await dialog.getByRole('radio', { name: '4×' }).check();
  await dialog.getByRole('button', { name: 'Unduh PNG' }).click();
  const refused = dialog.getByRole('alert');
  await refused.waitFor();
  assert.match(await refused.textContent(), /terlalu besar.*ekspor satu cabang/);
  await page.keyboard.press('Escape');
  // One branch: fewer boxes than the whole.
  await page.getByRole('treeitem', { name: /^Meningkatnya kemandirian PPKS dan PSKS/ }).click();
  dialog = await openDialog(page);
  await dialog.getByRole('radio', { name: 'Cabang kotak terpilih' }).check();
  const svg = await download(page, dialog.getByRole('button', { name: 'Unduh SVG' }));
  const boxes = (svg.bytes.toString('utf8').match(/<g transform/g) ?? []).length;
  assert.ok(boxes > 1 && boxes < 29, `${boxes} boxes`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
