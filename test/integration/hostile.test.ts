/**
 * Hostile requests over HTTP against the local stack (serverless-offline + moto). Each must get a
 * 4xx problem (or the exact right answer), never a 5xx, and must never touch a key it did not
 * name: the region's keys are compared before and after.
 */
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { parse } from "yaml";
import { ROOT } from "../../scripts/local-stack.js";
import { ROUTES, routeKey } from "../../src/lib/routes.js";
import { ed25519PublicKey } from "../support/keys.js";

const region = "ap-south-1"; // no other test file uses it, so the region's keys are exactly ours
const run = `h${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const alpha = `${run}-team-alpha`;
const beta = `${run}-team-beta`;
const weird = `${run}-w[ab]*?\\`;

interface Raw {
  status: number;
  contentType: string;
  text: string;
  /** Whether the API answered (its security headers are there), not serverless-offline's own router. */
  fromApi: boolean;
}

/** A request sent byte for byte as written (fetch would normalize the path). */
function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Raw> {
  const url = new URL(process.env.API_URL!);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        // A header given as "" is not sent at all.
        headers: Object.fromEntries(
          Object.entries({ ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers }).filter(
            ([, value]) => value !== "",
          ),
        ),
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk) => (text += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers["content-type"] ?? ""),
            text,
            fromApi: "content-security-policy" in response.headers,
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const json = (text: string) => JSON.parse(text) as Record<string, any>;
const create = (name: string, extra: object = {}) =>
  raw("POST", `/keypairs?region=${region}`, JSON.stringify({ name, keyType: "ed25519", ...extra }));

/** id and fingerprint of every key of the region, by name. */
async function snapshot(): Promise<Record<string, string>> {
  const answer = await raw("GET", `/keypairs?region=${region}`);
  expect(answer.status).toBe(200);
  return Object.fromEntries(
    json(answer.text).items.map((key: { name: string; keyPairId: string; fingerprint: string }) => [
      key.name,
      `${key.keyPairId} ${key.fingerprint}`,
    ]),
  );
}

let before: Record<string, string>;

beforeAll(async () => {
  for (const name of [alpha, beta, weird]) expect((await create(name)).status).toBe(201);
  before = await snapshot();
});

describe("the reported cases", () => {
  test("DELETE /keypairs/<prefix>-team-* deletes nothing: 404", async () => {
    const answer = await raw("DELETE", `/keypairs/${run}-team-*?region=${region}`);
    expect(answer.status).toBe(404);
    expect(Object.keys(await snapshot())).toEqual(expect.arrayContaining([alpha, beta]));
  });

  test("GET /keypairs/<prefix>-team-%3Flpha does not find team-alpha: 404", async () => {
    expect((await raw("GET", `/keypairs/${run}-team-%3Flpha?region=${region}`)).status).toBe(404);
  });

  test("GET /keypairs?name=<prefix>-* lists nothing: the name is exact", async () => {
    const answer = await raw("GET", `/keypairs?region=${region}&name=${encodeURIComponent(`${run}-*`)}`);
    expect(answer.status).toBe(200);
    expect(json(answer.text).items).toEqual([]);
  });

  test("a name holding * ? [ ] \\ is found, listed and deleted exactly, and only it", async () => {
    const path = `/keypairs/${encodeURIComponent(weird)}?region=${region}`;
    const found = await raw("GET", path);
    expect([found.status, json(found.text).name]).toEqual([200, weird]);
    const listed = await raw("GET", `/keypairs?region=${region}&name=${encodeURIComponent(weird)}`);
    expect(json(listed.text).items.map((key: { name: string }) => key.name)).toEqual([weird]);
    expect((await raw("DELETE", path)).status).toBe(204);
    const after = await snapshot();
    expect(after[weird]).toBeUndefined();
    expect([after[alpha], after[beta]]).toEqual([before[alpha], before[beta]]);
    expect((await create(weird)).status).toBe(201); // put back for the final comparison
    before = await snapshot();
  });

  test("duplicate dryRun members are a 400 and create nothing", async () => {
    const name = `${run}-dup`;
    const answer = await raw("POST", `/keypairs?region=${region}`, `{"name":"${name}","dryRun":true,"dryRun":false}`);
    expect(answer.status).toBe(400);
    expect((await raw("GET", `/keypairs/${name}?region=${region}`)).status).toBe(404);
  });

  test("limit=0x10 is a 400", async () => {
    expect((await raw("GET", `/keypairs?region=${region}&limit=0x10`)).status).toBe(400);
  });

  test("NUL and other controls in tag keys and values are a 400", async () => {
    for (const tags of ['{"x":"a\\u0000b"}', '{"a\\u0000b":"x"}', '{"x":"\\u001b[31m"}', '{"x":"\\u0085"}']) {
      const answer = await raw("POST", `/keypairs?region=${region}`, `{"name":"${run}-ctl","tags":${tags}}`);
      expect([tags, answer.status]).toEqual([tags, 400]);
    }
    expect((await raw("GET", `/keypairs/${run}-ctl?region=${region}`)).status).toBe(404);
  });

  test("an unpaired surrogate cannot poison the next request: the victim's import stores the victim's key", async () => {
    const attackerKey = ed25519PublicKey();
    const victimKey = ed25519PublicKey();
    const poisoned = await raw(
      "POST",
      `/keypairs/import?region=${region}`,
      `{"name":"${run}-bob","publicKey":"${attackerKey}","tags":{"x":"\\ud800"}}`,
    );
    expect(poisoned.status).toBe(400);
    const victim = await raw("POST", `/keypairs/import?region=${region}`, JSON.stringify({ name: `${run}-victim`, publicKey: victimKey }));
    expect(victim.status).toBe(201);
    const stored = json((await raw("GET", `/keypairs/${run}-victim?region=${region}&includePublicKey=true`)).text);
    expect(stored.publicKey.split(" ").slice(0, 2).join(" ")).toBe(victimKey);
    expect(stored.managed).toBe(true);
    expect((await raw("GET", `/keypairs/${run}-bob?region=${region}`)).status).toBe(404);
    expect((await raw("DELETE", `/keypairs/${run}-victim?region=${region}`)).status).toBe(204);
  });

  test("a region in the body and another in the query is a 400, not a key made in one and logged in the other", async () => {
    const answer = await raw("POST", `/keypairs?region=us-east-1`, JSON.stringify({ name: `${run}-two-regions`, region }));
    expect(answer.status).toBe(400);
    expect(json(answer.text).errors[0].field).toBe("body.region");
  });
});

const long = "a".repeat(300);
/** Rows without an expected answer must be refused with a 4xx problem. */
type Expected = "empty list" | "router: not found" | "router: the list";
const HOSTILE: Array<[method: string, path: string, body?: string, headers?: Record<string, string>, expected?: Expected]> = [
  // Unicode in names, paths and queries
  ["GET", "/keypairs/%ED%A0%80"],
  ["GET", "/keypairs/%C0%AF"],
  ["GET", "/keypairs/caf%C3%A9"],
  ["GET", "/keypairs/%EF%BC%8A"],
  ["GET", "/keypairs/a%00b"],
  ["GET", "/keypairs/a%0Ab"],
  ["GET", "/keypairs/%E2%80%AEtxt"],
  ["GET", `/keypairs?region=${region}&name=%ED%A0%80`],
  ["GET", `/keypairs?region=${region}&tag=a%3D%00`],
  ["GET", `/keypairs?region=${region}&tagKey=%1B`],
  ["GET", `/keypairs?region=${region}&cursor=%00`],
  ["GET", `/keypairs?region=${region}&fingerprint=*`],
  ["GET", `/keypairs?region=${region}&fingerprint=ab%3Acd%3A*`],
  ["GET", `/keypairs?region=${region}&keyPairId=key-*`],
  ["GET", `/keypairs?region=${region}&keyType=*`],
  ["POST", `/keypairs?region=${region}`, '{"name":"\\ud800"}'],
  ["POST", `/keypairs?region=${region}`, '{"name":"\\udfff\\ud800"}'],
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x","tags":{"\\ud83d":"v"}}`],
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x","tags":{"k":"\\u2028\\u0000"}}`],
  ["POST", "/keypairs/import", `{"name":"${run}-x","publicKey":"ssh-ed25519 \\ud800"}`],
  ["POST", "/keypairs/import", `{"name":"${run}-x","publicKey":"ssh-ed25519 AAAA\\u0000"}`],
  // Wildcards and patterns
  ["GET", `/keypairs/${run}-team-%2A?region=${region}`],
  ["GET", `/keypairs/${run}-team-%5Ba-z%5Dlpha?region=${region}`],
  ["DELETE", `/keypairs/${run}-team-%3F%3F%3F%3F%3F?region=${region}`],
  ["DELETE", `/keypairs/${run}-team-%5Bab%5D*?region=${region}`],
  ["GET", `/keypairs?region=${region}&name=*`, undefined, undefined, "empty list"],
  ["GET", `/keypairs?region=${region}&name=${run}-team-%3Flpha`, undefined, undefined, "empty list"],
  ["GET", `/keypairs?region=${region}&tag=*%3D*`, undefined, undefined, "empty list"],
  ["GET", `/keypairs?region=${region}&tagKey=*`, undefined, undefined, "empty list"],
  ["DELETE", `/keypairs/by-id/key-*?region=${region}`],
  // Path tricks
  // Dot segments are resolved by the router (here serverless-offline; API Gateway too) before any function runs.
  ["GET", `/keypairs/..?region=${region}`, undefined, undefined, "router: not found"],
  ["GET", `/keypairs/.?region=${region}`, undefined, undefined, "router: the list"],
  ["GET", `/keypairs/%2E%2E?region=${region}`, undefined, undefined, "router: not found"],
  ["DELETE", `/keypairs/${run}-team-alpha%2F..%2F${run}-team-beta?region=${region}`],
  ["GET", `/keypairs/%20${run}-team-alpha?region=${region}`],
  ["GET", `/keypairs/${run}-team-alpha%20?region=${region}`],
  ["DELETE", `/keypairs/by-id/..%2F..%2Fkeypairs?region=${region}`],
  ["GET", `/keypairs/by-id/KEY-0123456789ABCDEF0?region=${region}`],
  // Repeated and conflicting parameters
  ["GET", `/keypairs?region=${region}&region=us-east-1`],
  ["GET", `/keypairs?region=${region}&name=${run}-team-alpha&name=${run}-team-beta`],
  ["DELETE", `/keypairs/${run}-team-alpha?region=${region}&region=${region}`],
  ["DELETE", `/keypairs/${run}-team-alpha?region=${region}&dryRun=false&dryRun=true`],
  ["GET", `/keypairs?region=${region}&limit=1&limit=1000`],
  ["POST", `/keypairs?region=us-east-1`, `{"name":"${run}-x","region":"${region}"}`],
  // Number and boolean spellings
  ["GET", `/keypairs?region=${region}&limit=1e3`],
  ["GET", `/keypairs?region=${region}&limit=%2B5`],
  ["GET", `/keypairs?region=${region}&limit=5.0`],
  ["GET", `/keypairs?region=${region}&limit=-1`],
  ["GET", `/keypairs?region=${region}&limit=99999999999999999999`],
  ["GET", `/keypairs/${run}-team-alpha?region=${region}&includePublicKey=1`],
  ["DELETE", `/keypairs/${run}-team-alpha?region=${region}&dryRun=TRUE`],
  ["DELETE", `/keypairs/${run}-team-alpha?region=${region}&dryRun=`],
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x","dryRun":"false"}`],
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x","dryRun":0}`],
  // Duplicate members and JSON oddities
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x","name":"${run}-y"}`],
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x","tags":{"a":"1","\\u0061":"2"}}`],
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x","region":"${region}","region":"us-east-1"}`],
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x","__proto__":{"dryRun":true}}`],
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x","constructor":{"prototype":{"x":1}}}`],
  ["POST", `/keypairs?region=${region}`, `["${run}-x"]`],
  ["POST", `/keypairs?region=${region}`, `"${run}-x"`],
  ["POST", `/keypairs?region=${region}`, "null"],
  ["POST", `/keypairs?region=${region}`, `{"name":${"[".repeat(5000)}${"]".repeat(5000)}}`],
  ["POST", `/keypairs?region=${region}`, `{"name":"${run}-x"} trailing`],
  ["POST", `/keypairs?region=${region}`, `\ufeff{"name":"${run}-x"}`],
  // Huge values
  ["POST", `/keypairs?region=${region}`, JSON.stringify({ name: long })],
  ["POST", `/keypairs?region=${region}`, JSON.stringify({ name: `${run}-x`, tags: { k: "v".repeat(257) } })],
  ["POST", `/keypairs?region=${region}`, JSON.stringify({ name: `${run}-x`, tags: { ["k".repeat(129)]: "v" } })],
  [
    "POST",
    `/keypairs?region=${region}`,
    JSON.stringify({ name: `${run}-x`, tags: Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`t${i}`, "v"])) }),
  ],
  ["POST", `/keypairs?region=${region}`, JSON.stringify({ name: `${run}-x`, pad: "x".repeat(300_000) })],
  ["POST", "/keypairs/import", JSON.stringify({ name: `${run}-x`, publicKey: `ssh-ed25519 ${"A".repeat(9000)}` })],
  ["GET", `/keypairs/${long}?region=${region}`],
  ["GET", `/keypairs?region=${region}&tag=${"k".repeat(129)}%3Dv`],
  // Reserved tags and regions
  ["POST", `/keypairs?region=${region}`, JSON.stringify({ name: `${run}-x`, tags: { "managed-by": "me" } })],
  ["POST", `/keypairs?region=${region}`, JSON.stringify({ name: `${run}-x`, tags: { "ec2-keypairs-api:request-token": "forged" } })],
  ["POST", `/keypairs?region=${region}`, JSON.stringify({ name: `${run}-x`, tags: { "AWS:x": "v" } })],
  ["POST", `/keypairs?region=${region}`, JSON.stringify({ name: `${run}-x`, region: "us-east-1*" })],
  ["GET", "/keypairs?region=us-east-1%00"],
  ["GET", "/keypairs?region=US-EAST-1"],
];

