/**
 * The single source of truth for every request and response shape. Handlers validate with these
 * schemas and scripts/openapi/generate.ts turns them into openapi.yaml; the metadata registered
 * with each schema (`.register(z.globalRegistry, ...)`, in place: a `z.meta()` check would build
 * the schema once more) carries the documentation, so the runtime needs nothing but zod/mini (src/lib/platform/zod.ts). Each schema is marked
 * pure so a function's bundle keeps only the schemas it uses (zod builds every schema at import):
 * esbuild keeps an unused pure call if it cannot tell that an argument is free of side effects, so
 * described() and the nested calls it does not recognise (zod/mini's own annotations do not always
 * reach through src/lib/platform/zod.ts's re-export) are marked too; without that every function built the
 * three query schemas and the idempotency header's.
 */

import { KNOWN_REGIONS } from "../platform/regions.js";
import * as z from "../platform/zod.js";
import { PROBLEM_KINDS, PROBLEM_TYPE_BASE } from "./problems.js";
import { HIDDEN_TAG_KEYS, MAX_CALLER_TAGS, MAX_CALLER_TAGS_WITH_EXPIRY, RESERVED_TAG_KEYS, SERVICE_TAGS } from "./reserved-tags.js";

/*
 * Patterns end with (?![\s\S]) rather than $: in Python's re (which spec-driven generators use) $
 * also matches before a final newline, and a pattern must mean the same in every engine.
 * "." is [\s\S] for the same reason (line terminators differ).
 */
export const END = "(?![\\s\\S])";

/**
 * Printable ASCII, not starting or ending with a space (EC2's rule, which moto does not enforce),
 * and not "." or "..", which cannot be a URL path segment.
 */
const KEY_NAME = /* @__PURE__ */ new RegExp(`^(?!\\.{1,2}${END})[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?${END}`);

/** C0 and C1 control characters and DEL: EC2 does not store them (moto emits XML that cannot be parsed). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, except the line breaks of a multi-line value (an RFC 4716 public key). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** What the spec says of a field without a pattern of its own (a pattern here must exclude CONTROL). */
export const PRINTABLE = `[^\\x00-\\x1f\\x7f-\\x9f]`;

/**
 * Every string a request carries is built from this: well-formed Unicode (an unpaired surrogate
 * makes the SDK's serializer throw mid-request) and free of control characters, whatever else the
 * field's `pattern` asks. The one place this rule lives; test/unit/http/hostile-input.test.ts proves
 * that every request field goes through it.
 */
export function text(options: { pattern?: RegExp; message?: string | ((input: string) => string); multiline?: boolean } = {}) {
  const control = options.multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL;
  const { message } = options;
  return z.string().check(
    z.refine((value: string) => value.isWellFormed(), { error: "must be well-formed Unicode (no unpaired surrogates)", abort: true }),
    z.refine((value: string) => !control.test(value), { error: "must not contain control characters", abort: true }),
    z.regex(
      options.pattern ?? new RegExp(`^${options.multiline ? "[^\\x00-\\x09\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]" : PRINTABLE}*${END}`),
      typeof message === "function" ? { error: (issue) => message(String(issue.input)) } : message,
    ),
  );
}

export const Region = /* @__PURE__ */ z
  .enum(KNOWN_REGIONS, { error: "must be an AWS region code, such as eu-west-1" })
  .register(z.globalRegistry, {
    id: "Region",
    description:
      "AWS region to act in; defaults to the service's DEFAULT_REGION. A deployment serves the regions of its ALLOWED_REGIONS setting " +
      "(default: the standard commercial regions, which need no opt-in) and answers 400 for the others.",
    example: "eu-west-1",
  });

export const Account = /* @__PURE__ */ text({
  pattern: new RegExp(`^[0-9]{12}${END}`),
  message: "must be a 12-digit AWS account id",
}).register(z.globalRegistry, {
  id: "Account",
  description:
    "AWS account to act in; defaults to the API's own. Another account must be in the deployment's ALLOWED_ACCOUNTS (403 " +
    "account-not-allowed) and is reached through its member role (403 account-unreachable when it cannot be assumed).",
  example: "111122223333",
});

export const KeyName = /* @__PURE__ */ text({
  pattern: KEY_NAME,
  message: "must be printable ASCII without leading or trailing spaces, and not . or ..",
})
  .check(z.minLength(1), z.maxLength(255))
  .register(z.globalRegistry, {
    description: "Unique name of the key pair in its region: 1-255 printable ASCII characters, no leading or trailing space.",
    example: "deploy-bot",
  });

