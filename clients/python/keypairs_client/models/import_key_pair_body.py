from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.region import Region
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tags import Tags


T = TypeVar("T", bound="ImportKeyPairBody")


@_attrs_define
class ImportKeyPairBody:
    """A public key to register as an EC2 key pair.

    Attributes:
        name (str): Unique name of the key pair in its region: 1-255 printable ASCII characters, no leading or trailing
            space. Example: deploy-bot.
        public_key (str): Your public key, in OpenSSH (`ssh-rsa AAAA...`, `ssh-ed25519 AAAA...`) or RFC 4716 (SSH2)
            format. RSA 1024-4096 bits or ED25519. Example: ssh-ed25519
            AAAAC3NzaC1lZDI1NTE5AAAAIMyS3Qx4g5bLqPp4cGb8dOe8WJ3oqz0wGmMq9qfVXh1E alice@laptop.
        tags (Tags | Unset): Tags as a key/value map. EC2 rules: key 1-128 characters without the aws: prefix, value up
            to 256 characters. Seven tag keys are reserved for the service: the managed-key marker and ec2-keypairs-
            api:request-token, :idempotency-key, :request-digest, :created-by, :escrow and :expires-at, which record the
            request that made the key and its IAM caller (answers do not show these), where an escrowed private key is kept
            and when the key expires. A key that expires (ttlSeconds or expiresAt) takes at most 43 caller tags. Example:
            {'team': 'platform', 'env': 'prod'}.
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A deployment serves the
            regions of its ALLOWED_REGIONS setting (default: the standard commercial regions, which need no opt-in) and
            answers 400 for the others. Example: eu-west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account must be in the
            deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached through its member role (403 account-
            unreachable when it cannot be assumed). Example: 111122223333.
        dry_run (bool | Unset): Nothing is made: a 200 DryRunResult when the call would succeed, else the problem the
            request would get (403 forbidden when the service may not make the call).
        ttl_seconds (int | Unset): The key expires this many seconds after it is made (60 to 31536000, one year): the
            sweep then deletes it (within its schedule, 5 minutes by default), even if something still names it. Not with
            expiresAt. Example: 3600.
        expires_at (datetime.datetime | Unset): When the key expires (RFC 3339 with a time zone offset or Z; in the
            future, at most one year ahead): the sweep then deletes it. Not with ttlSeconds. Example: 2026-12-31
            18:00:00+00:00.
    """

    name: str
    public_key: str
    tags: Tags | Unset = UNSET
    region: Region | Unset = UNSET
    account: str | Unset = UNSET
    dry_run: bool | Unset = UNSET
    ttl_seconds: int | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        public_key = self.public_key

        tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()

        region: str | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region.value

        account = self.account

        dry_run = self.dry_run

        ttl_seconds = self.ttl_seconds

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "publicKey": public_key,
            }
        )
        if tags is not UNSET:
            field_dict["tags"] = tags
        if region is not UNSET:
            field_dict["region"] = region
        if account is not UNSET:
            field_dict["account"] = account
        if dry_run is not UNSET:
            field_dict["dryRun"] = dry_run
        if ttl_seconds is not UNSET:
            field_dict["ttlSeconds"] = ttl_seconds
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tags import Tags

        d = dict(src_dict)
        name = d.pop("name")

        public_key = d.pop("publicKey")

        _tags = d.pop("tags", UNSET)
        tags: Tags | Unset
        if isinstance(_tags, Unset):
            tags = UNSET
        else:
            tags = Tags.from_dict(_tags)

        _region = d.pop("region", UNSET)
        region: Region | Unset
        if isinstance(_region, Unset):
            region = UNSET
        else:
            region = Region(_region)

        account = d.pop("account", UNSET)

        dry_run = d.pop("dryRun", UNSET)

        ttl_seconds = d.pop("ttlSeconds", UNSET)

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        import_key_pair_body = cls(
            name=name,
            public_key=public_key,
            tags=tags,
            region=region,
            account=account,
            dry_run=dry_run,
            ttl_seconds=ttl_seconds,
            expires_at=expires_at,
        )

        return import_key_pair_body
