/** What a child package manager keeps of the caller's environment, and what it loses. */
import { dirname } from "node:path";
import { packageManagerEnv } from "../../support/package-manager-env.js";

// As `npx jest` under `npm run` leaves it, on a machine that reaches registries through a proxy and its own CA.
const CALLER: NodeJS.ProcessEnv = {
  HOME: "/home/dev",
  PATH: "/work/repo/node_modules/.bin:/work/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:/opt/bin:/usr/bin",
  NODE_EXTRA_CA_CERTS: "/etc/corp-ca.pem",
  SSL_CERT_FILE: "/etc/corp-ca.pem",
  HTTPS_PROXY: "http://proxy:3128",
  https_proxy: "http://proxy:3128",
  NO_PROXY: "127.0.0.1,localhost",
  PIP_INDEX_URL: "https://pypi.mirror/simple",
  PIP_CERT: "/etc/corp-ca.pem",
  UV_INDEX_URL: "https://pypi.mirror/simple",
  npm_config_registry: "https://npm.mirror/",
  "npm_config_@corp:registry": "https://npm.corp/",
  npm_config_cafile: "/etc/corp-ca.pem",
  npm_config_https_proxy: "http://proxy:3128",
  npm_config_noproxy: "127.0.0.1",
  npm_config_cache: "/tmp/empty-cache",
  npm_config_globalconfig: "/usr/etc/npmrc",
  npm_config_userconfig: "/home/dev/.npmrc",
  npm_config_strict_ssl: "true",
  npm_config_prefix: "/work/repo",
  npm_config_local_prefix: "/work/repo",
  npm_config_global_prefix: "/usr",
  npm_config_call: "jest",
  npm_config_yes: "true",
  npm_config_loglevel: "silent",
  npm_config_user_agent: "npm/11",
  npm_lifecycle_event: "test",
  npm_lifecycle_script: "bash scripts/test.sh",
  npm_package_name: "ec2-keypairs-api",
  npm_package_json: "/work/repo/package.json",
  npm_command: "run-script",
  npm_execpath: "/usr/lib/node_modules/npm/bin/npm-cli.js",
  npm_node_execpath: "/usr/bin/node",
  NODE: "/usr/bin/node",
  INIT_CWD: "/work/repo",
  AWS_ACCESS_KEY_ID: "AKIDCALLER",
  AWS_SECRET_ACCESS_KEY: "caller-secret",
  AWS_SESSION_TOKEN: "caller-token",
  AWS_PROFILE: "prod",
  AWS_CONFIG_FILE: "/home/dev/.aws/config",
  AWS_CA_BUNDLE: "/etc/corp-ca.pem",
};

const env = packageManagerEnv({}, CALLER);

test("keeps what reaching a registry needs: CA bundles, proxies, PIP_*, UV_*, npm's network and cache settings", () => {
  for (const name of [
    "HOME",
    "NODE_EXTRA_CA_CERTS",
    "SSL_CERT_FILE",
    "HTTPS_PROXY",
    "https_proxy",
    "NO_PROXY",
    "PIP_INDEX_URL",
    "PIP_CERT",
    "UV_INDEX_URL",
    "npm_config_registry",
    "npm_config_@corp:registry",
    "npm_config_cafile",
    "npm_config_https_proxy",
    "npm_config_noproxy",
    "npm_config_cache",
    "npm_config_globalconfig",
    "npm_config_userconfig",
    "npm_config_strict_ssl",
    "AWS_CA_BUNDLE",
  ])
    expect([name, env[name]]).toEqual([name, CALLER[name]]);
});

test("drops the outer npm's run state and the caller's AWS credentials", () => {
  const leaked = Object.keys(env).filter((name) => /^(npm_|INIT_CWD$|NODE$|AWS_)/.test(name) && CALLER[name] !== undefined);
  expect(leaked.sort()).toEqual(
    [
      "AWS_CA_BUNDLE",
      "npm_config_registry",
      "npm_config_@corp:registry",
      "npm_config_cafile",
      "npm_config_https_proxy",
      "npm_config_noproxy",
      "npm_config_cache",
      "npm_config_globalconfig",
      "npm_config_userconfig",
      "npm_config_strict_ssl",
    ].sort(),
  );
});

test("PATH: the running Node first, then the caller's PATH without the outer project's bins", () => {
  expect(env.PATH).toBe(`${dirname(process.execPath)}:/opt/bin:/usr/bin`);
});

test("the caller's own values win (test credentials, a cache folder)", () => {
  const own = packageManagerEnv({ AWS_ACCESS_KEY_ID: "AKIDTEST", npm_config_cache: "/tmp/other" }, CALLER);
  expect([own.AWS_ACCESS_KEY_ID, own.AWS_SECRET_ACCESS_KEY, own.npm_config_cache]).toEqual(["AKIDTEST", undefined, "/tmp/other"]);
});
