/**
 * The local stack's other accounts (test/integration/global-setup.ts allows both): MEMBER, given the
 * member role by giveMemberRole, and WITHOUT_ROLE, which never has one. moto scopes its state by
 * account; the credentials its AssumeRole answers act in the role's account.
 */
import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { EC2Client } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";

export const MEMBER = "222222222222";
export const WITHOUT_ROLE = "333333333333";
const region = "us-east-1";
export const moto = { region, endpoint: process.env.MOTO_URL, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };

/**
 * IAM's CreateRole of the member role in `account`, trusting the API's account with its external id,
 * sent to moto as that account (moto's account header; it checks no signature). Test files share one
 * moto: a role another file made already is as good.
 */
export async function giveMemberRole(account: string): Promise<void> {
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

/** EC2 and Auto Scaling clients acting in `account` (in `inRegion`) through its member role, as the service reaches it. */
export async function clientsIn(account: string, inRegion = region): Promise<{ ec2: EC2Client; autoScaling: AutoScalingClient }> {
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
  const options = { ...moto, region: inRegion, credentials };
  return { ec2: new EC2Client(options), autoScaling: new AutoScalingClient(options) };
}
