from enum import StrEnum


class CleanupItemOutcome(StrEnum):
    DELETED = "deleted"
    FAILED = "failed"
    KEPT_IN_USE = "kept-in-use"
    KEPT_UNKNOWN = "kept-unknown"
    WOULD_DELETE = "would-delete"

    def __str__(self) -> str:
        return str(self.value)
