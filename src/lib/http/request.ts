/** Reading a request: each part through its zod schema, repeated parameters refused, the one region it acts in. */

import type { FieldError } from "../api/schemas.js";
import { invalidFields } from "../keypairs/errors.js";
import type * as z from "../platform/zod.js";

export function parsePart<S extends z.ZodMiniType>(schema: S | undefined, value: unknown, part: string): z.output<S> {
  if (!schema) return {} as z.output<S>;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join("."),
    message: issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
  throw invalidFields(errors);
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
  if (body.region !== undefined && query.region !== undefined && body.region !== query.region) {
    const message = `names ${body.region} while query.region names ${query.region}; give the region once`;
    throw invalidFields([{ field: "body.region", message }]);
  }
  const field = body.region !== undefined ? "body.region" : "query.region";
  const region = body.region ?? query.region ?? regions.default;
  if (!regions.allowed.includes(region)) {
    const message = `region ${region} is not allowed; allowed: ${regions.allowed.join(", ")}`;
    throw invalidFields([{ field, message }]);
  }
  return region;
}
