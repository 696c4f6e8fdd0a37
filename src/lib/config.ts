import * as z from "zod";
import { KNOWN_REGIONS, STANDARD_REGIONS } from "./regions.js";

const csv = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean));

const flag = z.enum(["true", "false"]).transform((value) => value === "true");

const positiveInt = z.coerce.number().int().positive();

const envSchema = z
  .object({
    DEFAULT_REGION: z.string().min(1).default("us-east-1"),
    // Empty means the default list, so a deployment parameter can be left blank.
    ALLOWED_REGIONS: csv
      .prefault("")
      .transform((regions) => (regions.length ? regions : [...STANDARD_REGIONS]))
      .refine((regions) => regions.every((region) => (KNOWN_REGIONS as readonly string[]).includes(region)), {
        message: `every region must be one of ${KNOWN_REGIONS.join(", ")}`,
      }),
    EC2_ENDPOINT: z.url().optional().or(z.literal("").transform(() => undefined)),
    // Parameter Store, where a create with escrow puts the private key (locally: moto, like EC2_ENDPOINT).
    SSM_ENDPOINT: z.url().optional().or(z.literal("").transform(() => undefined)),
    // Empty: the AWS managed key alias/aws/ssm.
    ESCROW_KMS_KEY_ID: z.string().optional().transform((value) => value || undefined),
    EC2_MAX_ATTEMPTS: positiveInt.max(10).default(3),
    EC2_REQUEST_TIMEOUT_MS: positiveInt.default(3000),
    EC2_TOTAL_TIMEOUT_MS: positiveInt.default(10000),
    THROTTLE_RETRY_AFTER_SECONDS: positiveInt.default(2),
    // The longest a request can run (the function timeout): an Idempotency-Key retry sooner may meet it still running.
    REQUEST_MAX_SECONDS: positiveInt.default(15),
    MANAGED_TAG_KEY: z.string().min(1).max(128).default("managed-by"),
    MANAGED_TAG_VALUE: z.string().min(1).max(256).default("ec2-keypairs-api"),
    ALLOW_UNMANAGED_DELETE: flag.default(false),
    // Above the largest valid body (49 tags of 128+256 characters, JSON-escaped), so 413 means abuse.
    MAX_BODY_BYTES: positiveInt.default(262144),
    CORS_ALLOWED_ORIGINS: csv.prefault(""),
    // One EC2 read at INIT that warms the client (src/lib/ec2.ts primeEc2Client); serverless.yml sets it.
    PRIME_EC2_ON_INIT: flag.default(false),
  })
  .refine((env) => env.ALLOWED_REGIONS.includes(env.DEFAULT_REGION), {
    message: "DEFAULT_REGION must be one of ALLOWED_REGIONS",
    path: ["DEFAULT_REGION"],
  });

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
