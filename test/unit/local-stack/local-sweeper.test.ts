/** npm start's sweeper: invokes the sweep function by its local name, one run at a time, until stopped. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startLocalSweeper } from "../../../scripts/local-sweeper.js";

test("invokes ec2-keypairs-api-local-sweepKeyPairs every interval, never two runs at once, and not after stop", async () => {
  const paths: string[] = [];
  let running = 0;
  let overlapped = false;
  let release: () => void = () => undefined;
  const threeRuns = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = createServer((request, response) => {
    paths.push(`${request.method} ${request.url}`);
    running++;
    overlapped ||= running > 1;
    // Each run takes longer than the interval: a next run must wait for it.
    setTimeout(() => {
      running--;
      response.end("{}");
      if (paths.length === 3) release();
    }, 150);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const reports: string[] = [];
  const sweeper = startLocalSweeper({
    lambdaUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    intervalSeconds: 0.05,
    report: (message) => reports.push(message),
  });
  await threeRuns;
  await sweeper.stop();
  const after = paths.length;
  await new Promise((resolve) => setTimeout(resolve, 200));
  server.close();
  expect(paths.slice(0, 3)).toEqual(Array(3).fill("POST /2015-03-31/functions/ec2-keypairs-api-local-sweepKeyPairs/invocations"));
  expect(overlapped).toBe(false);
  expect(paths.length).toBe(after);
  expect(reports).toEqual([]);
});

test("a run that fails is reported, and the next one still runs", async () => {
  let calls = 0;
  const server = createServer((_request, response) => {
    calls++;
    response.statusCode = calls === 1 ? 500 : 200;
    response.end(calls === 1 ? "boom" : "{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const reports: string[] = [];
  const sweeper = startLocalSweeper({
    lambdaUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    intervalSeconds: 0.02,
    report: (message) => reports.push(message),
  });
  for (let wait = 0; wait < 100 && calls < 2; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
  await sweeper.stop();
  server.close();
  expect(calls).toBeGreaterThanOrEqual(2);
  expect(reports).toEqual(["the sweep function answered 500: boom"]);
});
