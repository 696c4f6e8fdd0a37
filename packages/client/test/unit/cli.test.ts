/** The CLI's output (--output json|table|text, --query), expiry options and exit codes, with a stand-in client. */
import { EXIT, main, ttlSeconds, USAGE, usageLines } from "../../src/cli.js";
import type { KeyPair, KeyPairsClient } from "../../src/client.js";

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

function fake(calls: unknown[]): KeyPairsClient {
  return {
    listAllKeyPairs: async (query: unknown) => {
      calls.push(["list", query]);
      return { items: KEYS };
    },
    getKeyPair: async () => KEYS[0]!,
    createKeyPair: async (body: unknown) => {
      calls.push(["create", body]);
      return { dryRun: true, detail: "would create" };
    },
    importKeyPair: async (body: unknown) => {
      calls.push(["import", body]);
      return KEYS[1]!;
    },
  } as unknown as KeyPairsClient;
}

async function run(args: string[]) {
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
    client: fake(calls),
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
