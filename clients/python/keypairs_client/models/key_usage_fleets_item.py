from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KeyUsageFleetsItem")


@_attrs_define
class KeyUsageFleetsItem:
    """
    Attributes:
        fleet_id (str):
    """

    fleet_id: str

    def to_dict(self) -> dict[str, Any]:
        fleet_id = self.fleet_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fleetId": fleet_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        fleet_id = d.pop("fleetId")

        key_usage_fleets_item = cls(
            fleet_id=fleet_id,
        )

        return key_usage_fleets_item
