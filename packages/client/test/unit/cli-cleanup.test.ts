/** cleanup (plan, then a confirmed real run) and report, with a stand-in client. */
import { EXIT, instantOf, main } from "../../src/cli.js";
import type { CleanupRequest, CleanupResult, KeyPairReport, KeyPairsClient } from "../../src/client.js";

const PLAN: CleanupResult = {
  dryRun: true,
  items: [
    { region: "eu-west-1", name: "old-ci", keyPairId: "key-0123456789abcdef0", outcome: "would-delete" },
    {
      region: "eu-west-1",
      name: "web",
      keyPairId: "key-0fedcba9876543210",
      outcome: "kept-in-use",
      usage: {
        instances: [{ instanceId: "i-0123456789abcdef0", state: "running" }],
        launchTemplates: [],
        launchConfigurations: [],
        autoScalingGroups: [],
        spotInstanceRequests: [],
        spotFleetRequests: [],
        fleets: [],
        complete: true,
        incomplete: [],
      },
    },
  ],
  unmanagedSkipped: 2,
};

function run(args: string[], options: { confirm?: (question: string) => Promise<boolean>; report?: KeyPairReport } = {}) {
  const sent: CleanupRequest[] = [];
  let stdout = "";
  let stderr = "";
  const client = {
    cleanUpKeyPairs: async (body: CleanupRequest) => {
      sent.push(body);
      return body.dryRun === false ? { ...PLAN, dryRun: false, items: [{ ...PLAN.items[0]!, outcome: "deleted" }, PLAN.items[1]!] } : PLAN;
    },
    getKeyPairReport: async () => options.report,
  } as unknown as KeyPairsClient;
  const done = main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
    client,
    ...(options.confirm ? { confirm: options.confirm } : {}),
  });
  return done.then((code) => ({ code, sent, stdout, stderr }));
}

describe("ec2-keypairs cleanup", () => {
  test("without a terminal and without --yes: the plan, then nothing deleted (exit 5)", async () => {
    const { code, sent, stdout, stderr } = await run(["cleanup", "--unused", "--missing-tag", "owner"]);
    expect(code).toBe(EXIT.unconfirmed);
    expect(sent).toEqual([{ unused: true, missingTag: "owner", dryRun: true }]);
    expect(stdout).toMatch(/old-ci .*would-delete/);
    expect(stdout).toMatch(/web .*kept-in-use .*i-0123456789abcdef0/);
    expect(stderr).toMatch(/nothing was deleted/);
    expect(stderr).toMatch(/2 matching key pairs not made through this API/);
  });

  test("asked on the terminal: no deletes nothing, yes sends the same request for real", async () => {
    const questions: string[] = [];
    const declined = await run(["cleanup", "--unused"], {
      confirm: async (question) => {
        questions.push(question);
        return false;
      },
    });
    expect([declined.code, declined.sent.length]).toEqual([EXIT.unconfirmed, 1]);
    const accepted = await run(["cleanup", "--unused", "--limit", "5"], { confirm: async () => true });
    expect(questions).toEqual(["Delete 1 key pair?"]);
    expect(accepted.code).toBe(EXIT.ok);
    expect(accepted.sent).toEqual([
      { unused: true, limit: 5, dryRun: true },
      { unused: true, limit: 5, dryRun: false },
    ]);
    expect(accepted.stdout).toMatch(/old-ci .*deleted/);
  });

  test("--yes deletes without asking; --dry-run only plans", async () => {
    const yes = await run(["cleanup", "--unused", "--yes"]);
    expect(yes.sent.map((body) => body.dryRun)).toEqual([true, false]);
    const dry = await run(["cleanup", "--unused", "--dry-run"], { confirm: async () => true });
    expect([dry.code, dry.sent.map((body) => body.dryRun)]).toEqual([EXIT.ok, [true]]);
  });

  test("--unused is required, and --created-before 90d is sent as the instant 90 days ago", async () => {
    expect((await run(["cleanup"])).code).toBe(EXIT.usage);
    const before = Date.now();
    const { sent } = await run(["cleanup", "--unused", "--created-before", "90d", "--dry-run"]);
    const at = Date.parse(sent[0]!.createdBefore!);
    expect(at).toBeGreaterThanOrEqual(before - 90 * 86_400_000 - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() - 90 * 86_400_000);
    expect(instantOf("2026-01-01T00:00:00Z")).toBe("2026-01-01T00:00:00Z");
    expect(instantOf("12h", Date.parse("2026-01-02T00:00:00Z"))).toBe("2026-01-01T12:00:00.000Z");
  });
});

test("ec2-keypairs report renders a row per region and key type, with the counts asked for", async () => {
  const report: KeyPairReport = {
    generatedAt: "2026-12-07T00:00:00.000Z",
    rows: [
      {
        region: "eu-west-1",
        keyType: "rsa",
        total: 7,
        managed: 5,
        age: { under30d: 1, "30to90d": 2, "90to365d": 3, over365d: 1, unknown: 0 },
        missingTag: 4,
      },
    ],
    regions: { "eu-west-1": { status: "ok", count: 7, complete: true } },
  };
  const { code, stdout } = await run(["report", "--missing-tag", "owner"], { report });
  expect(code).toBe(EXIT.ok);
  const [header, row] = stdout
    .trim()
    .split("\n")
    .map((line) => line.split(/\s{2,}/));
  expect(header).toEqual(["REGION", "TYPE", "TOTAL", "MANAGED", "<30D", "30-90D", "90-365D", ">365D", "AGE UNKNOWN", "NO OWNER"]);
  expect(row).toEqual(["eu-west-1", "rsa", "7", "5", "1", "2", "3", "1", "0", "4"]);
});
