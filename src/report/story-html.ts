/**
 * `iamsim simulate FILE --format html`: the replay as one self-contained page for training and demos. A timeline
 * along the virtual clock (weekends shaded, scheduled windows drawn, each request a mark whose colour, shape and glyph
 * give its decision, missed expectations ringed and flagged), the story as a list of steps (check findings, remediation
 * diffs, failed expectations with expected vs actual), an explanation panel (deciding statement, every condition with
 * the request's values against the policy's) and a step-through mode on the arrow keys. Pure: a string from a replay.
 */
import type { ReplayResult, ScheduledEvent, StepEvent } from '../scenarios/replay-types.js';
import { esc, page } from './html.js';
import { explainDecision } from './story-explain.js';
import { STORY_CSS, STORY_JS } from './story-assets.js';
import { DAY_WIDTH, LANE_HEIGHT, layoutTimeline, type Mark, type TimelineDay } from './story-timeline.js';

/** How a step's mark looks: a shape class, a glyph and a word, so the decision never rests on colour alone. */
export function markStyle(e: StepEvent): { readonly cls: 'allow' | 'explicit' | 'implicit' | 'other'; readonly glyph: string; readonly word: string } {
  const effect = typeof e.data.effect === 'string' ? e.data.effect : undefined;
  if (effect === 'Allow') return { cls: 'allow', glyph: '✓', word: 'Allow' };
  if (effect === 'ExplicitDeny') return { cls: 'explicit', glyph: '✕', word: 'Explicit deny' };
  if (effect === 'ImplicitDeny') return { cls: 'implicit', glyph: '–', word: 'Implicit deny' };
  if (e.kind === 'sign-in') {
    const ok = e.data.outcome === 'success' || e.data.outcome === 'ok';
    return { cls: ok ? 'allow' : 'explicit', glyph: ok ? '✓' : '✕', word: `sign-in ${String(e.data.outcome ?? '')}`.trim() };
  }
  const letters: Record<string, string> = { check: 'C', remediate: 'R', assert: 'A', operation: 'O', activity: '…' };
  return { cls: 'other', glyph: letters[e.kind] ?? '•', word: e.kind };
}

const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function markHtml(m: Mark): string {
  const e = m.step;
  const s = markStyle(e);
  const missed = e.status === 'fail';
  const expect = e.expectations.map((x) => `${x.what}: expected ${x.expected}, got ${x.actual}${x.met ? '' : ' (MISSED)'}`).join('; ');
  const label = `${e.local} ${e.title}: ${s.word}${missed ? ' (expectation missed)' : ''}${expect ? ` [${expect}]` : ''}`;
  return `<button type="button" class="mark ${s.cls}${missed ? ' missed' : ''}" data-step="${e.index}" style="left:${((m.minute / 1440) * 100).toFixed(3)}%;top:${m.lane * LANE_HEIGHT + 3}px" title="${esc(label)}" aria-label="${esc(label)}"><span class="g" aria-hidden="true">${s.glyph}</span></button>`;
}

function dayHtml(d: TimelineDay, height: number): string {
  if (d.kind === 'gap') {
    return `<div class="gap" style="width:${DAY_WIDTH.gap}px;height:${height + 20}px" title="${esc(`${d.from} to ${d.to}: nothing but ${d.scheduledCount} scheduled operations`)}">… ${d.days} days${d.scheduledCount ? `<br>${d.scheduledCount} scheduled` : ''} …</div>`;
  }
  const hours = d.kind === 'key' ? [6, 12, 18].map((h) => `<span class="hour" style="left:${(h / 24) * 100}%">${h}h</span>`).join('') : '';
  const first = d.scheduled[0];
  const last = d.scheduled[d.scheduled.length - 1];
  const window =
    first !== undefined && last !== undefined && last > first
      ? `<div class="window" style="left:${((first / 1440) * 100).toFixed(3)}%;width:${(((last - first) / 1440) * 100).toFixed(3)}%" title="${esc(`scheduled window ${hhmm(first)}–${hhmm(last)}: ${d.scheduledTitles.join('; ')}`)}">${d.kind === 'key' ? `<span>${hhmm(first)}–${hhmm(last)}</span>` : ''}</div>`
      : '';
  const ticks = d.scheduled.map((m) => `<i class="tick${d.scheduleFailed ? ' failed' : ''}" style="left:${((m / 1440) * 100).toFixed(3)}%" title="scheduled ${hhmm(m)}"></i>`).join('');
  return `<div class="day ${d.kind}${d.weekend ? ' weekend' : ''}" style="width:${DAY_WIDTH[d.kind]}px" data-date="${d.date}"><div class="dh">${esc(d.weekday)} ${esc(d.kind === 'key' ? d.date : d.date.slice(5))}</div><div class="track" style="height:${height}px">${hours}${window}${ticks}${d.marks.map(markHtml).join('')}</div></div>`;
}

