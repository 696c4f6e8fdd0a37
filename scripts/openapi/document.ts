/**
 * The OpenAPI 3.1 document, built from the zod schemas (src/lib/api/schemas.ts) and the code that produces the answers. `npm run openapi` writes it
 * to openapi.yaml; a contract test fails when the committed file differs.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import * as z from "zod";
import type * as core from "zod/v4/core";
import { methodNotAllowed } from "../../src/handlers/method-not-allowed.js";
import { KeyPairEventDetail } from "../../src/lib/api/events.js";
import { ListQuery as RuntimeListQuery } from "../../src/lib/api/list-query.js";
import { INTERNAL_DETAIL } from "../../src/lib/api/problems.js";
import * as runtime from "../../src/lib/api/schemas.js";
import { type Operation, translateEc2Error } from "../../src/lib/aws/ec2-errors.js";
import { payloadTooLarge } from "../../src/lib/http/middleware/body-guard.js";
import { refuseMediaType } from "../../src/lib/http/middleware/json-body.js";
import { PEM } from "../../src/lib/http/negotiation.js";
import { toProblem } from "../../src/lib/http/problems.js";
import { parsePart, refuseRepeatedParameters } from "../../src/lib/http/request.js";
import { MAX_JSON_DEPTH } from "../../src/lib/http/strict-json.js";
import { unmanagedKey } from "../../src/lib/keypairs/delete.js";
import { ServiceError } from "../../src/lib/keypairs/errors.js";
import { nameTaken } from "../../src/lib/keypairs/idempotency.js";
import { parsePublicKey } from "../../src/lib/keypairs/public-key.js";
import { refuseIfUsed } from "../../src/lib/keypairs/usage.js";
import { loadConfig } from "../../src/lib/platform/config.js";
import { METHODS_BY_PATH, SHADOWED_ROUTES } from "../../src/lib/routes.js";
import { settingsFrom } from "../../src/lib/service/settings.js";
import { eventsSection } from "./events.js";

/**
 * The runtime schemas are zod/mini (src/lib/platform/zod.ts); zod-to-openapi reads zod classic. A mini schema
 * and its classic twin share one definition (`def`: type, checks, inner schemas), so each is rebuilt
 * as the classic class of the same name from its own def, with the original's metadata given by
 * .meta() as classic schemas get it. Spec generation only: no bundle includes this.
 */
const twins = new WeakMap<object, z.ZodType>();
const isMini = (value: unknown): value is core.$ZodType =>
  typeof value === "object" &&
  value !== null &&
  "_zod" in value &&
  /^ZodMini/.test((value as { _zod: { constr: { name: string } } })._zod.constr.name);

function classic(schema: core.$ZodType): z.ZodType {
  const known = twins.get(schema);
  if (known) return known;
  const name = (schema._zod as unknown as { constr: { name: string } }).constr.name.replace(/^ZodMini/, "Zod");
  const Twin = (z as unknown as Record<string, new (def: unknown) => z.ZodType>)[name];
  if (!Twin) throw new Error(`openapi: no zod classic class ${name} for a zod/mini schema`);
  const def: Record<string, unknown> = { ...schema._zod.def };
  const convert = (value: unknown): unknown => (isMini(value) ? classic(value) : value);
  for (const key of ["innerType", "in", "out", "element", "keyType", "valueType"]) if (key in def) def[key] = convert(def[key]);
  if (Array.isArray(def.options)) def.options = def.options.map(convert);
  if (def.shape) def.shape = Object.fromEntries(Object.entries(def.shape as object).map(([key, value]) => [key, convert(value)]));
  if (typeof def.getter === "function") {
    const getter = def.getter as () => core.$ZodType;
    def.getter = () => classic(getter());
  }
  // The registered metadata the classic way, with .meta(): zod-to-openapi records it there.
  const metadata = z.globalRegistry.get(schema);
  const twin = metadata ? new Twin(def).meta(metadata) : new Twin(def);
  twins.set(schema, twin);
  return twin;
}

