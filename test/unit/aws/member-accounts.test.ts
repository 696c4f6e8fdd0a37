/** Other accounts: the allowed set, why an AssumeRole failed, and that a request's account scope never reaches another request. */
import { accountScope, clientKey, inAccountScope } from "../../../src/lib/aws/account-scope.js";
import { assertAccountAllowed, assumeRoleFailure } from "../../../src/lib/aws/member-accounts.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { inRequestedAccount, ownAccount } from "../../../src/lib/service/accounts.js";

const failure = (name: string) => Object.assign(new Error("STS says"), { name });

test.each([
  ["AccessDenied", "account-unreachable", "denied"],
  ["RegionDisabledException", "account-unreachable", "not enabled"],
  ["Throttling", "throttled", "throttling"],
  ["TimeoutError", "upstream-timeout", "in time"],
  ["InternalFailure", "upstream-error", "failed"],
])("AssumeRole's %s answers %s, naming the account and why", (code, kind, why) => {
  const error = assumeRoleFailure("222222222222", failure(code));
  expect(error.kind).toBe(kind);
  expect(error.message).toContain("222222222222");
  expect(error.message).toContain(why);
  expect(error.message).toContain(code);
});

test("an account outside ALLOWED_ACCOUNTS is refused with account-not-allowed; a listed one is not", async () => {
  await expect(assertAccountAllowed("222222222222")).resolves.toBeUndefined();
  const refused = await assertAccountAllowed("444444444444").catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(ServiceError);
  expect((refused as ServiceError).kind).toBe("account-not-allowed");
  expect((refused as ServiceError).message).toContain("444444444444");
});

test("the API's own account needs no role: ACCOUNT_ID, else the function ARN's", async () => {
  expect(ownAccount("arn:aws:lambda:eu-west-1:999999999999:function:f")).toBe("123456789012");
  const seen = await inRequestedAccount("123456789012", undefined, async () => ({ scope: accountScope(), key: clientKey("eu-west-1") }));
  expect(seen).toEqual({ scope: { id: "123456789012" }, key: "own/eu-west-1" });
  await expect(inRequestedAccount("444444444444", undefined, async () => "ran")).rejects.toMatchObject({ kind: "account-not-allowed" });
});

test("interleaved requests each see their own account's clients and credentials, never the other's", async () => {
  const credentialsOf = (account: string) => async () => ({
    accessKeyId: account,
    secretAccessKey: "s",
    sessionToken: "t",
    expiration: new Date(Date.now() + 3600_000),
  });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const request = (account: string) =>
    inAccountScope({ id: account, credentials: credentialsOf(account) }, async () => {
      const before = clientKey("eu-west-1");
      await gate; // both requests are in flight here
      return { before, after: clientKey("eu-west-1"), signs: (await accountScope()!.credentials!()).accessKeyId };
    });
  const [b, c] = [request("222222222222"), request("333333333333")];
  release();
  expect(await b).toEqual({ before: "222222222222/eu-west-1", after: "222222222222/eu-west-1", signs: "222222222222" });
  expect(await c).toEqual({ before: "333333333333/eu-west-1", after: "333333333333/eu-west-1", signs: "333333333333" });
  expect(clientKey("eu-west-1")).toBe("own/eu-west-1");
});
