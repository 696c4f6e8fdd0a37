from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.scope_listing_status import ScopeListingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScopeListing")


@_attrs_define
class ScopeListing:
    """
    Example:
        {'status': 'ok', 'count': 2, 'complete': True}

    Attributes:
        status (ScopeListingStatus): ok: listed (count keys in items; complete says whether all). denied: the member
            role could not be assumed. unreachable: the account or region could not be reached (STS not enabled there, an
            AWS failure). throttled, timeout: AWS throttled or did not answer; list the scope again later. not-enabled: the
            region is not enabled for the account. forbidden: the caller may not act in the account. pending: not finished
            before the deadline; nextCursor resumes it.
        count (int | Unset): ok: how many of the scope's matching keys are in `items`.
        complete (bool | Unset): ok: whether `items` holds all of the scope's matching keys (if not, nextCursor
            continues it).
        detail (str | Unset): Not ok: why, in the words of the problem it met.
    """

    status: ScopeListingStatus
    count: int | Unset = UNSET
    complete: bool | Unset = UNSET
    detail: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        count = self.count

        complete = self.complete

        detail = self.detail

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count
        if complete is not UNSET:
            field_dict["complete"] = complete
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = ScopeListingStatus(d.pop("status"))

        count = d.pop("count", UNSET)

        complete = d.pop("complete", UNSET)

        detail = d.pop("detail", UNSET)

        scope_listing = cls(
            status=status,
            count=count,
            complete=complete,
            detail=detail,
        )

        return scope_listing
