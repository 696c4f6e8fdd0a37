from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.key_usage_incomplete_item_check import KeyUsageIncompleteItemCheck

T = TypeVar("T", bound="KeyUsageIncompleteItem")


@_attrs_define
class KeyUsageIncompleteItem:
    """
    Attributes:
        check (KeyUsageIncompleteItemCheck):
        reason (str):
    """

    check: KeyUsageIncompleteItemCheck
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
        check = KeyUsageIncompleteItemCheck(d.pop("check"))

        reason = d.pop("reason")

        key_usage_incomplete_item = cls(
            check=check,
            reason=reason,
        )

        return key_usage_incomplete_item