describe("more hostile inputs: a 4xx problem, never a 5xx, never another key touched", () => {
  const rows = HOSTILE.map(
    ([method, path, body, headers, expected]) =>
      [`${method} ${path} ${(body ?? "").slice(0, 80)}`, { method, path, body, headers, expected }] as const,
  );
  test.each(rows)("%s", async (_label, { method, path, body, headers, expected }) => {
    const answer = await raw(method, path, body, headers);
    const outcome = { path, status: answer.status, problem: answer.contentType === "application/problem+json", fromApi: answer.fromApi };
    if (expected === "empty list") expect([outcome, json(answer.text).items]).toEqual([{ ...outcome, status: 200 }, []]);
    else if (expected === "router: not found") expect(outcome).toEqual({ ...outcome, status: 404, fromApi: false });
    else if (expected === "router: the list") expect([outcome, "items" in json(answer.text)]).toEqual([{ ...outcome, status: 200 }, true]);
    // serverless-offline's own router refuses some malformed URLs (e.g. %ED%A0%80) before any function runs.
    else if (!answer.fromApi) expect(outcome).toEqual({ ...outcome, status: 400 });
    else expect([outcome, answer.status >= 400 && answer.status < 500]).toEqual([{ ...outcome, problem: true }, true]);
  });

  test(`covers at least 40 hostile inputs (${HOSTILE.length})`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
  });
});

