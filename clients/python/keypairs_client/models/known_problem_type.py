from enum import StrEnum


class KnownProblemType(StrEnum):
    ACCOUNT_NOT_ALLOWED = (
        "https://ec2-keypairs-api.example.com/problems/account-not-allowed"
    )
    ACCOUNT_UNREACHABLE = (
        "https://ec2-keypairs-api.example.com/problems/account-unreachable"
    )
    CONFLICT = "https://ec2-keypairs-api.example.com/problems/conflict"
    ESCROW_FAILED = "https://ec2-keypairs-api.example.com/problems/escrow-failed"
    FORBIDDEN = "https://ec2-keypairs-api.example.com/problems/forbidden"
    IDEMPOTENCY_KEY_REUSED = (
        "https://ec2-keypairs-api.example.com/problems/idempotency-key-reused"
    )
    INTERNAL = "https://ec2-keypairs-api.example.com/problems/internal"
    KEY_IN_USE = "https://ec2-keypairs-api.example.com/problems/key-in-use"
    MALFORMED_JSON = "https://ec2-keypairs-api.example.com/problems/malformed-json"
    METHOD_NOT_ALLOWED = (
        "https://ec2-keypairs-api.example.com/problems/method-not-allowed"
    )
    NOT_ACCEPTABLE = "https://ec2-keypairs-api.example.com/problems/not-acceptable"
    NOT_FOUND = "https://ec2-keypairs-api.example.com/problems/not-found"
    PAYLOAD_TOO_LARGE = (
        "https://ec2-keypairs-api.example.com/problems/payload-too-large"
    )
    PROBLEM_TYPE_NOT_FOUND = (
        "https://ec2-keypairs-api.example.com/problems/problem-type-not-found"
    )
    QUOTA_EXCEEDED = "https://ec2-keypairs-api.example.com/problems/quota-exceeded"
    REQUEST_IN_PROGRESS = (
        "https://ec2-keypairs-api.example.com/problems/request-in-progress"
    )
    THROTTLED = "https://ec2-keypairs-api.example.com/problems/throttled"
    UNMANAGED_KEY = "https://ec2-keypairs-api.example.com/problems/unmanaged-key"
    UNSUPPORTED_MEDIA_TYPE = (
        "https://ec2-keypairs-api.example.com/problems/unsupported-media-type"
    )
    UPSTREAM_ERROR = "https://ec2-keypairs-api.example.com/problems/upstream-error"
    UPSTREAM_TIMEOUT = "https://ec2-keypairs-api.example.com/problems/upstream-timeout"
    USAGE_UNKNOWN = "https://ec2-keypairs-api.example.com/problems/usage-unknown"
    VALIDATION = "https://ec2-keypairs-api.example.com/problems/validation"

    def __str__(self) -> str:
        return str(self.value)
