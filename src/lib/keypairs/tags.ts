/** The tags a new key pair carries: the caller's, the managed-key marker and the marks of its request. */
import { isReservedTagKey } from "../api/reserved-tags.js";
import { invalidFields } from "./errors.js";
import type { KeyPairSettings } from "./ports.js";

export function serviceTags(
  callerTags: Record<string, string> = {},
  marks: Record<string, string>,
  settings: KeyPairSettings,
): Record<string, string> {
  const reserved = Object.keys(callerTags).filter((key) => isReservedTagKey(key, settings.managedTag.key));
  if (reserved.length > 0) {
    throw invalidFields([{ field: "body.tags", message: `tag key ${reserved.join(", ")} is reserved for this service` }]);
  }
  return { ...callerTags, [settings.managedTag.key]: settings.managedTag.value, ...marks };
}
