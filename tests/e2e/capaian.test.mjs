// Capaian on the tree (issue 12): realisasi typed in the inspector gives
// each box a badge with its number, coloured by band, for the year chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, isolated, launch, panelOf, select } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const badge = (page, name) => page.getByRole('treeitem', { name }).locator('.badge');

test('realisasi for two indicators gives badges and colours for the selected year', async () => {
  const { context, page, errors } = await isolated(browser);
  const ss1 = /^Meningkatnya Penanganan PMKS/;
  const ss2 = /^Meningkatnya penanganan kemiskinan terpadu/;
  await select(page, ss1);
  await panelOf(page).getByLabel('Realisasi 2024', { exact: true }).fill('84');
  await select(page, ss2);
  await panelOf(page).getByLabel('Realisasi 2024', { exact: true }).fill('30');
  await panelOf(page).getByLabel('Realisasi 2025', { exact: true }).fill('65');
  await page.getByRole('button', { name: 'Tampilan' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Tampilkan capaian' }).click();
  // The latest year with realisasi: 2025, where only the second has one.
  await badge(page, ss2).waitFor();
  assert.equal(await badge(page, ss2).locator('text').textContent(), '100 %');
  assert.equal(await badge(page, ss1).count(), 0);
  assert.match(await badge(page, ss2).getAttribute('class'), /sangat-baik/);
  assert.match(await page.getByRole('treeitem', { name: ss2 }).getAttribute('class'), /cap-sangat-baik/);
  // 2024: 84 of 80 (105 %), 30 of 60 (50 %).
  await page.getByRole('button', { name: 'Tampilan' }).click();
  await page.getByRole('menuitemradio', { name: 'Tahun 2024' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.card .badge').length >= 2);
  assert.equal(await badge(page, ss1).locator('text').textContent(), '105 %');
  assert.equal(await badge(page, ss2).locator('text').textContent(), '50 %');
  assert.match(await badge(page, ss2).getAttribute('class'), /cukup/);
  assert.match(await badge(page, ss2).locator('title').textContent(), /Capaian 2024: 50 % \(cukup\)/);
  // Cards show the targets of the year whose capaian they show.
  assert.match(await page.getByRole('treeitem', { name: ss1 }).textContent(), /T2024: 80/);
  await page.screenshot({ path: join(SCREENSHOTS, 'capaian.png') });
  // The legend names the year and folds to that line; it covers no box.
  const legend = page.getByRole('complementary', { name: 'Capaian' });
  const covered = await page.$$eval('.card .card-bg', (boxes, l) => boxes.map((b) => b.getBoundingClientRect())
    .filter((b) => b.left < l.x + l.width && l.x < b.right && b.top < l.y + l.height && l.y < b.bottom).length,
  await legend.boundingBox());
  assert.equal(covered, 0, 'the legend covers a box');
  assert.match(await legend.textContent(), /Capaian tahun 2024.*≥ 100 % sangat baik/);
  await legend.getByText('Capaian tahun 2024').click();
  assert.equal(await legend.getByText('sangat baik').isVisible(), false, 'folded');
  await legend.getByText('Capaian tahun 2024').click();
  assert.equal(await legend.getByText('sangat baik').isVisible(), true);
  // A realisasi changed: the badge follows.
  await select(page, ss2);
  // An indicator's weight (for weighted averages) is typed the Indonesian way.
  await panelOf(page).getByText('Rincian indikator').first().click();
  const bobot = panelOf(page).getByLabel('Bobot (rata-rata berbobot)').first();
  await bobot.fill('1,5');
  await bobot.blur();
  assert.equal(await bobot.getAttribute('aria-invalid'), 'false');
  await bobot.fill('-2');
  await bobot.blur();
  assert.equal(await bobot.getAttribute('aria-invalid'), 'true');
  await bobot.fill('');
  await bobot.blur();
  await panelOf(page).getByLabel('Realisasi 2024', { exact: true }).fill('15');
  await page.waitForFunction(() => [...document.querySelectorAll('.card .badge text')].some((t) => t.textContent === '25 %'));
  assert.match(await badge(page, ss2).getAttribute('class'), /kurang/);
  // Colours off: the number stays, the tint goes.
  await page.getByRole('button', { name: 'Tampilan' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Warnai kotak menurut capaian' }).click();
  assert.doesNotMatch(await page.getByRole('treeitem', { name: ss2 }).getAttribute('class'), /cap-/);
  assert.equal(await badge(page, ss2).count(), 1);
  // The summary: bands per level, and the lagging box, which a click selects.
  await page.getByRole('button', { name: 'Ringkasan capaian…' }).click();
  const summary = page.getByRole('dialog', { name: 'Ringkasan capaian' });
  await summary.getByRole('row', { name: /Sasaran Strategis/ }).waitFor();
  const cells = await summary.getByRole('row', { name: /Sasaran Strategis/ }).getByRole('cell').allTextContents();
  assert.deepEqual(cells.slice(0, 4), ['1', '0', '0', '1'], 'sangat baik, baik, cukup, kurang');
  await page.screenshot({ path: join(SCREENSHOTS, 'capaian-summary.png') });
  await summary.getByRole('button', { name: /25 %.*Meningkatnya penanganan kemiskinan terpadu/ }).click();
  await summary.waitFor({ state: 'hidden' });
  assert.equal(await page.getByRole('treeitem', { name: ss2 }).getAttribute('aria-selected'), 'true');
  // The selected box's indicator chart, drawn and downloadable.
  await panelOf(page).getByRole('button', { name: 'Grafik', exact: true }).click();
  const charts = page.getByRole('dialog', { name: 'Grafik indikator' });
  const chart = charts.getByRole('img', { name: /Persentase RTS yang telah diintervensi/ });
  await chart.waitFor();
  assert.equal(await charts.locator('.dialog-sub').textContent(), 'Meningkatnya penanganan kemiskinan terpadu', 'names the box');
  const inked = await chart.evaluate((c) => {
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) ink++;
    return ink / (px.length / 4);
  });
  assert.ok(inked > 0.01, `chart drawn: ${inked}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'chart.png') });
  const [png] = await Promise.all([page.waitForEvent('download'), charts.getByRole('button', { name: 'Unduh PNG' }).click()]);
  assert.match(png.suggestedFilename(), /\.png$/);
  await charts.getByRole('button', { name: 'Tutup' }).click();
  // Bands set by the user: "cukup" from 20 % makes 25 % cukup.
  await page.getByRole('button', { name: 'Tampilan' }).click();
  await page.getByRole('menuitem', { name: 'Atur capaian…' }).click();
  const settings = page.getByRole('dialog', { name: 'Pengaturan capaian' });
  await settings.getByLabel('Cukup mulai (%)').fill('20');
  await settings.getByRole('button', { name: 'Terapkan' }).click();
  await page.waitForFunction(() => document.querySelector('.card.selected .badge')?.classList.contains('cukup'));
  assert.deepEqual(errors, []);
  await context.close();
});
