/**
 * Runs after the integration run, over everything the local stack printed: every request wrote
 * exactly one EMF record, its access line, valid by the specification, with the request's route,
 * outcome class, problem kind and latency; `npm run metrics` summarises them.
 */
import { readFileSync } from "node:fs";
import { ROOT } from "../../scripts/local-stack.js";
import { emfRecords, summarize } from "../../scripts/metrics.js";
import { PROBLEM_STATUS } from "../../src/lib/http/problems.js";
import { emfViolations } from "../support/emf.js";

const log = readFileSync(`${ROOT}/.tmp/integration-stack.log`, "utf8");
const records = emfRecords(log);
const requests = records.filter((record) => record.message === "request completed");

test("every request wrote exactly one EMF record: its access line", () => {
  const accessLines = log.split("\n").filter((line) => line.includes('"request completed"'));
  expect(requests.length).toBeGreaterThan(50);
  expect(requests).toHaveLength(accessLines.length);
  const perInvocation = new Map<unknown, number>();
  for (const record of records) perInvocation.set(record.function_request_id, (perInvocation.get(record.function_request_id) ?? 0) + 1);
  expect([...perInvocation].filter(([, count]) => count !== 1)).toEqual([]);
});

test("each record is valid EMF, with the request's route, outcome class, problem kind and latency; no key name or account id as a dimension", () => {
  for (const record of records) expect(emfViolations(record)).toEqual([]);
  for (const record of requests) {
    const status = record.status as number;
    expect(record).toMatchObject({ Requests: 1, Route: record.route, Outcome: `${Math.floor(status / 100)}xx`, Latency: record.latencyMs });
    expect([0, 1]).toContain(record.ColdStart);
    if (status < 400) expect(record.ProblemKind).toBe("none");
    else expect(PROBLEM_STATUS[record.ProblemKind as keyof typeof PROBLEM_STATUS]).toBe(status);
    const dimensions = (record._aws as { CloudWatchMetrics: { Dimensions: string[][] }[] }).CloudWatchMetrics.flatMap((d) =>
      d.Dimensions.flat(),
    );
    for (const name of dimensions) {
      expect(record[name]).not.toBe(record.keyName);
      expect(String(record[name])).not.toMatch(/\d{12}/);
    }
  }
  expect(requests.some((record) => record.ColdStart === 1)).toBe(true);
});

test("npm run metrics: counts per route and outcome add up to the requests, with p50 <= p99 per route", () => {
  const summary = summarize(records);
  expect(summary.requests.reduce((sum, row) => sum + row.count, 0)).toBe(requests.length);
  const created = requests.filter((record) => record.route === "POST /keypairs" && (record.status as number) < 300).length;
  expect(summary.requests.find((row) => row.route === "POST /keypairs" && row.outcome === "2xx")?.count).toBe(created);
  for (const row of summary.latency) expect(row.p50).toBeLessThanOrEqual(row.p99);
  expect(summary.totals.KeysCreated).toBeGreaterThan(0);
});
