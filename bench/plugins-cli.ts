/** `npx tsx bench/plugins-cli.ts [pairs]`: only the plugin table of `npm run bench` (bench/plugins.ts). */
import { mkdirSync } from "node:fs";
import { ROOT } from "../scripts/local-stack.js";
import { startFakeEc2 } from "./fake-ec2.js";
import { formatPluginShares, pluginShares } from "./plugins.js";

const fake = await startFakeEc2();
const env = {
  ...process.env,
  EC2_ENDPOINT: fake.url,
  EVENTS_ENDPOINT: fake.url,
  AUTOSCALING_ENDPOINT: fake.url,
  DEFAULT_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  AWS_REGION: "us-east-1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  PRIME_EC2_ON_INIT: "true",
  LOG_LEVEL: "SILENT",
};
const out = `${ROOT}/.tmp/bench`;
mkdirSync(out, { recursive: true });
console.log(formatPluginShares(await pluginShares(out, Number(process.argv[2] ?? 7), env)));
fake.server.close();