// The runtime schemas, as zod-to-openapi reads them.
const CreateKeyPairBody = classic(runtime.CreateKeyPairBody) as z.ZodObject;
const ImportKeyPairBody = classic(runtime.ImportKeyPairBody) as z.ZodObject;
const RegionQuery = classic(runtime.RegionQuery) as z.ZodObject;
const IdempotencyHeaders = classic(runtime.IdempotencyHeaders) as z.ZodObject;
const ListQuery = classic(RuntimeListQuery) as z.ZodObject;
const KeyQuery = classic(runtime.KeyQuery) as z.ZodObject;
const DeleteQuery = classic(runtime.DeleteQuery) as z.ZodObject;
const NamePath = classic(runtime.NamePath) as z.ZodObject;
const IdPath = classic(runtime.IdPath) as z.ZodObject;
const ProblemTypePath = classic(runtime.ProblemTypePath) as z.ZodObject;
const KeyPair = classic(runtime.KeyPair);
const KeyPairList = classic(runtime.KeyPairList);
const CreatedKeyPair = classic(runtime.CreatedKeyPair);
const EscrowedKeyPair = classic(runtime.EscrowedKeyPair);
const DryRunResult = classic(runtime.DryRunResult);
const ProblemDetails = classic(runtime.ProblemDetails);

const registry = new OpenAPIRegistry();
/**
 * The events' detail, for x-events (no route answers it). zod writes the schemas with an id as $defs:
 * the others (KeyType) are components already.
 */
function eventDetailSchema(): object {
  const schemas = z.toJSONSchema(classic(KeyPairEventDetail), { io: "output" }) as { $defs: Record<string, unknown> };
  return JSON.parse(JSON.stringify(schemas.$defs.KeyPairEventDetail).replaceAll('"#/$defs/', '"#/components/schemas/'));
}
const sigv4 = registry.registerComponent("securitySchemes", "sigv4", {
  type: "apiKey",
  name: "Authorization",
  in: "header",
  // How API Gateway itself exports an IAM-authorized API: the Authorization header carries a SigV4 signature.
  "x-amazon-apigateway-authtype": "awsSigv4",
  description:
    "AWS Signature Version 4 (API Gateway IAM authorization): sign requests (service execute-api) with credentials allowed " +
    'execute-api:Invoke on this API. API Gateway itself refuses unsigned or badly signed requests with 403 {"message": ...}.',
} as Parameters<typeof registry.registerComponent<"securitySchemes">>[2]);

/** The configuration a deployment gets when it sets nothing: the limits the spec quotes. */
const DEFAULTS = loadConfig({});

/** The error a function throws: run `make` and return what it throws (a ServiceError). */
function thrown(make: () => unknown): ServiceError {
  try {
    make();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  const made = make();
  if (made instanceof ServiceError) return made;
  throw new Error("openapi: an example's error constructor threw nothing");
}

/** An SDK error as EC2 answers it (what the adapter's translateEc2Error reads). */
const ec2Answer = (code: string, status = 400) => ({
  name: code,
  $fault: status >= 500 ? "server" : "client",
  $metadata: { httpStatusCode: status },
});
const fromEc2 = (operation: Operation, code: string, status?: number, dryRun = false) =>
  translateEc2Error(ec2Answer(code, status), operation, dryRun) as ServiceError;

/** A public key of only 768 bits (ssh-rsa wire format), which parsePublicKey refuses. */
function smallRsaKey(): string {
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  const modulus = Buffer.concat([Buffer.from([0x00, 0xc3]), Buffer.alloc(95, 0x5a)]);
  return `ssh-rsa ${Buffer.concat([field(Buffer.from("ssh-rsa")), field(Buffer.from([1, 0, 1])), field(modulus)]).toString("base64")}`;
}

const EXAMPLE_PATH_PARAMETERS: Record<string, string> = { name: "deploy-bot", keyPairId: "key-0123456789abcdef0", type: "teapot" };
/** The path a request to `path` has (what a problem's `instance` is: the request's raw path). */
const examplePath = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, parameter: string) => encodeURIComponent(EXAMPLE_PATH_PARAMETERS[parameter]!));

/** Replaced, per route, by the path of that route's example request. */
const INSTANCE = "{instance}";

