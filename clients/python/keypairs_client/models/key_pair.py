from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.key_type import KeyType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_pair_tags import KeyPairTags
    from ..models.key_usage import KeyUsage


T = TypeVar("T", bound="KeyPair")


@_attrs_define
class KeyPair:
    """
    Example:
        {'keyPairId': 'key-0a1b2c3d4e5f60718', 'name': 'deploy-bot', 'fingerprint':
            'Xk3r8yS0Wq2mYqk0sSL8cB5S0TtX4p9JZ3c3vJcQ0M4=', 'keyType': 'ed25519', 'region': 'eu-west-1', 'tags': {'team':
            'platform', 'managed-by': 'ec2-keypairs-api'}, 'managed': True, 'createdAt': datetime.datetime(2026, 11, 22, 10,
            0, tzinfo=datetime.timezone(datetime.timedelta(0), 'Z'))}

    Attributes:
        key_pair_id (str):
        name (str):
        fingerprint (str):
        key_type (KeyType): rsa (2048-bit) or ed25519. ED25519 keys cannot be used with Windows instances.
        region (str):
        tags (KeyPairTags): The caller's tags, the managed-key marker, and the service's tags that say what it does with
            the key: ec2-keypairs-api:escrow (where an escrowed private key is kept) and ec2-keypairs-api:expires-at (when
            the sweep deletes it). The service's bookkeeping (ec2-keypairs-api:request-token, ec2-keypairs-api:idempotency-
            key, ec2-keypairs-api:request-digest, ec2-keypairs-api:created-by) is on the key in EC2 but in no answer, and
            the tagKey and tag filters do not match it.
        managed (bool): Whether the key carries this service's managed-key tag (only managed keys can be deleted through
            the API, by default).
        account (str | Unset): The key's account; only in estate listings (accounts=...).
        created_at (datetime.datetime | Unset):
        expires_at (datetime.datetime | Unset): When the key expires (UTC): the sweep deletes it then. Only on keys
            created or imported with ttlSeconds or expiresAt.
        expiry_tag_invalid (bool | Unset): Only when true: the key's ec2-keypairs-api:expires-at tag holds a value this
            service did not write (e.g. "0" or a time without a zone), so the key has no expiresAt and the sweep never
            deletes it.
        public_key (str | Unset): OpenSSH public key; only with includePublicKey=true.
        usage (KeyUsage | Unset):  Example: {'instances': [{'instanceId': 'i-0123456789abcdef0', 'state': 'stopped'}],
            'launchTemplates': [{'launchTemplateId': 'lt-0123456789abcdef0', 'launchTemplateName': 'web', 'versions': [3]}],
            'launchConfigurations': [], 'autoScalingGroups': [{'name': 'web-asg'}], 'spotInstanceRequests': [],
            'spotFleetRequests': [], 'fleets': [], 'complete': True, 'incomplete': []}.
    """

    key_pair_id: str
    name: str
    fingerprint: str
    key_type: KeyType
    region: str
    tags: KeyPairTags
    managed: bool
    account: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    expiry_tag_invalid: bool | Unset = UNSET
    public_key: str | Unset = UNSET
    usage: KeyUsage | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key_pair_id = self.key_pair_id

        name = self.name

        fingerprint = self.fingerprint

        key_type = self.key_type.value

        region = self.region

        tags = self.tags.to_dict()

        managed = self.managed

        account = self.account

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        expiry_tag_invalid = self.expiry_tag_invalid

        public_key = self.public_key

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "keyPairId": key_pair_id,
                "name": name,
                "fingerprint": fingerprint,
                "keyType": key_type,
                "region": region,
                "tags": tags,
                "managed": managed,
            }
        )
        if account is not UNSET:
            field_dict["account"] = account
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if expiry_tag_invalid is not UNSET:
            field_dict["expiryTagInvalid"] = expiry_tag_invalid
        if public_key is not UNSET:
            field_dict["publicKey"] = public_key
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_pair_tags import KeyPairTags
        from ..models.key_usage import KeyUsage

        d = dict(src_dict)
        key_pair_id = d.pop("keyPairId")

        name = d.pop("name")

        fingerprint = d.pop("fingerprint")

        key_type = KeyType(d.pop("keyType"))

        region = d.pop("region")

        tags = KeyPairTags.from_dict(d.pop("tags"))

        managed = d.pop("managed")

        account = d.pop("account", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        expiry_tag_invalid = d.pop("expiryTagInvalid", UNSET)

        public_key = d.pop("publicKey", UNSET)

        _usage = d.pop("usage", UNSET)
        usage: KeyUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = KeyUsage.from_dict(_usage)

        key_pair = cls(
            key_pair_id=key_pair_id,
            name=name,
            fingerprint=fingerprint,
            key_type=key_type,
            region=region,
            tags=tags,
            managed=managed,
            account=account,
            created_at=created_at,
            expires_at=expires_at,
            expiry_tag_invalid=expiry_tag_invalid,
            public_key=public_key,
            usage=usage,
        )

        return key_pair
