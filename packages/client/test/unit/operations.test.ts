/**
 * The typed client has one method per operation of openapi.yaml, named by its operationId, and each
 * sends that operation's method and path. A spec operation without a method (or a method without an
 * operation) fails here, and the CALLS table below does not compile without an entry per operation.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { operations } from "../../src/api.js";
import { createKeyPairsClient, type KeyPairsClient } from "../../src/client.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const spec = parse(readFileSync(`${ROOT}/openapi.yaml`, "utf8"));

/** Each operation's method and path, by operationId. */
const OPERATIONS = new Map<string, string>(
  Object.entries<Record<string, { operationId: string }>>(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => [operation.operationId, `${method.toUpperCase()} ${path}`] as const),
  ),
);

/** Methods that are no operation of their own: listAllKeyPairs and listEstate follow listKeyPairs' nextCursor. */
const HELPERS = ["listAllKeyPairs", "listEstate"];

/** One call of each operation's method, with the path parameters it sends. */
const CALLS: Record<keyof operations, { call: (client: KeyPairsClient) => Promise<unknown>; path: Record<string, string> }> = {
  createKeyPair: { call: (client) => client.createKeyPair({ name: "deploy-bot" }), path: {} },
  importKeyPair: { call: (client) => client.importKeyPair({ name: "alice", publicKey: "ssh-ed25519 AAAA" }), path: {} },
  listKeyPairs: { call: (client) => client.listKeyPairs(), path: {} },
  getKeyPair: { call: (client) => client.getKeyPair("deploy-bot"), path: { name: "deploy-bot" } },
  getKeyPairById: { call: (client) => client.getKeyPairById("key-0123456789abcdef0"), path: { keyPairId: "key-0123456789abcdef0" } },
  deleteKeyPair: { call: (client) => client.deleteKeyPair("deploy-bot"), path: { name: "deploy-bot" } },
  deleteKeyPairById: {
    call: (client) => client.deleteKeyPairById("key-0123456789abcdef0"),
    path: { keyPairId: "key-0123456789abcdef0" },
  },
  updateKeyPairTags: { call: (client) => client.updateKeyPairTags("deploy-bot", { set: { owner: "a" } }), path: { name: "deploy-bot" } },
  updateKeyPairTagsById: {
    call: (client) => client.updateKeyPairTagsById("key-0123456789abcdef0", { remove: ["owner"] }),
    path: { keyPairId: "key-0123456789abcdef0" },
  },
  setKeyPairExpiry: { call: (client) => client.setKeyPairExpiry("deploy-bot", { ttlSeconds: 3600 }), path: { name: "deploy-bot" } },
  setKeyPairExpiryById: {
    call: (client) => client.setKeyPairExpiryById("key-0123456789abcdef0", { ttlSeconds: 3600 }),
    path: { keyPairId: "key-0123456789abcdef0" },
  },
  clearKeyPairExpiry: { call: (client) => client.clearKeyPairExpiry("deploy-bot"), path: { name: "deploy-bot" } },
  clearKeyPairExpiryById: {
    call: (client) => client.clearKeyPairExpiryById("key-0123456789abcdef0"),
    path: { keyPairId: "key-0123456789abcdef0" },
  },
  cleanUpKeyPairs: { call: (client) => client.cleanUpKeyPairs({ unused: true }), path: {} },
  getKeyPairReport: { call: (client) => client.getKeyPairReport({ missingTag: "owner" }), path: {} },
  getOpenApiDocument: { call: (client) => client.getOpenApiDocument(), path: {} },
  getDocsPage: { call: (client) => client.getDocsPage(), path: {} },
  getProblemType: { call: (client) => client.getProblemType("conflict"), path: { type: "conflict" } },
};

/** A client whose requests (as "METHOD /path") are recorded and answered by `answer`. */
function recording(answer: (method: string) => Response) {
  const sent: string[] = [];
  const client = createKeyPairsClient({
    endpoint: "http://localhost:3000",
    signingRegion: "eu-west-1",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    // The signing fetch sends (url, init).
    fetch: async (input, init) => {
      const method = init?.method ?? "GET";
      sent.push(`${method} ${new URL(String(input)).pathname}`);
      return answer(method);
    },
  });
  return { client, sent };
}

const methodsOf = (client: KeyPairsClient) =>
  Object.entries(client)
    .filter(([, value]) => typeof value === "function")
    .map(([name]) => name)
    .sort();

describe("the typed client and the spec's operations", () => {
  test("one method per operationId, plus the named helpers", () => {
    const { client } = recording(() => new Response(null, { status: 204 }));
    expect(OPERATIONS.size).toBeGreaterThanOrEqual(10);
    expect(methodsOf(client)).toEqual([...OPERATIONS.keys(), ...HELPERS].sort());
    expect(Object.keys(CALLS).sort()).toEqual([...OPERATIONS.keys()].sort());
  });

  test.each([...OPERATIONS])("%s sends %s", async (operationId, route) => {
    const { client, sent } = recording((method) =>
      method === "DELETE"
        ? new Response(null, { status: 204 })
        : new Response("{}", { status: 200, headers: { "content-type": "application/json" } }),
    );
    const { call, path } = CALLS[operationId as keyof operations];
    await call(client);
    const [method, template] = route.split(" ") as [string, string];
    const expected = template.replace(/\{(\w+)\}/g, (_, name: string) => path[name]!);
    expect(sent).toEqual([`${method} ${expected}`]);
  });

  test("the HTML operations answer the page as text, the deletes undefined for a 204", async () => {
    const { client } = recording((method) =>
      method === "DELETE" ? new Response(null, { status: 204 }) : new Response("<!doctype html><title>x</title>", { status: 200 }),
    );
    await expect(client.getDocsPage()).resolves.toBe("<!doctype html><title>x</title>");
    await expect(client.getProblemType("conflict")).resolves.toBe("<!doctype html><title>x</title>");
    await expect(client.deleteKeyPairById("key-0123456789abcdef0")).resolves.toBeUndefined();
  });

  test("a refused by-id delete throws the problem, with its usage", async () => {
    const problem = {
      type: "/problems/key-in-use",
      title: "Key pair in use",
      status: 409,
      detail: "Key pair deploy-bot is still named by 1 instance.",
      usage: {
        instances: [{ instanceId: "i-0123456789abcdef0", state: "running" }],
        launchTemplates: [],
        launchConfigurations: [],
        autoScalingGroups: [],
        complete: true,
        incomplete: [],
      },
    };
    const { client } = recording(
      () => new Response(JSON.stringify(problem), { status: 409, headers: { "content-type": "application/problem+json" } }),
    );
    await expect(client.deleteKeyPairById("key-0123456789abcdef0")).rejects.toMatchObject({ status: 409, usage: problem.usage });
  });
});
