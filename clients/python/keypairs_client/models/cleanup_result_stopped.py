from enum import StrEnum


class CleanupResultStopped(StrEnum):
    CAP = "cap"
    DEADLINE = "deadline"
    ERROR = "error"
    THROTTLED = "throttled"

    def __str__(self) -> str:
        return str(self.value)
