from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.key_format import KeyFormat
from ..models.key_type import KeyType
from ..models.region import Region
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tags import Tags


T = TypeVar("T", bound="CreateKeyPairBody")


@_attrs_define
class CreateKeyPairBody:
    """
    Example:
        {'name': 'deploy-bot', 'keyType': 'ed25519', 'tags': {'team': 'platform'}, 'region': 'eu-west-1'}

    Attributes:
        name (str): Unique name of the key pair in its region: 1-255 printable ASCII characters, no leading or trailing
            space. Example: deploy-bot.
        key_type (KeyType | Unset): rsa (2048-bit) or ed25519. ED25519 keys cannot be used with Windows instances.
        key_format (KeyFormat | Unset): Format of the returned private key: pem (OpenSSH/PKCS#1) or ppk (PuTTY).
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
        escrow (bool | Unset): Store the private key in SSM Parameter Store instead of returning it, as CloudFormation's
            AWS::EC2::KeyPair does: a SecureString parameter named `/ec2/keypair/<keyPairId>` (KMS-encrypted with
            alias/aws/ssm unless the deployment names another key), tagged with the key pair id. The response then carries
            privateKeyParameter and no keyMaterial. If the key cannot be stored, the key pair is deleted again and the
            answer is a 502. Default: False.
        ttl_seconds (int | Unset): The key expires this many seconds after it is made (60 to 31536000, one year): the
            sweep then deletes it (within its schedule, 5 minutes by default), even if something still names it. Not with
            expiresAt. Example: 3600.
        expires_at (datetime.datetime | Unset): When the key expires (RFC 3339 with a time zone offset or Z; in the
            future, at most one year ahead): the sweep then deletes it. Not with ttlSeconds. Example: 2026-12-31
            18:00:00+00:00.
    """

    name: str
    key_type: KeyType | Unset = UNSET
    key_format: KeyFormat | Unset = UNSET
    tags: Tags | Unset = UNSET
    region: Region | Unset = UNSET
    account: str | Unset = UNSET
    dry_run: bool | Unset = UNSET
    escrow: bool | Unset = False
    ttl_seconds: int | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        key_type: str | Unset = UNSET
        if not isinstance(self.key_type, Unset):
            key_type = self.key_type.value

        key_format: str | Unset = UNSET
        if not isinstance(self.key_format, Unset):
            key_format = self.key_format.value

        tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()

        region: str | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region.value

        account = self.account

        dry_run = self.dry_run

        escrow = self.escrow

        ttl_seconds = self.ttl_seconds

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if key_type is not UNSET:
            field_dict["keyType"] = key_type
        if key_format is not UNSET:
            field_dict["keyFormat"] = key_format
        if tags is not UNSET:
            field_dict["tags"] = tags
        if region is not UNSET:
            field_dict["region"] = region
        if account is not UNSET:
            field_dict["account"] = account
        if dry_run is not UNSET:
            field_dict["dryRun"] = dry_run
        if escrow is not UNSET:
            field_dict["escrow"] = escrow
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

        _key_type = d.pop("keyType", UNSET)
        key_type: KeyType | Unset
        if isinstance(_key_type, Unset):
            key_type = UNSET
        else:
            key_type = KeyType(_key_type)

        _key_format = d.pop("keyFormat", UNSET)
        key_format: KeyFormat | Unset
        if isinstance(_key_format, Unset):
            key_format = UNSET
        else:
            key_format = KeyFormat(_key_format)

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

        escrow = d.pop("escrow", UNSET)

        ttl_seconds = d.pop("ttlSeconds", UNSET)

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        create_key_pair_body = cls(
            name=name,
            key_type=key_type,
            key_format=key_format,
            tags=tags,
            region=region,
            account=account,
            dry_run=dry_run,
            escrow=escrow,
            ttl_seconds=ttl_seconds,
            expires_at=expires_at,
        )

        return create_key_pair_body
