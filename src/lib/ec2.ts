/**
 * The EC2 adapter: owns one SDK client per region (built lazily, reused across invocations) and
 * translates every EC2 error into the API's own error types, in one table.
 */
import {
  CreateKeyPairCommand,
  DeleteKeyPairCommand,
  DescribeKeyPairsCommand,
  EC2Client,
  ImportKeyPairCommand,
  type CreateKeyPairCommandOutput,
  type Filter,
  type ImportKeyPairCommandOutput,
  type KeyPairInfo,
  type Tag,
} from "@aws-sdk/client-ec2";
import { config } from "./config.js";
import { ApiError, DryRunSucceeded, type ProblemKind } from "./errors.js";

const clients = new Map<string, EC2Client>();

export function ec2Client(region: string): EC2Client {
  let client = clients.get(region);
  if (!client) {
    client = new EC2Client({
      region,
      endpoint: config.EC2_ENDPOINT,
      maxAttempts: config.EC2_MAX_ATTEMPTS,
      retryMode: "standard",
      requestHandler: {
        requestTimeout: config.EC2_REQUEST_TIMEOUT_MS,
        connectionTimeout: config.EC2_REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      },
    });
    clients.set(region, client);
  }
  return client;
}

type Operation = "CreateKeyPair" | "ImportKeyPair" | "DescribeKeyPairs" | "DeleteKeyPair";

interface Translation {
  kind: ProblemKind;
  /** What the caller reads; `undefined` passes EC2's own message through (it is about their input). */
  detail?: string;
}

/** Every EC2 error code the API distinguishes, and what it becomes. Unlisted codes: see translate(). */
const EC2_ERRORS: Record<string, Translation> = {
  "InvalidKeyPair.Duplicate": { kind: "conflict", detail: "A key pair with this name already exists in this region." },
  "InvalidKeyPair.NotFound": { kind: "not-found", detail: "No such key pair in this region." },
  "InvalidKey.Format": { kind: "validation" },
  "InvalidKeyPair.Format": { kind: "validation" },
  InvalidParameterValue: { kind: "validation" },
  InvalidParameter: { kind: "validation" },
  InvalidParameterCombination: { kind: "validation" },
  MissingParameter: { kind: "validation" },
  KeyPairLimitExceeded: { kind: "quota-exceeded", detail: "The region's key pair quota (5,000 by default) is reached: delete keys or request a quota increase." },
  ResourceLimitExceeded: { kind: "quota-exceeded", detail: "The region's key pair quota (5,000 by default) is reached: delete keys or request a quota increase." },
  RequestLimitExceeded: { kind: "throttled", detail: "EC2 is throttling requests; retry after the delay in Retry-After." },
  Throttling: { kind: "throttled", detail: "EC2 is throttling requests; retry after the delay in Retry-After." },
  ThrottlingException: { kind: "throttled", detail: "EC2 is throttling requests; retry after the delay in Retry-After." },
  OptInRequired: { kind: "validation", detail: "This region is not enabled for the account." },
  AuthFailure: { kind: "upstream-error", detail: "The service could not authenticate to EC2." },
  UnauthorizedOperation: { kind: "upstream-error", detail: "The service is not permitted to perform this EC2 operation." },
  InternalError: { kind: "upstream-error", detail: "EC2 reported an internal error." },
  InternalFailure: { kind: "upstream-error", detail: "EC2 reported an internal error." },
  Unavailable: { kind: "upstream-error", detail: "EC2 is unavailable." },
  ServiceUnavailable: { kind: "upstream-error", detail: "EC2 is unavailable." },
  TimeoutError: { kind: "upstream-timeout", detail: "EC2 did not answer in time." },
  AbortError: { kind: "upstream-timeout", detail: "EC2 did not answer in time." },
  RequestTimeout: { kind: "upstream-timeout", detail: "EC2 did not answer in time." },
};

interface SdkError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
}