const problem = (description: string, error: ServiceError, headers?: ResponseConfig["headers"]): ResponseConfig => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/problem+json": { schema: ProblemDetails, example: toProblem(error, INSTANCE) } },
});

/** API Gateway's own answers (stage throttling, IAM refusals) are {"message": ...}, not problems. */
const GatewayMessage = z
  .strictObject({ message: z.string() })
  .meta({ id: "GatewayMessage", description: "An answer API Gateway itself sends, before any function runs." });

/**
 * A status both the API (a problem) and API Gateway itself ({"message"}) answer. Both media types
 * carry the one schema ErrorAnswer (a problem or a gateway message), so that a generator reading
 * either (openapi-python-client takes the first) parses whichever answer comes.
 */
const ErrorAnswer = z.union([ProblemDetails, GatewayMessage]).meta({
  id: "ErrorAnswer",
  description:
    'A problem (application/problem+json, from the API) or API Gateway\'s own {"message": ...} (application/json, sent before any ' +
    "function runs).",
});

function withGatewayAnswer(response: ResponseConfig, message: string): ResponseConfig {
  const problemContent = response.content?.["application/problem+json"];
  // Only the gateway answers this status here: one media type, its own schema.
  if (!problemContent) return { ...response, content: { "application/json": { schema: GatewayMessage, example: { message } } } };
  return {
    ...response,
    content: {
      "application/problem+json": { ...problemContent, schema: ErrorAnswer },
      "application/json": { schema: ErrorAnswer, example: { message } },
    },
  };
}

/** The schemas only components/responses name: generated first, so that their references resolve. */
const referencedSchemas = new Set<z.ZodType>();

/**
 * An answer given the same wherever it is given: one components/responses entry that each operation
 * references, so that the document says it once and a generator makes one type of it. Its problem
 * example has no `instance` (that is each request's own path).
 */
function shared(name: string, response: ResponseConfig): { $ref: string } {
  const content = Object.fromEntries(
    Object.entries(response.content ?? {}).map(([media, type]) => {
      const { schema, example } = type as { schema: z.ZodType; example?: object };
      const id = z.globalRegistry.get(schema)?.id;
      if (!id) throw new Error(`openapi: the shared response ${name} names a schema that is no component`);
      referencedSchemas.add(schema);
      const { instance: _, ...rest } = (example ?? {}) as Record<string, unknown>;
      return [media, { schema: { $ref: `#/components/schemas/${id}` }, example: rest }];
    }),
  );
  // Its headers are OpenAPI objects already (no zod): the component is the response as written.
  registry.registerComponent("responses", name, { ...response, content } as Parameters<typeof registry.registerComponent<"responses">>[2]);
  return { $ref: `#/components/responses/${name}` };
}

/** The gateway's own 403 (IAM authorization refused: unsigned, badly signed, or not allowed execute-api:Invoke). */
const GATEWAY_FORBIDDEN =
  'API Gateway refused the request\'s IAM authorization (application/json {"message":"Forbidden"}): it is unsigned, its SigV4 signature ' +
  "is wrong or expired, or its caller is not allowed execute-api:Invoke on this route.";
const gatewayForbidden = shared("GatewayForbidden", {
  description: GATEWAY_FORBIDDEN,
  content: { "application/json": { schema: GatewayMessage, example: { message: "Forbidden" } } },
});

/** Why a request for another account is refused: not in the allowed set, or its member role could not be assumed. */
const ACCOUNT_FORBIDDEN =
  "the request names an account outside the deployment's allowed set (account-not-allowed), or one whose member role could not be " +
  "assumed (account-unreachable: the detail names the account and why)";
const accountForbidden = shared(
  "Forbidden",
  withGatewayAnswer(
    problem(
      `A problem: ${ACCOUNT_FORBIDDEN}; or ${GATEWAY_FORBIDDEN}`,
      new ServiceError("account-not-allowed", "Account 444455556666 is not one this API may act in (the deployment's ALLOWED_ACCOUNTS)."),
    ),
    "Forbidden",
  ),
);

