from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.dry_run_result_operation import DryRunResultOperation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_pair import KeyPair
    from ..models.key_usage import KeyUsage


T = TypeVar("T", bound="DryRunResult")


@_attrs_define
class DryRunResult:
    """
    Example:
        {'dryRun': True, 'wouldSucceed': True, 'operation': 'CreateKeyPair', 'detail': 'CreateKeyPair would succeed'}

    Attributes:
        dry_run (bool):
        would_succeed (bool):
        operation (DryRunResultOperation):
        detail (str):
        usage (KeyUsage | Unset):  Example: {'instances': [{'instanceId': 'i-0123456789abcdef0', 'state': 'stopped'}],
            'launchTemplates': [{'launchTemplateId': 'lt-0123456789abcdef0', 'launchTemplateName': 'web', 'versions': [3]}],
            'launchConfigurations': [], 'autoScalingGroups': [{'name': 'web-asg'}], 'spotInstanceRequests': [],
            'spotFleetRequests': [], 'fleets': [], 'complete': True, 'incomplete': []}.
        key_pair (KeyPair | Unset):  Example: {'keyPairId': 'key-0a1b2c3d4e5f60718', 'name': 'deploy-bot',
            'fingerprint': 'Xk3r8yS0Wq2mYqk0sSL8cB5S0TtX4p9JZ3c3vJcQ0M4=', 'keyType': 'ed25519', 'region': 'eu-west-1',
            'tags': {'team': 'platform', 'managed-by': 'ec2-keypairs-api'}, 'managed': True, 'createdAt':
            datetime.datetime(2026, 11, 22, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(0), 'Z'))}.
    """

    dry_run: bool
    would_succeed: bool
    operation: DryRunResultOperation
    detail: str
    usage: KeyUsage | Unset = UNSET
    key_pair: KeyPair | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        would_succeed = self.would_succeed

        operation = self.operation.value

        detail = self.detail

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        key_pair: dict[str, Any] | Unset = UNSET
        if not isinstance(self.key_pair, Unset):
            key_pair = self.key_pair.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dryRun": dry_run,
                "wouldSucceed": would_succeed,
                "operation": operation,
                "detail": detail,
            }
        )
        if usage is not UNSET:
            field_dict["usage"] = usage
        if key_pair is not UNSET:
            field_dict["keyPair"] = key_pair

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_pair import KeyPair
        from ..models.key_usage import KeyUsage

        d = dict(src_dict)
        dry_run = d.pop("dryRun")

        would_succeed = d.pop("wouldSucceed")

        operation = DryRunResultOperation(d.pop("operation"))

        detail = d.pop("detail")

        _usage = d.pop("usage", UNSET)
        usage: KeyUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = KeyUsage.from_dict(_usage)

        _key_pair = d.pop("keyPair", UNSET)
        key_pair: KeyPair | Unset
        if isinstance(_key_pair, Unset):
            key_pair = UNSET
        else:
            key_pair = KeyPair.from_dict(_key_pair)

        dry_run_result = cls(
            dry_run=dry_run,
            would_succeed=would_succeed,
            operation=operation,
            detail=detail,
            usage=usage,
            key_pair=key_pair,
        )

        return dry_run_result
