/**
 * zod for the runtime: zod/mini (functions, not methods: a bundle keeps only what it uses, and a
 * schema is cheaper to build), with zod's English messages, which zod/mini does not load itself.
 * Import it as a namespace (`import * as z from "./zod.js"`) so bundles can leave out the rest.
 * The spec generator reads these same schemas (scripts/openapi/document.ts).
 */
import { config, ZodMiniISODateTime, ZodMiniNumber, type coerce as zodCoerce, type iso as zodIso } from "zod/mini";
import type * as core from "zod/v4/core";
import { _coercedNumber, _isoDateTime } from "zod/v4/core";
import en from "zod/v4/locales/en.js";

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "an array",
};
const LENGTH_UNIT: Record<string, string> = { string: "character", array: "item", set: "item" };
const bound = (issue: { origin: string; inclusive?: boolean }, value: unknown, least: boolean) => {
  const unit = LENGTH_UNIT[issue.origin];
  if (unit) return `must have ${least ? "at least" : "at most"} ${value} ${unit}${value === 1 ? "" : "s"}`;
  return issue.inclusive === false
    ? `must be ${least ? "greater" : "less"} than ${value}`
    : `must be ${least ? "at least" : "at most"} ${value}`;
};

/**
 * zod's default messages in the API's words, for checks that give none of their own: the field
 * comes first in an answer ("body.name: is required"), so a message says what the value must be.
 * Undefined falls through to zod's English.
 */
export function inApiWords(issue: core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "is required" : `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}`;
    case "too_small":
      return bound(issue, issue.minimum, true);
    case "too_big":
      return bound(issue, issue.maximum, false);
    case "invalid_format":
      return issue.format === "datetime"
        ? "must be an RFC 3339 date-time with a time zone, such as 2026-12-31T18:00:00Z"
        : `is not in the expected format (${issue.format})`;
    case "unrecognized_keys":
      return `unknown field(s): ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
}

config(en());
config({ customError: inApiWords });

export * from "zod/mini";

/*
 * The members of zod/mini's iso and coerce namespaces the API uses, as zod defines them: a bundle
 * that reads one member of such a namespace holds all of them, so z.iso.datetime brought zod's ISO
 * date, time and duration schemas and z.coerce.number its coerced string, boolean, bigint and date
 * into every function's INIT (2.7 KB of the read function's; decision 0029). These shadow the two.
 */
export const iso = { datetime: ((params) => _isoDateTime(ZodMiniISODateTime, params)) as typeof zodIso.datetime };
export const coerce = { number: ((params) => _coercedNumber(ZodMiniNumber, params)) as typeof zodCoerce.number };
