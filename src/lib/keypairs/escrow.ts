/**
 * Escrow of created private keys in the vault (SSM Parameter Store), opt-in per request
 * (`escrow: true`), as CloudFormation's AWS::EC2::KeyPair does. A key that cannot be escrowed is
 * never handed back instead (the caller asked not to receive it) nor left behind without a
 * holder: it is deleted. No escrowed private key outlives its key pair: where a failure leaves
 * that unsure, the escrow sweep (sweep.ts) removes it once its key pair is gone.
 */
import type { CreatedKeyPairView, EscrowedKeyPairView } from "../api/schemas.js";
import { logger } from "../platform/logger.js";
import { countMetric } from "../platform/metrics.js";
import { ServiceError } from "./errors.js";
import type { DeleteDeps, KeyPairDeps } from "./ports.js";
import { removeKeyPair } from "./remove.js";

/** The folder of escrowed private keys (CloudFormation's AWS::EC2::KeyPair uses the same). */
export const ESCROW_PATH = "/ec2/keypair";

/** Where a key pair's escrowed private key lives. */
export const privateKeyParameterName = (keyPairId: string): string => `${ESCROW_PATH}/${keyPairId}`;

/** Tag on the parameter naming its key pair (SSM refuses tag keys starting with aws:, so not ec2:keypair-id's style). */
export const KEY_PAIR_ID_TAG = "keypair-id";

/** What the answers say when only the sweep can finish the job. */
export const SWEEP_PROMISE = "the escrow sweep deletes it once its key pair is gone";

type KeyPairWithoutMaterial = Omit<CreatedKeyPairView, "keyMaterial">;

/** The answer for an escrowed key: where its private key is kept. */
export const escrowedKeyPair = (keyPair: KeyPairWithoutMaterial): EscrowedKeyPairView => ({
  ...keyPair,
  privateKeyParameter: privateKeyParameterName(keyPair.keyPairId),
});

/** Puts a just-created key's private key in the vault and answers without it; on failure, deletes the key pair. */
export async function escrowPrivateKey(deps: KeyPairDeps, region: string, created: CreatedKeyPairView): Promise<EscrowedKeyPairView> {
  const { keyMaterial, ...keyPair } = created;
  const tags = { [KEY_PAIR_ID_TAG]: keyPair.keyPairId, [deps.settings.managedTag.key]: deps.settings.managedTag.value };
  try {
    await deps.vault.put(region, keyPair.keyPairId, keyMaterial, tags);
    return escrowedKeyPair(keyPair);
  } catch (error) {
    throw await withdraw(deps, region, keyPair, error);
  }
}

const reasonOf = (error: unknown): string => (error instanceof ServiceError ? error.message : "The private key vault failed.");
const mayHaveActed = (error: unknown): boolean => !(error instanceof ServiceError) || error.outcomeUnknown;

/**
 * Deletes a key pair whose private key could not be escrowed (nobody else holds that key), then the
 * parameter: a put without an answer may have stored it, or may still store it after our delete.
 * "Nothing was kept" only when the vault answered that it stored nothing.
 */
async function withdraw(deps: KeyPairDeps, region: string, keyPair: KeyPairWithoutMaterial, error: unknown): Promise<ServiceError> {
  const reason = reasonOf(error);
  const parameter = privateKeyParameterName(keyPair.keyPairId);
  countMetric("EscrowFailures");
  logger.warn("private key escrow failed; deleting the key pair", { reason, keyPairId: keyPair.keyPairId });
  try {
    await removeKeyPair(deps.store, region, keyPair);
  } catch (deleteError) {
    logger.error("key pair could not be deleted after a failed escrow", {
      keyPairId: keyPair.keyPairId,
      error: deleteError instanceof ServiceError ? deleteError.message : "unexpected",
    });
    return new ServiceError(
      "escrow-failed",
      `${reason} The private key may not have been stored, and deleting key pair ${keyPair.name} (${keyPair.keyPairId}) failed too: ` +
        `it may still exist. Delete it (if ${parameter} holds its private key, ${SWEEP_PROMISE}), then send the request again.`,
    );
  }
  const forgotten = await deps.vault.delete(region, keyPair.keyPairId).then(
    () => true,
    () => false,
  );
  if (forgotten && !mayHaveActed(error)) {
    return new ServiceError(
      "escrow-failed",
      `${reason} The private key could not be stored, so key pair ${keyPair.name} was deleted again: nothing was kept. Send the request again.`,
    );
  }
  return new ServiceError(
    "escrow-failed",
    `${reason} Key pair ${keyPair.name} was deleted again. Its private key may still reach ${parameter} (the vault's answer was lost): ` +
      `${SWEEP_PROMISE}. Send the request again.`,
  );
}

/** After a key pair is deleted: its escrowed private key (if any) would still open instances launched with it. */
export async function deleteEscrowedKey(deps: Pick<DeleteDeps, "vault">, region: string, keyPairId: string): Promise<void> {
  try {
    await deps.vault.delete(region, keyPairId);
  } catch (error) {
    throw new ServiceError(
      "escrow-failed",
      `${reasonOf(error)} The key pair was deleted, but its escrowed private key ${privateKeyParameterName(keyPairId)} could not be: ` +
        `${SWEEP_PROMISE}, or delete that parameter yourself.`,
    );
  }
}

/**
 * After a delete of an escrowed key pair whose answer was lost, what its answer says of the private
 * key: the key pair is gone (a look-up by id), so the private key goes at once; otherwise it stays
 * with its key pair, and the sweep deletes it once the key pair is gone (as it does when that fails).
 */
export async function escrowAfterUnknownDelete(deps: Pick<DeleteDeps, "vault">, region: string, keyPairId: string, gone: boolean) {
  const parameter = privateKeyParameterName(keyPairId);
  if (!gone) return { note: `Its escrowed private key ${parameter} stays while the key pair exists; ${SWEEP_PROMISE}.`, left: true };
  const forgotten = await deps.vault.delete(region, keyPairId).then(
    () => true,
    () => false,
  );
  return forgotten
    ? { note: `It is gone now, and its escrowed private key ${parameter} was deleted.`, left: false }
    : { note: `It is gone now, but its escrowed private key ${parameter} could not be deleted: ${SWEEP_PROMISE}.`, left: true };
}
