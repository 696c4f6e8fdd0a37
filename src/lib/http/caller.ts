/** Who is calling, as the IAM authorizer of API Gateway saw it, in a form that stays the same across sessions. */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { UNAUTHENTICATED } from "../platform/account-access.js";

/** What the local stack (serverless-offline, which enforces no IAM) records instead of an identity. */
export { UNAUTHENTICATED } from "../platform/account-access.js";

interface IamAuthorizerContext {
  authorizer?: { iam?: { userArn?: string } };
}

/**
 * The caller's IAM identity: a user's ARN as it is, an assumed role's ARN without its session name
 * (`arn:aws:sts::123456789012:assumed-role/deployer`), which changes with every session. Whole:
 * it scopes Idempotency-Keys, so two callers must never share one (api/reserved-tags.ts names the tag).
 */
export function callerArn(event: APIGatewayProxyEventV2): string {
  const arn = (event.requestContext as IamAuthorizerContext).authorizer?.iam?.userArn;
  if (!arn) return UNAUTHENTICATED;
  const assumed = /^(arn:[^:]+:sts::\d+:assumed-role\/[^/]+)\/.+$/.exec(arn);
  return assumed ? assumed[1]! : arn;
}
