/**
 * The metrics table: every metric the service writes (CloudWatch embedded metric format, one record
 * per invocation: src/lib/platform/metrics.ts), its unit, its dimensions and (its comment) what it counts. The
 * alarms and the dashboard (deploy/monitoring.cjs) and the runbook (docs/runbook.md) name these.
 * Plain data, no imports: deploy-time resolvers load it too. Dimensions are bounded: a route key,
 * an outcome class, a problem kind, a function name; never a key name, a region or an account id.
 */

export const METRIC_NAMESPACE = "Ec2KeyPairsApi";

/** The dimension sets a metric is written under (EMF: each metric once per set). */
export const DIMENSION_SETS = {
  /** Per route, and per route, outcome class (2xx/4xx/5xx) and problem kind ("none" for a success). */
  request: [
    ["Service", "Route"],
    ["Service", "Route", "Outcome", "ProblemKind"],
  ],
  /** Per Lambda function. */
  function: [["Service", "FunctionName"]],
  /** The whole service: what the business alarms watch. */
  service: [["Service"]],
} as const;

export type DimensionSet = keyof typeof DIMENSION_SETS;
export type Dimension = (typeof DIMENSION_SETS)[DimensionSet][number][number];

export const METRICS = {
  /** Requests answered (1 per request). */
  Requests: { unit: "Count", dimensions: "request" },
  /** The function's time for a request, from the access middleware. */
  Latency: { unit: "Milliseconds", dimensions: "request" },
  /** 1 for an invocation that followed an INIT, else 0. */
  ColdStart: { unit: "Count", dimensions: "function" },
  /** Key pairs created. */
  KeysCreated: { unit: "Count", dimensions: "service" },
  /** Key pairs imported. */
  KeysImported: { unit: "Count", dimensions: "service" },
  /** Key pairs deleted by a caller. */
  KeysDeleted: { unit: "Count", dimensions: "service" },
  /** Key pairs deleted by the sweep on expiry. */
  KeysExpired: { unit: "Count", dimensions: "service" },
  /** Key pairs whose tags a caller changed (PATCH .../tags). */
  KeyTagsChanged: { unit: "Count", dimensions: "service" },
  /** Key pairs whose expiry a caller set or cleared (PUT or DELETE .../expiry). */
  KeyExpiryChanged: { unit: "Count", dimensions: "service" },
  /** Creates whose private key could not be escrowed. */
  EscrowFailures: { unit: "Count", dimensions: "service" },
  /** Changes EventBridge did not take (their "key pair event" line has published: false). */
  EventsUnpublished: { unit: "Count", dimensions: "service" },
  /** Usage checks that could not be completed. */
  UsageCheckIncomplete: { unit: "Count", dimensions: "service" },
  /** Deletes refused because something names the key (key-in-use). */
  DeletesRefusedInUse: { unit: "Count", dimensions: "service" },
  /** Throttling answers of EC2 or Auto Scaling, each attempt the SDK retried included. */
  Ec2Throttled: { unit: "Count", dimensions: "service" },
  /** Expired key pairs and orphaned escrowed private keys the sweep deleted. */
  SweepDeleted: { unit: "Count", dimensions: "service" },
  /** Failures a sweep run reported (per key or per region). */
  SweepErrors: { unit: "Count", dimensions: "service" },
} as const satisfies Record<string, { unit: "Count" | "Milliseconds"; dimensions: DimensionSet }>;

export type MetricName = keyof typeof METRICS;
/** The metrics counted as they happen during an invocation (the others are written by the access line itself). */
export type CountedMetric = { [N in MetricName]: (typeof METRICS)[N]["dimensions"] extends "service" ? N : never }[MetricName];
