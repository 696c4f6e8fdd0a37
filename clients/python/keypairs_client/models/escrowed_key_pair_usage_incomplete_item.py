from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.escrowed_key_pair_usage_incomplete_item_check import (
    EscrowedKeyPairUsageIncompleteItemCheck,
)

T = TypeVar("T", bound="EscrowedKeyPairUsageIncompleteItem")


@_attrs_define
class EscrowedKeyPairUsageIncompleteItem:
    """
    Attributes:
        check (EscrowedKeyPairUsageIncompleteItemCheck):
        reason (str):
    """

    check: EscrowedKeyPairUsageIncompleteItemCheck
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
        check = EscrowedKeyPairUsageIncompleteItemCheck(d.pop("check"))

        reason = d.pop("reason")

        escrowed_key_pair_usage_incomplete_item = cls(
            check=check,
            reason=reason,
        )

        return escrowed_key_pair_usage_incomplete_item