export const KeyPairId = /* @__PURE__ */ text({
  pattern: new RegExp(`^key-[0-9a-f]{8,32}${END}`),
  message: "must look like key-0123456789abcdef0",
}).register(z.globalRegistry, { description: "EC2 key pair id.", example: "key-0123456789abcdef0" });

/** The key types EC2 makes and imports. */
export const KEY_TYPES = ["rsa", "ed25519"] as const;
export type KeyTypeName = (typeof KEY_TYPES)[number];
export const KEY_FORMATS = ["pem", "ppk"] as const;
export type KeyFormatName = (typeof KEY_FORMATS)[number];

export const KeyType = /* @__PURE__ */ z.enum(KEY_TYPES).register(z.globalRegistry, {
  id: "KeyType",
  description: "rsa (2048-bit) or ed25519. ED25519 keys cannot be used with Windows instances.",
});

export const KeyFormat = /* @__PURE__ */ z
  .enum(KEY_FORMATS)
  .register(z.globalRegistry, { id: "KeyFormat", description: "Format of the returned private key: pem (OpenSSH/PKCS#1) or ppk (PuTTY)." });

const MAX_TAGS = MAX_CALLER_TAGS;
const COUNT_WORDS = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];
/** The reserved keys as the spec lists them: the managed-key marker, then the service's own (shared prefix written once). */
const reservedKeysText = () => {
  const [first = "", ...rest] = RESERVED_TAG_KEYS;
  const prefix = first.slice(0, first.indexOf(":"));
  const tail = rest.map((key) => key.slice(prefix.length));
  return (
    `${COUNT_WORDS[RESERVED_TAG_KEYS.length + 1]} tag keys are reserved for the service: the managed-key marker and ${first}, ` +
    `${tail.slice(0, -1).join(", ")} and ${tail.at(-1)}`
  );
};

// The trailing [\s\S] restates minLength inside the pattern, for generators that read only the pattern.
export const AWS_PREFIX = "(?![aA][wW][sS]:)";
const NOT_AWS_PREFIXED = `^${AWS_PREFIX}${PRINTABLE}+${END}`;
export const AWS_PREFIXED_MESSAGE = "tag keys must not start with aws:";

export const TagKey = /* @__PURE__ */ text({ pattern: new RegExp(NOT_AWS_PREFIXED), message: AWS_PREFIXED_MESSAGE }).check(
  z.minLength(1),
  z.maxLength(128),
);

export const Tags = /* @__PURE__ */ z
  .record(TagKey, text().check(z.maxLength(256)))
  .check(
    z.refine(
      (tags: Record<string, string>) => Object.keys(tags).length <= MAX_TAGS,
      `at most ${MAX_TAGS} tags (EC2 allows 50; this service reserves ${COUNT_WORDS[RESERVED_TAG_KEYS.length]?.toLowerCase()})`,
    ),
  )
  .register(z.globalRegistry, {
    // zod-to-openapi does not render record key schemas: state them for the spec.
    maxProperties: MAX_TAGS,
    propertyNames: { minLength: 1, maxLength: 128, pattern: NOT_AWS_PREFIXED },
    id: "Tags",
    description:
      `Tags as a key/value map. EC2 rules: key 1-128 characters without the aws: prefix, value up to 256 characters. ` +
      `${reservedKeysText()}, which record the request that made the key and its IAM caller (answers do not show these), where an ` +
      `escrowed private key is kept and when the key expires. A key that expires (ttlSeconds or expiresAt) takes at most ` +
      `${MAX_CALLER_TAGS_WITH_EXPIRY} caller tags.`,
    example: { team: "platform", env: "prod" },
  });

export const DryRun = /* @__PURE__ */ z.boolean().register(z.globalRegistry, {
  description:
    "Nothing is made: a 200 DryRunResult when the call would succeed, else the problem the request would get (403 forbidden when " +
    "the service may not make the call).",
});

const PublicKeyMaterial = /* @__PURE__ */ text({ multiline: true }).check(z.minLength(1), z.maxLength(8192)).register(z.globalRegistry, {
  description:
    "Your public key, in OpenSSH (`ssh-rsa AAAA...`, `ssh-ed25519 AAAA...`) or RFC 4716 (SSH2) format. RSA 1024-4096 bits or ED25519.",
  example: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMyS3Qx4g5bLqPp4cGb8dOe8WJ3oqz0wGmMq9qfVXh1E alice@laptop",
});

/** The longest a key may live: one year. */
export const MAX_TTL_SECONDS = 31_536_000;
export const MIN_TTL_SECONDS = 60;

