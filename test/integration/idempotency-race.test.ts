/**
 * One Idempotency-Key, many racers with different bodies: exactly one request answers
 * 201, exactly one key survives, and a repeat of the winner's exact request gets the winner's
 * outcome (any other racer's, a 422). EC2 and moto give CreateTime in whole seconds, so most racers share one.
 */
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

async function namesInRegion(prefix: string): Promise<string[]> {
  const listed = await (await fetch(`${process.env.API_URL}/keypairs?region=${region}&limit=1000`)).json();
  return (listed.items as { name: string }[]).map((item) => item.name).filter((name) => name.startsWith(prefix));
}

test.each(["rsa", "ed25519"])(
  `${RACERS} racers with different bodies under one Idempotency-Key, ${ROUNDS} rounds (%s): one 201, one key, the winner's repeat answers 201`,
  async (keyType) => {
    const tally: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round += 1) {
      const key = `${run}-${keyType}-${round}`;
      const bodies = Array.from({ length: RACERS }, (_, racer) => ({ name: `${key}-${racer}`, keyType }));
      const answers = await Promise.all(bodies.map((body) => post(body, key)));
      for (const answer of answers) tally[answer.status] = (tally[answer.status] ?? 0) + 1;
      const winners = answers.filter((answer) => answer.status === 201);
      expect(winners).toHaveLength(1);
      // The losers: another body under this key (422), or, when the emulator is too slow to answer in
      // EC2_REQUEST_TIMEOUT_MS (20 RSA keys at once on a loaded machine), 504 "may have been created",
      // whose repeat then meets the winner: 422 (checked below). Never another 201, never a 500 or 502.
      const losers = answers.filter((answer) => answer.status !== 201);
      expect(losers.filter((answer) => answer.status !== 422 && answer.status !== 504)).toEqual([]);
      const winner = winners[0]!.body;
      expect(await namesInRegion(`${key}-`)).toEqual([winner.name]);
      const repeat = await post({ name: winner.name, keyType }, key);
      expect([repeat.status, repeat.body.name]).toEqual([201, winner.name]);
      const loser = bodies.find((body) => body.name !== winner.name)!;
      expect((await post(loser, key)).status).toBe(422);
      for (const [racer, answer] of answers.entries())
        if (answer.status === 504) expect([racer, (await post(bodies[racer]!, key)).status]).toEqual([racer, 422]);
    }
    console.log(`idempotency race (${keyType}): ${JSON.stringify(tally)} over ${ROUNDS} rounds of ${RACERS}`);
  },
  600_000,
);
