/**
 * The local organisation: in moto, an organization of this API's account (the
 * management account, MOTO_ACCOUNT) and `members` member accounts, each with the member role of
 * deploy/member-role.yml (its default name and external id), and, if asked, one more account without
 * it (AssumeRole there is denied: the `denied` path); the second member account is in an OU
 * (LOCAL_OU). moto's patch 9 (scripts/moto_server.py) numbers
 * the accounts from 222222222222 in creation order, so the ids are known before the stack starts.
 */
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";

/** The local organisation's one OU (moto_server.py's patch 10 numbers it): the second member account is in it. */
export const LOCAL_OU = "ou-0000-00000001";
/** deploy/member-role.yml's defaults, as serverless.yml's memberRoleName and memberExternalId. */
export const MEMBER_ROLE_NAME = "ec2-keypairs-member";
export const MEMBER_EXTERNAL_ID = "ec2-keypairs-api";
const FIRST_ACCOUNT = 222222222222;
const EMULATOR = { accessKeyId: "testing", secretAccessKey: "testing" };

export interface LocalOrganization {
  /** Member accounts with the member role. */
  members: string[];
  /** The account without it, when asked for. */
  denied?: string;
}

/** The ids the organisation's accounts get: `members` with the role, then the denied one if asked for. */
export function localAccountIds(members: number, denied: boolean): LocalOrganization {
  const ids = Array.from({ length: members + (denied ? 1 : 0) }, (_, index) => String(FIRST_ACCOUNT + index));
  return denied ? { members: ids.slice(0, members), denied: ids[members] } : { members: ids };
}

/** IAM's CreateRole in `account`, sent to moto as that account (moto's account header; it checks no signature). */
async function createMemberRole(motoUrl: string, account: string, apiAccount: string): Promise<void> {
  // deploy/member-role.yml's trust, as far as moto evaluates it (the external id: patch 8).
  const trust = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${apiAccount}:root` },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": MEMBER_EXTERNAL_ID } },
      },
    ],
  };
  const body = new URLSearchParams({
    Action: "CreateRole",
    Version: "2010-05-08",
    RoleName: MEMBER_ROLE_NAME,
    AssumeRolePolicyDocument: JSON.stringify(trust),
  });
  const answer = await fetch(motoUrl, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-moto-account-id": account,
      authorization: "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0",
    },
    signal: AbortSignal.timeout(10_000),
  });
  if (answer.status !== 200) throw new Error(`moto did not create the member role in ${account}: ${answer.status} ${await answer.text()}`);
}

/** Makes LOCAL_OU under the root and moves `account` into it (grants may name the OU: ACCOUNT_ACCESS). */
async function moveIntoOu(organizations: OrganizationsClient, account: string): Promise<void> {
  const { Roots } = await organizations.send(new ListRootsCommand({}));
  const root = Roots![0]!.Id!;
  const { OrganizationalUnit } = await organizations.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: "local-team" }));
  if (OrganizationalUnit?.Id !== LOCAL_OU)
    throw new Error(`moto's organization made OU ${OrganizationalUnit?.Id}, not ${LOCAL_OU} (is moto_server.py's patch 10 in place?)`);
  await organizations.send(new MoveAccountCommand({ AccountId: account, SourceParentId: root, DestinationParentId: LOCAL_OU }));
}

/** Makes the organisation in moto; answers its accounts (the ids localAccountIds names, as moto confirms them). */
export async function createLocalOrganization(
  motoUrl: string,
  apiAccount: string,
  members: number,
  denied: boolean,
): Promise<LocalOrganization> {
  const organizations = new OrganizationsClient({ region: "us-east-1", endpoint: motoUrl, credentials: EMULATOR });
  try {
    await organizations.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
    const ids: string[] = [];
    // One at a time: moto numbers them in the order it creates them (patch 9).
    for (let index = 0; index < members + (denied ? 1 : 0); index++) {
      const { CreateAccountStatus } = await organizations.send(
        new CreateAccountCommand({ AccountName: `local-${index + 1}`, Email: `local-${index + 1}@example.com` }),
      );
      ids.push(CreateAccountStatus?.AccountId ?? "");
    }
    const expected = localAccountIds(members, denied);
    if (ids.join() !== [...expected.members, ...(expected.denied ? [expected.denied] : [])].join())
      throw new Error(
        `moto's organization made accounts ${ids.join(", ")}, not the local organisation's (is moto_server.py's patch 9 in place?)`,
      );
    await Promise.all(expected.members.map((account) => createMemberRole(motoUrl, account, apiAccount)));
    if (expected.members.length > 1) await moveIntoOu(organizations, expected.members[1]!);
    return expected;
  } finally {
    organizations.destroy();
  }
}

/**
 * Builds each member account's EC2 and Auto Scaling state in moto (`region`), through its member role
 * as the service reaches it: moto builds an account's state on its first call there, which takes
 * seconds, longer than the service's per-attempt budget; the service then meets accounts ready, as in AWS.
 */
export async function warmLocalOrganization(motoUrl: string, organization: LocalOrganization, region: string): Promise<void> {
  const sts = new STSClient({ region, endpoint: motoUrl, credentials: EMULATOR });
  try {
    await Promise.all(
      organization.members.map(async (account) => {
        const { Credentials } = await sts.send(
          new AssumeRoleCommand({
            RoleArn: `arn:aws:iam::${account}:role/${MEMBER_ROLE_NAME}`,
            RoleSessionName: "local-stack",
            ExternalId: MEMBER_EXTERNAL_ID,
          }),
        );
        const credentials = {
          accessKeyId: Credentials!.AccessKeyId!,
          secretAccessKey: Credentials!.SecretAccessKey!,
          sessionToken: Credentials!.SessionToken!,
        };
        const ec2 = new EC2Client({ region, endpoint: motoUrl, credentials });
        const autoScaling = new AutoScalingClient({ region, endpoint: motoUrl, credentials });
        try {
          await Promise.all([ec2.send(new DescribeKeyPairsCommand({})), autoScaling.send(new DescribeAutoScalingGroupsCommand({}))]);
        } finally {
          ec2.destroy();
          autoScaling.destroy();
        }
      }),
    );
  } finally {
    sts.destroy();
  }
}
