import { AsyncLocalStorage } from "node:async_hooks";
import type { Context } from "aws-lambda";
import { withMetrics } from "./metrics.js";

/**
 * The one logger: one JSON line per entry on stdout, which CloudWatch keeps as one event. Request
 * bodies and create responses are never passed to it: they can hold key material (create) or are
 * treated as secrets (import). It replaces Powertools Logger, which wrote the same lines but cost
 * every cold start its load (24 KB; docs/performance.md, "Where a cold start goes"); this service used only what is here.
 */
const LEVELS = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, SILENT: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "SILENT">;

/** Errors as their name, message and stack (JSON.stringify would write `{}`). */
const withErrors = (_key: string, value: unknown) =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

export class JsonLogger {
  readonly #threshold: number;
  /** Each invocation's keys, carried by its own async work: never another invocation's. */
  readonly #requests = new AsyncLocalStorage<Record<string, unknown>>();
  #coldStart = true;

  constructor(
    readonly service: string,
    level = process.env.LOG_LEVEL,
  ) {
    this.#threshold = LEVELS[(level?.toUpperCase() ?? "INFO") as keyof typeof LEVELS] ?? LEVELS.INFO;
  }

  /**
   * Runs one invocation with its own keys (the fields Powertools Logger wrote, so existing log
   * queries keep working). A line written by its work after it answered (Middy's early timeout
   * answers while the work goes on) still carries them, not the next invocation's. Its metrics
   * are counted apart from any other invocation's too.
   */
  withRequest<T>(context: Context, run: () => Promise<T>): Promise<T> {
    const keys = {
      cold_start: this.#coldStart,
      function_name: context.functionName,
      function_arn: context.invokedFunctionArn,
      function_memory_size: Number(context.memoryLimitInMB),
      function_request_id: context.awsRequestId,
      // Lambda sets it per invocation when tracing is on.
      xray_trace_id: process.env._X_AMZN_TRACE_ID,
    };
    this.#coldStart = false;
    return this.#requests.run(keys, () => withMetrics(run));
  }

  /** Whether the current invocation is the first after an INIT. */
  isColdStart(): boolean {
    return this.#requests.getStore()?.cold_start === true;
  }

  /** Keys every later line of this request carries. */
  appendKeys(keys: Record<string, unknown>): void {
    const current = this.#requests.getStore();
    if (current) Object.assign(current, keys);
  }

  info = (message: string, extra?: Record<string, unknown>) => this.#write("INFO", message, extra);
  warn = (message: string, extra?: Record<string, unknown>) => this.#write("WARN", message, extra);
  error = (message: string, extra?: Record<string, unknown>) => this.#write("ERROR", message, extra);

  #write(level: Level, message: string, extra: Record<string, unknown> | undefined): void {
    if (LEVELS[level] < this.#threshold) return;
    const entry = { level, message, timestamp: new Date().toISOString(), service: this.service, ...this.#requests.getStore(), ...extra };
    process.stdout.write(`${JSON.stringify(entry, withErrors)}\n`);
  }
}

export const logger = new JsonLogger("ec2-keypairs-api");
