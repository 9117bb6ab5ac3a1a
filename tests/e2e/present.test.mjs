// Presentation mode (issue 12): the tree walked box by box by keyboard and
// by a clicker (PageDown), each step on a projector-sized screen saved as a
// picture; Escape gives back the editor as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, isolated, launch } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const bar = (page) => page.getByRole('region', { name: 'Presentasi' });
const count = async (page) => (await bar(page).getByRole('status').textContent()).match(/^(\d+) \/ (\d+)/).slice(1).map(Number);
const selectedName = (page) => page.locator('[role=treeitem][aria-selected=true]').getAttribute('aria-label');

// The glide lasts 300 ms; a step is done when the view stops moving.
async function settled(page) {
  await page.waitForFunction(() => new Promise((done) => {
    const at = () => document.querySelector('.tree-layer, svg g[transform]')?.getAttribute('transform');
    const first = document.querySelector('[role=treeitem][aria-selected=true]')?.getBoundingClientRect();
    setTimeout(() => {
      const again = document.querySelector('[role=treeitem][aria-selected=true]')?.getBoundingClientRect();
      done(!!first && !!again && first.x === again.x && first.y === again.y && at() !== undefined);
    }, 120);
  }));
}

test('three steps by keyboard and by PageDown, a picture of each; Escape restores the editor', async () => {
  const { context, page, errors } = await isolated(browser);
  const start = /^Meningkatnya Penanganan PMKS/;
  await page.getByRole('treeitem', { name: start }).click();
  const before = { zoom: await page.locator('.zoom-level').textContent(), box: await page.getByRole('treeitem', { name: start }).boundingBox() };

  await page.getByRole('button', { name: 'Presentasi' }).click();
  await bar(page).waitFor();
  await settled(page);
  assert.ok(await page.locator('.app.presenting').count(), 'toolbar and panel hidden');
  assert.equal(await page.getByRole('toolbar').isVisible(), false);
  const [first, total] = await count(page);
  assert.equal(first, 1);
  assert.ok(total > 5);
  assert.match(await selectedName(page), /^Terwujudnya Pembangunan Manusia/, 'starts at the root');

  const steps = [['ArrowDown', 2], ['PageDown', 3], ['PageDown', 4]];
  for (const [key, want] of steps) {
    await page.keyboard.press(key);
    await settled(page);
    assert.equal((await count(page))[0], want, `${key} → step ${want}`);
    await page.screenshot({ path: join(SCREENSHOTS, `present-step-${want}.png`) });
  }
  // The path to the root is highlighted; the box is large on screen.
  const onPath = await page.locator('.card.on-path').count();
  assert.ok(onPath >= 3, `path highlighted: ${onPath}`);
  const box = await page.locator('[role=treeitem][aria-selected=true]').boundingBox();
  assert.ok(box.width > 300, `the box reads large: ${box.width}px wide`);
  // Up to the parent, across to a sibling.
  await page.keyboard.press('ArrowUp');
  await settled(page);
  assert.equal((await count(page))[0], 3);
  // Jump by search: / opens the search, Enter goes to the first box found.
  await page.keyboard.press('/');
  const search = bar(page).getByRole('searchbox', { name: 'Lompat ke kotak… (Enter)' });
  await search.waitFor();
  await search.fill('kemiskinan terpadu');
  await search.press('Enter');
  await settled(page);
  assert.match(await selectedName(page), /^Meningkatnya penanganan kemiskinan terpadu/, 'jumped to the box found');
  assert.equal(await search.count(), 0, 'the search closes');
  assert.ok((await count(page))[0] > 3);
  // C dims all but crosscutting boxes, L all but lagging ones; again undoes.
  const app = page.locator('.app');
  await page.keyboard.press('c');
  assert.match(await app.getAttribute('class'), /dim-but-crosscutting/);
  await page.keyboard.press('l');
  assert.match(await app.getAttribute('class'), /dim-but-lagging/);
  assert.doesNotMatch(await app.getAttribute('class'), /dim-but-crosscutting/);
  await page.keyboard.press('l');
  assert.doesNotMatch(await app.getAttribute('class'), /dim-but/);
  // D toggles the details on the cards.
  const lines = async () => page.locator('[role=treeitem][aria-selected=true] text').count();
  const detailed = await lines();
  await page.keyboard.press('d');
  await page.waitForFunction((n) => document.querySelectorAll('[role=treeitem][aria-selected=true] text').length < n, detailed);
  await page.keyboard.press('d');
  await page.waitForFunction((n) => document.querySelectorAll('[role=treeitem][aria-selected=true] text').length === n, detailed);
  // Overview, then leave.
  await page.keyboard.press('o');
  await page.keyboard.press('Escape');
  await page.getByRole('toolbar').waitFor();
  assert.equal(await bar(page).count(), 0);
  assert.match(await selectedName(page), start);
  assert.equal(await page.locator('.zoom-level').textContent(), before.zoom);
  const after = await page.getByRole('treeitem', { name: start }).boundingBox();
  assert.ok(Math.abs(after.x - before.box.x) < 2 && Math.abs(after.y - before.box.y) < 2, 'the same view');
  assert.deepEqual(errors, []);
  await context.close();
});
