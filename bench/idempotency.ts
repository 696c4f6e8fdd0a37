/**
 * What an Idempotency-Key costs a create, end to end against the local stack (serverless-offline
 * and moto, DynamoDB included): plain and idempotent ED25519 creates, interleaved in pairs so that
 * drift hits both alike. The first idempotent create of a worker also loads the DynamoDB client
 * (lazily, not at INIT): reported on its own as the first-use cost. The load average goes with the
 * figures: the key's cost is moto's Python work for two calls, which grows with the machine's load.
 */
import { loadavg } from "node:os";
import type { LocalStack } from "../scripts/local-stack.js";
import { median } from "./stats.js";

interface IdempotencyCost {
  plainMs: number[];
  idempotentMs: number[];
  firstUseMs: number;
  /** The 1-minute load average when the run started and when it ended. */
  load: [number, number];
}

async function create(apiUrl: string, name: string, idempotencyKey?: string): Promise<number> {
  const started = performance.now();
  const answer = await fetch(`${apiUrl}/keypairs`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(idempotencyKey ? { "idempotency-key": `"${idempotencyKey}"` } : {}) },
    body: JSON.stringify({ name, keyType: "ed25519" }),
  });
  await answer.arrayBuffer();
  if (answer.status !== 201) throw new Error(`create ${name}: ${answer.status}`);
  return performance.now() - started;
}

export async function idempotencyCost({ apiUrl }: Pick<LocalStack, "apiUrl">, pairs: number): Promise<IdempotencyCost> {
  const run = `bench-${process.pid}`;
  const loadAtStart = loadavg()[0]!;
  // The worker's first create (cold), then its first idempotent one: the DynamoDB client's first use.
  await create(apiUrl, `${run}-warm`);
  const firstUseMs = await create(apiUrl, `${run}-first`, `${run}-first`);
  for (let warm = 0; warm < 5; warm += 1) {
    await create(apiUrl, `${run}-w${warm}`);
    await create(apiUrl, `${run}-wi${warm}`, `${run}-wi${warm}`);
  }
  const plainMs: number[] = [];
  const idempotentMs: number[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    plainMs.push(await create(apiUrl, `${run}-p${pair}`));
    idempotentMs.push(await create(apiUrl, `${run}-i${pair}`, `${run}-i${pair}`));
  }
  return { plainMs, idempotentMs, firstUseMs, load: [loadAtStart, loadavg()[0]!] };
}

export const formatIdempotencyCost = ({ plainMs, idempotentMs, firstUseMs, load }: IdempotencyCost): string[] => [
  `  plain create: median ${median(plainMs).toFixed(1)} ms; with an Idempotency-Key: median ${median(idempotentMs).toFixed(1)} ms ` +
    `(${idempotentMs.length} pairs)`,
  `  added by the key: ${(median(idempotentMs) - median(plainMs)).toFixed(1)} ms (target ≤ 25 ms: a PutItem and an UpdateItem)`,
  `  first idempotent create of a worker (loads the DynamoDB client): ${firstUseMs.toFixed(0)} ms`,
  `  load average (1 min): ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end`,
];
