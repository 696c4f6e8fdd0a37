/**
 * The filters a listing, a cleanup and a report share (by the same names), a part of schemas.ts's
 * single source of truth: apart so that each of those routes, loaded on its first request (decision
 * 0029), carries them without the others' schemas.
 */
import * as z from "../platform/zod.js";
import { AWS_PREFIX, AWS_PREFIXED_MESSAGE, described, END, PRINTABLE, TagKey, text } from "./schemas.js";

/* @__NO_SIDE_EFFECTS__ */
export const decimalQuery = (max: number) =>
  z
    .pipe(
      z.pipe(text({ pattern: /^[0-9]{1,9}$/, message: "must be decimal digits" }), z.transform(Number)),
      z.number().check(z.int(), z.minimum(1), z.maximum(max)),
    )
    .register(z.globalRegistry, { type: "integer", minimum: 1, maximum: max, default: max });

/** The tag=value filter of a listing and a cleanup (matched literally, after describe). */
export const TagFilter = /* @__PURE__ */ z
  .optional(
    // The key as in tagKey: no aws: prefix (a filter on it could only ever match EC2's own tags).
    text({
      pattern: new RegExp(`^${AWS_PREFIX}[^=\\x00-\\x1f\\x7f-\\x9f]{1,128}=${PRINTABLE}{0,256}${END}`),
      message: (input) => (/^aws:/i.test(input) ? AWS_PREFIXED_MESSAGE : "must be key=value"),
    }),
  )
  .register(z.globalRegistry, {
    description:
      "Only keys whose tag `key` has exactly `value`, written key=value (matched literally: `*` and `?` are ordinary characters); " +
      "the key must not start with aws:, as in tagKey.",
    example: "team=platform",
  });

// By age and owner: compared by the service's rules after describe (EC2 has no such filter), in a
// listing, a cleanup and a report alike. Separate constants, not a spread object: a spread keeps its
// schema in every bundle (esbuild cannot tell that it has no getters).
export const CreatedBefore = /* @__PURE__ */ described(
  /* @__PURE__ */ z.iso.datetime({ offset: true }),
  "Only keys created before this instant (RFC 3339 with an offset or Z; compared as instants). A key whose creation time EC2 " +
    "does not give matches neither createdBefore nor createdAfter.",
);
export const CreatedAfter = /* @__PURE__ */ described(
  /* @__PURE__ */ z.iso.datetime({ offset: true }),
  "Only keys created after this instant (RFC 3339 with an offset or Z; compared as instants).",
);
export const MissingTag = /* @__PURE__ */ described(
  TagKey,
  "Only keys that carry no tag with this key (e.g. owner), among the tags answers show; as tagKey, no aws: prefix.",
);