/** API Gateway's own 503: the function did not answer within the integration timeout (30 s). */
const gatewayUnavailable = shared(
  "GatewayUnavailable",
  withGatewayAnswer(
    {
      description:
        'API Gateway\'s own answer when the function did not answer within its integration timeout (application/json {"message":"Service ' +
        'Unavailable"}); a create or import is retried safely with the same Idempotency-Key.',
    },
    "Service Unavailable",
  ),
);

// EC2's throttling answers the same problem whatever the call: DescribeKeyPairs stands for every operation.
const throttled = shared(
  "Throttled",
  withGatewayAnswer(
    problem(
      'Too many requests: the API\'s stage throttling refused it (API Gateway\'s own answer, application/json {"message":"Too Many ' +
        "Requests\"}, no Retry-After), or EC2 throttled the request after the service's retries (a problem with Retry-After).",
      fromEc2("DescribeKeyPairs", "RequestLimitExceeded", 503),
      {
        "Retry-After": {
          description:
            `Seconds to wait before retrying (EC2 throttling only; the gateway's own 429 has none). ` +
            `${DEFAULTS.THROTTLE_RETRY_AFTER_SECONDS} by default (THROTTLE_RETRY_AFTER_SECONDS).`,
          schema: { type: "integer" },
          example: DEFAULTS.THROTTLE_RETRY_AFTER_SECONDS,
        },
      },
    ),
    "Too Many Requests",
  ),
);

const internalError = shared(
  "InternalError",
  withGatewayAnswer(
    problem(
      "Unexpected error; details are in the service's logs only (a problem); or API Gateway's own answer when the function failed " +
        '(application/json {"message":"Internal Server Error"}).',
      new ServiceError("internal", INTERNAL_DETAIL),
    ),
    "Internal Server Error",
  ),
);

const payloadTooLargeAnswer = shared(
  "PayloadTooLarge",
  withGatewayAnswer(
    problem(
      `The body is larger than the service accepts (MAX_BODY_BYTES, ${DEFAULTS.MAX_BODY_BYTES} bytes = ${DEFAULTS.MAX_BODY_BYTES / 1024} ` +
        `KiB by default); over API Gateway's own 10 MB limit, the gateway answers (application/json {"message":"Request Entity Too Large"}).`,
      payloadTooLarge(DEFAULTS.MAX_BODY_BYTES + 1, DEFAULTS.MAX_BODY_BYTES),
    ),
    "Request Entity Too Large",
  ),
);

/** The responses every operation of `operation` (an EC2 call) can give. */
const common = (operation: Operation) => ({
  403: accountForbidden,
  429: throttled,
  500: internalError,
  502: problem("EC2 failed or refused the service's own credentials.", fromEc2(operation, "InternalError", 500)),
  504: problem(
    "EC2 did not answer within the service's time budget.",
    translateEc2Error({ name: "TimeoutError" }, operation) as ServiceError,
  ),
  503: gatewayUnavailable,
});

/** The 400 the runtime schema answers to `value` (parsed by the runtime's own zod/mini schema). */
const invalid = (description: string, schema: Parameters<typeof parsePart>[0], value: unknown, part: string) =>
  problem(
    description,
    thrown(() => parsePart(schema, value, part)),
  );

const notFound = problem(
  "No such key pair in the region.",
  new ServiceError("not-found", `No key pair named ${EXAMPLE_PATH_PARAMETERS.name} in eu-west-1.`),
);
const bodyErrors = (operation: Operation, badRequest: ResponseConfig) => ({
  400: badRequest,
  403: withGatewayAnswer(
    problem(
      `Dry run: the service is not permitted to perform the call (a problem); ${ACCOUNT_FORBIDDEN}; or ${GATEWAY_FORBIDDEN}`,
      fromEc2(operation, "UnauthorizedOperation", 403, true),
    ),
    "Forbidden",
  ),
  409: problem(
    "A key pair with this name already exists in the region; or (problem type request-in-progress, with a Retry-After header) an earlier " +
      "request with the same Idempotency-Key is still running; or (private-key-delivered, with keyPair; create only) it finished, " +
      "and its private key went to its own answer, once.",
    nameTaken(fromEc2(operation, "InvalidKeyPair.Duplicate"), "deploy-bot", "eu-west-1"),
  ),
  413: payloadTooLargeAnswer,
  415: problem(
    "The body is not sent as JSON in UTF-8: no Content-Type, another media type, or a charset other than utf-8.",
    thrown(() => refuseMediaType("application/json; charset=latin1")),
  ),
  422: problem(
    "The region's key pair quota is reached; or (problem type idempotency-key-reused) the Idempotency-Key was used for a different " +
      "request.",
    fromEc2(operation, "KeyPairLimitExceeded"),
  ),
});

