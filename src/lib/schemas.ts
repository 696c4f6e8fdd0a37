/**
 * The single source of truth for every request and response shape. Handlers validate with these
 * schemas and scripts/generate-openapi.ts turns them into openapi.yaml; `.meta()` carries the
 * documentation so the runtime needs nothing but zod. Each schema is marked pure so a handler's
 * bundle keeps only the schemas it uses (zod builds every schema at import: ~10 ms for all of them).
 */
import * as z from "zod";
import { KNOWN_REGIONS } from "./regions.js";

/*
 * Patterns end with (?![\s\S]) rather than $: in Python's re (which spec-driven generators use) $
 * also matches before a final newline, and a pattern must mean the same in every engine.
 * "." is [\s\S] for the same reason (line terminators differ).
 */
const END = "(?![\\s\\S])";

/**
 * Printable ASCII, not starting or ending with a space (EC2's rule, which moto does not enforce),
 * and not "." or "..", which cannot be a URL path segment.
 */
const KEY_NAME = /* @__PURE__ */ new RegExp(`^(?!\\.{1,2}${END})[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?${END}`);

export const Region = /* @__PURE__ */ z.enum(KNOWN_REGIONS, { error: "must be an AWS region code, such as eu-west-1" }).meta({
  description:
    "AWS region to act in; defaults to the service's DEFAULT_REGION. A deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard commercial regions, which need no opt-in) and answers 400 for the others.",
  example: "eu-west-1",
});

export const KeyName = /* @__PURE__ */ z
  .string()
  .min(1)
  .max(255)
  .regex(KEY_NAME, "must be printable ASCII without leading or trailing spaces, and not . or ..")
  .meta({ description: "Unique name of the key pair in its region: 1-255 printable ASCII characters, no leading or trailing space.", example: "deploy-bot" });

export const KeyPairId = /* @__PURE__ */ z
  .string()
  .regex(new RegExp(`^key-[0-9a-f]{8,32}${END}`), "must look like key-0123456789abcdef0")
  .meta({ description: "EC2 key pair id.", example: "key-0123456789abcdef0" });

export const KeyType = /* @__PURE__ */ z.enum(["rsa", "ed25519"]).meta({
  description: "rsa (2048-bit) or ed25519. ED25519 keys cannot be used with Windows instances.",
});

export const KeyFormat = /* @__PURE__ */ z.enum(["pem", "ppk"]).meta({
  description: "Format of the returned private key: pem (OpenSSH/PKCS#1) or ppk (PuTTY).",
});

const MAX_TAGS = 49;

// The trailing [\s\S] restates minLength inside the pattern, for generators that read only the pattern.
const NOT_AWS_PREFIXED = "^(?![aA][wW][sS]:)[\\s\\S]";

const TagKey = /* @__PURE__ */ z.string().min(1).max(128).regex(new RegExp(NOT_AWS_PREFIXED), "tag keys must not start with aws:");

export const Tags = /* @__PURE__ */ z
  .record(TagKey, z.string().max(256))
  .refine((tags) => Object.keys(tags).length <= MAX_TAGS, `at most ${MAX_TAGS} tags (EC2 allows 50; this service reserves one)`)
  .meta({
    // zod-to-openapi does not render record key schemas: state them for the spec.
    maxProperties: MAX_TAGS,
    propertyNames: { minLength: 1, maxLength: 128, pattern: NOT_AWS_PREFIXED },
    id: "Tags",
    description:
      "Tags as a key/value map. EC2 rules: key 1-128 characters without the aws: prefix, value up to 256 characters. One tag (the managed-key marker) is reserved.",
    example: { team: "platform", env: "prod" },
  });

const DryRun = /* @__PURE__ */ z.boolean().meta({
  description: "Check permissions only: nothing is created, and a 200 says whether the call would succeed.",
});

const PublicKeyMaterial = /* @__PURE__ */ z
  .string()
  .min(1)
  .max(8192)
  .meta({
    description: "Your public key, in OpenSSH (`ssh-rsa AAAA...`, `ssh-ed25519 AAAA...`) or RFC 4716 (SSH2) format. RSA 1024-4096 bits or ED25519.",
    example: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMyS3Qx4g5bLqPp4cGb8dOe8WJ3oqz0wGmMq9qfVXh1E alice@laptop",
  });

export const CreateKeyPairBody = /* @__PURE__ */ z
  .strictObject({
    name: KeyName,
    keyType: KeyType.default("rsa"),
    keyFormat: KeyFormat.default("pem"),
    tags: Tags.optional(),
    region: Region.optional(),
    dryRun: DryRun.optional(),
  })
  .meta({ id: "CreateKeyPairRequest", example: { name: "deploy-bot", keyType: "ed25519", tags: { team: "platform" }, region: "eu-west-1" } });

export const ImportKeyPairBody = /* @__PURE__ */ z
  .strictObject({
    name: KeyName,
    publicKey: PublicKeyMaterial,
    tags: Tags.optional(),
    region: Region.optional(),
    dryRun: DryRun.optional(),
  })
  .meta({ id: "ImportKeyPairRequest" });

const booleanQuery = /* @__PURE__ */ z.enum(["true", "false"]).transform((value) => value === "true");

export const RegionQuery = /* @__PURE__ */ z.strictObject({ region: Region.optional() });

