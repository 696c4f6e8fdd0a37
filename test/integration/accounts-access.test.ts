/**
 * Who may act where, signed: each caller signs through the SigV4 verifier, which hands the stack the
 * identity API Gateway's IAM authorizer would (test/support/principals.ts: the callers and the
 * stack's ACCOUNT_ACCESS). A request outside the caller's grant is 403 account-forbidden, and nothing
 * reaches that account on its behalf: no key there, no AssumeRole of its member role (the service's
 * "member role assumed" lines in the stack log).
 */
import { readFileSync } from "node:fs";
import type { EC2Client } from "@aws-sdk/client-ec2";
import { signingFetch } from "../../packages/client/src/sign.js";
import { startVerifier, type Verifier } from "../../packages/client/test/support/sigv4-verifier.js";
import { apiClient, type Problem } from "../support/contract.js";
import { eventually } from "../support/eventually.js";
import { clientsIn, MEMBERS, namesIn, OWN, REGION, serviceAssumptionsIn } from "../support/member-accounts.js";
import { PRINCIPALS } from "../support/principals.js";

const GRANTED = MEMBERS[0]!; // the ops-* roles' grant
const UNTOUCHED = MEMBERS[2]!; // no other test file acts in it
const run = `g${process.pid}${Math.random().toString(36).slice(2, 6)}`;

const verifiers: Verifier[] = [];
/** A client signed as `principal`, through a verifier of its own credentials. */
async function signedAs(principal: keyof typeof PRINCIPALS) {
  const credentials = { accessKeyId: `AKID${principal.toUpperCase()}`, secretAccessKey: `secret-${principal}` };
  const verifier = await startVerifier({ target: process.env.API_URL!, credentials, arn: PRINCIPALS[principal] });
  verifiers.push(verifier);
  return apiClient(verifier.url, signingFetch(REGION, credentials));
}
const sessionless = (arn: string) => arn.replace(/\/[^/]+$/, "");
/** The access log lines (stack log) of requests for the key `name`. */
const accessLines = (name: string) =>
  readFileSync(process.env.STACK_LOG!, "utf8")
    .split("\n")
    .filter((line) => line.includes(`"${name}"`) && line.includes("request completed"))
    .map((line) => JSON.parse(line.slice(line.indexOf("{"))) as { caller?: string; account?: string });

let audit: Awaited<ReturnType<typeof signedAs>>;
let ops: Awaited<ReturnType<typeof signedAs>>;
let dev: Awaited<ReturnType<typeof signedAs>>;
let outsider: Awaited<ReturnType<typeof signedAs>>;
let untouched: EC2Client;

beforeAll(async () => {
  [ops, dev, outsider, audit] = await Promise.all([signedAs("ops"), signedAs("dev"), signedAs("outsider"), signedAs("audit")]);
  const clients = await clientsIn(UNTOUCHED);
  clients.autoScaling.destroy();
  untouched = clients.ec2;
});
afterAll(async () => {
  untouched.destroy();
  await Promise.all(verifiers.map((verifier) => verifier.close()));
});

const expectForbidden = (answer: { response: Response; error?: unknown }, caller: string, account: string) => {
  expect(answer.response.status).toBe(403);
  const problem = answer.error as Problem;
  expect(problem.type).toMatch(/\/account-forbidden$/);
  expect(problem.detail).toContain(sessionless(caller));
  expect(problem.detail).toContain(account);
};

test("a caller without a grant is refused in another account on every route, and nothing reaches that account", async () => {
  const name = `${run}-dev`;
  const before = serviceAssumptionsIn(UNTOUCHED);
  expectForbidden(await dev.POST("/keypairs", { body: { name, account: UNTOUCHED } }), PRINCIPALS.dev, UNTOUCHED);
  expectForbidden(await dev.GET("/keypairs", { params: { query: { account: UNTOUCHED, name } } }), PRINCIPALS.dev, UNTOUCHED);
  expectForbidden(
    await dev.GET("/keypairs/{name}", { params: { path: { name }, query: { account: UNTOUCHED } } }),
    PRINCIPALS.dev,
    UNTOUCHED,
  );
  expectForbidden(
    await dev.DELETE("/keypairs/{name}", { params: { path: { name }, query: { account: UNTOUCHED } } }),
    PRINCIPALS.dev,
    UNTOUCHED,
  );
  expect(await namesIn(untouched, name)).toEqual([]);
  // Each request's access line is written after all of its work: once the four are in the log, so is any AssumeRole of theirs.
  await eventually(
    async () => accessLines(name),
    (lines) => lines.length === 4,
  );
  expect(serviceAssumptionsIn(UNTOUCHED)).toBe(before);

  // The count can move: the unsigned local caller, granted every account, reaches it.
  const unsigned = apiClient();
  expect((await unsigned.GET("/keypairs", { params: { query: { account: UNTOUCHED } } })).response.status).toBe(200);
  await eventually(
    async () => serviceAssumptionsIn(UNTOUCHED),
    (count) => count > before,
  );
});

