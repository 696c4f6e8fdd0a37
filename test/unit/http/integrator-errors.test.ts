/**
 * What an integrator reads when a request is wrong: messages in the API's
 * words, a typo'd field named with its fix, the 409 naming the key and region, 415 for a body
 * that is not JSON in UTF-8, tag=aws:... refused as tagKey=aws:... is, and a page per problem type.
 */
import { CreateKeyPairCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { handler as docsHandler } from "../../../src/handlers/api-docs.js";
import { handler as createHandler } from "../../../src/handlers/create-key-pair.js";
import { handler as listHandler } from "../../../src/handlers/list-key-pairs.js";
import { PROBLEM_KINDS, PROBLEM_TITLES } from "../../../src/lib/api/problems.js";
import { PROBLEM_STATUS } from "../../../src/lib/http/problems.js";
import { unknownFields } from "../../../src/lib/http/request.js";
import { apiEvent, invoke, lambdaContext } from "../../support/lambda.js";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

const create = (body: unknown, headers?: Record<string, string>) =>
  invoke(createHandler, { method: "POST", path: "/keypairs", body: body as object, ...(headers ? { headers } : {}) });

describe("validation messages say what the value must be", () => {
  test.each([
    ["a missing name", { keyType: "rsa" }, "body.name: is required"],
    ["a name that is a number", { name: 5 }, "body.name: must be a string"],
    ["an unknown key type", { name: "k", keyType: "dsa" }, "body.keyType: must be one of rsa, ed25519"],
    ["a non-boolean dryRun", { name: "k", dryRun: "yes" }, "body.dryRun: must be true or false"],
    ["tags as a list", { name: "k", tags: ["a"] }, "body.tags: must be an object"],
    ["a too short ttl", { name: "k", ttlSeconds: 5 }, "body.ttlSeconds: must be at least 60"],
    // Past 2^53 zod's integer check names its own bound; the answer names the documented one alone.
    ["a ttl of 1e21", { name: "k", ttlSeconds: 1e21 }, "body.ttlSeconds: must be at most 31536000"],
    ["a ttl of -1e21", { name: "k", ttlSeconds: -1e21 }, "body.ttlSeconds: must be at least 60"],
    ["a fractional ttl", { name: "k", ttlSeconds: 3600.5 }, "body.ttlSeconds: must be an integer"],
    ["a name too long", { name: "k".repeat(256) }, "body.name: must have at most 255 characters"],
  ])("%s", async (_label, body, detail) => {
    const answer = await create(body);
    expect([answer.status, answer.body.detail]).toEqual([400, detail]);
    expect(answer.body.detail).not.toMatch(/Invalid input|expected .*, received/);
    expect(ec2.calls()).toHaveLength(0);
  });

  test("a field given in the wrong case is suggested: keytype → did you mean keyType?", async () => {
    const answer = await create({ name: "k", keytype: "rsa", colour: "red" });
    expect(answer.body.errors).toEqual([{ field: "body", message: "unknown field(s): keytype (did you mean keyType?), colour" }]);
  });

  test("near misses are suggested, far ones are not", () => {
    const known = ["name", "keyType", "keyFormat", "tags", "dryRun", "escrow"];
    expect(unknownFields(["keyformat", "dryrun", "nmae", "tag", "colour"], known)).toBe(
      "unknown field(s): keyformat (did you mean keyFormat?), dryrun (did you mean dryRun?), nmae (did you mean name?), tag (did you mean tags?), colour",
    );
  });
});

test("a name taken in EC2 is a 409 naming the key and the region", async () => {
  ec2
    .on(CreateKeyPairCommand)
    .rejects(
      Object.assign(new Error("exists"), { name: "InvalidKeyPair.Duplicate", $fault: "client", $metadata: { httpStatusCode: 400 } }),
    );
  const answer = await create({ name: "deploy-bot", region: "us-east-1" });
  expect([answer.status, answer.body.detail, answer.body.ec2Code]).toEqual([
    409,
    "A key pair named deploy-bot already exists in us-east-1: choose another name, or delete that key pair first.",
    "InvalidKeyPair.Duplicate",
  ]);
});

describe("the body is JSON in UTF-8, or a 415", () => {
  const body = JSON.stringify({ name: "k", dryRun: true });
  test.each([
    ["no Content-Type", {}, "The body has no Content-Type: send it as application/json."],
    ["text/plain", { "content-type": "text/plain" }, "Content-Type text/plain is not accepted: send the body as application/json."],
    [
      "charset=latin1",
      { "content-type": "application/json; charset=latin1" },
      "charset latin1 is not accepted: send the body in UTF-8 (application/json, or application/json; charset=utf-8).",
    ],
    [
      "charset=utf-16",
      { "content-type": "application/json;charset=UTF-16" },
      "charset UTF-16 is not accepted: send the body in UTF-8 (application/json, or application/json; charset=utf-8).",
    ],
  ])("%s: 415 unsupported-media-type, EC2 not called", async (_label, headers, detail) => {
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body, headers: { "content-type": "", ...headers } });
    expect([answer.status, answer.body.type, answer.body.detail]).toEqual([415, "/problems/unsupported-media-type", detail]);
    expect(ec2.calls()).toHaveLength(0);
  });

  test.each(["application/json", "application/json; charset=utf-8", 'Application/JSON; Charset="UTF-8"', "application/merge-patch+json"])(
    "%s is accepted",
    async (contentType) => {
      ec2.on(CreateKeyPairCommand).rejects(Object.assign(new Error("dry"), { name: "DryRunOperation" }));
      const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body, headers: { "content-type": contentType } });
      expect([answer.status, answer.body.wouldSucceed]).toEqual([200, true]);
    },
  );

  test("a base64 body that is not UTF-8 is malformed-json, not read with replacement characters", async () => {
    const event = {
      ...apiEvent({ method: "POST", path: "/keypairs", body: Buffer.from('{"name":"k\xff"}', "latin1").toString("base64") }),
    };
    const result = (await createHandler({ ...event, isBase64Encoded: true } as never, lambdaContext())) as {
      statusCode: number;
      body: string;
    };
    expect([result.statusCode, JSON.parse(result.body).detail]).toEqual([400, "The body is not valid UTF-8."]);
  });
});

