/**
 * `npm run metrics [log file]`: what a local run's EMF records say (the functions' log lines, as
 * CloudWatch would read them): requests per route, outcome and problem kind, p50/p99 latency per
 * route, and the totals of every counted metric. The log file defaults to the integration run's
 * (.tmp/integration-stack.log); `npm start 2>&1 | tee .tmp/start.log` makes one of `npm start`.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { percentile } from "../bench/stats.js";
import { formatTable } from "../bench/table.js";
import { METRICS } from "../src/lib/platform/metric-table.js";
import { ROOT } from "./local-stack.js";

export interface EmfRecord {
  _aws: unknown;
  [member: string]: unknown;
}

/** Every EMF record of a log (lines may carry a prefix, e.g. serverless-offline's). */
export const emfRecords = (log: string): EmfRecord[] =>
  log
    .split("\n")
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line.slice(line.indexOf("{"))) as EmfRecord);

export interface Summary {
  requests: { route: string; outcome: string; problemKind: string; count: number }[];
  latency: { route: string; count: number; p50: number; p99: number }[];
  totals: Record<string, number>;
}

export function summarize(records: EmfRecord[]): Summary {
  const requests = new Map<string, Summary["requests"][number]>();
  const latencies = new Map<string, number[]>();
  const totals: Record<string, number> = {};
  for (const record of records) {
    if (record.Requests !== undefined) {
      const [route, outcome, problemKind] = [record.Route, record.Outcome, record.ProblemKind] as string[];
      const key = `${route} ${outcome} ${problemKind}`;
      const row = requests.get(key) ?? { route: route!, outcome: outcome!, problemKind: problemKind!, count: 0 };
      row.count += record.Requests as number;
      requests.set(key, row);
      latencies.set(route!, [...(latencies.get(route!) ?? []), record.Latency as number]);
    }
    for (const name of Object.keys(METRICS).filter((metric) => !["Requests", "Latency"].includes(metric))) {
      if (typeof record[name] === "number") totals[name] = (totals[name] ?? 0) + (record[name] as number);
    }
  }
  const byKey =
    <T>(key: (row: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    requests: [...requests.values()].sort(byKey((row) => `${row.route} ${row.outcome} ${row.problemKind}`)),
    latency: [...latencies]
      .map(([route, values]) => ({ route, count: values.length, p50: percentile(values, 50), p99: percentile(values, 99) }))
      .sort(byKey((row) => row.route)),
    totals,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2] ?? `${ROOT}/.tmp/integration-stack.log`;
  const summary = summarize(emfRecords(readFileSync(file, "utf8")));
  console.log(`${file}\n\nRequests by route, outcome and problem kind`);
  console.log(
    formatTable([
      ["route", "outcome", "problem kind", "requests"],
      ...summary.requests.map((row) => [row.route, row.outcome, row.problemKind, String(row.count)]),
    ]),
  );
  console.log("\nLatency per route (ms, nearest rank)");
  console.log(
    formatTable([
      ["route", "requests", "p50", "p99"],
      ...summary.latency.map((row) => [row.route, String(row.count), String(row.p50), String(row.p99)]),
    ]),
  );
  console.log("\nCounted metrics (totals)");
  console.log(formatTable([["metric", "total"], ...Object.entries(summary.totals).map(([name, total]) => [name, String(total)])]));
}
