/**
 * The OpenAPI 3.1 document, built from the zod schemas in schemas.ts. `npm run openapi` writes it
 * to openapi.yaml; a contract test fails when the committed file differs.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import * as z from "zod";
import { PROBLEM_TYPE_BASE, problemStatus, type ProblemKind } from "./errors.js";
import {
  CreateKeyPairBody,
  CreatedKeyPair,
  DeleteQuery,
  DryRunResult,
  IdempotencyHeaders,
  EscrowedKeyPair,
  IdPath,
  ImportKeyPairBody,
  KeyPair,
  KeyPairList,
  KeyQuery,
  ListQuery,
  NamePath,
  ProblemDetails,
  RegionQuery,
} from "./schemas.js";

const registry = new OpenAPIRegistry();
const sigv4 = registry.registerComponent("securitySchemes", "sigv4", {
  type: "apiKey",
  name: "Authorization",
  in: "header",
  description: "AWS Signature Version 4 (API Gateway IAM authorization): sign requests with credentials allowed execute-api:Invoke on this API.",
});

const problemExample = (kind: ProblemKind, detail: string, extra: object = {}) => ({
  type: PROBLEM_TYPE_BASE + kind,
  title: kind.replace(/-/g, " ").replace(/^./, (letter) => letter.toUpperCase()),
  status: problemStatus(kind),
  detail,
  instance: "/keypairs",
  ...extra,
});

const problem = (description: string, kind: ProblemKind, detail: string, extra: object = {}, headers?: ResponseConfig["headers"]): ResponseConfig => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/problem+json": { schema: ProblemDetails, example: problemExample(kind, detail, extra) } },
});

/** API Gateway's own answers (stage throttling, IAM refusals) are {"message": ...}, not problems. */
const GatewayMessage = z.strictObject({ message: z.string() }).meta({ id: "GatewayMessage", description: "An answer API Gateway itself sends, before any function runs." });

function withGatewayAnswer(response: ResponseConfig, message: string): ResponseConfig {
  return { ...response, content: { ...response.content, "application/json": { schema: GatewayMessage, example: { message } } } };
}

const common = {
  400: problem("Invalid request: a field, the region or the cursor is wrong.", "validation", "body.name: Too big: expected string to have <=255 characters", {
    errors: [{ field: "body.name", message: "Too big: expected string to have <=255 characters" }],
  }),
  429: withGatewayAnswer(
    problem("Too many requests: the API's stage throttling refused it (API Gateway's own answer, application/json {\"message\":\"Too Many Requests\"}, no Retry-After), or EC2 throttled the request after the service's retries (a problem with Retry-After).", "throttled", "EC2 is throttling requests; retry after the delay in Retry-After.", { ec2Code: "RequestLimitExceeded" }, {
      "Retry-After": { description: "Seconds to wait before retrying (EC2 throttling only; the gateway's own 429 has none).", schema: { type: "integer" } },
    }),
    "Too Many Requests",
  ),
  500: problem("Unexpected error; details are in the service's logs only.", "internal", "An unexpected error occurred; it has been logged with this request's id."),
  502: problem("EC2 failed or refused the service's own credentials.", "upstream-error", "EC2 reported an internal error.", { ec2Code: "InternalError" }),
  504: problem("EC2 did not answer within the service's time budget.", "upstream-timeout", "EC2 did not answer in time."),
};

const notFound = problem("No such key pair in the region.", "not-found", "No key pair named deploy-bot in eu-west-1.");
const bodyErrors = {
  400: problem("Invalid request, malformed JSON or a malformed public key.", "validation", "publicKey is a 768-bit RSA key: EC2 accepts 1024 to 4096 bits", {
    errors: [{ field: "body.publicKey", message: "is a 768-bit RSA key: EC2 accepts 1024 to 4096 bits" }],
  }),
  403: problem("Dry run: the service is not permitted to perform the call.", "forbidden", "CreateKeyPair would fail: the service is not permitted to perform it.", { ec2Code: "UnauthorizedOperation" }),
  409: problem(
    "A key pair with this name already exists in the region; or (problem type request-in-progress, with a Retry-After header) an earlier request with the same Idempotency-Key may still be running.",
    "conflict",
    "A key pair with this name already exists in this region.",
    { ec2Code: "InvalidKeyPair.Duplicate" },
  ),
  413: problem("The body is larger than the service accepts (16 KiB by default).", "payload-too-large", "The body is 20480 bytes; at most 16384 are accepted."),
  415: problem("The body is not sent as application/json.", "unsupported-media-type", "Send the body as application/json."),
  422: problem("The region's key pair quota is reached; or (problem type idempotency-key-reused) the Idempotency-Key was used for a different request.", "quota-exceeded", "The region's key pair quota (5,000 by default) is reached: delete keys or request a quota increase.", { ec2Code: "KeyPairLimitExceeded" }),
};

const json = (description: string, schema: z.ZodType, headers?: ResponseConfig["headers"]): ResponseConfig => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema } },
});

// Exactly one of the two, by the request's escrow flag (oneOf: zod-to-openapi reads this internal metadata).
const createAnswer = z.union([CreatedKeyPair, EscrowedKeyPair]).meta({ _internal: { unionPreferredType: "oneOf" } });

