/**
 * The SSM Parameter Store adapter, the private key vault: the only module that knows @aws-sdk/client-ssm. It keeps
 * escrowed private keys at /ec2/keypair/<keyPairId> (CloudFormation's AWS::EC2::KeyPair uses the
 * same name; the rules name it: keypairs/escrow.ts). Like ec2.ts: clients per (account, region), built lazily and discarded after any failure that
 * is not an SSM answer; one error table. No error or log line ever carries a parameter's value:
 * SSM's own messages are dropped (a validation message may quote the value it refused).
 */
import { DeleteParameterCommand, DescribeParametersCommand, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { ServiceError } from "../keypairs/errors.js";
import { ESCROW_PATH, privateKeyParameterName } from "../keypairs/escrow.js";
import type { EscrowedPrivateKey, PrivateKeyVault } from "../keypairs/ports.js";
import { config } from "../platform/config.js";
import { clientKey } from "./account-scope.js";
import { errorTranslation, isAwsAnswer, type SdkError } from "./aws-errors.js";
import { scopedClientOptions } from "./clients.js";
import { limitToShare, markShare } from "./own-share.js";
import { traced } from "./tracing.js";

/** SSM's default for SecureString, named so the request says which key encrypts the value. */
const AWS_MANAGED_KEY = "alias/aws/ssm";

const clients = new Map<string, SSMClient>();

function ssmClient(region: string): SSMClient {
  let client = clients.get(clientKey(region));
  if (!client) {
    // Both calls are safe to repeat: a repeated put meets its own parameter (see putPrivateKey), a repeated delete finds none.
    client = traced(limitToShare(new SSMClient(scopedClientOptions(region, config.SSM_ENDPOINT, config.EC2_MAX_ATTEMPTS)), "ssm", region));
    clients.set(clientKey(region), client);
  }
  return client;
}

/**
 * The API's error for an SSM failure: a fixed text and the code, never SSM's message nor the SDK
 * error (the translation is aws-errors.ts's, as DynamoDB's).
 */
export const translateSsmError = errorTranslation("SSM Parameter Store", {
  throttled: ["ThrottlingException", "TooManyUpdates"],
  refused: {
    codes: ["AccessDeniedException", "InvalidKeyId", "ParameterLimitExceeded", "TooManyTagsError"],
    about: "permissions, KMS key or quota",
  },
});

async function send<T>(region: string, run: (client: SSMClient, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(config.EC2_TOTAL_TIMEOUT_MS);
  try {
    return await run(ssmClient(region), signal);
  } catch (error) {
    if (!(error instanceof ServiceError || isAwsAnswer(error))) {
      clients.get(clientKey(region))?.destroy();
      clients.delete(clientKey(region));
    }
    throw error;
  }
}

/**
 * Stores a private key as a SecureString (the stage's KMS key, else the AWS managed one), never
 * overwriting. ParameterAlreadyExists after more than one attempt is this call's own earlier
 * attempt: the name holds a key pair id EC2 issued moments ago, so nobody else can have used it.
 */
export async function putPrivateKey(region: string, keyPairId: string, keyMaterial: string, tags: Record<string, string>): Promise<string> {
  const name = privateKeyParameterName(keyPairId);
  const input = {
    Name: name,
    Value: keyMaterial,
    Type: "SecureString" as const,
    KeyId: config.ESCROW_KMS_KEY_ID ?? AWS_MANAGED_KEY,
    Overwrite: false,
    Description: `Private key of EC2 key pair ${keyPairId}`,
    Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  };
  try {
    // Not limited: a put follows a create, whose own share (far below Parameter Store's) bounds it; refused, it would leave a key without its escrow.
    await send(region, (client, abortSignal) => client.send(markShare(new PutParameterCommand(input), "none"), { abortSignal }));
  } catch (error) {
    const sdkError = (error ?? {}) as SdkError;
    if (sdkError.name === "ParameterAlreadyExists" && (sdkError.$metadata?.attempts ?? 1) > 1) return name;
    throw translateSsmError(error);
  }
  return name;
}

/** Deletes a key pair's escrowed private key; none there (never escrowed, or already gone) is success. */
export async function deletePrivateKey(region: string, keyPairId: string): Promise<void> {
  try {
    await send(region, (client, abortSignal) =>
      // Not limited: a delete follows a key pair's delete (or an orphan's, rare), whose own share bounds it.
      client.send(markShare(new DeleteParameterCommand({ Name: privateKeyParameterName(keyPairId) }), "none"), { abortSignal }),
    );
  } catch (error) {
    if (((error ?? {}) as SdkError).name === "ParameterNotFound") return;
    throw translateSsmError(error);
  }
}

/**
 * The escrowed private keys this service stored in a region (their parameters carry its managed
 * tag; others under the path, e.g. CloudFormation's, are not ours): names and dates only, never a
 * value (DescribeParameters cannot return one). Paged to the end within one time budget.
 */
export async function listPrivateKeys(region: string, tag: { key: string; value: string }): Promise<EscrowedPrivateKey[]> {
  const found: EscrowedPrivateKey[] = [];
  const filters = [
    { Key: "Path", Option: "OneLevel", Values: [ESCROW_PATH] },
    { Key: `tag:${tag.key}`, Values: [tag.value] },
  ];
  try {
    await send(region, async (client, abortSignal) => {
      let NextToken: string | undefined;
      do {
        const page = await client.send(new DescribeParametersCommand({ ParameterFilters: filters, MaxResults: 50, NextToken }), {
          abortSignal,
        });
        for (const parameter of page.Parameters ?? []) {
          const keyPairId = parameter.Name?.slice(ESCROW_PATH.length + 1);
          if (keyPairId && parameter.Name === privateKeyParameterName(keyPairId)) {
            found.push({ keyPairId, ...(parameter.LastModifiedDate ? { storedAt: parameter.LastModifiedDate } : {}) });
          }
        }
        NextToken = page.NextToken;
      } while (NextToken);
    });
  } catch (error) {
    throw translateSsmError(error);
  }
  return found;
}

export const ssmPrivateKeyVault: PrivateKeyVault = { put: putPrivateKey, delete: deletePrivateKey, list: listPrivateKeys };
