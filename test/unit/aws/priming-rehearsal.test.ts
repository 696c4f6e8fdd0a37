/**
 * Priming's rehearsals with the real SDK against a local EC2 endpoint: the function's mutations run
 * through the SDK at INIT, and the only request that reaches EC2 is priming's one DescribeKeyPairs.
 */

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DeleteKeyPairCommand, EC2Client } from "@aws-sdk/client-ec2";
import { jest } from "@jest/globals";

const actions: string[] = [];
let server: Server;
let ec2: typeof import("../../../src/lib/aws/ec2-clients.js");
let priming: typeof import("../../../src/lib/aws/ec2-priming.js");
let logger: typeof import("../../../src/lib/platform/logger.js").logger;
let config: typeof import("../../../src/lib/platform/config.js").config;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      actions.push(new URLSearchParams(body).get("Action") ?? "");
      response
        .writeHead(200, { "content-type": "text/xml" })
        .end("<DescribeKeyPairsResponse><requestId>r</requestId><keySet/></DescribeKeyPairsResponse>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.EC2_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Imported only now: the configuration is read once, at import.
  ec2 = await import("../../../src/lib/aws/ec2-clients.js");
  priming = await import("../../../src/lib/aws/ec2-priming.js");
  ({ logger } = await import("../../../src/lib/platform/logger.js"));
  ({ config } = await import("../../../src/lib/platform/config.js"));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let sent: jest.SpiedFunction<EC2Client["send"]>;
let warned: jest.SpiedFunction<typeof logger.warn>;
beforeEach(() => {
  actions.length = 0;
  sent = jest.spyOn(EC2Client.prototype, "send");
  warned = jest.spyOn(logger, "warn").mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

const commandsSent = () => sent.mock.calls.map(([command]) => command.constructor.name);

// First: the region's clients are still to be made, so none holds credentials yet.
test("a failing rehearsal (no credentials to sign with) is logged, costs only itself and the region's clients; nothing reaches EC2", async () => {
  const { AWS_ACCESS_KEY_ID: saved } = process.env;
  delete process.env.AWS_ACCESS_KEY_ID;
  try {
    await expect(priming.primeEc2Client("read", [priming.DELETE_KEY_PAIR], true)).resolves.toBeUndefined();
  } finally {
    process.env.AWS_ACCESS_KEY_ID = saved;
  }
  expect(actions).toEqual([]);
  expect(warned.mock.calls.map(([message]) => message)).toEqual(["priming the EC2 client failed", "rehearsing EC2 calls failed"]);
});

test(
  "the delete function's rehearsal: DeleteKeyPair, a dry run, through the client that sends deletes, answered in process; EC2 " +
    "receives only priming's describe",
  async () => {
    await priming.primeEc2Client("read", [priming.DELETE_KEY_PAIR], true);
    expect(commandsSent()).toEqual(["DescribeKeyPairsCommand", "DeleteKeyPairCommand"]);
    expect(sent.mock.contexts[1]).toBe(ec2.ec2Client(config.DEFAULT_REGION, "mutate"));
    expect(sent.mock.calls[1]![0].input).toMatchObject({ DryRun: true });
    // The SDK parsed the in-process answer into the command's output.
    await expect(sent.mock.results[1]!.value).resolves.toMatchObject({ Return: true, KeyPairId: "key-00000000000000000" });
    expect(actions).toEqual(["DescribeKeyPairs"]);
    expect(warned).not.toHaveBeenCalled();
  },
);

test(
  "the read function's rehearsal: a DescribeKeyPairs through the read client, answered in process with a whole key; EC2 receives only " +
    "priming's describe",
  async () => {
    await priming.primeEc2Client("read", [priming.DESCRIBE_KEY_PAIRS], true);
    expect(commandsSent()).toEqual(["DescribeKeyPairsCommand", "DescribeKeyPairsCommand"]);
    expect(sent.mock.contexts[1]).toBe(ec2.ec2Client(config.DEFAULT_REGION, "read"));
    await expect(sent.mock.results[1]!.value).resolves.toMatchObject({
      KeyPairs: [
        {
          KeyPairId: "key-00000000000000000",
          CreateTime: new Date("2026-01-01T00:00:00.000Z"),
          Tags: [{ Key: "rehearsal", Value: "true" }],
        },
      ],
    });
    expect(actions).toEqual(["DescribeKeyPairs"]);
    expect(warned).not.toHaveBeenCalled();
  },
);

test("the create function's rehearsals: CreateKeyPair and ImportKeyPair, dry runs answered in process, neither sent to EC2", async () => {
  await priming.primeEc2Client("mutate", [priming.CREATE_KEY_PAIR, priming.IMPORT_KEY_PAIR], true);
  expect(commandsSent()).toEqual(["DescribeKeyPairsCommand", "CreateKeyPairCommand", "ImportKeyPairCommand"]);
  await expect(sent.mock.results[1]!.value).resolves.toMatchObject({ KeyPairId: "key-00000000000000000", KeyMaterial: "rehearsal" });
  await expect(sent.mock.results[2]!.value).resolves.toMatchObject({ KeyPairId: "key-00000000000000000" });
  expect(actions).toEqual(["DescribeKeyPairs"]);
  expect(warned).not.toHaveBeenCalled();
});

test("a request after the rehearsal is sent for real: the in-process answer belonged to the rehearsed command alone", async () => {
  await priming.primeEc2Client("read", [priming.DELETE_KEY_PAIR], true);
  actions.length = 0;
  await ec2
    .ec2Client(config.DEFAULT_REGION, "mutate")
    .send(new DeleteKeyPairCommand({ KeyPairId: "key-0123456789abcdef0" }))
    .catch(() => undefined);
  expect(actions).toEqual(["DeleteKeyPair"]);
});

test("off unless configured: no rehearsal either", async () => {
  await priming.primeEc2Client("read", [priming.DELETE_KEY_PAIR], false);
  expect(sent).not.toHaveBeenCalled();
});
