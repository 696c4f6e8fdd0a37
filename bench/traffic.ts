/**
 * Cold starts under realistic traffic for three ways of grouping the key-pair routes into Lambda
 * functions (`npx tsx bench/traffic-cli.ts`). Pure and seeded: the same seed gives the same trace
 * and the same results. Cold and warm costs are inputs (the bench measures them); none are made up here.
 */
import { percentile } from "./stats.js";
import { formatTable } from "./table.js";

/** POST /keypairs, POST /keypairs/import, GET /keypairs, GET /keypairs/{name}, GET /keypairs/by-id/{keyPairId}, DELETE of those two. */
export const ROUTES = ["create", "import", "list", "get", "getById", "delete", "deleteById"] as const;
export type Route = (typeof ROUTES)[number];
const isRoute = (name: string): name is Route => (ROUTES as readonly string[]).includes(name);

/** Function name → the routes it serves. The 405 and docs functions are left out: they are the same in every layout. */
export type Layout = Readonly<Record<string, readonly Route[]>>;
export type LayoutName = "per-route" | "single" | "by-privilege";
export const LAYOUTS: Readonly<Record<LayoutName, Layout>> = {
  // Today's: each function is named after its route.
  "per-route": Object.fromEntries(ROUTES.map((route) => [route, [route]])),
  single: { single: ROUTES },
  "by-privilege": { read: ["list", "get", "getById"], write: ["create", "import"], delete: ["delete", "deleteById"] },
};
export const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];

/**
 * How long Lambda keeps an idle environment, in minutes. AWS does not document it; published
 * observations range from about 5 minutes to over an hour and change with region, load and time,
 * so the report runs several.
 */
export const RECLAIM_MINUTES = [5, 15, 45];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Small, fast, seedable PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Source = "tools" | "sessions" | "bursts";
export const SOURCES: readonly Source[] = ["tools", "sessions", "bursts"];
export interface Request {
  atMs: number;
  route: Route;
  source: Source;
  /** Which person session the request belongs to (sessions only). */
  session?: number;
}
/** Requests in arrival order. */
export type Trace = Request[];

export interface TrafficModel {
  days: number;
  workdayStartHour: number;
  workdayEndHour: number;
  tools: { count: number; callsPerHour: number; allDay: boolean; routeWeights: Readonly<Record<Route, number>> };
  sessions: { perWorkday: number; gapMinutes: readonly [number, number] };
  bursts: {
    perDay: number;
    keys: number;
    importShare: number;
    listAfterSeconds: number;
    deleteAfterMinutes: readonly [number, number];
    deleteByIdShare: number;
  };
}

export const DEFAULT_TRAFFIC: TrafficModel = {
  // Two weeks: two weekends (only tools call) and ~28 bursts, enough for the p99 not to hang on one.
  days: 14,
  // People work 09:00-17:00, Monday to Friday (day 0 is a Monday); their sessions follow it.
  workdayStartHour: 9,
  workdayEndHour: 17,
  tools: {
    // A few internal tools (inventory, audit, a dashboard's back end) carry the steady traffic.
    count: 3,
    // A handful of calls an hour each, as Poisson arrivals: polling, not bulk work.
    callsPerHour: 4,
    // All day, every day: tools run unattended (schedules, pollers). Nights and weekends, when
    // only they call, are where the layouts differ most, so leaving them out would flatter per-route.
    allDay: true,
    // Relative weights. Mostly reads (tools look keys up); the rare writes are a tool rotating or cleaning up keys.
    routeWeights: { list: 40, get: 25, getById: 20, create: 5, import: 4, delete: 4, deleteById: 2 },
  },
  sessions: {
    // A person provisioning a key by hand (or trying the API): create, then get, then delete.
    perWorkday: 6,
    // Minutes between one person's calls (reading the answer, using the key), uniform: longer than
    // any cold start, so each call finds the previous one's environment idle, if it is still kept.
    gapMinutes: [1, 10],
  },
  bursts: {
    // Another service (CI, a fleet roll-out) needing keys, at any hour: it is automated.
    perDay: 2,
    // Keys it asks for at once, all concurrently.
    keys: 20,
    // Share of those keys that are imports of public keys it already holds.
    importShare: 0.2,
    // It lists its keys once the creates have returned (a cold create takes well under this).
    listAfterSeconds: 5,
    // It deletes them all, concurrently, when its job is done (uniform).
    deleteAfterMinutes: [30, 120],
    // Share deleted by the id its create returned rather than by name.
    deleteByIdShare: 0.5,
  },
};

/** Working-hours intervals [start, end) in ms, Monday to Friday. */
function workdays(model: TrafficModel): [number, number][] {
  const days = Array.from({ length: model.days }, (_, day) => day).filter((day) => day % 7 < 5);
  return days.map((day) => [day * DAY + model.workdayStartHour * HOUR, day * DAY + model.workdayEndHour * HOUR]);
}

