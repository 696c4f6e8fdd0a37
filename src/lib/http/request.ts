/** Reading a request: each part through its zod schema, repeated parameters refused, the one region and account it acts in. */

import type { FieldError } from "../api/schemas.js";
import { invalidFields } from "../keypairs/errors.js";
import type * as z from "../platform/zod.js";

export function parsePart<S extends z.ZodMiniType>(schema: S | undefined, value: unknown, part: string): z.output<S> {
  if (!schema) return {} as z.output<S>;
  // An absent query, path or headers part is an empty one; a body is the JSON value sent (a JSON null included).
  const parsed = schema.safeParse(part === "body" ? value : (value ?? {}));
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join("."),
    message: issue.code === "unrecognized_keys" ? unknownFields(issue.keys, fieldsAt(schema, issue.path)) : issue.message,
  }));
  throw invalidFields(errors);
}

/** "unknown field(s): keytype (did you mean keyType?)": a name that differs from a real one by case, or by a letter or two. */
export function unknownFields(keys: readonly string[], known: readonly string[]): string {
  const named = keys.map((key) => {
    const near = known.find((field) => field.toLowerCase() === key.toLowerCase()) ?? known.find((field) => typo(field, key));
    return near ? `${key} (did you mean ${near}?)` : key;
  });
  return `unknown field(s): ${named.join(", ")}`;
}

/** Two edits apart at most (Levenshtein, case-insensitive), for names of four characters or more. */
function typo(field: string, key: string): boolean {
  if (field.length < 4 || Math.abs(field.length - key.length) > 2) return false;
  const [a, b] = [field.toLowerCase(), key.toLowerCase()];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]! <= 2;
}

/** The field names of the object schema at `path` inside `schema` (through optional, default, pipe and checks). */
function fieldsAt(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] {
  type Def = { shape?: Record<string, unknown>; innerType?: unknown; in?: unknown };
  const defOf = (node: unknown): Def | undefined => (node as { _zod?: { def: Def } } | undefined)?._zod?.def;
  const unwrap = (node: unknown): Def | undefined => {
    let def = defOf(node);
    for (let depth = 0; def && !def.shape && depth < 8; depth += 1) def = defOf(def.innerType ?? def.in);
    return def;
  };
  let def = unwrap(schema);
  for (const key of path) def = unwrap(def?.shape?.[String(key)]);
  return Object.keys(def?.shape ?? {});
}

/**
 * API Gateway joins a repeated query parameter's values with commas (`name=a&name=b` arrives as
 * `a,b`, itself a valid key name), so a repeated name is refused, read from the raw query string.
 */
export function refuseRepeatedParameters(rawQueryString: string | undefined): void {
  const names = [...new URLSearchParams(rawQueryString ?? "").keys()];
  const repeated = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
  if (repeated.length === 0) return;
  const errors = repeated.map((name) => ({ field: `query.${name}`, message: "is given more than once; send each parameter once" }));
  throw invalidFields(errors);
}

/**
 * The region a request acts in: its body's, else its query's, else the default; naming two
 * different regions is refused rather than one silently winning.
 */
export function requestRegion(
  body: { region?: string },
  query: { region?: string },
  regions: { default: string; allowed: readonly string[] },
): string {
  const field = body.region !== undefined ? "body.region" : "query.region";
  const region = onceInBodyOrQuery("region", body.region, query.region) ?? regions.default;
  if (!regions.allowed.includes(region)) {
    const message = `region ${region} is not allowed; allowed: ${regions.allowed.join(", ")}`;
    throw invalidFields([{ field, message }]);
  }
  return region;
}

/** The account a request names, in its body or its query (the region's rule); undefined: the API's own. */
export const requestAccount = (body: { account?: string }, query: { account?: string }): string | undefined =>
  onceInBodyOrQuery("account", body.account, query.account);

/** A parameter a POST may give in its body or its query: naming two different values is refused rather than one silently winning. */
function onceInBodyOrQuery(name: string, inBody: string | undefined, inQuery: string | undefined): string | undefined {
  if (inBody !== undefined && inQuery !== undefined && inBody !== inQuery) {
    const message = `names ${inBody} while query.${name} names ${inQuery}; give the ${name} once`;
    throw invalidFields([{ field: `body.${name}`, message }]);
  }
  return inBody ?? inQuery;
}
