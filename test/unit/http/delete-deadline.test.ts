/**
 * The Lambda's remaining time reaches the delete rule as its deadline: with too little of it left,
 * the real handler answers a 504 that says nothing was deleted, before sending EC2 anything.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Handler, invoke, lambdaContext } from "../../support/lambda.js";

let server: Server;
let requests = 0;
let deleteHandler: Handler;

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, { EC2_ENDPOINT: endpoint, AUTOSCALING_ENDPOINT: endpoint, SSM_ENDPOINT: endpoint });
  // Imported only now: the configuration is read once, at import.
  ({ handler: deleteHandler } = await import("../../../src/handlers/delete-key-pair.js"));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test.each<Record<string, string>>([{}, { force: "true" }])(
  "DELETE %j with 5 s left (the delete and its report keep 6 s): 504, nothing sent to EC2",
  async (query) => {
    const init = { method: "DELETE", path: "/keypairs/ci-agent", pathParameters: { name: "ci-agent" }, query };
    const answer = await invoke(deleteHandler, init, lambdaContext(5000));
    expect([answer.status, answer.body.type]).toEqual([504, expect.stringMatching(/upstream-timeout$/)]);
    expect(answer.body.detail).toBe(
      "Too little of the function's time was left to check and delete key pair ci-agent and report the outcome: nothing was deleted. " +
        "Send the request again.",
    );
    expect(requests).toBe(0);
  },
);

test("with the time it needs, the same DELETE goes to EC2 (here an EC2 that fails: 502)", async () => {
  const answer = await invoke(deleteHandler, { method: "DELETE", path: "/keypairs/ci-agent", pathParameters: { name: "ci-agent" } });
  expect(answer.status).toBe(502);
  expect(requests).toBeGreaterThan(0);
});