/** Poisson arrivals at perHour within the intervals (exponential gaps; the process is memoryless, so intervals chain). */
function poissonArrivals(random: () => number, perHour: number, intervals: [number, number][]): number[] {
  const times: number[] = [];
  if (perHour <= 0) return times;
  const gap = () => (-Math.log(1 - random()) / perHour) * HOUR;
  for (const [start, end] of intervals) for (let at = start + gap(); at < end; at += gap()) times.push(Math.round(at));
  return times;
}

function pickWeighted(random: () => number, weights: Readonly<Record<Route, number>>): Route {
  const total = ROUTES.reduce((sum, route) => sum + weights[route], 0);
  let left = random() * total;
  return ROUTES.find((route) => (left -= weights[route]) < 0) ?? ROUTES.findLast((route) => weights[route] > 0)!; // rounding
}

/** The requests of `model` over its days, in arrival order (simultaneous ones in the order generated). */
export function generateTrace(seed: number, model: TrafficModel = DEFAULT_TRAFFIC): Trace {
  const random = mulberry32(seed);
  const uniform = ([low, high]: readonly [number, number]) => low + (high - low) * random();
  const allDays: [number, number][] = [[0, model.days * DAY]];
  const requests: Request[] = [];

  const { tools, sessions, bursts } = model;
  for (let tool = 0; tool < tools.count; tool++) {
    for (const atMs of poissonArrivals(random, tools.callsPerHour, tools.allDay ? allDays : workdays(model))) {
      requests.push({ atMs, route: pickWeighted(random, tools.routeWeights), source: "tools" });
    }
  }

  const sessionsPerHour = sessions.perWorkday / (model.workdayEndHour - model.workdayStartHour);
  poissonArrivals(random, sessionsPerHour, workdays(model)).forEach((start, session) => {
    let atMs = start;
    for (const route of ["create", "get", "delete"] as const) {
      requests.push({ atMs, route, source: "sessions", session });
      atMs += Math.round(uniform(sessions.gapMinutes) * MINUTE);
    }
  });

  const imports = Math.round(bursts.keys * bursts.importShare);
  const byId = Math.round(bursts.keys * bursts.deleteByIdShare);
  for (const atMs of poissonArrivals(random, bursts.perDay / 24, allDays)) {
    const deleteAt = atMs + Math.round(uniform(bursts.deleteAfterMinutes) * MINUTE);
    for (let key = 0; key < bursts.keys; key++) requests.push({ atMs, route: key < imports ? "import" : "create", source: "bursts" });
    requests.push({ atMs: atMs + bursts.listAfterSeconds * SECOND, route: "list", source: "bursts" });
    for (let key = 0; key < bursts.keys; key++)
      requests.push({ atMs: deleteAt, route: key < byId ? "deleteById" : "delete", source: "bursts" });
  }
  return requests.sort((a, b) => a.atMs - b.atMs); // stable: simultaneous requests keep their order
}

/** What the simulator needs: a function's cold cost (INIT + first invocation) and a route's warm cost, in ms. */
export interface Costs {
  coldMs(functionName: string, layout: LayoutName): number;
  warmMs(route: Route): number;
}
/** Measured costs, as in .tmp/bench/costs.json. */
export interface MeasuredCosts {
  coldMs: Record<string, number>;
  warmMs: Partial<Record<Route, number>>;
}

/**
 * Costs from measurements. A route's own function (per-route) is keyed by the route's name; a merged
 * function by `<layout>/<function>`, or by its bare name when that is no route's (`read`, `write`,
 * `single`; by-privilege's `delete` needs `by-privilege/delete`). A merged function with no
 * measurement costs as much as its slowest route's own function (`estimated` lists those): a lower
 * bound, since its bundle holds its routes' code together. Throws when a route's own cold or warm cost is missing.
 */
export function costsFrom(measured: MeasuredCosts): Costs & { estimated: string[] } {
  const number = (table: Record<string, unknown> | undefined, key: string) => {
    const value = table?.[key];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
      throw new Error(`costs: ${key} is ${JSON.stringify(value)}, not a number of ms`);
    return value;
  };
  const missing = ROUTES.flatMap((route) => [
    ...(number(measured.coldMs, route) === undefined ? [`coldMs.${route}`] : []),
    ...(number(measured.warmMs, route) === undefined ? [`warmMs.${route}`] : []),
  ]);
  if (missing.length > 0) throw new Error(`costs: missing ${missing.join(", ")}`);

  const measuredCold = (functionName: string, layout: LayoutName, routes: readonly Route[]) =>
    number(measured.coldMs, `${layout}/${functionName}`) ??
    (routes.length === 1 || !isRoute(functionName) ? number(measured.coldMs, functionName) : undefined);
  const estimated = LAYOUT_NAMES.flatMap((layout) =>
    Object.entries(LAYOUTS[layout]).flatMap(([functionName, routes]) =>
      measuredCold(functionName, layout, routes) === undefined ? [`${layout}/${functionName}`] : [],
    ),
  );
  return {
    estimated,
    coldMs(functionName, layout) {
      const routes = LAYOUTS[layout][functionName];
      if (!routes) throw new Error(`layout ${layout} has no function ${functionName}`);
      return measuredCold(functionName, layout, routes) ?? Math.max(...routes.map((route) => measured.coldMs[route]!));
    },
    warmMs: (route) => measured.warmMs[route]!,
  };
}

