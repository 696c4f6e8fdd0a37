/**
 * Every AWS call of the service takes a token of its own share first (rate-share.ts, decision
 * 0030): a middleware on each EC2, Auto Scaling and SSM client, after the SDK's retries, so each
 * attempt counts. Over the share, the call is not sent: it fails with a `throttled` ServiceError
 * whose Retry-After comes from the bucket (an API request answers 429), unless the work allows
 * waiting (waitingForShareUntil: the sweep, a usage scan) and the wait ends in time. Off without RATE_SHARE_TABLE.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { ServiceError } from "../keypairs/errors.js";
import { config } from "../platform/config.js";
import { clientKey } from "./account-scope.js";
import { type AwsService, bucketOfAction } from "./rate-buckets.js";
import { RateShare, shareOf } from "./rate-share.js";

/** How a call counts: taken (the default), owed (priming's one real call at INIT: taken with the next), or not at all (answered in process). */
export type ShareMark = "owe" | "none";
const MARK = Symbol.for("ec2-keypairs-api.rateShare");

type Context = Record<string | symbol, unknown> & { commandName?: string };
type Middleware = (next: (args: unknown) => Promise<unknown>, context: Context) => (args: unknown) => Promise<unknown>;
interface Stack {
  add(middleware: Middleware, options: object): void;
  addRelativeTo(middleware: Middleware, options: object): void;
}

/** Marks how a command counts against the share (a middleware that runs before any other). */
export function markShare<C extends { middlewareStack: object }>(command: C, mark: ShareMark): C {
  (command.middlewareStack as Stack).add(
    (next, context) => (args) => {
      context[MARK] = mark;
      return next(args);
    },
    { step: "initialize", priority: "high", name: "rateShareMark" },
  );
  return command;
}

let share: Promise<RateShare> | undefined;
/** Built on the first call that counts: the DynamoDB client is loaded then, not at INIT. */
const rateShare = (): Promise<RateShare> =>
  (share ??= import("./rate-ledger.js").then(({ dynamoLedger }) => new RateShare(dynamoLedger(config.RATE_SHARE_TABLE!), Date.now)));

const owed = new Map<string, number>();
/** Until when (ms since the epoch) the calls of the work in progress may wait for their share instead of failing. */
const waiting = new AsyncLocalStorage<number>();

/**
 * Runs `work` with its calls waiting for their share while the wait ends before `deadline`: the
 * sweep's pace, and a usage scan's (many pages of one bucket) within its request's time. Outside,
 * a call over the share fails at once.
 */
export const waitingForShareUntil = <T>(deadline: number, work: () => Promise<T>): Promise<T> => waiting.run(deadline, work);

const SERVICE_NAMES: Record<AwsService, string> = { ec2: "EC2", ssm: "SSM", autoscaling: "Auto Scaling" };

/**
 * Takes the share's token for `action` (waiting if allowed), or throws a throttled ServiceError.
 * `scope` is the client's account and region (clientKey): each account has its own buckets.
 */
async function takeShare(service: AwsService, region: string, scope: string, action: string, mark?: ShareMark): Promise<void> {
  if (!config.RATE_SHARE_TABLE || mark === "none") return;
  const bucket = bucketOfAction(service, action);
  const key = `${service}#${scope}#${bucket.name}`;
  if (mark === "owe") {
    owed.set(key, (owed.get(key) ?? 0) + 1);
    return;
  }
  const limits = shareOf(bucket.size, config.RATE_SHARE_PERCENT);
  for (;;) {
    const tokens = Math.min(limits.burst, 1 + (owed.get(key) ?? 0));
    const taken = await (await rateShare()).take(key, limits, tokens);
    if (taken.granted) {
      owed.delete(key);
      return;
    }
    const waitUntil = waiting.getStore();
    if (waitUntil === undefined || Date.now() + taken.retryAfterMs > waitUntil) {
      throw new ServiceError(
        "throttled",
        `The service has used its share of ${SERVICE_NAMES[service]}'s ${bucket.name} requests in ${region} ` +
          `(${config.RATE_SHARE_PERCENT} % of the account's rate, the rest kept for the account's other callers); ` +
          `nothing was sent. Retry after the delay in Retry-After.`,
        { retryAfterSeconds: Math.max(1, Math.ceil(taken.retryAfterMs / 1000)), cause: new OwnShareSpent() },
      );
    }
    await delay(taken.retryAfterMs);
  }
}

/** The cause of a throttled ServiceError that the service's own share refused (AWS never saw the call: no retry helps now). */
export class OwnShareSpent extends Error {
  override name = "OwnShareSpent";
}

export const isOwnShareSpent = (error: ServiceError): boolean => error.cause instanceof OwnShareSpent;

/**
 * Adds the share's middleware to a client of `service` in `region`, made in the request's account
 * scope (the client caches key by it): every attempt of every call takes its token first.
 */
export function limitToShare<C extends { middlewareStack: object }>(client: C, service: AwsService, region: string): C {
  const scope = clientKey(region);
  (client.middlewareStack as Stack).addRelativeTo(
    (next, context) => async (args) => {
      await takeShare(service, region, scope, context.commandName?.replace(/Command$/, "") ?? "", context[MARK] as ShareMark | undefined);
      return next(args);
    },
    { relation: "after", toMiddleware: "retryMiddleware", name: "rateShare" },
  );
  return client;
}
