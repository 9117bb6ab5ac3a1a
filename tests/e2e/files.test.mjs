// Opening a file from disk and downloading the open document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, open } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('Unduh JSON downloads the open document exactly as the file format writes it', async () => {
  const { page } = await open(browser);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Berkas/ }).click().then(() => page.getByRole('menuitem', { name: 'Unduh JSON' }).click())]);
  assert.equal(download.suggestedFilename(), 'contoh-pohon-kinerja-dinas-sosial.json');
  const text = readFileSync(await download.path(), 'utf8');
  assert.equal(text + '\n', readFileSync(join(ROOT, 'core/src/sample.json'), 'utf8'));
  await page.close();
});

test('Buka berkas opens a file from disk', async () => {
  const { page, errors } = await open(browser, '?src=examples/tapin-dinsos-iku-2020.json');
  await page.getByRole('treeitem', { name: /^Meningkatnya Peran Potensi/ }).waitFor();
  await page.getByLabel('Buka berkas').setInputFiles(join(ROOT, 'public/examples/dinsos-2024.json'));
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 15);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Pohon Kinerja Dinas Sosial 2024');
  // The address no longer claims the tree came from ?src=.
  assert.equal(new URL(page.url()).searchParams.get('src'), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a broken file is refused with where and why; the open tree stays', async () => {
  const { page } = await open(browser, '?lang=en');
  const broken = '{\n  "format": "pohon-kinerja",\n  "version": 1,\n  "document": {"nodes": [\n    {"id": "a", "level": "tujuan_pd"},\n    {"id": "b", "parent": "zz", "level": "tujuan_pd"}\n  ]}\n}\n';
  await page.getByLabel('Open file').setInputFiles({ name: 'rusak.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /The document could not be opened \(rusak\.json\)/);
  assert.match(text, /box "b" names parent "zz", which does not exist \(document\.nodes\[1\]\.parent\)/);
  assert.equal(await page.getByRole('treeitem').count(), 8);
  await page.close();
});
