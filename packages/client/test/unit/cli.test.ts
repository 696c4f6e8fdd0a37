/** The CLI's output (--output json|table|text, --query), expiry options and exit codes, with a stand-in client. */
import { EXIT, main, ttlSeconds, USAGE, usageLines } from "../../src/cli.js";
import type { KeyPair, KeyPairList, KeyPairsClient } from "../../src/client.js";

const KEYS: KeyPair[] = [
  {
    name: "build-bot",
    keyPairId: "key-0123456789abcdef0",
    keyType: "rsa",
    fingerprint: "aa:bb",
    region: "eu-west-1",
    managed: true,
    createdAt: "2026-12-01T10:00:00.000Z",
    expiresAt: "2026-12-01T11:00:00.000Z",
    tags: { team: "ci" },
  } as KeyPair,
  {
    name: "alice",
    keyPairId: "key-0fedcba9876543210",
    keyType: "ed25519",
    fingerprint: "cc:dd",
    region: "eu-west-1",
    managed: false,
    createdAt: "2026-12-01T09:00:00.000Z",
    tags: {},
  } as KeyPair,
];

function fake(calls: unknown[], answers: Partial<Record<keyof KeyPairsClient, unknown>>): KeyPairsClient {
  /** A method that records its name and arguments, and answers `answer`. */
  const recorded =
    (method: string, answer: unknown) =>
    async (...args: unknown[]) => {
      calls.push([method, ...args]);
      return answer;
    };
  return {
    listAllKeyPairs: async (query: unknown) => {
      calls.push(["list", query]);
      return { items: KEYS };
    },
    listEstate: async (query: unknown, onPage?: (page: KeyPairList, pages: number) => void) => {
      calls.push(["listEstate", query]);
      const pages = (answers.listEstate as KeyPairList[] | undefined) ?? [{ items: KEYS }];
      for (const [index, page] of pages.entries()) onPage?.(page, index + 1);
      return { items: pages.flatMap((page) => page.items), scopes: Object.assign({}, ...pages.map((page) => page.scopes)) };
    },
    listKeyPairs: async (query: unknown) => {
      calls.push(["listKeyPairs", query]);
      return answers.listKeyPairs ?? { items: KEYS };
    },
    getKeyPair: recorded("getKeyPair", KEYS[0]),
    getKeyPairById: recorded("getKeyPairById", KEYS[0]),
    deleteKeyPair: recorded("deleteKeyPair", undefined),
    deleteKeyPairById: recorded("deleteKeyPairById", undefined),
    createKeyPair: async (body: unknown, idempotencyKey?: string) => {
      calls.push(["create", body, ...(idempotencyKey ? [idempotencyKey] : [])]);
      return answers.createKeyPair ?? { dryRun: true, detail: "would create" };
    },
    importKeyPair: async (body: unknown, idempotencyKey?: string) => {
      calls.push(["import", body, ...(idempotencyKey ? [idempotencyKey] : [])]);
      return KEYS[1]!;
    },
  } as unknown as KeyPairsClient;
}

async function run(args: string[], answers: Partial<Record<keyof KeyPairsClient, unknown>> = {}) {
  const calls: unknown[] = [];
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
    client: fake(calls, answers),
  });
  return { code, stdout, stderr, calls };
}

