from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KeyUsageSpotInstanceRequestsItem")


@_attrs_define
class KeyUsageSpotInstanceRequestsItem:
    """
    Attributes:
        spot_instance_request_id (str):
        state (str):
    """

    spot_instance_request_id: str
    state: str

    def to_dict(self) -> dict[str, Any]:
        spot_instance_request_id = self.spot_instance_request_id

        state = self.state

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "spotInstanceRequestId": spot_instance_request_id,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        spot_instance_request_id = d.pop("spotInstanceRequestId")

        state = d.pop("state")

        key_usage_spot_instance_requests_item = cls(
            spot_instance_request_id=spot_instance_request_id,
            state=state,
        )

        return key_usage_spot_instance_requests_item