describe("what an integrator reads (issues 23.5, 24.4): the exact answer", () => {
  const problem = async (method: string, path: string, body?: string, headers?: Record<string, string>) => {
    const answer = await raw(method, path, body, headers);
    expect([answer.contentType, answer.fromApi]).toEqual(["application/problem+json", true]);
    return { ...json(answer.text), status: answer.status } as Record<string, any>;
  };
  const body = JSON.stringify({ name: `${run}-m`, keyType: "ed25519" });

  test.each([
    ["no Content-Type", { "content-type": "" }, "The body has no Content-Type: send it as application/json."],
    [
      "charset=latin1",
      { "content-type": "application/json; charset=latin1" },
      "charset latin1 is not accepted: send the body in UTF-8 (application/json, or application/json; charset=utf-8).",
    ],
    [
      "charset=utf-16",
      { "content-type": "application/json; charset=utf-16" },
      "charset utf-16 is not accepted: send the body in UTF-8 (application/json, or application/json; charset=utf-8).",
    ],
  ])("a body with %s: 415 unsupported-media-type", async (_label, headers, detail) => {
    expect(await problem("POST", `/keypairs?region=${region}`, body, headers)).toMatchObject({
      status: 415,
      type: "/problems/unsupported-media-type",
      detail,
    });
  });

  test("a __proto__ member: 400 validation, an unknown field, not malformed JSON", async () => {
    const answer = await problem("POST", `/keypairs?region=${region}`, `{"name":"${run}-p","__proto__":{"dryRun":true}}`);
    expect([answer.status, answer.type, answer.errors]).toEqual([
      400,
      "/problems/validation",
      [{ field: "body", message: "unknown field(s): __proto__" }],
    ]);
  });

  test("tag=aws:...=v is refused as tagKey=aws:... is", async () => {
    const byTag = await problem("GET", `/keypairs?region=${region}&tag=aws%3Acloudformation%3Astack-name%3Dx`);
    const byKey = await problem("GET", `/keypairs?region=${region}&tagKey=aws%3Acloudformation%3Astack-name`);
    expect([byTag.status, byTag.detail, byKey.status, byKey.detail]).toEqual([
      400,
      "query.tag: tag keys must not start with aws:",
      400,
      "query.tagKey: tag keys must not start with aws:",
    ]);
  });

  test("messages in the API's words; a case-typo'd field is suggested", async () => {
    expect((await problem("POST", `/keypairs?region=${region}`, '{"keyType":"rsa"}')).detail).toBe("body.name: is required");
    expect((await problem("POST", `/keypairs?region=${region}`, `{"name":"${run}-t","keytype":"rsa"}`)).detail).toBe(
      "body: unknown field(s): keytype (did you mean keyType?)",
    );
  });

  test("a name that exists: 409 naming the key and the region", async () => {
    const answer = await problem("POST", `/keypairs?region=${region}`, JSON.stringify({ name: alpha }));
    expect([answer.status, answer.detail]).toEqual([
      409,
      `A key pair named ${alpha} already exists in ${region}: choose another name, or delete that key pair first.`,
    ]);
  });

  test("a problem's type URI path is a page: GET /problems/conflict, and 404 for a type that is none", async () => {
    const page = await raw("GET", "/problems/conflict");
    expect([page.status, page.contentType]).toEqual([200, "text/html; charset=utf-8"]);
    expect(page.text).toContain("<h1>Key pair already exists</h1>");
    expect(page.text).toContain("HTTP status 409.");
    expect(await problem("GET", "/problems/teapot")).toMatchObject({
      status: 404,
      type: "/problems/problem-type-not-found",
    });
  });
});

