from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Tags")


@_attrs_define
class Tags:
    """Tags as a key/value map. EC2 rules: key 1-128 characters without the aws: prefix, value up to 256 characters. Seven
    tag keys are reserved for the service: the managed-key marker and ec2-keypairs-api:request-token, :idempotency-key,
    :request-digest, :created-by, :escrow and :expires-at, which record the request that made the key and its IAM caller
    (answers do not show these), where an escrowed private key is kept and when the key expires. A key that expires
    (ttlSeconds or expiresAt) takes at most 43 caller tags.

        Example:
            {'team': 'platform', 'env': 'prod'}

    """

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tags = cls()

        tags.additional_properties = d
        return tags

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
