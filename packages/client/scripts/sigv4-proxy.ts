/**
 * Runs the tests' SigV4-verifying proxy in front of a local API, for trying the CLI by hand:
 *   AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... tsx packages/client/scripts/sigv4-proxy.ts [TARGET] [SECONDS]
 * It verifies with the credentials of its own environment, listens on 127.0.0.1, prints its URL
 * and stops by itself after SECONDS (default 300).
 */
import { startVerifier } from "../test/support/sigv4-verifier.js";

const target = process.argv[2] ?? "http://127.0.0.1:3000";
const seconds = Number(process.argv[3] ?? 300);
const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
if (!accessKeyId || !secretAccessKey) {
  console.error("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: the proxy accepts requests signed with them");
  process.exit(2);
}
const verifier = await startVerifier({ target, credentials: { accessKeyId, secretAccessKey }, log: (line) => console.error(line) });
console.log(`${verifier.url} -> ${target} (stops in ${seconds} s)`);
setTimeout(() => void verifier.close().then(() => process.exit(0)), seconds * 1000).unref();
process.on("SIGINT", () => void verifier.close().then(() => process.exit(0)));
await new Promise(() => undefined);
