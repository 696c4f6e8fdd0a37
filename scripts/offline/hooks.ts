/**
 * Module hooks for serverless-offline: each patch names the version it was written against and
 * the exact text it replaces, and stops the local stack when either differs.
 *
 * Repeated headers: API Gateway's payload 2.0 joins a repeated header's values with commas (a
 * repeated Idempotency-Key then fails its schema: 400). serverless-offline keeps the last value
 * only, so a request with two keys passed as one.
 *
 * CORS: without a CORS configuration API Gateway adds no CORS header; with one (provider.httpApi.cors,
 * deploy/cors.cjs) it answers preflights itself and adds the headers for the listed origins only.
 * serverless-offline echoes any Origin, with Access-Control-Allow-Credentials: true, when CORS is
 * not configured, and any Origin on answers when it is: a page on any origin could read a private key.
 *
 * Content-Type: serverless-offline gives a body without Content-Type `application/json`; API
 * Gateway passes the headers as sent, so such a body is refused (415) there and here alike.
 *
 * Body: serverless-offline parses a JSON body and hands the Lambda the parsed value where it is a
 * string (`"x"` arrives as `x`) or falsy (`null`, `0`, `false` arrive as such, not as text); API
 * Gateway passes the body's text as sent, so the function reads the same JSON value there and here.
 *
 * Compression: an HTTP API does not compress answers; serverless-offline's hapi gzips them and adds
 * `vary: accept-encoding` beside the Lambda's own `Vary: Accept-Encoding` (GET /docs), so the
 * header came out twice. Off, as in API Gateway: the Lambda's headers pass as they are.
 *
 * Failed invocations: when the handler throws or runs out of time, serverless-offline wraps its
 * error ({"errorMessage":"[504] - Lambda timeout.",...}) as a 200 answer of an HTTP API. API
 * Gateway never answers a failed invocation with 200: an HTTP API answers 500
 * {"message":"Internal Server Error"}, the body the spec and the clients know as the gateway's own.
 *
 * Concurrency: serverless-offline starts one more instance (a worker thread and its INIT) for every
 * invocation that finds none idle, without a limit: a burst of 100 creates made 100 INITs at once
 * on a 2-core machine, and most invocations outlasted the Lambda timeout. Here each function runs
 * at most as many invocations at once as the machine has cores (at least 2), and the others wait
 * for a free instance, as they would for one of Lambda's many machines.
 *
 * Identity: `GET /__local-stack` answers the LOCAL_STACK_TOKEN of the process's environment (set by
 * scripts/local-stack.ts), so the readiness check knows that its own serverless-offline answered,
 * not whatever else listens on the port. Without the variable the path is an ordinary 404.
 */
import { readFileSync } from "node:fs";
import type { LoadHook } from "node:module";
import { fileURLToPath } from "node:url";

interface Patch {
  file: string;
  version: string;
  find: string;
  replace: string;
  append: string;
  recheck: string;
}

/** API Gateway's CORS (HTTP API), for serverless-offline's hapi server; plain JavaScript, appended to HttpServer.js. */
const API_GATEWAY_CORS = `
// Patched (scripts/offline/hooks.ts): CORS as API Gateway answers it.
function corsOf(configured) {
  if (!configured) return undefined
  return configured === true ? { allowedOrigins: ["*"], allowedMethods: ["*"], allowedHeaders: ["*"] } : configured
}
function isPreflight(request) {
  return request.method === "options" && request.headers.origin !== undefined && request.headers["access-control-request-method"] !== undefined
}
function allowedOrigin(cors, origin) {
  const origins = cors.allowedOrigins || []
  if (origins.includes("*")) return cors.allowCredentials ? origin : "*"
  return origins.includes(origin) ? origin : undefined
}
function answerPreflightAsApiGateway(request, h, configured) {
  const cors = corsOf(configured)
  if (!cors || !isPreflight(request)) return h.continue
  const answer = h.response().code(204)
  const origin = allowedOrigin(cors, request.headers.origin)
  if (origin) {
    answer.header("access-control-allow-origin", origin)
    answer.header("access-control-allow-methods", (cors.allowedMethods || []).join(","))
    answer.header("access-control-allow-headers", (cors.allowedHeaders || []).join(","))
    if (cors.maxAge) answer.header("access-control-max-age", String(cors.maxAge))
    if (cors.allowCredentials && origin !== "*") answer.header("access-control-allow-credentials", "true")
  }
  return answer.takeover()
}
function addCorsHeadersAsApiGateway(request, configured) {
  const cors = corsOf(configured)
  const origin = cors && request.headers.origin !== undefined ? allowedOrigin(cors, request.headers.origin) : undefined
  if (!origin) return false
  const response = request.response.isBoom ? request.response.output : request.response
  response.headers["access-control-allow-origin"] = origin
  if (cors.exposedResponseHeaders) response.headers["access-control-expose-headers"] = cors.exposedResponseHeaders.join(",")
  if (cors.allowCredentials && origin !== "*") response.headers["access-control-allow-credentials"] = "true"
  return false
}
`;

