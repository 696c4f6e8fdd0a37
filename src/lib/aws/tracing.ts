/**
 * X-Ray subsegments for the AWS calls, when the stage traces (the stage parameter tracing, which
 * also turns on Lambda's active tracing). TRACE_AWS_CALLS is replaced at build time (serverless.yml
 * custom.esbuild.define): in a stage that does not trace, the import below is dead code and the
 * X-Ray SDK is not in the bundle at all; in one that does, it is loaded at INIT, before any client.
 */
type Capture = <C>(client: C) => C;
let capture: Capture | undefined;

/** Loads the X-Ray SDK if the stage traces: a function calls it first thing at INIT. */
export async function traceAwsCalls(): Promise<void> {
  if (process.env.TRACE_AWS_CALLS === "true" && !capture) {
    const xray = await import("aws-xray-sdk-core");
    // INIT's priming calls run outside any invocation, hence outside any segment: not an error.
    xray.setContextMissingStrategy("IGNORE_ERROR");
    capture = (client) => xray.captureAWSv3Client(client as never) as typeof client;
  }
}

/** The client, traced when the stage traces. */
export const traced: Capture = (client) => (capture ? capture(client) : client);
