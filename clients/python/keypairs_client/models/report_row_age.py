from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReportRowAge")


@_attrs_define
class ReportRowAge:
    """Keys by age (from EC2's creation time): under 30 days, 30-90, 90-365, over 365; unknown without a creation time.

    Attributes:
        under30d (float):
        field_30to90d (float):
        field_90to365d (float):
        over365d (float):
        unknown (float):
    """

    under30d: float
    field_30to90d: float
    field_90to365d: float
    over365d: float
    unknown: float

    def to_dict(self) -> dict[str, Any]:
        under30d = self.under30d

        field_30to90d = self.field_30to90d

        field_90to365d = self.field_90to365d

        over365d = self.over365d

        unknown = self.unknown

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "under30d": under30d,
                "30to90d": field_30to90d,
                "90to365d": field_90to365d,
                "over365d": over365d,
                "unknown": unknown,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        under30d = d.pop("under30d")

        field_30to90d = d.pop("30to90d")

        field_90to365d = d.pop("90to365d")

        over365d = d.pop("over365d")

        unknown = d.pop("unknown")

        report_row_age = cls(
            under30d=under30d,
            field_30to90d=field_30to90d,
            field_90to365d=field_90to365d,
            over365d=over365d,
            unknown=unknown,
        )

        return report_row_age
