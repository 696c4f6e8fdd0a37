/**
 * `npm start` as a newcomer meets it: a port already taken stops it before anything starts, with
 * a message naming the port and its holder, exit 1; SIGTERM (a supervisor) and SIGHUP to the
 * process group (the terminal closed) stop moto_server and serverless-offline and free their
 * ports; a child that dies takes the rest down, exit 1. Free ports only (PORT, MOTO_PORT), so
 * nothing here meets another stack; every wait is bounded.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { jest } from "@jest/globals";
import { freePort, ROOT } from "../../scripts/local-stack.js";
import { packageManagerEnv } from "../support/package-manager-env.js";

jest.setTimeout(240_000);

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function npmStart(env: Record<string, string>): Run {
  let stdout = "";
  let stderr = "";
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    env: packageManagerEnv(env), // it may install (scripts/ensure-deps.sh)
    detached: true, // its own process group, like a terminal's foreground job
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  started.push(child);
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Polls `condition` every 100 ms until it holds; fails naming `what` after `ms`. */
async function until(what: string, ms: number, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await delay(100);
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

const listen = (server: Server | ReturnType<typeof createHttpServer>, port: number) =>
  new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));

async function ports(): Promise<{ api: number; moto: number }> {
  const api = await freePort();
  let moto = await freePort();
  while (moto === api) moto = await freePort();
  return { api, moto };
}

/** Starts npm start on free ports and waits for its banner; the children's pids from its progress lines. */
async function startedStack() {
  const { api, moto } = await ports();
  const run = npmStart({ PORT: String(api), MOTO_PORT: String(moto) });
  await until("the ready banner", 180_000, () => {
    if (run.child.exitCode !== null) throw new Error(`npm start exited ${run.child.exitCode}:\n${run.stderr()}`);
    return run.stdout().includes("EC2 key pairs API:");
  });
  const pid = (name: string) => Number(new RegExp(`==> ${name} \\(pid (\\d+)\\) answers`).exec(run.stdout())?.[1]);
  const pids = { moto: pid("moto_server"), offline: pid("serverless-offline") };
  expect(pids.moto).toBeGreaterThan(0);
  expect(pids.offline).toBeGreaterThan(0);
  expect(await (await fetch(`http://127.0.0.1:${api}/keypairs?region=us-east-1`)).status).toBe(200);
  return { run, api, moto, pids };
}

const started: ChildProcess[] = [];
const held: (Server | ReturnType<typeof createHttpServer>)[] = [];
let childPids: number[] = [];

afterEach(async () => {
  for (const server of held.splice(0)) await new Promise((resolve) => server.close(resolve));
  // Whatever a failed test left of what it started: npm's group, then the stack's own groups.
  for (const child of started.splice(0))
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
  for (const pid of childPids.splice(0))
    if (alive(pid)) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
  childPids = [];
});

test("the API port held by a process that speaks no HTTP: exit 1 at once, naming the port and the holder; nothing starts", async () => {
  const { api, moto } = await ports();
  const silent = createServer(() => undefined); // accepts connections, never answers
  held.push(silent);
  await listen(silent, api);
  const began = Date.now();
  const run = npmStart({ PORT: String(api), MOTO_PORT: String(moto) });
  const exit = await run.exit;
  expect(exit.code).toBe(1);
  expect(Date.now() - began).toBeLessThan(20_000);
  expect(run.stderr()).toMatch(
    new RegExp(
      `error: port ${api} \\(the API, serverless-offline\\) is already in use by node .*\\(pid ${process.pid}\\): stop that process, or choose another port with PORT=<port>`,
    ),
  );
  expect(run.stdout()).not.toContain("starting moto_server");
  expect(run.stdout()).not.toContain("EC2 key pairs API");
  expect(await bindable(moto)).toBe(true);
});

test("the moto port held by another HTTP server: exit 1, naming MOTO_PORT, before anything starts", async () => {
  const { api, moto } = await ports();
  const other = createHttpServer((_request, response) => response.end("someone else's server"));
  held.push(other);
  await listen(other, moto);
  const run = npmStart({ PORT: String(api), MOTO_PORT: String(moto) });
  expect((await run.exit).code).toBe(1);
  expect(run.stderr()).toContain(`error: port ${moto} (the EC2 emulator, moto_server) is already in use by node`);
  expect(run.stderr()).toContain("MOTO_PORT=<port>");
  expect(run.stdout()).not.toContain("answers");
  expect(await bindable(api)).toBe(true);
});

test("SIGTERM to npm start stops moto_server and serverless-offline: their ports are free", async () => {
  const { run, api, moto, pids } = await startedStack();
  childPids = [pids.moto, pids.offline];
  run.child.kill("SIGTERM");
  // npm passes SIGTERM on to start.ts and ends by the same signal (start.ts itself exits 0).
  const exit = await Promise.race([run.exit, delay(30_000).then(() => ({ code: -1, signal: null }))]);
  expect([
    { code: 0, signal: null },
    { code: null, signal: "SIGTERM" },
  ]).toContainEqual(exit);
  await until("moto_server and serverless-offline gone", 30_000, () => !alive(pids.moto) && !alive(pids.offline));
  expect([await bindable(api), await bindable(moto)]).toEqual([true, true]);
  expect(run.stderr().split("==> SIGTERM: stopping moto_server and serverless-offline")).toHaveLength(2);
});

test("SIGHUP to its process group (the terminal closed) stops moto_server and serverless-offline", async () => {
  const { run, api, moto, pids } = await startedStack();
  childPids = [pids.moto, pids.offline];
  process.kill(-run.child.pid!, "SIGHUP");
  // npm itself dies of SIGHUP at once; what matters is that start.ts stopped the children.
  await until("moto_server and serverless-offline gone", 30_000, () => !alive(pids.moto) && !alive(pids.offline));
  await until("both ports free", 10_000, async () => (await bindable(api)) && (await bindable(moto)));
  expect(run.stderr()).toContain("==> SIGHUP: stopping moto_server and serverless-offline");
});

test("moto_server dying: npm start says so, stops serverless-offline and exits 1", async () => {
  const { run, api, pids } = await startedStack();
  childPids = [pids.moto, pids.offline];
  process.kill(pids.moto, "SIGKILL");
  const exit = await Promise.race([run.exit, delay(30_000).then(() => ({ code: -1, signal: null }))]);
  expect(exit.code).toBe(1);
  expect(run.stderr()).toContain(`error: moto_server (pid ${pids.moto}) was killed by SIGKILL; stopping the rest`);
  expect(alive(pids.offline)).toBe(false);
  expect(await bindable(api)).toBe(true);
});
