/**
 * Idempotency-Key records are scoped by account (decision 0032): one key sent for the API's own
 * account and for a member account names two requests, each made once in its own account; a repeat
 * in either account finds its own record, never the other's.
 */
import { DescribeKeyPairsCommand, EC2Client, type EC2Client as Ec2 } from "@aws-sdk/client-ec2";
import { clientsIn, createMemberRole } from "../support/member-accounts.js";

const MEMBER = "222222222222";
const region = "us-east-1";
const run = `ik${process.pid}${Math.random().toString(36).slice(2, 6)}`;

let member: Ec2;
let own: Ec2;

beforeAll(async () => {
  await createMemberRole(MEMBER);
  const clients = await clientsIn(MEMBER);
  member = clients.ec2;
  clients.autoScaling.destroy();
  own = new EC2Client({ region, endpoint: process.env.MOTO_URL, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
}, 60_000);

afterAll(() => {
  member.destroy();
  own.destroy();
});

async function create(idempotencyKey: string, body: object) {
  const response = await fetch(`${process.env.API_URL}/keypairs`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `"${idempotencyKey}"` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const idsNamed = async (ec2: Ec2, name: string) =>
  ((await ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-name", Values: [name] }] }))).KeyPairs ?? []).map(
    (key) => key.KeyPairId,
  );

test("one Idempotency-Key in two accounts makes one key pair in each; each repeat answers its own account's", async () => {
  const name = `${run}-same`;
  const key = `${run}-key`;
  const inOwn = await create(key, { name, keyType: "ed25519", escrow: true });
  const inMember = await create(key, { name, keyType: "ed25519", escrow: true, account: MEMBER });
  expect([inOwn.status, inMember.status]).toEqual([201, 201]);
  expect(inMember.body.keyPairId).not.toBe(inOwn.body.keyPairId);
  expect(await idsNamed(own, name)).toEqual([inOwn.body.keyPairId]);
  expect(await idsNamed(member, name)).toEqual([inMember.body.keyPairId]);

  // Repeats: each account's record, the same answer (escrowed: no private key in it), nothing new made.
  const again = [
    await create(key, { name, keyType: "ed25519", escrow: true }),
    await create(key, { name, keyType: "ed25519", escrow: true, account: MEMBER }),
  ];
  expect(again.map((answer) => [answer.status, answer.body.keyPairId])).toEqual([
    [201, inOwn.body.keyPairId],
    [201, inMember.body.keyPairId],
  ]);
  expect(await idsNamed(own, name)).toHaveLength(1);
  expect(await idsNamed(member, name)).toHaveLength(1);

  for (const query of ["", `&account=${MEMBER}`])
    expect((await fetch(`${process.env.API_URL}/keypairs/${name}?region=${region}${query}`, { method: "DELETE" })).status).toBe(204);
});
