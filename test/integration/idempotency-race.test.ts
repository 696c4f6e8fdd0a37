/**
 * One Idempotency-Key, many racers, with the same body or different ones: exactly one request
 * answers 201, exactly one key exists, and a repeat of the winner's request is told its private key
 * was given out (any other racer's, a 422). Under REALISTIC_AWS=1 describes lag the truth: the
 * ledger's conditional write decides, not what a describe shows.
 */
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";

const region = "us-west-1"; // a region only this file lists
const run = `r${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const RACERS = 20;
const ROUNDS = 20;

async function post(body: object, idempotencyKey: string) {
  const response = await fetch(`${process.env.API_URL}/keypairs?region=${region}`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `"${idempotencyKey}"` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** The keys that exist, as moto holds them: not a describe through the realistic layer, whose answers lag. */
const moto = new EC2Client({
  region,
  endpoint: process.env.MOTO_TRUTH_URL,
  credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
});
afterAll(() => moto.destroy());
async function namesInRegion(prefix: string): Promise<string[]> {
  const { KeyPairs = [] } = await moto.send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-name", Values: [`${prefix}*`] }] }));
  return KeyPairs.map((key) => key.KeyName!);
}

const CASES = [
  ["rsa", "different"],
  ["ed25519", "different"],
  ["rsa", "same"],
  ["ed25519", "same"],
] as const;

test.each(CASES)(
  `${RACERS} racers (%s) with %s bodies under one Idempotency-Key, ${ROUNDS} rounds: one 201, one key, a repeat never makes another`,
  async (keyType, bodies) => {
    const tally: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round += 1) {
      const key = `${run}-${keyType}-${bodies}-${round}`;
      const requests = Array.from({ length: RACERS }, (_, racer) => ({
        name: bodies === "same" ? `${key}-0` : `${key}-${racer}`,
        keyType,
      }));
      const answers = await Promise.all(requests.map((body) => post(body, key)));
      for (const answer of answers) {
        const outcome = `${answer.status} ${answer.body.type?.split("/").pop() ?? ""}`.trim();
        tally[outcome] = (tally[outcome] ?? 0) + 1;
      }
      const winners = answers.filter((answer) => answer.status === 201);
      expect(winners).toHaveLength(1);
      // The others: another body (422), or the same one while the winner runs (409 request-in-progress) or
      // after it answered (409 private-key-delivered). Never another 201, never a 5xx.
      const kinds = new Set(answers.filter((answer) => answer.status !== 201).map((answer) => answer.body.type?.split("/").pop()));
      const expected = bodies === "same" ? ["request-in-progress", "private-key-delivered"] : ["idempotency-key-reused"];
      for (const kind of kinds) expect(expected).toContain(kind);
      const winner = winners[0]!.body;
      expect(await namesInRegion(`${key}-`)).toEqual([winner.name]);
      const repeat = await post({ name: winner.name, keyType }, key);
      expect([repeat.status, repeat.body.keyPair?.keyPairId]).toEqual([409, winner.keyPairId]);
      if (bodies === "different") expect((await post(requests.find((body) => body.name !== winner.name)!, key)).status).toBe(422);
    }
    console.log(`idempotency race (${keyType}, ${bodies} bodies): ${JSON.stringify(tally)} over ${ROUNDS} rounds of ${RACERS}`);
  },
  600_000,
);
