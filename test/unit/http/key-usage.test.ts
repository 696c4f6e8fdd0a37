/** What names a key, through the handlers, EC2 and Auto Scaling mocked: the query parameters, the 409 problems with `usage`, force. */
import { AutoScalingClient, DescribeAutoScalingGroupsCommand, DescribeLaunchConfigurationsCommand } from "@aws-sdk/client-auto-scaling";
import { DeleteKeyPairCommand, DescribeInstancesCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { handler as deleteHandler } from "../../../src/handlers/delete-key-pair.js";
import { handler as getHandler } from "../../../src/handlers/get-key-pair.js";
import { handler as listHandler } from "../../../src/handlers/list-key-pairs.js";
import { noUsage } from "../../support/in-memory-ports.js";
import { invoke } from "../../support/lambda.js";
import { nothingNamesKeys } from "../../support/usage-mocks.js";

const ec2 = mockClient(EC2Client);
const autoScaling = mockClient(AutoScalingClient);
const key = (name: string) => ({
  KeyPairId: `key-${Buffer.from(name).toString("hex").padEnd(17, "0").slice(0, 17)}`,
  KeyName: name,
  KeyFingerprint: "ab:cd",
  KeyType: "ed25519" as const,
  Tags: [{ Key: "managed-by", Value: "ec2-keypairs-api" }],
});

beforeEach(() => {
  ec2.reset();
  autoScaling.reset();
  nothingNamesKeys(ec2, autoScaling);
  ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [key("web"), key("idle")] });
  ec2.on(DescribeKeyPairsCommand, { KeyNames: ["web"] }).resolves({ KeyPairs: [key("web")] });
  ec2.on(DescribeKeyPairsCommand, { KeyNames: ["idle"] }).resolves({ KeyPairs: [key("idle")] });
  ec2.on(DescribeInstancesCommand).resolves({
    Reservations: [{ Instances: [{ InstanceId: "i-0123456789abcdef0", KeyName: "web", State: { Name: "running" } }] }],
  });
  autoScaling
    .on(DescribeLaunchConfigurationsCommand)
    .resolves({ LaunchConfigurations: [{ LaunchConfigurationName: "lc", KeyName: "web" } as never] });
  ec2.on(DeleteKeyPairCommand).resolves({ Return: true });
});

const usage = noUsage({ instances: [{ instanceId: "i-0123456789abcdef0", state: "running" }], launchConfigurations: [{ name: "lc" }] });

test("GET includeUsage=true answers usage; without it no check is made", async () => {
  const answer = await invoke(getHandler, {
    method: "GET",
    path: "/keypairs/web",
    pathParameters: { name: "web" },
    query: { includeUsage: "true" },
  });
  expect(answer.status).toBe(200);
  expect(answer.body.usage).toEqual(usage);
  ec2.resetHistory();
  await invoke(getHandler, { method: "GET", path: "/keypairs/web", pathParameters: { name: "web" } });
  expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(0);
});

test("DELETE of a key in use: 409 key-in-use, problem+json with usage, DeleteKeyPair never sent", async () => {
  const answer = await invoke(deleteHandler, { method: "DELETE", path: "/keypairs/web", pathParameters: { name: "web" } });
  expect(answer.status).toBe(409);
  expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ type: "/problems/key-in-use", status: 409, usage });
  expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
});

test("force=true: 204 without a check", async () => {
  const answer = await invoke(deleteHandler, {
    method: "DELETE",
    path: "/keypairs/web",
    pathParameters: { name: "web" },
    query: { force: "true" },
  });
  expect(answer.status).toBe(204);
  expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(0);
  expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(1);
});

test("a denied Auto Scaling describe: 409 usage-unknown naming what could not be checked, nothing deleted", async () => {
  autoScaling
    .on(DescribeAutoScalingGroupsCommand)
    .rejects(Object.assign(new Error("denied"), { name: "AccessDenied", $fault: "client", $metadata: { httpStatusCode: 403 } }));
  const answer = await invoke(deleteHandler, { method: "DELETE", path: "/keypairs/idle", pathParameters: { name: "idle" } });
  expect(answer.status).toBe(409);
  expect(answer.body.type).toMatch(/\/usage-unknown$/);
  expect(answer.body.usage).toMatchObject({ complete: false, incomplete: [{ check: "autoScalingGroups" }] });
  expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
});

test("GET /keypairs?unused=true: one scan for the list", async () => {
  const answer = await invoke(listHandler, { method: "GET", path: "/keypairs", query: { unused: "true" } });
  expect(answer.body.items.map((item: { name: string }) => item.name)).toEqual(["idle"]);
  expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(1);
  expect(autoScaling.commandCalls(DescribeLaunchConfigurationsCommand)).toHaveLength(1);
});

test.each<Record<string, string>>([{ force: "1" }, { includeUsage: "yes" }])("%j is a 400", async (query) => {
  const answer = await invoke(query.force ? deleteHandler : getHandler, {
    method: query.force ? "DELETE" : "GET",
    path: "/keypairs/web",
    pathParameters: { name: "web" },
    query,
  });
  expect(answer.status).toBe(400);
});
