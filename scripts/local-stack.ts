/**
 * Starts the local stack: moto_server (EC2 emulator) and serverless-offline wired to it, both on
 * 127.0.0.1, waits until each answers, and stops both (whole process groups) on demand.
 * Used by `npm start`, the fuzzer (scripts/fuzz.ts), the integration tests' global setup and the benchmark.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface LocalStack {
  apiUrl: string;
  motoUrl: string;
  stop(): Promise<void>;
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
  /** Told what is being started and when each part answers (npm start prints it). */
  progress?: (message: string) => void;
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

/** Polls `url` until it answers with any HTTP status, the process dies, or the deadline passes. */
async function waitUntilAnswering(url: string, child: ChildProcess, name: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await delay(250);
    }
  }
  throw new Error(`${name} did not answer at ${url} in time`);
}

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
  const apiPort = options.apiPort ?? (await freePort());
  const motoPort = options.motoPort ?? (await freePort());
  const lambdaPort = await freePort();
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  const motoUrl = options.realAws ? "" : `http://127.0.0.1:${motoPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
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
      moto = launch(
        `${ROOT}/.venv/bin/python`,
        [`${ROOT}/scripts/moto_server.py`, "-H", "127.0.0.1", "-p", String(motoPort)],
        process.env,
        options.output,
      );
      children.push(moto);
    }
    const emulatorCredentials = options.realAws
      ? {}
      : { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_SESSION_TOKEN: "", AWS_PROFILE: "" };
    const env = {
      ...process.env,
      ...emulatorCredentials,
      EC2_ENDPOINT: motoUrl,
      SSM_ENDPOINT: motoUrl, // moto serves Parameter Store too (escrowed private keys)
      AUTOSCALING_ENDPOINT: motoUrl, // and Auto Scaling (usage checks: launch configurations, groups)
      // Real AWS from this machine: the SDK's whole credential chain (profiles, SSO...), not Lambda's environment-only one.
      FULL_CREDENTIAL_CHAIN: options.realAws ? "true" : "",
      PORT: String(apiPort),
      LAMBDA_PORT: String(lambdaPort),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...options.env,
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
        "local",
      ],
      env,
      options.output,
    );
    children.push(offline);
    if (moto) {
      await waitUntilAnswering(`${motoUrl}/moto-api/`, moto, "moto_server", deadline);
      progress(`moto_server answers (${elapsed()})`);
    }
    await waitUntilAnswering(`${apiUrl}/keypairs`, offline, "serverless-offline", deadline);
    progress(`serverless-offline answers (${elapsed()})`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, motoUrl, stop };
}
