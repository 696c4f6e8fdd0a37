/** ACCOUNT_ACCESS: its parse (hostile text refused with the principal named) and which grants name which caller. */
import { accountAccessSchema, callerIdentity, grantNames, wildcardMatches } from "../../../src/lib/platform/account-access.js";

const parse = (value: unknown) => accountAccessSchema.safeParse(typeof value === "string" ? value : JSON.stringify(value));
const grants = (value: unknown) => {
  const parsed = parse(value);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
};
/** Whether the one grant `principal` → * names `caller`. */
const names = (principal: string, caller: string) => grantNames(grants({ [principal]: ["*"] })[0]!, caller, callerIdentity(caller));

test("empty is no grant; targets are ids, OU ids or *", () => {
  expect(grants("")).toEqual([]);
  expect(grants({ "111111111111": ["222222222222", "ou-ab12-cdef3456"] })).toEqual([
    { principal: { kind: "account", account: "111111111111" }, accounts: { ids: ["222222222222"], ous: ["ou-ab12-cdef3456"] } },
  ]);
  expect(grants({ "111111111111": ["222222222222", "*"] })[0]!.accounts).toBe("*");
});

test.each([
  ["not JSON", "{"],
  ["not an object", "[]"],
  ["a bad target", { "111111111111": ["2222"] }],
  ["a target that is a pattern", { "111111111111": ["22222222222*"] }],
  ["a bad principal", { "arn:aws:iam::1111:role/x": ["*"] }],
  ["a wildcard account in an ARN", { "arn:aws:iam::*:role/x": ["*"] }],
  ["a regex in a role name", { "arn:aws:iam::111111111111:role/(a|b)": ["*"] }],
  ["a literal role path, which the caller's identity does not carry", { "arn:aws:iam::111111111111:role/team/x": ["*"] }],
  ["an empty path segment", { "arn:aws:iam::111111111111:role//x": ["*"] }],
])("%s is refused", (_what, value) => {
  expect(parse(value).success).toBe(false);
});

test("the refusal names the principal", () => {
  const parsed = parse({ "arn:aws:iam::111111111111:role/team/x": ["*"] });
  expect(parsed.error?.issues.map((issue) => issue.message).join()).toContain("role/team/x");
});

test("an account id names every caller of that account, no other", () => {
  expect(names("111111111111", "arn:aws:sts::111111111111:assumed-role/any")).toBe(true);
  expect(names("111111111111", "arn:aws:iam::111111111111:user/ops/alice")).toBe(true);
  expect(names("111111111111", "arn:aws:sts::222222222222:assumed-role/any")).toBe(false);
  expect(names("111111111111", "unauthenticated")).toBe(false);
});

test("a role pattern matches the role's name, * as any run of characters, on any path", () => {
  const ci = "arn:aws:iam::111111111111:role/ci-*";
  expect(names(ci, "arn:aws:sts::111111111111:assumed-role/ci-deploy")).toBe(true);
  expect(names(ci, "arn:aws:sts::111111111111:assumed-role/ci-")).toBe(true);
  expect(names(ci, "arn:aws:sts::111111111111:assumed-role/xci-deploy")).toBe(false);
  expect(names(ci, "arn:aws:sts::222222222222:assumed-role/ci-deploy")).toBe(false);
  expect(names(ci, "arn:aws:iam::111111111111:user/ci-deploy")).toBe(false);
  expect(names("arn:aws:iam::111111111111:role/*/admin", "arn:aws:sts::111111111111:assumed-role/admin")).toBe(true);
  expect(names("arn:aws:iam::111111111111:role/*/admin", "arn:aws:sts::111111111111:assumed-role/admin2")).toBe(false);
  expect(names("arn:aws:iam::111111111111:role/*", "arn:aws:sts::111111111111:assumed-role/anything")).toBe(true);
});

test("characters other than * are literal: a dot is a dot, + and = are themselves", () => {
  expect(names("arn:aws:iam::111111111111:role/a.b", "arn:aws:sts::111111111111:assumed-role/axb")).toBe(false);
  expect(names("arn:aws:iam::111111111111:role/a.b", "arn:aws:sts::111111111111:assumed-role/a.b")).toBe(true);
  expect(names("arn:aws:iam::111111111111:role/a+", "arn:aws:sts::111111111111:assumed-role/aa")).toBe(false);
  expect(names("arn:aws:iam::111111111111:user/ops/*", "arn:aws:iam::111111111111:user/ops/team/bob")).toBe(true);
  expect(names("arn:aws:iam::111111111111:user/ops/*", "arn:aws:iam::111111111111:user/dev/ops/bob")).toBe(false);
});

test("wildcards: every part in order, none overlapping", () => {
  expect(wildcardMatches("a*b*c", "abc")).toBe(true);
  expect(wildcardMatches("a*b*c", "aXbYc")).toBe(true);
  expect(wildcardMatches("a*b*c", "acb")).toBe(false);
  expect(wildcardMatches("ab*ba", "aba")).toBe(false);
  expect(wildcardMatches("*", "")).toBe(true);
  expect(wildcardMatches("a", "ab")).toBe(false);
});

test("unauthenticated names only the caller without an identity", () => {
  expect(names("unauthenticated", "unauthenticated")).toBe(true);
  expect(names("unauthenticated", "arn:aws:sts::111111111111:assumed-role/unauthenticated")).toBe(false);
});
