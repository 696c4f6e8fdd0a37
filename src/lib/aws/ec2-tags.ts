/**
 * The tags and expiry changes' EC2 calls (CreateTags, DeleteTags on a key pair), apart from ec2.ts:
 * only the composition root of those changes (service/retag.ts, loaded on first request) imports
 * them, so the delete function's INIT holds neither command.
 */
import { CreateTagsCommand, DeleteTagsCommand } from "@aws-sdk/client-ec2";
import type { TagChange } from "../keypairs/ports.js";
import { mutate, toTags } from "./ec2.js";

/**
 * Sets, then removes, tags of exactly the key pair looked up, by its id. Each call is sent again
 * only when throttled (mutate()); either is idempotent, so an unknown outcome is the caller's to
 * repeat.
 */
export async function retagKeyPair(
  region: string,
  keyPair: { name: string; keyPairId: string },
  change: TagChange,
  dryRun: boolean,
): Promise<void> {
  const Resources = [keyPair.keyPairId];
  if (Object.keys(change.set).length > 0) {
    await mutate({
      region,
      operation: "CreateTags",
      name: keyPair.name,
      dryRun,
      send: (client, abortSignal) =>
        client.send(new CreateTagsCommand({ Resources, Tags: toTags(change.set), DryRun: dryRun }), { abortSignal }),
    });
  }
  if (change.remove.length > 0) {
    await mutate({
      region,
      operation: "DeleteTags",
      name: keyPair.name,
      dryRun,
      // A key without a value: the tag goes whatever its value.
      send: (client, abortSignal) =>
        client.send(new DeleteTagsCommand({ Resources, Tags: change.remove.map((Key) => ({ Key })), DryRun: dryRun }), { abortSignal }),
    });
  }
}
