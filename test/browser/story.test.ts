/**
 * The HTML reports in a real browser (headless Chromium via playwright-core): the contractor story loads without a
 * console error or a network request, clicking the café request explains the failed IpAddress aws:SourceIp condition,
 * the arrow keys step through with the narration on screen, a missed expectation stands out, printing hides the
 * controls; the screenshot is a non-empty PNG (saved as docs/screenshot-story.png for the README). The audit page of
 * a generated 500-user account loads with its summary, findings and access-level review. Skipped, loudly, without Chromium.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/checks/registry.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { summarizeAccount } from '../../src/checks/universe/access-summary.js';
import { decideRaw } from '../../src/checks/universe/decide-raw.js';
import { REAL_CATALOG } from '../../src/checks/universe/real-catalog.js';
import { generate } from '../../src/generate/index.js';
import { renderAuditHtml } from '../../src/report/audit-html.js';
import { renderStoryHtml } from '../../src/report/story-html.js';
import { contractorWithMiss, replayed } from '../report/fixtures.js';
import { chromiumMissing, launchChromium } from './chromium.js';

/** The page's getComputedStyle (the test tsconfig has no DOM lib). */
declare const getComputedStyle: (n: unknown) => { fontSize: string; outlineStyle: string };

const missing = chromiumMissing();
if (missing !== undefined) console.warn(`\n*** browser tests SKIPPED: ${missing} ***\n`);

const dir = mkdtempSync(join(tmpdir(), 'iamsim-report-'));
const write = (name: string, html: string): string => {
  const p = join(dir, name);
  writeFileSync(p, html);
  return pathToFileURL(p).href;
};

/** Opens a page and records console errors, page errors and every request that is not the file itself. */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests };
}

