/**
 * A burst on the local stack: 100 creates of distinct names at once (RSA, the slowest key moto
 * makes). Every answer is a 201, or a 429 with Retry-After; never a 200 (a failed invocation
 * answered as a success), never a 5xx (a Lambda timeout among them), and every request is answered.
 * The local stack queues what exceeds its instances, so the last answer comes after the others
 * have been served (moto makes the keys one at a time): the wait is bounded, not the invocation.
 */
const region = "ap-southeast-1"; // a region only this file lists
const run = `b${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const BURST = 100;
const NO_ANSWER_AFTER_MS = 90_000;

async function create(name: string): Promise<string> {
  try {
    const response = await fetch(`${process.env.API_URL}/keypairs?region=${region}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, keyType: "rsa" }),
      signal: AbortSignal.timeout(NO_ANSWER_AFTER_MS),
    });
    const body = await response.text();
    if (response.status === 201) return "201";
    if (response.status === 429 && response.headers.get("retry-after")) return "429";
    // Anything else names itself: the status and, never key material, the start of its body.
    return `${response.status} ${body.replace(/-----BEGIN[\s\S]*/, "").slice(0, 120)}`;
  } catch (error) {
    return `no answer: ${(error as Error).name}`;
  }
}

test(
  `${BURST} parallel creates of distinct names (RSA): each 201 (or 429 with Retry-After), no 200, no timeout`,
  async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: BURST }, (_, index) => create(`${run}-${index}`)));
    const tally: Record<string, number> = {};
    for (const answer of answers) tally[answer] = (tally[answer] ?? 0) + 1;
    console.log(`burst of ${BURST} creates: ${JSON.stringify(tally)} in ${Date.now() - started} ms`);
    expect(answers.filter((answer) => answer !== "201" && answer !== "429")).toEqual([]);
    expect(tally["201"]).toBeGreaterThan(0);
  },
  NO_ANSWER_AFTER_MS + 30_000,
);
