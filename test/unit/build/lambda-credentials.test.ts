/** build/plugins/lambda-credentials.cjs: the credential chain's stand-in, guarded by the providers it mirrors. */
import { existsSync, readFileSync } from "node:fs";
import { load, setup } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { lambdaCredentials, FILTER, STAND_IN } = load("plugins/lambda-credentials.cjs");

const withChain = <T>(value: string | undefined, run: () => T): T => {
  const saved = process.env.FULL_CREDENTIAL_CHAIN;
  if (value === undefined) delete process.env.FULL_CREDENTIAL_CHAIN;
  else process.env.FULL_CREDENTIAL_CHAIN = value;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.FULL_CREDENTIAL_CHAIN;
    else process.env.FULL_CREDENTIAL_CHAIN = saved;
  }
};

test("the clients' credential-provider-node resolves to build/lambda-credentials.mjs, which exports defaultProvider", () => {
  const { onResolve } = withChain(undefined, () => setup(lambdaCredentials));
  expect(onResolve).toHaveLength(1);
  expect(onResolve[0]!.callback({ path: "@aws-sdk/credential-provider-node" })).toEqual({ path: STAND_IN });
  expect(existsSync(STAND_IN)).toBe(true);
  expect(readFileSync(STAND_IN, "utf8")).toMatch(/^export const defaultProvider = /m);
  // What the clients import from it (the one name the stand-in must have).
  const runtimeConfig = readFileSync(`${guard.packageDir("@aws-sdk/client-ssm")}/dist-es/runtimeConfig.js`, "utf8");
  expect(runtimeConfig).toContain('import { defaultProvider as credentialDefaultProvider } from "@aws-sdk/credential-provider-node";');
  expect(FILTER.test("@aws-sdk/credential-provider-node/dist-es/index.js")).toBe(false);
});

test("FULL_CREDENTIAL_CHAIN=true keeps the SDK's chain: nothing is registered", () => {
  expect(withChain("true", () => setup(lambdaCredentials))).toEqual({ onLoad: [], onResolve: [] });
});

test("the guard names the plugin and the package when the provider is another version", () => {
  const { packages, recheck } = guard.EXPECTED["lambda-credentials"];
  expect(Object.keys(packages)).toEqual(["@aws-sdk/credential-provider-node", "@aws-sdk/credential-provider-env"]);
  const pkg = "@aws-sdk/credential-provider-node";
  const call = () => guard.guardPackage({ plugin: "lambda-credentials", pkg, version: "3.972.98", recheck });
  expect(call).toThrow(/^lambda-credentials: @aws-sdk\/credential-provider-node is 3\.972\.97, it was written against 3\.972\.98\. /);
});
