/** The local stack's patch of serverless-offline (scripts/offline/hooks.ts) applies, works, and stops on another version. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../../scripts/local-stack.js";
import { PATCHES, patchSource } from "../../../scripts/offline/hooks.js";

const [patch] = PATCHES;
const installed = join(ROOT, "node_modules", patch!.file);

test("the installed v2 event module is patched once, and the patch joins a repeated header as API Gateway does", () => {
  const patched = patchSource(installed, readFileSync(installed, "utf8"));
  expect(patched).toContain(patch!.replace);
  expect(patched).not.toContain(patch!.find);
  const join = new Function(`${patch!.append}\nreturn joinRepeatedHeaders;`)() as (raw: string[]) => Record<string, string>;
  expect(join(["Idempotency-Key", "a", "Content-Type", "application/json", "idempotency-key", "b"])).toEqual({
    "idempotency-key": "a,b",
    "content-type": "application/json",
  });
});

test("another serverless-offline version, or a source without the replaced line, stops the stack naming what to re-check", () => {
  const dir = mkdtempSync(join(tmpdir(), "offline-"));
  try {
    const file = join(dir, "node_modules", patch!.file);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(join(dir, "node_modules/serverless-offline/package.json"), JSON.stringify({ version: "14.9.0" }));
    expect(() => patchSource(file, readFileSync(installed, "utf8"))).toThrow(/patched for serverless-offline 14\.8\.2 \(found 14\.9\.0/);
    writeFileSync(join(dir, "node_modules/serverless-offline/package.json"), JSON.stringify({ version: patch!.version }));
    expect(() => patchSource(file, "export default class X {}")).toThrow(/0 match\(es\) of the replaced line\)\. Re-check/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("HttpServer.js", () => {
  const file = join(ROOT, "node_modules/serverless-offline/src/events/http/HttpServer.js");
  const patched = patchSource(file, readFileSync(file, "utf8"));

  test("hapi's compression is off, as an HTTP API does not compress (it added a second vary: accept-encoding)", () => {
    expect(patched).toMatch(/const serverOptions = \{\n\s+compression: false,/);
  });

  test("a failed invocation (thrown, timed out) of an HTTP API route answers 500 {message} as API Gateway does, never 200", () => {
    const branch = patched.indexOf(
      "if (err && endpoint.isHttpApi) {\n          result = failedInvocationAsApiGateway()\n        } else if (",
    );
    expect(branch).toBeGreaterThan(patched.indexOf('} else if (integration === "AWS_PROXY") {'));
    const start = patched.indexOf("function failedInvocationAsApiGateway");
    const failed = new Function(`${patched.slice(start)}\nreturn failedInvocationAsApiGateway;`)() as () => Record<string, unknown>;
    expect(failed()).toEqual({
      statusCode: 500,
      headers: { "Content-Type": "application/json" },
      body: '{"message":"Internal Server Error"}',
      isBase64Encoded: false,
    });
  });

  test("a function runs at most its limit of invocations at once; the others wait their turn, in order; functions do not share", async () => {
    expect(patched).toContain("const release = await invocationSlot(functionKey)");
    expect(patched).toMatch(/const INVOCATIONS_AT_ONCE = Math\.max\(2, localCores\(\)\)/);
    const start = patched.indexOf("const invocationQueues");
    const slot = new Function(`${patched.slice(start, patched.indexOf("\n}\n", start) + 2)}\nreturn invocationSlot;`)() as (
      key: string,
      limit: number,
    ) => Promise<() => void>;
    const order: string[] = [];
    const take = async (key: string, name: string) => {
      const release = await slot(key, 2);
      order.push(name);
      return release;
    };
    const [a, b] = await Promise.all([take("create", "a"), take("create", "b")]);
    const c = take("create", "c");
    const d = take("create", "d");
    const other = await take("read", "other"); // another function: not behind create's queue
    await Promise.resolve();
    expect(order).toEqual(["a", "b", "other"]);
    a!();
    const releaseC = await c;
    expect(order).toEqual(["a", "b", "other", "c"]);
    b!();
    await d;
    expect(order).toEqual(["a", "b", "other", "c", "d"]);
    releaseC();
    other();
  });

  test("GET /__local-stack answers LOCAL_STACK_TOKEN, and nothing without it", () => {
    expect(patched).toContain('this.#server.ext("onRequest", (request, h) => answerLocalStackProbe(request, h))');
    const start = patched.indexOf("function answerLocalStackProbe");
    const probe = new Function(`${patched.slice(start)}\nreturn answerLocalStackProbe;`)() as (request: object, h: object) => unknown;
    const answered: string[] = [];
    const h = {
      continue: "continue",
      response: (body: string) => {
        answered.push(body);
        const chain = { type: () => chain, code: () => chain, takeover: () => "took over" };
        return chain;
      },
    };
    const saved = process.env.LOCAL_STACK_TOKEN;
    try {
      delete process.env.LOCAL_STACK_TOKEN;
      expect(probe({ method: "get", path: "/__local-stack" }, h)).toBe("continue");
      process.env.LOCAL_STACK_TOKEN = "t-123";
      expect(probe({ method: "get", path: "/keypairs" }, h)).toBe("continue");
      expect(probe({ method: "get", path: "/__local-stack" }, h)).toBe("took over");
      expect(answered).toEqual(["t-123"]);
    } finally {
      if (saved === undefined) delete process.env.LOCAL_STACK_TOKEN;
      else process.env.LOCAL_STACK_TOKEN = saved;
    }
  });
});

test("a body without Content-Type keeps none (serverless-offline would say application/json; API Gateway passes headers as sent)", () => {
  const patched = patchSource(installed, readFileSync(installed, "utf8"));
  expect(patched).not.toContain('headers["content-type"] = "application/json"');
  expect(patched).toContain("no default Content-Type");
});

test("the function gets the body's text as sent, never the value serverless-offline parsed from it (a JSON string, null)", () => {
  const patched = patchSource(installed, readFileSync(installed, "utf8"));
  expect(patched).toContain("let body = this.#request.rawPayload");
  expect(patched).not.toContain("let body = this.#request.payload\n");
});
