/**
 * bench/traffic.ts: the trace is reproducible, the environment pools behave like Lambda's (reuse
 * within the reclaim window, one environment per concurrent request), and merging routes into fewer
 * functions never adds cold starts when costs are equal.
 */
import {
  type Costs,
  compareLayouts,
  costsFrom,
  DEFAULT_TRAFFIC,
  generateTrace,
  LAYOUT_NAMES,
  LAYOUTS,
  type Outcome,
  type Request,
  ROUTES,
  simulate,
  summarize,
  type TrafficModel,
} from "../../../bench/traffic.js";

const MINUTE = 60_000;
/** The same cost for every function and every route. */
const EQUAL: Costs = { coldMs: () => 500, warmMs: () => 50 };
const colds = (outcomes: Outcome[]) => outcomes.filter((outcome) => outcome.cold).length;
const creates = (count: number, atMs: number): Request[] =>
  Array.from({ length: count }, () => ({ atMs, route: "create", source: "bursts" }));
const sessionsOnly: TrafficModel = {
  ...DEFAULT_TRAFFIC,
  tools: { ...DEFAULT_TRAFFIC.tools, count: 0 },
  bursts: { ...DEFAULT_TRAFFIC.bursts, perDay: 0 },
};

/** Most requests in flight at once, from the busy intervals [startMs, endMs); an end at t frees its slot before a start at t. */
function peakConcurrency(outcomes: Outcome[]): number {
  const events = outcomes
    .flatMap((outcome) => [[outcome.startMs, 1] as const, [outcome.endMs, -1] as const])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, change] of events) peak = Math.max(peak, (now += change));
  return peak;
}

describe("trace", () => {
  test("the same seed gives the same trace and the same results; another seed, another trace", () => {
    expect(generateTrace(7)).toEqual(generateTrace(7));
    expect(compareLayouts(generateTrace(7), EQUAL)).toEqual(compareLayouts(generateTrace(7), EQUAL));
    expect(generateTrace(8)).not.toEqual(generateTrace(7));
  });

  test("holds every source, in arrival order, with sessions of create, get, delete minutes apart", () => {
    const trace = generateTrace(1);
    expect(new Set(trace.map((request) => request.source))).toEqual(new Set(["tools", "sessions", "bursts"]));
    expect(trace.every((request, index) => index === 0 || trace[index - 1]!.atMs <= request.atMs)).toBe(true);
    const session = trace.filter((request) => request.session === 0);
    expect(session.map((request) => request.route)).toEqual(["create", "get", "delete"]);
    for (const [earlier, later] of [
      [0, 1],
      [1, 2],
    ] as const) {
      const gap = session[later]!.atMs - session[earlier]!.atMs;
      expect(gap).toBeGreaterThanOrEqual(MINUTE);
      expect(gap).toBeLessThanOrEqual(10 * MINUTE);
    }
  });
});

