// What the team that runs the service watches (serverless.yml `resources`, a block of its own): the
// alarms, routed to an SNS topic (the stage parameter alarmTopicArn; empty: a topic is created), a
// dashboard of the same signals, the sweep's bounded retries and its dead-letter queue, and the IAM
// that tracing and the queue need. Metric names and units come from the metrics table
// (src/lib/platform/metric-table.ts); each alarm names its runbook entry, docs/runbook.md#<its family>.
const naming = require("serverless/lib/plugins/aws/lib/naming.js");
const { FUNCTIONS, ROUTES, SCHEDULED_FUNCTIONS, roleOf, routeKey } = require("./route-table.cjs");
const reservedConcurrency = require("../iam/limits.cjs");
const { METRIC_NAMESPACE, METRICS } = require("./load-ts.cjs")("src/lib/platform/metric-table.ts");

const FIVE_MINUTES = 300;
/** The sweep's asynchronous invocation: retried this often by Lambda, then sent to its dead-letter queue. */
const SWEEP_RETRIES = 2;
/** A function alarms when its concurrency reaches this share of its reservation. */
const CONCURRENCY_SHARE = 0.8;
/** p99 latency per route above this, three 5-minute periods running (a DELETE's usage check makes 8 describes). */
const P99_LATENCY_MS = { default: 3000, delete: 6000 };
/** Throttling answers (each attempt counted) per 5 minutes above which the account's EC2 rates are contended. */
const EC2_THROTTLED_PER_5_MINUTES = 10;
const RUNBOOK = "docs/runbook.md";

/** A checkov check that does not apply to one resource, and why. */
const skipCheck = (id, comment) => ({ checkov: { skip: [{ id, comment }] } });

const truthy = (value, name) => {
  if (value !== "true" && value !== "false") throw new Error(`param ${name} must be "true" or "false" (got "${value}")`);
  return value === "true";
};

/** Lambda's tracing mode (provider.tracing.lambda): Active when the stage parameter tracing is "true". */
const lambdaTracing = async ({ resolveVariable }) =>
  truthy(String(await resolveVariable("param:tracing")), "tracing") ? "Active" : "PassThrough";

const metric = (name) => {
  if (!METRICS[name]) throw new Error(`no metric ${name} in the metrics table`);
  return name;
};

