/**
 * The requests of the tags and expiry changes (PATCH .../tags, PUT and DELETE .../expiry), apart
 * from schemas.ts: only their handlers, loaded on first request, import them, so the delete
 * function's INIT chunk of schemas.ts stays as it was (decision 0029).
 */
import * as z from "../platform/zod.js";
import { EC2_MAX_TAGS } from "./reserved-tags.js";
import { Account, booleanQuery, DryRun, described, type Expiring, expiryFields, Region, TagKey, Tags } from "./schemas.js";

/** PATCH /keypairs/{name}/tags: the caller's tags to set and to remove, each key once. */
export const TagChangeBody = /* @__PURE__ */ z
  .strictObject({
    set: z
      .optional(Tags)
      .register(z.globalRegistry, { description: "Tags to add or overwrite, as a key/value map (EC2's rules, as at create)." }),
    remove: z
      .optional(z.array(TagKey).check(z.maxLength(EC2_MAX_TAGS)))
      .register(z.globalRegistry, { description: "Tag keys to remove (a key the key pair does not carry is no error)." }),
    region: z.optional(Region),
    account: z.optional(Account),
    dryRun: z.optional(DryRun),
  })
  .check(
    z.refine((body: { set?: object; remove?: string[] }) => Object.keys(body.set ?? {}).length + (body.remove?.length ?? 0) > 0, {
      message: "give tags to set or to remove",
      path: ["set"],
    }),
    z.refine((body: { set?: object; remove?: string[] }) => !(body.remove ?? []).some((key) => Object.hasOwn(body.set ?? {}, key)), {
      message: "a tag key cannot be both set and removed",
      path: ["remove"],
    }),
  )
  .register(z.globalRegistry, {
    description:
      "Changes a managed key's tags. The service's reserved tags (the managed-key marker and its ec2-keypairs-api: tags) cannot be set " +
      `or removed here (400 naming the tag); the key carries at most ${EC2_MAX_TAGS} tags after the change, the service's own included.`,
    example: { set: { owner: "alice" }, remove: ["temp"] },
  });

/** PUT /keypairs/{name}/expiry: the new expiry, by the create-time rule (one of the two). */
export const ExpiryBody = /* @__PURE__ */ z
  .strictObject({ ...expiryFields, region: z.optional(Region), account: z.optional(Account), dryRun: z.optional(DryRun) })
  .check(
    z.refine<Expiring>((body) => (body.ttlSeconds === undefined) !== (body.expiresAt === undefined), {
      message: "give ttlSeconds or expiresAt (exactly one)",
      path: ["ttlSeconds"],
    }),
  )
  .register(z.globalRegistry, {
    description: "Sets or extends a managed key's expiry: the same bounds as at create (ttlSeconds counts from now).",
    example: { ttlSeconds: 2592000 },
  });

/** DELETE /keypairs/{name}/expiry. */
export const ExpiryClearQuery = /* @__PURE__ */ z.strictObject({
  region: /* @__PURE__ */ z.optional(Region),
  account: /* @__PURE__ */ z.optional(Account),
  dryRun: described(
    booleanQuery,
    "Nothing is changed: a 200 DryRunResult with the key as it would be, else the problem the request would get.",
  ),
});
