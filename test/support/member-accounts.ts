/**
 * The local organisation as the tests read it, straight from moto: its accounts (global setup's env),
 * clients acting in a member account through its member role, and how often the service assumed it.
 */
import { readFileSync } from "node:fs";
import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";

export const REGION = "us-east-1";
/** The member accounts with the member role, and the one without (test/integration/global-setup.ts). */
export const MEMBERS = (process.env.LOCAL_MEMBER_ACCOUNTS ?? "").split(",").filter(Boolean);
export const DENIED = process.env.LOCAL_DENIED_ACCOUNT_ID ?? "";
/** The API's own account (scripts/local-stack.ts MOTO_ACCOUNT). */
export const OWN = "123456789012";

export const moto = { region: REGION, endpoint: process.env.MOTO_URL, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };

/** EC2 and Auto Scaling clients acting in `account` through its member role, as the service reaches it. */
export async function clientsIn(account: string): Promise<{ ec2: EC2Client; autoScaling: AutoScalingClient }> {
  const sts = new STSClient(moto);
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
  return { ec2: new EC2Client({ ...moto, credentials }), autoScaling: new AutoScalingClient({ ...moto, credentials }) };
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
