/** The typed client's estate helper: follows nextCursor as estateCursor, every page's items kept, each scope's last word. */
import { createKeyPairsClient } from "../../src/client.js";

test("listEstate sends each page's cursor as estateCursor until none, adding up an ok scope's counts", async () => {
  const key = (name: string) => ({
    name,
    keyPairId: "key-0123456789abcdef0",
    keyType: "rsa",
    fingerprint: "f",
    region: "eu-west-1",
    account: "222222222222",
    managed: true,
    tags: {},
  });
  const pages = [
    {
      items: [key("a")],
      scopes: { "222222222222": { "eu-west-1": { status: "ok", count: 1, complete: false } } },
      pendingScopes: 1,
      nextCursor: "c1",
    },
    {
      items: [key("b")],
      scopes: {
        "222222222222": { "eu-west-1": { status: "ok", count: 1, complete: true } },
        "333333333333": { "eu-west-1": { status: "denied", detail: "no role" } },
      },
      pendingScopes: 0,
    },
  ];
  const sent: URLSearchParams[] = [];
  const client = createKeyPairsClient({
    endpoint: "http://localhost:3000",
    signingRegion: "eu-west-1",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    fetch: async (input) => {
      sent.push(new URL(String(input)).searchParams);
      return new Response(JSON.stringify(pages[sent.length - 1]), { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  const progress: number[] = [];
  const all = await client.listEstate({ accounts: "all", tag: "team=ci" }, (_, count) => progress.push(count));
  expect(sent.map((params) => [params.get("accounts"), params.get("tag"), params.get("estateCursor")])).toEqual([
    ["all", "team=ci", null],
    ["all", "team=ci", "c1"],
  ]);
  expect(progress).toEqual([1, 2]);
  expect(all.items.map((item) => item.name)).toEqual(["a", "b"]);
  expect(all.scopes).toEqual({
    "222222222222": { "eu-west-1": { status: "ok", count: 2, complete: true } },
    "333333333333": { "eu-west-1": { status: "denied", detail: "no role" } },
  });
  expect(all.nextCursor).toBeUndefined();
});