const dryRun = json("Dry run: the call would succeed; nothing was changed.", DryRunResult);

function route(config: Omit<RouteConfig, "security">): void {
  registry.registerPath({ ...config, tags: ["key pairs"], security: [{ [sigv4.name]: [] }] });
}

route({
  method: "post",
  path: "/keypairs",
  operationId: "createKeyPair",
  summary: "Create a key pair",
  description:
    "Creates an RSA (2048-bit) or ED25519 key pair in EC2 and returns its private key in PEM or PPK format. The private key appears in this response only and is never stored or logged: keep it (chmod 400). The key is tagged as managed by this service. ED25519 keys do not work for Windows instances. The region comes from the body, else the `region` query parameter, else the service's default.",
  request: { query: RegionQuery, headers: IdempotencyHeaders, body: { required: true, content: { "application/json": { schema: CreateKeyPairBody } } } },
  responses: {
    201: json("Created. The body holds the private key (it cannot be retrieved again), or with escrow: true where it is stored.", createAnswer, {
      "Cache-Control": { description: "Always no-store: the body holds a private key.", schema: { type: "string", enum: ["no-store"] } },
    }),
    200: dryRun,
    ...common,
    ...bodyErrors,
  },
});

route({
  method: "post",
  path: "/keypairs/import",
  operationId: "importKeyPair",
  summary: "Import a public key",
  description:
    "Registers your own public key (OpenSSH or RFC 4716; RSA 1024-4096 bits or ED25519) as an EC2 key pair. The key is checked first: a malformed key gets a 400 saying what is wrong with it. The request body is treated as a secret and never logged.",
  request: { query: RegionQuery, headers: IdempotencyHeaders, body: { required: true, content: { "application/json": { schema: ImportKeyPairBody } } } },
  responses: { 201: json("Imported.", KeyPair), 200: dryRun, ...common, ...bodyErrors },
});

route({
  method: "get",
  path: "/keypairs",
  operationId: "listKeyPairs",
  summary: "List key pairs",
  description:
    "Lists the key pairs of a region, sorted by name, optionally filtered. Pages hold at most `limit` keys; follow `nextCursor` for the rest. Private keys are never returned." +
    " With `allRegions=true`, lists every allowed region at once (4 regions at a time, one shared time budget): each item carries its region, and `regions` reports each region as `ok` (count, complete, nextCursor) or `error` (the region's problem), so a failing region never fails the whole answer.",
  request: { query: ListQuery },
  responses: { 200: json("One page of key pairs.", KeyPairList), ...common },
});

route({
  method: "get",
  path: "/keypairs/{name}",
  operationId: "getKeyPair",
  summary: "Get a key pair by name",
  description: "Returns one key pair, addressed by its name (URL-encoded). To address a key by its id use GET /keypairs/by-id/{keyPairId}.",
  request: { params: NamePath, query: KeyQuery },
  responses: { 200: json("The key pair.", KeyPair), 404: notFound, ...common },
});

route({
  method: "get",
  path: "/keypairs/by-id/{keyPairId}",
  operationId: "getKeyPairById",
  summary: "Get a key pair by id",
  description: "Returns one key pair, addressed by its EC2 id (key-...).",
  request: { params: IdPath, query: KeyQuery },
  responses: { 200: json("The key pair.", KeyPair), 404: notFound, ...common },
});

const deleteResponses = {
  204: { description: "Deleted." },
  200: dryRun,
  403: problem("The key pair was not created through this service (no managed-key tag), so it is not deleted.", "unmanaged-key", "Key pair console-key was not created or imported through this service (no managed-by=ec2-keypairs-api tag); delete it in EC2 directly."),
  404: notFound,
  ...common,
};

route({
  method: "delete",
  path: "/keypairs/{name}",
  operationId: "deleteKeyPair",
  summary: "Delete a key pair by name",
  description: "Deletes a key pair managed by this service. Answers 404 when there is no such key (EC2 itself would answer success) and 403 for keys made outside this service.",
  request: { params: NamePath, query: DeleteQuery },
  responses: deleteResponses,
});

route({
  method: "delete",
  path: "/keypairs/by-id/{keyPairId}",
  operationId: "deleteKeyPairById",
  summary: "Delete a key pair by id",
  description: "Same as DELETE /keypairs/{name}, addressing the key by its EC2 id.",
  request: { params: IdPath, query: DeleteQuery },
  responses: deleteResponses,
});

export function openApiDocument() {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "EC2 Key Pairs API",
      version: "1.0.0",
      description:
        "Create, import, list, get and delete Amazon EC2 key pairs in the region you choose. Every route requires AWS IAM (SigV4) authorization. Errors are RFC 9457 problem+json.",
      license: { name: "UNLICENSED", identifier: "UNLICENSED" },
    },
    servers: [
      { url: "https://{apiId}.execute-api.{region}.amazonaws.com", description: "The deployed HTTP API (locally, npm start serves it at http://localhost:3000)", variables: { apiId: { default: "abcdef1234" }, region: { default: "us-east-1" } } },
    ],
    tags: [{ name: "key pairs", description: "EC2 key pairs of one region." }],
  });
}
