from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_pair import KeyPair
    from ..models.key_pair_list_regions import KeyPairListRegions
    from ..models.key_pair_list_scopes import KeyPairListScopes


T = TypeVar("T", bound="KeyPairList")


@_attrs_define
class KeyPairList:
    """
    Attributes:
        items (list[KeyPair]):
        next_cursor (str | Unset): Present when more keys follow: the last name of this page; pass it as `cursor`. In an
            estate listing (accounts=...): an opaque token naming the scopes and pages still to list; pass it as
            `estateCursor`.
        scopes (KeyPairListScopes | Unset): Only in estate listings (accounts=...): by account, then region, how listing
            each scope this page reached went. Example: {'222222222222': {'eu-west-1': {'status': 'ok', 'count': 2,
            'complete': True}}, '333333333333': {'eu-west-1': {'status': 'denied', 'detail': 'Account 333333333333 could not
            be reached: denied ...'}}}.
        pending_scopes (int | Unset): Only in estate listings: how many scopes this page did not start (nextCursor lists
            them).
        regions (KeyPairListRegions | Unset): Only with allRegions=true: each allowed region and how listing it went.
            Example: {'eu-west-1': {'status': 'ok', 'count': 2, 'complete': True}, 'ap-south-1': {'status': 'error',
            'problem': {'type': '/problems/upstream-timeout', 'title': 'AWS did not answer in time', 'status': 504,
            'detail': 'EC2 did not answer in time.'}}}.
    """

    items: list[KeyPair]
    next_cursor: str | Unset = UNSET
    scopes: KeyPairListScopes | Unset = UNSET
    pending_scopes: int | Unset = UNSET
    regions: KeyPairListRegions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor = self.next_cursor

        scopes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes.to_dict()

        pending_scopes = self.pending_scopes

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
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if pending_scopes is not UNSET:
            field_dict["pendingScopes"] = pending_scopes
        if regions is not UNSET:
            field_dict["regions"] = regions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_pair import KeyPair
        from ..models.key_pair_list_regions import KeyPairListRegions
        from ..models.key_pair_list_scopes import KeyPairListScopes

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = KeyPair.from_dict(items_item_data)

            items.append(items_item)

        next_cursor = d.pop("nextCursor", UNSET)

        _scopes = d.pop("scopes", UNSET)
        scopes: KeyPairListScopes | Unset
        if isinstance(_scopes, Unset):
            scopes = UNSET
        else:
            scopes = KeyPairListScopes.from_dict(_scopes)

        pending_scopes = d.pop("pendingScopes", UNSET)

        _regions = d.pop("regions", UNSET)
        regions: KeyPairListRegions | Unset
        if isinstance(_regions, Unset):
            regions = UNSET
        else:
            regions = KeyPairListRegions.from_dict(_regions)

        key_pair_list = cls(
            items=items,
            next_cursor=next_cursor,
            scopes=scopes,
            pending_scopes=pending_scopes,
            regions=regions,
        )

        return key_pair_list