function diffLine(l: string): string {
  const cls = l.startsWith('+') ? 'add' : l.startsWith('-') ? 'del' : l.startsWith('~') ? 'chg' : '';
  return `<div class="${cls}">${esc(l)}</div>`;
}

type FindingRow = { readonly check?: unknown; readonly severity?: unknown; readonly resource?: unknown; readonly message?: unknown };

function stepBody(e: StepEvent): string {
  const parts: string[] = [];
  if (e.expectations.length > 0) {
    parts.push(`<ul class="exp">${e.expectations.map((x) => `<li class="${x.met ? 'ok' : 'no'}">${x.met ? '✓' : '✗ MISSED:'} ${esc(x.what)}: expected <code>${esc(x.expected)}</code>, got <code>${esc(x.actual)}</code></li>`).join('')}</ul>`);
  }
  if (e.kind === 'check') {
    const findings = Array.isArray(e.data.findings) ? (e.data.findings as FindingRow[]) : [];
    parts.push(
      findings.length
        ? `<ul class="findings" aria-label="findings">${findings.map((f) => `<li><span class="sev sev-${esc(String(f.severity))}">${esc(String(f.severity))}</span> <strong>${esc(String(f.check))}</strong> ${esc(String(f.resource))}: ${esc(String(f.message))}</li>`).join('')}</ul>`
        : '<p class="muted">No findings.</p>',
    );
  } else if (e.kind === 'remediate') {
    const diff = Array.isArray(e.data.diff) ? (e.data.diff as unknown[]).map(String) : e.details.map((d) => `+ ${d}`);
    parts.push(`<div class="diff" aria-label="changes to the account">${diff.length ? diff.map(diffLine).join('') : '<div>(no change)</div>'}</div>`);
  } else if (e.details.length > 0 && e.kind !== 'note') {
    parts.push(`<ul class="findings">${e.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>`);
  }
  return parts.join('');
}

function stepHtml(e: StepEvent): string {
  const s = markStyle(e);
  const marked = e.kind === 'request' || e.kind === 'assume-role';
  const note = e.kind === 'note' ? (typeof e.data.text === 'string' ? e.data.text : e.result) : '';
  const status = e.status === 'pass' ? '<span class="status pass">✓ met</span>' : e.status === 'fail' ? '<span class="status fail">✗ expectation missed</span>' : '';
  const explanation = e.decision !== undefined ? `<div class="explain-src">${explainDecision(e.decision, e.result)}</div>` : '';
  const glyph = marked ? `<span class="mark ${s.cls}" style="position:relative;display:inline-flex;margin:0 6px 0 12px;transform:${s.cls === 'implicit' ? 'rotate(45deg) scale(.7)' : 'scale(.8)'}" aria-hidden="true"><span class="g">${s.glyph}</span></span>` : '';
  const title = e.kind === 'note' ? esc(note) : esc(e.title);
  const button = e.decision !== undefined ? `<button type="button" class="explain-btn" data-step="${e.index}">Explain ${esc(s.word.toLowerCase())}</button>` : '';
  return `<li class="step kind-${e.kind} ${e.status}" id="step-${e.index}" data-step="${e.index}"${note ? ` data-note="${esc(note)}"` : ''}><div class="when">${esc(e.local)} · line ${e.line} · ${esc(e.kind)} ${status}</div><div class="title">${title}</div>${
    e.kind === 'note' ? '<div class="res" hidden></div>' : `<div class="res">${glyph}${marked ? `<strong>${esc(s.word)}</strong> · ` : ''}${esc(e.result)}</div>`
  }${stepBody(e)}${button}${explanation}</li>`;
}