describe("--output and --query", () => {
  test("ls: a table by default, with an EXPIRES column (- when the key does not expire)", async () => {
    const { code, stdout } = await run(["ls"]);
    expect(code).toBe(EXIT.ok);
    const [header, first, second] = stdout.split("\n");
    expect(header).toMatch(/^NAME\s+REGION\s+TYPE\s+KEY PAIR ID\s+MANAGED\s+CREATED\s+EXPIRES\s+FINGERPRINT$/);
    expect(first).toMatch(/^build-bot .* 2026-12-01T11:00:00.000Z\s+aa:bb$/);
    expect(second).toMatch(/^alice .* -\s+cc:dd$/);
  });

  test("ls --output text: the same columns, tab-separated, no header", async () => {
    const { stdout } = await run(["ls", "--output", "text"]);
    expect(stdout).toBe(
      "build-bot\teu-west-1\trsa\tkey-0123456789abcdef0\tyes\t2026-12-01T10:00:00.000Z\t2026-12-01T11:00:00.000Z\taa:bb\n" +
        "alice\teu-west-1\ted25519\tkey-0fedcba9876543210\tno\t2026-12-01T09:00:00.000Z\t-\tcc:dd\n",
    );
  });

  test("ls --output json (and --json): the whole answer, indented", async () => {
    for (const flag of [["--output", "json"], ["--json"]]) {
      const { stdout } = await run(["ls", ...flag]);
      expect(JSON.parse(stdout)).toEqual({ items: KEYS });
      expect(stdout).toContain('\n  "items": [');
    }
  });

  test("--query applies JMESPath to the JSON answer; json by default, text and table on request", async () => {
    expect(JSON.parse((await run(["ls", "--query", "items[?managed].name"])).stdout)).toEqual(["build-bot"]);
    expect((await run(["ls", "--query", "items[].name", "--output", "text"])).stdout).toBe("build-bot\talice\n");
    expect((await run(["ls", "--query", "items[].[name, expiresAt]", "--output", "text"])).stdout).toBe(
      "build-bot\t2026-12-01T11:00:00.000Z\nalice\t-\n",
    );
    expect((await run(["ls", "--query", "items[].{name: name, id: keyPairId}", "--output", "table"])).stdout).toBe(
      "NAME       ID\nbuild-bot  key-0123456789abcdef0\nalice      key-0fedcba9876543210\n",
    );
    expect((await run(["get", "build-bot", "--query", "tags.team", "--output", "text"])).stdout).toBe("ci\n");
    expect((await run(["ls", "--query", "length(items)"])).stdout).toBe("2\n");
  });

  test("an invalid --query, an unknown --output, or --json with --output text is a usage error (2) before any request", async () => {
    for (const args of [
      ["ls", "--query", "items[?"],
      ["ls", "--output", "yaml"],
      ["ls", "--json", "--output", "text"],
    ]) {
      const { code, calls, stderr } = await run(args);
      expect(code).toBe(EXIT.usage);
      expect(calls).toEqual([]);
      expect(stderr).toMatch(/^--(query|output|json)/);
      // The error and where the help is: not the whole help after it.
      expect(stderr).not.toContain("Usage: ec2-keypairs");
      expect(stderr.trim().split("\n")).toHaveLength(2);
    }
  });

  test("create without --out prints only the private key: --query needs --out", async () => {
    const { code, stderr, calls } = await run(["create", "k", "--query", "name"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/add --out FILE/);
    expect(calls).toEqual([]);
  });
});

describe("expiry options", () => {
  test.each([
    ["90s", 90],
    ["15m", 900],
    ["1h", 3600],
    ["7d", 604_800],
  ])("--ttl %s is %i seconds", (text, seconds) => {
    expect(ttlSeconds(text)).toBe(seconds);
  });

  test("create --ttl sends ttlSeconds; import --expires-at sends expiresAt; both at once is a usage error", async () => {
    const created = await run(["create", "k", "--ttl", "2h", "--dry-run"]);
    expect(created.calls).toEqual([["create", { name: "k", ttlSeconds: 7200, dryRun: true }]]);
    const imported = await run(["import", "k", "--public-key-file", "/dev/null", "--expires-at", "2027-01-01T00:00:00Z"]);
    expect(imported.calls).toEqual([["import", { name: "k", publicKey: "", expiresAt: "2027-01-01T00:00:00Z" }]]);
    expect((await run(["create", "k", "--ttl", "1h", "--expires-at", "2027-01-01T00:00:00Z"])).code).toBe(EXIT.usage);
    expect((await run(["create", "k", "--ttl", "1 week"])).code).toBe(EXIT.usage);
  });

  test("ls --expires-before is passed on as expiresBefore", async () => {
    const { calls } = await run(["ls", "--expires-before", "2027-01-01T00:00:00Z"]);
    expect(calls).toEqual([["list", { expiresBefore: "2027-01-01T00:00:00Z" }]]);
  });
});

test("--help documents every exit code", async () => {
  const { code, stdout } = await run(["--help"]);
  expect(code).toBe(EXIT.ok);
  expect(stdout).toBe(`${USAGE}\n`);
  for (const [exit, meaning] of Object.entries({
    0: "done",
    1: "the API or the network refused",
    2: "usage",
    3: "file error",
    4: "ls --all-regions: some regions failed",
  }))
    expect(stdout).toMatch(new RegExp(`^  ${exit}  ${meaning}`, "m"));
});

test("usage lines name Spot Instance requests, Spot Fleet requests and EC2 Fleets; an older server's usage without them still reads", () => {
  const usage = {
    instances: [],
    launchTemplates: [],
    launchConfigurations: [],
    autoScalingGroups: [],
    spotInstanceRequests: [{ spotInstanceRequestId: "sir-1", state: "open" }],
    spotFleetRequests: [{ spotFleetRequestId: "sfr-1" }],
    fleets: [{ fleetId: "fleet-1" }],
    complete: true,
    incomplete: [],
  };
  expect(usageLines(usage)).toEqual([
    "used by Spot Instance request sir-1 (open)",
    "used by Spot Fleet request sfr-1",
    "used by EC2 Fleet fleet-1",
  ]);
  const { spotInstanceRequests, spotFleetRequests, fleets, ...older } = usage;
  expect(usageLines(older as never)).toEqual(["used by nothing"]);
});

describe("by id, escrow, dry-run import, idempotency keys and the ls filters", () => {
  const ID = "key-0123456789abcdef0";

  test("get and rm --key-pair-id address the key by its id; NAME and --key-pair-id together is a usage error", async () => {
    const got = await run(["get", "--key-pair-id", ID, "--usage"]);
    expect(got.calls).toEqual([["getKeyPairById", ID, { includeUsage: true }]]);
    expect(got.stdout).toContain("build-bot");
    const removed = await run(["rm", "--key-pair-id", ID, "--force", "--region", "eu-west-1"]);
    expect(removed.calls).toEqual([["deleteKeyPairById", ID, { region: "eu-west-1", force: true }]]);
    expect(removed.stdout).toBe(`deleted ${ID}\n`);
    // A NAME that looks like an id is still a name.
    expect((await run(["rm", ID])).calls).toEqual([["deleteKeyPair", ID, {}]]);
    for (const args of [["get", "build-bot", "--key-pair-id", ID], ["rm"], ["create", "k", "--key-pair-id", ID]]) {
      const { code, calls } = await run(args);
      expect(code).toBe(EXIT.usage);
      expect(calls).toEqual([]);
    }
  });

  test("create --escrow sends escrow: true and names the SSM parameter, no private key; --out with it is a usage error", async () => {
    const escrowed = { ...KEYS[0]!, privateKeyParameter: `/ec2/keypair/${KEYS[0]!.keyPairId}` };
    const { code, calls, stdout } = await run(["create", "build-bot", "--escrow"], { createKeyPair: escrowed });
    expect(code).toBe(EXIT.ok);
    expect(calls).toEqual([["create", { name: "build-bot", escrow: true }]]);
    expect(stdout).toContain(`the private key is in SSM parameter /ec2/keypair/${KEYS[0]!.keyPairId}`);
    // Escrowed, the answer holds no secret: --query needs no --out.
    expect((await run(["create", "build-bot", "--escrow", "--query", "privateKeyParameter"], { createKeyPair: escrowed })).stdout).toBe(
      `"/ec2/keypair/${KEYS[0]!.keyPairId}"\n`,
    );
    const refused = await run(["create", "build-bot", "--escrow", "--out", "k.pem"]);
    expect([refused.code, refused.calls]).toEqual([EXIT.usage, []]);
  });

  test("import --dry-run sends dryRun: true; --idempotency-key goes with create and import, and nowhere else", async () => {
    const imported = await run(["import", "alice", "--public-key-file", "/dev/null", "--dry-run", "--idempotency-key", "retry-1"]);
    expect(imported.calls).toEqual([["import", { name: "alice", publicKey: "", dryRun: true }, "retry-1"]]);
    const created = await run(["create", "k", "--dry-run", "--idempotency-key", "retry-2"]);
    expect(created.calls).toEqual([["create", { name: "k", dryRun: true }, "retry-2"]]);
    expect((await run(["rm", "k", "--idempotency-key", "retry-3"])).code).toBe(EXIT.usage);
  });

  test("ls --key-pair-id, --fingerprint and --tag-key are sent as filters of every page", async () => {
    const { calls } = await run(["ls", "--key-pair-id", ID, "--fingerprint", "aa:bb", "--tag-key", "team"]);
    expect(calls).toEqual([["list", { keyPairId: ID, fingerprint: "aa:bb", tagKey: "team" }]]);
  });

  test("ls --limit N asks for one page of N; its nextCursor is in the JSON and on stderr, and --cursor goes on from it", async () => {
    const page = await run(["ls", "--limit", "1", "--json"], { listKeyPairs: { items: [KEYS[0]], nextCursor: "build-bot" } });
    expect(page.calls).toEqual([["listKeyPairs", { limit: 1 }]]);
    expect(JSON.parse(page.stdout)).toEqual({ items: [KEYS[0]], nextCursor: "build-bot" });
    expect(page.stderr).toBe("more keys follow: add --cursor build-bot\n");
    const rest = await run(["ls", "--cursor", "build-bot"]);
    expect(rest.calls).toEqual([["list", { cursor: "build-bot" }]]);
    expect(rest.stderr).toBe("");
    for (const limit of ["0", "1001", "ten", "1.5"]) expect((await run(["ls", "--limit", limit])).code).toBe(EXIT.usage);
    expect((await run(["ls", "--all-regions", "--cursor", "x"])).code).toBe(EXIT.usage);
  });
});

test("ls --all-accounts follows the estate's pages with a progress line each, names each failed scope, exits 4", async () => {
  const [own, member] = [
    { ...KEYS[0]!, account: "111111111111" },
    { ...KEYS[1]!, account: "222222222222" },
  ];
  const pages = [
    {
      items: [own],
      scopes: { "111111111111": { "eu-west-1": { status: "ok", count: 1, complete: true } } },
      pendingScopes: 2,
      nextCursor: "c",
    },
    {
      items: [member],
      scopes: {
        "222222222222": { "eu-west-1": { status: "ok", count: 1, complete: true } },
        "333333333333": { "eu-west-1": { status: "denied", detail: "no role" } },
      },
      pendingScopes: 0,
    },
  ];
  const { code, stdout, stderr, calls } = await run(["ls", "--all-accounts", "--tag", "team=ci"], { listEstate: pages });
  expect(code).toBe(EXIT.partial);
  expect(calls).toEqual([["listEstate", { tag: "team=ci", accounts: "all" }]]);
  expect(stdout).toMatch(/^ACCOUNT +NAME +REGION/);
  expect(stdout).toContain("222222222222");
  expect(stderr).toBe(
    "page 1: 1 keys, 1 scopes reached, 2 not started yet\npage 2: 1 keys, 3 scopes reached\n" +
      "account 333333333333 region eu-west-1: denied: no role\n",
  );
  expect((await run(["ls", "--all-accounts", "--account", "222222222222"])).code).toBe(EXIT.usage);
});
