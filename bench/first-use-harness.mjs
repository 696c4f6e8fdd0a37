// The first use of a lazily loaded feature, in a fresh process: INIT, the function's most common
// request (the cold start proper), then a request that uses the feature (its first use: the chunk
// it loads, and its clients' first calls), then that request again (warm). One JSON line.
const [bundle, commonJson, featureJson, expected] = process.argv.slice(2);
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
const { handler } = await import(bundle);
const invoke = async (eventJson, expect) => {
  const wall = performance.now();
  const cpu = cpuMs();
  const response = await handler(JSON.parse(eventJson), context);
  if (expect !== "any" && String(response.statusCode) !== expect) {
    console.error(`expected ${expect}, got ${response.statusCode}: ${response.body}`);
    process.exit(1);
  }
  return { wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu };
};
await invoke(commonJson, "any");
const first = await invoke(featureJson, expected);
const warm = [];
for (let call = 0; call < 5; call += 1) warm.push(await invoke(featureJson, expected));
process.stdout.write(`${JSON.stringify({ first, warm })}\n`);
