/** Options for one check: meta.defaults, then the preset, then the config file, then the caller's, each layer overriding the last. */
import { Ajv, type ValidateFunction } from 'ajv';
import type { AnyCheck } from './define-check.js';
import type { Config } from './config.js';
import { PRESETS } from './presets.js';

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** Layers the option sources for `check`. Unknown preset names contribute nothing (the CLI rejects them earlier). */
export function resolveOptions(
  check: AnyCheck,
  sources: { readonly preset?: string; readonly config?: Config; readonly options?: Readonly<Record<string, Readonly<Record<string, unknown>>>> },
): Readonly<Record<string, unknown>> {
  const presetName = sources.preset ?? sources.config?.preset ?? 'default';
  return {
    ...(check.meta.defaults ?? {}),
    ...(PRESETS[presetName]?.options[check.meta.id] ?? {}),
    ...(sources.config?.checks?.[check.meta.id]?.options ?? {}),
    ...(sources.options?.[check.meta.id] ?? {}),
  };
}

/** Validates resolved options against the check's options schema; returns the problems as text, empty when valid. */
export function optionProblems(check: AnyCheck, options: Readonly<Record<string, unknown>>): readonly string[] {
  const schema = check.meta.options;
  if (schema === undefined) return [];
  let v = compiled.get(schema);
  if (v === undefined) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  if (v(options)) return [];
  return (v.errors ?? []).map((e) => `${check.meta.id}: option ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
