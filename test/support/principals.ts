/**
 * The callers the integration tests sign as (through the SigV4 verifier: packages/client/test/support/sigv4-verifier.ts,
 * which hands serverless-offline the identity API Gateway's IAM authorizer would), and the stack's grants for them.
 * The API's own account is 123456789012 (scripts/local-stack.ts MOTO_ACCOUNT); the local organisation's first
 * member account is 222222222222 (scripts/local-organization.ts), the second 222222222223 is in its OU (LOCAL_OU).
 */
import { LOCAL_OU } from "../../scripts/local-organization.ts";
export const PRINCIPALS = {
  /** A role of the API's account that a grant (ops-*) lets act in 222222222222 too. */
  ops: "arn:aws:sts::123456789012:assumed-role/ops-deploy/session-1",
  /** A role of the API's account without a grant: its own account only. */
  dev: "arn:aws:sts::123456789012:assumed-role/dev/session-1",
  /** A role of the API's account granted an OU (LOCAL_OU): the member account in it, and its own. */
  audit: "arn:aws:sts::123456789012:assumed-role/audit/session-1",
  /** A role of another account, named like ops-* but not of the account the grant names: nowhere but its own. */
  outsider: "arn:aws:sts::999999999999:assumed-role/ops-deploy/session-1",
} as const;

/** ACCOUNT_ACCESS of the integration tests' stack. */
export const TEST_ACCOUNT_ACCESS = {
  unauthenticated: ["*"],
  "arn:aws:iam::123456789012:role/ops-*": ["222222222222"],
  "arn:aws:iam::123456789012:role/audit": [LOCAL_OU],
};