describe("bodies of any depth, and JSON that is not an object, on every route with a body", () => {
  const spec = parse(readFileSync(`${ROOT}/openapi.yaml`, "utf8")) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  const bodyRoutes = ROUTES.filter((route) => spec.paths[route.path]?.[route.method.toLowerCase()]?.requestBody !== undefined);
  // A valid id in the path (the literal {name} is a valid name): the body's problem is then the only one.
  const cases = bodyRoutes.map(
    (route) => [routeKey(route), { ...route, path: route.path.replace("{keyPairId}", "key-0123456789abcdef0") }] as const,
  );
  const validation = "/problems/validation";

  test("the routes with a body are create, import, the tags and expiry changes and cleanup", () => {
    expect(bodyRoutes.map(routeKey).sort()).toEqual(
      [
        "POST /keypairs",
        "POST /keypairs/import",
        "POST /keypairs/cleanup",
        "PATCH /keypairs/{name}/tags",
        "PATCH /keypairs/by-id/{keyPairId}/tags",
        "PUT /keypairs/{name}/expiry",
        "PUT /keypairs/by-id/{keyPairId}/expiry",
      ].sort(),
    );
  });

  // The reported bodies, as sent (each under the default MAX_BODY_BYTES): 10^5 levels of arrays, 60,000 inside tags, 40,000 of objects.
  test.each(cases)("%s: deeply nested bodies are a 400 naming the limit, never a 5xx", async (_key, route) => {
    for (const body of [
      `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
      `{"name":"n","tags":${"[".repeat(60_000)}${"]".repeat(60_000)}}`,
      `${'{"a":'.repeat(40_000)}1${"}".repeat(40_000)}`,
    ]) {
      const answer = await raw(route.method, `${route.path}?region=${region}`, body);
      expect([answer.status, answer.fromApi]).toEqual([400, true]);
      expect(json(answer.text)).toMatchObject({
        type: validation,
        errors: [{ field: "body", message: "nests arrays and objects more than 32 levels deep; at most 32 are accepted" }],
      });
    }
  });

  // Objects and mixed nesting 10^5 deep are longer than MAX_BODY_BYTES (256 KiB by default): refused for their size first.
  test.each(cases)("%s: objects and mixed nesting 10^5 deep are a 413, never a 5xx", async (_key, route) => {
    for (const body of [`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`, `${'[{"a":'.repeat(50_000)}1${"}]".repeat(50_000)}`]) {
      const answer = await raw(route.method, `${route.path}?region=${region}`, body);
      expect([answer.status, json(answer.text).type]).toEqual([413, "/problems/payload-too-large"]);
    }
  });

  // serverless-offline handed the function the JSON value it parsed for a string or null; API Gateway passes the text.
  test.each(cases)("%s: a JSON string, number, array or null is a 400: body must be an object", async (_key, route) => {
    for (const body of ['"x"', "5", "[1]", "null"]) {
      const answer = await raw(route.method, `${route.path}?region=${region}`, body);
      expect([body, answer.status, json(answer.text).type]).toEqual([body, 400, validation]);
      expect([body, json(answer.text).errors]).toEqual([body, [{ field: "body", message: "must be an object" }]]);
    }
  });

  test("ttlSeconds: 1e21 names the documented limit", async () => {
    const answer = await raw("POST", `/keypairs?region=${region}`, `{"name":"${run}-t","ttlSeconds":1e21}`);
    expect([answer.status, json(answer.text).errors]).toEqual([400, [{ field: "body.ttlSeconds", message: "must be at most 31536000" }]]);
  });
});

afterAll(async () => {
  // Nothing hostile created, changed or deleted a key.
  expect(await snapshot()).toEqual(before);
});
