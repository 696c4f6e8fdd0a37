from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ProblemKeyPair")


@_attrs_define
class ProblemKeyPair:
    """private-key-delivered: the key pair the first request with this Idempotency-Key created.

    Attributes:
        key_pair_id (str):
        name (str):
        region (str):
    """

    key_pair_id: str
    name: str
    region: str

    def to_dict(self) -> dict[str, Any]:
        key_pair_id = self.key_pair_id

        name = self.name

        region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "keyPairId": key_pair_id,
                "name": name,
                "region": region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key_pair_id = d.pop("keyPairId")

        name = d.pop("name")

        region = d.pop("region")

        problem_key_pair = cls(
            key_pair_id=key_pair_id,
            name=name,
            region=region,
        )

        return problem_key_pair
