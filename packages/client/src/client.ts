/**
 * A typed client for the EC2 Key Pairs API: types generated from openapi.yaml (src/api.d.ts),
 * requests through openapi-fetch, SigV4-signed with the standard AWS credential chain, and every
 * non-2xx answer thrown as a ProblemError.
 */
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import createClient from "openapi-fetch";
import type { components, operations, paths } from "./api.js";
import { type Credentials, signingFetch } from "./sign.js";

export type KeyPair = components["schemas"]["KeyPair"];
export type CreatedKeyPair = components["schemas"]["CreatedKeyPair"];
/** A create with escrow: true: the private key went to SSM Parameter Store, not into the answer. */
export type EscrowedKeyPair = components["schemas"]["EscrowedKeyPair"];
export type KeyPairList = components["schemas"]["KeyPairList"];
export type RegionListing = components["schemas"]["RegionListing"];
export type DryRunResult = components["schemas"]["DryRunResult"];
export type Problem = components["schemas"]["Problem"];
export type CreateKeyPairRequest = operations["createKeyPair"]["requestBody"]["content"]["application/json"];
export type ImportKeyPairRequest = operations["importKeyPair"]["requestBody"]["content"]["application/json"];
export type ListQuery = NonNullable<operations["listKeyPairs"]["parameters"]["query"]>;
export type KeyQuery = NonNullable<operations["getKeyPair"]["parameters"]["query"]>;
export type DeleteQuery = NonNullable<operations["deleteKeyPair"]["parameters"]["query"]>;
/** Tags to set and tag keys to remove (the service's reserved tags are refused). */
export type TagChangeRequest = operations["updateKeyPairTags"]["requestBody"]["content"]["application/json"];
/** ttlSeconds or expiresAt, exactly one. */
export type ExpiryRequest = operations["setKeyPairExpiry"]["requestBody"]["content"]["application/json"];
export type ExpiryClearQuery = NonNullable<operations["clearKeyPairExpiry"]["parameters"]["query"]>;
export type CleanupRequest = operations["cleanUpKeyPairs"]["requestBody"]["content"]["application/json"];
export type CleanupResult = components["schemas"]["CleanupResult"];
export type CleanupItem = components["schemas"]["CleanupItem"];
export type CleanupCursor = components["schemas"]["CleanupCursor"];
export type ReportQuery = NonNullable<operations["getKeyPairReport"]["parameters"]["query"]>;
export type KeyPairReport = components["schemas"]["KeyPairReport"];
export type ReportRow = components["schemas"]["ReportRow"];
/** What names a key (includeUsage=true, and the problem of a refused delete). */
export type KeyUsage = components["schemas"]["KeyUsage"];
export type Region = components["schemas"]["Region"];
/** A problem as the API sends it, or one made from an answer of API Gateway's own (type about:blank). */
export type ProblemLike = Omit<Problem, "type"> & { type: string };

/**
 * A refused request: the API's RFC 9457 problem, or API Gateway's own `{"message": ...}` answer
 * (IAM refusal, stage throttling), made into a problem with type about:blank and `gateway: true`.
 */
export class ProblemError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly ec2Code?: string;
  readonly errors?: Array<{ field: string; message: string }>;
  /** key-in-use and usage-unknown: what names the key (nothing was deleted). */
  readonly usage?: KeyUsage;
  /** private-key-delivered: the key pair the first request with this Idempotency-Key created. */
  readonly keyPair?: { keyPairId: string; name: string; region: string };
  /** Seconds from a Retry-After header, when the answer had one. */
  readonly retryAfterSeconds?: number;
  /** True when API Gateway answered, not the API (e.g. 403 Forbidden for a bad signature). */
  readonly gateway: boolean;

  constructor(problem: ProblemLike, options: { gateway?: boolean; retryAfterSeconds?: number } = {}) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
    this.name = "ProblemError";
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    if (problem.instance !== undefined) this.instance = problem.instance;
    if (problem.ec2Code !== undefined) this.ec2Code = problem.ec2Code;
    if (problem.errors !== undefined) this.errors = problem.errors;
    if (problem.usage !== undefined) this.usage = problem.usage;
    if (problem.keyPair !== undefined) this.keyPair = problem.keyPair;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    this.gateway = options.gateway ?? false;
  }

  toProblem(): ProblemLike {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.instance ? { instance: this.instance } : {}),
      ...(this.ec2Code ? { ec2Code: this.ec2Code } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.usage ? { usage: this.usage } : {}),
      ...(this.keyPair ? { keyPair: this.keyPair } : {}),
    };
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === "object" &&
  body !== null &&
  typeof (body as Problem).type === "string" &&
  typeof (body as Problem).status === "number" &&
  typeof (body as Problem).title === "string";

