/**
 * Member accounts in moto, as the tests need them: moto scopes its state by account, and the
 * credentials AssumeRole answers for a member role act in that role's account. The stack's local
 * organisation (scripts/local-organization.ts) names them; how often the service assumed a member
 * role is in its log lines.
 */
import { readFileSync } from "node:fs";
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";

export const REGION = "us-east-1";
const region = REGION;
/** The member accounts with the member role, and the one without (test/integration/global-setup.ts). */
export const MEMBERS = (process.env.LOCAL_MEMBER_ACCOUNTS ?? "").split(",").filter(Boolean);
export const DENIED = process.env.LOCAL_DENIED_ACCOUNT_ID ?? "";
/** The API's own account (scripts/local-stack.ts MOTO_ACCOUNT). */
export const OWN = "123456789012";

/** Client options for moto as the emulator's own account (the API's), in `inRegion`. */
export const moto = (inRegion = region) => ({
  region: inRegion,
  endpoint: process.env.MOTO_URL,
  credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
});

/**
 * The member role (deploy/member-role.yml's name, external id and trust of the API's account) in
 * `account`, made through IAM sent to moto as that account (moto's account header; it checks no
 * signature). Made once per moto: a second CreateRole (another test file) finds it there.
 */
export async function createMemberRole(account: string): Promise<void> {
  const trust = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:root" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": "ec2-keypairs-api" } },
      },
    ],
  };
  const body = new URLSearchParams({
    Action: "CreateRole",
    Version: "2010-05-08",
    RoleName: "ec2-keypairs-member",
    AssumeRolePolicyDocument: JSON.stringify(trust),
  });
  const answer = await fetch(process.env.MOTO_URL!, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-moto-account-id": account,
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/iam/aws4_request, SignedHeaders=host, Signature=0`,
    },
  });
  if (answer.status !== 200) expect(await answer.text()).toContain("EntityAlreadyExists");
}

/**
 * EC2 and Auto Scaling clients acting in `account` through its member role, as the service reaches
 * it. moto builds an account's EC2 and Auto Scaling state on its first call there, which takes
 * seconds: longer than the service's per-attempt budget. Built here, so the service's calls meet an
 * account as AWS has it, ready (in `inRegion`: moto builds each region apart).
 */
export async function clientsIn(account: string, inRegion = region): Promise<{ ec2: EC2Client; autoScaling: AutoScalingClient }> {
  const sts = new STSClient(moto());
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/ec2-keypairs-member`,
      RoleSessionName: "test",
      ExternalId: "ec2-keypairs-api",
    }),
  );
  sts.destroy();
  const credentials = {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!,
  };
  const clients = {
    ec2: new EC2Client({ ...moto(inRegion), credentials }),
    autoScaling: new AutoScalingClient({ ...moto(inRegion), credentials }),
  };
  await clients.ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-name", Values: ["none"] }] }));
  await clients.autoScaling.send(new DescribeAutoScalingGroupsCommand({}));
  return clients;
}

/** The key pairs named `name` in the account `ec2` acts in. */
export const namesIn = async (ec2: EC2Client, name: string) =>
  ((await ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-name", Values: [name] }] }))).KeyPairs ?? []).map(
    (key) => key.KeyName,
  );

/** How many times the service assumed the member role in `account` (its "member role assumed" log lines in the stack log). */
export function serviceAssumptionsIn(account: string): number {
  return readFileSync(process.env.STACK_LOG!, "utf8")
    .split("\n")
    .filter((line) => line.includes('"member role assumed"') && line.includes(`"assumedAccount":"${account}"`)).length;
}
