from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.key_type import KeyType
from ..models.region import Region
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cleanup_cursor import CleanupCursor


T = TypeVar("T", bound="CleanUpKeyPairsBody")


@_attrs_define
class CleanUpKeyPairsBody:
    """Which keys to clean up: the listing's filters by the same names.

    Example:
        {'unused': True, 'createdBefore': datetime.datetime(2026, 9, 1, 0, 0,
            tzinfo=datetime.timezone(datetime.timedelta(0), 'Z')), 'missingTag': 'owner', 'dryRun': True}

    Attributes:
        unused (bool): Required, and must be true: a cleanup only ever deletes keys that nothing names, each checked
            again just before its delete.
        created_before (datetime.datetime | Unset): Only keys created before this instant (RFC 3339 with an offset or Z;
            compared as instants). A key whose creation time EC2 does not give matches neither createdBefore nor
            createdAfter.
        created_after (datetime.datetime | Unset): Only keys created after this instant (RFC 3339 with an offset or Z;
            compared as instants).
        missing_tag (str | Unset): Only keys that carry no tag with this key (e.g. owner), among the tags answers show;
            as tagKey, no aws: prefix.
        tag (str | Unset): Only keys whose tag `key` has exactly `value`, written key=value (matched literally: `*` and
            `?` are ordinary characters); the key must not start with aws:, as in tagKey. Example: team=platform.
        key_type (KeyType | Unset): rsa (2048-bit) or ed25519. ED25519 keys cannot be used with Windows instances.
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A deployment serves the
            regions of its ALLOWED_REGIONS setting (default: the standard commercial regions, which need no opt-in) and
            answers 400 for the others. Example: eu-west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account must be in the
            deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached through its member role (403 account-
            unreachable when it cannot be assumed). Example: 111122223333.
        all_regions (bool | Unset): Every allowed region, one after the other (not with `region`).
        dry_run (bool | Unset): True unless false is sent: nothing is deleted; each selected key answers what its delete
            would do (would-delete...). Default: True.
        limit (int | Unset): Most deletions (would-delete in a dry run) in this request; the stage's cap (100 by
            default) applies whatever is asked.
        cursor (CleanupCursor | Unset): Where an unfinished cleanup goes on: send it back as `cursor` with the same
            filters. Example: {'region': 'eu-west-1', 'after': 'ci-runner-0412'}.
    """

    unused: bool
    created_before: datetime.datetime | Unset = UNSET
    created_after: datetime.datetime | Unset = UNSET
    missing_tag: str | Unset = UNSET
    tag: str | Unset = UNSET
    key_type: KeyType | Unset = UNSET
    region: Region | Unset = UNSET
    account: str | Unset = UNSET
    all_regions: bool | Unset = UNSET
    dry_run: bool | Unset = True
    limit: int | Unset = UNSET
    cursor: CleanupCursor | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unused = self.unused

        created_before: str | Unset = UNSET
        if not isinstance(self.created_before, Unset):
            created_before = self.created_before.isoformat()

        created_after: str | Unset = UNSET
        if not isinstance(self.created_after, Unset):
            created_after = self.created_after.isoformat()

        missing_tag = self.missing_tag

        tag = self.tag

        key_type: str | Unset = UNSET
        if not isinstance(self.key_type, Unset):
            key_type = self.key_type.value

        region: str | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region.value

        account = self.account

        all_regions = self.all_regions

        dry_run = self.dry_run

        limit = self.limit

        cursor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cursor, Unset):
            cursor = self.cursor.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unused": unused,
            }
        )
        if created_before is not UNSET:
            field_dict["createdBefore"] = created_before
        if created_after is not UNSET:
            field_dict["createdAfter"] = created_after
        if missing_tag is not UNSET:
            field_dict["missingTag"] = missing_tag
        if tag is not UNSET:
            field_dict["tag"] = tag
        if key_type is not UNSET:
            field_dict["keyType"] = key_type
        if region is not UNSET:
            field_dict["region"] = region
        if account is not UNSET:
            field_dict["account"] = account
        if all_regions is not UNSET:
            field_dict["allRegions"] = all_regions
        if dry_run is not UNSET:
            field_dict["dryRun"] = dry_run
        if limit is not UNSET:
            field_dict["limit"] = limit
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cleanup_cursor import CleanupCursor

        d = dict(src_dict)
        unused = d.pop("unused")

        _created_before = d.pop("createdBefore", UNSET)
        created_before: datetime.datetime | Unset
        if isinstance(_created_before, Unset):
            created_before = UNSET
        else:
            created_before = datetime.datetime.fromisoformat(_created_before)

        _created_after = d.pop("createdAfter", UNSET)
        created_after: datetime.datetime | Unset
        if isinstance(_created_after, Unset):
            created_after = UNSET
        else:
            created_after = datetime.datetime.fromisoformat(_created_after)

        missing_tag = d.pop("missingTag", UNSET)

        tag = d.pop("tag", UNSET)

        _key_type = d.pop("keyType", UNSET)
        key_type: KeyType | Unset
        if isinstance(_key_type, Unset):
            key_type = UNSET
        else:
            key_type = KeyType(_key_type)

        _region = d.pop("region", UNSET)
        region: Region | Unset
        if isinstance(_region, Unset):
            region = UNSET
        else:
            region = Region(_region)

        account = d.pop("account", UNSET)

        all_regions = d.pop("allRegions", UNSET)

        dry_run = d.pop("dryRun", UNSET)

        limit = d.pop("limit", UNSET)

        _cursor = d.pop("cursor", UNSET)
        cursor: CleanupCursor | Unset
        if isinstance(_cursor, Unset):
            cursor = UNSET
        else:
            cursor = CleanupCursor.from_dict(_cursor)

        clean_up_key_pairs_body = cls(
            unused=unused,
            created_before=created_before,
            created_after=created_after,
            missing_tag=missing_tag,
            tag=tag,
            key_type=key_type,
            region=region,
            account=account,
            all_regions=all_regions,
            dry_run=dry_run,
            limit=limit,
            cursor=cursor,
        )

        return clean_up_key_pairs_body
