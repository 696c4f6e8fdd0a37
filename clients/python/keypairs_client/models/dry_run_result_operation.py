from enum import StrEnum


class DryRunResultOperation(StrEnum):
    CREATEKEYPAIR = "CreateKeyPair"
    CREATETAGS = "CreateTags"
    DELETEKEYPAIR = "DeleteKeyPair"
    DELETETAGS = "DeleteTags"
    IMPORTKEYPAIR = "ImportKeyPair"

    def __str__(self) -> str:
        return str(self.value)
