from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.dry_run_result_operation import DryRunResultOperation
from ..types import UNSET, Unset

if TYPE_CHECKING:
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
    """

    dry_run: bool
    would_succeed: bool
    operation: DryRunResultOperation
    detail: str
    usage: KeyUsage | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        would_succeed = self.would_succeed

        operation = self.operation.value

        detail = self.detail

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        dry_run_result = cls(
            dry_run=dry_run,
            would_succeed=would_succeed,
            operation=operation,
            detail=detail,
            usage=usage,
        )

        return dry_run_result
