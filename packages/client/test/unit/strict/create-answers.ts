// Compiled under tsc --strict by types.test.ts: createKeyPair's answer has the type its body implies,
// and each @ts-expect-error below fails the compile if the answer were wider or narrower.
import { type CreatedKeyPair, createKeyPairsClient, type DryRunResult, type EscrowedKeyPair, isDryRun } from "../../../src/client.js";

const api = createKeyPairsClient({ endpoint: "http://localhost:3000" });

const key = await api.createKeyPair({ name: "deploy-bot", keyType: "ed25519" });
export const created: CreatedKeyPair = key;
export const material: string = key.keyMaterial;

const escrowed = await api.createKeyPair({ name: "ci-bot", escrow: true });
export const parameter: string = escrowed.privateKeyParameter;
// @ts-expect-error an escrowed key's answer holds no private key
export const noMaterial: string = escrowed.keyMaterial;

const dry = await api.createKeyPair({ name: "deploy-bot", dryRun: true, escrow: true });
export const dryRun: DryRunResult = dry;
// @ts-expect-error a dry run makes no key
export const noId: string = dry.keyPairId;

// Known only at run time: the union, narrowed with isDryRun.
declare const maybe: boolean;
const either = await api.createKeyPair({ name: "deploy-bot", dryRun: maybe }, "retry-1");
// @ts-expect-error not narrowed yet
export const notYet: string = either.keyPairId;
export const narrowed: string = isDryRun(either) ? either.detail : either.keyPairId;
export const wide: CreatedKeyPair | EscrowedKeyPair | DryRunResult = either;
