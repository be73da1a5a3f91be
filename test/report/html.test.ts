/** The HTML builders without a browser: self-contained pages, timeline layout, explanations, audit sections. */
import { describe, expect, it } from 'vitest';
import type { CheckRun } from '../../src/checks/finding.js';
import { ALL_CHECKS } from '../../src/checks/registry.js';
import { summarizeAccount } from '../../src/checks/universe/access-summary.js';
import { decideRaw } from '../../src/checks/universe/decide-raw.js';
import { REAL_CATALOG } from '../../src/checks/universe/real-catalog.js';
import { renderAuditHtml } from '../../src/report/audit-html.js';
import { esc, scriptJson } from '../../src/report/html.js';
import { decisionReason } from '../../src/explain/decision-reason.js';
import { markStyle, renderStoryHtml } from '../../src/report/story-html.js';
import { layoutTimeline } from '../../src/report/story-timeline.js';
import type { StepEvent } from '../../src/scenarios/replay-types.js';
import { auditOf, contractorWithMiss, replayed, SCENARIO_FILES } from './fixtures.js';

/** Every URL-bearing attribute or CSS url() in a page, which would be a network request when opened. */
const external = (html: string): string[] => [...html.matchAll(/(?:src|href)="(?!#)([^"]+)"|url\(([^)]+)\)|@import/g)].map((m) => m[0]).filter((u) => !u.includes('rel="noreferrer"'));

