/**
 * The CLI against the spec: each key-pair operation of openapi.yaml is run by a command, and each of
 * its parameters (path, query, header) and body fields is an option (or the NAME argument) of that
 * command, which the command passes on to the typed client's method for that operation. A parameter
 * or operation added to the spec without an option or command fails here, as does an option that
 * maps to nothing. LEFT_OUT lists what the CLI leaves out on purpose, and why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { ALLOWED, EXIT, GLOBAL, main, type Option } from "../../src/cli.js";
import type { KeyPairsClient } from "../../src/client.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const spec = parse(readFileSync(`${ROOT}/openapi.yaml`, "utf8"));

type Json = Record<string, unknown>;
/** Follows a local $ref (#/components/...). */
const deref = (node: Json): Json =>
  typeof node.$ref === "string"
    ? deref(
        node.$ref
          .slice(2)
          .split("/")
          .reduce<Json>((at, key) => at[key] as Json, spec),
      )
    : node;

/** Each operation's inputs as "location name" (path name, query limit, header idempotency-key, body tags). */
const INPUTS = new Map<string, string[]>(
  Object.values<Json>(spec.paths).flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
      .map(([, raw]) => {
        const operation = raw as Json;
        const parameters = [...((item.parameters as Json[]) ?? []), ...((operation.parameters as Json[]) ?? [])].map(deref);
        const body = operation.requestBody ? deref(operation.requestBody as Json) : undefined;
        const schema = body ? deref((body.content as Record<string, Json>)["application/json"]!.schema as Json) : undefined;
        return [
          operation.operationId as string,
          [
            ...parameters.map((parameter) => `${parameter.in} ${parameter.name}`),
            ...Object.keys((schema?.properties as Json) ?? {}).map((field) => `body ${field}`),
          ],
        ] as const;
      }),
  ),
);

/** What the CLI deliberately does not cover: an operation ("getDocsPage") or one input ("listKeyPairs query x"). */
const LEFT_OUT: Record<string, string> = {
  getOpenApiDocument: "the spec is read by tools and browsers (curl, a generator), not managed from the command line",
  getDocsPage: "an HTML page for a browser",
  getProblemType: "an HTML page for a browser (a problem's type URI)",
};

/** Options that map to no parameter: where the CLI sends, prints or writes, which the API never sees. */
const CLI_ONLY: Partial<Record<Option, string>> = {
  endpoint: "the API's URL",
  "signing-region": "the region requests are signed for",
  json: "output format",
  output: "output format",
  query: "JMESPath over the printed answer",
  help: "prints the usage",
  out: "the local file the private key is written to",
  yes: "cleanup's answer to its own question (the API then gets the same request with dryRun false)",
};