// The range first, and alone when it fails: z.int() would also refuse 1e21, naming its own bound (2^53 - 1), not the documented one.
const TtlSeconds = /* @__PURE__ */ z
  .number()
  .check(z.minimum(MIN_TTL_SECONDS, { abort: true }), z.maximum(MAX_TTL_SECONDS, { abort: true }), z.int())
  .register(z.globalRegistry, {
    description:
      `The key expires this many seconds after it is made (${MIN_TTL_SECONDS} to ${MAX_TTL_SECONDS}, one year): the sweep then deletes ` +
      "it (within its schedule, 5 minutes by default), even if something still names it. Not with expiresAt.",
    example: 3600,
  });

const ExpiresAt = /* @__PURE__ */ z.iso
  .datetime({ offset: true })
  .check(
    z.refine((value: string) => {
      const at = Date.parse(value);
      return at > Date.now() && at <= Date.now() + MAX_TTL_SECONDS * 1000;
    }, "must be in the future and at most one year ahead"),
  )
  .register(z.globalRegistry, {
    description:
      "When the key expires (RFC 3339 with a time zone offset or Z; in the future, at most one year ahead): the sweep then deletes it. " +
      "Not with ttlSeconds.",
    example: "2026-12-31T18:00:00Z",
  });

/** The expiry fields of create and import: one or the other, and a key that expires has one tag fewer for its caller. */
export const expiryFields = {
  ttlSeconds: /* @__PURE__ */ z.optional(TtlSeconds),
  expiresAt: /* @__PURE__ */ z.optional(ExpiresAt),
};
export interface Expiring {
  ttlSeconds?: number;
  expiresAt?: string;
  tags?: Record<string, string>;
}
const expires = (body: Expiring) => body.ttlSeconds !== undefined || body.expiresAt !== undefined;
/* @__NO_SIDE_EFFECTS__ */
const expiryRules = () => [
  z.refine<Expiring>((body) => body.ttlSeconds === undefined || body.expiresAt === undefined, {
    message: "give ttlSeconds or expiresAt, not both",
    path: ["expiresAt"],
  }),
  z.refine<Expiring>((body) => !expires(body) || Object.keys(body.tags ?? {}).length <= MAX_CALLER_TAGS_WITH_EXPIRY, {
    message: `at most ${MAX_CALLER_TAGS_WITH_EXPIRY} tags on a key that expires (its expiry is a tag)`,
    path: ["tags"],
  }),
];

export const CreateKeyPairBody = /* @__PURE__ */ z
  .strictObject({
    name: KeyName,
    // The meta restates each default beside the component's $ref (zod-to-openapi drops it there).
    keyType: z._default(KeyType, "rsa").register(z.globalRegistry, { default: "rsa" }),
    keyFormat: z._default(KeyFormat, "pem").register(z.globalRegistry, { default: "pem" }),
    tags: z.optional(Tags),
    region: z.optional(Region),
    account: z.optional(Account),
    dryRun: z.optional(DryRun),
    escrow: z._default(z.boolean(), false).register(z.globalRegistry, {
      description:
        "Store the private key in SSM Parameter Store instead of returning it, as CloudFormation's AWS::EC2::KeyPair does: a " +
        "SecureString parameter named `/ec2/keypair/<keyPairId>` (KMS-encrypted with alias/aws/ssm unless the deployment names another " +
        "key), tagged with the key pair id. The response then carries privateKeyParameter and no keyMaterial. If the key cannot be " +
        "stored, the key pair is deleted again and the answer is a 502.",
    }),
    ...expiryFields,
  })
  .check(...expiryRules())
  // No component id: inline under requestBody, a generator does not make the defaulted fields required
  // (openapi-typescript's default defaultNonNullable does so for component schemas).
  .register(z.globalRegistry, { example: { name: "deploy-bot", keyType: "ed25519", tags: { team: "platform" }, region: "eu-west-1" } });

export const ImportKeyPairBody = /* @__PURE__ */ z
  .strictObject({
    name: KeyName,
    publicKey: PublicKeyMaterial,
    tags: z.optional(Tags),
    region: z.optional(Region),
    account: z.optional(Account),
    dryRun: z.optional(DryRun),
    ...expiryFields,
  })
  .check(...expiryRules())
  .register(z.globalRegistry, { description: "A public key to register as an EC2 key pair." });

// Query strings carry text: booleans are exactly true/false, integers decimal digits (not 0x10, 1e3, " 5").
// The spec says boolean (a generator's client sends true/false, which is all the runtime accepts).
export const booleanQuery = /* @__PURE__ */ z
  .pipe(
    z.enum(["true", "false"]),
    z.transform((value: "true" | "false") => value === "true"),
  )
  .register(z.globalRegistry, { type: "boolean", enum: undefined });

