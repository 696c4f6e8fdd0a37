from enum import StrEnum


class KnownProblemType(StrEnum):
    ACCOUNT_NOT_ALLOWED = "/problems/account-not-allowed"
    ACCOUNT_UNREACHABLE = "/problems/account-unreachable"
    CONFLICT = "/problems/conflict"
    ESCROW_FAILED = "/problems/escrow-failed"
    FORBIDDEN = "/problems/forbidden"
    IDEMPOTENCY_KEY_REUSED = "/problems/idempotency-key-reused"
    INTERNAL = "/problems/internal"
    KEY_IN_USE = "/problems/key-in-use"
    MALFORMED_JSON = "/problems/malformed-json"
    METHOD_NOT_ALLOWED = "/problems/method-not-allowed"
    NOT_ACCEPTABLE = "/problems/not-acceptable"
    NOT_FOUND = "/problems/not-found"
    PAYLOAD_TOO_LARGE = "/problems/payload-too-large"
    PRIVATE_KEY_DELIVERED = "/problems/private-key-delivered"
    PROBLEM_TYPE_NOT_FOUND = "/problems/problem-type-not-found"
    QUOTA_EXCEEDED = "/problems/quota-exceeded"
    REQUEST_IN_PROGRESS = "/problems/request-in-progress"
    THROTTLED = "/problems/throttled"
    UNMANAGED_KEY = "/problems/unmanaged-key"
    UNSUPPORTED_MEDIA_TYPE = "/problems/unsupported-media-type"
    UPSTREAM_ERROR = "/problems/upstream-error"
    UPSTREAM_TIMEOUT = "/problems/upstream-timeout"
    USAGE_UNKNOWN = "/problems/usage-unknown"
    VALIDATION = "/problems/validation"

    def __str__(self) -> str:
        return str(self.value)
