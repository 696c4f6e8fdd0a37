import { accountAccessSchema } from "./account-access.js";
import { MAX_ESTATE_CONCURRENCY } from "./estate-limits.js";
import { KNOWN_REGIONS, STANDARD_REGIONS } from "./regions.js";
import * as z from "./zod.js";

const csv = z.pipe(
  z.string(),
  z.transform((value: string) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  ),
);

const flag = z.pipe(
  z.enum(["true", "false"]),
  z.transform((value: "true" | "false") => value === "true"),
);

const positiveInt = z.coerce.number().check(z.int(), z.positive());
/** An optional URL setting; empty means none (a deployment parameter left blank). */
const url = z.optional(
  z.union([
    z.url(),
    z.pipe(
      z.literal(""),
      z.transform(() => undefined),
    ),
  ]),
);

const envSchema = z
  .object({
    DEFAULT_REGION: z._default(z.string().check(z.minLength(1)), "us-east-1"),
    // Empty means the default list, so a deployment parameter can be left blank.
    ALLOWED_REGIONS: z.prefault(
      z
        .pipe(
          csv,
          z.transform((regions: string[]) => (regions.length ? regions : [...STANDARD_REGIONS])),
        )
        .check(
          z.refine((regions) => regions.every((region) => (KNOWN_REGIONS as readonly string[]).includes(region)), {
            message: `every region must be one of ${KNOWN_REGIONS.join(", ")}`,
          }),
        ),
      "",
    ),
    EC2_ENDPOINT: url,
    // Parameter Store, where a create with escrow puts the private key (locally: moto, like EC2_ENDPOINT).
    SSM_ENDPOINT: url,
    // EventBridge, where every change is published (locally: moto, like EC2_ENDPOINT): the bus and its region.
    EVENTS_ENDPOINT: url,
    EVENT_BUS_NAME: z._default(z.string().check(z.minLength(1), z.maxLength(1600)), "default"),
    EVENTS_REGION: z._default(z.string().check(z.minLength(1)), "us-east-1"),
    // The service's own share of AWS's request rates (decision 0030): the DynamoDB table every
    // instance takes its tokens from (empty: no limit of its own), the share, in percent of each
    // bucket's refill and capacity, and DynamoDB's endpoint and region (both ledgers' tables live in
    // the deployment's region, whatever region a request names; locally: moto).
    RATE_SHARE_TABLE: z.pipe(
      z.optional(z.string()),
      z.transform((value: string | undefined) => value || undefined),
    ),
    DYNAMODB_ENDPOINT: url,
    DYNAMODB_REGION: z._default(z.string().check(z.minLength(1)), "us-east-1"),
    RATE_SHARE_PERCENT: z._default(positiveInt.check(z.maximum(100)), 25),
    // Auto Scaling, read by usage checks (launch configurations, groups; locally: moto, like EC2_ENDPOINT).
    AUTOSCALING_ENDPOINT: url,
    // Empty: the AWS managed key alias/aws/ssm.
    ESCROW_KMS_KEY_ID: z.pipe(
      z.optional(z.string()),
      z.transform((value: string | undefined) => value || undefined),
    ),
    // The EC2_* limits and PRIME_EC2_ON_INIT govern every AWS client (EC2, SSM, Auto Scaling, EventBridge):
    // named after EC2, the first; deployments set them by these names, so the names stay.
    EC2_MAX_ATTEMPTS: z._default(positiveInt.check(z.maximum(10)), 3),
    EC2_REQUEST_TIMEOUT_MS: z._default(positiveInt, 3000),
    EC2_TOTAL_TIMEOUT_MS: z._default(positiveInt, 10000),
    THROTTLE_RETRY_AFTER_SECONDS: z._default(positiveInt, 2),
    // The longest a request can run (the function timeout): an Idempotency-Key retry sooner may meet it still running.
    REQUEST_MAX_SECONDS: z._default(positiveInt, 15),
    // The Idempotency-Key ledger (src/lib/aws/idempotency-ledger.ts): a DynamoDB table in
    // DYNAMODB_REGION, and how long a record is kept (a day, as Stripe's keys).
    IDEMPOTENCY_TABLE: z._default(z.string().check(z.minLength(3), z.maxLength(255)), "ec2-keypairs-api-idempotency"),
    IDEMPOTENCY_RECORD_SECONDS: z._default(positiveInt.check(z.maximum(7 * 24 * 3600)), 24 * 3600),
    // The most keys one cleanup request deletes (POST /keypairs/cleanup); the rest is its cursor's.
    CLEANUP_MAX_DELETIONS: z._default(positiveInt.check(z.maximum(1000)), 100),
    MANAGED_TAG_KEY: z._default(z.string().check(z.minLength(1), z.maxLength(128)), "managed-by"),
    MANAGED_TAG_VALUE: z._default(z.string().check(z.minLength(1), z.maxLength(256)), "ec2-keypairs-api"),
    ALLOW_UNMANAGED_DELETE: z._default(flag, false),
    // Above the largest valid body (49 tags of 128+256 characters, JSON-escaped), so 413 means abuse.
    MAX_BODY_BYTES: z._default(positiveInt, 262144),
    // This API's own account (requests that name no account act in it, with the functions' own role). Empty: the
    // account of the invoked function's ARN (Lambda's); the local stack sets moto's.
    ACCOUNT_ID: z.pipe(
      z.optional(z.string().check(z.regex(/^(\d{12})?$/, "must be 12 digits"))),
      z.transform((value: string | undefined) => value || undefined),
    ),
    // The other accounts requests may name: account ids, or `organization` (AWS Organizations' active accounts,
    // under ALLOWED_OUS if given). Empty: none but this API's own.
    ALLOWED_ACCOUNTS: z.prefault(
      z.union([
        z.pipe(
          z.literal("organization"),
          z.transform(() => "organization" as const),
        ),
        csv.check(
          z.refine((ids) => ids.every((id) => /^\d{12}$/.test(id)), { message: "must be `organization` or a comma list of 12-digit ids" }),
        ),
      ]),
      "",
    ),
    ALLOWED_OUS: z.prefault(
      csv.check(
        z.refine((ids) => ids.every((id) => /^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/.test(id)), "must be OU or root ids"),
      ),
      "",
    ),
    // Who may act where: callers act in their own account, and where this grants them more (platform/account-access.ts).
    ACCOUNT_ACCESS: z.prefault(accountAccessSchema, ""),
    // An estate listing (accounts=...): how many (account, region) scopes it lists at once, and when it answers what
    // it has (ms after API Gateway received the request, cold start included; API Gateway gives up at 30 s).
    // 64 by default: 1,000 accounts x 17 regions within three pages (docs/performance.md, "The estate at scale").
    ESTATE_CONCURRENCY: z._default(positiveInt.check(z.maximum(MAX_ESTATE_CONCURRENCY)), 64),
    ESTATE_DEADLINE_MS: z._default(positiveInt, 24000),
    // How long an instance trusts its list of the organization's accounts.
    ALLOWED_ACCOUNTS_TTL_SECONDS: z._default(positiveInt, 60),
    // The role every member account has (deploy/member-role.yml), assumed with this external id.
    MEMBER_ROLE_NAME: z._default(z.string().check(z.regex(/^[\w+=,.@-]{1,64}$/, "must be an IAM role name")), "ec2-keypairs-member"),
    MEMBER_EXTERNAL_ID: z._default(z.string().check(z.regex(/^[\w+=,.@:/-]{2,1224}$/, "must be an STS external id")), "ec2-keypairs-api"),
    // STS and Organizations (locally: moto, like EC2_ENDPOINT); STS is called in the function's own region.
    STS_ENDPOINT: url,
    ORGANIZATIONS_ENDPOINT: url,
    AWS_REGION: z.optional(z.string()),
    // Priming at INIT: one EC2 read, then rehearsals of the other clients' calls answered in process
    // (src/lib/aws/ec2-priming.ts, key-usage-priming.ts, eventbridge.ts); serverless.yml sets it.
    PRIME_EC2_ON_INIT: z._default(flag, false),
  })
  .check(
    z.refine((env) => env.ALLOWED_REGIONS.includes(env.DEFAULT_REGION), {
      message: "DEFAULT_REGION must be one of ALLOWED_REGIONS",
      path: ["DEFAULT_REGION"],
    }),
  );

export type Config = z.output<typeof envSchema>;

/** Parses the environment; throws at cold start with every invalid setting named. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}

export const config: Config = loadConfig(process.env);
