/**
 * A key for "the same policies judged for the same kind of principal": principals that share their documents
 * (the common case: users who get everything through the same groups) get the same answers from the universe, so
 * per-principal results can be memoised. Principal attributes (name, ARN, tags) are part of the key only when a
 * document mentions them (a policy variable or a condition on aws:username, aws:PrincipalTag/…, …).
 */
import type { ContextValue, PolicyDocument } from '../../evaluator/types.js';
import type { PrincipalPolicies } from './principal-policies.js';

const ids = new WeakMap<object, number>();
const byContent = new Map<string, number>();
let nextId = 1;
const mentions = new WeakMap<object, string>();

/** A stable number for an object (evaluators, catalogs) for use in memo keys: by identity. */
export const objectId = (o: object): number => {
  let id = ids.get(o);
  if (id === undefined) { id = nextId++; ids.set(o, id); }
  return id;
};

/** A number for a document by content, so equal documents held by different principals share memo entries. */
export const documentId = (doc: object): number => idOf(doc);

const idOf = (doc: object): number => {
  let id = ids.get(doc);
  if (id === undefined) {
    const text = JSON.stringify(doc);
    id = byContent.get(text);
    if (id === undefined) {
      id = nextId++;
      if (byContent.size >= 20_000) byContent.clear();
      byContent.set(text, id);
    }
    ids.set(doc, id);
  }
  return id;
};

/** The lowercased text of a document when it can refer to principal attributes, else ''. */
function mentionText(doc: PolicyDocument): string {
  let m = mentions.get(doc);
  if (m === undefined) {
    const text = JSON.stringify(doc).toLowerCase();
    m = text.includes('${') || text.includes('aws:principal') || text.includes('aws:user') ? text : '';
    mentions.set(doc, m);
  }
  return m;
}

/** The memo key of a principal's policy set. */
export function policySetKey(pp: PrincipalPolicies): string {
  const set = pp.set;
  const texts = pp.documents.map(mentionText).filter((t) => t !== '');
  const relevant: [string, ContextValue][] = texts.length === 0
    ? []
    : Object.entries(pp.fixed).filter(([k]) => texts.some((t) => t.includes(k.toLowerCase()))).sort(([a], [b]) => (a < b ? -1 : 1));
  const usesName = texts.some((t) => t.includes('${'));
  return [
    pp.principal.kind,
    (set.identity ?? []).map((d) => idOf(d as object)).join(','),
    set.boundary ? idOf(set.boundary as object) : '',
    (set.scp ?? []).map((l) => l.map((d) => idOf(d as object)).join(',')).join('/'),
    usesName ? pp.arn : '',
    JSON.stringify(relevant),
  ].join('|');
}
