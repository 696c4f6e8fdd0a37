from enum import StrEnum


class KeyFormat(StrEnum):
    PEM = "pem"
    PPK = "ppk"

    def __str__(self) -> str:
        return str(self.value)
