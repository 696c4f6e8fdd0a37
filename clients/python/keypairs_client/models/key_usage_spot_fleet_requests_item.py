from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KeyUsageSpotFleetRequestsItem")


@_attrs_define
class KeyUsageSpotFleetRequestsItem:
    """
    Attributes:
        spot_fleet_request_id (str):
    """

    spot_fleet_request_id: str

    def to_dict(self) -> dict[str, Any]:
        spot_fleet_request_id = self.spot_fleet_request_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "spotFleetRequestId": spot_fleet_request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        spot_fleet_request_id = d.pop("spotFleetRequestId")

        key_usage_spot_fleet_requests_item = cls(
            spot_fleet_request_id=spot_fleet_request_id,
        )

        return key_usage_spot_fleet_requests_item
