/**
 * The tag keys this service writes on a key pair, which callers may not set (nor the managed-key
 * marker, whose key is a setting). The spec's tag limit and its description derive from this list.
 */
export const SERVICE_TAGS = {
  requestToken: "ec2-keypairs-api:request-token",
  idempotencyKey: "ec2-keypairs-api:idempotency-key",
  requestDigest: "ec2-keypairs-api:request-digest",
  createdBy: "ec2-keypairs-api:created-by",
  /** On a created key whose private key was escrowed: where it is kept ("ssm"), so that DELETE removes it there too. */
  escrow: "ec2-keypairs-api:escrow",
  /** On a key created or imported with ttlSeconds or expiresAt: when the sweep deletes it (UTC, RFC 3339). */
  expiresAt: "ec2-keypairs-api:expires-at",
} as const;

export const RESERVED_TAG_KEYS: readonly string[] = Object.values(SERVICE_TAGS);

/**
 * The service's bookkeeping, which no answer shows (create, import, get, list; nor a tags change's event):
 * which request made a key and who asked. Answers show the caller's tags, the managed-key marker,
 * escrow and expires-at: they say what the service does with the key.
 */
export const HIDDEN_TAG_KEYS: readonly string[] = [
  SERVICE_TAGS.requestToken,
  SERVICE_TAGS.idempotencyKey,
  SERVICE_TAGS.requestDigest,
  SERVICE_TAGS.createdBy,
];

/** EC2's limit of tags per key pair. */
export const EC2_MAX_TAGS = 50;

/**
 * How many tags a caller may set: EC2's limit less the service's own and the managed-key marker.
 * The expiry tag is counted only on a key that expires (MAX_CALLER_TAGS_WITH_EXPIRY), so a key
 * without one keeps the limit it always had.
 */
export const MAX_CALLER_TAGS = EC2_MAX_TAGS - (RESERVED_TAG_KEYS.length - 1) - 1;
export const MAX_CALLER_TAGS_WITH_EXPIRY = MAX_CALLER_TAGS - 1;

/** Whether a caller's tag key is, or could pass for, a reserved one (any case, surrounding spaces). */
export function isReservedTagKey(key: string, managedTagKey: string): boolean {
  const normalized = key.trim().toLowerCase();
  return normalized === managedTagKey.toLowerCase() || RESERVED_TAG_KEYS.includes(normalized);
}
