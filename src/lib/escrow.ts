/**
 * Escrow of created private keys in SSM Parameter Store, opt-in per request (`escrow: true`), as
 * CloudFormation's AWS::EC2::KeyPair does. A key that cannot be escrowed is never handed back
 * instead (the caller asked not to receive it) nor left behind without a holder: it is deleted.
 */
import { config } from "./config.js";
import * as ec2 from "./ec2.js";
import { ApiError } from "./errors.js";
import { logger } from "./logger.js";
import type { CreatedKeyPairView, EscrowedKeyPairView } from "./schemas.js";
import * as ssm from "./ssm.js";

/** Tag on the parameter naming its key pair (SSM refuses tag keys starting with aws:, so not ec2:keypair-id's style). */
export const KEY_PAIR_ID_TAG = "keypair-id";

/** The answer for an escrowed key: where its private key is kept. */
export const escrowedKeyPair = (keyPair: Omit<CreatedKeyPairView, "keyMaterial">): EscrowedKeyPairView => ({ ...keyPair, privateKeyParameter: ssm.privateKeyParameterName(keyPair.keyPairId) });

/** Puts a just-created key's private key in SSM and answers without it; on failure, deletes the key pair. */
export async function escrowPrivateKey(region: string, created: CreatedKeyPairView): Promise<EscrowedKeyPairView> {
  const { keyMaterial, ...keyPair } = created;
  const tags = { [KEY_PAIR_ID_TAG]: keyPair.keyPairId, [config.MANAGED_TAG_KEY]: config.MANAGED_TAG_VALUE };
  try {
    await ssm.putPrivateKey(region, keyPair.keyPairId, keyMaterial, tags);
    return escrowedKeyPair(keyPair);
  } catch (error) {
    throw await withdraw(region, keyPair, error);
  }
}

/** Deletes a key pair whose private key could not be escrowed: nobody else holds that key. */
async function withdraw(region: string, keyPair: Omit<CreatedKeyPairView, "keyMaterial">, error: unknown): Promise<ApiError> {
  const reason = ssm.translateSsmError(error).message;
  logger.warn("private key escrow failed; deleting the key pair", { reason, keyPairId: keyPair.keyPairId });
  try {
    await ec2.deleteKeyPair(region, keyPair.name, false);
  } catch (deleteError) {
    logger.error("key pair could not be deleted after a failed escrow", { keyPairId: keyPair.keyPairId, error: deleteError instanceof ApiError ? deleteError.message : "unexpected" });
    return new ApiError(
      "escrow-failed",
      `${reason} The private key was not stored, and deleting key pair ${keyPair.name} (${keyPair.keyPairId}) failed too: it may still exist, with no one holding its private key. Delete it, then send the request again.`,
    );
  }
  return new ApiError("escrow-failed", `${reason} The private key could not be stored, so key pair ${keyPair.name} was deleted again: nothing was kept. Send the request again.`);
}

/** After a key pair is deleted: its escrowed private key (if any) would still open instances launched with it. */
export async function deleteEscrowedKey(region: string, keyPairId: string): Promise<void> {
  try {
    await ssm.deletePrivateKey(region, keyPairId);
  } catch (error) {
    throw new ApiError(
      "escrow-failed",
      `${ssm.translateSsmError(error).message} The key pair was deleted, but its escrowed private key ${ssm.privateKeyParameterName(keyPairId)} could not be: delete that parameter (DELETE again answers 404).`,
    );
  }
}
