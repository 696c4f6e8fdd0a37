/**
 * Starts the local stack: moto_server (EC2 emulator) and serverless-offline wired to it, both on
 * 127.0.0.1, and stops both (whole process groups) on demand.
 * Before starting anything it checks that the ports asked for are free (PortInUseError names the
 * port, what it is for, and the process holding it when `ss` or `lsof` can tell). Ready means that
 * each child answered `GET /__local-stack` with this start's token (scripts/moto_server.py,
 * scripts/offline/hooks.ts) while still running: never another server that holds the port.
 * `exited` tells when a child dies after that.
 * Used by `npm start`, the fuzzer (scripts/fuzz.ts), the integration tests' global setup and the benchmark.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { basename } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import type { RealisticAwsConfig } from "./realistic-aws/config.ts";
import { type RealisticAws, startRealisticAws } from "./realistic-aws/server.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The account moto acts in for credentials it did not issue (the API's own, locally). */
export const MOTO_ACCOUNT = "123456789012";

/** The rate share's ledger table of the local stage (serverless.yml custom.rateShareTable), made in moto at start. */
export const LOCAL_RATE_SHARE_TABLE = "ec2-keypairs-api-local-rate-share";

/** Makes the local rate share table in moto, as the template makes it (deploy/rate-share-table.cjs), in the functions' region. */
async function createRateShareTable(motoUrl: string, region: string): Promise<void> {
  const dynamodb = new DynamoDBClient({ region, endpoint: motoUrl, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  try {
    await dynamodb.send(
      new CreateTableCommand({
        TableName: LOCAL_RATE_SHARE_TABLE,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "bucket", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "bucket", KeyType: "HASH" }],
      }),
    );
  } finally {
    dynamodb.destroy();
  }
}

export interface LocalStack {
  apiUrl: string;
  motoUrl: string;
  /** Where the functions reach AWS: the realistic layer in front of moto (realisticAws), otherwise motoUrl. */
  awsUrl: string;
  /** serverless-offline's Lambda Invoke endpoint (how the local sweeper runs the sweep function). */
  lambdaUrl: string;
  stop(): Promise<void>;
  /** Settles, with what happened ("moto_server (pid 12) exited with code 1"), when a child exits other than by stop(). */
  exited: Promise<string>;
}

export interface StackOptions {
  apiPort?: number;
  motoPort?: number;
  /** Extra environment for the Lambda handlers (e.g. EC2_TOTAL_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Where the processes' output goes: inherited (npm start) or collected (tests). */
  output?: "inherit" | ((chunk: string) => void);
  readyTimeoutMs?: number;
  /** Talk to real EC2 with the caller's AWS credentials instead of starting moto. */
  realAws?: boolean;
  /** Put the realistic layer (eventual consistency, throttling, latency: scripts/realistic-aws/) in front of moto. */
  realisticAws?: RealisticAwsConfig;
  /** Told what is being started and when each part answers (npm start prints it). */
  progress?: (message: string) => void;
}

/** The stage serverless-offline runs, whose resources the local stack makes in moto. */
const LOCAL_STAGE = "local";
const { idempotencyTable, idempotencyTableName } = createRequire(import.meta.url)("../deploy/idempotency-table.cjs");
/** The Idempotency-Key ledger's table on the local stage (handlers run in a test's own process name it too). */
export const LOCAL_IDEMPOTENCY_TABLE: string = idempotencyTableName("ec2-keypairs-api", LOCAL_STAGE);

