import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ROOT } from "../../scripts/local-stack.js";
import { renderOpenApi } from "../../scripts/openapi/generate.js";
import { EVENT_DETAIL_TYPES } from "../../src/lib/api/events.js";
import { PROBLEM_TITLES, PROBLEM_TYPE_BASE, type ProblemKind } from "../../src/lib/api/problems.js";
import { PROBLEM_STATUS } from "../../src/lib/http/problems.js";
import { METHODS_BY_PATH, ROUTES, routeKey } from "../../src/lib/routes.js";
import { assertEventMatchesSpec } from "../support/contract.js";

const committed = readFileSync(`${ROOT}/openapi.yaml`, "utf8");

/** A response as written in the operation, or the shared components/responses entry it references. */
function resolved(spec: any, response: any): { shared: boolean; response: any } {
  const name = response.$ref?.match(/^#\/components\/responses\/(\w+)$/)?.[1];
  return name ? { shared: true, response: spec.components.responses[name] } : { shared: false, response };
}

describe("openapi.yaml", () => {
  test("is exactly what the zod schemas generate (run `npm run openapi` after changing them)", () => {
    expect(renderOpenApi()).toBe(committed);
  });

  test("every operation is complete: id, summary, description, IAM security, examples for errors", () => {
    const spec = parse(committed);
    for (const [path, methods] of Object.entries<Record<string, any>>(spec.paths)) {
      for (const [method, operation] of Object.entries<any>(methods)) {
        const where = `${method} ${path}`;
        expect([where, Boolean(operation.operationId && operation.summary && operation.description)]).toEqual([where, true]);
        expect([where, operation.security]).toEqual([where, [{ sigv4: [] }]]);
        // The docs routes call nothing upstream: no 502 or 504.
        const statuses = operation.tags.includes("docs") ? ["400", "403", "405", "500"] : ["400", "403", "405", "500", "502", "504"];
        for (const status of statuses) expect([where, status, Boolean(operation.responses[status])]).toEqual([where, status, true]);
        for (const [status, written] of Object.entries<any>(operation.responses)) {
          const { response } = resolved(spec, written);
          // Every error answer has an example for each of its content types (problems, and the gateway's own {"message"}).
          if (Number(status) >= 400)
            expect([
              where,
              status,
              Object.values<any>(response.content ?? {}).length > 0 && Object.values<any>(response.content).every((media) => media.example),
            ]).toEqual([where, status, true]);
        }
      }
    }
  });

  test("problem examples are what the API answers: the problem table's title and status, the operation's own path as instance", () => {
    const spec = parse(committed);
    for (const [path, methods] of Object.entries<Record<string, any>>(spec.paths)) {
      for (const [method, operation] of Object.entries<any>(methods)) {
        for (const [status, written] of Object.entries<any>(operation.responses)) {
          const { shared, response } = resolved(spec, written);
          const example = response.content?.["application/problem+json"]?.example;
          if (!example) continue;
          const kind = example.type.slice(PROBLEM_TYPE_BASE.length) as ProblemKind;
          const where = `${method} ${path} ${status}`;
          expect([where, example.title, example.status, Number(status)]).toEqual([
            where,
            PROBLEM_TITLES[kind],
            PROBLEM_STATUS[kind],
            PROBLEM_STATUS[kind],
          ]);
          // A shared answer serves many paths: its example names none (instance is each request's own path).
          expect([where, example.instance]).toEqual([
            where,
            shared
              ? undefined
              : path.replace("{name}", "deploy-bot").replace("{keyPairId}", "key-0123456789abcdef0").replace("{type}", "teapot"),
          ]);
          // Parameters other than the body's are never cited as body fields.
          if (!operation.requestBody) expect([where, JSON.stringify(example)]).not.toEqual([where, expect.stringContaining("body.")]);
        }
      }
    }
  });

  test("answers alike everywhere are written once: 413, 429, 500, 503 and the gateway's own 403 reference components/responses", () => {
    const spec = parse(committed);
    const inline: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, any>>(spec.paths))
      for (const [method, operation] of Object.entries<any>(methods))
        for (const [status, written] of Object.entries<any>(operation.responses)) {
          // A 403 with a problem is the operation's own (a dry run refused, an unmanaged key); the gateway's alone is shared.
          const own = status === "403" && written.content?.["application/problem+json"];
          if (["403", "413", "429", "500", "503"].includes(status) && !own && !written.$ref) inline.push(`${method} ${path} ${status}`);
        }
    expect(inline).toEqual([]);
    expect(Object.keys(spec.components.responses).length).toBeGreaterThanOrEqual(5);
  });

  test("the spec's operations are exactly the route table's, and each path's methods its Allow header", () => {
    const spec = parse(committed);
    const fromSpec = Object.entries<Record<string, unknown>>(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(fromSpec.sort()).toEqual(ROUTES.map(routeKey).sort());
    for (const [path, methods] of Object.entries<Record<string, unknown>>(spec.paths)) {
      expect([path, [...METHODS_BY_PATH[path]!].sort()]).toEqual([
        path,
        Object.keys(methods)
          .map((method) => method.toUpperCase())
          .sort(),
      ]);
    }
  });

  test("x-events lists exactly the events the service publishes, each example valid against the detail schema", () => {
    const events = parse(committed)["x-events"];
    expect(events.source).toBe("ec2-keypairs-api");
    expect(Object.keys(events.events)).toEqual(Object.values(EVENT_DETAIL_TYPES));
    for (const [type, event] of Object.entries<{ example: unknown }>(events.events)) assertEventMatchesSpec(type, event.example);
    expect(() => assertEventMatchesSpec("Key Pair Created", { name: "x" })).toThrow();
  });
});

/** Every description in the spec (Markdown, as Redoc and other renderers read it), with its place. */
function descriptions(value: unknown, where = "#"): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((item, index) => descriptions(item, `${where}/${index}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === "description" && typeof item === "string" ? [[where, item] as [string, string]] : descriptions(item, `${where}/${key}`),
  );
}

describe("openapi.yaml as the docs page shows it", () => {
  const spec = parse(committed);

  test("no description holds raw HTML-like text outside a code span (Markdown would swallow <keyPairId>)", () => {
    const html = descriptions(spec).filter(([, text]) => /<\/?[A-Za-z!]/.test(text.replace(/`[^`]*`/g, "")));
    expect(html).toEqual([]);
  });

  test("no description points at a file of this repository", () => {
    const files = descriptions(spec).filter(([, text]) =>
      /(?<![/\w])[\w./-]+\.(?:ts|cjs|mjs|js|py|ya?ml|md)\b|\b(?:src|scripts|test|build)\//.test(text),
    );
    expect(files).toEqual([]);
  });

  test("servers: the deployed API first, its text without localhost; the local stack's port a variable, not fixed", () => {
    const servers = spec.servers as Array<{ url: string; description: string; variables?: Record<string, { default: string }> }>;
    expect(servers[0]!.url).toMatch(/^https:\/\/\{apiId\}\.execute-api\.\{region\}\.amazonaws\.com$/);
    expect(servers[0]!.description).not.toMatch(/localhost|127\.0\.0\.1/);
    for (const server of servers.filter((entry) => /localhost|127\.0\.0\.1/.test(entry.url))) {
      expect(server.url).not.toMatch(/:\d+/);
      expect(server.url).toMatch(/:\{port\}$/);
      expect(server.variables?.port?.default).toMatch(/^\d+$/);
    }
  });
});
