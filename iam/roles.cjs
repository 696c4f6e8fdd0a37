// One IAM role per function, each allowed only the EC2 calls that function makes (CloudFormation
// resources for serverless.yml). A file (not inline YAML) because the managed-key tag name is a
// stage parameter and IAM condition keys embed it: YAML keys cannot hold variables.
// The optional invoker role for callers in other accounts comes from invoker.cjs.

const invoker = require("./invoker.cjs");
const { IDEMPOTENCY_TABLE } = require("../deploy/idempotency-table.cjs");
const { RATE_SHARE_TABLE } = require("../deploy/rate-share-table.cjs");
const { FUNCTIONS, GRANTS, ROUTES, SCHEDULED_FUNCTIONS, roleOf } = require("../deploy/route-table.cjs");

// What each function calls: the union of its routes' grants in the route table (src/lib/routes.ts),
// or a scheduled function's own grants; its role is roleOf(name).
const GRANTS_BY_FUNCTION = Object.fromEntries([
  ...Object.keys(FUNCTIONS).map((name) => {
    const needed = new Set(ROUTES.filter((route) => route.function === name).flatMap((route) => route.grants));
    return [name, GRANTS.filter((grant) => needed.has(grant))];
  }),
  ...Object.entries(SCHEDULED_FUNCTIONS).map(([name, { grants }]) => [name, GRANTS.filter((grant) => grants.includes(grant))]),
]);

/** The stage's escrow KMS key as an IAM resource: a key ARN as given, a key id in any region (a multi-region key's id is the same everywhere). */
async function escrowKmsKeyArn(keyId) {
  if (!keyId) return undefined;
  if (keyId.startsWith("alias/") || keyId.includes(":alias/")) {
    throw new Error("escrowKmsKeyId must be a key id or key ARN: IAM cannot grant use of a key through its alias");
  }
  return keyId.startsWith("arn:") ? keyId : { "Fn::Sub": `arn:\${AWS::Partition}:kms:*:\${AWS::AccountId}:key/${keyId}` };
}

