/** `npx tsx bench/idempotency-cli.ts [pairs]`: only what an Idempotency-Key adds to a create, of `npm run bench` (bench/idempotency.ts). */
import { startLocalStack } from "../scripts/local-stack.js";
import { formatIdempotencyCost, idempotencyCost } from "./idempotency.js";

const stack = await startLocalStack({ output: () => undefined });
try {
  for (const line of formatIdempotencyCost(await idempotencyCost(stack, Number(process.argv[2] ?? 15)))) console.log(line);
} finally {
  await stack.stop();
}
