/**
 * Other accounts, over HTTP through the local stack: moto scopes its state by account, and the
 * credentials AssumeRole answers for a member role act in that role's account. The stack allows
 * 222222222222 (given the member role here) and 333333333333 (without one); every other account is
 * refused. What each account holds is read here straight from moto, with that account's credentials.
 */
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { apiClient, created, type Problem } from "../support/contract.js";
import { clientsIn, createMemberRole } from "../support/member-accounts.js";

const api = apiClient();
const MEMBER = "222222222222";
const WITHOUT_ROLE = "333333333333";
const region = "us-east-1";
const run = `a${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const moto = { region, endpoint: process.env.MOTO_URL, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };

const namesIn = async (ec2: EC2Client, name: string) =>
  ((await ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-name", Values: [name] }] }))).KeyPairs ?? []).map(
    (key) => key.KeyName,
  );

let member: EC2Client;
let own: EC2Client;

beforeAll(async () => {
  await createMemberRole(MEMBER);
  const clients = await clientsIn(MEMBER);
  member = clients.ec2;
  clients.autoScaling.destroy();
  own = new EC2Client(moto);
}, 60_000);

afterAll(() => {
  member.destroy();
  own.destroy();
});

test("a key made with account=B exists in B only; reads and deletes with account=B reach it, the API's own account does not", async () => {
  const name = `${run}-b`;
  const made = await api.POST("/keypairs", { body: { name, keyType: "ed25519", account: MEMBER } });
  expect(made.response.status).toBe(201);
  const keyPairId = created(made.data).keyPairId;
  expect(await namesIn(member, name)).toEqual([name]);
  expect(await namesIn(own, name)).toEqual([]);

  const inMember = await api.GET("/keypairs/{name}", { params: { path: { name }, query: { account: MEMBER } } });
  expect(inMember.data?.keyPairId).toBe(keyPairId);
  const inOwn = await api.GET("/keypairs/{name}", { params: { path: { name } } });
  expect(inOwn.response.status).toBe(404);
  const listed = await api.GET("/keypairs", { params: { query: { account: MEMBER, name } } });
  expect(listed.data?.items.map((key) => key.keyPairId)).toEqual([keyPairId]);

  // The same name is free in the API's own account: the accounts are apart.
  const ownKey = await api.POST("/keypairs", { body: { name, keyType: "ed25519" } });
  expect(ownKey.response.status).toBe(201);
  expect(await namesIn(own, name)).toEqual([name]);

  expect((await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { account: MEMBER } } })).response.status).toBe(204);
  expect(await namesIn(member, name)).toEqual([]);
  expect(await namesIn(own, name)).toEqual([name]);
  expect((await api.DELETE("/keypairs/{name}", { params: { path: { name } } })).response.status).toBe(204);
});

test("the account in the body and in the query must agree", async () => {
  const answer = await api.POST("/keypairs", {
    body: { name: `${run}-both`, account: MEMBER },
    params: { query: { account: WITHOUT_ROLE } },
  });
  expect(answer.response.status).toBe(400);
  expect((answer.error as Problem).errors?.map((error) => error.field)).toEqual(["body.account"]);
});

test("an account outside the allowed set is 403 account-not-allowed, before anything is asked of AWS", async () => {
  const answer = await api.GET("/keypairs", { params: { query: { account: "444444444444" } } });
  expect(answer.response.status).toBe(403);
  const problem = answer.error as Problem;
  expect(problem.type).toMatch(/\/account-not-allowed$/);
  expect(problem.detail).toContain("444444444444");
});

test("an allowed account without the member role is 403 account-unreachable, naming the account and why", async () => {
  const name = `${run}-none`;
  const answer = await api.POST("/keypairs", { body: { name, account: WITHOUT_ROLE } });
  expect(answer.response.status).toBe(403);
  const problem = answer.error as Problem;
  expect(problem.type).toMatch(/\/account-unreachable$/);
  expect(problem.detail).toContain(WITHOUT_ROLE);
  expect(problem.detail).toContain("denied");
  expect(await namesIn(own, name)).toEqual([]);
});

test("a malformed account is a 400 naming the field", async () => {
  const answer = await api.GET("/keypairs", { params: { query: { account: "12345" } } });
  expect(answer.response.status).toBe(400);
  expect((answer.error as Problem).errors?.map((error) => error.field)).toEqual(["query.account"]);
});