module.exports = async ({ resolveVariable }) => {
  const service = await resolveVariable("self:service");
  const stage = await resolveVariable("sls:stage");
  const tagKey = await resolveVariable("param:managedTagKey");
  const tagValue = await resolveVariable("param:managedTagValue");
  const allowUnmanagedDelete = (await resolveVariable("param:allowUnmanagedDelete")) === "true";
  const keyPairArn = { "Fn::Sub": "arn:${AWS::Partition}:ec2:*:${AWS::AccountId}:key-pair/*" };
  // Escrowed private keys (src/lib/aws/ssm.ts); no function may read them back.
  const escrowArn = { "Fn::Sub": "arn:${AWS::Partition}:ssm:*:${AWS::AccountId}:parameter/ec2/keypair/*" };
  const escrowKmsKey = await escrowKmsKeyArn(await resolveVariable("param:escrowKmsKeyId"));
  const eventBus = await resolveVariable("param:eventBusName");
  // The stage's bus (a name in the stack's region, or an ARN as given): the one PutEvents may write to.
  const eventBusArn = eventBus.startsWith("arn:")
    ? eventBus
    : { "Fn::Sub": `arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:event-bus/${eventBus}` };
  const createdWithManagedTag = (action) => [
    // Create or import only with the managed-key tag in the same request...
    {
      Sid: `${action}WithManagedTag`,
      Effect: "Allow",
      Action: [`ec2:${action}`],
      Resource: keyPairArn,
      Condition: { StringEquals: { [`aws:RequestTag/${tagKey}`]: tagValue } },
    },
    // ...and tag only as part of that creation.
    {
      Sid: `TagOn${action}`,
      Effect: "Allow",
      Action: ["ec2:CreateTags"],
      Resource: keyPairArn,
      Condition: { StringEquals: { "ec2:CreateAction": action } },
    },
  ];
  const statements = {
    create: createdWithManagedTag("CreateKeyPair"),
    import: createdWithManagedTag("ImportKeyPair"),
    // DescribeKeyPairs supports no resource-level permissions: "*" is its only valid resource.
    describe: [{ Sid: "DescribeKeyPairs", Effect: "Allow", Action: ["ec2:DescribeKeyPairs"], Resource: "*" }],
    // What names a key pair (usage checks, the guarded delete): read-only describes. None supports resource-level permissions.
    describeUsage: [
      {
        Sid: "DescribeKeyUsageInEc2",
        Effect: "Allow",
        Action: [
          "ec2:DescribeInstances",
          "ec2:DescribeLaunchTemplates",
          "ec2:DescribeLaunchTemplateVersions",
          "ec2:DescribeSpotInstanceRequests",
          "ec2:DescribeSpotFleetRequests",
          "ec2:DescribeFleets",
        ],
        Resource: "*",
      },
      {
        Sid: "DescribeKeyUsageInAutoScaling",
        Effect: "Allow",
        Action: ["autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeLaunchConfigurations"],
        Resource: "*",
      },
    ],
    escrow: [
      // AddTagsToResource: PutParameter with Tags needs it too.
      { Sid: "EscrowPrivateKeys", Effect: "Allow", Action: ["ssm:AddTagsToResource", "ssm:PutParameter"], Resource: escrowArn },
      // The AWS managed key aws/ssm needs no grant (its key policy allows the account's principals
      // through SSM); a customer managed key does, and only through SSM.
      ...(escrowKmsKey
        ? [
            {
              Sid: "EncryptEscrowedKeys",
              Effect: "Allow",
              Action: ["kms:Encrypt"],
              Resource: escrowKmsKey,
              Condition: { StringLike: { "kms:ViaService": "ssm.*.amazonaws.com" } },
            },
          ]
        : []),
    ],
    forgetEscrow: [{ Sid: "DeleteEscrowedKeys", Effect: "Allow", Action: ["ssm:DeleteParameter"], Resource: escrowArn }],
    // The sweep lists escrowed keys (names and dates, never values); DescribeParameters has no resource-level permissions.
    listEscrow: [{ Sid: "ListEscrowedKeys", Effect: "Allow", Action: ["ssm:DescribeParameters"], Resource: "*" }],
    // Every change, as an event on the stage's bus (src/lib/aws/eventbridge.ts).
    publishEvents: [{ Sid: "PublishKeyPairEvents", Effect: "Allow", Action: ["events:PutEvents"], Resource: eventBusArn }],
    // Claim, record and release Idempotency-Keys (src/lib/aws/idempotency-ledger.ts): items of the stage's table only.
    idempotencyLedger: [
      {
        Sid: "IdempotencyLedger",
        Effect: "Allow",
        Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
        Resource: { "Fn::GetAtt": [IDEMPOTENCY_TABLE, "Arn"] },
      },
    ],
    // The rate share's ledger (src/lib/aws/rate-ledger.ts): conditional updates of its buckets' items, nothing else.
    rateShare: [
      { Sid: "TakeRateShare", Effect: "Allow", Action: ["dynamodb:UpdateItem"], Resource: { "Fn::GetAtt": [RATE_SHARE_TABLE, "Arn"] } },
    ],
    // Delete only keys that carry the managed-key tag, unless the stage allows unmanaged deletes.
    delete: [
      {
        Sid: "DeleteManagedKeyPairs",
        Effect: "Allow",
        Action: ["ec2:DeleteKeyPair"],
        Resource: keyPairArn,
        ...(allowUnmanagedDelete ? {} : { Condition: { StringEquals: { [`aws:ResourceTag/${tagKey}`]: tagValue } } }),
      },
    ],
  };

  // Other accounts (src/lib/aws/member-accounts.ts): only when the stage allows some, only the member role's name,
  // only in this organization; the organization's account list only when the allowed set is the organization.
  const allowedAccounts = await resolveVariable("param:allowedAccounts");
  const memberRoleName = await resolveVariable("param:memberRoleName");
  const memberAccounts = allowedAccounts
    ? [
        {
          Sid: "AssumeMemberRole",
          Effect: "Allow",
          Action: ["sts:AssumeRole"],
          Resource: { "Fn::Sub": `arn:\${AWS::Partition}:iam::*:role/${memberRoleName}` },
          // The IAM policy variable ${aws:PrincipalOrgID}, joined by CloudFormation: the framework would read it as its own variable.
          Condition: { StringEquals: { "aws:ResourceOrgID": { "Fn::Join": ["", ["$", "{aws:PrincipalOrgID}"]] } } },
        },
        ...(allowedAccounts === "organization"
          ? [
              {
                Sid: "ListOrganizationAccounts",
                Effect: "Allow",
                Action: [
                  "organizations:ListAccounts",
                  "organizations:ListAccountsForParent",
                  "organizations:ListOrganizationalUnitsForParent",
                ],
                Resource: "*",
              },
            ]
          : []),
      ]
    : [];

  const roles = {};
  for (const [name, grants] of Object.entries(GRANTS_BY_FUNCTION)) {
    const logGroup = `/aws/lambda/${service}-${stage}-${name}`;
    roles[roleOf(name)] = {
      Type: "AWS::IAM::Role",
      Properties: {
        // Member roles trust this path (deploy/member-role.yml): the functions' roles, no other role of the account.
        Path: `/${service}/${stage}/`,
        AssumeRolePolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        },
        Policies: [
          {
            PolicyName: `${name}-policy`,
            PolicyDocument: {
              Version: "2012-10-17",
              Statement: [
                // Its own log group only (the framework creates it, with its retention).
                {
                  Sid: "OwnLogs",
                  Effect: "Allow",
                  Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                  Resource: { "Fn::Sub": `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${logGroup}:*` },
                },
                ...grants.flatMap((grant) => statements[grant]),
                // Every function that reads key pairs, the sweep too (it visits each allowed member account).
                ...(grants.includes("describe") ? memberAccounts : []),
              ],
            },
          },
        ],
      },
    };
  }
  const { Resources: invokerResources } = await invoker({ resolveVariable });
  return { ...roles, ...invokerResources };
};
