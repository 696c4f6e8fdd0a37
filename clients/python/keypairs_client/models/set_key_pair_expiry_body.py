from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.region import Region
from ..types import UNSET, Unset

T = TypeVar("T", bound="SetKeyPairExpiryBody")


@_attrs_define
class SetKeyPairExpiryBody:
    """Sets or extends a managed key's expiry: the same bounds as at create (ttlSeconds counts from now).

    Example:
        {'ttlSeconds': 2592000}

    Attributes:
        ttl_seconds (int | Unset): The key expires this many seconds after it is made (60 to 31536000, one year): the
            sweep then deletes it (within its schedule, 5 minutes by default), even if something still names it. Not with
            expiresAt. Example: 3600.
        expires_at (datetime.datetime | Unset): When the key expires (RFC 3339 with a time zone offset or Z; in the
            future, at most one year ahead): the sweep then deletes it. Not with ttlSeconds. Example: 2026-12-31
            18:00:00+00:00.
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A deployment serves the
            regions of its ALLOWED_REGIONS setting (default: the standard commercial regions, which need no opt-in) and
            answers 400 for the others. Example: eu-west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account must be in the
            deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached through its member role (403 account-
            unreachable when it cannot be assumed). Example: 111122223333.
        dry_run (bool | Unset): Nothing is made: a 200 DryRunResult when the call would succeed, else the problem the
            request would get (403 forbidden when the service may not make the call).
    """

    ttl_seconds: int | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    region: Region | Unset = UNSET
    account: str | Unset = UNSET
    dry_run: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ttl_seconds = self.ttl_seconds

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        region: str | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region.value

        account = self.account

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ttl_seconds is not UNSET:
            field_dict["ttlSeconds"] = ttl_seconds
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if region is not UNSET:
            field_dict["region"] = region
        if account is not UNSET:
            field_dict["account"] = account
        if dry_run is not UNSET:
            field_dict["dryRun"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ttl_seconds = d.pop("ttlSeconds", UNSET)

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        _region = d.pop("region", UNSET)
        region: Region | Unset
        if isinstance(_region, Unset):
            region = UNSET
        else:
            region = Region(_region)

        account = d.pop("account", UNSET)

        dry_run = d.pop("dryRun", UNSET)

        set_key_pair_expiry_body = cls(
            ttl_seconds=ttl_seconds,
            expires_at=expires_at,
            region=region,
            account=account,
            dry_run=dry_run,
        )

        return set_key_pair_expiry_body
