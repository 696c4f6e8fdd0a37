/** INIT-time priming of the EC2 client, and the logger's per-request keys. */

import { setTimeout as delay } from "node:timers/promises";
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { jest } from "@jest/globals";
import { mockClient } from "aws-sdk-client-mock";
import { inAccountScope } from "../../../src/lib/aws/account-scope.js";
import { ec2Client } from "../../../src/lib/aws/ec2-clients.js";
import { primeEc2Client } from "../../../src/lib/aws/ec2-priming.js";
import { config } from "../../../src/lib/platform/config.js";
import { JsonLogger } from "../../../src/lib/platform/logger.js";
import { lambdaContext } from "../../support/lambda.js";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

describe("primeEc2Client", () => {
  test("off unless configured: no EC2 call", async () => {
    await primeEc2Client("read", [], false);
    expect(ec2.calls()).toHaveLength(0);
  });

  test("one DescribeKeyPairs that matches no key; never a mutation", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    await primeEc2Client("mutate", [], true);
    expect(ec2.calls().map((call) => [call.args[0].constructor.name, call.args[0].input])).toEqual([
      ["DescribeKeyPairsCommand", { Filters: [{ Name: "key-pair-id", Values: ["key-00000000000000000"] }] }],
    ]);
  });

  test("a failure is only the priming's: it resolves, and the region's clients are made anew (its pool, every account's, stays)", async () => {
    const before = ec2Client(config.DEFAULT_REGION, "read");
    const connections = before.config.requestHandler;
    ec2.on(DescribeKeyPairsCommand).rejects(Object.assign(new Error("socket hang up"), { name: "TimeoutError" }));
    await expect(primeEc2Client("read", [], true)).resolves.toBeUndefined();
    expect(ec2Client(config.DEFAULT_REGION, "read")).not.toBe(before);
    expect(ec2Client(config.DEFAULT_REGION, "read").config.requestHandler).toBe(connections);
  });

  const handlerOf = (region: string, kind: "read" | "mutate") => ec2Client(region, kind).config.requestHandler;
  /** `work` in member account `id`'s scope (its clients are that account's). */
  const inAccount = <T>(id: string, work: () => T) =>
    inAccountScope(
      { id, credentials: async () => ({ accessKeyId: `ASIA${id}`, secretAccessKey: "s", sessionToken: "t", expiration: new Date() }) },
      async () => work(),
    );

  test("a region's clients share one pool of connections (the one priming opens), every account's; regions do not", async () => {
    expect(handlerOf("eu-west-1", "read")).toBe(handlerOf("eu-west-1", "mutate"));
    expect(handlerOf("eu-west-1", "read")).not.toBe(handlerOf("us-east-1", "read"));
    const member = await inAccount("222222222222", () => ec2Client("eu-west-1", "read"));
    expect(member).not.toBe(ec2Client("eu-west-1", "read"));
    expect(member.config.requestHandler).toBe(handlerOf("eu-west-1", "read"));
  });

  test("at most 256 clients are kept, the least recently used dropped first", async () => {
    const first = await inAccount("300000000000", () => ec2Client("eu-west-1", "read"));
    const kept = ec2Client("eu-west-1", "read");
    for (let index = 1; index <= 255; index += 1) await inAccount(String(300000000000 + index), () => ec2Client("eu-west-1", "read"));
    expect(ec2Client("eu-west-1", "read")).toBe(kept);
    expect(await inAccount("300000000000", () => ec2Client("eu-west-1", "read"))).not.toBe(first);
  });
});

describe("JsonLogger", () => {
  const lines: string[] = [];
  let write: ReturnType<typeof jest.spyOn>;
  beforeEach(() => {
    lines.length = 0;
    write = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => lines.push(String(chunk)) > 0);
  });
  afterEach(() => write.mockRestore());
  const entries = () => lines.map((line) => JSON.parse(line));

  test("one JSON line per entry, with the invocation's keys; a request's keys never reach the next request", async () => {
    const logger = new JsonLogger("svc", "INFO");
    await logger.withRequest({ ...lambdaContext(), awsRequestId: "r1" }, async () => {
      logger.appendKeys({ keyName: "alice", caller: "arn:aws:iam::1:user/a" });
      logger.info("first");
    });
    await logger.withRequest({ ...lambdaContext(), awsRequestId: "r2" }, async () => logger.info("second", { status: 200 }));
    expect(entries()).toEqual([
      expect.objectContaining({
        level: "INFO",
        message: "first",
        service: "svc",
        cold_start: true,
        function_request_id: "r1",
        function_name: "test",
        function_memory_size: 512,
        keyName: "alice",
        caller: "arn:aws:iam::1:user/a",
      }),
      expect.objectContaining({ level: "INFO", message: "second", cold_start: false, function_request_id: "r2", status: 200 }),
    ]);
    expect(entries()[1]).not.toHaveProperty("keyName");
    expect(entries()[1]).not.toHaveProperty("caller");
  });

  test("work that goes on after its invocation answered (Middy's early timeout) logs with its own keys, not the next invocation's", async () => {
    const logger = new JsonLogger("svc", "INFO");
    let late: Promise<void> | undefined;
    await logger.withRequest({ ...lambdaContext(), awsRequestId: "r1" }, async () => {
      logger.appendKeys({ keyName: "alice" });
      late = delay(20).then(() => logger.warn("late line of r1"));
    });
    await logger.withRequest({ ...lambdaContext(), awsRequestId: "r2" }, async () => {
      logger.appendKeys({ keyName: "bob" });
      await late;
      logger.info("r2");
    });
    const byMessage = Object.fromEntries(entries().map((entry) => [entry.message, entry]));
    expect(byMessage["late line of r1"]).toMatchObject({ function_request_id: "r1", keyName: "alice" });
    expect(byMessage.r2).toMatchObject({ function_request_id: "r2", keyName: "bob" });
  });

  test("a line outside any invocation (priming at INIT) carries no request's keys", async () => {
    const logger = new JsonLogger("svc", "INFO");
    await logger.withRequest({ ...lambdaContext(), awsRequestId: "r1" }, async () => logger.appendKeys({ keyName: "alice" }));
    logger.warn("outside");
    expect(entries()[0]).not.toHaveProperty("keyName");
    expect(entries()[0]).not.toHaveProperty("function_request_id");
  });

  test("entries below the level are not written; SILENT writes nothing", () => {
    new JsonLogger("svc", "WARN").info("dropped");
    new JsonLogger("svc", "SILENT").error("dropped");
    new JsonLogger("svc", "warn").warn("kept");
    expect(entries().map((entry) => entry.message)).toEqual(["kept"]);
  });

  test("errors are written as name, message and stack", () => {
    new JsonLogger("svc", "INFO").error("failed", { error: new TypeError("boom") });
    expect(entries()[0].error).toEqual({ name: "TypeError", message: "boom", stack: expect.stringContaining("TypeError: boom") });
  });
});
