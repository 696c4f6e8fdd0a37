// A plain-JavaScript project using the installed package (copied into a temp project by
// test/integration/package.test.ts): create, get, list, a 409, delete, a 404.
import { createKeyPairsClient, ProblemError } from "@ec2-keypairs/client";

const [endpoint, region, name] = process.argv.slice(2);
const api = createKeyPairsClient({ endpoint });
const created = await api.createKeyPair({ name, keyType: "ed25519", region, ttlSeconds: 3600 });
const got = await api.getKeyPair(name, { region });
const listed = await api.listAllKeyPairs({ region, name });
const conflict = await api.createKeyPair({ name, region }).catch((error) => error);
await api.deleteKeyPair(name, { region });
const gone = await api.getKeyPair(name, { region }).catch((error) => error);
console.log(
  JSON.stringify({
    created: { name: created.name, keyPairId: created.keyPairId, privateKey: created.keyMaterial.split("\n")[0] },
    got: got.keyPairId === created.keyPairId,
    expiresAt: got.expiresAt,
    listed: listed.items.map((item) => item.name),
    conflict: conflict instanceof ProblemError ? [conflict.status, conflict.type] : String(conflict),
    gone: gone instanceof ProblemError ? [gone.status, gone.title] : String(gone),
  }),
);