/** The Idempotency-Key ledger's table, as the template defines it (deploy/idempotency-table.cjs), made in moto. */
async function createIdempotencyTable(motoUrl: string): Promise<void> {
  const { Properties: table } = idempotencyTable(LOCAL_IDEMPOTENCY_TABLE);
  const dynamoDb = new DynamoDBClient({
    region: "us-east-1",
    endpoint: motoUrl,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
  try {
    const { TableName, BillingMode, AttributeDefinitions, KeySchema, TimeToLiveSpecification } = table;
    await dynamoDb.send(new CreateTableCommand({ TableName, BillingMode, AttributeDefinitions, KeySchema }));
    await dynamoDb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification }));
  } finally {
    dynamoDb.destroy();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class PortInUseError extends Error {}

/** A command line for a message: empty arguments quoted, cut at a word (with "…") past 100 characters. */
export function shortCommand(argv: string[]): string {
  const words = argv.map((arg) => (arg === "" || /\s/.test(arg) ? JSON.stringify(arg) : arg));
  let line = words.shift() ?? "";
  for (const word of words) {
    if (line.length + 1 + word.length > 100) return `${line} …`;
    line += ` ${word}`;
  }
  return line;
}

/** Who listens on `port`, when `ss` (Linux) or `lsof` (macOS) can say so quickly: "python3 (pid 12)". */
export function portHolder(port: number): string | undefined {
  const run = (command: string, args: string[]) => {
    try {
      return execFileSync(command, args, { timeout: 1500, stdio: ["ignore", "pipe", "ignore"] }).toString();
    } catch {
      return "";
    }
  };
  const ss = /users:\(\("([^"]+)",pid=(\d+)/.exec(run("ss", ["-Hltnp", `sport = :${port}`]));
  if (ss) {
    // Its command line says more than its thread name (node's is "MainThread").
    let command = ss[1];
    try {
      // NUL-separated, NUL-terminated: an empty argument is an empty field, kept.
      const argv = readFileSync(`/proc/${ss[2]}/cmdline`, "utf8").replace(/\0$/, "").split("\0");
      if (argv.length > 0) command = shortCommand([basename(argv[0]!), ...argv.slice(1).map((arg) => arg.replace(`${ROOT}/`, ""))]);
    } catch {
      /* gone, or not Linux */
    }
    return `${command} (pid ${ss[2]})`;
  }
  const lsof = run("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fpc"]);
  const pid = /^p(\d+)$/m.exec(lsof);
  const command = /^c(.+)$/m.exec(lsof);
  return pid ? `${command?.[1] ?? "a process"} (pid ${pid[1]})` : undefined;
}

/** Throws PortInUseError unless 127.0.0.1:`port` can be bound now. */
export async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const server = createServer();
    server.once("error", (failure: NodeJS.ErrnoException) => resolve(failure));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(undefined)));
  });
  if (!error) return;
  if (error.code !== "EADDRINUSE" && error.code !== "EACCES") throw error;
  const holder = error.code === "EADDRINUSE" ? portHolder(port) : undefined;
  const why = error.code === "EACCES" ? "may not be used by this user" : `is already in use${holder ? ` by ${holder}` : ""}`;
  throw new PortInUseError(`port ${port} (${what}) ${why}: stop that process, or choose another port with ${variable}=<port>`);
}

/**
 * Polls `base`/__local-stack until it answers this start's token while every child still runs; a
 * child that exits first, or the deadline, fails. Anything else answering on the port never counts.
 */
async function waitUntilOurs(
  base: string,
  token: string,
  name: string,
  children: Map<ChildProcess, string>,
  deadline: number,
): Promise<void> {
  let last = "no answer yet";
  while (Date.now() < deadline) {
    for (const [child, childName] of children)
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `${childName} ${exitOf(child)} before the stack was ready${childName === name ? "" : ` (while waiting for ${name})`}`,
        );
    try {
      const answer = await fetch(`${base}/__local-stack`, { signal: AbortSignal.timeout(2000) });
      const text = await answer.text();
      if (answer.status === 200 && text === token) return;
      last = `${base} answered ${answer.status}, not as ${name}: is another server on that port?`;
    } catch (error) {
      last = (error as Error).message;
    }
    await delay(250);
  }
  throw new Error(`${name} was not ready at ${base} in time (${last})`);
}

const exitOf = (child: ChildProcess) =>
  child.signalCode !== null ? `was killed by ${child.signalCode}` : `exited with code ${child.exitCode}`;

/** Every process launched here that is still running, for stopAllLocalProcesses(). */
const running = new Set<ChildProcess>();

