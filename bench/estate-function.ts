/**
 * One estate listing to the end, as a function instance serves it: bundled with the list function's
 * code (bench/estate.ts builds and runs it with plain node, in a process of its own, so that CPU and
 * memory are the function's). Follows nextCursor; prints one JSON line of what it measured.
 * Its environment (bench/estate.ts) points EC2 and STS at the fake and names ESTATE_ACCOUNTS.
 */
import { handler as listHandler } from "../src/handlers/list-key-pairs.js";
import { config } from "../src/lib/platform/config.js";
import { apiEvent, lambdaContext } from "../test/support/lambda.js";

const handler = listHandler as unknown as (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
const baseRss = process.memoryUsage.rss();
let peakRss = baseRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 100);

const cpu = process.cpuUsage();
const walls: number[] = [];
const statuses: Record<string, number> = {};
let found = 0;
let estateCursor: string | undefined;
do {
  const at = performance.now();
  const query = {
    accounts: process.env.ESTATE_ACCOUNTS!,
    allRegions: "true",
    fingerprint: process.env.ESTATE_FINGERPRINT!,
    ...(estateCursor ? { estateCursor } : {}),
  };
  const event = apiEvent({ method: "GET", path: "/keypairs", query, routeKey: "GET /keypairs" });
  (event.requestContext as { timeEpoch: number }).timeEpoch = Date.now();
  const answer = await handler(event, lambdaContext(29_000));
  if (answer.statusCode !== 200) throw new Error(`estate listing answered ${answer.statusCode}: ${answer.body.slice(0, 300)}`);
  walls.push((performance.now() - at) / 1000);
  const page = JSON.parse(answer.body) as {
    items: unknown[];
    scopes: Record<string, Record<string, { status: string }>>;
    nextCursor?: string;
  };
  found += page.items.length;
  for (const regions of Object.values(page.scopes))
    for (const { status } of Object.values(regions)) if (status !== "pending") statuses[status] = (statuses[status] ?? 0) + 1;
  estateCursor = page.nextCursor;
} while (estateCursor && walls.length < 50);
clearInterval(sampler);
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    walls,
    cpuSeconds: (used.user + used.system) / 1e6,
    statuses,
    found,
    baseRss,
    peakRss,
    concurrency: config.ESTATE_CONCURRENCY,
    deadlineMs: config.ESTATE_DEADLINE_MS,
  }),
);
