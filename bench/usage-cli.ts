/** `npx tsx bench/usage-cli.ts [iterations]`: only the usage-check figures of `npm run bench` (bench/usage.ts). */
import { mkdirSync } from "node:fs";
import { ROOT } from "../scripts/local-stack.js";
import { BENCH_AWS_SETTINGS } from "./fake-ec2.js";
import { formatTable } from "./table.js";
import { FLEET, usageLatency } from "./usage.js";

Object.assign(process.env, BENCH_AWS_SETTINGS);
const out = `${ROOT}/.tmp/bench`;
mkdirSync(out, { recursive: true });
const rows = await usageLatency(out, Number(process.argv[2] ?? 50));
console.log(
  `== Usage check: ${FLEET.instances} instances, ${FLEET.launchTemplates} launch templates, ${FLEET.launchConfigurations} launch ` +
    `configurations, ${FLEET.groups} groups, EC2 and Auto Scaling answered from memory (ms per request)`,
);
console.log(
  formatTable([
    ["request", "median ms", "min-max ms", "result", "calls per request"],
    ...rows.map((row) => [row.name, row.medianMs.toFixed(1), `${row.minMs.toFixed(1)}-${row.maxMs.toFixed(1)}`, row.result, row.calls]),
  ]),
);