describe('escaping', () => {
  it('escapes markup and keeps script JSON from closing its element', () => {
    expect(esc(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(scriptJson({ a: '</script><b>&' })).not.toMatch(/<|>|&/);
    expect(JSON.parse(scriptJson({ a: '</script>\u2028' }))).toEqual({ a: '</script>\u2028' });
  });
});

describe('renderStoryHtml', () => {
  const r = replayed('scenarios/contractor.yaml');
  const html = renderStoryHtml(r);

  it('is one self-contained document: inline CSS and JS, a CSP with no network source, no external URL', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('default-src &#39;none&#39;');
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src="http/);
    expect(external(html)).toEqual([]);
    expect(html).toContain('@media print');
  });

  it('is deterministic', () => {
    expect(renderStoryHtml(replayed('scenarios/contractor.yaml'))).toBe(html);
  });

  it('has a step per step event and a mark per request, each with its decision in words', () => {
    const steps = r.events.filter((e): e is StepEvent => e.type === 'step');
    expect(html.match(/<li class="step /g)).toHaveLength(steps.length);
    const requests = steps.filter((e) => e.kind === 'request');
    for (const e of requests) {
      const mark = new RegExp(`<button type="button" class="mark (allow|explicit|implicit)" data-step="${e.index}"[^>]*aria-label="([^"]*)"`).exec(html);
      expect(mark, e.title).not.toBeNull();
      expect(mark![2]).toContain(markStyle(e).word);
    }
  });

  it('marks differ by shape class and glyph, not colour alone', () => {
    const kinds = new Set(r.events.filter((e): e is StepEvent => e.type === 'step' && e.kind === 'request').map((e) => `${markStyle(e).cls}:${markStyle(e).glyph}`));
    expect(kinds).toEqual(new Set(['allow:✓', 'implicit:–', 'explicit:✕']));
  });

  it('the timeline shows weekends, fills short gaps, folds long ones and draws the 09:00–17:30 window', () => {
    const t = layoutTimeline(r);
    const days = t.days.filter((d) => d.kind !== 'gap');
    expect(days.find((d) => d.date === '2026-03-07')).toMatchObject({ weekday: 'Sat', weekend: true, kind: 'key' });
    expect(days.find((d) => d.date === '2026-03-08')).toMatchObject({ weekday: 'Sun', weekend: true, kind: 'fill' });
    expect(t.days.some((d) => d.kind === 'gap' && d.days > 6)).toBe(true);
    const monday = days.find((d) => d.date === '2026-03-02');
    expect(monday?.scheduled).toEqual([9 * 60, 17 * 60 + 30]);
    expect(html).toContain('09:00–17:30');
    for (const d of t.days) {
      if (d.kind === 'gap') continue;
      const byLane = new Map<number, number[]>();
      for (const m of d.marks) byLane.set(m.lane, [...(byLane.get(m.lane) ?? []), m.minute]);
      for (const minutes of byLane.values()) expect(new Set(minutes).size).toBe(minutes.length);
    }
  });

  it('explains the café request by its failed IpAddress condition, with both values', () => {
    const cafe = r.events.find((e): e is StepEvent => e.type === 'step' && e.title.includes('198.51.100.7'))!;
    expect(decisionReason(cafe.decision!, 's3:GetObject')).toBe('ImplicitDeny: AcmePartnerDrop/PartnerDrop would allow it, but IpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24');
    expect(cafe.result).toBe(decisionReason(cafe.decision!, 's3:GetObject'));
    const li = new RegExp(`<li class="step kind-request pass" id="step-${cafe.index}"[\\s\\S]*?</li></ol>`).exec(html)?.[0] ?? '';
    expect(li).toContain('<tr class="cond-no"><td><code>IpAddress</code></td><td><code>aws:SourceIp</code></td><td><code>198.51.100.7</code></td><td><code>203.0.113.0/24</code></td><td>✗ false</td></tr>');
  });

  it('check steps list findings and remediation steps a diff', () => {
    expect(html).toMatch(/<ul class="findings" aria-label="findings"><li><span class="sev sev-high">high<\/span> <strong>sensitive-access-conditions<\/strong> sam:/);
    expect(html).toMatch(/<div class="diff" aria-label="changes to the account"><div class="add">\+ users\.sam\.inlinePolicies[.[]"?iamsim-sensitive-access-guard/);
  });

  it('a missed expectation is flagged on its mark, its step and the summary', () => {
    const miss = renderStoryHtml(contractorWithMiss());
    expect(miss.match(/class="mark implicit missed"/g)).toHaveLength(1);
    expect(miss).toContain('✗ MISSED: effect: expected <code>Allow</code>, got <code>ImplicitDeny</code>');
    expect(miss).toContain('✗ 1 expectation missed');
  });

  for (const file of SCENARIO_FILES) {
    it(`${file}: renders with every step and no external URL`, () => {
      const rr = replayed(file);
      const page = renderStoryHtml(rr);
      expect(page.match(/<li class="step /g)).toHaveLength(rr.summary.steps);
      expect(external(page)).toEqual([]);
    });
  }
});

describe('renderAuditHtml', () => {
  const file = 'scenarios/practice-07-review.yaml';
  const run = auditOf(file);
  const account = replayed(file).account;
  const review = summarizeAccount(account, decideRaw, REAL_CATALOG);
  const html = renderAuditHtml({ run, file, now: '2026-06-01T09:00:00Z', failOn: 'low', checks: ALL_CHECKS.map((c) => c.meta), review });

  it('summarises by practice and severity, with totals that add up', () => {
    const open = run.findings.filter((f) => !f.suppressed);
    const foot = /<tfoot><tr><th>All practices<\/th>((?:<th class="n">\d+<\/th>)+)<\/tr><\/tfoot>/.exec(html)![1]!.match(/\d+/g)!.map(Number);
    expect(foot.slice(0, 4)).toEqual((['critical', 'high', 'medium', 'low'] as const).map((s) => open.filter((f) => f.severity === s).length));
    expect(foot[4]).toBe(open.length);
    expect(html).toContain('<section class="practice" id="practice-7">');
  });

  it('groups every finding under its practice with references and remediation', () => {
    expect(html.match(/<div class="finding /g)?.length ?? 0).toBe(run.findings.length);
    for (const f of run.findings) {
      const section = new RegExp(`<section class="practice" id="practice-${f.practice}">[\\s\\S]*?</section>`).exec(html)![0];
      expect(section).toContain(esc(f.message));
      const meta = ALL_CHECKS.find((c) => c.meta.id === f.checkId)!.meta;
      for (const ref of meta.references) expect(section).toContain(esc(ref));
    }
  });

  it('the access-level review is a console-style table per principal', () => {
    expect(review.length).toBeGreaterThan(0);
    expect(html.match(/<div class="principal">/g)).toHaveLength(review.length);
    expect(html).toContain('<th>Service</th><th>Access level</th><th>Resource</th><th>Request condition</th>');
    expect(external(html).filter((u) => !u.startsWith('href="https://'))).toEqual([]);
  });

  it('marks suppressed findings and lists checks not evaluated and check errors', () => {
    const f0 = run.findings[0]!;
    const r2: CheckRun = { ...run, findings: [{ ...f0, suppressed: { reason: 'accepted risk', by: 'suppressions[0]' } }], errors: [{ checkId: 'x-check', message: 'boom' }], notEvaluated: [{ checkId: 'y-check', reason: 'disabled', detail: 'disabled in the config file' }] };
    const h = renderAuditHtml({ run: r2, file, now: 'n', failOn: 'low', checks: ALL_CHECKS.map((c) => c.meta), review: [] });
    expect(h).toContain('finding sv-');
    expect(h).toMatch(/class="finding sv-\w+ suppressed"/);
    expect(h).toContain('<strong>Suppressed</strong>: accepted risk');
    expect(h).toContain('Checks not evaluated');
    expect(h).toContain('<strong>x-check</strong>: boom');
    expect(h).not.toContain('access-review');
  });
});
