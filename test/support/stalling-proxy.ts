/**
 * A proxy in front of the local EC2 (moto) that can hold EC2's answer to an action for a while
 * after EC2 carried it out: the "committed, but the answer was lost" fault of a slow network.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface StallingProxy {
  url: string;
  /** Hold the answers to the next `count` requests for `action` for `ms` each (they still reach EC2 at once). */
  stall(action: string, ms: number, count?: number): void;
  /** Actions seen, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

export async function startStallingProxy(target: string): Promise<StallingProxy> {
  const upstream = new URL(target);
  const stalls = new Map<string, { ms: number; left: number }>();
  const seen: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const action = new URLSearchParams(body.toString()).get("Action") ?? "";
      seen.push(action);
      const stall = stalls.get(action);
      const holdMs = stall && stall.left > 0 ? stall.ms : 0;
      if (stall) stall.left -= 1;
      const forwarded = request(
        { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          const answerChunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => answerChunks.push(chunk));
          answer.on("end", () => {
            const deliver = () => {
              if (outgoing.destroyed) return; // the client gave up waiting
              outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(answerChunks));
            };
            if (holdMs > 0) setTimeout(deliver, holdMs).unref();
            else deliver();
          });
        },
      );
      forwarded.on("error", () => outgoing.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stall: (action, ms, count = 1) => stalls.set(action, { ms, left: count }),
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
