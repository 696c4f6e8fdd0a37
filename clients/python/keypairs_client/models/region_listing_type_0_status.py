from enum import StrEnum


class RegionListingType0Status(StrEnum):
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
