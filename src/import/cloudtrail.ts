/**
 * CloudTrail in its three shapes, streamed: S3 delivery files (`{"Records": […]}`, also `.json.gz`), `lookup-events`
 * output (`{"Events": [{"CloudTrailEvent": "<JSON text>"}]}`) and one event per line. Files are read one at a time;
 * a file above WHOLE_FILE_LIMIT (or a broken one) is scanned incrementally, each event parsed on its own, so a large
 * file is never held whole. Events are normalised into one mutable immutable-js List, so none is held twice. Events are
 * kept once per eventID (files may overlap) and sorted by time at the end when they arrived out of order.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { List } from 'immutable';
import type { CloudTrailEvent, Instant } from '../model/types.js';
import { JsonArrayScanner } from './json-array-scanner.js';
import { toModelEvent } from './cloudtrail-event.js';
import { importError, importWarning } from './problems.js';
import type { CloudTrailShape, ImportProblem } from './types.js';

/** Collects events from any number of files. */
export class ActivityCollector {
  private list = List<CloudTrailEvent>().asMutable();
  private readonly ids = new Set<string>();
  private last: Instant = '';
  private sorted = true;
  /** Records skipped by event type (AwsConsoleAction, AwsCloudTrailInsight, …), counted. */
  readonly skippedTypes = new Map<string, number>();
  duplicates = 0;
  readonly problems: ImportProblem[] = [];

  /** Adds one raw record; `where` names it in problems (`file` plus a line or element number). */
  add(raw: unknown, file: string, where: string): void {
    const r = toModelEvent(raw, `${file}#${where}`);
    if (!r.ok) {
      if (r.error.kind === 'skip') this.skippedTypes.set(r.error.eventType, (this.skippedTypes.get(r.error.eventType) ?? 0) + 1);
      else if (this.problems.length < 100) this.problems.push(importWarning(file, where, 'bad-event', `event skipped: ${r.error.reason}`, 'a CloudTrail event has eventTime, eventSource and eventName'));
      return;
    }
    const e = r.value;
    if (this.ids.has(e.eventID)) {
      this.duplicates++;
      return;
    }
    this.ids.add(e.eventID);
    if (e.eventTime < this.last) this.sorted = false;
    else this.last = e.eventTime;
    this.list.push(e);
  }

  /** Number of events kept so far. */
  get size(): number {
    return this.list.size;
  }

  /** The events in time order (stable, so equal times keep file order). */
  finish(): List<CloudTrailEvent> {
    const l = this.list.asImmutable();
    return this.sorted ? l : l.sortBy((e) => e.eventTime);
  }
}

function openText(file: string, gzip: boolean): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!gzip) return raw.setEncoding('utf8');
  const z = createGunzip();
  raw.on('error', (e) => z.destroy(e));
  return raw.pipe(z).setEncoding('utf8');
}

const ioMessage = (e: unknown): string => {
  const m = e instanceof Error ? e.message : String(e);
  return /unexpected end of file/i.test(m) ? 'the gzip data ends early (the file is truncated)' : m;
};

/** Files up to this size (on disk) are parsed whole, one at a time: faster, and still never more than one file in memory. */
export const WHOLE_FILE_LIMIT = 32 * 2 ** 20;

/** Parses a small array-shaped file whole; false when it is not valid JSON (the streaming path then salvages and reports). */
async function readWhole(file: string, display: string, shape: 'records' | 'lookup-events', gzip: boolean, into: ActivityCollector): Promise<boolean> {
  const bytes = await readFile(file);
  let data: unknown;
  try {
    data = JSON.parse((gzip ? gunzipSync(bytes) : bytes).toString('utf8'));
  } catch {
    return false;
  }
  const key = shape === 'records' ? 'Records' : 'Events';
  const list = (data as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) {
    let raw: unknown = list[i];
    if (shape === 'lookup-events') {
      const inner = (raw as Record<string, unknown> | null)?.['CloudTrailEvent'];
      try {
        raw = typeof inner === 'string' ? JSON.parse(inner) : inner;
      } catch {
        into.problems.push(importWarning(display, `/Events/${i}/CloudTrailEvent`, 'bad-event', `CloudTrailEvent of element ${i} is not valid JSON; skipped`));
        continue;
      }
    }
    into.add(raw, display, `/${key}/${i}`);
    list[i] = undefined;
  }
  return true;
}

/** Reads one CloudTrail file into the collector (`wholeFileLimit` 0 forces streaming). Returns how many events it held. */
export async function readCloudTrailFile(file: string, display: string, shape: CloudTrailShape, gzip: boolean, into: ActivityCollector, wholeFileLimit = WHOLE_FILE_LIMIT): Promise<number> {
  const before = into.size;
  if (shape !== 'json-lines') {
    try {
      const size = (await stat(file)).size;
      if (size <= (gzip ? wholeFileLimit / 8 : wholeFileLimit) && (await readWhole(file, display, shape, gzip, into))) return into.size - before;
    } catch {
      // unreadable or truncated gzip: the streaming path below reports it
    }
  }
  const stream = openText(file, gzip);
  try {
    if (shape === 'json-lines') {
      let line = 0;
      let lastBad: number | null = null;
      const rl = createInterface({ input: stream, crlfDelay: Infinity });
      for await (const text of rl) {
        line++;
        if (text.trim() === '') continue;
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          lastBad = line;
          if (into.problems.length < 100) into.problems.push(importWarning(display, `${display}:${line}`, 'bad-line', `line ${line} is not a JSON event; skipped`, 'each line must hold one complete CloudTrail event'));
          continue;
        }
        into.add(raw, display, `${display}:${line}`);
      }
      if (lastBad !== null && lastBad === line) into.problems.push(importWarning(display, `${display}:${line}`, 'truncated', `the last line (${line}) is cut short: the file looks truncated`, 'copy the file again'));
    } else {
      const scanner = new JsonArrayScanner(new Set([shape === 'records' ? 'Records' : 'Events']));
      let n = 0;
      for await (const chunk of stream) {
        for (const text of scanner.feed(chunk as string)) {
          n++;
          let raw: unknown;
          try {
            raw = JSON.parse(text);
          } catch (e) {
            into.problems.push(importWarning(display, `/${shape === 'records' ? 'Records' : 'Events'}/${n - 1}`, 'bad-event', `element ${n - 1} is not valid JSON (${ioMessage(e)}); skipped`));
            continue;
          }
          if (shape === 'lookup-events') {
            const inner = (raw as Record<string, unknown>)['CloudTrailEvent'];
            try {
              raw = typeof inner === 'string' ? JSON.parse(inner) : inner;
            } catch {
              into.problems.push(importWarning(display, `/Events/${n - 1}/CloudTrailEvent`, 'bad-event', `CloudTrailEvent of element ${n - 1} is not valid JSON; skipped`));
              continue;
            }
          }
          into.add(raw, display, `/${shape === 'records' ? 'Records' : 'Events'}/${n - 1}`);
        }
      }
      const end = scanner.end();
      if (!end.complete) {
        into.problems.push(importWarning(display, `/${shape === 'records' ? 'Records' : 'Events'}/${n}`, 'truncated', `the file ends early${end.insideElement ? ` inside element ${n}` : ''}: ${n} complete event(s) before it were imported`, 'copy the file again; an S3 download or a redirect was cut short'));
      }
    }
  } catch (e) {
    into.problems.push(importWarning(display, '', 'read', `reading stopped: ${ioMessage(e)}; ${into.size - before} event(s) before it were imported`, 'copy the file again'));
  }
  return into.size - before;
}