/** What every JSON body is held to before its schema (http/middleware/json-body.ts). */
const JSON_BODY =
  `One JSON object in UTF-8, each member given once, no __proto__ member, nested at most ${MAX_JSON_DEPTH} levels of objects and ` +
  "arrays deep (the body is level 1, tags level 2); otherwise a 400.";

/** What the catch-all route of `path` answers to any method the path does not serve. */
function methodNotAllowedResponse(path: string): ResponseConfig {
  const method = ["PUT", "PATCH", "POST", "DELETE"].find((candidate) => !METHODS_BY_PATH[path]!.includes(candidate))!;
  const response = problem(
    `Not this operation's answer but its path's: any other method on ${path} (here ${METHODS_BY_PATH[path]!.join(", ")}) answers 405 ` +
      `with an Allow header.`,
    methodNotAllowed(method, path),
    { Allow: { description: "The methods this path serves.", schema: { type: "string" }, example: METHODS_BY_PATH[path]!.join(", ") } },
  );
  return response;
}

const json = (description: string, schema: z.ZodType, headers?: ResponseConfig["headers"]): ResponseConfig => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema } },
});

// Exactly one of the two, by the request's escrow flag (oneOf: zod-to-openapi reads this internal metadata).
const createAnswer = z.union([CreatedKeyPair, EscrowedKeyPair]).meta({ _internal: { unionPreferredType: "oneOf" } });
/** Create's alternative 201: the private key itself (Accept: application/x-pem-file). */
function withPrivateKeyFile(response: ResponseConfig): ResponseConfig {
  const example = "-----BEGIN OPENSSH PRIVATE KEY-----\n(redacted)\n-----END OPENSSH PRIVATE KEY-----\n";
  return {
    ...response,
    content: {
      ...response.content,
      [PEM]: { schema: { type: "string", description: "The private key: PKCS#1 PEM (RSA) or OpenSSH (ED25519)." }, example },
    },
  };
}

const dryRun = json("Dry run: the call would succeed; nothing was changed.", DryRunResult);

function route(config: Omit<RouteConfig, "security">, tag = "key pairs"): void {
  const instance = examplePath(config.path);
  const atInstance = (response: ResponseConfig): ResponseConfig => {
    if (!response.content?.["application/problem+json"]) return response;
    const media = response.content["application/problem+json"];
    return {
      ...response,
      content: {
        ...response.content,
        "application/problem+json": { ...media, example: { ...(media as { example?: object }).example, instance } },
      },
    };
  };
  const responses = Object.fromEntries(
    Object.entries({ ...config.responses, 405: methodNotAllowedResponse(config.path) }).map(([status, response]) => [
      status,
      atInstance(response),
    ]),
  );
  registry.registerPath({ ...config, responses, tags: [tag], security: [{ [sigv4.name]: [] }] });
}