/**
 * The IETF httpapi draft's Idempotency-Key: a structured-field string ("...", as the draft writes
 * it) or the same characters bare.
 */
export const IdempotencyHeaders = /* @__PURE__ */ z.object({
  // No comma: API Gateway joins a repeated header's values with commas, which must not make a new key.
  "idempotency-key": /* @__PURE__ */ z
    .optional(
      z.pipe(
        text({
          pattern: new RegExp(
            `^(?:"[\\x21\\x23-\\x2b\\x2d-\\x5b\\x5d-\\x7e]{1,255}"|[\\x21\\x23-\\x2b\\x2d-\\x5b\\x5d-\\x7e]{1,255})${END}`,
          ),
          message: "must be 1-255 printable ASCII characters without comma, optionally in double quotes, given once",
        }),
        z.transform((key: string) => key.replace(/^"(.*)"$/, "$1")),
      ),
    )
    .register(z.globalRegistry, {
      description:
        "Makes a retry safe (IETF draft-ietf-httpapi-idempotency-key-header): the same key with the same body gives the same outcome " +
        "(for create: a new private key for the same name, since the first one is never stored, unless it was escrowed); with another " +
        "body it is a 422; while an earlier request with the key may still be running, a 409 with Retry-After. Scoped to the caller " +
        "and the region.",
      example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
    }),
});

export const RegionQuery = /* @__PURE__ */ z.strictObject({
  region: /* @__PURE__ */ z.optional(Region),
  account: /* @__PURE__ */ z.optional(Account),
});

/** An optional field with its own description. */
/* @__NO_SIDE_EFFECTS__ */
export function described<T extends z.ZodMiniType>(schema: T, description: string) {
  const optional = z.optional(schema);
  z.globalRegistry.add(optional, { description });
  return optional;
}

export const KeyQuery = /* @__PURE__ */ z.strictObject({
  region: /* @__PURE__ */ z.optional(Region),
  account: /* @__PURE__ */ z.optional(Account),
  includePublicKey: described(booleanQuery, "Include the public key (OpenSSH format)."),
  includeUsage: described(
    booleanQuery,
    "Also answer `usage`: the instances (every state but terminated), launch template versions (default, latest and every version " +
      "an Auto Scaling group pins), launch configurations and Auto Scaling groups of the region that name this key (names compared " +
      "literally). Costs several EC2 and Auto Scaling describes, each paged to the end.",
  ),
});

export const DeleteQuery = /* @__PURE__ */ z.strictObject({
  region: /* @__PURE__ */ z.optional(Region),
  account: /* @__PURE__ */ z.optional(Account),
  dryRun: described(
    booleanQuery,
    "Nothing is deleted: the answer is what the delete would be. A 200 DryRunResult with the key's usage when it would succeed, " +
      "else its problem: 403 forbidden or unmanaged-key, 404, 409 key-in-use or usage-unknown (not with force=true).",
  ),
  force: described(
    booleanQuery,
    "Delete even if instances, launch templates, launch configurations or Auto Scaling groups still name the key, or if that could " +
      "not be checked. Without it such a delete is refused (409 key-in-use or usage-unknown, with the usage found).",
  ),
});

export const NamePath = /* @__PURE__ */ z.strictObject({ name: KeyName });
export const IdPath = /* @__PURE__ */ z.strictObject({ keyPairId: KeyPairId });
export const ProblemTypePath = /* @__PURE__ */ z.strictObject({
  type: /* @__PURE__ */ text({
    pattern: new RegExp(`^[a-z0-9-]{1,64}${END}`),
    message: "must be a problem type, such as conflict",
  }).register(z.globalRegistry, { description: "The last segment of a problem's type URI.", example: "conflict" }),
});

// ---- responses ----

/** What names a key pair in its region (includeUsage=true, the guarded delete). */
export const USAGE_CHECKS = [
  "instances",
  "launchTemplates",
  "launchConfigurations",
  "autoScalingGroups",
  "spotInstanceRequests",
  "spotFleetRequests",
  "fleets",
] as const;

