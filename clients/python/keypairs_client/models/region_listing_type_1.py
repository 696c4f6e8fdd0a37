from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.region_listing_type_1_status import RegionListingType1Status

if TYPE_CHECKING:
    from ..models.problem import Problem


T = TypeVar("T", bound="RegionListingType1")


@_attrs_define
class RegionListingType1:
    """
    Attributes:
        status (RegionListingType1Status):
        problem (Problem): RFC 9457 problem details.
    """

    status: RegionListingType1Status
    problem: Problem

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        problem = self.problem.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "problem": problem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.problem import Problem

        d = dict(src_dict)
        status = RegionListingType1Status(d.pop("status"))

        problem = Problem.from_dict(d.pop("problem"))

        region_listing_type_1 = cls(
            status=status,
            problem=problem,
        )

        return region_listing_type_1
