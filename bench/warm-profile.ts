/**
 * Where a warm request's CPU time goes: V8's sampling profiler over many GET /keypairs/{name}
 * requests (EC2 answered from memory) in an unminified bundle, self time summed per package by
 * the `// node_modules/<package>/...` markers esbuild writes before each module.
 */
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { basename } from "node:path";
import { lambdaContext } from "../test/support/lambda.js";
import { eventFor } from "./events.js";
import { loadWarmBundle } from "./warm.js";

interface ProfileNode {
  id: number;
  callFrame: { url: string; lineNumber: number; functionName: string };
}

/** The package (or source file) each line of the bundle belongs to. */
function lineOwners(file: string): string[] {
  let owner = "(bundle)";
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => {
      const marker = /^\/\/ (?:node_modules\/((?:@[^/]+\/)?[^/]+)|(src\/\S+))/.exec(line);
      if (marker) owner = marker[1] ?? marker[2]!;
      return owner;
    });
}

export async function warmProfile(outDir: string, requests: number): Promise<{ part: string; us: number }[]> {
  const { bundle, outfile } = await loadWarmBundle(outDir, false);
  const { event } = eventFor("GET /keypairs/{name}");
  const first = await bundle.getHandler(event, lambdaContext());
  if (first.statusCode !== 200) throw new Error(`warm-up answered ${first.statusCode}`);
  for (let i = 0; i < 500; i += 1) await bundle.getHandler(event, lambdaContext());

  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  await session.post("Profiler.start");
  for (let i = 0; i < requests; i += 1) await bundle.getHandler(event, lambdaContext());
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();

  const owners = lineOwners(outfile);
  const bundleName = basename(outfile);
  const nodes = new Map((profile.nodes as ProfileNode[]).map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples!.forEach((id, index) => {
    const { url, lineNumber, functionName } = nodes.get(id)!.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") return;
    const part = url.endsWith(bundleName)
      ? owners[lineNumber]!
      : functionName === "(garbage collector)"
        ? "(garbage collector)"
        : "node internals (crypto, timers, ...)";
    totals.set(part, (totals.get(part) ?? 0) + profile.timeDeltas![index]!);
  });
  return [...totals].map(([part, us]) => ({ part, us: us / requests })).sort((a, b) => b.us - a.us);
}
