/**
 * The EC2 clients: two per (account, region), built lazily, discarded after any failure that did not come
 * from an EC2 answer.
 */
import { EC2Client } from "@aws-sdk/client-ec2";
import { config } from "../platform/config.js";
import { clientKey } from "./account-scope.js";
import { countingThrottles, httpHandler, scopedClientOptions } from "./clients.js";
import { limitToShare } from "./own-share.js";
import { traced } from "./tracing.js";

/**
 * Two clients per region of each account (the request's: account-scope.ts). Reads are idempotent and use the SDK's retries. Mutations are sent
 * once per attempt of this adapter's own loop (mutate()), because a call that timed out may have
 * been carried out by EC2: retrying it blindly creates a key twice or deletes one twice.
 */
export type ClientKind = "read" | "mutate";
const clients = new Map<string, EC2Client>();
/** A region's two clients (of one account) share one HTTP handler: one pool of connections (priming's serves the first mutation too). */
const httpHandlers = new Map<string, ReturnType<typeof httpHandler>>();

/** The client of a region, in the request's account, for reads or mutations (exported as a seam for the bench, which answers it from memory). */
export function ec2Client(region: string, kind: ClientKind): EC2Client {
  const scoped = clientKey(region);
  const id = `${kind}:${scoped}`;
  let client = clients.get(id);
  if (!client) {
    const handler = httpHandlers.get(scoped) ?? httpHandler();
    httpHandlers.set(scoped, handler);
    client = traced(
      countingThrottles(
        limitToShare(
          new EC2Client(scopedClientOptions(region, config.EC2_ENDPOINT, kind === "read" ? config.EC2_MAX_ATTEMPTS : 1, handler)),
          "ec2",
          region,
        ),
      ),
    );
    clients.set(id, client);
  }
  return client;
}

/**
 * Forgets a region's clients (of the request's account). The SDK's query serializer keeps what it had written when a write
 * throws (e.g. URIError on an unpaired surrogate) and sends it ahead of the next request made with
 * that client: after any failure that is not an EC2 answer, no client state is trusted again.
 */
export function discardClients(region: string): void {
  const scoped = clientKey(region);
  for (const kind of ["read", "mutate"] as const) {
    clients.get(`${kind}:${scoped}`)?.destroy();
    clients.delete(`${kind}:${scoped}`);
  }
  httpHandlers.get(scoped)?.destroy();
  httpHandlers.delete(scoped);
}
