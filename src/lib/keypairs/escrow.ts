/**
 * Escrow of created private keys in the vault (SSM Parameter Store), opt-in per request
 * (`escrow: true`), as CloudFormation's AWS::EC2::KeyPair does. A key that cannot be escrowed is
 * never handed back instead (the caller asked not to receive it) nor left behind without a
 * holder: it is deleted.
 */
import type { CreatedKeyPairView, EscrowedKeyPairView } from "../api/schemas.js";
import { logger } from "../platform/logger.js";
import { ServiceError } from "./errors.js";
import type { DeleteDeps, KeyPairDeps } from "./ports.js";
import { removeKeyPair } from "./remove.js";

/** Where a key pair's escrowed private key lives (CloudFormation's AWS::EC2::KeyPair uses the same name). */
export const privateKeyParameterName = (keyPairId: string): string => `/ec2/keypair/${keyPairId}`;

/** Tag on the parameter naming its key pair (SSM refuses tag keys starting with aws:, so not ec2:keypair-id's style). */
export const KEY_PAIR_ID_TAG = "keypair-id";

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

/** Deletes a key pair whose private key could not be escrowed: nobody else holds that key. */
async function withdraw(deps: KeyPairDeps, region: string, keyPair: KeyPairWithoutMaterial, error: unknown): Promise<ServiceError> {
  const reason = reasonOf(error);
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
      `${reason} The private key was not stored, and deleting key pair ${keyPair.name} (${keyPair.keyPairId}) failed too: it may still ` +
        `exist, with no one holding its private key. Delete it, then send the request again.`,
    );
  }
  return new ServiceError(
    "escrow-failed",
    `${reason} The private key could not be stored, so key pair ${keyPair.name} was deleted again: nothing was kept. Send the request ` +
      `again.`,
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
        `delete that parameter (DELETE again answers 404).`,
    );
  }
}
