// One cold start as Lambda sees it, in a fresh process: INIT (load the module, with its top-level
// await), the first invocation, then warm invocations of the same event. Writes "served" as soon as
// the first answer is there (the parent times the process up to it), then one JSON line of phases.
// With a fourth argument, an event served right after INIT and not timed: what is timed is then the
// first use of what the measured event needs beyond it (bench/first-use.ts).
const [bundle, eventJson, expected, before] = process.argv.slice(2);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const context = {
  awsRequestId: "bench",
  functionName: "bench",
  functionVersion: "$LATEST",
  memoryLimitInMB: "512",
  invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:bench",
  logGroupName: "g",
  logStreamName: "s",
  getRemainingTimeInMillis: () => 15000,
  callbackWaitsForEmptyEventLoop: false,
};
const invoke = async () => {
  const wall = performance.now();
  const cpu = cpuMs();
  const response = await handler(JSON.parse(eventJson), context);
  if (expected !== "any" && String(response.statusCode) !== expected) {
    console.error(`expected ${expected}, got ${response.statusCode}: ${response.body}`);
    process.exit(1);
  }
  return { wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu };
};

const initWall = performance.now();
const initCpu = cpuMs();
const { handler } = await import(bundle);
const init = { wallMs: performance.now() - initWall, cpuMs: cpuMs() - initCpu };
if (before) await handler(JSON.parse(before), context);
const first = await invoke();
// The whole process up to the first answer: Node's own start-up, INIT and the first invocation.
const processCpuMs = cpuMs();
process.stdout.write("served\n");
const warm = [];
for (let call = 0; call < 5; call += 1) warm.push(await invoke());
process.stdout.write(`${JSON.stringify({ init, first, warm, processCpuMs })}\n`);
