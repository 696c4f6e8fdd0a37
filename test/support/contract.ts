/**
 * Validates real responses against openapi.yaml (OpenAPI 3.1, JSON Schema 2020-12 via Ajv):
 * the status must be declared for the operation, and so must the content type, the body's
 * schema and the declared headers. Used as an openapi-fetch middleware by the integration tests.
 */
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import createClient, { type Middleware } from "openapi-fetch";
import { parse } from "yaml";
import type { components, paths } from "../../packages/client/src/api.js";

export type CreatedKeyPair = components["schemas"]["CreatedKeyPair"];
export type KeyPair = components["schemas"]["KeyPair"];
export type Problem = components["schemas"]["Problem"];
/** An error answer the function sent (a problem), as opposed to the gateway's own {"message"}. */
export const problemOf = (error: unknown): Problem => error as Problem;
/** Create and import answer 201 with a key or 200 with a dry-run result; tests that expect 201 say so. */
export const created = <T = CreatedKeyPair>(data: unknown): T => data as T;

import { ROOT } from "../../scripts/local-stack.js";

interface MediaType {
  schema: object;
}
interface Header {
  schema: object;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
  headers?: Record<string, Header>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject | { $ref: string }>;
}

const spec = parse(readFileSync(`${ROOT}/openapi.yaml`, "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, ResponseObject> };
};

/** A response as declared: a shared one (`$ref: "#/components/responses/<name>"`) is looked up. */
const resolved = (response: ResponseObject | { $ref: string } | undefined): ResponseObject | undefined =>
  response && "$ref" in response ? spec.components.responses[response.$ref.replace("#/components/responses/", "")] : response;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(spec, "openapi.yaml");

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const VALIDATION_LOG = `${ROOT}/.tmp/contract-validations.log`;

export class ContractViolation extends Error {}

/** Throws a ContractViolation unless an event's detail matches the spec's x-events detail schema. */
export function assertEventMatchesSpec(detailType: string, detail: unknown): void {
  const validate = ajv.getSchema("openapi.yaml#/x-events/detail");
  if (!(spec as { "x-events"?: { events: Record<string, unknown> } })["x-events"]?.events[detailType])
    throw new ContractViolation(`event ${detailType}: not in openapi.yaml x-events`);
  if (!validate?.(detail)) throw new ContractViolation(`event ${detailType}: ${JSON.stringify(validate?.errors)}`);
}

/** Throws a ContractViolation unless the response matches the spec; returns the parsed body. */
export function assertMatchesSpec(method: string, schemaPath: string, status: number, headers: Headers, text: string): unknown {
  const where = `${method.toUpperCase()} ${schemaPath} -> ${status}`;
  const operation = spec.paths[schemaPath]?.[method.toLowerCase()];
  if (!operation) throw new ContractViolation(`${where}: operation not in openapi.yaml`);
  const declared = resolved(operation.responses[String(status)]);
  if (!declared) throw new ContractViolation(`${where}: status not declared (declared: ${Object.keys(operation.responses).join(", ")})`);

  for (const [name, header] of Object.entries(declared.headers ?? {})) {
    const value = headers.get(name);
    if (value === null) throw new ContractViolation(`${where}: declared header ${name} missing`);
    const typed = (header.schema as { type?: string }).type === "integer" ? Number(value) : value;
    const validate = ajv.compile(header.schema);
    if (!validate(typed)) throw new ContractViolation(`${where}: header ${name}=${value}: ${ajv.errorsText(validate.errors)}`);
  }

  let body: unknown;
  if (!declared.content) {
    if (text.length > 0) throw new ContractViolation(`${where}: no body declared, got ${text.length} bytes`);
  } else {
    const contentType = (headers.get("content-type") ?? "").split(";")[0]!.trim();
    if (!declared.content[contentType]) throw new ContractViolation(`${where}: content type ${contentType} not declared`);
    // JSON answers parsed; text ones (the private key as application/x-pem-file) validated as strings.
    body = /json$/.test(contentType) ? JSON.parse(text) : text;
    const response = operation.responses[String(status)]!;
    const at =
      "$ref" in response ? response.$ref.slice(2).split("/") : ["paths", schemaPath, method.toLowerCase(), "responses", String(status)];
    const ref = `openapi.yaml#/${pointer(...at, "content", contentType, "schema")}`;
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    if (!validate(body)) throw new ContractViolation(`${where}: body ${ajv.errorsText(validate.errors)}`);
  }
  // The private key is in the create answer and nowhere else (the spec and its docs page only name it).
  if (
    !["createKeyPair", "getOpenApiDocument", "getDocsPage"].includes(operation.operationId) &&
    /keyMaterial|PRIVATE KEY|PuTTY-User-Key-File/.test(text)
  ) {
    throw new ContractViolation(`${where}: key material in a response other than create`);
  }
  mkdirSync(`${ROOT}/.tmp`, { recursive: true });
  appendFileSync(VALIDATION_LOG, `${where}\n`);
  return body;
}

const contractCheck: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    assertMatchesSpec(request.method, schemaPath, response.status, response.headers, await response.clone().text());
    return undefined;
  },
};

/** A client typed from openapi.yaml (openapi-typescript + openapi-fetch) that checks every answer. */
export function apiClient(baseUrl = process.env.API_URL!) {
  const client = createClient<paths>({ baseUrl });
  client.use(contractCheck);
  return client;
}
