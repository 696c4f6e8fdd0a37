from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.region import Region
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tags import Tags


T = TypeVar("T", bound="UpdateKeyPairTagsBody")


@_attrs_define
class UpdateKeyPairTagsBody:
    """Changes a managed key's tags. The service's reserved tags (the managed-key marker and its ec2-keypairs-api: tags)
    cannot be set or removed here (400 naming the tag); the key carries at most 50 tags after the change, the service's
    own included.

        Example:
            {'set': {'owner': 'alice'}, 'remove': ['temp']}

        Attributes:
            set_ (Tags | Unset): Tags as a key/value map. EC2 rules: key 1-128 characters without the aws: prefix, value up
                to 256 characters. Seven tag keys are reserved for the service: the managed-key marker and ec2-keypairs-
                api:request-token, :idempotency-key, :request-digest, :created-by, :escrow and :expires-at, which record the
                request that made the key and its IAM caller (answers do not show these), where an escrowed private key is kept
                and when the key expires. A key that expires (ttlSeconds or expiresAt) takes at most 43 caller tags. Example:
                {'team': 'platform', 'env': 'prod'}.
            remove (list[str] | Unset): Tag keys to remove (a key the key pair does not carry is no error).
            region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A deployment serves the
                regions of its ALLOWED_REGIONS setting (default: the standard commercial regions, which need no opt-in) and
                answers 400 for the others. Example: eu-west-1.
            account (str | Unset): AWS account to act in; defaults to the API's own. Another account must be in the
                deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached through its member role (403 account-
                unreachable when it cannot be assumed). Example: 111122223333.
            dry_run (bool | Unset): Nothing is made: a 200 DryRunResult when the call would succeed, else the problem the
                request would get (403 forbidden when the service may not make the call).
    """

    set_: Tags | Unset = UNSET
    remove: list[str] | Unset = UNSET
    region: Region | Unset = UNSET
    account: str | Unset = UNSET
    dry_run: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        set_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.set_, Unset):
            set_ = self.set_.to_dict()

        remove: list[str] | Unset = UNSET
        if not isinstance(self.remove, Unset):
            remove = self.remove

        region: str | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region.value

        account = self.account

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if set_ is not UNSET:
            field_dict["set"] = set_
        if remove is not UNSET:
            field_dict["remove"] = remove
        if region is not UNSET:
            field_dict["region"] = region
        if account is not UNSET:
            field_dict["account"] = account
        if dry_run is not UNSET:
            field_dict["dryRun"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tags import Tags

        d = dict(src_dict)
        _set_ = d.pop("set", UNSET)
        set_: Tags | Unset
        if isinstance(_set_, Unset):
            set_ = UNSET
        else:
            set_ = Tags.from_dict(_set_)

        remove = cast(list[str], d.pop("remove", UNSET))

        _region = d.pop("region", UNSET)
        region: Region | Unset
        if isinstance(_region, Unset):
            region = UNSET
        else:
            region = Region(_region)

        account = d.pop("account", UNSET)

        dry_run = d.pop("dryRun", UNSET)

        update_key_pair_tags_body = cls(
            set_=set_,
            remove=remove,
            region=region,
            account=account,
            dry_run=dry_run,
        )

        return update_key_pair_tags_body
