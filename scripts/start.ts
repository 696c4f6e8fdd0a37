/**
 * `npm start`: the API on http://localhost:3000 against moto_server (or, with LOCAL_EC2=false, real
 * EC2), until Ctrl-C, SIGTERM or SIGHUP (the terminal closed), each of which stops everything and
 * exits 0. A port already taken, a child that fails to start, or a child that dies later: a
 * one-line error, everything stopped, exit 1.
 */
import { startLocalStack, stopAllLocalProcesses } from "./local-stack.js";
import { DEFAULT_SWEEP_INTERVAL_SECONDS, type LocalSweeper, startLocalSweeper } from "./local-sweeper.js";
import { configFromEnv } from "./realistic-aws/config.js";

const apiPort = Number(process.env.PORT ?? 3000);
const motoPort = Number(process.env.MOTO_PORT ?? 5000);

const realAws = process.env.LOCAL_EC2 === "false";
// REALISTIC_AWS=1: moto behind a layer that behaves like AWS (scripts/realistic-aws/config.ts has every knob).
const realisticAws = process.env.REALISTIC_AWS === "1" ? configFromEnv() : undefined;
if (realisticAws && realAws) throw new Error("REALISTIC_AWS=1 applies to the local emulator: it cannot be combined with LOCAL_EC2=false");
// The local organisation's member accounts (scripts/local-organization.ts): a few, each warmed in moto at start.
const localAccounts = Number(process.env.LOCAL_ACCOUNTS ?? 3);
if (!Number.isInteger(localAccounts) || localAccounts < 0 || localAccounts > 20)
  throw new Error(`LOCAL_ACCOUNTS must be a whole number from 0 to 20, not ${process.env.LOCAL_ACCOUNTS}`);
const sweepIntervalSeconds = Number(process.env.SWEEP_INTERVAL_SECONDS ?? DEFAULT_SWEEP_INTERVAL_SECONDS);
if (!(sweepIntervalSeconds > 0))
  throw new Error(`SWEEP_INTERVAL_SECONDS must be a positive number of seconds, not ${process.env.SWEEP_INTERVAL_SECONDS}`);
let sweeper: LocalSweeper | undefined;

// Registered before anything starts, so a signal while the stack is still starting stops it too.
let stopping = false;
const shutdown = async (code: number, why?: string) => {
  if (stopping) return;
  stopping = true;
  if (why) console.error(`error: ${why}`);
  await sweeper?.stop();
  await stopAllLocalProcesses();
  process.exit(code);
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => {
    // npm passes a signal on and the terminal sends it to the whole group: say it once.
    if (stopping) return;
    console.error(`==> ${signal}: stopping moto_server and serverless-offline`);
    void shutdown(0);
  });

const stack = await startLocalStack({
  apiPort,
  localAccounts,
  deniedAccount: process.env.LOCAL_DENIED_ACCOUNT === "1",
  motoPort,
  realAws,
  realisticAws,
  output: "inherit",
  progress: (message) => console.log(`==> ${message}`),
}).catch((error: Error) => shutdown(1, `${error.message}; nothing is left running`));
if (!stack) await new Promise(() => undefined); // shutdown() exits

// The sweep's schedule, locally: expired keys (ttlSeconds, expiresAt) go within about one interval of their expiry. Not against real AWS.
if (!realAws)
  sweeper = startLocalSweeper({
    lambdaUrl: stack!.lambdaUrl,
    intervalSeconds: sweepIntervalSeconds,
    report: (message) => console.error(`==> sweeper: ${message}`),
  });
const url = `http://localhost:${apiPort}`;
const emulator = realisticAws
  ? `EC2 emulator ${stack!.motoUrl} behind realistic AWS ${stack!.awsUrl} (seed ${realisticAws.seed})`
  : `EC2 emulator ${stack!.motoUrl}`;
const backend = realAws ? "real AWS EC2 with your credentials" : `${emulator}; keys live in its memory until it stops`;
console.log(`
EC2 key pairs API: ${url}  (${backend}; Ctrl-C stops everything)
${realAws ? "The sweep does not run against real AWS from here." : `The sweep deletes expired keys every ${sweepIntervalSeconds} s (SWEEP_INTERVAL_SECONDS); events go to moto's EventBridge.`}

  curl -s -X POST ${url}/keypairs -H 'content-type: application/json' -d '{"name":"demo","keyType":"ed25519"}'
  curl -s '${url}/keypairs?region=us-east-1'
  curl -s '${url}/keypairs/demo?includePublicKey=true'
  curl -s -X DELETE -o /dev/null -w '%{http_code}\\n' ${url}/keypairs/demo
${organizationLines()}`);

/** The local organisation's accounts, and a request in one of them (README, "A local organisation"). */
function organizationLines(): string {
  const organization = stack!.organization;
  if (!organization || organization.members.length === 0) return "";
  const denied = organization.denied ? `; ${organization.denied} has no member role (403 account-unreachable)` : "";
  return `
Organisation (moto): this account and member accounts ${organization.members.join(", ")}${denied}.
  curl -s '${url}/keypairs?account=${organization.members[0]}'
`;
}

const died = await stack!.exited;
await shutdown(1, `${died}; stopping the rest`);
