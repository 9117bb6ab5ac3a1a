// The app shell: header, toolbar, canvas, side panel, language, screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, open, cardGeometry, overlaps, SCREENSHOTS } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('opens in Indonesian with the sample tree', async () => {
  const { page, errors } = await open(browser);
  assert.equal(await page.getAttribute('html', 'lang'), 'id');
  assert.equal(await page.locator('.app-name').textContent(), 'Pohon Kinerja');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Contoh Pohon Kinerja Dinas Sosial');
  assert.ok(await page.getByRole('toolbar', { name: 'Bilah alat' }).isVisible());
  assert.ok(await page.getByRole('complementary', { name: 'Panel rincian' }).isVisible());
  assert.equal(await page.getByRole('treeitem').count(), 8);
  assert.ok(await page.getByRole('treeitem', { name: /^Meningkatnya kemandirian PMKS, Tujuan Perangkat Daerah$/ }).isVisible());
  assert.deepEqual(errors, []);
  await page.close();
});

test('?lang=en switches the interface to English, and the link switches back', async () => {
  const { page, errors } = await open(browser, '?lang=en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok(await page.getByRole('heading', { name: 'Details' }).isVisible());
  await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
  await page.getByRole('heading', { name: 'Rincian' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('selecting a card shows its details in the side panel', async () => {
  const { page } = await open(browser);
  const card = page.getByRole('treeitem', { name: /^Meningkatnya Rehabilitasi Sosial bagi PMKS/ });
  await card.click();
  assert.equal(await card.getAttribute('aria-selected'), 'true');
  const panel = page.getByRole('complementary');
  await panel.getByText('Persentase PMKS yang mendapat bantuan permakanaan').waitFor();
  assert.equal(await panel.getByLabel('Penanggung jawab', { exact: true }).inputValue(), 'Bidang Rehabilitasi Sosial');
  await page.close();
});

test('cards are readable: no overlap, no text outside its card; screenshot saved', async () => {
  const { page } = await open(browser);
  const cards = await cardGeometry(page);
  assert.equal(cards.length, 8);
  for (const c of cards) assert.deepEqual(c.spills, [], `text spills out of "${c.name}"`);
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      assert.ok(!overlaps(cards[i].box, cards[j].box), `"${cards[i].name}" overlaps "${cards[j].name}"`);
    }
  }
  // Projector-readable: the statement text is at least 11 CSS px tall on a 1366x768 screen.
  const px = await page.$eval('.kondisi', (t) => t.getBoundingClientRect().height);
  assert.ok(px >= 11, `kondisi text is ${px}px tall`);
  await page.screenshot({ path: join(SCREENSHOTS, 'app.png') });
  await page.close();
});
