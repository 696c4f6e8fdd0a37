/**
 * Priming's rehearsals with the real SDK against a local EC2 endpoint: the function's mutations run
 * through the SDK at INIT, and the only request that reaches EC2 is priming's one DescribeKeyPairs.
 */
import { EC2Client } from "@aws-sdk/client-ec2";
import { jest } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const actions: string[] = [];
let server: Server;
let ec2: typeof import("../../src/lib/ec2.js");
let logger: typeof import("../../src/lib/logger.js").logger;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      actions.push(new URLSearchParams(body).get("Action") ?? "");
      response.writeHead(200, { "content-type": "text/xml" }).end("<DescribeKeyPairsResponse><requestId>r</requestId><keySet/></DescribeKeyPairsResponse>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.EC2_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Imported only now: the configuration is read once, at import.
  ec2 = await import("../../src/lib/ec2.js");
  ({ logger } = await import("../../src/lib/logger.js"));
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

test("the delete function's rehearsal runs DeleteKeyPair through the SDK; EC2 receives only priming's describe", async () => {
  await ec2.primeEc2Client("read", ["DeleteKeyPair"], true);
  expect(commandsSent()).toEqual(["DescribeKeyPairsCommand", "DeleteKeyPairCommand"]);
  expect(actions).toEqual(["DescribeKeyPairs"]);
  // Its in-process answer parsed: nothing failed.
  expect(warned).not.toHaveBeenCalled();
});

test("the create function's rehearsals: CreateKeyPair and ImportKeyPair, neither sent to EC2", async () => {
  await ec2.primeEc2Client("mutate", ["CreateKeyPair", "ImportKeyPair"], true);
  expect(commandsSent()).toEqual(["DescribeKeyPairsCommand", "CreateKeyPairCommand", "ImportKeyPairCommand"]);
  expect(actions).toEqual(["DescribeKeyPairs"]);
  expect(warned).not.toHaveBeenCalled();
});

test("a failing rehearsal (no credentials to sign with) is logged and costs only itself", async () => {
  const { AWS_ACCESS_KEY_ID: saved } = process.env;
  delete process.env.AWS_ACCESS_KEY_ID;
  try {
    await expect(ec2.primeEc2Client("read", ["DeleteKeyPair"], true)).resolves.toBeUndefined();
  } finally {
    process.env.AWS_ACCESS_KEY_ID = saved;
  }
  // Priming's client kept the credentials it had read; the rehearsal's new client finds none.
  expect(actions).toEqual(["DescribeKeyPairs"]);
  expect(warned.mock.calls.map(([message]) => message)).toEqual(["rehearsing EC2 mutations failed"]);
});

test("off unless configured: no rehearsal either", async () => {
  await ec2.primeEc2Client("read", ["DeleteKeyPair"], false);
  expect(sent).not.toHaveBeenCalled();
});
