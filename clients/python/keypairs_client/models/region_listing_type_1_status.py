from enum import StrEnum


class RegionListingType1Status(StrEnum):
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)
