/** Checks the CloudFormation template that `serverless package` produces (offline, no AWS account). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { initGraph } from "../../bench/artifacts.js";
import { ROOT } from "../../scripts/local-stack.js";
import { METHODS_BY_PATH, ROUTES, routeKey, SHADOWED_ROUTES } from "../../src/lib/routes.js";

/** Runs `serverless package`; returns its output and the template it wrote to `dir`. */
function packageStack(dir: string, params: string[] = []) {
  const args = [
    `${ROOT}/node_modules/osls/bin/serverless.js`,
    "package",
    "--stage",
    "ci",
    "--package",
    dir,
    ...params.map((param) => `--param=${param}`),
  ];
  const output = execFileSync(`${ROOT}/node_modules/.bin/node`, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, SLS_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { output, template: JSON.parse(readFileSync(join(dir, "cloudformation-template-update-stack.json"), "utf8")) };
}

// The stage parameters' defaults (serverless.yml `params.default`).
const DEFAULTS = {
  throttleRateLimit: 1,
  throttleBurstLimit: 5,
  deleteThrottleRateLimit: 0.5,
  deleteThrottleBurstLimit: 2,
  reservedConcurrency: 10,
};
const TRUSTED = ["111122223333", "arn:aws:iam::444455556666:role/team/key-requester"];
const EXTERNAL_ID = "contract-test-external-id";
const ESCROW_KMS_KEY = "mrk-0123456789abcdef0123456789abcdef";
const CORS_ORIGINS = ["https://tools.example.com", "http://localhost:8080"];

let template: any;
let packageOutput: string;
// Also packaged with an invoker role and an escrow KMS key configured, into a temporary directory and first: every
// package run empties .serverless/, where the default template must stay for cfn-lint and checkov.
let invokerTemplate: any;
let invokerPackageOutput: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "keypairs-invoker-"));
  try {
    // ...and with an escrow KMS key and public docs (docsAuthorization=NONE).
    ({ output: invokerPackageOutput, template: invokerTemplate } = packageStack(dir, [
      `invokerTrustedPrincipals=${TRUSTED.join(",")}`,
      `invokerExternalId=${EXTERNAL_ID}`,
      `escrowKmsKeyId=${ESCROW_KMS_KEY}`,
      "docsAuthorization=NONE",
      `corsAllowedOrigins=${CORS_ORIGINS.join(",")}`,
    ]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  ({ output: packageOutput, template } = packageStack(`${ROOT}/.serverless`));
}, 240_000);

/** A zip's files and their sizes, from its central directory (serverless-esbuild writes no zip64 or archive comment). */
function zipEntries(file: string): Record<string, number> {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries: Record<string, number> = {};
  for (let at = zip.readUInt32LE(end + 16), left = zip.readUInt16LE(end + 10); left > 0; left -= 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries[zip.toString("utf8", at + 46, at + 46 + nameLength)] = zip.readUInt32LE(at + 24);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Describes without resource-level permissions: granted on "*" (DescribeKeyPairs, and the usage checks'). */
const READ_ONLY_DESCRIBES = [
  "ec2:DescribeKeyPairs",
  "ec2:DescribeInstances",
  "ec2:DescribeLaunchTemplates",
  "ec2:DescribeLaunchTemplateVersions",
  "ec2:DescribeSpotInstanceRequests",
  "ec2:DescribeSpotFleetRequests",
  "ec2:DescribeFleets",
];

const resources = (type: string, from: any = template) =>
  Object.entries<any>(from.Resources).filter(([, resource]) => resource.Type === type);

describe("packaged template", () => {
  test("packages with no configuration warnings", () => {
    expect(packageOutput).not.toMatch(/warning/i);
    expect(invokerPackageOutput).not.toMatch(/warning/i);
  });

  test("every HTTP API route requires AWS_IAM authorization", () => {
    const routes = resources("AWS::ApiGatewayV2::Route");
    // Each route, a 405 catch-all per path, and the 405 routes of the methods a parameter route would take from a literal path.
    expect(routes).toHaveLength(ROUTES.length + Object.keys(METHODS_BY_PATH).length + SHADOWED_ROUTES.length);
    for (const [, route] of routes)
      expect([route.Properties.RouteKey, route.Properties.AuthorizationType]).toEqual([route.Properties.RouteKey, "AWS_IAM"]);
  });

  test("docsAuthorization=NONE makes GET /openapi.json, GET /docs and GET /problems/{type} public, and nothing else", () => {
    for (const [, route] of resources("AWS::ApiGatewayV2::Route", invokerTemplate)) {
      const key = route.Properties.RouteKey;
      expect([key, route.Properties.AuthorizationType]).toEqual([
        key,
        ["GET /openapi.json", "GET /docs", "GET /problems/{type}"].includes(key) ? "NONE" : "AWS_IAM",
      ]);
    }
  });

  test("functions run nodejs24.x on arm64, and logs are retained", () => {
    for (const [, fn] of resources("AWS::Lambda::Function")) {
      expect(fn.Properties.Runtime).toBe("nodejs24.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
    }
    for (const [, group] of resources("AWS::Logs::LogGroup")) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  test("each function has its own role: only the EC2 actions it makes, tag-conditioned, and its own log group", () => {
    const expected: Record<string, string[]> = {
      ReadKeyPairsLambdaFunction: [
        "ec2:DescribeFleets",
        "ec2:DescribeInstances",
        "ec2:DescribeKeyPairs",
        "ec2:DescribeLaunchTemplateVersions",
        "ec2:DescribeLaunchTemplates",
        "ec2:DescribeSpotFleetRequests",
        "ec2:DescribeSpotInstanceRequests",
      ],
      CreateKeyPairsLambdaFunction: [
        "ec2:CreateKeyPair",
        "ec2:CreateTags",
        "ec2:CreateTags",
        "ec2:DeleteKeyPair",
        "ec2:DescribeKeyPairs",
        "ec2:ImportKeyPair",
      ],
      DeleteKeyPairsLambdaFunction: [
        "ec2:DeleteKeyPair",
        "ec2:DescribeFleets",
        "ec2:DescribeInstances",
        "ec2:DescribeKeyPairs",
        "ec2:DescribeLaunchTemplateVersions",
        "ec2:DescribeLaunchTemplates",
        "ec2:DescribeSpotFleetRequests",
        "ec2:DescribeSpotInstanceRequests",
      ],
      MethodNotAllowedLambdaFunction: [],
      ApiDocsLambdaFunction: [],
      SweepKeyPairsLambdaFunction: ["ec2:DeleteKeyPair", "ec2:DescribeKeyPairs"],
    };
    const functions = resources("AWS::Lambda::Function");
    expect(Object.fromEntries(functions.map(([id]) => [id, true]))).toEqual(
      Object.fromEntries(Object.keys(expected).map((id) => [id, true])),
    );
    const roleIds = functions.map(([, fn]) => fn.Properties.Role["Fn::GetAtt"][0]);
    expect(new Set(roleIds).size).toBe(functions.length);
    // The function roles only: the invoker role is absent by default (see below).
    expect(resources("AWS::IAM::Role")).toHaveLength(functions.length);

    for (const [id, fn] of functions) {
      const role = template.Resources[fn.Properties.Role["Fn::GetAtt"][0]];
      const statements = role.Properties.Policies.flatMap((policy: any) => policy.PolicyDocument.Statement);
      const actions: string[] = statements.flatMap((statement: any) => statement.Action);
      expect([id, actions.filter((action) => action.startsWith("ec2:")).sort()]).toEqual([id, expected[id]]);
      expect(actions.some((action) => action.includes("*"))).toBe(false);
      const logs = statements.find((statement: any) => statement.Sid === "OwnLogs");
      expect(logs.Resource["Fn::Sub"]).toContain(`:log-group:/aws/lambda/${fn.Properties.FunctionName}:*`);
      for (const statement of statements) {
        const [action] = statement.Action as string[];
        if (action === "ec2:CreateKeyPair" || action === "ec2:ImportKeyPair")
          expect(statement.Condition).toEqual({ StringEquals: { "aws:RequestTag/managed-by": "ec2-keypairs-api" } });
        // Tagging only as part of a create or import this function makes.
        if (action === "ec2:CreateTags") expect(expected[id]).toContain(`ec2:${statement.Condition.StringEquals["ec2:CreateAction"]}`);
        if (action === "ec2:DeleteKeyPair")
          expect(statement.Condition).toEqual({ StringEquals: { "aws:ResourceTag/managed-by": "ec2-keypairs-api" } });
        if (READ_ONLY_DESCRIBES.includes(action!)) expect(statement.Resource).toBe("*");
        if (action!.startsWith("ec2:") && !READ_ONLY_DESCRIBES.includes(action!))
          expect(statement.Resource["Fn::Sub"]).toMatch(/:key-pair\/\*$/);
      }
    }
  });

  test("the Idempotency-Key ledger: an on-demand table with TTL and recovery; only the create function may read and write its items", () => {
    const tableId = "IdempotencyTable";
    const table = template.Resources[tableId];
    expect(table.Properties).toMatchObject({
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    const ledgerGrants = resources("AWS::Lambda::Function").flatMap(([id, fn]) =>
      template.Resources[fn.Properties.Role["Fn::GetAtt"][0]].Properties.Policies.flatMap((policy: any) => policy.PolicyDocument.Statement)
        .filter((statement: any) => statement.Resource["Fn::GetAtt"]?.[0] === tableId)
        .map((statement: any) => [id, [...statement.Action].sort(), statement.Resource]),
    );
    expect(ledgerGrants).toEqual([
      [
        "CreateKeyPairsLambdaFunction",
        ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
        { "Fn::GetAtt": [tableId, "Arn"] },
      ],
    ]);
    const environment = resources("AWS::Lambda::Function").find(([id]) => id === "CreateKeyPairsLambdaFunction")![1].Properties.Environment
      .Variables;
    expect(environment.IDEMPOTENCY_TABLE).toBe(table.Properties.TableName);
  });

  test("usage checks: the read and delete roles, and only they, get exactly the read-only describes of EC2 and Auto Scaling", () => {
    const usage = [
      "autoscaling:DescribeAutoScalingGroups",
      "autoscaling:DescribeLaunchConfigurations",
      "ec2:DescribeInstances",
      "ec2:DescribeLaunchTemplateVersions",
      "ec2:DescribeLaunchTemplates",
      "ec2:DescribeSpotInstanceRequests",
      "ec2:DescribeSpotFleetRequests",
      "ec2:DescribeFleets",
    ];
    for (const [id, fn] of resources("AWS::Lambda::Function")) {
      const statements = template.Resources[fn.Properties.Role["Fn::GetAtt"][0]].Properties.Policies.flatMap(
        (policy: any) => policy.PolicyDocument.Statement,
      );
      const granted = statements
        .filter((statement: any) => statement.Action.some((action: string) => usage.includes(action)))
        .map((statement: any) => [statement.Action, statement.Resource, statement.Condition]);
      const autoscaling = statements
        .flatMap((statement: any) => statement.Action)
        .filter((action: string) => action.startsWith("autoscaling:"));
      const wanted = ["ReadKeyPairsLambdaFunction", "DeleteKeyPairsLambdaFunction"].includes(id);
      expect([id, granted]).toEqual([
        id,
        wanted
          ? [
              [
                [
                  "ec2:DescribeInstances",
                  "ec2:DescribeLaunchTemplates",
                  "ec2:DescribeLaunchTemplateVersions",
                  "ec2:DescribeSpotInstanceRequests",
                  "ec2:DescribeSpotFleetRequests",
                  "ec2:DescribeFleets",
                ],
                "*",
                undefined,
              ],
              [["autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeLaunchConfigurations"], "*", undefined],
            ]
          : [],
      ]);
      expect([id, autoscaling.sort()]).toEqual([id, wanted ? usage.slice(0, 2) : []]);
    }
  });

  test(
    "escrow: only create may put (and tag) /ec2/keypair/* parameters, create, the deletes and the sweep may delete them, only the sweep " +
      "list them, none may read; KMS only for a " +
      "customer key, to create",
    () => {
      const expected: Record<string, string[]> = {
        CreateKeyPairsLambdaFunction: ["ssm:AddTagsToResource", "ssm:DeleteParameter", "ssm:PutParameter"],
        DeleteKeyPairsLambdaFunction: ["ssm:DeleteParameter"],
        SweepKeyPairsLambdaFunction: ["ssm:DeleteParameter", "ssm:DescribeParameters"],
      };
      const statementsOf = (from: any, fn: any) =>
        from.Resources[fn.Properties.Role["Fn::GetAtt"][0]].Properties.Policies.flatMap((policy: any) => policy.PolicyDocument.Statement);
      for (const [id, fn] of resources("AWS::Lambda::Function")) {
        const statements = statementsOf(template, fn);
        const ssm = statements.filter((statement: any) => statement.Action.some((action: string) => action.startsWith("ssm:")));
        expect([id, ssm.flatMap((statement: any) => statement.Action).sort()]).toEqual([id, expected[id] ?? []]);
        // DescribeParameters (names and dates, never values) has no resource-level permissions.
        for (const statement of ssm)
          expect(statement.Resource).toEqual(
            statement.Action.includes("ssm:DescribeParameters")
              ? "*"
              : { "Fn::Sub": "arn:${AWS::Partition}:ssm:*:${AWS::AccountId}:parameter/ec2/keypair/*" },
          );
        expect([id, statements.filter((statement: any) => statement.Action.some((action: string) => action.startsWith("kms:")))]).toEqual([
          id,
          [],
        ]);
      }
      const kms = resources("AWS::Lambda::Function", invokerTemplate).flatMap(([id, fn]) =>
        statementsOf(invokerTemplate, fn)
          .filter((statement: any) => statement.Action.some((action: string) => action.startsWith("kms:")))
          .map((statement: any) => [id, statement]),
      );
      expect(kms).toEqual([
        [
          "CreateKeyPairsLambdaFunction",
          {
            Sid: "EncryptEscrowedKeys",
            Effect: "Allow",
            Action: ["kms:Encrypt"],
            Resource: { "Fn::Sub": `arn:\${AWS::Partition}:kms:*:\${AWS::AccountId}:key/${ESCROW_KMS_KEY}` },
            Condition: { StringLike: { "kms:ViaService": "ssm.*.amazonaws.com" } },
          },
        ],
      ]);
    },
  );

  test("routes are the route table's: each on its function, and on every path a catch-all on the 405 function", () => {
    const functionOf = (integration: any) =>
      template.Resources[integration.Properties.IntegrationUri["Fn::GetAtt"][0]].Properties.FunctionName as string;
    const served = resources("AWS::ApiGatewayV2::Route").map(([, route]) => {
      const integration = template.Resources[route.Properties.Target["Fn::Join"][1][1].Ref];
      return `${route.Properties.RouteKey} -> ${functionOf(integration).replace(/^.*-ci-/, "")}`;
    });
    const expected = [
      ...ROUTES.map((route) => `${routeKey(route)} -> ${route.function}`),
      ...Object.keys(METHODS_BY_PATH).map((path) => `ANY ${path} -> methodNotAllowed`),
      ...SHADOWED_ROUTES.map((route) => `${routeKey(route)} -> methodNotAllowed`),
    ];
    expect(served.sort()).toEqual(expected.sort());
  });

  test("GET and DELETE /keypairs/import are the 405 function's by their own method, never the name routes' (a key named import)", () => {
    const keys = resources("AWS::ApiGatewayV2::Route").map(([, route]) => route.Properties.RouteKey as string);
    expect(keys).toEqual(expect.arrayContaining(["GET /keypairs/import", "DELETE /keypairs/import", "ANY /keypairs/import"]));
    expect(SHADOWED_ROUTES.map(routeKey)).toEqual(["GET /keypairs/import", "DELETE /keypairs/import"]);
  });

  test("CORS is API Gateway's: none by default; with corsAllowedOrigins, those origins only, no credentials", () => {
    const [[, api]] = resources("AWS::ApiGatewayV2::Api") as [[string, any]];
    expect(api.Properties.CorsConfiguration).toBeUndefined();
    const [[, configured]] = resources("AWS::ApiGatewayV2::Api", invokerTemplate) as [[string, any]];
    expect(configured.Properties.CorsConfiguration).toMatchObject({ AllowOrigins: CORS_ORIGINS, AllowMethods: ["GET", "POST", "DELETE"] });
    expect(configured.Properties.CorsConfiguration.AllowCredentials).not.toBe(true);
    expect(configured.Properties.CorsConfiguration.AllowHeaders).toEqual(
      expect.arrayContaining(["authorization", "idempotency-key", "x-amz-date"]),
    );
    // The functions no longer read it: the Lambda adds no CORS header.
    for (const [, fn] of resources("AWS::Lambda::Function", invokerTemplate))
      expect(fn.Properties.Environment.Variables).not.toHaveProperty("CORS_ALLOWED_ORIGINS");
  });

  test("HTTP API stage throttling: every route by default, the delete function's DELETE routes lower (not the 405s)", () => {
    const [, stage] = resources("AWS::ApiGatewayV2::Stage")[0]!;
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: DEFAULTS.throttleRateLimit,
      ThrottlingBurstLimit: DEFAULTS.throttleBurstLimit,
    });
    const deleteRoutes = resources("AWS::ApiGatewayV2::Route").filter(
      ([, route]) => route.Properties.RouteKey.startsWith("DELETE ") && route.DependsOn === "HttpApiIntegrationDeleteKeyPairs",
    );
    expect(deleteRoutes.map(([, route]) => route.Properties.RouteKey).sort()).toEqual([
      "DELETE /keypairs/by-id/{keyPairId}",
      "DELETE /keypairs/{name}",
    ]);
    const deleteLimits = { ThrottlingRateLimit: DEFAULTS.deleteThrottleRateLimit, ThrottlingBurstLimit: DEFAULTS.deleteThrottleBurstLimit };
    expect(stage.Properties.RouteSettings).toEqual(
      Object.fromEntries(deleteRoutes.map(([, route]) => [route.Properties.RouteKey, deleteLimits])),
    );
    // Route settings name routes by key, so the stage waits for those routes.
    for (const [id] of deleteRoutes) expect(stage.DependsOn).toContain(id);
  });

  test("events: the functions that change keys may PutEvents on the stage's bus (the default bus by default), nothing else may", () => {
    const bus = { "Fn::Sub": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default" };
    const publishers = ["CreateKeyPairsLambdaFunction", "DeleteKeyPairsLambdaFunction", "SweepKeyPairsLambdaFunction"];
    for (const [id, fn] of resources("AWS::Lambda::Function")) {
      const statements = template.Resources[fn.Properties.Role["Fn::GetAtt"][0]].Properties.Policies.flatMap(
        (policy: any) => policy.PolicyDocument.Statement,
      );
      const events = statements.filter((statement: any) => statement.Action.some((action: string) => action.startsWith("events:")));
      expect([id, events.map((statement: any) => [statement.Action, statement.Resource])]).toEqual([
        id,
        publishers.includes(id) ? [[["events:PutEvents"], bus]] : [],
      ]);
      expect([id, fn.Properties.Environment.Variables.EVENT_BUS_NAME]).toEqual([id, "default"]);
    }
  });

  test("the sweep's role: describe, delete managed keys, list and delete escrowed keys, publish events, take its rate share, its logs, assume the member role (the ci stage allows other accounts); nothing else", () => {
    const role = template.Resources[template.Resources.SweepKeyPairsLambdaFunction.Properties.Role["Fn::GetAtt"][0]];
    const actions = role.Properties.Policies.flatMap((policy: any) => policy.PolicyDocument.Statement).flatMap((s: any) => s.Action);
    expect(actions.sort()).toEqual([
      "dynamodb:UpdateItem",
      "ec2:DeleteKeyPair",
      "ec2:DescribeKeyPairs",
      "events:PutEvents",
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "ssm:DeleteParameter",
      "ssm:DescribeParameters",
      "sts:AssumeRole",
    ]);
  });

  test("the rate share's table: on demand, TTL on expiresAt; the functions that call AWS may only UpdateItem on it", () => {
    const [id, table] = resources("AWS::DynamoDB::Table").find(([tableId]) => tableId === "RateShareTable")!;
    expect(table.Properties).toMatchObject({
      TableName: "ec2-keypairs-api-ci-rate-share",
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [{ AttributeName: "bucket", KeyType: "HASH" }],
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    });
    for (const [fnId, fn] of resources("AWS::Lambda::Function")) {
      const role = template.Resources[fn.Properties.Role["Fn::GetAtt"][0]];
      const statements = role.Properties.Policies.flatMap((policy: any) => policy.PolicyDocument.Statement);
      const dynamodb = statements.filter((statement: any) => statement.Resource["Fn::GetAtt"]?.[0] === id);
      const callsAws = !["ApiDocsLambdaFunction", "MethodNotAllowedLambdaFunction"].includes(fnId);
      expect([fnId, dynamodb.map((statement: any) => [statement.Action, statement.Resource])]).toEqual([
        fnId,
        callsAws ? [[["dynamodb:UpdateItem"], { "Fn::GetAtt": [id, "Arn"] }]] : [],
      ]);
    }
  });

  test("every function has the default reserved concurrency; the scheduled sweep 1", () => {
    const functions = resources("AWS::Lambda::Function");
    expect(functions.length).toBeGreaterThan(0);
    for (const [id, fn] of functions) {
      const expected = id === "SweepKeyPairsLambdaFunction" ? 1 : DEFAULTS.reservedConcurrency;
      expect([id, fn.Properties.ReservedConcurrentExecutions]).toEqual([id, expected]);
    }
  });

  test("the sweep runs on the stage's schedule (rate(5 minutes) by default), and nothing else invokes it", () => {
    const rules = resources("AWS::Events::Rule");
    expect(rules.map(([, rule]) => [rule.Properties.ScheduleExpression, rule.Properties.Targets[0].Arn])).toEqual([
      ["rate(5 minutes)", { "Fn::GetAtt": ["SweepKeyPairsLambdaFunction", "Arn"] }],
    ]);
    const sweep = template.Resources.SweepKeyPairsLambdaFunction;
    expect(sweep.Properties.Timeout).toBe(300);
  });

  test("outputs: the API URL always, no invoker role unless trusted principals are configured", () => {
    expect(template.Outputs.HttpApiUrl).toBeDefined();
    expect(template.Resources.InvokerRole).toBeUndefined();
    expect(template.Outputs.InvokerRoleArn).toBeUndefined();
    expect(invokerTemplate.Outputs.HttpApiUrl).toEqual(template.Outputs.HttpApiUrl);
    expect(invokerTemplate.Outputs.InvokerRoleArn.Value).toEqual({ "Fn::GetAtt": ["InvokerRole", "Arn"] });
  });

  test("with trusted principals: an invoker role they alone can assume (with the external id), allowed only to invoke this API", () => {
    const roles = resources("AWS::IAM::Role", invokerTemplate);
    expect(roles).toHaveLength(resources("AWS::IAM::Role").length + 1);
    const role = invokerTemplate.Resources.InvokerRole;
    expect(role.Type).toBe("AWS::IAM::Role");
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Sid: "TrustedCallers",
        Effect: "Allow",
        Principal: { AWS: TRUSTED },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } },
      },
    ]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const statements = role.Properties.Policies.flatMap((policy: any) => policy.PolicyDocument.Statement);
    const api = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}";
    expect(statements).toEqual([
      {
        Sid: "InvokeThisApi",
        Effect: "Allow",
        Action: ["execute-api:Invoke"],
        Resource: [{ "Fn::Sub": `${api}/*/*/keypairs` }, { "Fn::Sub": `${api}/*/*/keypairs/*` }],
      },
    ]);
    // ${HttpApi} in those ARNs is this stack's API.
    expect(invokerTemplate.Resources.HttpApi.Type).toBe("AWS::ApiGatewayV2::Api");
    // Trusting a whole account is flagged by checkov (CKV_AWS_61): the skip says so, only then.
    expect(role.Metadata.checkov.skip).toEqual([expect.objectContaining({ id: "CKV_AWS_61" })]);
  });

  test("each function's zip holds its bundle and its own chunks, at most 300 KB loaded at INIT; the docs page ships beside the docs bundle, outside it", () => {
    const zips = readdirSync(`${ROOT}/.serverless`).filter((name) => name.endsWith(".zip"));
    expect(zips).toHaveLength(resources("AWS::Lambda::Function").length);
    for (const zip of zips) {
      const files = zipEntries(`${ROOT}/.serverless/${zip}`);
      const names = Object.keys(files).sort();
      const bundle = names.find((name) => /^src\/(handlers|functions)\/[\w-]+\.mjs$/.test(name))!;
      const entry = bundle.replace(/\.mjs$/, "");
      // What a function loads on first use is a chunk named after its entry (build/plugins/chunks-beside-entry.cjs): no other function's.
      const chunks = names.filter((name) => name.startsWith(`${entry}.chunks/`));
      expect([zip, chunks.every((name) => name.endsWith(".mjs"))]).toEqual([zip, true]);
      // At most 300 KiB of JavaScript loaded at INIT (the bundle and the chunks it imports statically; npm run bench prints the sizes).
      const dir = mkdtempSync(join(tmpdir(), "keypairs-zip-"));
      try {
        execFileSync("unzip", ["-q", `${ROOT}/.serverless/${zip}`, "-d", dir]);
        const atInit = initGraph(join(dir, bundle)).reduce((sum, file) => sum + statSync(file).size, 0);
        expect([zip, atInit <= 300 * 1024]).toEqual([zip, true]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      if (zip !== "apiDocs.zip") {
        expect([zip, names]).toEqual([zip, [bundle, ...chunks].sort()]);
        continue;
      }
      // build/docs-plugin.cjs: Redoc's page (2.6 MB) is a brotli file read at GET /docs, not part of the JS.
      expect(names).toEqual(["src/handlers/api-docs.docs-page.html.br", bundle, ...chunks].sort());
      expect(files["src/handlers/api-docs.docs-page.html.br"]).toBeGreaterThan(100 * 1024);
    }
  });
});