describe.skipIf(missing !== undefined)('HTML reports in Chromium', { timeout: 180_000 }, () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe('the contractor story', () => {
    const r = replayed('scenarios/contractor.yaml');
    const cafe = r.events.find((e) => e.type === 'step' && e.kind === 'request' && e.title.includes('198.51.100.7'));
    const url = write('story.html', renderStoryHtml(r));

    it('loads with no console error and no network request', async () => {
      const { page, problems, requests } = await open(browser.context, url);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.locator('.mark').count()).toBeGreaterThan(20);
      expect(await page.locator('.day.weekend').count()).toBeGreaterThan(0);
      expect(await page.locator('.window').count()).toBeGreaterThan(0);
      await page.close();
    });

    it('clicking the denied café request explains the IpAddress aws:SourceIp condition', async () => {
      expect(cafe?.type === 'step' && cafe.data.effect).toBe('ImplicitDeny');
      const { page, problems } = await open(browser.context, url);
      const mark = page.locator(`#timeline .mark[data-step="${cafe?.type === 'step' ? cafe.index : -1}"]`);
      expect(await mark.getAttribute('aria-label')).toContain('Implicit deny');
      await mark.click();
      const panel = page.locator('#panel');
      await expect.poll(() => panel.getAttribute('data-step')).toBe(String(cafe?.type === 'step' ? cafe.index : -1));
      const reason = await panel.locator('.reason').innerText();
      expect(reason).toContain('AcmePartnerDrop/PartnerDrop');
      expect(reason).toContain('IpAddress aws:SourceIp');
      const failed = panel.locator('tr.cond-no');
      expect(await failed.count()).toBe(1);
      const cells = await failed.locator('td').allInnerTexts();
      expect(cells.slice(0, 4)).toEqual(['IpAddress', 'aws:SourceIp', '198.51.100.7', '203.0.113.0/24']);
      expect(await panel.locator('tr.cond-ok td').first().innerText()).toBe('DateLessThan');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('the arrow keys step through with the note large on screen', async () => {
      const { page, problems } = await open(browser.context, url);
      const stage = page.locator('#stage');
      expect(await stage.isVisible()).toBe(false);
      const steps = r.events.filter((e) => e.type === 'step');
      await page.keyboard.press('ArrowRight');
      expect(await stage.isVisible()).toBe(true);
      expect(await stage.locator('.narration').innerText()).toBe(steps[0]!.type === 'step' ? String(steps[0]!.data.text) : '');
      expect(await stage.locator('.count').innerText()).toContain(`Step 1 of ${steps.length}`);
      const size = await stage.locator('.narration').evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
      expect(size).toBeGreaterThanOrEqual(24);
      await page.keyboard.press('ArrowRight');
      expect(await stage.locator('.narration').innerText()).toBe(steps[1]!.title);
      expect(await stage.locator('.count').innerText()).toContain('Step 2 of');
      await page.keyboard.press('ArrowLeft');
      expect(await stage.locator('.count').innerText()).toContain('Step 1 of');
      await page.keyboard.press('End');
      expect(await stage.locator('.count').innerText()).toContain(`Step ${steps.length} of ${steps.length}`);
      await page.keyboard.press('Escape');
      expect(await stage.isVisible()).toBe(false);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('takes a non-empty PNG screenshot (docs/screenshot-story.png)', async () => {
      const { page } = await open(browser.context, url);
      const png = await page.screenshot({ fullPage: false });
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBe(1400);
      expect(png.readUInt32BE(20)).toBe(900);
      expect(png.length).toBeGreaterThan(20_000);
      writeFileSync(join(dir, 'screenshot-story.png'), png);
      if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync('docs/screenshot-story.png')) writeFileSync('docs/screenshot-story.png', png);
      expect(readFileSync('docs/screenshot-story.png').subarray(1, 4).toString()).toBe('PNG');
      await page.close();
    });

    it('prints without the panel and controls, with every explanation inline', async () => {
      const { page } = await open(browser.context, url);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#panel').isVisible()).toBe(false);
      expect(await page.locator('#start').isVisible()).toBe(false);
      expect(await page.locator('.explain-src').first().isVisible()).toBe(true);
      await page.close();
    });

    it('a missed expectation stands out on the timeline and in the story', async () => {
      const { page, problems } = await open(browser.context, write('story-miss.html', renderStoryHtml(contractorWithMiss())));
      expect(await page.locator('#timeline .mark.missed').count()).toBe(1);
      const missed = page.locator('#timeline .mark.missed');
      expect(await missed.getAttribute('aria-label')).toContain('expectation missed');
      const outline = await missed.evaluate((n) => getComputedStyle(n).outlineStyle);
      expect(outline).toBe('solid');
      expect(await page.locator('#summary').innerText()).toContain('1 expectation missed');
      expect(await page.locator('#panel').getAttribute('data-step')).toBe(await missed.getAttribute('data-step'));
      expect(problems).toEqual([]);
      await page.close();
    });

    it('a remediation step shows its change as a diff, a check step its findings', async () => {
      const { page } = await open(browser.context, url);
      const diff = page.locator('li.kind-remediate .diff').first();
      expect(await diff.innerText()).toMatch(/^\+ .*iamsim-sensitive-access-guard/m);
      expect(await page.locator('li.kind-check .findings').first().innerText()).toContain('sensitive-access-conditions');
      await page.close();
    });
  });

  it('the audit page of a generated 500-user account', async () => {
    const g = generate({ users: 500, seed: 'report-browser', violations: 'all' });
    if (!g.ok) throw new Error(g.error.map((e) => e.message).join('; '));
    const { account, now } = g.value;
    const run = runChecks(account, { now });
    const review = summarizeAccount(account, decideRaw, REAL_CATALOG);
    const html = renderAuditHtml({ run, file: 'generated-500.json', now, failOn: 'low', checks: ALL_CHECKS.map((c) => c.meta), review });
    const { page, problems, requests } = await open(browser.context, write('audit.html', html));
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(run.findings.length).toBeGreaterThan(0);
    expect(await page.locator('.finding').count()).toBe(run.findings.length);
    const foot = await page.locator('#summary tfoot th').allInnerTexts();
    expect(Number(foot[5])).toBe(run.findings.filter((f) => !f.suppressed).length);
    expect(await page.locator('#access-review .principal').count()).toBe(review.length);
    expect(review.length).toBeGreaterThanOrEqual(500);
    expect(await page.locator('#access-review table').first().locator('th').allInnerTexts()).toEqual(['Service', 'Access level', 'Resource', 'Request condition']);
    await page.close();
  });
});
