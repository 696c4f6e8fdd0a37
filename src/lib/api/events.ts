/**
 * The events this service publishes on EventBridge, one per change EC2 confirmed: their source,
 * detail-types and detail. Published at most once (docs/events.md); the spec documents them under
 * `x-events` from these schemas. Never key material, never an Idempotency-Key.
 */
import * as z from "../platform/zod.js";
import { KeyType } from "./schemas.js";

export const EVENT_SOURCE = "ec2-keypairs-api";

/** The change, and its detail-type on the bus. */
export const EVENT_DETAIL_TYPES = {
  created: "Key Pair Created",
  imported: "Key Pair Imported",
  deleted: "Key Pair Deleted",
  expired: "Key Pair Expired",
} as const;
export type KeyPairChange = keyof typeof EVENT_DETAIL_TYPES;

/** Who made an expired key's deletion. */
export const SWEEPER = "sweeper";

export const KeyPairEventDetail = /* @__PURE__ */ z
  .strictObject({
    keyPairId: z.string(),
    name: z.string(),
    region: z.string(),
    account: z.optional(z.string()).register(z.globalRegistry, {
      description: "The account the key is in (the request's `account`, else the API's own); absent when the API's own is not known.",
    }),
    keyType: KeyType,
    fingerprint: z.string(),
    caller: z.string().register(z.globalRegistry, {
      description: `Who created, imported or deleted the key: the IAM caller's ARN (an assumed role without its session); "${SWEEPER}" for an expiry.`,
    }),
    expiresAt: z.optional(z.iso.datetime()).register(z.globalRegistry, { description: "When the key expires or expired, if it does." }),
    escrowed: z.boolean().register(z.globalRegistry, { description: "Whether its private key is (or was) escrowed in SSM." }),
    forced: z.optional(z.boolean()).register(z.globalRegistry, {
      description:
        "Deletions only: whether no usage check was made (force=true, every expiry, and the first key an Idempotency-Key repeat " +
        "replaces): then what named the key is not known.",
    }),
  })
  .register(z.globalRegistry, { id: "KeyPairEventDetail", description: "The detail of every key pair event." });

export type KeyPairEvent = z.output<typeof KeyPairEventDetail> & { change: KeyPairChange };