export const KeyUsage = /* @__PURE__ */ z
  .strictObject({
    instances: z
      .array(z.strictObject({ instanceId: z.string(), state: z.string() }))
      .register(z.globalRegistry, { description: "Instances launched with the key, in every state but terminated." }),
    launchTemplates: z
      .array(
        z.strictObject({
          launchTemplateId: z.string(),
          launchTemplateName: z.string(),
          versions: z.array(z.number().check(z.int(), z.minimum(1))),
        }),
      )
      .register(z.globalRegistry, {
        description:
          "Launch templates whose default or latest version, or a version an Auto Scaling group, Spot Fleet or EC2 Fleet launches from, names the key.",
      }),
    launchConfigurations: z.array(z.strictObject({ name: z.string() })),
    autoScalingGroups: z.array(z.strictObject({ name: z.string() })).register(z.globalRegistry, {
      description: "Groups that launch from one of these launch template versions or launch configurations, or run one of these instances.",
    }),
    spotInstanceRequests: z.array(z.strictObject({ spotInstanceRequestId: z.string(), state: z.string() })).register(z.globalRegistry, {
      description:
        "Spot Instance requests that launch with the key when fulfilled: persistent ones open or active, one-time ones still open.",
    }),
    spotFleetRequests: z.array(z.strictObject({ spotFleetRequestId: z.string() })).register(z.globalRegistry, {
      description:
        "Spot Fleet requests of type maintain, not cancelled, whose launch specifications name the key or that launch from one of these launch template versions.",
    }),
    fleets: z.array(z.strictObject({ fleetId: z.string() })).register(z.globalRegistry, {
      description: "EC2 Fleets of type maintain, not deleted, that launch from one of these launch template versions.",
    }),
    complete: z.boolean().register(z.globalRegistry, {
      description:
        "Whether every kind above was checked; if not, `incomplete` says what and why. Only these kinds are checked " +
        "(e.g. not fleets of type request or instant).",
    }),
    incomplete: z.array(z.strictObject({ check: z.enum(USAGE_CHECKS), reason: z.string() })),
  })
  .register(z.globalRegistry, {
    id: "KeyUsage",
    example: {
      instances: [{ instanceId: "i-0123456789abcdef0", state: "stopped" }],
      launchTemplates: [{ launchTemplateId: "lt-0123456789abcdef0", launchTemplateName: "web", versions: [3] }],
      launchConfigurations: [],
      autoScalingGroups: [{ name: "web-asg" }],
      spotInstanceRequests: [],
      spotFleetRequests: [],
      fleets: [],
      complete: true,
      incomplete: [],
    },
  });

