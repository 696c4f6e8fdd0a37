from enum import StrEnum


class ScopeListingStatus(StrEnum):
    DENIED = "denied"
    FORBIDDEN = "forbidden"
    NOT_ENABLED = "not-enabled"
    OK = "ok"
    PENDING = "pending"
    THROTTLED = "throttled"
    TIMEOUT = "timeout"
    UNREACHABLE = "unreachable"

    def __str__(self) -> str:
        return str(self.value)
