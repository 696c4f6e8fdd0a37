/**
 * The environment of a package manager (npm, npx, pip, uv) that a test or script starts: the
 * caller's own, because reaching a registry from this machine can depend on it (a CA bundle in
 * NODE_EXTRA_CA_CERTS or SSL_CERT_FILE, HTTPS_PROXY/NO_PROXY, PIP_*, UV_*, npm's registry, proxy,
 * CA and cache settings). A replaced environment works only while the caches already hold every
 * package, and hangs on a fresh machine.
 *
 * Removed, because they must not leak into the child:
 * - the outer npm's run state (`npm run` and `npx` export npm_lifecycle_*, npm_package_*,
 *   npm_config_prefix, npm_config_local_prefix, npm_config_call, npm_config_yes...): a child npm
 *   reads every npm_config_* as its own setting. Its network settings stay.
 * - every AWS_* variable but the CA bundle: nothing a package manager installs or runs signs as the
 *   caller; a caller that needs credentials passes its own test ones in `extra`.
 * - on PATH, the outer project's node_modules/.bin folders (npm run puts them first): a child in
 *   another project must find its own bins. The running Node comes first instead.
 */
import { delimiter, dirname } from "node:path";

/** npm settings a child npm needs to reach the registry (npm reads npm_config_X_Y as x-y, any case). */
const NPM_NETWORK_SETTING =
  /^npm_config_(registry|.+:registry|proxy|https?_proxy|no_?proxy|cafile|ca|cert|key|strict_ssl|cache|userconfig|globalconfig|fetch_.+|maxsockets|local_address)$/i;
const NPM_RUN_STATE = /^(npm_.*|INIT_CWD|NODE)$/i;
const AWS = /^AWS_/;

function dropped(name: string): boolean {
  if (AWS.test(name)) return name !== "AWS_CA_BUNDLE";
  return NPM_RUN_STATE.test(name) && !NPM_NETWORK_SETTING.test(name);
}

export function packageManagerEnv(extra: Record<string, string> = {}, caller: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(caller).filter(([name]) => !dropped(name)));
  const path = (caller.PATH ?? "/usr/local/bin:/usr/bin:/bin")
    .split(delimiter)
    .filter((entry) => entry !== "" && !/[\\/]node_modules[\\/]\.bin$/.test(entry) && !/[\\/]node-gyp-bin$/.test(entry));
  return { ...kept, PATH: [dirname(process.execPath), ...path].join(delimiter), ...extra };
}
