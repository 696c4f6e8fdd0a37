from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.dry_run_result_usage_incomplete_item_check import (
    DryRunResultUsageIncompleteItemCheck,
)

T = TypeVar("T", bound="DryRunResultUsageIncompleteItem")


@_attrs_define
class DryRunResultUsageIncompleteItem:
    """
    Attributes:
        check (DryRunResultUsageIncompleteItemCheck):
        reason (str):
    """

    check: DryRunResultUsageIncompleteItemCheck
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
        check = DryRunResultUsageIncompleteItemCheck(d.pop("check"))

        reason = d.pop("reason")

        dry_run_result_usage_incomplete_item = cls(
            check=check,
            reason=reason,
        )

        return dry_run_result_usage_incomplete_item
