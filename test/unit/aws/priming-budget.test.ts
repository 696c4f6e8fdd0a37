/**
 * Priming never makes a cold start slower when EC2 is slow: with the real SDK against a local EC2
 * endpoint behind a stalling proxy, INIT waits for priming's one call at most PRIMING_BUDGET_MS,
 * then goes on without it.
 */

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeKeyPairsCommand } from "@aws-sdk/client-ec2";
import { jest } from "@jest/globals";
import { type StallingProxy, startStallingProxy } from "../../support/stalling-proxy.js";

let server: Server;
let proxy: StallingProxy;
let priming: typeof import("../../../src/lib/aws/ec2-priming.js");
let ec2: typeof import("../../../src/lib/aws/ec2-clients.js");
let logger: typeof import("../../../src/lib/platform/logger.js").logger;
let config: typeof import("../../../src/lib/platform/config.js").config;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () =>
      response
        .writeHead(200, { "content-type": "text/xml" })
        .end("<DescribeKeyPairsResponse><requestId>r</requestId><keySet/></DescribeKeyPairsResponse>"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy = await startStallingProxy(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  process.env.EC2_ENDPOINT = proxy.url;
  // Imported only now: the configuration is read once, at import.
  priming = await import("../../../src/lib/aws/ec2-priming.js");
  ec2 = await import("../../../src/lib/aws/ec2-clients.js");
  ({ logger } = await import("../../../src/lib/platform/logger.js"));
  ({ config } = await import("../../../src/lib/platform/config.js"));
});
afterAll(async () => {
  await proxy.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => jest.restoreAllMocks());

test("EC2 that does not answer: INIT waits no longer than the priming budget, keeps its clients and still rehearses", async () => {
  const logged = jest.spyOn(logger, "info").mockImplementation(() => undefined);
  const warned = jest.spyOn(logger, "warn").mockImplementation(() => undefined);
  // One call answered first (no budget), so that what is measured next is the wait, not the SDK's first-call CPU.
  const client = ec2.ec2Client(config.DEFAULT_REGION, "read");
  await client.send(new DescribeKeyPairsCommand({}));

  proxy.stall("DescribeKeyPairs", 60_000); // far longer than any timeout priming had
  const started = performance.now();
  await priming.primeEc2Client("read", [priming.DESCRIBE_KEY_PAIRS], true);
  const waited = performance.now() - started;

  expect(priming.PRIMING_BUDGET_MS).toBeLessThanOrEqual(50);
  // The budget plus the in-process rehearsal, with room for a loaded machine; priming's former
  // timeout (2 s) and the answer (60 s) are far off.
  expect(waited).toBeLessThan(1500);
  expect(warned).not.toHaveBeenCalled();
  expect(logged).toHaveBeenCalledWith("priming skipped: EC2 did not answer within the priming budget", {
    region: config.DEFAULT_REGION,
    budgetMs: priming.PRIMING_BUDGET_MS,
  });
  // Not a fault of the client: the same client (and its pool) serves the first request.
  expect(ec2.ec2Client(config.DEFAULT_REGION, "read")).toBe(client);
});