function scheduledRun(run: readonly ScheduledEvent[]): string {
  const first = run[0];
  const last = run[run.length - 1];
  if (first === undefined || last === undefined) return '';
  const failed = run.filter((e) => !e.ok);
  const text = run.length === 1 ? `${first.local} scheduled: ${first.title} (schedule: ${first.every})` : `${run.length} scheduled operations from ${first.local} to ${last.local}`;
  return `<li class="sched muted">${esc(text)}${failed.length ? ` <strong class="status fail">${failed.length} failed: ${esc(failed.map((f) => `${f.local} ${f.title}: ${f.result}`).join('; '))}</strong>` : ''}</li>`;
}

/** The story page of one replay, as a complete HTML document. */
export function renderStoryHtml(r: ReplayResult): string {
  const t = layoutTimeline(r);
  const height = t.lanes * LANE_HEIGHT + 12;
  const items: string[] = [];
  let pending: ScheduledEvent[] = [];
  for (const e of r.events) {
    if (e.type === 'scheduled') {
      pending.push(e);
      continue;
    }
    if (pending.length) items.push(scheduledRun(pending));
    pending = [];
    items.push(stepHtml(e));
  }
  if (pending.length) items.push(scheduledRun(pending));
  const s = r.scenario;
  const sum = r.summary;
  const legend = `<div class="legend" aria-label="legend"><span><span class="mark allow"><span class="g">✓</span></span>Allow (circle)</span><span><span class="mark explicit"><span class="g">✕</span></span>Explicit deny (square)</span><span><span class="mark implicit"><span class="g">–</span></span>Implicit deny (diamond)</span><span><span class="mark other"><span class="g">C</span></span>check · R remediate · A assert · O operation</span><span><span class="mark other missed"><span class="g">!</span></span>expectation missed</span><span><span class="window" style="position:static;display:inline-block;width:22px;height:12px;vertical-align:middle"></span> scheduled window</span><span style="background:var(--weekend);padding:0 6px">weekend</span><button type="button" id="start">Step through (→)</button></div>`;
  const body = `<header><h1>${esc(s.name)}</h1><div class="muted">${esc(s.description)}</div><div class="muted">${esc(s.file)} · seed ${esc(s.seed)} · times in ${esc(s.timezone)} · ${esc(s.start)} → ${esc(s.end)}</div><div class="summary" id="summary"><span class="badge ${sum.ok ? 'ok' : 'bad'}">${sum.ok ? '✓ every expectation met' : `✗ ${sum.failed} expectation${sum.failed === 1 ? '' : 's'} missed`}</span><span class="badge">${sum.met}/${sum.expectations} expectations met</span><span class="badge">${sum.steps} steps</span><span class="badge">${sum.scheduled} scheduled operations${sum.scheduleErrors ? `, ${sum.scheduleErrors} failed` : ''}</span></div></header>
${legend}
<section id="timeline" aria-label="timeline along the virtual clock"><div class="days">${t.days.map((d) => dayHtml(d, height)).join('')}</div></section>
<div class="layout"><ol id="steps" aria-label="the story, step by step">${items.join('\n')}</ol><aside id="panel" aria-live="polite"><h3>Explanation</h3><p class="muted">Click a mark on the timeline or “Explain” on a request to see the statement that decided it and each condition with the request's values against the policy's. Press → to step through.</p></aside></div>
<div id="stage" hidden role="dialog" aria-label="step-through"><div class="count"></div><div class="narration"></div><div class="sub"></div><div class="keys">← → step · Esc close</div></div>`;
  return page({ title: `${s.name} · iamsim`, css: STORY_CSS, body, script: STORY_JS });
}
