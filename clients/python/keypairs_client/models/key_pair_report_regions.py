from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.region_listing_type_0 import RegionListingType0
    from ..models.region_listing_type_1 import RegionListingType1


T = TypeVar("T", bound="KeyPairReportRegions")


@_attrs_define
class KeyPairReportRegions:
    """Each region reported and how reading it went (count: its keys)."""

    additional_properties: dict[str, RegionListingType0 | RegionListingType1] = (
        _attrs_field(init=False, factory=dict)
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.region_listing_type_0 import RegionListingType0

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, RegionListingType0):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.region_listing_type_0 import RegionListingType0
        from ..models.region_listing_type_1 import RegionListingType1

        d = dict(src_dict)
        key_pair_report_regions = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> RegionListingType0 | RegionListingType1:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_region_listing_type_0 = (
                        RegionListingType0.from_dict(data)
                    )

                    return componentsschemas_region_listing_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_region_listing_type_1 = RegionListingType1.from_dict(
                    data
                )

                return componentsschemas_region_listing_type_1

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        key_pair_report_regions.additional_properties = additional_properties
        return key_pair_report_regions

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> RegionListingType0 | RegionListingType1:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: RegionListingType0 | RegionListingType1
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
