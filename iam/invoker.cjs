// The invoker role: how a service in another AWS account calls this API. HTTP APIs have no resource
// policy, so a caller outside this account assumes this role and signs its requests with the role's
// credentials (SigV4, service execute-api). The role may do one thing: execute-api:Invoke on this
// API's /keypairs routes.
//
// Stage parameters (serverless.yml):
// - invokerTrustedPrincipals: comma list of 12-digit account ids and/or IAM role ARNs. Empty (the
//   default): the role is not created at all, so no principal outside this account can reach the API.
//   An account id trusts that account as a whole (its administrators decide who may assume the role);
//   a role ARN trusts only that role.
// - invokerExternalId: when set, sts:AssumeRole must pass this external id (a guard against the
//   confused-deputy problem when the caller is a third party that assumes roles for many customers).
//
// Parameters are resolved when the stack is packaged, so "not created" is decided here rather than
// with a CloudFormation Condition: the template then holds no role and no output for it.

const ACCOUNT_ID = /^\d{12}$/;
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

async function invoker({ resolveVariable }) {
  const principals = String(await resolveVariable("param:invokerTrustedPrincipals"))
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  const externalId = String(await resolveVariable("param:invokerExternalId")).trim();
  const invalid = principals.filter((item) => !ACCOUNT_ID.test(item) && !ROLE_ARN.test(item));
  if (invalid.length) {
    throw new Error(`param invokerTrustedPrincipals: not a 12-digit account id or an IAM role ARN: ${invalid.join(", ")}`);
  }
  if (!principals.length) {
    if (externalId) throw new Error("param invokerExternalId is set but invokerTrustedPrincipals is empty");
    return { Resources: {}, Outputs: {} };
  }

  // This API's routes: arn:...:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path>.
  const routes = ["keypairs", "keypairs/*"].map((path) => ({
    "Fn::Sub": `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${HttpApi}/*/*/${path}`,
  }));
  // checkov CKV_AWS_61 flags a trust policy that names a whole account. That is what an account id
  // here means, on purpose; so the skip is written, with its reason, only when one is configured.
  const wholeAccounts = principals.filter((item) => ACCOUNT_ID.test(item));
  const metadata = wholeAccounts.length
    ? {
        Metadata: {
          checkov: {
            skip: [
              {
                id: "CKV_AWS_61",
                comment:
                  `invokerTrustedPrincipals names whole accounts (${wholeAccounts.join(", ")}): their administrators decide who ` +
                  `may assume this role, which can only invoke this API`,
              },
            ],
          },
        },
      }
    : {};
  return {
    Resources: {
      InvokerRole: {
        Type: "AWS::IAM::Role",
        ...metadata,
        Properties: {
          Description: "Assumed by callers in other accounts to invoke the EC2 key pairs HTTP API (execute-api:Invoke only)",
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "TrustedCallers",
                Effect: "Allow",
                // An account id stays as given: IAM reads it as that account's root principal.
                Principal: { AWS: principals },
                Action: "sts:AssumeRole",
                ...(externalId ? { Condition: { StringEquals: { "sts:ExternalId": externalId } } } : {}),
              },
            ],
          },
          Policies: [
            {
              PolicyName: "invoke-keypairs-api",
              PolicyDocument: {
                Version: "2012-10-17",
                Statement: [{ Sid: "InvokeThisApi", Effect: "Allow", Action: ["execute-api:Invoke"], Resource: routes }],
              },
            },
          ],
        },
      },
    },
    Outputs: {
      InvokerRoleArn: {
        Description: "Role that callers in the trusted accounts assume to invoke the API",
        Value: { "Fn::GetAtt": ["InvokerRole", "Arn"] },
      },
    },
  };
}

module.exports = invoker;
