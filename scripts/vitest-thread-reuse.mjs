// Keeps vitest's test thread alive from one StrykerJS mutant to the next.
//
// Why: Stryker's vitest runner calls `vitest.start()` once per mutant, and
// vitest 4 ends every run by terminating its worker thread. The next mutant
// then pays for a new thread, vitest's runtime and every dependency again:
// about 0.4 s before the first test, on tests that take 0.05 s. Over ~12,000
// mutants that fixed cost was most of a run.
//
// How: loaded by vitest.mutation.config.ts (the main process, where vitest's
// pool lives) before any worker exists, it replaces `Worker` of
// node:worker_threads, for vitest's threads entry point only, with a stand-in
// that hands out one real thread again and again:
//   - "stop" is answered here ("stopped") and terminate() parks the thread
//     (unref'd) instead of killing it; a thread parked for a second ends, so
//     vitest can close;
//   - on a parked thread the next "start" is answered here too ("started"):
//     the thread keeps the environment and RPC channel of its first start, and
//     the fresh serialized config of the new start (Stryker changes the test
//     name filter and bail between mutants) rides along on every "run";
//   - every "run" invalidates every module under src/, so no module-level
//     cache (compiled policies, catalog indexes, memos) computed under one
//     mutant is seen by the next. Dependencies in node_modules are loaded once
//     per thread, which is where the time went. So are the two data loaders in
//     DATA_ONLY: they import nothing but node: modules, so nothing a mutant
//     changes can reach what they cache.
// Everything else (messages, errors, exit, stdout and stderr) passes through.
// A thread that exits is never reused. Only `npm run mutation` loads this.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { EventEmitter } from 'node:events';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const threads = require('node:worker_threads');
const RealWorker = threads.Worker;
const VITEST_ENTRY = /[\\/]vitest[\\/]dist[\\/]workers[\\/]threads\.js$/;

/** Source files kept loaded between runs: they read data files and import only node: modules (types aside). */
const DATA_ONLY = ['src/model/aws-managed.ts', 'src/model/action-catalog.ts'].map((f) => resolve(f).replaceAll('\\', '/'));

/** Every .ts file under src/ of the directory vitest runs in (Stryker's sandbox), as module ids, but DATA_ONLY. */
function sourceFiles(dir = resolve('src')) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    const id = p.replaceAll('\\', '/');
    return id.endsWith('.ts') && !DATA_ONLY.includes(id) ? [id] : [];
  });
}
let sources;

/** How long a parked thread waits for the next mutant before it ends. */
const IDLE_MS = 1_000;

/** Parked threads by entry point, arguments and environment. */
const parked = new Map();

/** One real thread, shared by the stand-ins vitest creates for it one after another. */
class Shared {
  constructor(entry, options) {
    this.thread = new RealWorker(entry, options);
    this.owner = null;
    this.started = false;
    this.exited = false;
    this.thread.on('message', (m) => this.owner?.emit('message', m));
    this.thread.on('error', (e) => this.owner?.emit('error', e));
    this.thread.on('exit', (code) => {
      this.exited = true;
      for (const list of parked.values()) {
        const i = list.indexOf(this);
        if (i !== -1) list.splice(i, 1);
      }
      this.owner?.emit('exit', code);
    });
  }
}

class ReusedWorker extends EventEmitter {
  constructor(entry, options = {}) {
    super();
    if (!VITEST_ENTRY.test(String(entry))) return new RealWorker(entry, options);
    this.key = JSON.stringify([String(entry), options.execArgv ?? [], options.env ?? null, options.argv ?? []]);
    const list = parked.get(this.key) ?? [];
    parked.set(this.key, list);
    this.shared = list.pop() ?? new Shared(entry, options);
    clearTimeout(this.shared.idle);
    this.shared.owner = this;
    this.shared.thread.ref();
    this.config = undefined;
  }

  get stdout() { return this.shared.thread.stdout; }
  get stderr() { return this.shared.thread.stderr; }
  get threadId() { return this.shared.thread.threadId; }
  ref() { this.shared.thread.ref(); }
  unref() { this.shared.thread.unref(); }

  postMessage(message, transfer) {
    const s = this.shared;
    if (message?.__vitest_worker_request__ === true) {
      if (message.type === 'start') {
        this.config = message.context?.config;
        if (s.started) {
          setImmediate(() => this.emit('message', { type: 'started', __vitest_worker_response__: true }));
          return;
        }
        s.started = true;
      } else if (message.type === 'stop') {
        setImmediate(() => this.emit('message', { type: 'stopped', __vitest_worker_response__: true }));
        return;
      } else if (message.type === 'run' || message.type === 'collect') {
        sources ??= sourceFiles();
        const context = message.context ?? {};
        message = {
          ...message,
          context: { ...context, ...(this.config !== undefined ? { config: this.config } : {}), invalidates: [...(context.invalidates ?? []), ...sources] },
        };
      }
    }
    s.thread.postMessage(message, transfer);
  }

  async terminate() {
    const s = this.shared;
    if (s.owner === this) s.owner = null;
    if (!s.exited) {
      s.thread.unref();
      parked.get(this.key)?.push(s);
      // Mutants follow one another within milliseconds; a thread parked this long means vitest is closing, and vitest
      // waits for every thread to end before it exits.
      s.idle = setTimeout(() => {
        const list = parked.get(this.key) ?? [];
        if (list.includes(s)) {
          list.splice(list.indexOf(s), 1);
          void s.thread.terminate();
        }
      }, IDLE_MS);
      s.idle.unref();
    }
    return 0;
  }
}

threads.Worker = ReusedWorker;
syncBuiltinESMExports();
