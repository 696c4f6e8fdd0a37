/** `npx tsx bench/plugins-cli.ts [pairs]`: only the plugin table of `npm run bench` (bench/plugins.ts). */
import { mkdirSync } from "node:fs";
import { ROOT } from "../scripts/local-stack.js";
import { fakeAwsEnvironment, startFakeEc2 } from "./fake-ec2.js";
import { formatPluginShares, pluginShares } from "./plugins.js";

const fake = await startFakeEc2();
// As deployed: PRIME_EC2_ON_INIT is serverless.yml's.
const env = { ...process.env, ...fakeAwsEnvironment(fake.url), PRIME_EC2_ON_INIT: "true" };
const out = `${ROOT}/.tmp/bench`;
mkdirSync(out, { recursive: true });
console.log(formatPluginShares(await pluginShares(out, Number(process.argv[2] ?? 7), env)));
fake.server.close();
