/**
 * The sweep in every allowed account: the real sweep function, in process, against moto, with the
 * API's own account, a member account with the member role and one without. An expired key of the
 * member account is deleted there, through its role; the account without the role is reported, and
 * never stops the others.
 */
import { CreateTagsCommand, DescribeKeyPairsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { LOCAL_IDEMPOTENCY_TABLE } from "../../scripts/local-stack.js";
import { apiClient, created } from "../support/contract.js";
import { type Handler, inProcessEnvironment, lambdaContext } from "../support/lambda.js";
import { clientsIn, createMemberRole } from "../support/member-accounts.js";

const api = apiClient();
const MEMBER = "222222222222";
const WITHOUT_ROLE = "333333333333";
const region = "us-east-1";
const run = `s${process.pid}${Math.random().toString(36).slice(2, 6)}`;

let member: EC2Client;
let sweepHandler: Handler;

beforeAll(async () => {
  await createMemberRole(MEMBER);
  const clients = await clientsIn(MEMBER);
  member = clients.ec2;
  clients.autoScaling.destroy();
  const endpoint = process.env.MOTO_URL!;
  inProcessEnvironment(region, {
    EC2_ENDPOINT: endpoint,
    SSM_ENDPOINT: endpoint,
    EVENTS_ENDPOINT: endpoint,
    AUTOSCALING_ENDPOINT: endpoint,
    STS_ENDPOINT: endpoint,
    DYNAMODB_ENDPOINT: process.env.MOTO_TRUTH_URL!,
    IDEMPOTENCY_TABLE: LOCAL_IDEMPOTENCY_TABLE,
    EVENTS_REGION: region,
    ALLOWED_ACCOUNTS: `${MEMBER},${WITHOUT_ROLE}`,
  });
  // Imported only now: the configuration is read once, at import.
  sweepHandler = (await import("../../src/functions/sweep-key-pairs.js")).handler as Handler;
}, 60_000);

afterAll(() => member.destroy());

const inMember = async (name: string) =>
  ((await member.send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-name", Values: [name] }] }))).KeyPairs ?? []).map(
    (key) => key.KeyPairId,
  );

test("one run sweeps the API's own account and each allowed member account; an account without the role is reported, the rest swept", async () => {
  const expiring = `${run}-expiring`;
  const kept = `${run}-kept`;
  const made = await api.POST("/keypairs", { body: { name: expiring, keyType: "ed25519", account: MEMBER, ttlSeconds: 3600 } });
  expect(made.response.status).toBe(201);
  const keyPairId = created(made.data).keyPairId;
  expect(
    (await api.POST("/keypairs", { body: { name: kept, keyType: "ed25519", account: MEMBER, ttlSeconds: 3600 } })).response.status,
  ).toBe(201);
  // Its expiry, brought forward in the member account (as if its hour had passed).
  const past = new Date(Date.now() - 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  await member.send(new CreateTagsCommand({ Resources: [keyPairId], Tags: [{ Key: "ec2-keypairs-api:expires-at", Value: past }] }));

  const { accounts } = (await sweepHandler({}, { ...lambdaContext(300_000), functionName: "sweep" })) as {
    accounts: { account: string; regions: { region: string; expiredKeysDeleted: { keyPairId: string }[] }[]; failure?: string }[];
  };
  expect(accounts.map(({ account }) => account)).toEqual(["123456789012", MEMBER, WITHOUT_ROLE]);
  const [own, swept, denied] = accounts;
  expect(own!.failure).toBeUndefined();
  expect(swept!.failure).toBeUndefined();
  expect(swept!.regions.map(({ region }) => region)).toEqual([region]);
  expect(swept!.regions[0]!.expiredKeysDeleted.map((key) => key.keyPairId)).toContain(keyPairId);
  expect(denied).toEqual({
    account: WITHOUT_ROLE,
    regions: [],
    failure: expect.stringMatching(/^account-unreachable: Account 333333333333/),
  });
  // The truth in the member account: the expired key is gone, the other is kept.
  expect(await inMember(expiring)).toEqual([]);
  expect(await inMember(kept)).toHaveLength(1);
  expect((await api.DELETE("/keypairs/{name}", { params: { path: { name: kept }, query: { account: MEMBER } } })).response.status).toBe(
    204,
  );
}, 120_000);
