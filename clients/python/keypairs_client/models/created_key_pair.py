from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.key_format import KeyFormat
from ..models.key_type import KeyType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_pair_tags import KeyPairTags


T = TypeVar("T", bound="CreatedKeyPair")


@_attrs_define
class CreatedKeyPair:
    """
    Example:
        {'keyPairId': 'key-0a1b2c3d4e5f60718', 'name': 'deploy-bot', 'fingerprint':
            'Xk3r8yS0Wq2mYqk0sSL8cB5S0TtX4p9JZ3c3vJcQ0M4=', 'keyType': 'ed25519', 'keyFormat': 'pem', 'region': 'eu-west-1',
            'tags': {'team': 'platform', 'managed-by': 'ec2-keypairs-api'}, 'managed': True, 'keyMaterial': '-----BEGIN
            OPENSSH PRIVATE KEY-----\\n(redacted)\\n-----END OPENSSH PRIVATE KEY-----'}

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
        key_format (KeyFormat): Format of the returned private key: pem (OpenSSH/PKCS#1) or ppk (PuTTY).
        key_material (str): The private key. Returned once, in this response only: store it now.
        expires_at (datetime.datetime | Unset): When the key expires (UTC): the sweep deletes it then. Only on keys
            created or imported with ttlSeconds or expiresAt.
        expiry_tag_invalid (bool | Unset): Only when true: the key's ec2-keypairs-api:expires-at tag holds a value this
            service did not write (e.g. "0" or a time without a zone), so the key has no expiresAt and the sweep never
            deletes it.
    """

    key_pair_id: str
    name: str
    fingerprint: str
    key_type: KeyType
    region: str
    tags: KeyPairTags
    managed: bool
    key_format: KeyFormat
    key_material: str
    expires_at: datetime.datetime | Unset = UNSET
    expiry_tag_invalid: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key_pair_id = self.key_pair_id

        name = self.name

        fingerprint = self.fingerprint

        key_type = self.key_type.value

        region = self.region

        tags = self.tags.to_dict()

        managed = self.managed

        key_format = self.key_format.value

        key_material = self.key_material

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        expiry_tag_invalid = self.expiry_tag_invalid

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
                "keyFormat": key_format,
                "keyMaterial": key_material,
            }
        )
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if expiry_tag_invalid is not UNSET:
            field_dict["expiryTagInvalid"] = expiry_tag_invalid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_pair_tags import KeyPairTags

        d = dict(src_dict)
        key_pair_id = d.pop("keyPairId")

        name = d.pop("name")

        fingerprint = d.pop("fingerprint")

        key_type = KeyType(d.pop("keyType"))

        region = d.pop("region")

        tags = KeyPairTags.from_dict(d.pop("tags"))

        managed = d.pop("managed")

        key_format = KeyFormat(d.pop("keyFormat"))

        key_material = d.pop("keyMaterial")

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        expiry_tag_invalid = d.pop("expiryTagInvalid", UNSET)

        created_key_pair = cls(
            key_pair_id=key_pair_id,
            name=name,
            fingerprint=fingerprint,
            key_type=key_type,
            region=region,
            tags=tags,
            managed=managed,
            key_format=key_format,
            key_material=key_material,
            expires_at=expires_at,
            expiry_tag_invalid=expiry_tag_invalid,
        )

        return created_key_pair
