/**
 * The CloudWatch embedded metric format's rules a record must follow (the specification's
 * "Specification" section): what is wrong with a record, nothing for a valid one.
 */
const UNITS = new Set([
  "Seconds",
  "Microseconds",
  "Milliseconds",
  "Bytes",
  "Kilobytes",
  "Megabytes",
  "Gigabytes",
  "Terabytes",
  "Bits",
  "Kilobits",
  "Megabits",
  "Gigabits",
  "Terabits",
  "Percent",
  "Count",
  "Bytes/Second",
  "Kilobytes/Second",
  "Megabytes/Second",
  "Gigabytes/Second",
  "Terabytes/Second",
  "Bits/Second",
  "Kilobits/Second",
  "Megabits/Second",
  "Gigabits/Second",
  "Terabits/Second",
  "Count/Second",
  "None",
]);

interface Directive {
  Namespace?: unknown;
  Dimensions?: unknown;
  Metrics?: { Name?: unknown; Unit?: unknown }[];
}

export function emfViolations(record: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const aws = record._aws as { Timestamp?: unknown; CloudWatchMetrics?: Directive[] } | undefined;
  if (typeof aws !== "object" || aws === null) return ["no _aws object"];
  if (!Number.isInteger(aws.Timestamp) || (aws.Timestamp as number) < 0)
    problems.push("_aws.Timestamp is not milliseconds since the epoch");
  if (!Array.isArray(aws.CloudWatchMetrics)) return [...problems, "_aws.CloudWatchMetrics is not an array"];
  for (const directive of aws.CloudWatchMetrics) {
    if (typeof directive.Namespace !== "string" || directive.Namespace.length < 1 || directive.Namespace.length > 255) {
      problems.push("a Namespace is not a string of 1-255 characters");
    }
    if (!Array.isArray(directive.Dimensions)) problems.push("Dimensions is not an array");
    for (const set of (directive.Dimensions as unknown[]) ?? []) {
      if (!Array.isArray(set) || set.length > 30) problems.push("a dimension set is not an array of at most 30 names");
      for (const name of set as unknown[]) {
        if (typeof record[name as string] !== "string") problems.push(`dimension ${String(name)} has no string value`);
      }
    }
    if (!Array.isArray(directive.Metrics) || directive.Metrics.length > 100) problems.push("Metrics is not an array of at most 100");
    for (const metric of directive.Metrics ?? []) {
      if (typeof metric.Name !== "string" || metric.Name.length < 1 || metric.Name.length > 1024) problems.push("a metric has no Name");
      if (metric.Unit !== undefined && !UNITS.has(metric.Unit as string))
        problems.push(`metric ${String(metric.Name)} has unit ${String(metric.Unit)}`);
      const value = record[metric.Name as string];
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0 || !values.every((one) => typeof one === "number" && Number.isFinite(one))) {
        problems.push(`metric ${String(metric.Name)} has no numeric value`);
      }
    }
  }
  return problems;
}