route({
  method: "post",
  path: "/keypairs",
  operationId: "createKeyPair",
  summary: "Create a key pair",
  description:
    "Creates an RSA (2048-bit) or ED25519 key pair in EC2 and returns its private key in PEM or PPK format. The private key appears in " +
    "this response only and is never stored or logged: keep it (chmod 400). The key is tagged as managed by this service. ED25519 keys " +
    "do not work for Windows instances. The region comes from the body, else the `region` query parameter, else the service's default.",
  request: {
    query: RegionQuery,
    headers: IdempotencyHeaders,
    body: { required: true, description: JSON_BODY, content: { "application/json": { schema: CreateKeyPairBody } } },
  },
  responses: {
    201: withPrivateKeyFile(
      json(
        "Created. The body holds the private key (it cannot be retrieved again), or with escrow: true where it is stored. With `Accept: " +
          "application/x-pem-file` (preferred to application/json) the body is the private key alone, as text (`umask 077; curl -fsS ... " +
          "-o key.pem`); errors and dry runs stay JSON.",
        createAnswer,
        {
          "Cache-Control": {
            description: "Always no-store: the body holds a private key, or where it is kept.",
            schema: { type: "string", enum: ["no-store"] },
          },
        },
      ),
    ),
    406: problem(
      "`Accept: application/x-pem-file` with keyFormat ppk (a PPK key is not a PEM file) or with escrow (the key is not in the answer). " +
        "Checked before any key is made.",
      new ServiceError("not-acceptable", "A ppk key is not a PEM file: ask for keyFormat pem, or accept application/json."),
    ),
    200: dryRun,
    ...common("CreateKeyPair"),
    ...bodyErrors(
      "CreateKeyPair",
      invalid("Invalid request or malformed JSON.", runtime.CreateKeyPairBody, { name: "deploy-bot", keyType: "dsa" }, "body"),
    ),
  },
});

route({
  method: "post",
  path: "/keypairs/import",
  operationId: "importKeyPair",
  summary: "Import a public key",
  description:
    "Registers your own public key (OpenSSH or RFC 4716; RSA 1024-4096 bits or ED25519) as an EC2 key pair. The key is checked first: a " +
    "malformed key gets a 400 saying what is wrong with it. The request body is treated as a secret and never logged.",
  request: {
    query: RegionQuery,
    headers: IdempotencyHeaders,
    body: { required: true, description: JSON_BODY, content: { "application/json": { schema: ImportKeyPairBody } } },
  },
  responses: {
    201: json("Imported.", KeyPair),
    200: dryRun,
    ...common("ImportKeyPair"),
    ...bodyErrors(
      "ImportKeyPair",
      problem(
        "Invalid request, malformed JSON or a malformed public key.",
        thrown(() => parsePublicKey(smallRsaKey())),
      ),
    ),
  },
});

route({
  method: "get",
  path: "/keypairs",
  operationId: "listKeyPairs",
  summary: "List key pairs",
  description:
    "Lists the key pairs of a region, sorted by name, optionally filtered. Pages hold at most `limit` keys; follow `nextCursor` for the " +
    "rest. Private keys are never returned." +
    " With `allRegions=true`, lists every allowed region at once (4 regions at a time, one shared time budget): each item carries its " +
    "region, and `regions` reports each region as `ok` (count, complete, nextCursor) or `error` (the region's problem), so a failing " +
    "region never fails the whole answer.",
  request: { query: ListQuery },
  responses: {
    200: json("One page of key pairs.", KeyPairList),
    ...common("DescribeKeyPairs"),
    400: invalid("Invalid request: a parameter or the region is wrong.", RuntimeListQuery, { includePublicKey: "1" }, "query"),
  },
});

/** The names the name route of `method` cannot address: a path of their own answers that method with a 405 (the route table's SHADOWED_ROUTES). */
function unaddressableNames(method: "GET" | "DELETE"): string {
  const paths = SHADOWED_ROUTES.filter((route) => route.method === method).map((route) => route.path);
  const names = paths.map((path) => path.slice(path.lastIndexOf("/") + 1));
  return (
    `A key named ${names.join(" or ")} is not addressed here: ${method} ${paths.join(", ")} answers 405 (the path is ` +
    `${paths.map((path) => METHODS_BY_PATH[path]!.map((allowed) => `${allowed} ${path}`).join(", ")).join("; ")}'s); address it by id.`
  );
}

route({
  method: "get",
  path: "/keypairs/{name}",
  operationId: "getKeyPair",
  summary: "Get a key pair by name",
  description: `Returns one key pair, addressed by its name (URL-encoded). To address a key by its id use GET /keypairs/by-id/{keyPairId}. ${unaddressableNames("GET")}`,
  request: { params: NamePath, query: KeyQuery },
  responses: {
    200: json("The key pair.", KeyPair),
    404: notFound,
    ...common("DescribeKeyPairs"),
    400: invalid("Invalid request: the name, a parameter or the region is wrong.", runtime.NamePath, { name: " deploy-bot" }, "path"),
  },
});

