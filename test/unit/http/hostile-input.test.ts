/**
 * Hostile input, field by field. The fields come from the spec (so a new field is covered
 * without editing this file); each gets an unpaired surrogate and control characters, and must
 * be refused with a 400 problem naming it, before EC2 is called.
 */
import { CreateKeyPairCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { openApiDocument } from "../../../scripts/openapi/document.js";
import { handler as changeTagsHandler } from "../../../src/handlers/change-key-pair-tags.js";
import { handler as changeTagsByIdHandler } from "../../../src/handlers/change-key-pair-tags-by-id.js";
import { handler as cleanupHandler } from "../../../src/handlers/cleanup-key-pairs.js";
import { handler as clearExpiryHandler } from "../../../src/handlers/clear-key-pair-expiry.js";
import { handler as clearExpiryByIdHandler } from "../../../src/handlers/clear-key-pair-expiry-by-id.js";
import { handler as createHandler } from "../../../src/handlers/create-key-pair.js";
import { handler as deleteHandler } from "../../../src/handlers/delete-key-pair.js";
import { handler as deleteByIdHandler } from "../../../src/handlers/delete-key-pair-by-id.js";
import { handler as getHandler } from "../../../src/handlers/get-key-pair.js";
import { handler as getByIdHandler } from "../../../src/handlers/get-key-pair-by-id.js";
import { handler as importHandler } from "../../../src/handlers/import-key-pair.js";
import { handler as reportHandler } from "../../../src/handlers/key-pair-report.js";
import { handler as listHandler } from "../../../src/handlers/list-key-pairs.js";
import { handler as problemPageHandler } from "../../../src/handlers/problem-page.js";
import { handler as setExpiryHandler } from "../../../src/handlers/set-key-pair-expiry.js";
import { handler as setExpiryByIdHandler } from "../../../src/handlers/set-key-pair-expiry-by-id.js";
import { findJsonFault } from "../../../src/lib/http/strict-json.js";
import { ed25519PublicKey } from "../../support/keys.js";
import { type Handler, invoke } from "../../support/lambda.js";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

const HANDLERS: Record<string, Handler> = {
  createKeyPair: createHandler,
  importKeyPair: importHandler,
  listKeyPairs: listHandler,
  getKeyPair: getHandler,
  getKeyPairById: getByIdHandler,
  deleteKeyPair: deleteHandler,
  deleteKeyPairById: deleteByIdHandler,
  getProblemType: problemPageHandler,
  cleanUpKeyPairs: cleanupHandler,
  getKeyPairReport: reportHandler,
  updateKeyPairTags: changeTagsHandler,
  updateKeyPairTagsById: changeTagsByIdHandler,
  setKeyPairExpiry: setExpiryHandler,
  setKeyPairExpiryById: setExpiryByIdHandler,
  clearKeyPairExpiry: clearExpiryHandler,
  clearKeyPairExpiryById: clearExpiryByIdHandler,
};

/** A valid value for every field a request can carry; the poison goes in the middle of it. */
const VALID: Record<string, string> = {
  name: "key-name",
  keyPairId: "key-0123456789abcdef0",
  fingerprint: "ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89",
  keyType: "ed25519",
  keyFormat: "pem",
  region: "eu-west-1",
  account: "111122223333",
  tagKey: "team",
  tag: "team=platform",
  limit: "10",
  cursor: "key-name",
  includePublicKey: "true",
  includeUsage: "true",
  unused: "true",
  force: "true",
  allRegions: "true",
  accounts: "all",
  estateCursor: "eyJ2IjoxLCJvcGVuIjpbXX0",
  dryRun: "true",
  publicKey: ed25519PublicKey(),
  "idempotency-key": "8e03978e-40d5",
  expiresAt: "2099-01-01T00:00:00Z",
  expiresBefore: "2099-01-01T00:00:00Z",
  createdBefore: "2026-01-01T00:00:00Z",
  createdAfter: "2026-01-01T00:00:00Z",
  missingTag: "owner",
  expiringWithinDays: "30",
  includeUnused: "true",
  type: "conflict",
};

const POISONS: Array<[label: string, poison: string]> = [
  ["an unpaired high surrogate", "\ud800"],
  ["an unpaired low surrogate", "\udc00"],
  ["NUL", "\u0000"],
  ["a line feed", "\n"],
  ["ESC", "\u001b"],
  ["DEL", "\u007f"],
  ["a C1 control (NEL)", "\u0085"],
];

const poisoned = (field: string, poison: string) => {
  const value = VALID[field]!;
  return value.slice(0, 3) + poison + value.slice(3);
};

interface Case {
  operation: string;
  field: string;
  request: {
    method: string;
    path: string;
    body?: object;
    query?: Record<string, string>;
    pathParameters?: Record<string, string>;
    headers?: Record<string, string>;
  };
}

/** One request per (operation, string field): everything else valid, that field poisoned. */
function cases(poison: string): Case[] {
  const spec = openApiDocument() as unknown as {
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          parameters?: Array<{ name: string; in: string }>;
          requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
        }
      >
    >;
    components: { schemas: Record<string, { properties: Record<string, { type?: string; enum?: unknown[]; $ref?: string }> }> };
  };
  /** The body's tag maps (create's tags, a tag change's set): their keys and values are poisoned separately. */
  const TAG_MAPS = ["tags", "set"];
  /** The body's string fields (enums included), read from the spec. */
  type BodySchema = { $ref?: string; properties?: Record<string, { type?: string; enum?: unknown[]; $ref?: string }> };
  const propertiesOf = (schema: BodySchema) => (schema.$ref ? spec.components.schemas[schema.$ref.split("/").pop()!]! : schema).properties!;
  const bodyFields = (schema: BodySchema) =>
    Object.entries(propertiesOf(schema))
      .filter(
        ([name, property]) =>
          !TAG_MAPS.includes(name) && (property.type === "string" || property.enum !== undefined || property.$ref !== undefined),
      )
      .map(([name]) => name);
  const all: Case[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const pathNames = (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      const pathParameters = Object.fromEntries(pathNames.map((name) => [name, VALID[name]!]));
      const base = { method: method.toUpperCase(), path, pathParameters };
      const body =
        operation.operationId === "importKeyPair"
          ? { name: VALID.name, publicKey: VALID.publicKey }
          : operation.operationId === "cleanUpKeyPairs"
            ? { unused: true }
            : operation.operationId.startsWith("updateKeyPairTags")
              ? { remove: ["old"] }
              : operation.operationId.startsWith("setKeyPairExpiry")
                ? {}
                : operation.requestBody
                  ? { name: VALID.name }
                  : undefined;
      for (const parameter of operation.parameters ?? []) {
        const value = poisoned(parameter.name, poison);
        const request =
          parameter.in === "path"
            ? { ...base, body, pathParameters: { ...pathParameters, [parameter.name]: value } }
            : parameter.in === "header"
              ? { ...base, body, headers: { "content-type": "application/json", [parameter.name]: value } }
              : { ...base, body, query: { [parameter.name]: value } };
        all.push({ operation: operation.operationId, field: `${parameter.in}.${parameter.name}`, request });
      }
      if (body && operation.requestBody) {
        const schema = operation.requestBody.content["application/json"]!.schema as never;
        for (const field of bodyFields(schema)) {
          all.push({
            operation: operation.operationId,
            field: `body.${field}`,
            request: { ...base, body: { ...body, [field]: poisoned(field, poison) } },
          });
        }
        const map = TAG_MAPS.find((name) => name in propertiesOf(schema));
        if (!map) continue;
        all.push({
          operation: operation.operationId,
          field: `body.${map}.team`,
          request: { ...base, body: { ...body, [map]: { team: `pla${poison}tform` } } },
        });
        all.push({
          operation: operation.operationId,
          field: `body.${map}.te${poison}am`,
          request: { ...base, body: { ...body, [map]: { [`te${poison}am`]: "platform" } } },
        });
      }
    }
  }
  return all;
}

