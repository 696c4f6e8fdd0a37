/**
 * The operability resources of the packaged template (deploy/monitoring.cjs): every alarm with its
 * metric, threshold and action, the dashboard, the sweep's retries and dead-letter queue, tracing.
 * Packaged as a stage deploys it by default, and with an alarm topic given and tracing on.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { ROOT } from "../../scripts/local-stack.js";
import { METRIC_NAMESPACE } from "../../src/lib/platform/metric-table.js";
import { routeKey, SHADOWED_ROUTES } from "../../src/lib/routes.js";

const SERVICE = "ec2-keypairs-api-ci";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:operations";

const CENTRAL_RECORD = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

/** The template and a function's code (its bundle and its chunks: every file of its zip), packaged with these stage parameters. */
function packageStack(params: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "keypairs-monitoring-"));
  try {
    execFileSync(
      `${ROOT}/node_modules/.bin/node`,
      [`${ROOT}/node_modules/osls/bin/serverless.js`, "package", "--stage", "ci", "--package", dir, ...params.map((p) => `--param=${p}`)],
      { cwd: ROOT, env: { ...process.env, SLS_TELEMETRY_DISABLED: "1" }, stdio: "ignore" },
    );
    const bundle = (name: string) => {
      const zip = readFileSync(join(dir, `${name}.zip`));
      const files: string[] = [];
      // Each entry through its central directory record (sizes there are always right).
      for (let central = zip.indexOf(CENTRAL_RECORD); central !== -1; central = zip.indexOf(CENTRAL_RECORD, central + 46)) {
        const [method, size, local] = [zip.readUInt16LE(central + 10), zip.readUInt32LE(central + 20), zip.readUInt32LE(central + 42)];
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + size);
        files.push((method === 8 ? inflateRawSync(data) : data).toString("utf8"));
      }
      return files.join("\n");
    };
    return {
      template: JSON.parse(readFileSync(join(dir, "cloudformation-template-update-stack.json"), "utf8")),
      read: bundle("readKeyPairs"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let byDefault: ReturnType<typeof packageStack>;
let configured: ReturnType<typeof packageStack>;
beforeAll(() => {
  byDefault = packageStack([]);
  configured = packageStack([`alarmTopicArn=${TOPIC}`, "tracing=true"]);
}, 300_000);

const ROUTE_STEMS = {
  GetKeypairs: 3000,
  PostKeypairs: 3000,
  PostKeypairsImport: 3000,
  GetKeypairsNameVar: 3000,
  DeleteKeypairsNameVar: 6000,
  GetKeypairsByDashidKeypairidVar: 3000,
  DeleteKeypairsByDashidKeypairidVar: 6000,
  PatchKeypairsNameVarTags: 3000,
  PatchKeypairsByDashidKeypairidVarTags: 3000,
  PutKeypairsNameVarExpiry: 3000,
  PutKeypairsByDashidKeypairidVarExpiry: 3000,
  DeleteKeypairsNameVarExpiry: 3000,
  DeleteKeypairsByDashidKeypairidVarExpiry: 3000,
  GetOpenapijson: 3000,
  GetDocs: 3000,
  GetProblemsTypeVar: 3000,
  GetKeypairsReport: 3000,
  PostKeypairsCleanup: 6000,
};
const API_FUNCTIONS = ["ReadKeyPairs", "CreateKeyPairs", "DeleteKeyPairs", "ApiDocs", "MethodNotAllowed"];
const ours = (metric: string, dimensions: Record<string, unknown> = {}) => ({
  Namespace: METRIC_NAMESPACE,
  MetricName: metric,
  Dimensions: Object.entries({ Service: SERVICE, ...dimensions }).map(([Name, Value]) => ({ Name, Value })),
});
const lambda = (metric: string, fn: string) => ({
  Namespace: "AWS/Lambda",
  MetricName: metric,
  Dimensions: [{ Name: "FunctionName", Value: { Ref: `${fn}LambdaFunction` } }],
});
const sumAbove = (Threshold: number) => ({ Statistic: "Sum", ComparisonOperator: "GreaterThanThreshold", Threshold, EvaluationPeriods: 1 });

/** Every alarm: what it watches and when it fires (written here, apart from deploy/monitoring.cjs). */
const EXPECTED: Record<string, Record<string, unknown>> = {
  Api5xx: { Namespace: "AWS/ApiGateway", MetricName: "5xx", Dimensions: [{ Name: "ApiId", Value: { Ref: "HttpApi" } }], ...sumAbove(0) },
  ...Object.fromEntries(
    Object.entries(ROUTE_STEMS).map(([stem, threshold]) => [
      `LatencyP99${stem}`,
      {
        ...ours("Latency", { Route: expect.any(String) }),
        ExtendedStatistic: "p99",
        ComparisonOperator: "GreaterThanThreshold",
        Threshold: threshold,
        EvaluationPeriods: 3,
      },
    ]),
  ),
  ...Object.fromEntries(
    [...API_FUNCTIONS, "SweepKeyPairs"].flatMap((fn) => [
      [`${fn}Errors`, { ...lambda("Errors", fn), ...sumAbove(0) }],
      [`${fn}Throttles`, { ...lambda("Throttles", fn), ...sumAbove(0) }],
    ]),
  ),
  // 80 % of the default reservedConcurrency of 10.
  ...Object.fromEntries(
    API_FUNCTIONS.map((fn) => [
      `${fn}Concurrency`,
      { ...lambda("ConcurrentExecutions", fn), Statistic: "Maximum", ComparisonOperator: "GreaterThanOrEqualToThreshold", Threshold: 8 },
    ]),
  ),
  EscrowFailures: { ...ours("EscrowFailures"), ...sumAbove(0) },
  EventsUnpublished: { ...ours("EventsUnpublished"), ...sumAbove(0) },
  SweepErrors: { ...ours("SweepErrors"), ...sumAbove(0) },
  SweepDeadLetters: {
    Namespace: "AWS/SQS",
    MetricName: "ApproximateNumberOfMessagesVisible",
    Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": ["SweepDeadLetterQueue", "QueueName"] } }],
    Statistic: "Maximum",
    ComparisonOperator: "GreaterThanThreshold",
    Threshold: 0,
  },
  Ec2Throttled: { ...ours("Ec2Throttled"), ...sumAbove(10) },
};

const alarmsOf = (template: any) =>
  Object.fromEntries(
    Object.entries<any>(template.Resources)
      .filter(([, resource]) => resource.Type === "AWS::CloudWatch::Alarm")
      .map(([id, resource]) => [id.replace(/Alarm$/, ""), resource.Properties]),
  );

test("every alarm, and only these: its metric, statistic, threshold, period; each notifies the created topic", () => {
  const alarms = alarmsOf(byDefault.template);
  expect(Object.keys(alarms).sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const [key, expected] of Object.entries(EXPECTED)) {
    expect({ key, ...alarms[key] }).toEqual({
      key,
      AlarmName: `${SERVICE}-${key}`,
      AlarmDescription: expect.stringMatching(/ Runbook: docs\/runbook\.md#[a-z0-9]+$/),
      AlarmActions: [{ Ref: "AlarmTopic" }],
      OKActions: [{ Ref: "AlarmTopic" }],
      Period: 300,
      EvaluationPeriods: 1,
      TreatMissingData: "notBreaching",
      ...expected,
    });
  }
  expect(byDefault.template.Resources.AlarmTopic.Type).toBe("AWS::SNS::Topic");
});

test("a p99 latency alarm per route of the table; every alarm's runbook entry exists", () => {
  const alarms = alarmsOf(byDefault.template);
  const runbook = readFileSync(`${ROOT}/docs/runbook.md`, "utf8");
  for (const alarm of Object.values<any>(alarms)) {
    const anchor = /#([a-z0-9]+)$/.exec(alarm.AlarmDescription)![1];
    expect(runbook).toContain(`\n## ${anchor}\n`);
  }
  const routes = Object.values<any>(alarms)
    .filter((alarm) => alarm.MetricName === "Latency")
    .map((alarm) => alarm.Dimensions[1].Value)
    .sort();
  expect(routes).toEqual(
    Object.values<any>(byDefault.template.Resources)
      .filter((resource) => resource.Type === "AWS::ApiGatewayV2::Route" && !resource.Properties.RouteKey.startsWith("ANY "))
      .map((route) => route.Properties.RouteKey)
      // The 405s of shadowed paths (a key named import, cleanup, report) are the 405 function's: no route alarm.
      .filter((key: string) => !SHADOWED_ROUTES.map(routeKey).includes(key))
      .sort(),
  );
});

test("alarmTopicArn given: every alarm notifies it and no topic is created", () => {
  for (const alarm of Object.values<any>(alarmsOf(configured.template))) {
    expect([alarm.AlarmActions, alarm.OKActions]).toEqual([[TOPIC], [TOPIC]]);
  }
  expect(configured.template.Resources.AlarmTopic).toBeUndefined();
});

test("the sweep: 2 retries, then its dead-letter queue (encrypted, 14 days), which its role may send to", () => {
  const { Resources } = byDefault.template;
  expect(Resources.SweepInvokeConfig.Properties).toEqual({
    FunctionName: { Ref: "SweepKeyPairsLambdaFunction" },
    Qualifier: "$LATEST",
    MaximumRetryAttempts: 2,
    MaximumEventAgeInSeconds: 3600,
    DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": ["SweepDeadLetterQueue", "Arn"] } } },
  });
  expect(Resources.SweepDeadLetterQueue.Properties).toEqual({ MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
  expect(Resources.SweepDeadLetterPolicy.Properties).toMatchObject({
    Roles: [{ Ref: "SweepKeyPairsRole" }],
    PolicyDocument: {
      Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: { "Fn::GetAtt": ["SweepDeadLetterQueue", "Arn"] } }],
    },
  });
});

test("the dashboard: valid JSON once substituted, showing every alarm's metric", () => {
  const [body, variables] = byDefault.template.Resources.Dashboard.Properties.DashboardBody["Fn::Sub"];
  const substituted = body.replace(/\$\{([\w:]+)\}/g, (_: string, name: string) => {
    if (name === "AWS::Region") return "us-east-1";
    expect(variables).toHaveProperty(name);
    return name;
  });
  const metrics = JSON.stringify(JSON.parse(substituted).widgets.map((widget: any) => widget.properties.metrics));
  for (const alarm of Object.values<any>(alarmsOf(byDefault.template))) expect(metrics).toContain(`"${alarm.MetricName}"`);
});

test("tracing: off by default (PassThrough, no X-Ray SDK in the bundles); tracing=true: Active, the SDK bundled, the roles may write traces", () => {
  const modes = (template: any) =>
    Object.values<any>(template.Resources)
      .filter((resource) => resource.Type === "AWS::Lambda::Function")
      .map((fn) => fn.Properties.TracingConfig.Mode);
  expect(new Set(modes(byDefault.template))).toEqual(new Set(["PassThrough"]));
  expect(new Set(modes(configured.template))).toEqual(new Set(["Active"]));
  expect(byDefault.read).not.toContain("captureAWSv3Client");
  expect(configured.read).toContain("captureAWSv3Client");
  expect(byDefault.template.Resources.TracingPolicy).toBeUndefined();
  expect(configured.template.Resources.TracingPolicy.Properties.PolicyDocument.Statement).toEqual([
    { Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" },
  ]);
});

test("the metrics' Service dimension is the stage's (METRICS_SERVICE), the one the alarms watch", () => {
  for (const fn of Object.values<any>(byDefault.template.Resources).filter((resource) => resource.Type === "AWS::Lambda::Function")) {
    expect(fn.Properties.Environment.Variables.METRICS_SERVICE).toBe(SERVICE);
  }
});
