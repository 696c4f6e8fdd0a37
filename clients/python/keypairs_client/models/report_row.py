from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.key_type import KeyType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_row_age import ReportRowAge


T = TypeVar("T", bound="ReportRow")


@_attrs_define
class ReportRow:
    """
    Attributes:
        region (str):
        key_type (KeyType): rsa (2048-bit) or ed25519. ED25519 keys cannot be used with Windows instances.
        total (float):
        managed (float):
        age (ReportRowAge): Keys by age (from EC2's creation time): under 30 days, 30-90, 90-365, over 365; unknown
            without a creation time.
        unused (float | Unset): With includeUnused: keys nothing names.
        usage_unknown (float | Unset): With includeUnused: keys whose usage check was incomplete (neither counted unused
            nor in use).
        missing_tag (float | Unset): With missingTag: keys without that tag.
        expiring_soon (float | Unset): With expiringWithinDays: keys that expire within that many days (expired ones
            included).
    """

    region: str
    key_type: KeyType
    total: float
    managed: float
    age: ReportRowAge
    unused: float | Unset = UNSET
    usage_unknown: float | Unset = UNSET
    missing_tag: float | Unset = UNSET
    expiring_soon: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        key_type = self.key_type.value

        total = self.total

        managed = self.managed

        age = self.age.to_dict()

        unused = self.unused

        usage_unknown = self.usage_unknown

        missing_tag = self.missing_tag

        expiring_soon = self.expiring_soon

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "region": region,
                "keyType": key_type,
                "total": total,
                "managed": managed,
                "age": age,
            }
        )
        if unused is not UNSET:
            field_dict["unused"] = unused
        if usage_unknown is not UNSET:
            field_dict["usageUnknown"] = usage_unknown
        if missing_tag is not UNSET:
            field_dict["missingTag"] = missing_tag
        if expiring_soon is not UNSET:
            field_dict["expiringSoon"] = expiring_soon

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.report_row_age import ReportRowAge

        d = dict(src_dict)
        region = d.pop("region")

        key_type = KeyType(d.pop("keyType"))

        total = d.pop("total")

        managed = d.pop("managed")

        age = ReportRowAge.from_dict(d.pop("age"))

        unused = d.pop("unused", UNSET)

        usage_unknown = d.pop("usageUnknown", UNSET)

        missing_tag = d.pop("missingTag", UNSET)

        expiring_soon = d.pop("expiringSoon", UNSET)

        report_row = cls(
            region=region,
            key_type=key_type,
            total=total,
            managed=managed,
            age=age,
            unused=unused,
            usage_unknown=usage_unknown,
            missing_tag=missing_tag,
            expiring_soon=expiring_soon,
        )

        return report_row