export const PATCHES: Patch[] = [
  {
    file: "/serverless-offline/src/events/http/lambda-events/LambdaProxyIntegrationEventV2.js",
    version: "14.8.2",
    find: "const headers = lowerCaseKeys(parseHeaders(rawHeaders || []) || {})",
    replace: "const headers = joinRepeatedHeaders(rawHeaders || [])",
    append: [
      "",
      "// Patched (scripts/offline/hooks.ts): repeated headers joined with commas, under their lower-case name, as API Gateway does.",
      "function joinRepeatedHeaders(raw) {",
      "  const headers = {}",
      "  for (let i = 0; i + 1 < raw.length; i += 2) {",
      "    const name = raw[i].toLowerCase()",
      '    headers[name] = Object.hasOwn(headers, name) ? headers[name] + "," + raw[i + 1] : raw[i + 1]',
      "  }",
      "  return headers",
      "}",
      "",
    ].join("\n"),
    recheck: "that the v2 event still builds its headers from rawHeaders in that line, and still lower-cases their names",
  },
  {
    file: "/serverless-offline/src/events/http/lambda-events/LambdaProxyIntegrationEventV2.js",
    version: "14.8.2",
    find: `      // Set a default Content-Type if not provided.
      if (!headers["content-type"]) {
        headers["content-type"] = "application/json"
      }
`,
    replace: "      // Patched (scripts/offline/hooks.ts): no default Content-Type; API Gateway passes the headers as sent.\n",
    append: "",
    recheck: "that the v2 event still gives a body without Content-Type a default one there, and nowhere else",
  },
  {
    file: "/serverless-offline/src/events/http/lambda-events/LambdaProxyIntegrationEventV2.js",
    version: "14.8.2",
    find: "    let body = this.#request.payload\n",
    replace:
      "    let body = this.#request.rawPayload // Patched (scripts/offline/hooks.ts): the body's text as sent, as API Gateway passes it.\n",
    append: "",
    recheck: "that the v2 event still takes its body from the request's payload, and that rawPayload is still the text as received",
  },
  {
    file: "/serverless-offline/src/events/http/HttpServer.js",
    version: "14.8.2",
    // Its own CORS block runs only when the condition holds: addCorsHeadersAsApiGateway() answers false.
    find: `    this.#server.ext("onPreResponse", (request, h) => {
      if (request.headers.origin) {`,
    replace: `    this.#server.ext("onRequest", (request, h) => answerPreflightAsApiGateway(request, h, this.#serverless.service.provider.httpApi?.cors))
    this.#server.ext("onPreResponse", (request, h) => {
      if (addCorsHeadersAsApiGateway(request, this.#serverless.service.provider.httpApi?.cors)) {`,
    append: API_GATEWAY_CORS,
    recheck: "that its onPreResponse CORS block is still the only place it adds CORS headers to HTTP API answers",
  },
  {
    file: "/serverless-offline/src/events/http/HttpServer.js",
    version: "14.8.2",
    find: `      const lambdaFunction = this.#lambda.get(functionKey)

      lambdaFunction.setEvent(event)

      let result
      let err

      try {
        result = await lambdaFunction.runHandler()
      } catch (_err) {
        err = _err
      }
`,
    replace: `      let result
      let err

      const release = await invocationSlot(functionKey)
      try {
        const lambdaFunction = this.#lambda.get(functionKey)
        lambdaFunction.setEvent(event)
        result = await lambdaFunction.runHandler()
      } catch (_err) {
        err = _err
      } finally {
        release()
      }
`,
    append: `
// Patched (scripts/offline/hooks.ts): at most as many invocations of a function at once as the machine has cores.
import { availableParallelism as localCores } from "node:os"
const INVOCATIONS_AT_ONCE = Math.max(2, localCores())
const invocationQueues = new Map()
async function invocationSlot(functionKey, limit = INVOCATIONS_AT_ONCE) {
  const queue = invocationQueues.get(functionKey) ?? { running: 0, waiting: [] }
  invocationQueues.set(functionKey, queue)
  if (queue.running >= limit) await new Promise((resolve) => queue.waiting.push(resolve))
  else queue.running += 1
  // A finished invocation's instance is idle again (runHandler set it so) before the next one starts.
  return () => {
    const next = queue.waiting.shift()
    if (next) next()
    else queue.running -= 1
  }
}
`,
    recheck:
      "that an invocation still takes its instance from the pool (this.#lambda.get) and runs it in that block, and nothing else there",
  },
  {
    file: "/serverless-offline/src/events/http/HttpServer.js",
    version: "14.8.2",
    // The AWS_PROXY branch; `err` is set when the invocation failed, and `result` is then its error.
    find: `        if (
          endpoint.isHttpApi &&
          endpoint.payload === "2.0" &&
          (typeof result === "string" || !result.statusCode)
        ) {`,
    replace: `        if (err && endpoint.isHttpApi) {
          result = failedInvocationAsApiGateway()
        } else if (
          endpoint.isHttpApi &&
          endpoint.payload === "2.0" &&
          (typeof result === "string" || !result.statusCode)
        ) {`,
    append: `
// Patched (scripts/offline/hooks.ts): a failed invocation as an HTTP API answers it (the error is logged above).
function failedInvocationAsApiGateway() {
  return { statusCode: 500, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ message: "Internal Server Error" }), isBase64Encoded: false }
}
`,
    recheck: "that a failed invocation still reaches that AWS_PROXY branch with err set and result its error",
  },
  {
    file: "/serverless-offline/src/events/http/HttpServer.js",
    version: "14.8.2",
    find: `    const serverOptions = {
      host,`,
    replace: `    const serverOptions = {
      compression: false, // Patched (scripts/offline/hooks.ts): an HTTP API does not compress.
      host,`,
    append: "",
    recheck: "that hapi's Server still takes its options from serverOptions",
  },
  {
    file: "/serverless-offline/src/events/http/HttpServer.js",
    version: "14.8.2",
    find: "    this.#server = new Server(serverOptions)\n",
    replace: `    this.#server = new Server(serverOptions)
    this.#server.ext("onRequest", (request, h) => answerLocalStackProbe(request, h))
`,
    append: `
// Patched (scripts/offline/hooks.ts): the local stack's readiness check asks who answers.
function answerLocalStackProbe(request, h) {
  const token = process.env.LOCAL_STACK_TOKEN
  if (!token || request.method !== "get" || request.path !== "/__local-stack") return h.continue
  return h.response(token).type("text/plain").code(200).takeover()
}
`,
    recheck: "that the hapi server is still created in that line",
  },
];

