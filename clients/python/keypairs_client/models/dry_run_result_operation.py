from enum import StrEnum


class DryRunResultOperation(StrEnum):
    CREATEKEYPAIR = "CreateKeyPair"
    DELETEKEYPAIR = "DeleteKeyPair"
    IMPORTKEYPAIR = "ImportKeyPair"

    def __str__(self) -> str:
        return str(self.value)