export function translateEc2Error(error: unknown, operation: Operation, dryRun = false): Error {
  if (error instanceof ApiError) return error;
  const sdkError = (error ?? {}) as SdkError;
  const code = sdkError.Code ?? sdkError.name ?? sdkError.code ?? "Unknown";
  if (code === "DryRunOperation") return new DryRunSucceeded(operation);
  if (code === "UnauthorizedOperation" && dryRun) {
    return new ApiError("forbidden", `${operation} would fail: the service is not permitted to perform it.`, { ec2Code: code });
  }
  const translation = EC2_ERRORS[code];
  if (translation) {
    return new ApiError(translation.kind, translation.detail ?? sdkError.message ?? code, {
      ec2Code: code,
      retryAfterSeconds: translation.kind === "throttled" ? config.THROTTLE_RETRY_AFTER_SECONDS : undefined,
    });
  }
  const serverSide = sdkError.$fault === "server" || (sdkError.$metadata?.httpStatusCode ?? 0) >= 500;
  const network = typeof sdkError.code === "string" && /^E[A-Z]+/.test(sdkError.code);
  if (serverSide || network) {
    return new ApiError("upstream-error", "EC2 request failed.", { ec2Code: sdkError.$fault ? code : undefined });
  }
  // Not an EC2 answer we know: keep the original for the logs, the caller gets a bare 500.
  return error instanceof Error ? error : new Error(String(error));
}

async function send<T>(region: string, operation: Operation, dryRun: boolean, run: (client: EC2Client, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await run(ec2Client(region), AbortSignal.timeout(config.EC2_TOTAL_TIMEOUT_MS));
  } catch (error) {
    throw translateEc2Error(error, operation, dryRun);
  }
}

export interface NewKeyPair {
  name: string;
  keyType: "rsa" | "ed25519";
  keyFormat: "pem" | "ppk";
  tags: Tag[];
  dryRun: boolean;
}

const keyPairTags = (tags: Tag[]) => (tags.length ? [{ ResourceType: "key-pair" as const, Tags: tags }] : undefined);

export function createKeyPair(region: string, input: NewKeyPair): Promise<CreateKeyPairCommandOutput> {
  return send(region, "CreateKeyPair", input.dryRun, (client, abortSignal) =>
    client.send(
      new CreateKeyPairCommand({
        KeyName: input.name,
        KeyType: input.keyType,
        KeyFormat: input.keyFormat,
        TagSpecifications: keyPairTags(input.tags),
        DryRun: input.dryRun,
      }),
      { abortSignal },
    ),
  );
}

export interface PublicKeyImport {
  name: string;
  openssh: string;
  tags: Tag[];
  dryRun: boolean;
}

export function importKeyPair(region: string, input: PublicKeyImport): Promise<ImportKeyPairCommandOutput> {
  return send(region, "ImportKeyPair", input.dryRun, (client, abortSignal) =>
    client.send(
      new ImportKeyPairCommand({
        KeyName: input.name,
        PublicKeyMaterial: Buffer.from(input.openssh),
        TagSpecifications: keyPairTags(input.tags),
        DryRun: input.dryRun,
      }),
      { abortSignal },
    ),
  );
}

export async function describeKeyPairs(region: string, filters: Filter[], includePublicKey: boolean): Promise<KeyPairInfo[]> {
  const output = await send(region, "DescribeKeyPairs", false, (client, abortSignal) =>
    client.send(
      new DescribeKeyPairsCommand({ Filters: filters.length ? filters : undefined, IncludePublicKey: includePublicKey }),
      { abortSignal },
    ),
  );
  return output.KeyPairs ?? [];
}

export async function deleteKeyPair(region: string, name: string, dryRun: boolean): Promise<void> {
  await send(region, "DeleteKeyPair", dryRun, (client, abortSignal) =>
    client.send(new DeleteKeyPairCommand({ KeyName: name, DryRun: dryRun }), { abortSignal }),
  );
}