/** The ProblemError for a non-2xx response and its parsed body (if any). */
export function problemFrom(response: Response, body: unknown): ProblemError {
  const retryAfter = Number(response.headers.get("retry-after") ?? Number.NaN);
  const options = Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {};
  if (isProblem(body)) return new ProblemError({ ...body, detail: body.detail ?? "" }, options);
  const message =
    typeof body === "object" && body !== null && typeof (body as { message?: unknown }).message === "string"
      ? (body as { message: string }).message
      : response.statusText || "Request refused";
  return new ProblemError(
    { type: "about:blank", title: message, status: response.status, detail: `API Gateway answered ${response.status}: ${message}` },
    { ...options, gateway: true },
  );
}

export interface ClientOptions {
  /** The API's base URL, e.g. https://abcdef1234.execute-api.eu-west-1.amazonaws.com or http://localhost:3000. */
  endpoint: string;
  /**
   * The region requests are signed for: the API's own region. Defaults to the region in an
   * execute-api host name, else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1.
   */
  signingRegion?: string;
  /**
   * Defaults to the standard AWS credential chain (environment, profiles, SSO, web identity, ECS/EC2
   * metadata). When it finds none: LOCAL_CREDENTIALS for a loopback endpoint, else an error that says
   * how to provide them.
   */
  credentials?: Credentials;
  /** Called once when requests are signed with LOCAL_CREDENTIALS (the CLI says so on stderr). */
  onLocalCredentials?: () => void;
  /** The fetch used to send (signed) requests. */
  fetch?: typeof fetch;
}

export function defaultSigningRegion(endpoint: string, env: Record<string, string | undefined> = process.env): string {
  const match = /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(new URL(endpoint).hostname);
  return match?.[1] ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
}

/**
 * The local stack (npm start) checks no signatures: with no credentials of the caller's, requests
 * to a loopback endpoint are signed with this fixed pair, so the first call works as documented.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: "local-stack", secretAccessKey: "local-stack-checks-no-signatures" } as const;

/** localhost, 127.0.0.0/8 or ::1: the local stack, or a signing proxy in front of a deployment. */
export function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export class NoCredentialsError extends Error {
  constructor(endpoint: string, cause: unknown) {
    super(
      `No AWS credentials to sign requests to ${endpoint}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and ` +
        "AWS_SESSION_TOKEN), or AWS_PROFILE (aws configure, aws sso login), or pass credentials",
      { cause },
    );
    this.name = "NoCredentialsError";
  }
}

/** The credentials requests are signed with (see ClientOptions.credentials). */
export function credentialsFor(options: Pick<ClientOptions, "endpoint" | "credentials" | "onLocalCredentials">): Credentials {
  if (options.credentials) return options.credentials;
  const chain = defaultProvider();
  let local = false;
  return async () => {
    if (local) return LOCAL_CREDENTIALS;
    try {
      return await chain();
    } catch (error) {
      if (!isLoopback(options.endpoint)) throw new NoCredentialsError(options.endpoint, error);
      local = true;
      options.onLocalCredentials?.();
      return LOCAL_CREDENTIALS;
    }
  };
}

/**
 * createKeyPair's answer follows from its body, so a caller under --strict gets the key's type without
 * narrowing: a dry run's DryRunResult, an escrowed key's EscrowedKeyPair, else the CreatedKeyPair with
 * the private key. A body whose dryRun or escrow is only known at run time (a boolean) gets the union.
 */
