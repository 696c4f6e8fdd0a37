from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.key_pair_report_regions import KeyPairReportRegions
    from ..models.report_row import ReportRow


T = TypeVar("T", bound="KeyPairReport")


@_attrs_define
class KeyPairReport:
    """
    Attributes:
        generated_at (datetime.datetime):
        rows (list[ReportRow]): One row per region and key type that has keys.
        regions (KeyPairReportRegions): Each region reported and how reading it went (count: its keys).
    """

    generated_at: datetime.datetime
    rows: list[ReportRow]
    regions: KeyPairReportRegions

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        regions = self.regions.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "generatedAt": generated_at,
                "rows": rows,
                "regions": regions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_pair_report_regions import KeyPairReportRegions
        from ..models.report_row import ReportRow

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generatedAt"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ReportRow.from_dict(rows_item_data)

            rows.append(rows_item)

        regions = KeyPairReportRegions.from_dict(d.pop("regions"))

        key_pair_report = cls(
            generated_at=generated_at,
            rows=rows,
            regions=regions,
        )

        return key_pair_report