describe("simulation", () => {
  test.each([0, 1, 5, 15, 45, Infinity])("equal costs, %s-minute window: single ≤ by-privilege ≤ per-route cold starts", (minutes) => {
    for (const seed of [1, 2, 3]) {
      const trace = generateTrace(seed);
      const [single, byPrivilege, perRoute] = (["single", "by-privilege", "per-route"] as const).map((layout) =>
        colds(simulate(trace, layout, minutes, EQUAL)),
      );
      expect(single).toBeLessThanOrEqual(byPrivilege!);
      expect(byPrivilege).toBeLessThanOrEqual(perRoute!);
    }
  });

  test.each(LAYOUT_NAMES)("%s, infinite window: each function's cold starts equal its peak concurrency", (layout) => {
    const outcomes = simulate(generateTrace(1), layout, Infinity, EQUAL);
    for (const functionName of Object.keys(LAYOUTS[layout])) {
      const own = outcomes.filter((outcome) => outcome.functionName === functionName);
      expect(colds(own)).toBe(peakConcurrency(own));
    }
  });

  test.each(LAYOUT_NAMES)("%s, 0-minute window: every person session has 3 cold starts", (layout) => {
    const outcomes = simulate(generateTrace(1, sessionsOnly), layout, 0, EQUAL);
    const sessions = new Set(outcomes.map((outcome) => outcome.request.session));
    expect(sessions.size).toBeGreaterThan(10);
    for (const session of sessions) expect(colds(outcomes.filter((outcome) => outcome.request.session === session))).toBe(3);
    expect(summarize(layout, 0, outcomes).coldStartsPerSession).toBe(3);
  });

  test("20 simultaneous creates need 20 environments even in single; 20 more a minute later reuse them", () => {
    const outcomes = simulate([...creates(20, 0), ...creates(20, MINUTE)], "single", 5, EQUAL);
    expect(colds(outcomes.slice(0, 20))).toBe(20);
    expect(colds(outcomes.slice(20))).toBe(0);
  });

  test("an environment idle exactly the window is reused, one idle longer is gone; the most recently used idle one is taken", () => {
    const at = (atMs: number, route: Request["route"] = "list"): Request => ({ atMs, route, source: "tools" });
    // Busy over [0, 500), idle from 500: reused at 500 + 5 min, gone at 500 + 5 min + 1 ms.
    expect(simulate([at(0), at(500 + 5 * MINUTE)], "per-route", 5, EQUAL).map((o) => o.cold)).toEqual([true, false]);
    expect(simulate([at(0), at(501 + 5 * MINUTE)], "per-route", 5, EQUAL).map((o) => o.cold)).toEqual([true, true]);
    // Two environments, then one call every 2 minutes: always taking the most recently used one
    // lets the other expire (idle since 500 ms), so two calls at once at 10 minutes need a cold start.
    // Taking the least recently used would have kept both alive.
    const calls = [0, 0, 2, 4, 6, 8, 10, 10].map((minutes) => at(minutes * MINUTE));
    expect(simulate(calls, "single", 5, EQUAL).map((o) => o.cold)).toEqual([true, true, false, false, false, false, false, true]);
  });

  test("added latency is the function's cold cost over the route's warm cost, on cold starts only", () => {
    const costs: Costs = {
      coldMs: (functionName) => (functionName === "single" ? 900 : 400),
      warmMs: (route) => (route === "get" ? 30 : 80),
    };
    const [cold, warm] = simulate(
      [
        { atMs: 0, route: "get", source: "tools" },
        { atMs: MINUTE, route: "get", source: "tools" },
      ],
      "single",
      5,
      costs,
    );
    expect(cold).toMatchObject({ cold: true, endMs: 900, addedMs: 870 });
    expect(warm).toMatchObject({ cold: false, endMs: MINUTE + 30, addedMs: 0 });
  });
});

describe("costsFrom", () => {
  const routeCosts = (ms: number) => Object.fromEntries(ROUTES.map((route, index) => [route, ms + index]));

  test("a merged function without a measurement costs its slowest route's own; a measured one, its measurement", () => {
    const costs = costsFrom({ coldMs: { ...routeCosts(100), single: 700, "by-privilege/read": 300 }, warmMs: routeCosts(10) });
    expect(costs.coldMs("get", "per-route")).toBe(103);
    expect(costs.coldMs("single", "single")).toBe(700);
    expect(costs.coldMs("read", "by-privilege")).toBe(300);
    expect(costs.coldMs("write", "by-privilege")).toBe(101); // max(create 100, import 101)
    // by-privilege's delete is not the route delete's own function: the bare key does not apply to it.
    expect(costs.coldMs("delete", "by-privilege")).toBe(106); // max(delete 105, deleteById 106)
    expect(costs.estimated).toEqual(["by-privilege/write", "by-privilege/delete"]);
    expect(costs.warmMs("list")).toBe(12);
  });

  test("a route's own cold or warm cost missing, or not a number: an error naming it", () => {
    const { getById: _, ...withoutGetById } = routeCosts(100);
    expect(() => costsFrom({ coldMs: withoutGetById, warmMs: routeCosts(10) })).toThrow("missing coldMs.getById");
    expect(() => costsFrom({ coldMs: routeCosts(100), warmMs: { ...routeCosts(10), list: "12" as unknown as number } })).toThrow(
      'list is "12"',
    );
  });
});
