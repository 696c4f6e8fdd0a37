/** Checks the CloudFormation template that `serverless package` produces (offline, no AWS account). */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { ROOT } from "../support/local-stack.js";

let template: any;
let packageOutput: string;

beforeAll(() => {
  packageOutput = execFileSync(`${ROOT}/node_modules/.bin/node`, [`${ROOT}/node_modules/osls/bin/serverless.js`, "package", "--stage", "ci"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, SLS_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  template = JSON.parse(readFileSync(`${ROOT}/.serverless/cloudformation-template-update-stack.json`, "utf8"));
}, 120_000);

const resources = (type: string) => Object.entries<any>(template.Resources).filter(([, resource]) => resource.Type === type);

describe("packaged template", () => {
  test("packages with no configuration warnings", () => {
    expect(packageOutput).not.toMatch(/warning/i);
  });

  test("every HTTP API route requires AWS_IAM authorization", () => {
    const routes = resources("AWS::ApiGatewayV2::Route");
    expect(routes).toHaveLength(11); // 7 operations + 4 catch-all (405) routes
    for (const [, route] of routes) expect([route.Properties.RouteKey, route.Properties.AuthorizationType]).toEqual([route.Properties.RouteKey, "AWS_IAM"]);
  });

  test("functions run nodejs24.x on arm64, and logs are retained", () => {
    for (const [, fn] of resources("AWS::Lambda::Function")) {
      expect(fn.Properties.Runtime).toBe("nodejs24.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
    }
    for (const [, group] of resources("AWS::Logs::LogGroup")) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  test("the role allows only the key pair actions, tag-conditioned, with no * action", () => {
    const [[, role]] = resources("AWS::IAM::Role") as [[string, any]];
    const statements = role.Properties.Policies.flatMap((policy: any) => policy.PolicyDocument.Statement);
    const actions = statements.flatMap((statement: any) => statement.Action).filter((action: string) => action.startsWith("ec2:"));
    expect(actions.sort()).toEqual(["ec2:CreateKeyPair", "ec2:CreateTags", "ec2:DeleteKeyPair", "ec2:DescribeKeyPairs", "ec2:ImportKeyPair"]);
    expect(statements.flatMap((statement: any) => statement.Action).some((action: string) => action.includes("*"))).toBe(false);
    const bySid = Object.fromEntries(statements.filter((s: any) => s.Sid).map((s: any) => [s.Sid, s]));
    expect(bySid.CreateManagedKeyPairs.Condition).toEqual({ StringEquals: { "aws:RequestTag/managed-by": "ec2-keypairs-api" } });
    expect(bySid.DeleteManagedKeyPairs.Condition).toEqual({ StringEquals: { "aws:ResourceTag/managed-by": "ec2-keypairs-api" } });
    expect(bySid.TagKeyPairsOnCreate.Condition).toEqual({ StringEquals: { "ec2:CreateAction": ["CreateKeyPair", "ImportKeyPair"] } });
    expect(bySid.DescribeKeyPairs.Resource).toBe("*");
  });
});
