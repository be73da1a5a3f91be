/** A replay as JSON for machines, in the shape schemas/replay-result.schema.json documents (`format: iamsim-replay/1`). */
import type { ReplayResult } from '../../scenarios/replay-types.js';
import { decisionToJson } from './decision-json.js';

/** The format tag of replay JSON. */
export const REPLAY_FORMAT = 'iamsim-replay/1';

/** The JSON form of a replay. With `explain`, request steps carry their decision with its trace. */
export function replayToJson(r: ReplayResult, opts: { readonly explain?: boolean } = {}): Record<string, unknown> {
  return {
    format: REPLAY_FORMAT,
    scenario: r.scenario,
    summary: r.summary,
    events: r.events.map((e) => {
      if (e.type === 'scheduled') return e;
      const { decision, ...rest } = e;
      return opts.explain === true && decision !== undefined ? { ...rest, decision: decisionToJson(decision, { trace: true }) } : rest;
    }),
  };
}
