/** GET /openapi.json and GET /docs on the local stack: built at package time, nothing fetched at run time. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ROOT } from "../../scripts/local-stack.js";
import { assertMatchesSpec } from "../support/contract.js";

const get = (path: string, init: RequestInit = {}) => fetch(`${process.env.API_URL}${path}`, init);

describe("served docs", () => {
  test("GET /openapi.json is the committed openapi.yaml, as JSON", async () => {
    const answer = await get("/openapi.json");
    const text = await answer.text();
    expect([answer.status, answer.headers.get("content-type")]).toEqual([200, expect.stringMatching(/^application\/json\b/)]);
    expect(JSON.parse(text)).toEqual(parse(readFileSync(`${ROOT}/openapi.yaml`, "utf8")));
    assertMatchesSpec("GET", "/openapi.json", answer.status, answer.headers, text);
  });

  test("GET /docs is one self-contained page whose CSP allows exactly its own inline scripts", async () => {
    const answer = await get("/docs");
    const html = await answer.text();
    expect([answer.status, answer.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);
    assertMatchesSpec("GET", "/docs", answer.status, answer.headers, html);
    expect(html).toContain("EC2 Key Pairs API");
    // Nothing loaded from elsewhere: no external script or stylesheet, no CDN import.
    expect(html).not.toMatch(/<(script|link)\b[^>]*\b(src|href)="https?:/i);
    expect(html).not.toMatch(/from "https?:/);
    const csp = answer.headers.get("content-security-policy")!;
    const hashes = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map(
      ([, body]) => `'sha256-${createHash("sha256").update(body!, "utf8").digest("base64")}'`,
    );
    expect(hashes.length).toBeGreaterThan(0);
    expect(csp).toBe(
      `default-src 'none'; script-src ${hashes.join(" ")}; style-src 'unsafe-inline'; img-src data: https://cdn.redoc.ly; font-src data:; base-uri 'none'; ` +
        `form-action 'none'; frame-ancestors 'none'`,
    );
  });

  // Not replayed through Prism (scripts/prism-replay.ts): its proxy decodes the br answer it relays, dropping Content-Encoding.
  (process.env.CONTRACT_PROXY === "prism" ? test.skip : test)(
    "GET /docs is brotli-compressed for a client that accepts br, decompressed for one that does not",
    async () => {
      const compressed = await get("/docs", { headers: { "accept-encoding": "br" } });
      const plain = await get("/docs", { headers: { "accept-encoding": "identity" } });
      expect([compressed.status, compressed.headers.get("content-encoding"), compressed.headers.get("vary")]).toEqual([
        200,
        "br",
        "Accept-Encoding", // once: the local gateway adds no second vary (scripts/offline/hooks.ts)
      ]);
      expect([plain.status, plain.headers.get("content-encoding"), plain.headers.get("vary")]).toEqual([200, null, "Accept-Encoding"]);
      for (const answer of [compressed, plain])
        expect(answer.headers.get("content-security-policy")).toMatch(/^default-src 'none'; script-src 'sha256-/);
      // fetch decodes br: the same page either way.
      const [html, plainHtml] = [await compressed.text(), await plain.text()];
      expect(html).toBe(plainHtml);
      expect(html).toContain("EC2 Key Pairs API");
    },
  );

  test("the API's own answers keep default-src 'none'; other methods on the docs paths are 405", async () => {
    const policy = (await get("/openapi.json")).headers.get("content-security-policy")!;
    expect(policy).toMatch(/^default-src 'none';/);
    expect(policy).not.toMatch(/script-src|unsafe-inline/);
    const put = await get("/docs", { method: "PUT" });
    expect([put.status, put.headers.get("allow"), put.headers.get("content-type")]).toEqual([405, "GET", "application/problem+json"]);
    assertMatchesSpec("GET", "/docs", put.status, put.headers, await put.text());
  });
});