const NAME = "deploy-bot";
const ID = "key-0123456789abcdef0";
const PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy";
const dir = mkdtempSync(join(tmpdir(), "cli-operations-"));
const publicKeyFile = join(dir, "id.pub");
writeFileSync(publicKeyFile, `${PUBLIC_KEY}\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command that runs each operation, with what it needs besides the input under test. */
const COMMANDS: Record<string, string[]> = {
  createKeyPair: ["create", NAME],
  importKeyPair: ["import", NAME, "--public-key-file", publicKeyFile],
  listKeyPairs: ["ls"],
  getKeyPair: ["get", NAME],
  getKeyPairById: ["get", "--key-pair-id", ID],
  deleteKeyPair: ["rm", NAME],
  deleteKeyPairById: ["rm", "--key-pair-id", ID],
  updateKeyPairTags: ["tag", NAME],
  updateKeyPairTagsById: ["tag", "--key-pair-id", ID],
  setKeyPairExpiry: ["expiry", NAME],
  setKeyPairExpiryById: ["expiry", "--key-pair-id", ID],
  clearKeyPairExpiry: ["expiry", NAME, "--clear"],
  clearKeyPairExpiryById: ["expiry", "--key-pair-id", ID, "--clear"],
  cleanUpKeyPairs: ["cleanup", "--unused"],
  getKeyPairReport: ["report"],
};

/**
 * Each input as the options that give it (none: the command's own arguments already do) and the value
 * the client method receives. A create's `query region` (`query account`) arrives as the body's, which means the same.
 */
const GIVEN_BY: Record<string, { args: string[]; sent: unknown }> = {
  "path name": { args: [], sent: NAME },
  "path keyPairId": { args: [], sent: ID },
  "body name": { args: [], sent: NAME },
  "body publicKey": { args: [], sent: PUBLIC_KEY },
  "query region": { args: ["--region", "eu-west-1"], sent: "eu-west-1" },
  "body region": { args: ["--region", "eu-west-1"], sent: "eu-west-1" },
  "query account": { args: ["--account", "111122223333"], sent: "111122223333" },
  "body account": { args: ["--account", "111122223333"], sent: "111122223333" },
  "header idempotency-key": { args: ["--idempotency-key", "retry-1"], sent: "retry-1" },
  "body keyType": { args: ["--type", "ed25519"], sent: "ed25519" },
  "body keyFormat": { args: ["--format", "ppk"], sent: "ppk" },
  "body tags": { args: ["--tag", "team=ci"], sent: { team: "ci" } },
  "body dryRun": { args: ["--dry-run"], sent: true },
  "body escrow": { args: ["--escrow"], sent: true },
  "body ttlSeconds": { args: ["--ttl", "1h"], sent: 3600 },
  "body expiresAt": { args: ["--expires-at", "2027-01-01T00:00:00Z"], sent: "2027-01-01T00:00:00Z" },
  "query name": { args: ["--name", NAME], sent: NAME },
  "query keyPairId": { args: ["--key-pair-id", ID], sent: ID },
  "query fingerprint": { args: ["--fingerprint", "aa:bb"], sent: "aa:bb" },
  "query keyType": { args: ["--type", "rsa"], sent: "rsa" },
  "query tagKey": { args: ["--tag-key", "team"], sent: "team" },
  "query tag": { args: ["--tag", "team=ci"], sent: "team=ci" },
  "query expiresBefore": { args: ["--expires-before", "2027-01-01T00:00:00Z"], sent: "2027-01-01T00:00:00Z" },
  "query includePublicKey": { args: ["--public-key"], sent: true },
  "query includeUsage": { args: ["--usage"], sent: true },
  "query unused": { args: ["--unused"], sent: true },
  "query limit": { args: ["--limit", "10"], sent: 10 },
  "query cursor": { args: ["--cursor", "alice"], sent: "alice" },
  "query allRegions": { args: ["--all-regions"], sent: true },
  "query accounts": { args: ["--all-accounts"], sent: "all" },
  "query estateCursor": { args: ["--all-accounts", "--cursor", "x"], sent: "x" },
  "query dryRun": { args: ["--dry-run"], sent: true },
  "query force": { args: ["--force"], sent: true },
  "body set": { args: ["--set", "owner=ci"], sent: { owner: "ci" } },
  "body remove": { args: ["--remove", "temp"], sent: ["temp"] },
  "query createdBefore": { args: ["--created-before", "2027-01-01T00:00:00Z"], sent: "2027-01-01T00:00:00Z" },
  "query createdAfter": { args: ["--created-after", "2026-01-01T00:00:00Z"], sent: "2026-01-01T00:00:00Z" },
  "query missingTag": { args: ["--missing-tag", "owner"], sent: "owner" },
  "query expiringWithinDays": { args: ["--expiring-within-days", "30"], sent: 30 },
  "query includeUnused": { args: ["--unused"], sent: true },
  "body unused": { args: [], sent: true },
  "body createdBefore": { args: ["--created-before", "2027-01-01T00:00:00Z"], sent: "2027-01-01T00:00:00Z" },
  "body createdAfter": { args: ["--created-after", "2026-01-01T00:00:00Z"], sent: "2026-01-01T00:00:00Z" },
  "body missingTag": { args: ["--missing-tag", "owner"], sent: "owner" },
  "body tag": { args: ["--tag", "team=ci"], sent: "team=ci" },
  "body allRegions": { args: ["--all-regions"], sent: true },
  "body limit": { args: ["--limit", "10"], sent: 10 },
  "body cursor": { args: ["--cursor", "eu-west-1/alice"], sent: { region: "eu-west-1", after: "alice" } },
};

/** Client methods that are no operation of their own: the operation each one calls. */
const SAME_OPERATION: Record<string, string> = { listAllKeyPairs: "listKeyPairs", listEstate: "listKeyPairs" };

const KEY = { name: NAME, keyPairId: ID, keyType: "ed25519", fingerprint: "aa:bb", region: "eu-west-1", managed: true, tags: {} };
const DRY_RUN = { dryRun: true, detail: "would succeed" };
const ANSWERS: Record<string, unknown> = {
  createKeyPair: DRY_RUN,
  importKeyPair: DRY_RUN,
  listKeyPairs: { items: [] },
  listAllKeyPairs: { items: [] },
  listEstate: { items: [] },
  getKeyPair: KEY,
  getKeyPairById: KEY,
  updateKeyPairTags: KEY,
  updateKeyPairTagsById: KEY,
  setKeyPairExpiry: KEY,
  setKeyPairExpiryById: KEY,
  clearKeyPairExpiry: KEY,
  clearKeyPairExpiryById: KEY,
  cleanUpKeyPairs: { dryRun: true, items: [], unmanagedSkipped: 0 },
  getKeyPairReport: { generatedAt: "2026-12-07T00:00:00.000Z", rows: [], regions: {} },
};

/** Runs the CLI against a stand-in client that records each method called and its arguments. */
async function record(args: string[]) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const client = new Proxy(
    {},
    {
      get:
        (_, method: string) =>
        async (...given: unknown[]) => {
          calls.push({ method, args: given });
          return ANSWERS[method];
        },
    },
  ) as KeyPairsClient;
  let stderr = "";
  const code = await main(args, {
    stdout: () => undefined,
    stderr: (text) => {
      stderr += text;
    },
    env: {},
    client,
  });
  return { code, calls, stderr };
}

/** Whether a call's arguments carry `sent`: a string argument (path, header) or a member of an object argument. */
function carries(args: unknown[], input: string, sent: unknown): boolean {
  const [location, name] = input.split(" ") as [string, string];
  return location === "path" || location === "header"
    ? args.includes(sent)
    : args.some((arg) => typeof arg === "object" && arg !== null && JSON.stringify((arg as Json)[name]) === JSON.stringify(sent));
}

const KEY_PAIR_OPERATIONS = [...INPUTS.keys()].filter((operationId) => !(operationId in LEFT_OUT));
const CASES = KEY_PAIR_OPERATIONS.flatMap((operationId) =>
  INPUTS.get(operationId)!
    .filter((input) => !(`${operationId} ${input}` in LEFT_OUT))
    .map((input) => [operationId, input] as const),
);

describe("the CLI and the spec's operations", () => {
  test("every key-pair operation has a command, every input a way to give it; LEFT_OUT names only what the spec has", () => {
    expect(KEY_PAIR_OPERATIONS.length).toBeGreaterThanOrEqual(7);
    expect(KEY_PAIR_OPERATIONS.filter((operationId) => !COMMANDS[operationId])).toEqual([]);
    expect(CASES.map(([, input]) => input).filter((input) => !GIVEN_BY[input])).toEqual([]);
    const known = new Set(
      [...INPUTS].flatMap(([operationId, inputs]) => [operationId, ...inputs.map((input) => `${operationId} ${input}`)]),
    );
    expect(Object.keys(LEFT_OUT).filter((entry) => !known.has(entry))).toEqual([]);
    expect(Object.keys(COMMANDS).filter((operationId) => !INPUTS.has(operationId))).toEqual([]);
  });

  test.each(CASES)("%s: %s", async (operationId, input) => {
    const { args, sent } = GIVEN_BY[input]!;
    const { code, calls, stderr } = await record([...COMMANDS[operationId]!, ...args]);
    expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: "" });
    expect(calls).toHaveLength(1);
    expect(SAME_OPERATION[calls[0]!.method] ?? calls[0]!.method).toBe(operationId);
    expect(carries(calls[0]!.args, input, sent)).toBe(true);
  });

  test("every option of every command gives some input of its operations, or is a CLI_ONLY one", () => {
    const used = new Set<string>();
    for (const [operationId, input] of CASES)
      for (const arg of [...COMMANDS[operationId]!, ...GIVEN_BY[input]!.args]) if (arg.startsWith("--")) used.add(arg.slice(2));
    const commands = new Set(Object.values(COMMANDS).map(([command]) => command!));
    expect(Object.keys(ALLOWED).sort()).toEqual([...commands].sort());
    const options = new Set([...GLOBAL, ...Object.values(ALLOWED).flat()]);
    expect([...options].filter((option) => !used.has(option) && !(option in CLI_ONLY))).toEqual([]);
    expect(Object.keys(CLI_ONLY).filter((option) => used.has(option))).toEqual([]);
  });
});
