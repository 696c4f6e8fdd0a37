/**
 * X-Ray subsegments for the AWS calls, when the stage traces (TRACE_AWS_CALLS, from the stage
 * parameter tracing, which also turns on Lambda's active tracing). The X-Ray SDK is imported only
 * then, at INIT, before any client is built; a stage that does not trace never evaluates it.
 */
import { config } from "../platform/config.js";

type Capture = <C>(client: C) => C;
let capture: Capture | undefined;

/** Loads the X-Ray SDK if the stage traces: a function calls it first thing at INIT. */
export async function traceAwsCalls(): Promise<void> {
  if (!config.TRACE_AWS_CALLS || capture) return;
  const xray = await import("aws-xray-sdk-core");
  // INIT's priming calls run outside any invocation, hence outside any segment: not an error.
  xray.setContextMissingStrategy("IGNORE_ERROR");
  capture = (client) => xray.captureAWSv3Client(client as never) as typeof client;
}

/** The client, traced when the stage traces. */
export const traced: Capture = (client) => (capture ? capture(client) : client);
