from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.cleanup_item_outcome import CleanupItemOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_usage import KeyUsage
    from ..models.problem import Problem


T = TypeVar("T", bound="CleanupItem")


@_attrs_define
class CleanupItem:
    """
    Attributes:
        region (str):
        name (str):
        key_pair_id (str):
        outcome (CleanupItemOutcome): would-delete (a dry run), deleted, kept-in-use (something names it: `usage`),
            kept-unknown (its usage check was incomplete: `usage`), failed (`problem`).
        usage (KeyUsage | Unset):  Example: {'instances': [{'instanceId': 'i-0123456789abcdef0', 'state': 'stopped'}],
            'launchTemplates': [{'launchTemplateId': 'lt-0123456789abcdef0', 'launchTemplateName': 'web', 'versions': [3]}],
            'launchConfigurations': [], 'autoScalingGroups': [{'name': 'web-asg'}], 'spotInstanceRequests': [],
            'spotFleetRequests': [], 'fleets': [], 'complete': True, 'incomplete': []}.
        problem (Problem | Unset): RFC 9457 problem details.
    """

    region: str
    name: str
    key_pair_id: str
    outcome: CleanupItemOutcome
    usage: KeyUsage | Unset = UNSET
    problem: Problem | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        name = self.name

        key_pair_id = self.key_pair_id

        outcome = self.outcome.value

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        problem: dict[str, Any] | Unset = UNSET
        if not isinstance(self.problem, Unset):
            problem = self.problem.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "region": region,
                "name": name,
                "keyPairId": key_pair_id,
                "outcome": outcome,
            }
        )
        if usage is not UNSET:
            field_dict["usage"] = usage
        if problem is not UNSET:
            field_dict["problem"] = problem

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_usage import KeyUsage
        from ..models.problem import Problem

        d = dict(src_dict)
        region = d.pop("region")

        name = d.pop("name")

        key_pair_id = d.pop("keyPairId")

        outcome = CleanupItemOutcome(d.pop("outcome"))

        _usage = d.pop("usage", UNSET)
        usage: KeyUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = KeyUsage.from_dict(_usage)

        _problem = d.pop("problem", UNSET)
        problem: Problem | Unset
        if isinstance(_problem, Unset):
            problem = UNSET
        else:
            problem = Problem.from_dict(_problem)

        cleanup_item = cls(
            region=region,
            name=name,
            key_pair_id=key_pair_id,
            outcome=outcome,
            usage=usage,
            problem=problem,
        )

        return cleanup_item