test.each(["aws:cloudformation:stack-name=x", "AWS:x=v"])("tag=%s is refused as tagKey=aws:... is", async (tag) => {
  const byTag = await invoke(listHandler, { method: "GET", path: "/keypairs", query: { tag } });
  const byKey = await invoke(listHandler, { method: "GET", path: "/keypairs", query: { tagKey: tag.split("=")[0]! } });
  expect([byTag.status, byTag.body.errors]).toEqual([400, [{ field: "query.tag", message: "tag keys must not start with aws:" }]]);
  expect([byKey.status, byKey.body.errors[0].message]).toEqual([400, "tag keys must not start with aws:"]);
  expect(ec2.calls()).toHaveLength(0);
});

describe("GET /problems/{type}", () => {
  const page = (type: string) =>
    invoke(docsHandler, { method: "GET", path: `/problems/${type}`, routeKey: "GET /problems/{type}", pathParameters: { type } });

  test.each(PROBLEM_KINDS)("%s has a page with its title and status", async (kind) => {
    const answer = await page(kind);
    expect([answer.status, answer.headers["content-type"]]).toEqual([200, "text/html; charset=utf-8"]);
    const html = String(answer.body);
    expect(html).toContain(`<h1>${PROBLEM_TITLES[kind]}</h1>`);
    expect(html).toContain(`HTTP status ${PROBLEM_STATUS[kind]}.`);
    expect(html).toContain(`/problems/${kind}`);
  });

  test("an unknown type is a 404 problem; a malformed one a 400", async () => {
    const unknown = await page("teapot");
    expect([unknown.status, unknown.headers["content-type"], unknown.body.type, unknown.body.detail]).toEqual([
      404,
      "application/problem+json",
      "/problems/problem-type-not-found",
      "This API has no problem type teapot.",
    ]);
    const malformed = await page("<b>");
    expect([malformed.status, malformed.body.errors[0].field]).toEqual([400, "path.type"]);
  });
});