export interface Outcome {
  request: Request;
  functionName: string;
  cold: boolean;
  /** The environment is busy over [startMs, endMs). */
  startMs: number;
  endMs: number;
  /** Latency a cold start added over a warm call of the same route (0 when warm). */
  addedMs: number;
}

/**
 * Each function has a pool of execution environments. A request takes the most recently used idle
 * environment (as Lambda does) that has not been idle longer than the reclaim window; if there is
 * none, a new environment starts cold. An environment is busy for the request's cold or warm cost.
 */
export function simulate(trace: Trace, layout: LayoutName, reclaimMinutes: number, costs: Costs): Outcome[] {
  const reclaimMs = reclaimMinutes * MINUTE;
  const functionOf = new Map(
    Object.entries(LAYOUTS[layout]).flatMap(([functionName, routes]) => routes.map((route) => [route, functionName] as const)),
  );
  const freeAtByFunction = new Map<string, number[]>(); // per function: when each environment is free again
  let previousMs = -Infinity;
  return trace.map((request) => {
    const { atMs, route } = request;
    if (atMs < previousMs) throw new Error("simulate: the trace is not in arrival order");
    previousMs = atMs;
    const functionName = functionOf.get(route)!;
    const freeAt = (freeAtByFunction.get(functionName) ?? []).filter((free) => atMs - free <= reclaimMs); // busy ones stay
    freeAtByFunction.set(functionName, freeAt);
    let reused = -1;
    freeAt.forEach((free, index) => {
      if (free <= atMs && (reused < 0 || free > freeAt[reused]!)) reused = index;
    });
    const coldMs = costs.coldMs(functionName, layout);
    const warmMs = costs.warmMs(route);
    const cold = reused < 0;
    const endMs = atMs + (cold ? coldMs : warmMs);
    if (cold) freeAt.push(endMs);
    else freeAt[reused] = endMs;
    return { request, functionName, cold, startMs: atMs, endMs, addedMs: cold ? Math.max(0, coldMs - warmMs) : 0 };
  });
}

export interface Summary {
  layout: LayoutName;
  reclaimMinutes: number;
  functions: number;
  requests: number;
  coldStarts: number;
  coldShare: number;
  /** Percentiles of the latency cold starts added, over all requests (so p50 is usually 0). */
  addedMs: { p50: number; p95: number; p99: number };
  /** Out of a session's 3 calls; NaN when the trace has no sessions. */
  coldStartsPerSession: number;
  coldShareBySource: Record<Source, number>;
}

export function summarize(layout: LayoutName, reclaimMinutes: number, outcomes: Outcome[]): Summary {
  const colds = (of: Outcome[]) => of.filter((outcome) => outcome.cold).length;
  const share = (of: Outcome[]) => colds(of) / of.length;
  const added = outcomes.map((outcome) => outcome.addedMs);
  const ofSessions = outcomes.filter((outcome) => outcome.request.session !== undefined);
  return {
    layout,
    reclaimMinutes,
    functions: Object.keys(LAYOUTS[layout]).length,
    requests: outcomes.length,
    coldStarts: colds(outcomes),
    coldShare: share(outcomes),
    addedMs: { p50: percentile(added, 50), p95: percentile(added, 95), p99: percentile(added, 99) },
    coldStartsPerSession: colds(ofSessions) / new Set(ofSessions.map((outcome) => outcome.request.session)).size,
    coldShareBySource: Object.fromEntries(
      SOURCES.map((source) => [source, share(outcomes.filter((outcome) => outcome.request.source === source))]),
    ) as Record<Source, number>,
  };
}

/** Every layout under every reclaim window, on the same trace. */
export function compareLayouts(trace: Trace, costs: Costs, reclaimMinutes: readonly number[] = RECLAIM_MINUTES): Summary[] {
  return reclaimMinutes.flatMap((minutes) =>
    LAYOUT_NAMES.map((layout) => summarize(layout, minutes, simulate(trace, layout, minutes, costs))),
  );
}

export function formatSummaries(summaries: readonly Summary[]): string {
  const percent = (share: number) => (Number.isNaN(share) ? "-" : `${(share * 100).toFixed(1)} %`);
  const ms = (value: number) => value.toFixed(0);
  return formatTable([
    [
      "reclaim",
      "layout",
      "functions",
      "requests",
      "cold starts",
      "cold",
      "added p50 ms",
      "p95 ms",
      "p99 ms",
      "cold per session (of 3)",
      ...SOURCES.map((source) => `cold: ${source}`),
    ],
    ...summaries.map((row) => [
      `${row.reclaimMinutes} min`,
      row.layout,
      String(row.functions),
      String(row.requests),
      String(row.coldStarts),
      percent(row.coldShare),
      ms(row.addedMs.p50),
      ms(row.addedMs.p95),
      ms(row.addedMs.p99),
      Number.isNaN(row.coldStartsPerSession) ? "-" : row.coldStartsPerSession.toFixed(2),
      ...SOURCES.map((source) => percent(row.coldShareBySource[source])),
    ]),
  ]);
}
