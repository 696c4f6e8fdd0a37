/**
 * The realistic layer's rules, apart from HTTP: each call first takes its latency, then a token
 * from its bucket (or is throttled), then reaches the emulator; key pair describes are answered from
 * the views eventual consistency allows (key-pair-views.ts). Clock, sleep and the emulator are
 * injected, so unit tests step time instead of waiting.
 */
import { type AwsCall, bucketOf, throttledAnswer } from "./calls.ts";
import type { RealisticAwsConfig } from "./config.ts";
import { type Answer, describeKeyPairsAnswer, ec2Error } from "./ec2-xml.ts";
import { selectKeyPairs } from "./key-pair-filters.ts";
import { type KeyPairView, KeyPairViews } from "./key-pair-views.ts";
import { drawLatency, seededRandom, uniformMs } from "./random.ts";
import { Buckets, type Clock } from "./token-bucket.ts";

/** The emulator's truth about key pairs, read without limits or latency (the layer's own view of it). */
export interface KeyPairSource {
  all(account: string, region: string): Promise<KeyPairView[]>;
  one(account: string, region: string, lookup: { keyName: string } | { keyPairId: string }): Promise<KeyPairView | undefined>;
}

export interface LayerOptions {
  config: RealisticAwsConfig;
  source: KeyPairSource;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
}

export type ForwardedAnswer = Omit<Answer, "body"> & { body: string | Buffer };

const list = (params: URLSearchParams, prefix: string) =>
  [...params.entries()].filter(([key]) => key.startsWith(`${prefix}.`)).map(([, value]) => value);

export class RealisticLayer {
  private readonly clock: Clock;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly buckets: Buckets;
  private readonly views: KeyPairViews;
  private readonly latencyRandom;
  /** Throttled calls so far, per bucket key. */
  readonly throttled = new Map<string, number>();

  private readonly options: LayerOptions;

  constructor(options: LayerOptions) {
    this.options = options;
    const { config } = options;
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.buckets = new Buckets(this.clock);
    // Separate streams: how many latencies were drawn never changes the windows, and back.
    this.latencyRandom = seededRandom(config.seed, 1);
    const windowRandom = seededRandom(config.seed, 2);
    this.views = new KeyPairViews(this.clock, () =>
      uniformMs(windowRandom, config.consistencyWindowMs.min, config.consistencyWindowMs.max),
    );
  }

  /** Answers one call; `forward` sends it to the emulator as it came. */
  async handle(call: AwsCall, forward: () => Promise<ForwardedAnswer>): Promise<ForwardedAnswer> {
    if (call.account === "anonymous") return forward(); // not an AWS call: the stack's readiness probe
    const latency = drawLatency(this.latencyRandom, this.options.config.latency);
    if (latency > 0) await this.sleep(latency);
    const bucket = bucketOf(call, this.options.config);
    if (bucket && !this.buckets.take(bucket.key, bucket.size)) {
      this.throttled.set(bucket.key, (this.throttled.get(bucket.key) ?? 0) + 1);
      return throttledAnswer(call.service);
    }
    if (call.service !== "ec2") return forward();
    const scope = `${call.account}|${call.region}`;
    switch (call.action) {
      case "DescribeKeyPairs":
        return this.views.hasPending(scope) ? this.describe(call, scope, forward) : forward();
      case "CreateKeyPair":
      case "ImportKeyPair": {
        const answer = await forward();
        const keyPairId = answer.status === 200 ? /<keyPairId>([^<]+)<\/keyPairId>/.exec(answer.body.toString())?.[1] : undefined;
        if (keyPairId) this.views.changed(scope, keyPairId, undefined);
        return answer;
      }
      case "DeleteKeyPair": {
        const keyPairId = call.params.get("KeyPairId");
        const keyName = call.params.get("KeyName");
        const lookup = keyName ? { keyName } : keyPairId ? { keyPairId } : undefined;
        return this.changing(call, scope, lookup ? [lookup] : [], forward);
      }
      case "CreateTags":
      case "DeleteTags": {
        const keyPairIds = list(call.params, "ResourceId").filter((id) => id.startsWith("key-"));
        return this.changing(
          call,
          scope,
          keyPairIds.map((id) => ({ keyPairId: id })),
          forward,
        );
      }
      default:
        return forward();
    }
  }

  /** A change to existing key pairs: how describes show them now is what they keep showing for a while. */
  private async changing(
    call: AwsCall,
    scope: string,
    lookups: ({ keyName: string } | { keyPairId: string })[],
    forward: () => Promise<ForwardedAnswer>,
  ): Promise<ForwardedAnswer> {
    const before = await Promise.all(lookups.map((lookup) => this.options.source.one(call.account, call.region, lookup)));
    const answer = await forward();
    if (answer.status === 200) for (const view of before) if (view) this.views.changed(scope, view.keyPairId, view);
    return answer;
  }

  private async describe(call: AwsCall, scope: string, forward: () => Promise<ForwardedAnswer>): Promise<ForwardedAnswer> {
    const shown = this.views.visible(scope, await this.options.source.all(call.account, call.region));
    const selection = selectKeyPairs(call.params, shown);
    if (selection === "unsupported") return forward();
    if ("notFound" in selection) return ec2Error(400, "InvalidKeyPair.NotFound", `The key pair '${selection.notFound}' does not exist`);
    return describeKeyPairsAnswer(selection.items, call.params.get("IncludePublicKey") === "true");
  }
}