export interface CreateKeyPair {
  (body: CreateKeyPairRequest & { dryRun: true }, idempotencyKey?: string): Promise<DryRunResult>;
  (body: CreateKeyPairRequest & { dryRun?: false; escrow: true }, idempotencyKey?: string): Promise<EscrowedKeyPair>;
  (body: CreateKeyPairRequest & { dryRun?: false; escrow?: false }, idempotencyKey?: string): Promise<CreatedKeyPair>;
  (body: CreateKeyPairRequest, idempotencyKey?: string): Promise<CreatedKeyPair | EscrowedKeyPair | DryRunResult>;
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

async function unwrap<T>(call: Promise<Answer<T>>): Promise<{ data: T; response: Response }> {
  const { data, error, response } = await call;
  if (!response.ok) throw problemFrom(response, error);
  return { data: data as T, response };
}

/** A delete's answer: 204 (deleted, no body) or a dry run's 200. */
const deleted = ({ data, response }: { data: unknown; response: Response }): DryRunResult | undefined =>
  response.status === 204 ? undefined : (data as DryRunResult);

export function createKeyPairsClient(options: ClientOptions) {
  const credentials = credentialsFor(options);
  const signingRegion = options.signingRegion ?? defaultSigningRegion(options.endpoint);
  const http = createClient<paths>({
    baseUrl: options.endpoint.replace(/\/+$/, ""),
    fetch: signingFetch(signingRegion, credentials, options.fetch),
  });

  return {
    /** The underlying openapi-fetch client (signed), for anything the methods below do not cover. */
    http,
    signingRegion,

    /** POST /keypairs: the answer holds the private key (keyMaterial), once; its type follows the body (see CreateKeyPair). */
    createKeyPair: (async (body: CreateKeyPairRequest, idempotencyKey?: string) => {
      const params = idempotencyKey ? { header: { "idempotency-key": idempotencyKey } } : {};
      // JSON (the client never asks for application/x-pem-file).
      return (await unwrap(http.POST("/keypairs", { body, params }))).data;
    }) as CreateKeyPair,

    /** POST /keypairs/import */
    async importKeyPair(body: ImportKeyPairRequest, idempotencyKey?: string): Promise<KeyPair | DryRunResult> {
      const params = idempotencyKey ? { header: { "idempotency-key": idempotencyKey } } : {};
      return (await unwrap(http.POST("/keypairs/import", { body, params }))).data;
    },

    /** GET /keypairs: one page. */
    async listKeyPairs(query: ListQuery = {}): Promise<KeyPairList> {
      return (await unwrap(http.GET("/keypairs", { params: { query } }))).data;
    },

    /**
     * Every key of a region (or, with allRegions, of every region: one answer), following nextCursor;
     * with `cursor`, those after that name.
     */
    async listAllKeyPairs(query: ListQuery = {}): Promise<KeyPairList> {
      if (query.accounts !== undefined) return this.listEstate(query);
      const first = await this.listKeyPairs(query);
      const items = [...first.items];
      let cursor = first.nextCursor;
      while (cursor !== undefined) {
        const page = await this.listKeyPairs({ ...query, cursor });
        items.push(...page.items);
        cursor = page.nextCursor;
      }
      return { ...first, items, nextCursor: undefined };
    },

    /**
     * An estate listing (`accounts`: "all" or ids), following nextCursor as estateCursor to the end: every
     * page's items, and per account and region the last word on it (an ok scope's counts added up over
     * pages). `onPage` sees each page as it comes (the CLI's progress line).
     */
    async listEstate(query: ListQuery, onPage?: (page: KeyPairList, pages: number) => void): Promise<KeyPairList> {
      const items: KeyPairList["items"] = [];
      const scopes: NonNullable<KeyPairList["scopes"]> = {};
      let estateCursor: string | undefined = query.estateCursor;
      let pages = 0;
      do {
        const page = await this.listKeyPairs({ ...query, ...(estateCursor ? { estateCursor } : {}) });
        pages += 1;
        items.push(...page.items);
        for (const [account, regions] of Object.entries(page.scopes ?? {}))
          for (const [region, scope] of Object.entries(regions)) {
            const before = scopes[account]?.[region];
            scopes[account] ??= {};
            scopes[account][region] =
              before?.status === "ok" && scope.status === "ok" ? { ...scope, count: (before.count ?? 0) + (scope.count ?? 0) } : scope;
          }
        onPage?.(page, pages);
        estateCursor = page.nextCursor;
      } while (estateCursor !== undefined);
      return { items, scopes, pendingScopes: 0 };
    },

    /** GET /keypairs/{name} */
    async getKeyPair(name: string, query: KeyQuery = {}): Promise<KeyPair> {
      return (await unwrap(http.GET("/keypairs/{name}", { params: { path: { name }, query } }))).data;
    },

    /** GET /keypairs/by-id/{keyPairId} */
    async getKeyPairById(keyPairId: string, query: KeyQuery = {}): Promise<KeyPair> {
      return (await unwrap(http.GET("/keypairs/by-id/{keyPairId}", { params: { path: { keyPairId }, query } }))).data;
    },

    /** DELETE /keypairs/{name}: undefined when deleted, a DryRunResult for a dry run; a key something names is a 409 ProblemError with usage. */
    async deleteKeyPair(name: string, query: DeleteQuery = {}): Promise<DryRunResult | undefined> {
      return deleted(await unwrap(http.DELETE("/keypairs/{name}", { params: { path: { name }, query } })));
    },

    /** DELETE /keypairs/by-id/{keyPairId}: as deleteKeyPair, the key addressed by its id. */
    async deleteKeyPairById(keyPairId: string, query: DeleteQuery = {}): Promise<DryRunResult | undefined> {
      return deleted(await unwrap(http.DELETE("/keypairs/by-id/{keyPairId}", { params: { path: { keyPairId }, query } })));
    },

    /** PATCH /keypairs/{name}/tags: the key pair after the change; a dry run's DryRunResult holds it as it would be. */
    async updateKeyPairTags(name: string, body: TagChangeRequest): Promise<KeyPair | DryRunResult> {
      return (await unwrap(http.PATCH("/keypairs/{name}/tags", { params: { path: { name } }, body }))).data;
    },

    /** PATCH /keypairs/by-id/{keyPairId}/tags: as updateKeyPairTags, the key addressed by its id. */
    async updateKeyPairTagsById(keyPairId: string, body: TagChangeRequest): Promise<KeyPair | DryRunResult> {
      return (await unwrap(http.PATCH("/keypairs/by-id/{keyPairId}/tags", { params: { path: { keyPairId } }, body }))).data;
    },

    /** PUT /keypairs/{name}/expiry: sets or extends when the key expires. */
    async setKeyPairExpiry(name: string, body: ExpiryRequest): Promise<KeyPair | DryRunResult> {
      return (await unwrap(http.PUT("/keypairs/{name}/expiry", { params: { path: { name } }, body }))).data;
    },

    /** PUT /keypairs/by-id/{keyPairId}/expiry */
    async setKeyPairExpiryById(keyPairId: string, body: ExpiryRequest): Promise<KeyPair | DryRunResult> {
      return (await unwrap(http.PUT("/keypairs/by-id/{keyPairId}/expiry", { params: { path: { keyPairId } }, body }))).data;
    },

    /** DELETE /keypairs/{name}/expiry: the key no longer expires. */
    async clearKeyPairExpiry(name: string, query: ExpiryClearQuery = {}): Promise<KeyPair | DryRunResult> {
      return (await unwrap(http.DELETE("/keypairs/{name}/expiry", { params: { path: { name }, query } }))).data;
    },

    /** DELETE /keypairs/by-id/{keyPairId}/expiry */
    async clearKeyPairExpiryById(keyPairId: string, query: ExpiryClearQuery = {}): Promise<KeyPair | DryRunResult> {
      return (await unwrap(http.DELETE("/keypairs/by-id/{keyPairId}/expiry", { params: { path: { keyPairId }, query } }))).data;
    },

    /**
     * POST /keypairs/cleanup: a dry run unless `dryRun: false` is sent; each selected key's outcome, and
     * nextCursor when the request stopped early (the cap, the deadline, throttling).
     */
    async cleanUpKeyPairs(body: CleanupRequest): Promise<CleanupResult> {
      return (await unwrap(http.POST("/keypairs/cleanup", { body }))).data;
    },

    /** GET /keypairs/report: counts per region and key type (ages; missing tag, expiring soon, unused if asked). */
    async getKeyPairReport(query: ReportQuery = {}): Promise<KeyPairReport> {
      return (await unwrap(http.GET("/keypairs/report", { params: { query } }))).data;
    },

    /** GET /openapi.json: this API's OpenAPI document. */
    async getOpenApiDocument(): Promise<Record<string, unknown>> {
      return (await unwrap(http.GET("/openapi.json"))).data;
    },

    /** GET /docs: the documentation page (HTML). */
    async getDocsPage(): Promise<string> {
      return (await unwrap(http.GET("/docs", { parseAs: "text" }))).data;
    },

    /** GET /problems/{type}: what a problem type means (HTML); `type` is the last segment of its URI, such as conflict. */
    async getProblemType(type: string): Promise<string> {
      return (await unwrap(http.GET("/problems/{type}", { params: { path: { type } }, parseAs: "text" }))).data;
    },
  };
}

export type KeyPairsClient = ReturnType<typeof createKeyPairsClient>;
// The server has its own (src/lib/keypairs/views.ts): this package ships without the server's code.
export const isDryRun = (result: object): result is DryRunResult => "dryRun" in result && result.dryRun === true;
