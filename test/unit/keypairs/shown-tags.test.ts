/**
 * Which tags answers show: the caller's, the managed-key marker, escrow and expiry; never the
 * service's bookkeeping (HIDDEN_TAG_KEYS), in any view, though the key in the store keeps it.
 */

import type { ListKeyPairsQuery } from "../../../src/lib/api/list-query.js";
import { HIDDEN_TAG_KEYS, SERVICE_TAGS } from "../../../src/lib/api/reserved-tags.js";
import { createKeyPair } from "../../../src/lib/keypairs/create.js";
import { importKeyPair } from "../../../src/lib/keypairs/import.js";
import { listKeyPairs } from "../../../src/lib/keypairs/list.js";
import { listKeyPairsInAllRegions } from "../../../src/lib/keypairs/list-all-regions.js";
import { getKeyPair } from "../../../src/lib/keypairs/read.js";
import { createInput, inMemoryDeps } from "../../support/in-memory-ports.js";

const REGION = "eu-west-1";
const ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGLhX3iZb6VZsNj1kYkxXDK1X3uC6Zx8d0ZS6m2y8t7P";
const alice = (idempotencyKey?: string) => ({ arn: "arn:aws:iam::123456789012:role/alice", idempotencyKey });
const create = createInput;
const query = (overrides: Partial<ListKeyPairsQuery> = {}): ListKeyPairsQuery => ({ limit: 100, ...overrides }) as ListKeyPairsQuery;
const tagsOf = (answer: object) => (answer as { tags: Record<string, string> }).tags;

test("the bookkeeping list is the request marks and the caller; escrow and expiry stay visible", () => {
  expect([...HIDDEN_TAG_KEYS].sort()).toEqual(
    [SERVICE_TAGS.requestToken, SERVICE_TAGS.idempotencyKey, SERVICE_TAGS.requestDigest, SERVICE_TAGS.createdBy].sort(),
  );
  expect(HIDDEN_TAG_KEYS).not.toContain(SERVICE_TAGS.escrow);
  expect(HIDDEN_TAG_KEYS).not.toContain(SERVICE_TAGS.expiresAt);
});

test("create, a replayed create, import, get, list and all regions show the same tags, without the bookkeeping the store keeps", async () => {
  const deps = inMemoryDeps();
  const created = await createKeyPair(deps, REGION, create({ ttlSeconds: 3600 }), alice("k1"));
  const escrowed = await createKeyPair(deps, REGION, create({ name: "escrowed", escrow: true }), alice("k2"));
  const replayed = await createKeyPair(deps, REGION, create({ name: "escrowed", escrow: true }), alice("k2"));
  const imported = await importKeyPair(deps, REGION, { name: "laptop", publicKey: ED25519, tags: { owner: "alice" } }, alice("k3"));
  const importReplayed = await importKeyPair(deps, REGION, { name: "laptop", publicKey: ED25519, tags: { owner: "alice" } }, alice("k3"));

  // The store holds every mark (the service reads them there) ...
  for (const record of deps.store.keys(REGION)) {
    for (const key of HIDDEN_TAG_KEYS) expect(record.tags).toHaveProperty([key]);
  }
  // ... and every answer shows exactly the caller's tags, the marker, escrow and expiry.
  const expiresAt = tagsOf(created)[SERVICE_TAGS.expiresAt];
  expect(expiresAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  const expected = {
    "deploy-bot": { team: "ci", "managed-by": "ec2-keypairs-api", [SERVICE_TAGS.expiresAt]: expiresAt! },
    escrowed: { team: "ci", "managed-by": "ec2-keypairs-api", [SERVICE_TAGS.escrow]: "ssm" },
    laptop: { owner: "alice", "managed-by": "ec2-keypairs-api" },
  };
  expect(tagsOf(created)).toEqual(expected["deploy-bot"]);
  expect([tagsOf(escrowed), tagsOf(replayed)]).toEqual([expected.escrowed, expected.escrowed]);
  expect([tagsOf(imported), tagsOf(importReplayed)]).toEqual([expected.laptop, expected.laptop]);
  for (const name of Object.keys(expected) as (keyof typeof expected)[]) {
    expect(tagsOf(await getKeyPair(deps, REGION, { name }, {}))).toEqual(expected[name]);
  }
  const listed = await listKeyPairs(deps, REGION, query());
  expect(Object.fromEntries(listed.items.map((item) => [item.name, item.tags]))).toEqual(expected);
  const everywhere = await listKeyPairsInAllRegions(deps, query({ allRegions: true } as Partial<ListKeyPairsQuery>));
  expect(Object.fromEntries(everywhere.items.map((item) => [item.name, item.tags]))).toEqual(expected);
  // Events carry no tags at all.
  expect(deps.events.published.length).toBeGreaterThan(0);
  for (const event of deps.events.published) expect(event).not.toHaveProperty("tags");
});

test("tag filters match the tags answers show: a bookkeeping tag selects nothing", async () => {
  const deps = inMemoryDeps();
  await createKeyPair(deps, REGION, create(), alice("k1"));
  const [stored] = deps.store.keys(REGION);
  expect((await listKeyPairs(deps, REGION, query({ tagKey: "team" }))).items).toHaveLength(1);
  expect((await listKeyPairs(deps, REGION, query({ tagKey: "managed-by" }))).items).toHaveLength(1);
  for (const key of HIDDEN_TAG_KEYS) {
    expect((await listKeyPairs(deps, REGION, query({ tagKey: key }))).items).toEqual([]);
    expect((await listKeyPairs(deps, REGION, query({ tag: `${key}=${stored!.tags[key]}` }))).items).toEqual([]);
  }
});
