/**
 * What an AWS request is (service, action, account, region, parameters), which token bucket it
 * draws on, and the throttling error that service answers, in its own protocol, with the code the
 * SDK classifies as throttling (RequestLimitExceeded, ThrottlingException, Throttling).
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { bucketOfAction } from "../../src/lib/aws/rate-buckets.ts";
import type { BucketSize, RealisticAwsConfig } from "./config.ts";
import { type Answer, ec2Error } from "./ec2-xml.ts";

export type Service = "ec2" | "ssm" | "autoscaling" | "other";

export interface AwsCall {
  service: Service;
  action: string;
  /** The SigV4 access key: locally, one per account (moto maps unknown keys to its default account). */
  account: string;
  region: string;
  /** The form parameters of a query-protocol call (EC2, Auto Scaling); empty for JSON ones. */
  params: URLSearchParams;
}

const SERVICES: Record<string, Service> = { ec2: "ec2", ssm: "ssm", autoscaling: "autoscaling" };

/** Reads a request as the service would: the credential scope of its Authorization header, its action. */
export function readCall(headers: IncomingHttpHeaders, body: Buffer): AwsCall {
  const scope = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(headers.authorization ?? ""));
  const target = headers["x-amz-target"];
  const isJson = typeof target === "string";
  const params = isJson ? new URLSearchParams() : new URLSearchParams(body.toString());
  return {
    service: SERVICES[scope?.[3] ?? ""] ?? "other",
    action: isJson ? target.slice(target.indexOf(".") + 1) : (params.get("Action") ?? ""),
    account: scope?.[1] ?? "anonymous",
    region: scope?.[2] ?? "us-east-1",
    params,
  };
}

const hasAny = (params: URLSearchParams, prefixes: string[]) => [...params.keys()].some((key) => prefixes.some((p) => key.startsWith(p)));

/** The bucket a call draws on (its key names account, region and bucket), or none (EventBridge, the probe). */
export function bucketOf(call: AwsCall, config: RealisticAwsConfig): { key: string; size: BucketSize } | undefined {
  if (call.service === "other") return undefined;
  const unfiltered = call.action === "DescribeInstances" && !hasAny(call.params, ["Filter.", "InstanceId.", "MaxResults", "NextToken"]);
  const bucket = bucketOfAction(call.service, call.action, unfiltered, config);
  return { key: `${call.account}|${call.region}|${call.service}|${bucket.name}`, size: bucket.size };
}

/** The answer of a throttled call, as each service gives it. */
export function throttledAnswer(service: Service): Answer {
  const requestId = randomUUID();
  if (service === "ssm")
    return {
      status: 400,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId },
      body: JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }),
    };
  if (service === "autoscaling")
    return {
      status: 400,
      headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
      body:
        `<ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><Error><Type>Sender</Type>` +
        `<Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    };
  return ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.");
}
