from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.dry_run_result_operation import DryRunResultOperation

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
    """

    dry_run: bool
    would_succeed: bool
    operation: DryRunResultOperation
    detail: str

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        would_succeed = self.would_succeed

        operation = self.operation.value

        detail = self.detail

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dryRun": dry_run,
                "wouldSucceed": would_succeed,
                "operation": operation,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dry_run = d.pop("dryRun")

        would_succeed = d.pop("wouldSucceed")

        operation = DryRunResultOperation(d.pop("operation"))

        detail = d.pop("detail")

        dry_run_result = cls(
            dry_run=dry_run,
            would_succeed=would_succeed,
            operation=operation,
            detail=detail,
        )

        return dry_run_result
