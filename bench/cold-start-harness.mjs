// One cold start: load a bundle, serve one event, check the status. Run as a fresh process.
const [bundle, eventJson, expected] = process.argv.slice(2);
const { handler } = await import(bundle);
const context = {
  awsRequestId: "bench", functionName: "bench", functionVersion: "$LATEST", memoryLimitInMB: "512",
  invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:bench", logGroupName: "g", logStreamName: "s",
  getRemainingTimeInMillis: () => 15000, callbackWaitsForEmptyEventLoop: false,
};
const response = await handler(JSON.parse(eventJson), context);
if (expected !== "any" && String(response.statusCode) !== expected) {
  console.error(`expected ${expected}, got ${response.statusCode}: ${response.body}`);
  process.exit(1);
}
