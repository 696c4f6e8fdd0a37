/**
 * A proxy in front of the local EC2 or SSM (moto) that can hold the answer to an action for a
 * while after the service carried it out (the "committed, but the answer was lost" fault of a slow
 * network), or hold the request itself, which then reaches the service after the caller gave up
 * (a service that stalls, then resumes). EC2's action is in its form body, SSM's in X-Amz-Target.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface StallingProxy {
  url: string;
  /**
   * Hold the next `count` requests for `action` for `ms` each: their answers (they reach the
   * service at once), or with `what: "request"` the requests themselves.
   */
  stall(action: string, ms: number, count?: number, what?: "answer" | "request"): void;
  /** Resolves once every request held so far has reached the service and been answered. */
  idle(): Promise<void>;
  /** Actions seen, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

export async function startStallingProxy(target: string): Promise<StallingProxy> {
  const upstream = new URL(target);
  const stalls = new Map<string, { ms: number; left: number; what: "answer" | "request" }>();
  const seen: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const target = incoming.headers["x-amz-target"];
      const action =
        typeof target === "string" ? target.slice(target.indexOf(".") + 1) : (new URLSearchParams(body.toString()).get("Action") ?? "");
      seen.push(action);
      const stall = stalls.get(action);
      const held = stall && stall.left > 0 ? stall : undefined;
      if (stall) stall.left -= 1;
      const holdMs = held?.what === "answer" ? held.ms : 0;
      let answered = () => {};
      const done = new Promise<void>((resolve) => {
        answered = resolve;
      });
      inFlight.add(done);
      void done.then(() => inFlight.delete(done));
      const forward = () => {
        const forwarded = request(
          { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
          (answer) => {
            const answerChunks: Buffer[] = [];
            answer.on("data", (chunk: Buffer) => answerChunks.push(chunk));
            answer.on("end", () => {
              const deliver = () => {
                answered();
                if (outgoing.destroyed) return; // the client gave up waiting
                outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(answerChunks));
              };
              if (holdMs > 0) setTimeout(deliver, holdMs).unref();
              else deliver();
            });
          },
        );
        forwarded.on("error", () => {
          answered();
          outgoing.destroy();
        });
        forwarded.end(body);
      };
      if (held?.what === "request") setTimeout(forward, held.ms).unref();
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stall: (action, ms, count = 1, what = "answer") => stalls.set(action, { ms, left: count, what }),
    idle: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