test("a caller without a grant acts in its own account", async () => {
  const name = `${run}-own`;
  expect((await dev.POST("/keypairs", { body: { name, keyType: "ed25519" } })).response.status).toBe(201);
  expect((await dev.DELETE("/keypairs/{name}", { params: { path: { name } } })).response.status).toBe(204);
});

test("a granted role acts in the account its grant names, and in no other", async () => {
  const name = `${run}-ops`;
  const { ec2: granted, autoScaling } = await clientsIn(GRANTED);
  autoScaling.destroy();
  try {
    expect((await ops.POST("/keypairs", { body: { name, keyType: "ed25519", account: GRANTED } })).response.status).toBe(201);
    expect(await namesIn(granted, name)).toEqual([name]);
    expectForbidden(await ops.GET("/keypairs", { params: { query: { account: MEMBERS[1]! } } }), PRINCIPALS.ops, MEMBERS[1]!);
    expect((await ops.DELETE("/keypairs/{name}", { params: { path: { name }, query: { account: GRANTED } } })).response.status).toBe(204);
    expect(await namesIn(granted, name)).toEqual([]);
  } finally {
    granted.destroy();
  }
});

test("a caller of another account is refused even in the API's own: its grant is its own account", async () => {
  expectForbidden(await outsider.GET("/keypairs"), PRINCIPALS.outsider, OWN);
  expectForbidden(await outsider.GET("/keypairs", { params: { query: { account: GRANTED } } }), PRINCIPALS.outsider, GRANTED);
});

test("a grant of an OU lets its role act in the accounts in that OU (Organizations lists them), and in no other", async () => {
  const inOu = MEMBERS[1]!; // scripts/local-organization.ts moves it into LOCAL_OU
  expect((await audit.GET("/keypairs", { params: { query: { account: inOu, name: `${run}-none` } } })).response.status).toBe(200);
  expectForbidden(await audit.GET("/keypairs", { params: { query: { account: GRANTED } } }), PRINCIPALS.audit, GRANTED);
  const { data } = await audit.GET("/keypairs", { params: { query: { accounts: "all", name: `${run}-none` } } });
  expect(data!.scopes![inOu]![REGION]!.status).toBe("ok");
  expect(data!.scopes![UNTOUCHED]![REGION]!.status).toBe("forbidden");
});

test("an estate listing reports the accounts outside the caller's grant as forbidden and still answers", async () => {
  const statuses = async (client: typeof ops) => {
    const answer = await client.GET("/keypairs", { params: { query: { accounts: "all", name: `${run}-none` } } });
    expect(answer.response.status).toBe(200);
    return Object.fromEntries(Object.entries(answer.data!.scopes!).map(([account, regions]) => [account, regions[REGION]!.status]));
  };
  // A caller of another account: its grant is its own account, which is not one of this API's.
  const outsiders = await statuses(outsider);
  expect(Object.keys(outsiders)).toEqual(expect.arrayContaining([OWN, ...MEMBERS]));
  expect(Object.values(outsiders).every((status) => status === "forbidden")).toBe(true);
  // A granted role: the API's own account (its own) and the one its grant names.
  const granted = await statuses(ops);
  expect(granted[OWN]).toBe("ok");
  expect(granted[GRANTED]).toBe("ok");
  expect(granted[UNTOUCHED]).toBe("forbidden");
});

test("access log lines name the signed caller and the account", async () => {
  const name = `${run}-log`;
  expect((await ops.GET("/keypairs/{name}", { params: { path: { name }, query: { account: GRANTED } } })).response.status).toBe(404);
  const lines = await eventually(
    async () => accessLines(name),
    (found) => found.length > 0,
  );
  expect(lines).toContainEqual(expect.objectContaining({ caller: sessionless(PRINCIPALS.ops), account: GRANTED }));
});
