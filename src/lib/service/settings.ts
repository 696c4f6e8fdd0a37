/** The rules' settings from the deployment's configuration. */
import type { KeyPairSettings } from "../keypairs/ports.js";
import { type Config, config } from "../platform/config.js";

export const settingsFrom = (config: Config): KeyPairSettings => ({
  managedTag: { key: config.MANAGED_TAG_KEY, value: config.MANAGED_TAG_VALUE },
  allowUnmanagedDelete: config.ALLOW_UNMANAGED_DELETE,
  requestMaxSeconds: config.REQUEST_MAX_SECONDS,
  allowedRegions: config.ALLOWED_REGIONS,
  timeBudgetMs: config.EC2_TOTAL_TIMEOUT_MS,
  idempotencyRecordSeconds: config.IDEMPOTENCY_RECORD_SECONDS,
});

export const settings = settingsFrom(config);
