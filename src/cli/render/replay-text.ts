/**
 * A replay as a story for people: a line per step with ✓ or ✗ against its expectation, narration set apart,
 * scheduled operations shown as they fire (long runs folded), and with `explain` each decision's trace. Colour
 * only when asked (the CLI asks on a TTY without NO_COLOR). Deterministic: nothing here reads a clock.
 */
import type { ReplayEvent, ReplayResult, ScheduledEvent, StepEvent } from '../../scenarios/replay-types.js';
import { renderDecision } from './decision-text.js';

/** How to render a replay. */
export interface ReplayTextOptions {
  readonly color?: boolean;
  readonly explain?: boolean;
  /** Scheduled operations shown one by one between two steps before the rest are folded into a count. */
  readonly scheduleLines?: number;
}

const WIDTH = 100;

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

/** Renders a replay as text. */
export function renderReplayText(r: ReplayResult, opts: ReplayTextOptions = {}): string {
  const c = opts.color === true;
  const paint = (code: string, s: string): string => (c ? `\u001b[${code}m${s}\u001b[0m` : s);
  const green = (s: string): string => paint('32', s);
  const red = (s: string): string => paint('31', s);
  const dim = (s: string): string => paint('2', s);
  const bold = (s: string): string => paint('1', s);
  const cyan = (s: string): string => paint('36', s);
  const keep = opts.scheduleLines ?? 4;
  const lines: string[] = [];
  const s = r.scenario;
  lines.push(bold(s.name));
  for (const l of wrap(s.description, WIDTH - 2)) lines.push(`  ${l}`);
  lines.push(dim(`  ${s.file} · seed ${s.seed} · times in ${s.timezone}`));

  let day = '';
  const dayHeader = (local: string): void => {
    const d = local.slice(0, 14);
    if (d !== day) {
      day = d;
      lines.push('', bold(`── ${d} ${'─'.repeat(Math.max(0, 40 - d.length))}`));
    }
  };
  const time = (local: string): string => local.slice(15);
  const scheduled = (e: ScheduledEvent): void => {
    dayHeader(e.local);
    lines.push(`  ${time(e.local)}  ${dim('⏲')}  ${dim(`${e.title}  (schedule: ${e.every})`)}${e.ok ? '' : `  ${red(`failed: ${e.result}`)}`}`);
  };
  const flush = (pending: ScheduledEvent[]): void => {
    if (pending.length > keep) {
      const folded = pending.slice(0, pending.length - 2);
      const failed = folded.filter((e) => !e.ok).length;
      lines.push('', dim(`  ⏲  ${folded.length} scheduled operations ran from ${folded[0]!.local} to ${folded[folded.length - 1]!.local}${failed ? '' : ', all done'}`));
      if (failed) lines.push(red(`     ${failed} of them failed: ${folded.filter((e) => !e.ok).map((e) => `${e.local} ${e.title}: ${e.result}`).slice(0, 3).join('; ')}`));
      day = '';
      pending.slice(-2).forEach(scheduled);
    } else pending.forEach(scheduled);
  };
  const step = (e: StepEvent): void => {
    dayHeader(e.local);
    const t = time(e.local);
    if (e.kind === 'note') {
      wrap(e.result, WIDTH - 12).forEach((l, i) => lines.push(`  ${i === 0 ? t : '     '}  ${cyan(i === 0 ? '»' : ' ')}  ${cyan(l)}`));
      return;
    }
    if (e.kind === 'at' || e.kind === 'advance') {
      lines.push(`  ${t}  ${dim('…')}  ${dim(e.title)}`);
      return;
    }
    const mark = e.status === 'pass' ? green('✓') : e.status === 'fail' ? red('✗') : '·';
    lines.push(`  ${t}  ${mark}  ${e.title}`);
    const failed = e.expectations.filter((x) => !x.met);
    const resultLine = `→ ${e.result}`;
    lines.push(`          ${e.status === 'fail' ? red(resultLine) : resultLine}`);
    for (const x of failed) lines.push(`          ${red(`expected ${x.what} ${x.expected}, got ${x.actual}`)}`);
    for (const d of e.details) lines.push(`          ${dim('·')} ${d}`);
    if (opts.explain === true && e.decision !== undefined) {
      lines.push(renderDecision(e.decision, { explain: true, color: c, indent: '          ' }).trimEnd());
    }
  };
  let pending: ScheduledEvent[] = [];
  for (const e of r.events as readonly ReplayEvent[]) {
    if (e.type === 'scheduled') {
      pending.push(e);
      continue;
    }
    flush(pending);
    pending = [];
    step(e);
  }
  flush(pending);

  const sum = r.summary;
  lines.push('');
  const fails = r.events.filter((e): e is StepEvent => e.type === 'step' && e.status === 'fail');
  for (const f of fails) lines.push(red(`✗ ${s.file}:${f.line}: ${f.title}: ${f.expectations.filter((x) => !x.met).map((x) => `expected ${x.what} ${x.expected}, got ${x.actual}`).join('; ')}`));
  const verdict = sum.ok ? green(bold('PASS')) : red(bold('FAIL'));
  lines.push(`${verdict}  ${sum.met} of ${sum.expectations} expectations met · ${sum.steps} steps · ${sum.scheduled} scheduled operations${sum.scheduleErrors ? ` (${sum.scheduleErrors} failed)` : ''}`);
  return `${lines.join('\n')}\n`;
}
