from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.region_listing_type_0_status import RegionListingType0Status
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegionListingType0")


@_attrs_define
class RegionListingType0:
    """
    Attributes:
        status (RegionListingType0Status):
        count (int): How many of this region's matching keys are in `items`.
        complete (bool): Whether `items` holds all of this region's matching keys.
        next_cursor (str | Unset): When not complete and count > 0: the last name served; continue with `GET
            /keypairs?region=<region>&cursor=<nextCursor>`.
    """

    status: RegionListingType0Status
    count: int
    complete: bool
    next_cursor: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        count = self.count

        complete = self.complete

        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "count": count,
                "complete": complete,
            }
        )
        if next_cursor is not UNSET:
            field_dict["nextCursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = RegionListingType0Status(d.pop("status"))

        count = d.pop("count")

        complete = d.pop("complete")

        next_cursor = d.pop("nextCursor", UNSET)

        region_listing_type_0 = cls(
            status=status,
            count=count,
            complete=complete,
            next_cursor=next_cursor,
        )

        return region_listing_type_0
