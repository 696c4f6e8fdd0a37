/**
 * npx tsx bench/traffic-cli.ts [COSTS_FILE]: the default traffic (DEFAULT_TRAFFIC; seed TRAFFIC_SEED,
 * default 1) through each function layout and reclaim window, with measured cold and warm costs
 * (default file: .tmp/bench/costs.json). Shape: { "coldMs": { "<function>": ms }, "warmMs": { "<route>": ms } }.
 */
import { existsSync, readFileSync } from "node:fs";
import { ROOT } from "../scripts/local-stack.js";
import { compareLayouts, costsFrom, DEFAULT_TRAFFIC, formatSummaries, generateTrace, type MeasuredCosts, SOURCES } from "./traffic.js";

const file = process.argv[2] ?? `${ROOT}/.tmp/bench/costs.json`;
const seed = Number(process.env.TRAFFIC_SEED ?? 1);
if (!existsSync(file)) {
  console.error(
    `${file} does not exist: \`npm run bench\` writes the measured costs to .tmp/bench/costs.json (or pass a file of the same shape).`,
  );
  process.exit(1);
}
let costs: ReturnType<typeof costsFrom>;
try {
  costs = costsFrom(JSON.parse(readFileSync(file, "utf8")) as MeasuredCosts);
} catch (error) {
  console.error(`${file}: ${(error as Error).message}`);
  process.exit(1);
}

const trace = generateTrace(seed, DEFAULT_TRAFFIC);
const bySource = SOURCES.map((source) => `${source} ${trace.filter((request) => request.source === source).length}`).join(", ");
console.log(`${DEFAULT_TRAFFIC.days} days, seed ${seed}: ${trace.length} requests (${bySource}); costs from ${file}`);
if (costs.estimated.length > 0) console.log(`not measured, costed as their slowest route's own function: ${costs.estimated.join(", ")}`);
console.log();
console.log(formatSummaries(compareLayouts(trace, costs)));
