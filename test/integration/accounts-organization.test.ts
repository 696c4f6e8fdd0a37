/**
 * The local organisation (scripts/local-organization.ts): Organizations lists its accounts, and the
 * unsigned local caller creates, lists, guards and deletes key pairs in each member account. One
 * name lives in every account at once; a request for one account never touches another's key.
 */
import { DescribeImagesCommand, type EC2Client, RunInstancesCommand, TerminateInstancesCommand } from "@aws-sdk/client-ec2";
import { ListAccountsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { apiClient, created, type Problem } from "../support/contract.js";
import { clientsIn, DENIED, MEMBERS, moto, namesIn, OWN } from "../support/member-accounts.js";

const api = apiClient();
const [A, B] = [MEMBERS[0]!, MEMBERS[1]!];
const run = `o${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const ec2: Record<string, EC2Client> = {};

beforeAll(async () => {
  for (const account of [A, B]) {
    const clients = await clientsIn(account);
    clients.autoScaling.destroy();
    ec2[account] = clients.ec2;
  }
});
afterAll(() => {
  for (const client of Object.values(ec2)) client.destroy();
});

test("Organizations lists the API's account, every member account and the one without the role, all active", async () => {
  const organizations = new OrganizationsClient(moto());
  const { Accounts } = await organizations.send(new ListAccountsCommand({}));
  organizations.destroy();
  expect(MEMBERS).toHaveLength(3);
  expect(new Set(Accounts?.filter((account) => account.Status === "ACTIVE").map((account) => account.Id))).toEqual(
    new Set([OWN, ...MEMBERS, DENIED]),
  );
});

test("one name in two accounts: each request creates, reads, lists and deletes only its own account's key", async () => {
  const name = `${run}-same`;
  const made: Record<string, string> = {};
  for (const account of [A, B]) {
    const answer = await api.POST("/keypairs", { body: { name, keyType: "ed25519", account } });
    expect(answer.response.status).toBe(201);
    made[account] = created(answer.data).keyPairId;
  }
  expect(made[A]).not.toBe(made[B]);
  for (const account of [A, B]) {
    const listed = await api.GET("/keypairs", { params: { query: { account, name } } });
    expect(listed.data?.items.map((key) => key.keyPairId)).toEqual([made[account]]);
    const read = await api.GET("/keypairs/{name}", { params: { path: { name }, query: { account } } });
    expect(read.data?.keyPairId).toBe(made[account]);
  }
  expect((await api.GET("/keypairs/{name}", { params: { path: { name } } })).response.status).toBe(404);

  expect((await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { account: A } } })).response.status).toBe(204);
  expect(await namesIn(ec2[A]!, name)).toEqual([]);
  expect(await namesIn(ec2[B]!, name)).toEqual([name]);
  expect((await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { account: B } } })).response.status).toBe(204);
  expect(await namesIn(ec2[B]!, name)).toEqual([]);
});

test("the usage guard reads the account the request names: a key in use in A is refused there, its namesake in B is deleted", async () => {
  const name = `${run}-used`;
  for (const account of [A, B])
    expect((await api.POST("/keypairs", { body: { name, keyType: "ed25519", account } })).response.status).toBe(201);
  const image = (await ec2[A]!.send(new DescribeImagesCommand({}))).Images![0]!.ImageId!;
  const launched = await ec2[A]!.send(
    new RunInstancesCommand({ ImageId: image, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, KeyName: name }),
  );
  const instanceId = launched.Instances![0]!.InstanceId!;
  try {
    const refused = await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { account: A } } });
    expect(refused.response.status).toBe(409);
    expect((refused.error as Problem).type).toMatch(/\/key-in-use$/);
    expect(await namesIn(ec2[A]!, name)).toEqual([name]);

    expect((await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { account: B } } })).response.status).toBe(204);
    expect(await namesIn(ec2[B]!, name)).toEqual([]);
    expect(await namesIn(ec2[A]!, name)).toEqual([name]);
  } finally {
    await ec2[A]!.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
  }
  expect((await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { account: A } } })).response.status).toBe(204);
  expect(await namesIn(ec2[A]!, name)).toEqual([]);
});

test("the member account without the role answers 403 account-unreachable naming it", async () => {
  const answer = await api.GET("/keypairs", { params: { query: { account: DENIED } } });
  expect(answer.response.status).toBe(403);
  expect((answer.error as Problem).type).toMatch(/\/account-unreachable$/);
  expect((answer.error as Problem).detail).toContain(DENIED);
});
