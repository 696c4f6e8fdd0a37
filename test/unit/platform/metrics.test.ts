/** EMF records (src/lib/platform/metrics.ts), the per-invocation counts, and Ec2Throttled inside the SDK's retries. */
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { jest } from "@jest/globals";
import { countingThrottles } from "../../../src/lib/aws/clients.js";
import { JsonLogger } from "../../../src/lib/platform/logger.js";
import { DIMENSION_SETS, METRIC_NAMESPACE, METRICS } from "../../../src/lib/platform/metric-table.js";
import { countedMetrics, countMetric, emfFields } from "../../../src/lib/platform/metrics.js";
import { emfViolations } from "../../support/emf.js";
import { lambdaContext } from "../../support/lambda.js";

const DIMENSIONS = { Route: "GET /keypairs/{name}", Outcome: "4xx", ProblemKind: "not-found", FunctionName: "fn" };

test("a record with every metric of the table is valid EMF: each metric once, under its table's unit and dimension sets", () => {
  const values = Object.fromEntries(Object.keys(METRICS).map((name, index) => [name, index]));
  const record = emfFields(DIMENSIONS, values, 1_700_000_000_000);
  expect(emfViolations(record)).toEqual([]);
  const directives = (
    record._aws as { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] }
  ).CloudWatchMetrics;
  const written = directives.flatMap((directive) =>
    directive.Metrics.map((metric) => ({ ...metric, Namespace: directive.Namespace, Dimensions: directive.Dimensions })),
  );
  expect(written.map((metric) => metric.Name).sort()).toEqual(Object.keys(METRICS).sort());
  for (const metric of written) {
    const row = METRICS[metric.Name as keyof typeof METRICS];
    expect(metric).toEqual({ Name: metric.Name, Unit: row.unit, Namespace: METRIC_NAMESPACE, Dimensions: DIMENSION_SETS[row.dimensions] });
    expect(record[metric.Name]).toBe(values[metric.Name]);
  }
  expect(record).toMatchObject({ Service: "ec2-keypairs-api", ...DIMENSIONS });
});

test("only the metrics given are written, and only their dimension sets", () => {
  const record = emfFields({ FunctionName: "sweep" }, { SweepErrors: 2, ColdStart: 0, KeysCreated: undefined });
  expect(emfViolations(record)).toEqual([]);
  expect((record._aws as { CloudWatchMetrics: { Dimensions: unknown }[] }).CloudWatchMetrics.map((d) => d.Dimensions)).toEqual([
    DIMENSION_SETS.service,
    DIMENSION_SETS.function,
  ]);
  expect(record).not.toHaveProperty("KeysCreated");
});

test("a record whose dimension has no value, or whose metric is not a number, is caught by the EMF check", () => {
  expect(emfViolations(emfFields({ FunctionName: "f" }, { Latency: 3 }))).toEqual([
    "dimension Route has no string value",
    "dimension Route has no string value",
    "dimension Outcome has no string value",
    "dimension ProblemKind has no string value",
  ]);
  expect(emfViolations({ ...emfFields(DIMENSIONS, { Requests: 1 }), Requests: "1" })).toEqual(["metric Requests has no numeric value"]);
});

test("counts belong to their invocation: concurrent invocations never see each other's; outside one nothing is counted", async () => {
  const logger = new JsonLogger("svc", "SILENT");
  countMetric("EscrowFailures");
  const run = (id: string, times: number) =>
    logger.withRequest({ ...lambdaContext(), awsRequestId: id }, async () => {
      for (let i = 0; i < times; i++) {
        countMetric("Ec2Throttled");
        await new Promise((resolve) => setImmediate(resolve));
      }
      return countedMetrics();
    });
  expect(await Promise.all([run("a", 3), run("b", 1)])).toEqual([{ Ec2Throttled: 3 }, { Ec2Throttled: 1 }]);
  expect(countedMetrics()).toEqual({});
});

test("Ec2Throttled counts every throttling answer, the attempts the SDK retried included", async () => {
  const throttled = `<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r</RequestID></Response>`;
  const ok = `<DescribeKeyPairsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><keySet/></DescribeKeyPairsResponse>`;
  const answers = [throttled, throttled, ok];
  const handle = jest.fn(async () => {
    const body = answers.shift()!;
    return { response: { statusCode: body === ok ? 200 : 503, headers: { "content-type": "text/xml" }, body: Buffer.from(body) } };
  });
  const client = countingThrottles(
    new EC2Client({
      region: "eu-west-1",
      maxAttempts: 3,
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
      requestHandler: { handle },
    }),
  );
  const logger = new JsonLogger("svc", "SILENT");
  const counted = await logger.withRequest(lambdaContext(), async () => {
    await client.send(new DescribeKeyPairsCommand({}));
    return countedMetrics();
  });
  expect(handle).toHaveBeenCalledTimes(3);
  expect(counted).toEqual({ Ec2Throttled: 2 });
});
