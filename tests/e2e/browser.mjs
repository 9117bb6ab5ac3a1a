// Shared set-up for the end-to-end tests: Debian's Chromium, headless, offline.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Opens `path` (relative to BASE_URL) in a 1366×768 page (`options` add to
 * or replace Playwright's page options, e.g. `{ hasTouch: true }`) and
 * collects console errors and page errors.
 */
export async function open(browser, path = '', options = {}) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, ...options });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(new URL(path, BASE_URL).href);
  await page.getByRole('tree').waitFor();
  return { page, errors };
}

/** Card boxes and whether each card's text stays inside it, measured by the browser. */
export async function cardGeometry(page) {
  return page.$$eval('.card[role=treeitem]', (cards) => cards.map((g) => {
    const box = g.querySelector('.card-bg').getBoundingClientRect();
    const spills = [...g.querySelectorAll(':scope > text, :scope > .marks > .band-label')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
    }).map((t) => t.textContent);
    return { name: g.getAttribute('aria-label'), box: { x: box.x, y: box.y, w: box.width, h: box.height }, spills };
  }));
}

export function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * A context of its own (its own storage) with one 1366×768 page on the app,
 * localStorage emptied and the first draft stored: a first visit.
 */
export async function fresh(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(BASE_URL);
  await page.getByRole('tree').waitFor();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('tree').waitFor();
  await page.waitForFunction(() => localStorage.getItem('pk:drafts') !== null);
  return { context, page, errors };
}

/**
 * A context of its own (its own storage, downloads allowed) with one page on
 * `path` (relative to BASE_URL) in a `size` window, the tree shown; page
 * errors collected.
 */
export async function isolated(browser, path = '', size = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(path, BASE_URL).href);
  await page.getByRole('tree').waitFor();
  return { context, page, errors };
}

/** The side panel, where the selected box (or the document) is edited. */
export const panelOf = (page) => page.getByRole('complementary', { name: 'Panel rincian' });

/** Clicks the box named `name` and waits for its details in the side panel. */
export async function select(page, name) {
  await page.getByRole('treeitem', { name }).click();
  await panelOf(page).locator('#node-details').waitFor();
}
