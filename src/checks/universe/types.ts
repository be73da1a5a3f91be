/**
 * The finite request universe: the requests over which two policy sets are compared exactly.
 * Built from the actions, resources and condition boundaries the compared policies mention.
 */
import type { ContextValue, RequestPrincipal } from '../../evaluator/types.js';

/** The real action list, as the universe needs it: expand a pattern, and list everything. */
export interface ActionCatalog {
  /** Every real action (`service:Action`, AWS casing) a pattern matches, case-insensitively. */
  expand(pattern: string): readonly string[];
  /** Every real action. */
  all(): readonly string[];
}

/**
 * A set of real actions that every mentioned Action/NotAction pattern treats alike: each pattern matches all of
 * them or none. The evaluator's decision depends on the action only through those patterns, so one representative
 * decides for the whole class.
 */
export interface ActionClass {
  /** The action the universe's requests carry. */
  readonly representative: string;
  /** Every real action in the class, the representative included. */
  readonly members: readonly string[];
  /** Indexes into `Universe.actionElements` of the Action/NotAction elements that match this class. */
  readonly patterns: readonly number[];
}

/** One request context of the universe: a value per varied key; a key missing from `values` is absent. */
export interface UniverseContext {
  readonly values: Readonly<Record<string, ContextValue>>;
}

/** One request of the universe, before the principal and fixed context are added. */
export interface UniverseRequest {
  readonly actionClass: number;
  readonly action: string;
  readonly resource: string;
  readonly context: number;
}

/** The universe for a set of policy documents. */
export interface Universe {
  readonly principal: RequestPrincipal;
  /** Context keys that stay as given (the principal's attributes), merged under every context. */
  readonly fixed: Readonly<Record<string, ContextValue>>;
  readonly actionPatterns: readonly string[];
  readonly actionElements: readonly (readonly string[])[];
  readonly actionClasses: readonly ActionClass[];
  readonly resources: readonly string[];
  /** For each resource instance, the policy pattern it was made from (as written). */
  readonly resourceOrigins: Readonly<Record<string, string>>;
  readonly contexts: readonly UniverseContext[];
  /** The condition keys varied, lowercased. */
  readonly keys: readonly string[];
  /** classes × resources × contexts. */
  readonly size: number;
  /** How many real actions the classes stand for, times resources times contexts: the size without action classes. */
  readonly expandedSize: number;
  /** False when the context product was larger than the limit and only a covering sample of it was kept. */
  readonly exact: boolean;
}

/** Options for building a universe. */
export interface UniverseOptions {
  readonly principal: RequestPrincipal;
  /** Principal attributes (aws:username, aws:PrincipalArn, aws:PrincipalTag/…): never varied, used for `${…}` variables. */
  readonly fixed?: Readonly<Record<string, ContextValue>>;
  /** Extra resources to include (e.g. the resources an activity log touched). */
  readonly extraResources?: readonly string[];
  /** Extra actions to include as their own classes' members. */
  readonly extraActions?: readonly string[];
  /** The most contexts to keep; beyond it the universe keeps a covering sample and says `exact: false`. Default 4096. */
  readonly maxContexts?: number;
  /** Context keys every real request carries, so the universe never makes them absent. Lowercased. */
  readonly alwaysPresent?: readonly string[];
}
