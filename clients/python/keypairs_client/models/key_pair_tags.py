from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KeyPairTags")


@_attrs_define
class KeyPairTags:
    """The caller's tags, the managed-key marker, and the service's tags that say what it does with the key: ec2-keypairs-
    api:escrow (where an escrowed private key is kept) and ec2-keypairs-api:expires-at (when the sweep deletes it). The
    service's bookkeeping (ec2-keypairs-api:request-token, ec2-keypairs-api:idempotency-key, ec2-keypairs-api:request-
    digest, ec2-keypairs-api:created-by) is on the key in EC2 but in no answer, and the tagKey and tag filters do not
    match it.

    """

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key_pair_tags = cls()

        key_pair_tags.additional_properties = d
        return key_pair_tags

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
