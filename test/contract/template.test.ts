/** Checks the CloudFormation template that `serverless package` produces (offline, no AWS account). */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { ROOT } from "../../scripts/local-stack.js";

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

  test("each function has its own role: only the EC2 actions it makes, tag-conditioned, and its own log group", () => {
    const expected: Record<string, string[]> = {
      CreateKeyPairLambdaFunction: ["ec2:CreateKeyPair", "ec2:CreateTags"],
      ImportKeyPairLambdaFunction: ["ec2:CreateTags", "ec2:ImportKeyPair"],
      ListKeyPairsLambdaFunction: ["ec2:DescribeKeyPairs"],
      GetKeyPairLambdaFunction: ["ec2:DescribeKeyPairs"],
      GetKeyPairByIdLambdaFunction: ["ec2:DescribeKeyPairs"],
      DeleteKeyPairLambdaFunction: ["ec2:DeleteKeyPair", "ec2:DescribeKeyPairs"],
      DeleteKeyPairByIdLambdaFunction: ["ec2:DeleteKeyPair", "ec2:DescribeKeyPairs"],
      MethodNotAllowedLambdaFunction: [],
    };
    const functions = resources("AWS::Lambda::Function");
    expect(Object.fromEntries(functions.map(([id]) => [id, true]))).toEqual(Object.fromEntries(Object.keys(expected).map((id) => [id, true])));
    const roleIds = functions.map(([, fn]) => fn.Properties.Role["Fn::GetAtt"][0]);
    expect(new Set(roleIds).size).toBe(functions.length);
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
        if (action === "ec2:CreateKeyPair" || action === "ec2:ImportKeyPair") expect(statement.Condition).toEqual({ StringEquals: { "aws:RequestTag/managed-by": "ec2-keypairs-api" } });
        if (action === "ec2:CreateTags") expect(statement.Condition).toEqual({ StringEquals: { "ec2:CreateAction": expected[id]!.find((a) => a !== "ec2:CreateTags")!.slice(4) } });
        if (action === "ec2:DeleteKeyPair") expect(statement.Condition).toEqual({ StringEquals: { "aws:ResourceTag/managed-by": "ec2-keypairs-api" } });
        if (action === "ec2:DescribeKeyPairs") expect(statement.Resource).toBe("*");
        if (action!.startsWith("ec2:") && action !== "ec2:DescribeKeyPairs") expect(statement.Resource["Fn::Sub"]).toMatch(/:key-pair\/\*$/);
      }
    }
  });
});
