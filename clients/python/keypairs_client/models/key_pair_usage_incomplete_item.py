from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.key_pair_usage_incomplete_item_check import (
    KeyPairUsageIncompleteItemCheck,
)

T = TypeVar("T", bound="KeyPairUsageIncompleteItem")


@_attrs_define
class KeyPairUsageIncompleteItem:
    """
    Attributes:
        check (KeyPairUsageIncompleteItemCheck):
        reason (str):
    """

    check: KeyPairUsageIncompleteItemCheck
    reason: str

    def to_dict(self) -> dict[str, Any]:
        check = self.check.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "check": check,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        check = KeyPairUsageIncompleteItemCheck(d.pop("check"))

        reason = d.pop("reason")

        key_pair_usage_incomplete_item = cls(
            check=check,
            reason=reason,
        )

        return key_pair_usage_incomplete_item