async function resources({ resolveVariable }) {
  const service = `${await resolveVariable("self:service")}-${await resolveVariable("sls:stage")}`;
  const topicArn = String(await resolveVariable("param:alarmTopicArn")).trim();
  const tracing = truthy(String(await resolveVariable("param:tracing")), "tracing");
  const { reservedConcurrency: reserved } = await reservedConcurrency({ resolveVariable });
  const topic = topicArn || { Ref: "AlarmTopic" };
  const functionRef = (name) => ({ Ref: naming.getLambdaLogicalId(name) });
  const Resources = {};

  /** One alarm: `key` is its logical id's stem and its name's suffix; `family` its runbook entry (a heading's anchor). */
  const alarm = (key, family, description, properties) => {
    Resources[`${key}Alarm`] = {
      Type: "AWS::CloudWatch::Alarm",
      Properties: {
        AlarmName: `${service}-${key}`,
        AlarmDescription: `${description} Runbook: ${RUNBOOK}#${family}`,
        AlarmActions: [topic],
        OKActions: [topic],
        Period: FIVE_MINUTES,
        EvaluationPeriods: 1,
        TreatMissingData: "notBreaching",
        ...properties,
      },
    };
  };
  const ours = (name, dimensions = {}) => ({
    Namespace: METRIC_NAMESPACE,
    MetricName: metric(name),
    Dimensions: Object.entries({ Service: service, ...dimensions }).map(([Name, Value]) => ({ Name, Value })),
  });
  const countAbove = (threshold) => ({ Statistic: "Sum", ComparisonOperator: "GreaterThanThreshold", Threshold: threshold });

  alarm("Api5xx", "api5xx", "The HTTP API answered 5xx (a function error, timeout or a 5xx problem).", {
    Namespace: "AWS/ApiGateway",
    MetricName: "5xx",
    Dimensions: [{ Name: "ApiId", Value: { Ref: "HttpApi" } }],
    ...countAbove(0),
  });
  for (const route of ROUTES) {
    const stem = naming.getHttpApiRouteLogicalId(routeKey(route)).replace(/^HttpApiRoute/, "");
    alarm(`LatencyP99${stem}`, "latencyp99", `p99 latency of ${routeKey(route)} is high.`, {
      ...ours("Latency", { Route: routeKey(route) }),
      ExtendedStatistic: "p99",
      ComparisonOperator: "GreaterThanThreshold",
      Threshold: route.throttle === "delete" ? P99_LATENCY_MS.delete : P99_LATENCY_MS.default,
      EvaluationPeriods: 3,
    });
  }
  const functions = [...Object.keys(FUNCTIONS), ...Object.keys(SCHEDULED_FUNCTIONS)];
  for (const name of functions) {
    const Key = `${name[0].toUpperCase()}${name.slice(1)}`;
    const lambda = (metricName) => ({
      Namespace: "AWS/Lambda",
      MetricName: metricName,
      Dimensions: [{ Name: "FunctionName", Value: functionRef(name) }],
    });
    alarm(`${Key}Errors`, "errors", `The function ${name} failed invocations (a crash or a timeout, not a problem answer).`, {
      ...lambda("Errors"),
      ...countAbove(0),
    });
    alarm(`${Key}Throttles`, "throttles", `Lambda throttled invocations of ${name}: its concurrency is exhausted.`, {
      ...lambda("Throttles"),
      ...countAbove(0),
    });
    if (reserved && FUNCTIONS[name]) {
      alarm(`${Key}Concurrency`, "concurrency", `${name} is near its reserved concurrency (${reserved}).`, {
        ...lambda("ConcurrentExecutions"),
        Statistic: "Maximum",
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        Threshold: Math.ceil(reserved * CONCURRENCY_SHARE),
      });
    }
  }
  alarm("EscrowFailures", "escrowfailures", "A create could not escrow its private key.", { ...ours("EscrowFailures"), ...countAbove(0) });
  alarm("EventsUnpublished", "eventsunpublished", "A change was not published to EventBridge (its log line is the record).", {
    ...ours("EventsUnpublished"),
    ...countAbove(0),
  });
  alarm("SweepErrors", "sweeperrors", "A sweep run reported failures.", { ...ours("SweepErrors"), ...countAbove(0) });
  alarm("SweepDeadLetters", "sweepdeadletters", "A sweep invocation failed every retry and is in the dead-letter queue.", {
    Namespace: "AWS/SQS",
    MetricName: "ApproximateNumberOfMessagesVisible",
    Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": ["SweepDeadLetterQueue", "QueueName"] } }],
    Statistic: "Maximum",
    ComparisonOperator: "GreaterThanThreshold",
    Threshold: 0,
  });
  alarm("Ec2Throttled", "ec2throttled", "EC2 or Auto Scaling throttled the service's calls above the expected rate.", {
    ...ours("Ec2Throttled"),
    ...countAbove(EC2_THROTTLED_PER_5_MINUTES),
  });

  if (!topicArn) {
    Resources.AlarmTopic = {
      Type: "AWS::SNS::Topic",
      Properties: { DisplayName: `${service} alarms` },
      Metadata: skipCheck(
        "CKV_AWS_26",
        "Notifications hold alarm names and states only; CloudWatch cannot publish to a topic under the AWS managed key " +
          "(its key policy admits no service), and a key of our own would be upkeep for no data at risk.",
      ),
    };
  }

  // The sweep runs asynchronously (its schedule): bounded retries, then the dead-letter queue.
  const sweep = Object.keys(SCHEDULED_FUNCTIONS)[0];
  Resources.SweepDeadLetterQueue = {
    Type: "AWS::SQS::Queue",
    Properties: { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true },
    Metadata: skipCheck("CKV_AWS_27", "Encrypted at rest by SQS-managed keys (SqsManagedSseEnabled), which the check does not recognise."),
  };
  Resources.SweepInvokeConfig = {
    Type: "AWS::Lambda::EventInvokeConfig",
    Properties: {
      FunctionName: functionRef(sweep),
      Qualifier: "$LATEST",
      MaximumRetryAttempts: SWEEP_RETRIES,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": ["SweepDeadLetterQueue", "Arn"] } } },
    },
  };
  // Lambda sends the failed event with the function's own role.
  Resources.SweepDeadLetterPolicy = {
    Type: "AWS::IAM::Policy",
    Properties: {
      PolicyName: "sweep-dead-letters",
      Roles: [{ Ref: roleOf(sweep) }],
      PolicyDocument: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: { "Fn::GetAtt": ["SweepDeadLetterQueue", "Arn"] } }],
      },
    },
  };
  if (tracing) {
    // X-Ray's write actions have no resource-level permissions.
    Resources.TracingPolicy = {
      Type: "AWS::IAM::Policy",
      Properties: {
        PolicyName: "xray-write",
        Roles: functions.map((name) => ({ Ref: roleOf(name) })),
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" }],
        },
      },
    };
  }
  Resources.Dashboard = dashboard(service, functions, functionRef);
  return { Resources };
}

