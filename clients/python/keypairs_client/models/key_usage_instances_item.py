from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KeyUsageInstancesItem")


@_attrs_define
class KeyUsageInstancesItem:
    """
    Attributes:
        instance_id (str):
        state (str):
    """

    instance_id: str
    state: str

    def to_dict(self) -> dict[str, Any]:
        instance_id = self.instance_id

        state = self.state

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instanceId": instance_id,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        instance_id = d.pop("instanceId")

        state = d.pop("state")

        key_usage_instances_item = cls(
            instance_id=instance_id,
            state=state,
        )

        return key_usage_instances_item
