from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_pair import KeyPair
    from ..models.key_pair_list_regions import KeyPairListRegions


T = TypeVar("T", bound="KeyPairList")


@_attrs_define
class KeyPairList:
    """
    Attributes:
        items (list[KeyPair]):
        next_cursor (str | Unset): Present when more keys follow: the last name of this page; pass it as `cursor`.
        regions (KeyPairListRegions | Unset): Only with allRegions=true: each allowed region and how listing it went.
            Example: {'eu-west-1': {'status': 'ok', 'count': 2, 'complete': True}, 'ap-south-1': {'status': 'error',
            'problem': {'type': '/problems/upstream-timeout', 'title': 'AWS did not answer in time', 'status': 504,
            'detail': 'EC2 did not answer in time.'}}}.
    """

    items: list[KeyPair]
    next_cursor: str | Unset = UNSET
    regions: KeyPairListRegions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor = self.next_cursor

        regions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.regions, Unset):
            regions = self.regions.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )
        if next_cursor is not UNSET:
            field_dict["nextCursor"] = next_cursor
        if regions is not UNSET:
            field_dict["regions"] = regions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_pair import KeyPair
        from ..models.key_pair_list_regions import KeyPairListRegions

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = KeyPair.from_dict(items_item_data)

            items.append(items_item)

        next_cursor = d.pop("nextCursor", UNSET)

        _regions = d.pop("regions", UNSET)
        regions: KeyPairListRegions | Unset
        if isinstance(_regions, Unset):
            regions = UNSET
        else:
            regions = KeyPairListRegions.from_dict(_regions)

        key_pair_list = cls(
            items=items,
            next_cursor=next_cursor,
            regions=regions,
        )

        return key_pair_list