function launch(command: string, args: string[], env: NodeJS.ProcessEnv, output: StackOptions["output"]): ChildProcess {
  const child = spawn(command, args, {
    cwd: ROOT,
    env,
    detached: true, // own process group, so stop() reaches grandchildren too
    stdio: output === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (typeof output === "function") {
    child.stdout?.on("data", (chunk: Buffer) => output(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => output(chunk.toString()));
  }
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
  if (!stopped) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    await exited;
  }
}

/** Stops whatever this process launched, even a stack still starting (Ctrl-C during npm start). */
export async function stopAllLocalProcesses(): Promise<void> {
  await Promise.all([...running].map(stopProcess));
}

export async function startLocalStack(options: StackOptions = {}): Promise<LocalStack> {
  // The ports asked for are checked before anything starts; the others are free ones.
  if (options.apiPort !== undefined) await assertPortFree(options.apiPort, "the API, serverless-offline", "PORT");
  if (options.motoPort !== undefined && !options.realAws)
    await assertPortFree(options.motoPort, "the EC2 emulator, moto_server", "MOTO_PORT");
  const apiPort = options.apiPort ?? (await freePort());
  const motoPort = options.motoPort ?? (await freePort());
  // A port just checked and closed may be the kernel's next free one: never the API's or moto's.
  let lambdaPort = await freePort();
  while (lambdaPort === apiPort || lambdaPort === motoPort) lambdaPort = await freePort();
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  const motoUrl = options.realAws ? "" : `http://127.0.0.1:${motoPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const token = randomUUID();

  const children = new Map<ChildProcess, string>();
  let stopping = false;
  let reportExit: (what: string) => void = () => undefined;
  const exited = new Promise<string>((resolve) => {
    reportExit = resolve;
  });
  const watch = (child: ChildProcess, name: string) => {
    children.set(child, name);
    child.once("exit", () => {
      if (!stopping) reportExit(`${name} (pid ${child.pid}) ${exitOf(child)}`);
    });
    return child;
  };
  let realistic: RealisticAws | undefined;
  const stop = async () => {
    stopping = true;
    await Promise.all([...children.keys()].map(stopProcess));
    await realistic?.close();
  };
  const progress = options.progress ?? (() => undefined);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  try {
    // moto and serverless-offline boot at the same time; the API is polled once moto answers.
    let moto: ChildProcess | undefined;
    if (!options.realAws) {
      progress(`starting moto_server (EC2 emulator) on ${motoUrl}`);
      // moto_server with EC2's atomic key pair names (see the script).
      moto = watch(
        launch(
          `${ROOT}/.venv/bin/python`,
          [`${ROOT}/scripts/moto_server.py`, "-H", "127.0.0.1", "-p", String(motoPort)],
          { ...process.env, LOCAL_STACK_TOKEN: token },
          options.output,
        ),
        "moto_server",
      );
    }
    if (moto && options.realisticAws) {
      realistic = await startRealisticAws(motoUrl, options.realisticAws);
      progress(`realistic AWS in front of moto_server on ${realistic.url} (eventually consistent, throttled, with latency)`);
    }
    const awsUrl = realistic?.url ?? motoUrl;
    const emulatorCredentials = options.realAws
      ? {}
      : { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_SESSION_TOKEN: "", AWS_PROFILE: "" };
    const env = {
      ...process.env,
      ...emulatorCredentials,
      EC2_ENDPOINT: awsUrl,
      SSM_ENDPOINT: awsUrl, // moto serves Parameter Store too (escrowed private keys)
      EVENTS_ENDPOINT: awsUrl, // and EventBridge (every change is published there)
      AUTOSCALING_ENDPOINT: awsUrl, // and Auto Scaling (usage checks: launch configurations, groups)
      // and DynamoDB (the Idempotency-Key and rate share ledgers: strongly consistent, never throttled by the realistic layer, so moto's own)
      DYNAMODB_ENDPOINT: motoUrl,
      // The service's own rate share where AWS's rates are: in the realistic mode (REALISTIC_AWS=1), not against plain moto.
      RATE_SHARE_TABLE: options.realisticAws ? LOCAL_RATE_SHARE_TABLE : "",
      // and STS and Organizations (other accounts: moto scopes its state by the assumed role's account)
      ...(options.realAws ? {} : { STS_ENDPOINT: awsUrl, ORGANIZATIONS_ENDPOINT: awsUrl, ACCOUNT_ID: MOTO_ACCOUNT }),
      // Real AWS from this machine: the SDK's whole credential chain (profiles, SSO...), not Lambda's environment-only one.
      FULL_CREDENTIAL_CHAIN: options.realAws ? "true" : "",
      PORT: String(apiPort),
      LAMBDA_PORT: String(lambdaPort),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...options.env,
      LOCAL_STACK_TOKEN: token,
    };
    progress(`starting serverless-offline on ${apiUrl} (it bundles every handler with esbuild first)`);
    const offline = launch(
      `${ROOT}/node_modules/.bin/node`,
      [
        "--import",
        `${ROOT}/scripts/offline/register.ts`,
        `${ROOT}/node_modules/osls/bin/serverless.js`,
        "offline",
        "start",
        "--stage",
        LOCAL_STAGE,
      ],
      env,
      options.output,
    );
    watch(offline, "serverless-offline");
    if (moto) {
      await waitUntilOurs(motoUrl, token, "moto_server", children, deadline);
      await createIdempotencyTable(motoUrl);
      // The local stage deploys to us-east-1 (serverless.yml provider.region), where the ledgers are.
      await createRateShareTable(motoUrl, "us-east-1");
      progress(`moto_server (pid ${moto.pid}) answers, with the ledgers' tables (${elapsed()})`);
    }
    await waitUntilOurs(apiUrl, token, "serverless-offline", children, deadline);
    progress(`serverless-offline (pid ${offline.pid}) answers (${elapsed()})`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, motoUrl, awsUrl: realistic?.url ?? motoUrl, lambdaUrl: `http://127.0.0.1:${lambdaPort}`, stop, exited };
}