export const KeyQuery = /* @__PURE__ */ z.strictObject({
  region: Region.optional(),
  includePublicKey: booleanQuery.optional().meta({ description: "Include the public key (OpenSSH format)." }),
});

export const DeleteQuery = /* @__PURE__ */ z.strictObject({
  region: Region.optional(),
  dryRun: booleanQuery.optional().meta({ description: "Check permissions only; nothing is deleted." }),
});

export const MAX_PAGE_SIZE = 1000;

export const ListQuery = /* @__PURE__ */ z.strictObject({
  region: Region.optional(),
  name: KeyName.optional().meta({ description: "Only the key with this exact name." }),
  keyPairId: KeyPairId.optional().meta({ description: "Only the key with this id." }),
  fingerprint: z.string().min(1).max(128).optional().meta({ description: "Only keys with this fingerprint." }),
  keyType: KeyType.optional(),
  tagKey: TagKey.optional().meta({ description: "Only keys that carry a tag with this key." }),
  tag: z
    .string()
    .regex(new RegExp(`^[^=]{1,128}=[\\s\\S]{0,256}${END}`), "must be key=value")
    .optional()
    .meta({ description: "Only keys whose tag `key` has exactly `value`, written key=value.", example: "team=platform" }),
  includePublicKey: booleanQuery.optional().meta({ description: "Include each key's public key (OpenSSH format)." }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(MAX_PAGE_SIZE).meta({ description: "Most keys in a page. A page also ends early rather than let its body pass 4 MiB (keys with many long tags); nextCursor then says where to go on." }),
  cursor: KeyName.optional().meta({ description: "Start after this key name: the nextCursor of the previous page." }),
});

export const NamePath = /* @__PURE__ */ z.strictObject({ name: KeyName });
export const IdPath = /* @__PURE__ */ z.strictObject({ keyPairId: KeyPairId });

// ---- responses ----

export const KeyPair = /* @__PURE__ */ z
  .strictObject({
    keyPairId: z.string(),
    name: z.string(),
    fingerprint: z.string(),
    keyType: KeyType,
    region: z.string(),
    tags: z.record(z.string(), z.string()),
    managed: z.boolean().meta({ description: "Whether the key carries this service's managed-key tag (only managed keys can be deleted through the API, by default)." }),
    createdAt: z.iso.datetime().optional(),
    publicKey: z.string().optional().meta({ description: "OpenSSH public key; only with includePublicKey=true." }),
  })
  .meta({
    id: "KeyPair",
    example: {
      keyPairId: "key-0a1b2c3d4e5f60718",
      name: "deploy-bot",
      fingerprint: "Xk3r8yS0Wq2mYqk0sSL8cB5S0TtX4p9JZ3c3vJcQ0M4=",
      keyType: "ed25519",
      region: "eu-west-1",
      tags: { team: "platform", "managed-by": "ec2-keypairs-api" },
      managed: true,
      createdAt: "2026-11-22T10:00:00.000Z",
    },
  });

export const CreatedKeyPair = /* @__PURE__ */ KeyPair.omit({ publicKey: true, createdAt: true })
  .extend({
    keyFormat: KeyFormat,
    keyMaterial: z.string().meta({ description: "The private key. Returned once, in this response only: store it now." }),
  })
  .meta({
    id: "CreatedKeyPair",
    example: {
      keyPairId: "key-0a1b2c3d4e5f60718",
      name: "deploy-bot",
      fingerprint: "Xk3r8yS0Wq2mYqk0sSL8cB5S0TtX4p9JZ3c3vJcQ0M4=",
      keyType: "ed25519",
      keyFormat: "pem",
      region: "eu-west-1",
      tags: { team: "platform", "managed-by": "ec2-keypairs-api" },
      managed: true,
      keyMaterial: "-----BEGIN OPENSSH PRIVATE KEY-----\n(redacted)\n-----END OPENSSH PRIVATE KEY-----",
    },
  });

export const KeyPairList = /* @__PURE__ */ z
  .strictObject({
    items: z.array(KeyPair),
    nextCursor: z.string().optional().meta({ description: "Present when more keys follow: the last name of this page; pass it as `cursor`." }),
  })
  .meta({ id: "KeyPairList" });

export const DryRunResult = /* @__PURE__ */ z
  .strictObject({
    dryRun: z.literal(true),
    wouldSucceed: z.literal(true),
    operation: z.enum(["CreateKeyPair", "ImportKeyPair", "DeleteKeyPair"]),
    detail: z.string(),
  })
  .meta({
    id: "DryRunResult",
    example: { dryRun: true, wouldSucceed: true, operation: "CreateKeyPair", detail: "CreateKeyPair would succeed" },
  });

export const ProblemDetails = /* @__PURE__ */ z
  .strictObject({
    type: z.string().meta({ description: "URI identifying the problem type." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    ec2Code: z.string().optional().meta({ description: "The EC2 error code that caused this problem, when there was one." }),
    errors: z
      .array(z.strictObject({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "Each invalid field of the request." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export type CreateKeyPairInput = z.output<typeof CreateKeyPairBody>;
export type ImportKeyPairInput = z.output<typeof ImportKeyPairBody>;
export type ListKeyPairsQuery = z.output<typeof ListQuery>;
export type KeyPairView = z.output<typeof KeyPair>;
export type CreatedKeyPairView = z.output<typeof CreatedKeyPair>;
export type KeyPairListView = z.output<typeof KeyPairList>;
export type DryRunView = z.output<typeof DryRunResult>;
