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
/**
 * The clients most recently used, at most MAX_CLIENTS: an estate listing builds one per (account,
 * region) it reaches, 17,000 for 1,000 accounts. One dropped is only garbage: its pool is the region's.
 */
const MAX_CLIENTS = 256;
const clients = new Map<string, EC2Client>();
/**
 * One pool of connections per region, shared by every account's clients there: a connection carries
 * no identity (each request is signed with its account's credentials), and a listing of 1,000
 * accounts must not hold a socket per (account, region) (Lambda allows 1,024 file descriptors).
 */
const regionPools = new Map<string, ReturnType<typeof httpHandler>>();

/** The client of a region, in the request's account, for reads or mutations (exported as a seam for the bench, which answers it from memory). */
export function ec2Client(region: string, kind: ClientKind): EC2Client {
  const id = `${kind}:${clientKey(region)}`;
  let client = clients.get(id);
  if (client) {
    clients.delete(id); // to the end: the most recently used
  } else {
    const pool = regionPools.get(region) ?? httpHandler();
    regionPools.set(region, pool);
    client = traced(
      countingThrottles(
        limitToShare(
          new EC2Client(scopedClientOptions(region, config.EC2_ENDPOINT, kind === "read" ? config.EC2_MAX_ATTEMPTS : 1, pool)),
          "ec2",
          region,
        ),
      ),
    );
    if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value!);
  }
  clients.set(id, client);
  return client;
}

/**
 * Forgets a region's clients (of the request's account). The SDK's query serializer keeps what it had written when a write
 * throws (e.g. URIError on an unpaired surrogate) and sends it ahead of the next request made with
 * that client: after any failure that is not an EC2 answer, no client state is trusted again. The
 * region's pool stays (not destroy(), which would end it for every account): a connection that failed
 * is closed by the pool itself.
 */
export function discardClients(region: string): void {
  const scoped = clientKey(region);
  for (const kind of ["read", "mutate"] as const) clients.delete(`${kind}:${scoped}`);
}