const versionOf = (path: string): string => {
  const root = path.slice(0, path.indexOf("/serverless-offline/") + "/serverless-offline/".length);
  return (JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string }).version;
};

/** The patched source of `path` (every patch of that file, in order), or an error naming what to re-check. */
export function patchSource(path: string, source: string): string {
  let patched = source;
  for (const patch of PATCHES.filter((candidate) => path.endsWith(candidate.file))) {
    const version = versionOf(path);
    const found = patched.split(patch.find).length - 1;
    if (version !== patch.version || found !== 1) {
      throw new Error(
        `scripts/offline/hooks.ts: ${patch.file} was patched for serverless-offline ${patch.version} (found ${version}, ` +
          `${found} match(es) of the replaced line). Re-check ${patch.recheck}; then update the patch.`,
      );
    }
    patched = patched.replace(patch.find, patch.replace) + patch.append;
  }
  return patched;
}

export const load: LoadHook = async (url, context, nextLoad) => {
  const loaded = await nextLoad(url, context);
  if (!url.startsWith("file:") || !PATCHES.some((patch) => url.endsWith(patch.file))) return loaded;
  const source = typeof loaded.source === "string" ? loaded.source : Buffer.from(loaded.source as Uint8Array).toString("utf8");
  return { ...loaded, source: patchSource(fileURLToPath(url), source) };
};
