from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.problem_usage_incomplete_item_check import ProblemUsageIncompleteItemCheck

T = TypeVar("T", bound="ProblemUsageIncompleteItem")


@_attrs_define
class ProblemUsageIncompleteItem:
    """
    Attributes:
        check (ProblemUsageIncompleteItemCheck):
        reason (str):
    """

    check: ProblemUsageIncompleteItemCheck
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
        check = ProblemUsageIncompleteItemCheck(d.pop("check"))

        reason = d.pop("reason")

        problem_usage_incomplete_item = cls(
            check=check,
            reason=reason,
        )

        return problem_usage_incomplete_item
