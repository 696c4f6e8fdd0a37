/**
 * A fake AWS for the rate-share benches (share.ts, cleanup.ts): the realistic layer's latencies and
 * AWS's token buckets per bucket the service draws on, a fake DynamoDB ledger with the rate share's
 * conditional writes, EventBridge accepting everything, and the rest answered by the bench. Records
 * when each call reached AWS, per bucket, and tells afterwards what share of each bucket was used.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { readCall } from "../scripts/realistic-aws/calls.js";
import { DEFAULT_CONFIG } from "../scripts/realistic-aws/config.js";
import { drawLatency, seededRandom } from "../scripts/realistic-aws/random.js";
import { TokenBucket } from "../scripts/realistic-aws/token-bucket.js";
import { type AwsService, bucketOfAction } from "../src/lib/aws/rate-buckets.js";
import { shareOf } from "../src/lib/aws/rate-share.js";
import { memoryLedger } from "../test/support/memory-ledger.js";

/** DynamoDB in the same region: single-digit milliseconds (an assumption, like the realistic layer's latencies). */
export const LEDGER_MS = 5;

/** What the bench answers for a call that is not the ledger's or EventBridge's. */
export type Answer = (call: ReturnType<typeof readCall>, body: Buffer, headers: IncomingHttpHeaders) => { type: string; body: string };

export interface ShareAws {
  url: string;
  /** Every call the service made, by bucket ("ec2 DescribeInstances"): when it reached AWS (ms, performance.now()). */
  arrivals: Map<string, number[]>;
  stats(): { awsThrottled: number; ledgerWrites: number };
  close(): void;
}

export async function startShareAws(answer: Answer): Promise<ShareAws> {
  const arrivals = new Map<string, number[]>();
  const awsBuckets = new Map<string, TokenBucket>();
  let awsThrottled = 0;
  let ledgerWrites = 0;
  const ledger = memoryLedger();
  const random = seededRandom(DEFAULT_CONFIG.seed, 3);

  /** The ledger's UpdateItem, as DynamoDB answers it (rate-ledger.ts sends exactly these two forms). */
  async function ledgerAnswer(input: {
    Key: { bucket: { S: string } };
    ConditionExpression: string;
    ExpressionAttributeValues: Record<string, { N: string }>;
  }): Promise<{ status: number; body: object }> {
    ledgerWrites += 1;
    const value = (name: string) => Number(input.ExpressionAttributeValues[name]!.N);
    const change = input.ConditionExpression.startsWith("attribute_not_exists")
      ? { kind: "idle" as const, now: value(":now"), to: value(":to") }
      : { kind: "busy" as const, now: value(":now"), max: value(":max"), by: value(":by") };
    const result = await ledger.advance(input.Key.bucket.S, change);
    if (result.applied) return { status: 200, body: {} };
    return {
      status: 400,
      body: {
        __type: "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
        message: "The conditional request failed",
        ...(result.tat !== undefined ? { Item: { bucket: input.Key.bucket, tat: { N: String(result.tat) } } } : {}),
      },
    };
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks);
      const target = String(request.headers["x-amz-target"] ?? "");
      if (target.startsWith("DynamoDB_20120810.")) {
        await delay(LEDGER_MS);
        const { status, body: answerBody } = await ledgerAnswer(JSON.parse(body.toString()));
        response.writeHead(status, { "content-type": "application/x-amz-json-1.0" }).end(JSON.stringify(answerBody));
        return;
      }
      if (target === "AWSEvents.PutEvents") {
        response.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end('{"FailedEntryCount":0,"Entries":[{"EventId":"e"}]}');
        return;
      }
      const call = readCall(request.headers, body);
      const service = call.service as AwsService;
      const bucket = bucketOfAction(service, call.action);
      const key = `${service} ${bucket.name}`;
      arrivals.set(key, [...(arrivals.get(key) ?? []), performance.now()]);
      const aws = awsBuckets.get(key) ?? new TokenBucket(bucket.size, () => performance.now());
      awsBuckets.set(key, aws);
      if (!aws.take()) awsThrottled += 1;
      await delay(drawLatency(random, DEFAULT_CONFIG.latency));
      const answered = answer(call, body, request.headers);
      response.writeHead(200, { "content-type": answered.type }).end(answered.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    stats: () => ({ awsThrottled, ledgerWrites }),
    close: () => server.close(),
  };
}

/**
 * The share a bucket's calls used: the most of AWS's bucket they held at once (AWS's bucket drained
 * by them alone), their mean rate against its refill, and whether they ever went past the share's
 * own bucket (burst, rate): one token of slack, as a call reaches AWS a latency after its take.
 */
export function bucketRows(arrivals: Map<string, number[]>, percent: number): { rows: string[][]; exceeded: boolean } {
  const rows = [["bucket", "calls", "over s", "peak of AWS bucket", "mean rate / refill", "share (burst, /s)", "within share"]];
  let exceeded = false;
  for (const [key, times] of [...arrivals].sort()) {
    const [service, ...name] = key.split(" ");
    const { size } = bucketOfAction(service as AwsService, name.join(" "));
    const share = shareOf(size, percent);
    let aws = size.capacity;
    let mine = share.burst + 1;
    let lowest = aws;
    let within = true;
    for (let index = 0; index < times.length; index += 1) {
      const gap = index ? (times[index]! - times[index - 1]!) / 1000 : 0;
      aws = Math.min(size.capacity, aws + gap * size.refillPerSecond) - 1;
      mine = Math.min(share.burst + 1, mine + gap * share.rate) - 1;
      lowest = Math.min(lowest, aws);
      if (mine < -1e-9) within = false;
    }
    exceeded ||= !within;
    const seconds = (times.at(-1)! - times[0]!) / 1000;
    rows.push([
      key,
      String(times.length),
      seconds.toFixed(1),
      `${(((size.capacity - lowest) / size.capacity) * 100).toFixed(0)} % of ${size.capacity}`,
      seconds > 1 ? `${((times.length / seconds / size.refillPerSecond) * 100).toFixed(0)} % of ${size.refillPerSecond}/s` : "one burst",
      `${share.burst}, ${share.rate}`,
      within ? "yes" : "NO",
    ]);
  }
  return { rows, exceeded };
}
