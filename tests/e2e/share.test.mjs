// Share links (issue 10): the whole document in the URL fragment, opened
// read-only in another browser, kept as a draft only when asked; damaged
// links say what is wrong and open nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, SCREENSHOTS, isolated, launch } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = 'payakumbuh-dinsos-2023-2028.json';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The open document, as "Unduh JSON" downloads it. */
async function downloaded(page) {
  await page.getByRole('button', { name: /^Berkas/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Unduh JSON' }).click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')).document;
}

test('a share link opens the same tree read-only elsewhere; "Simpan sebagai draf" keeps it', async () => {
  const sender = await isolated(browser, `?src=examples/${FILE}`);
  await sender.page.waitForFunction(() => document.title.includes('Payakumbuh'));
  const picked = sender.page.getByRole('treeitem', { name: /^Meningkatnya kualitas PSKS/ });
  await picked.click();
  await sender.page.getByRole('button', { name: 'Bagikan' }).click();
  const dialog = sender.page.getByRole('dialog', { name: 'Bagikan tautan' });
  const field = dialog.getByRole('textbox');
  await sender.page.waitForFunction(() => document.querySelector('.share-link')?.value.includes('#pk1.'));
  const link = await field.inputValue();
  assert.ok(link.startsWith(new URL(BASE_URL).origin), link.slice(0, 60));
  const fragment = link.split('#')[1];
  assert.match(await dialog.locator('.share-length').textContent(), new RegExp(`${fragment.length + 1 > 999 ? '\\d' : ''}.*karakter`));
  await sender.page.screenshot({ path: join(SCREENSHOTS, 'dialog-share.png') });
  await dialog.getByRole('button', { name: 'Salin tautan' }).click();
  await dialog.getByText('Tautan disalin.').waitFor();
  await sender.context.close();

  // Another browser: nothing stored there, the link alone. First cut short
  // (as a chat program might): it says so and opens nothing; then whole.
  const receiver = await isolated(browser, `#${fragment.slice(0, Math.floor(fragment.length / 2))}`);
  const { page } = receiver;
  await page.getByRole('alert').filter({ hasText: 'Tautan tidak dapat dibuka' }).waitFor();
  assert.equal(await page.getByRole('status').filter({ hasText: 'Dibuka dari tautan bersama' }).count(), 0);
  await page.goto(`${new URL(BASE_URL).href}#${fragment}`);
  await page.getByRole('status').filter({ hasText: 'Dibuka dari tautan bersama' }).waitFor();
  await page.waitForFunction(() => document.title.includes('Payakumbuh'));
  // Where the sender was looking: the same box selected.
  await page.waitForFunction(() => document.querySelector('[role=treeitem][aria-selected=true]'));
  assert.match(await page.locator('[role=treeitem][aria-selected=true]').getAttribute('aria-label'), /^Meningkatnya kualitas PSKS/);
  // Read-only: typing in place is refused with a reason; no draft is stored.
  await page.locator('[role=treeitem][aria-selected=true]').focus();
  await page.keyboard.press('F2');
  await page.getByRole('alert').filter({ hasText: 'hanya dapat dibaca' }).waitFor();
  assert.ok(!((await page.evaluate(() => localStorage.getItem('pk:drafts'))) ?? '').includes('Payakumbuh'));
  // Kept as a draft: editable, stored, and the link leaves the address bar.
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await page.waitForFunction(() => (localStorage.getItem('pk:drafts') ?? '').includes('Payakumbuh'));
  assert.equal(new URL(page.url()).hash, '');
  // Every box, indicator and value arrived: the document equals the file.
  const original = JSON.parse(readFileSync(join(ROOT, 'public/examples', FILE), 'utf8')).document;
  assert.deepEqual(await downloaded(page), original);
  assert.deepEqual(receiver.errors, []);
  await receiver.context.close();
});

test('a damaged, cut or foreign link says what is wrong and opens nothing', async () => {
  const { context: ctx, page, errors } = await isolated(browser);
  const before = await page.title();
  for (const [hash, why] of [
    ['#pk1.', /rusak atau terpotong/],
    ['#pk1.AAAA!!', /rusak pada karakter ke-9/],
    // Deflated JSON, not our payload: a foreign link.
    ['#pk1.q1YqSs1NrdSxVKpWMjIwMDQAAA', /tidak memuat dokumen/],
  ]) {
    await page.goto(new URL(hash, BASE_URL).href);
    await page.reload();
    await page.getByRole('tree').waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'Tautan tidak dapat dibuka' });
    await alert.waitFor();
    assert.match(await alert.textContent(), why);
    assert.equal(await page.getByRole('status').filter({ hasText: 'Dibuka dari tautan bersama' }).count(), 0);
  }
  assert.equal(await page.title(), before, 'the open document stays');
  assert.deepEqual(errors, []);
  await ctx.close();
});
