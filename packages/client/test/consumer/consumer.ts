// A TypeScript project using the installed package (tsc --strict, copied into a temp project by
// test/integration/package.test.ts): types come from the package's .d.ts.
import { type CreatedKeyPair, createKeyPairsClient, type KeyPair, ProblemError, type Region } from "@ec2-keypairs/client";

const [endpoint, region, name] = process.argv.slice(2) as [string, Region, string];
const api = createKeyPairsClient({ endpoint });
const created = (await api.createKeyPair({ name, keyType: "rsa", region })) as CreatedKeyPair;
const fingerprint: string = created.fingerprint;
const listed: KeyPair[] = (await api.listKeyPairs({ region, name })).items;
try {
  await api.getKeyPair(`${name}-missing`, { region });
} catch (error) {
  if (!(error instanceof ProblemError) || error.status !== 404) throw error;
}
await api.deleteKeyPair(name, { region });
console.log(JSON.stringify({ name: created.name, fingerprint, listed: listed.length }));
