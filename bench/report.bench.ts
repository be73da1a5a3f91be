/**
 * HTML report render time in headless Chromium: from navigation to the first frame painted after `load` (two
 * animation frames), for the contractor story and for the audit page of a generated 500-user account (100 with
 * --quick), median of 5 loads each. The baseline is an empty HTML page loaded the same way in the same run, so the
 * ratio shows what the report itself costs. Target: under 2 s per page. Skipped with a message without Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from '../test/browser/chromium.js';
import { ALL_CHECKS } from '../src/checks/registry.js';
import { runChecks } from '../src/checks/run-checks.js';
import { summarizeAccount } from '../src/checks/universe/access-summary.js';
import { decideRaw } from '../src/checks/universe/decide-raw.js';
import { REAL_CATALOG } from '../src/checks/universe/real-catalog.js';
import { generate } from '../src/generate/index.js';
import { renderAuditHtml } from '../src/report/audit-html.js';
import { renderStoryHtml } from '../src/report/story-html.js';
import { loadScenarioFile } from '../src/scenarios/load-file.js';
import { replay } from '../src/scenarios/replay.js';
import type { BenchContext } from './harness.js';

const RUNS = 5;
const TARGET_MS = 2000;

/** Milliseconds from navigation start to the second animation frame after `load`. */
async function loadToRendered(page: Page, url: string): Promise<number> {
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return performance.now() - t0;
}

async function median(page: Page, url: string): Promise<number> {
  await loadToRendered(page, 'about:blank');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await loadToRendered(page, url));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export default async function reportBench(ctx: BenchContext): Promise<void> {
  const missing = chromiumMissing();
  if (missing !== undefined) {
    process.stdout.write(`report       SKIPPED: ${missing}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'iamsim-report-bench-'));
  const file = (name: string, html: string): { url: string; kb: number } => {
    writeFileSync(join(dir, name), html);
    return { url: pathToFileURL(join(dir, name)).href, kb: Buffer.byteLength(html) / 1024 };
  };
  const loaded = loadScenarioFile('scenarios/contractor.yaml');
  if (!loaded.ok) throw new Error('contractor.yaml does not load');
  const story = file('story.html', renderStoryHtml(replay(loaded.value, { explain: true })));
  const users = ctx.quick ? 100 : 500;
  const g = generate({ users, seed: 'report-bench', violations: 'all' });
  if (!g.ok) throw new Error(g.error.map((e) => e.message).join('; '));
  const run = runChecks(g.value.account, { now: g.value.now });
  const review = summarizeAccount(g.value.account, decideRaw, REAL_CATALOG);
  const audit = file('audit.html', renderAuditHtml({ run, file: `generated-${users}.json`, now: g.value.now, failOn: 'low', checks: ALL_CHECKS.map((c) => c.meta), review }));
  const empty = file('empty.html', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>empty</title></head><body></body></html>');
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const base = await median(page, empty.url);
    ctx.report({ suite: 'report', name: 'empty HTML page, load to rendered (baseline)', value: base, unit: 'ms' });
    const rows: [string, { url: string; kb: number }][] = [
      [`contractor story (${Math.round(story.kb)} KB), load to rendered`, story],
      [`audit of ${users} users (${Math.round(audit.kb)} KB, ${run.findings.length} findings), load to rendered`, audit],
    ];
    for (const [name, f] of rows) {
      const ms = await median(page, f.url);
      ctx.report({ suite: 'report', name, value: ms, unit: 'ms', baseline: 'empty HTML page', ratio: ms / base, target: `< ${TARGET_MS} ms`, met: ms < TARGET_MS });
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