/** A CloudWatch dashboard of the alarms' signals: the API, per-route latency and outcomes, each function, the business metrics. */
function dashboard(service, functions, functionRef) {
  const variables = { ApiId: { Ref: "HttpApi" }, DeadLetterQueue: { "Fn::GetAtt": ["SweepDeadLetterQueue", "QueueName"] } };
  functions.forEach((name, index) => {
    variables[`Function${index}`] = functionRef(name);
  });
  const ns = METRIC_NAMESPACE;
  const graph = (title, metrics, extra = {}) => ({
    type: "metric",
    width: 12,
    height: 6,
    properties: { title, region: "${AWS::Region}", period: FIVE_MINUTES, stat: "Sum", view: "timeSeries", metrics, ...extra },
  });
  const lambda = (metricName, stat) =>
    functions.map((name, index) => ["AWS/Lambda", metricName, "FunctionName", `\${Function${index}}`, { stat, label: name }]);
  const widgets = [
    graph("API: requests, 4xx, 5xx", [
      ["AWS/ApiGateway", "Count", "ApiId", "${ApiId}"],
      [".", "4xx", ".", "."],
      [".", "5xx", ".", "."],
    ]),
    graph(
      "p99 latency per route (ms)",
      ROUTES.map((route) => [ns, metric("Latency"), "Service", service, "Route", routeKey(route), { label: routeKey(route) }]),
      { stat: "p99" },
    ),
    graph("Requests by route, outcome and problem kind", [
      [
        {
          expression: `SEARCH('{${ns},Service,Route,Outcome,ProblemKind} MetricName="Requests" Service="${service}"', 'Sum', ${FIVE_MINUTES})`,
          label: "",
        },
      ],
    ]),
    graph("Lambda errors", lambda("Errors", "Sum")),
    graph("Lambda throttles", lambda("Throttles", "Sum")),
    graph("Lambda concurrency (max)", lambda("ConcurrentExecutions", "Maximum")),
    graph(
      "Cold starts",
      functions.map((name) => [
        ns,
        metric("ColdStart"),
        "Service",
        service,
        "FunctionName",
        `\${Function${functions.indexOf(name)}}`,
        { label: name },
      ]),
    ),
    graph(
      "Keys",
      ["KeysCreated", "KeysImported", "KeysDeleted", "KeysExpired", "KeyTagsChanged", "KeyExpiryChanged", "DeletesRefusedInUse"].map(
        (name) => [ns, metric(name), "Service", service],
      ),
    ),
    graph(
      "Failures that alarm",
      ["EscrowFailures", "EventsUnpublished", "UsageCheckIncomplete", "Ec2Throttled", "SweepErrors"].map((name) => [
        ns,
        metric(name),
        "Service",
        service,
      ]),
    ),
    graph("Sweep: deleted, dead letters", [
      [ns, metric("SweepDeleted"), "Service", service],
      ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "${DeadLetterQueue}", { stat: "Maximum" }],
    ]),
  ];
  return {
    Type: "AWS::CloudWatch::Dashboard",
    Properties: {
      DashboardName: service,
      DashboardBody: { "Fn::Sub": [JSON.stringify({ widgets }), variables] },
    },
  };
}

module.exports = { resources, lambdaTracing };
