from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.region import Region
from ..types import UNSET, Unset

T = TypeVar("T", bound="CleanupCursor")


@_attrs_define
class CleanupCursor:
    """Where an unfinished cleanup goes on: send it back as `cursor` with the same filters.

    Example:
        {'region': 'eu-west-1', 'after': 'ci-runner-0412'}

    Attributes:
        region (Region): AWS region to act in; defaults to the service's DEFAULT_REGION. A deployment serves the regions
            of its ALLOWED_REGIONS setting (default: the standard commercial regions, which need no opt-in) and answers 400
            for the others. Example: eu-west-1.
        after (str | Unset): Unique name of the key pair in its region: 1-255 printable ASCII characters, no leading or
            trailing space. Example: deploy-bot.
    """

    region: Region
    after: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        region = self.region.value

        after = self.after

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "region": region,
            }
        )
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        region = Region(d.pop("region"))

        after = d.pop("after", UNSET)

        cleanup_cursor = cls(
            region=region,
            after=after,
        )

        return cleanup_cursor