route({
  method: "get",
  path: "/keypairs/by-id/{keyPairId}",
  operationId: "getKeyPairById",
  summary: "Get a key pair by id",
  description: "Returns one key pair, addressed by its EC2 id (key-...).",
  request: { params: IdPath, query: KeyQuery },
  responses: {
    200: json("The key pair.", KeyPair),
    404: notFound,
    ...common("DescribeKeyPairs"),
    400: invalid("Invalid request: the id, a parameter or the region is wrong.", runtime.IdPath, { keyPairId: "deploy-bot" }, "path"),
  },
});

const deleteResponses = {
  204: { description: "Deleted." },
  200: dryRun,
  ...common("DeleteKeyPair"),
  400: invalid("Invalid request: a parameter or the region is wrong.", runtime.DeleteQuery, { dryRun: "1" }, "query"),
  403: withGatewayAnswer(
    problem(
      "The key pair was not created through this service (no managed-key tag), so it is not deleted, or (a dry run) the service may " +
        `not delete it (problem type forbidden); ${ACCOUNT_FORBIDDEN}; or ${GATEWAY_FORBIDDEN}`,
      unmanagedKey("console-key", settingsFrom(DEFAULTS)),
    ),
    "Forbidden",
  ),
  404: notFound,
  409: problem(
    "Something still names the key (problem type key-in-use), or whether anything does could not be checked (usage-unknown: a " +
      "describe was denied, throttled or timed out): nothing was deleted, `usage` says what was found. A dry run answers the same. " +
      "force=true deletes anyway.",
    thrown(() =>
      refuseIfUsed("deploy-bot", {
        instances: [{ instanceId: "i-0123456789abcdef0", state: "running" }],
        launchTemplates: [{ launchTemplateId: "lt-0123456789abcdef0", launchTemplateName: "web", versions: [3] }],
        launchConfigurations: [],
        autoScalingGroups: [{ name: "web-asg" }],
        spotInstanceRequests: [],
        spotFleetRequests: [],
        fleets: [],
        complete: true,
        incomplete: [],
      }),
    ),
  ),
};

route({
  method: "delete",
  path: "/keypairs/{name}",
  operationId: "deleteKeyPair",
  summary: "Delete a key pair by name",
  description:
    "Deletes a key pair managed by this service. Answers 404 when there is no such key (EC2 itself would answer success) and 403 for " +
    "keys made outside this service. Refuses (409) a key that an instance (any state but terminated), a launch template's default or " +
    "latest version or a version an Auto Scaling group pins, a launch configuration or a group still names, and one whose check could " +
    "not be completed: their next launch would fail. force=true deletes anyway. Something may start naming the key between the check " +
    "and the delete (the window is the check's duration, at most the request's time budget). " +
    unaddressableNames("DELETE"),
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

/**
 * zod-to-openapi inlines a component where its use adds metadata of its own: a default (keyType:
 * KeyType.default("rsa")) or a description (usage: "only with includeUsage=true"). Put back the $ref,
 * with that metadata beside it (OpenAPI 3.1 allows siblings of $ref), so that a generator makes one
 * type per component rather than one per use.
 */
function refsForInlinedComponents<T extends { components?: { schemas?: Record<string, unknown> } }>(document: T): T {
  const withoutDescription = ({ description: _, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
  const components = Object.entries(document.components?.schemas ?? {}).map(
    ([name, schema]) =>
      [name, withoutDescription(schema as Record<string, unknown>), (schema as { description?: unknown }).description] as const,
  );
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== "object") return node;
    if ("default" in node || "description" in node) {
      const { default: fallback, description, ...rest } = node as Record<string, unknown>;
      const match = components.find(([, schema]) => schema === withoutDescription(rest));
      if (match)
        return {
          $ref: `#/components/schemas/${match[0]}`,
          ...(description === undefined || description === match[2] ? {} : { description }),
          ...("default" in node ? { default: fallback } : {}),
        };
    }
    return children(node);
  };
  const children = (node: object) => Object.fromEntries(Object.entries(node).map(([key, value]) => [key, visit(value)]));
  // A component's own definition is not a use of it: only what it holds is visited.
  const schemas = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, children(schema as object)]),
  );
  const visited = children(document) as T;
  return { ...visited, components: { ...visited.components, schemas } };
}

