// Opening documents: the examples gallery, ?src=, and bad files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, open, cardGeometry, overlaps, SCREENSHOTS, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const EXAMPLES = [
  ['Dinas Sosial Kota Payakumbuh 2023–2028', 'payakumbuh-dinsos-2023-2028.json', 25],
  ['Dinas Sosial Provinsi Sumatera Barat 2023', 'sumbar-dinsos-iku-2023.json', 4],
  ['Dinas Sosial 2024', 'dinsos-2024.json', 15],
  ['Dinas Sosial Kabupaten Bengkulu Selatan 2024', 'bengkulu-selatan-dinsos-2024.json', 29],
  ['Dinas Sosial Kabupaten Tapin 2020', 'tapin-dinsos-iku-2020.json', 4],
];

test('the Contoh gallery opens every bundled example', async () => {
  const { page, errors } = await open(browser);
  for (const [title, file, nodes] of EXAMPLES) {
    await page.getByRole('button', { name: 'Contoh' }).click();
    await page.getByRole('region', { name: /Contoh pohon kinerja/ }).getByRole('button', { name: new RegExp(`^${title}`) }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[role=treeitem]').length === n, nodes);
    assert.equal(new URL(page.url()).searchParams.get('src'), `examples/${file}`);
    assert.equal(await page.getByRole('alert').count(), 0);
    const cards = await cardGeometry(page);
    for (const c of cards) assert.deepEqual(c.spills, [], `${file}: text spills out of "${c.name}"`);
    for (let i = 0; i < cards.length; i++) {
      for (let j = i + 1; j < cards.length; j++) {
        assert.ok(!overlaps(cards[i].box, cards[j].box), `${file}: "${cards[i].name}" overlaps "${cards[j].name}"`);
      }
    }
    await page.screenshot({ path: join(SCREENSHOTS, file.replace('.json', '.png')) });
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('?src= opens a file by relative and by absolute URL', async () => {
  for (const src of ['examples/tapin-dinsos-iku-2020.json', new URL('examples/tapin-dinsos-iku-2020.json', BASE_URL).href]) {
    const { page } = await open(browser, `?src=${encodeURIComponent(src)}`);
    await page.getByRole('treeitem', { name: /^Meningkatnya Peran Potensi Sumber Kesejahteraan Sosial/ }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Indikator Kinerja Utama Dinas Sosial Kabupaten Tapin Tahun 2020');
    await page.close();
  }
});

test('a bad ?src= shows an alert and leaves the open tree as it was', async () => {
  const cases = [
    ['examples/does-not-exist.json', /HTTP 404/],
    ['schema/pohon-kinerja.v1.json', /bukan berkas pohon kinerja/],
    ['index.html', /JSON tidak valid pada baris 1, kolom 1/],
  ];
  for (const [src, message] of cases) {
    const { page } = await open(browser, `?src=${encodeURIComponent(src)}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    assert.match(await alert.textContent(), /Dokumen tidak dapat dibuka/);
    // The sample is still there, untouched.
    assert.equal(await page.getByRole('treeitem').count(), 8);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Contoh Pohon Kinerja Dinas Sosial');
    await alert.getByRole('button', { name: 'Tutup' }).click();
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.close();
  }
});

test('the JSON Schema is published with the app', async () => {
  const { page } = await open(browser);
  const schema = await page.evaluate(async () => (await fetch('schema/pohon-kinerja.v1.json')).json());
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  await page.close();
});
