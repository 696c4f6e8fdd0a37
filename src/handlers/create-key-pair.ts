import { CreateKeyPairBody, IdempotencyHeaders, RegionQuery } from "../lib/api/schemas.js";
import { jsonBodyRoute } from "../lib/http/body-route.js";
import { acceptQuality, PEM } from "../lib/http/negotiation.js";
import { json, textBody } from "../lib/http/responses.js";
import { ServiceError } from "../lib/keypairs/errors.js";
import { isDryRun } from "../lib/keypairs/views.js";
import { keyPairCreation } from "../lib/service/create.js";

/**
 * Whether the caller asked for the private key itself (Accept: application/x-pem-file, preferred
 * to JSON): decided before the key is made, so a key is never made for an answer that cannot be given.
 */
function wantsPem(accept: string | undefined, body: { keyFormat: string; escrow?: boolean }): boolean {
  const pem = acceptQuality(accept, PEM);
  if (pem === 0 || accept === undefined || !accept.toLowerCase().includes(PEM) || pem < acceptQuality(accept, "application/json"))
    return false;
  if (body.keyFormat !== "pem")
    throw new ServiceError(
      "not-acceptable",
      `A ${body.keyFormat} key is not a PEM file: ask for keyFormat pem, or accept application/json.`,
    );
  if (body.escrow)
    throw new ServiceError("not-acceptable", "An escrowed private key is not in the answer: accept application/json, or drop escrow.");
  return true;
}

/** POST /keypairs */
export const handler = jsonBodyRoute(
  { body: CreateKeyPairBody, query: RegionQuery, headers: IdempotencyHeaders },
  async ({ body, headers, region, caller }, event) => {
    const pem = wantsPem(event.headers?.accept, body);
    const result = await keyPairCreation.createKeyPair(region, body, { arn: caller, idempotencyKey: headers["idempotency-key"] });
    if (isDryRun(result)) return json(200, result);
    // With Accept: application/x-pem-file, the body is the private key alone (curl -o key.pem); no-store either way.
    return pem && "keyMaterial" in result
      ? textBody(201, result.keyMaterial, PEM, { "Cache-Control": "no-store" })
      : json(201, result, { "Cache-Control": "no-store" });
  },
);
