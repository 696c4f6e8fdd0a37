/**
 * Metrics as CloudWatch embedded metric format (EMF): each invocation's one record is a log line
 * the logger already writes (the access line, the sweep's summary), with the `_aws` metadata and the
 * values as top-level members. The table of names and units is metric-table.ts. Counts made during
 * an invocation (escrow failures, throttling...) are kept for it and written with its record.
 * Written by hand rather than by Powertools Metrics: docs/decisions/0031-operability.md.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import {
  type CountedMetric,
  DIMENSION_SETS,
  type Dimension,
  type DimensionSet,
  METRIC_NAMESPACE,
  METRICS,
  type MetricName,
} from "./metric-table.js";

/** The Service dimension: the service and its stage (serverless.yml sets it), so that stages never mix. */
export const METRICS_SERVICE = process.env.METRICS_SERVICE || "ec2-keypairs-api";

const counted = new AsyncLocalStorage<Partial<Record<CountedMetric, number>>>();

/** Runs one invocation with its own counts. */
export const withMetrics = <T>(run: () => Promise<T>): Promise<T> => counted.run({}, run);

/** Adds to a count of the current invocation (outside one, e.g. during INIT, nothing is counted). */
export function countMetric(name: CountedMetric, value = 1): void {
  const counts = counted.getStore();
  if (counts) counts[name] = (counts[name] ?? 0) + value;
}

/** What the current invocation counted so far. */
export const countedMetrics = (): Partial<Record<CountedMetric, number>> => ({ ...counted.getStore() });

/**
 * The members that make a log line one EMF record: one directive per dimension set in use, each
 * dimension's value and each metric's value at the top level. `dimensions` must name every dimension
 * of the sets the values use.
 */
export function emfFields(
  dimensions: Partial<Record<Exclude<Dimension, "Service">, string>>,
  values: Partial<Record<MetricName, number>>,
  timestamp = Date.now(),
): Record<string, unknown> {
  const written = (Object.entries(values) as [MetricName, number | undefined][]).filter(
    (entry): entry is [MetricName, number] => entry[1] !== undefined,
  );
  const bySet = new Map<DimensionSet, { Name: MetricName; Unit: string }[]>();
  for (const [name] of written) {
    const { dimensions: set, unit } = METRICS[name];
    bySet.set(set, [...(bySet.get(set) ?? []), { Name: name, Unit: unit }]);
  }
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [...bySet].map(([set, metrics]) => ({
        Namespace: METRIC_NAMESPACE,
        Dimensions: DIMENSION_SETS[set],
        Metrics: metrics,
      })),
    },
    Service: METRICS_SERVICE,
    ...dimensions,
    ...Object.fromEntries(written),
  };
}
