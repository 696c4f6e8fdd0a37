from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.known_problem_type import KnownProblemType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_usage import KeyUsage
    from ..models.problem_field_error import ProblemFieldError
    from ..models.problem_key_pair import ProblemKeyPair


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """RFC 9457 problem details.

    Attributes:
        type_ (KnownProblemType | str): URI reference identifying the problem type: one of KnownProblemType, or a type
            added after this version of the spec. Relative (`/problems/<kind>`): resolved against the request's URI it is
            GET /problems/{type} on this API, a page saying what the problem means.
        title (str):
        status (int):
        detail (str):
        instance (str | Unset):
        ec_2_code (str | Unset): The EC2 error code that caused this problem, when there was one.
        errors (list[ProblemFieldError] | Unset): Each invalid field of the request.
        usage (KeyUsage | Unset):  Example: {'instances': [{'instanceId': 'i-0123456789abcdef0', 'state': 'stopped'}],
            'launchTemplates': [{'launchTemplateId': 'lt-0123456789abcdef0', 'launchTemplateName': 'web', 'versions': [3]}],
            'launchConfigurations': [], 'autoScalingGroups': [{'name': 'web-asg'}], 'spotInstanceRequests': [],
            'spotFleetRequests': [], 'fleets': [], 'complete': True, 'incomplete': []}.
        key_pair (ProblemKeyPair | Unset): private-key-delivered: the key pair the first request with this Idempotency-
            Key created.
    """

    type_: KnownProblemType | str
    title: str
    status: int
    detail: str
    instance: str | Unset = UNSET
    ec_2_code: str | Unset = UNSET
    errors: list[ProblemFieldError] | Unset = UNSET
    usage: KeyUsage | Unset = UNSET
    key_pair: ProblemKeyPair | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, KnownProblemType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        instance = self.instance

        ec_2_code = self.ec_2_code

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        key_pair: dict[str, Any] | Unset = UNSET
        if not isinstance(self.key_pair, Unset):
            key_pair = self.key_pair.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
            }
        )
        if instance is not UNSET:
            field_dict["instance"] = instance
        if ec_2_code is not UNSET:
            field_dict["ec2Code"] = ec_2_code
        if errors is not UNSET:
            field_dict["errors"] = errors
        if usage is not UNSET:
            field_dict["usage"] = usage
        if key_pair is not UNSET:
            field_dict["keyPair"] = key_pair

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_usage import KeyUsage
        from ..models.problem_field_error import ProblemFieldError
        from ..models.problem_key_pair import ProblemKeyPair

        d = dict(src_dict)

        def _parse_type_(data: object) -> KnownProblemType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = KnownProblemType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KnownProblemType | str, data)

        type_ = _parse_type_(d.pop("type"))

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        instance = d.pop("instance", UNSET)

        ec_2_code = d.pop("ec2Code", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[ProblemFieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ProblemFieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        _usage = d.pop("usage", UNSET)
        usage: KeyUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = KeyUsage.from_dict(_usage)

        _key_pair = d.pop("keyPair", UNSET)
        key_pair: ProblemKeyPair | Unset
        if isinstance(_key_pair, Unset):
            key_pair = UNSET
        else:
            key_pair = ProblemKeyPair.from_dict(_key_pair)

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            instance=instance,
            ec_2_code=ec_2_code,
            errors=errors,
            usage=usage,
            key_pair=key_pair,
        )

        return problem