export const KeyPair = /* @__PURE__ */ z
  .strictObject({
    keyPairId: z.string(),
    name: z.string(),
    fingerprint: z.string(),
    keyType: KeyType,
    region: z.string(),
    account: z
      .optional(z.string())
      .register(z.globalRegistry, { description: "The key's account; only in estate listings (accounts=...)." }),
    tags: z.record(z.string(), z.string()).register(z.globalRegistry, {
      id: "KeyPairTags",
      description:
        `The caller's tags, the managed-key marker, and the service's tags that say what it does with the key: ${SERVICE_TAGS.escrow} ` +
        `(where an escrowed private key is kept) and ${SERVICE_TAGS.expiresAt} (when the sweep deletes it). The service's bookkeeping ` +
        `(${HIDDEN_TAG_KEYS.join(", ")}) is on the key in EC2 but in no answer, and the tagKey and tag filters do not match it.`,
    }),
    managed: z.boolean().register(z.globalRegistry, {
      description: "Whether the key carries this service's managed-key tag (only managed keys can be deleted through the API, by default).",
    }),
    createdAt: z.optional(z.iso.datetime()),
    expiresAt: z.optional(z.iso.datetime()).register(z.globalRegistry, {
      description: "When the key expires (UTC): the sweep deletes it then. Only on keys created or imported with ttlSeconds or expiresAt.",
    }),
    expiryTagInvalid: z.optional(z.boolean()).register(z.globalRegistry, {
      description:
        'Only when true: the key\'s ec2-keypairs-api:expires-at tag holds a value this service did not write (e.g. "0" or a time ' +
        "without a zone), so the key has no expiresAt and the sweep never deletes it.",
    }),
    publicKey: z.optional(z.string()).register(z.globalRegistry, { description: "OpenSSH public key; only with includePublicKey=true." }),
    usage: z.optional(KeyUsage).register(z.globalRegistry, { description: "What names this key; only with includeUsage=true." }),
  })
  .register(z.globalRegistry, {
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

/** A new key's fields, shared by the examples of both create answers. */
const NEW_KEY_EXAMPLE = {
  keyPairId: "key-0a1b2c3d4e5f60718",
  name: "deploy-bot",
  fingerprint: "Xk3r8yS0Wq2mYqk0sSL8cB5S0TtX4p9JZ3c3vJcQ0M4=",
  keyType: "ed25519",
  keyFormat: "pem",
  region: "eu-west-1",
  tags: { team: "platform", "managed-by": "ec2-keypairs-api" },
  managed: true,
};
// Not `{ ...NEW_KEY_EXAMPLE }` in place: esbuild keeps a spread (it may run getters), and with it
// the response schemas in every function bundle, though only the spec generator reads them.
const newKeyExample = /* @__NO_SIDE_EFFECTS__ */ (fields: object) => ({ ...NEW_KEY_EXAMPLE, ...fields });

export const CreatedKeyPair = /* @__PURE__ */ z
  // No publicKey, createdAt or usage: create answers none of them.
  .extend(z.omit(KeyPair, { publicKey: true, createdAt: true, usage: true, account: true }), {
    keyFormat: KeyFormat,
    keyMaterial: z
      .string()
      .register(z.globalRegistry, { description: "The private key. Returned once, in this response only: store it now." }),
  })
  .register(z.globalRegistry, {
    id: "CreatedKeyPair",
    example: newKeyExample({ keyMaterial: "-----BEGIN OPENSSH PRIVATE KEY-----\n(redacted)\n-----END OPENSSH PRIVATE KEY-----" }),
  });

export const EscrowedKeyPair = /* @__PURE__ */ z
  .extend(z.omit(CreatedKeyPair, { keyMaterial: true }), {
    privateKeyParameter: z.string().register(z.globalRegistry, {
      description: "The SSM Parameter Store SecureString parameter that holds the private key (requested with escrow: true).",
    }),
  })
  .register(z.globalRegistry, {
    id: "EscrowedKeyPair",
    example: newKeyExample({ privateKeyParameter: "/ec2/keypair/key-0a1b2c3d4e5f60718" }),
  });

/** How listing one region went, in an allRegions answer. */
export const RegionListing = /* @__PURE__ */ z
  .discriminatedUnion("status", [
    z.strictObject({
      status: z.literal("ok"),
      count: z
        .number()
        .check(z.int(), z.minimum(0))
        .register(z.globalRegistry, { description: "How many of this region's matching keys are in `items`." }),
      complete: z.boolean().register(z.globalRegistry, { description: "Whether `items` holds all of this region's matching keys." }),
      nextCursor: z.optional(z.string()).register(z.globalRegistry, {
        description:
          "When not complete and count > 0: the last name served; continue with `GET /keypairs?region=<region>&cursor=<nextCursor>`.",
      }),
    }),
    z.strictObject({
      status: z.literal("error"),
      problem: z
        .lazy(() => ProblemDetails)
        .register(z.globalRegistry, {
          description: "Why this region could not be listed (the problem a single-region list would have answered).",
        }),
    }),
  ])
  .register(z.globalRegistry, { id: "RegionListing", example: { status: "ok", count: 2, complete: true } });

/** How listing one (account, region) went, in an estate answer. */
export const SCOPE_STATUSES = ["ok", "denied", "unreachable", "throttled", "timeout", "not-enabled", "forbidden", "pending"] as const;
export type ScopeStatus = (typeof SCOPE_STATUSES)[number];

export const ScopeListing = /* @__PURE__ */ z
  .strictObject({
    status: z.enum(SCOPE_STATUSES).register(z.globalRegistry, {
      description:
        "ok: listed (count keys in items; complete says whether all). denied: the member role could not be assumed. unreachable: " +
        "the account or region could not be reached (STS not enabled there, an AWS failure). throttled, timeout: AWS throttled or " +
        "did not answer; list the scope again later. not-enabled: the region is not enabled for the account. forbidden: the caller " +
        "may not act in the account. pending: not finished before the deadline; nextCursor resumes it.",
    }),
    count: z.optional(z.number().check(z.int(), z.minimum(0))).register(z.globalRegistry, {
      description: "ok: how many of the scope's matching keys are in `items`.",
    }),
    complete: z.optional(z.boolean()).register(z.globalRegistry, {
      description: "ok: whether `items` holds all of the scope's matching keys (if not, nextCursor continues it).",
    }),
    detail: z.optional(z.string()).register(z.globalRegistry, { description: "Not ok: why, in the words of the problem it met." }),
  })
  .register(z.globalRegistry, { id: "ScopeListing", example: { status: "ok", count: 2, complete: true } });

export const KeyPairList = /* @__PURE__ */ z
  .strictObject({
    items: z.array(KeyPair),
    nextCursor: z.optional(z.string()).register(z.globalRegistry, {
      description:
        "Present when more keys follow: the last name of this page; pass it as `cursor`. In an estate listing (accounts=...): " +
        "an opaque token naming the scopes and pages still to list; pass it as `estateCursor`.",
    }),
    scopes: z.optional(z.record(z.string(), z.record(z.string(), ScopeListing))).register(z.globalRegistry, {
      description: "Only in estate listings (accounts=...): by account, then region, how listing each scope this page reached went.",
      example: {
        "222222222222": { "eu-west-1": { status: "ok", count: 2, complete: true } },
        "333333333333": { "eu-west-1": { status: "denied", detail: "Account 333333333333 could not be reached: denied ..." } },
      },
    }),
    pendingScopes: z.optional(z.number().check(z.int(), z.minimum(0))).register(z.globalRegistry, {
      description: "Only in estate listings: how many scopes this page did not start (nextCursor lists them).",
    }),
    regions: z.optional(z.record(z.string(), RegionListing)).register(z.globalRegistry, {
      description: "Only with allRegions=true: each allowed region and how listing it went.",
      example: {
        "eu-west-1": { status: "ok", count: 2, complete: true },
        "ap-south-1": {
          status: "error",
          problem: {
            type: `${PROBLEM_TYPE_BASE}upstream-timeout`,
            title: "AWS did not answer in time",
            status: 504,
            detail: "EC2 did not answer in time.",
          },
        },
      },
    }),
  })
  .register(z.globalRegistry, { id: "KeyPairList" });

export const CLEANUP_OUTCOMES = ["would-delete", "deleted", "kept-in-use", "kept-unknown", "failed"] as const;

export const CleanupItem = /* @__PURE__ */ z
  .strictObject({
    region: z.string(),
    name: z.string(),
    keyPairId: z.string(),
    outcome: z.enum(CLEANUP_OUTCOMES).register(z.globalRegistry, {
      description:
        "would-delete (a dry run), deleted, kept-in-use (something names it: `usage`), kept-unknown (its usage check was incomplete: " +
        "`usage`), failed (`problem`).",
    }),
    usage: z.optional(KeyUsage),
    problem: z.optional(z.lazy(() => ProblemDetails)),
  })
  .register(z.globalRegistry, { id: "CleanupItem" });

/** Where a cleanup goes on: the region, and the last key name it dealt with there (none: the region's first key). */
export const CleanupCursor = /* @__PURE__ */ z
  .strictObject({ region: Region, after: /* @__PURE__ */ z.optional(KeyName) })
  .register(z.globalRegistry, {
    id: "CleanupCursor",
    description: "Where an unfinished cleanup goes on: send it back as `cursor` with the same filters.",
    example: { region: "eu-west-1", after: "ci-runner-0412" },
  });

export const CleanupResult = /* @__PURE__ */ z
  .strictObject({
    dryRun: z.boolean(),
    items: z.array(CleanupItem),
    unmanagedSkipped: z.number().check(z.int(), z.minimum(0)).register(z.globalRegistry, {
      description: "Keys that matched the filters but that this service did not make: never selected, never deleted.",
    }),
    stopped: z.optional(z.enum(["cap", "deadline", "throttled", "error"])).register(z.globalRegistry, {
      description: "Why the request stopped before the end (then nextCursor says where to go on).",
    }),
    problem: z.optional(z.lazy(() => ProblemDetails)).register(z.globalRegistry, {
      description: "With stopped throttled or error: what stopped it.",
    }),
    nextCursor: z.optional(CleanupCursor),
  })
  .register(z.globalRegistry, { id: "CleanupResult" });

export const AGE_BUCKETS = ["under30d", "30to90d", "90to365d", "over365d", "unknown"] as const;

export const ReportRow = /* @__PURE__ */ z
  .strictObject({
    region: z.string(),
    keyType: KeyType,
    total: z.number(),
    managed: z.number(),
    age: z
      .strictObject({ under30d: z.number(), "30to90d": z.number(), "90to365d": z.number(), over365d: z.number(), unknown: z.number() })
      .register(z.globalRegistry, {
        description: "Keys by age (from EC2's creation time): under 30 days, 30-90, 90-365, over 365; unknown without a creation time.",
      }),
    unused: z.optional(z.number()).register(z.globalRegistry, { description: "With includeUnused: keys nothing names." }),
    usageUnknown: z.optional(z.number()).register(z.globalRegistry, {
      description: "With includeUnused: keys whose usage check was incomplete (neither counted unused nor in use).",
    }),
    missingTag: z.optional(z.number()).register(z.globalRegistry, { description: "With missingTag: keys without that tag." }),
    expiringSoon: z.optional(z.number()).register(z.globalRegistry, {
      description: "With expiringWithinDays: keys that expire within that many days (expired ones included).",
    }),
  })
  .register(z.globalRegistry, { id: "ReportRow" });

export const KeyPairReport = /* @__PURE__ */ z
  .strictObject({
    generatedAt: z.iso.datetime(),
    rows: z.array(ReportRow).register(z.globalRegistry, { description: "One row per region and key type that has keys." }),
    regions: z.record(z.string(), RegionListing).register(z.globalRegistry, {
      description: "Each region reported and how reading it went (count: its keys).",
    }),
  })
  .register(z.globalRegistry, { id: "KeyPairReport" });

export const DryRunResult = /* @__PURE__ */ z
  .strictObject({
    dryRun: z.literal(true),
    wouldSucceed: z.literal(true),
    operation: z.enum(["CreateKeyPair", "ImportKeyPair", "DeleteKeyPair", "CreateTags", "DeleteTags"]),
    detail: z.string(),
    usage: z.optional(KeyUsage).register(z.globalRegistry, { description: "A delete's dry run: what names the key." }),
    keyPair: z.optional(KeyPair).register(z.globalRegistry, { description: "A tags or expiry change's dry run: the key as it would be." }),
  })
  .register(z.globalRegistry, {
    id: "DryRunResult",
    example: { dryRun: true, wouldSucceed: true, operation: "CreateKeyPair", detail: "CreateKeyPair would succeed" },
  });

export const ProblemFieldError = /* @__PURE__ */ z
  .strictObject({
    field: z.string().register(z.globalRegistry, { description: "Location of the offending value, e.g. `body.tags` or `query.region`." }),
    message: z.string(),
  })
  .register(z.globalRegistry, { id: "ProblemFieldError", description: "One invalid field of the request." });

export const ProblemDetails = /* @__PURE__ */ z
  .strictObject({
    // Open for extension: a type this list does not name yet is still a problem (generated clients keep it as a string).
    type: z
      .union([
        z.enum(PROBLEM_KINDS.map((kind) => PROBLEM_TYPE_BASE + kind)).register(z.globalRegistry, {
          id: "KnownProblemType",
          description: "The problem types this version of the API answers (more may be added).",
          // Generated clients name the members by kind (CONFLICT, NOT_FOUND) rather than by the whole URI.
          "x-enum-varnames": PROBLEM_KINDS.map((kind) => kind.toUpperCase().replaceAll("-", "_")),
        }),
        z.string(),
      ])
      .register(z.globalRegistry, {
        description:
          `URI reference identifying the problem type: one of KnownProblemType, or a type added after this version of the spec. ` +
          `Relative (\`${PROBLEM_TYPE_BASE}<kind>\`): resolved against the request's URI it is GET /problems/{type} on this API, a page ` +
          `saying what the problem means.`,
      }),
    title: z.string(),
    status: z.number().check(z.int(), z.minimum(400), z.maximum(599)),
    detail: z.string(),
    instance: z.optional(z.string()),
    ec2Code: z
      .optional(z.string())
      .register(z.globalRegistry, { description: "The EC2 error code that caused this problem, when there was one." }),
    errors: z.optional(z.array(ProblemFieldError)).register(z.globalRegistry, { description: "Each invalid field of the request." }),
    usage: z.optional(KeyUsage).register(z.globalRegistry, {
      description: "key-in-use and usage-unknown: what names the key (nothing was deleted; force=true deletes anyway).",
    }),
    keyPair: z.optional(z.strictObject({ keyPairId: z.string(), name: z.string(), region: z.string() })).register(z.globalRegistry, {
      description: "private-key-delivered: the key pair the first request with this Idempotency-Key created.",
    }),
  })
  .register(z.globalRegistry, { id: "Problem", description: "RFC 9457 problem details." });

export type FieldError = z.output<typeof ProblemFieldError>;
export type Problem = z.output<typeof ProblemDetails>;
export type CreateKeyPairInput = z.output<typeof CreateKeyPairBody>;
export type ImportKeyPairInput = z.output<typeof ImportKeyPairBody>;
export type KeyPairView = z.output<typeof KeyPair>;
export type CreatedKeyPairView = z.output<typeof CreatedKeyPair>;
export type EscrowedKeyPairView = z.output<typeof EscrowedKeyPair>;
export type KeyPairListView = z.output<typeof KeyPairList>;
export type RegionListingView = z.output<typeof RegionListing>;
export type DryRunView = z.output<typeof DryRunResult>;
export type KeyUsageView = z.output<typeof KeyUsage>;
export type ProblemKeyPair = NonNullable<Problem["keyPair"]>;
export type CleanupCursorView = z.output<typeof CleanupCursor>;
export type CleanupItemView = z.output<typeof CleanupItem>;
export type ReportRowView = z.output<typeof ReportRow>;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