describe.each(POISONS)("%s", (_label, poison) => {
  const all = cases(poison);

  test("covers every string field of every operation", () => {
    expect(new Set(all.map((c) => c.operation))).toEqual(new Set(Object.keys(HANDLERS)));
    expect(all.length).toBeGreaterThanOrEqual(30);
  });

  test.each(cases(poison).map((c) => [c.operation, c.field, c] as const))(
    "%s %s: 400 naming the field, EC2 never called",
    async (operation, field, c) => {
      const answer = await invoke(HANDLERS[operation]!, c.request);
      expect([field, answer.status]).toEqual([field, 400]);
      expect(answer.headers["content-type"]).toBe("application/problem+json");
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(ec2.calls()).toHaveLength(0);
    },
  );
});

describe("lenient parsing that would change a request's meaning", () => {
  test.each([
    ['{"name":"k","dryRun":true,"dryRun":false}', "body.dryRun"],
    ['{"name":"a","name":"b"}', "body.name"],
    ['{"name":"k","tags":{"team":"a","te\\u0061m":"b"}}', "body.tags.team"],
    ['{"name":"k","tags":{"a":"1"},"tags":{"b":"2"}}', "body.tags"],
  ])("duplicate members %s: 400 naming %s", async (body, field) => {
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    expect(ec2.calls()).toHaveLength(0);
  });

  // An object assigned "__proto__" sets its prototype: such a tag would vanish from the request unseen.
  // The JSON body parser refuses the member (however it is spelled) as an unknown field: it is valid JSON.
  test.each([
    ['{"name":"k","tags":{"__proto__":"x","team":"a"}}', "body.tags"],
    ['{"name":"k","tags":{"\\u005f_proto__":"x"}}', "body.tags"],
    ['{"name":"k","__proto__":{"dryRun":true}}', "body"],
  ])("a __proto__ member %s is a 400 validation naming %s, never a tag or field silently dropped", async (body, field) => {
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body });
    expect([answer.status, answer.body.type]).toEqual([400, "/problems/validation"]);
    expect(answer.body.errors).toEqual([{ field, message: "unknown field(s): __proto__" }]);
    expect(ec2.calls()).toHaveLength(0);
  });

  test.each(["0x10", "1e1", " 5", "5 ", "+5", "5.0", "-1", "0", "1001", "９", "", "99999999999999999999"])(
    "limit=%j is a 400",
    async (limit) => {
      const answer = await invoke(listHandler, { method: "GET", path: "/keypairs", query: { limit } });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].field).toBe("query.limit");
    },
  );

  test.each(["1", "0", "TRUE", "True", "yes", "on", ""])("includePublicKey=%j is a 400", async (flag) => {
    const answer = await invoke(getHandler, {
      method: "GET",
      path: "/keypairs/k",
      pathParameters: { name: "k" },
      query: { includePublicKey: flag },
    });
    expect(answer.status).toBe(400);
  });

  test("a repeated query parameter is a 400, even when API Gateway's comma-joined value would be valid", async () => {
    const answer = await invoke(listHandler, { method: "GET", path: "/keypairs", query: { name: "a,b" }, rawQueryString: "name=a&name=b" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe("query.name");
    expect(ec2.calls()).toHaveLength(0);
  });

  test("two different regions in body and query are a 400; the same one twice is fine", async () => {
    const conflicting = await invoke(createHandler, {
      method: "POST",
      path: "/keypairs",
      query: { region: "us-east-1" },
      body: { name: "k", region: "eu-west-1" },
    });
    expect(conflicting.status).toBe(400);
    expect(ec2.calls()).toHaveLength(0);
    ec2.on(CreateKeyPairCommand).resolves({ KeyPairId: "key-0123456789abcdef0", KeyName: "k", KeyFingerprint: "ab", KeyMaterial: "x" });
    const same = await invoke(createHandler, {
      method: "POST",
      path: "/keypairs",
      query: { region: "eu-west-1" },
      body: { name: "k", region: "eu-west-1" },
    });
    expect(same.status).toBe(201);
  });

  test("names with wildcard characters are looked up literally, never as EC2 filter patterns", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    for (const name of ["team-*", "team-?lpha", "team-[ab]lpha", "team-\\*"]) {
      await invoke(getHandler, { method: "GET", path: "/keypairs/x", pathParameters: { name } });
      await invoke(listHandler, { method: "GET", path: "/keypairs", query: { name } });
    }
    for (const call of ec2.commandCalls(DescribeKeyPairsCommand)) {
      expect(call.args[0].input.Filters).toBeUndefined();
      expect(call.args[0].input.KeyNames).toHaveLength(1);
    }
  });
});

describe("findJsonFault", () => {
  const duplicate = (path: string) => ({ kind: "duplicate", path });
  test.each([
    ['{"a":1,"b":{"a":2}}', undefined],
    ['[{"a":1},{"a":1}]', undefined],
    ['{"a":"\\"a\\":","b":1}', undefined],
    ['{"a":1,"a":2}', duplicate("a")],
    ['{"x":[{"a":1,"a":2}]}', duplicate("x.[].a")],
    ['{"a" : 1, "a" : 2}', duplicate("a")],
    ['{"a":1,"a":', duplicate("a")], // not JSON: refused either way, and the scan ends
    ['{"a', undefined],
    ['{"t":{"\\u005f_proto__":1}}', { kind: "proto", path: "t" }],
    ['{"__proto__":1}', { kind: "proto", path: "" }],
    ['{"a":"__proto__"}', undefined],
    [`{"a":"${"[".repeat(40)}"}`, undefined], // brackets inside a string do not nest
  ])("%s -> %j", (json, expected) => {
    expect(findJsonFault(json)).toEqual(expected);
  });
});