/** What the docs routes can answer besides their 200 (they call nothing: no 502/504, no EC2 throttling). */
const docsErrors = {
  400: problem(
    "A query parameter is given more than once (the routes take none, and ignore others).",
    thrown(() => refuseRepeatedParameters("v=1&v=2")),
  ),
  403: gatewayForbidden,
  429: shared(
    "StageThrottled",
    withGatewayAnswer(
      { description: "Too many requests: the API's stage throttling refused it (API Gateway's own answer)." },
      "Too Many Requests",
    ),
  ),
  500: internalError,
};
const DOCS_ACCESS = "Signed (IAM) like every route by default; a stage with the docsAuthorization parameter NONE serves it publicly.";

route(
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This API's OpenAPI document",
    description: `This document, as JSON (built into the function at package time). ${DOCS_ACCESS}`,
    responses: {
      200: {
        description: "The OpenAPI 3.1 document.",
        content: { "application/json": { schema: { type: "object", description: "An OpenAPI 3.1 document." } } },
      },
      ...docsErrors,
    },
  },
  "docs",
);

route(
  {
    method: "get",
    path: "/docs",
    operationId: "getDocsPage",
    summary: "This API's documentation page",
    description:
      `This document rendered by Redoc, as one self-contained HTML page (built at package time; it loads nothing from ` +
      `elsewhere, and its Content-Security-Policy allows only its own inline scripts and styles). ${DOCS_ACCESS}`,
    responses: { 200: { description: "The documentation page.", content: { "text/html": { schema: { type: "string" } } } }, ...docsErrors },
  },
  "docs",
);

route(
  {
    method: "get",
    path: "/problems/{type}",
    operationId: "getProblemType",
    summary: "What a problem type means",
    description:
      "The page a problem's `type` URI names: the problem's title, status and what to do about it, as a short HTML page. " +
      `Unknown types answer 404. ${DOCS_ACCESS}`,
    request: { params: ProblemTypePath },
    responses: {
      200: { description: "The problem type's page.", content: { "text/html": { schema: { type: "string" } } } },
      404: problem(
        "This API defines no problem type of that name.",
        new ServiceError("problem-type-not-found", `This API has no problem type ${EXAMPLE_PATH_PARAMETERS.type}.`),
      ),
      ...docsErrors,
      400: invalid("The type is not a problem type's name.", runtime.ProblemTypePath, { type: "Conflict!" }, "path"),
    },
  },
  "docs",
);

export function openApiDocument() {
  const document = refsForInlinedComponents(
    new OpenApiGeneratorV31([
      ...[classic(runtime.KeyUsage), ...referencedSchemas].map((schema) => ({ type: "schema" as const, schema })),
      ...registry.definitions,
    ]).generateDocument({
      openapi: "3.1.0",
      info: {
        title: "EC2 Key Pairs API",
        version: "1.0.0",
        description:
          "Create, import, list, get and delete Amazon EC2 key pairs in the region you choose. Every route requires AWS IAM (SigV4) " +
          "authorization. Errors are RFC 9457 problem+json.",
        license: { name: "UNLICENSED", identifier: "UNLICENSED" },
      },
      servers: [
        {
          url: "https://{apiId}.execute-api.{region}.amazonaws.com",
          description: "The deployed HTTP API: its API id and region are in the stack's outputs.",
          variables: { apiId: { default: "abcdef1234" }, region: { default: "us-east-1" } },
        },
        {
          url: "http://localhost:{port}",
          description: "The local stack (npm start, which prints its port; IAM authorization is not enforced there).",
          variables: { port: { default: "3000" } },
        },
      ],
      tags: [
        { name: "key pairs", description: "EC2 key pairs of one region." },
        { name: "docs", description: "This API's own description: the OpenAPI document and its documentation page." },
      ],
    }),
  );
  return { ...document, "x-events": eventsSection(eventDetailSchema()) };
}
