/**
 * A tiny JSON Schema builder whose values also carry the TypeScript type they describe, so an operation's input
 * is written once: `obj({ UserName: userName }, { Path: path })` is both the schema ajv checks and the input type.
 */

/** A JSON Schema object. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** A schema tagged with the type of the values it accepts (`_type` exists only for inference). */
export interface Schema<T> {
  readonly json: JsonSchema;
  readonly _type?: T;
}

/** The TypeScript type a Schema accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** A string, optionally constrained. */
export const str = (c: { minLength?: number; maxLength?: number; pattern?: string; description?: string } = {}): Schema<string> => ({ json: { type: 'string', ...c } });

/** One of some string literals. */
export const oneOf = <L extends string>(values: readonly L[], description?: string): Schema<L> => ({
  json: { type: 'string', enum: values, ...(description !== undefined ? { description } : {}) },
});

/** An integer in a range. */
export const int = (c: { minimum?: number; maximum?: number; description?: string } = {}): Schema<number> => ({ json: { type: 'integer', ...c } });

/** A boolean. */
export const bool = (description?: string): Schema<boolean> => ({ json: { type: 'boolean', ...(description !== undefined ? { description } : {}) } });

/** The literal `true`. */
export const yes: Schema<true> = { json: { const: true } };

/** An array. */
export const arr = <T>(items: Schema<T>, c: { minItems?: number; maxItems?: number; description?: string } = {}): Schema<readonly T[]> => ({
  json: { type: 'array', items: items.json, ...c },
});

/** A string-keyed map. */
export const record = <T>(values: Schema<T>, c: { maxProperties?: number; description?: string } = {}): Schema<Readonly<Record<string, T>>> => ({
  json: { type: 'object', additionalProperties: values.json, ...c },
});

/** Any JSON object (policy documents are checked by the policy parser, not by the input schema). */
export const anyObject = (description?: string): Schema<Readonly<Record<string, unknown>>> => ({
  json: { type: 'object', ...(description !== undefined ? { description } : {}) },
});

type Shape = Readonly<Record<string, Schema<unknown>>>;
type Required_<R extends Shape> = { readonly [K in keyof R]: Infer<R[K]> };
type Optional_<O extends Shape> = { readonly [K in keyof O]?: Infer<O[K]> };
type Flatten<T> = { readonly [K in keyof T]: T[K] };

/** An object with required and optional properties and no others. */
export function obj<R extends Shape, O extends Shape = Record<never, never>>(
  required: R,
  optional?: O,
  description?: string,
): Schema<Flatten<Required_<R> & Optional_<O>>> {
  const properties: Record<string, JsonSchema> = {};
  for (const [k, v] of Object.entries(required)) properties[k] = v.json;
  for (const [k, v] of Object.entries(optional ?? {})) properties[k] = v.json;
  return {
    json: {
      type: 'object',
      properties,
      required: Object.keys(required),
      additionalProperties: false,
      ...(description !== undefined ? { description } : {}),
    },
  };
}

/** Either of two schemas. */
export const either = <A, B>(a: Schema<A>, b: Schema<B>, description?: string): Schema<A | B> => ({
  json: { oneOf: [a.json, b.json], ...(description !== undefined ? { description } : {}) },
});

/** Any of several schemas (a tagged union). */
export const anyOf = <S extends readonly Schema<unknown>[]>(schemas: S, description?: string): Schema<Infer<S[number]>> => ({
  json: { oneOf: schemas.map((s) => s.json), ...(description !== undefined ? { description } : {}) },
});

/** The same schema with a description. */
export const describe = <T>(s: Schema<T>, description: string): Schema<T> => ({ json: { ...s.json, description } });
