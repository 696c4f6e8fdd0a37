from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.key_pair_list_scopes_additional_property import (
        KeyPairListScopesAdditionalProperty,
    )


T = TypeVar("T", bound="KeyPairListScopes")


@_attrs_define
class KeyPairListScopes:
    """Only in estate listings (accounts=...): by account, then region, how listing each scope this page reached went.

    Example:
        {'222222222222': {'eu-west-1': {'status': 'ok', 'count': 2, 'complete': True}}, '333333333333': {'eu-west-1':
            {'status': 'denied', 'detail': 'Account 333333333333 could not be reached: denied ...'}}}

    """

    additional_properties: dict[str, KeyPairListScopesAdditionalProperty] = (
        _attrs_field(init=False, factory=dict)
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_pair_list_scopes_additional_property import (
            KeyPairListScopesAdditionalProperty,
        )

        d = dict(src_dict)
        key_pair_list_scopes = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = KeyPairListScopesAdditionalProperty.from_dict(
                prop_dict
            )

            additional_properties[prop_name] = additional_property

        key_pair_list_scopes.additional_properties = additional_properties
        return key_pair_list_scopes

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> KeyPairListScopesAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: KeyPairListScopesAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
