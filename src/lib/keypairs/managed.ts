/**
 * The managed-key guard: only keys this service made (the managed-key tag) are changed through it.
 * Delete, and the tag and expiry changes, refuse any other key alike; the IAM policy enforces the
 * same tag (decision 0002).
 */
import type { KeyPairView } from "../api/schemas.js";
import { ServiceError } from "./errors.js";
import type { KeyPairSettings } from "./ports.js";

/** The guard's refusal of a key this service did not make (the spec's example is made by this too). */
export const unmanagedKey = (name: string, settings: KeyPairSettings, action = "delete"): ServiceError =>
  new ServiceError(
    "unmanaged-key",
    `Key pair ${name} was not created or imported through this service (no ${settings.managedTag.key}=${settings.managedTag.value} tag); ` +
      `${action} it in EC2 directly.`,
  );

/** Refuses a key without the managed-key tag, unless `allowUnmanaged` (the stage's allowUnmanagedDelete, for deletes only). */
export function refuseUnmanaged(
  keyPair: Pick<KeyPairView, "name" | "managed">,
  settings: KeyPairSettings,
  options: { action?: string; allowUnmanaged?: boolean } = {},
): void {
  if (!keyPair.managed && !options.allowUnmanaged) throw unmanagedKey(keyPair.name, settings, options.action);
}
