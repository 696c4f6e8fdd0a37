/**
 * Creates, lists, gets and deletes a key with a TypeScript client generated from openapi.yaml by
 * openapi-typescript with its default options, plus openapi-fetch. test/contract/generated-clients.test.ts
 * generates ./api.js beside a copy of this file and typechecks both with tsc --strict (this folder
 * is outside the project's own tsc run, as ./api.js exists only there).
 */
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type CreatedKeyPair = components["schemas"]["CreatedKeyPair"];
type Problem = components["schemas"]["Problem"];

export async function roundTrip(baseUrl: string): Promise<void> {
  // The deployed API wants SigV4: sign in a custom fetch (e.g. with @smithy/signature-v4).
  const api = createClient<paths>({ baseUrl });
  const created = await api.POST("/keypairs", {
    body: { name: "ts-client-key", keyType: "ed25519" },
    params: { query: { region: "us-east-1" } },
  });
  // data is JSON here (a string only when asking for Accept: application/x-pem-file, with parseAs: "text").
  if (created.response.status !== 201 || typeof created.data !== "object" || !("keyMaterial" in created.data))
    throw new Error(`create failed: ${created.response.status}`);
  const key: CreatedKeyPair = created.data;
  const privateKey: string = key.keyMaterial;

  const listed = await api.GET("/keypairs", { params: { query: { region: "us-east-1", name: key.name, includePublicKey: true } } });
  const names: string[] = (listed.data?.items ?? []).map((item) => item.name);

  const fetched = await api.GET("/keypairs/{name}", { params: { path: { name: key.name }, query: { region: "us-east-1" } } });
  if (fetched.error) {
    const problem = fetched.error as Problem;
    throw new Error(`get failed: ${problem.status} ${problem.title}`);
  }
  const keyType: "rsa" | "ed25519" = fetched.data.keyType;

  const deleted = await api.DELETE("/keypairs/{name}", {
    params: { path: { name: key.name }, query: { region: "us-east-1", dryRun: false } },
  });
  console.log(key.keyPairId, privateKey.length, names, keyType, deleted.response.status);
}
