from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.cleanup_result_stopped import CleanupResultStopped
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cleanup_cursor import CleanupCursor
    from ..models.cleanup_item import CleanupItem
    from ..models.problem import Problem


T = TypeVar("T", bound="CleanupResult")


@_attrs_define
class CleanupResult:
    """
    Attributes:
        dry_run (bool):
        items (list[CleanupItem]):
        unmanaged_skipped (int): Keys that matched the filters but that this service did not make: never selected, never
            deleted.
        stopped (CleanupResultStopped | Unset): Why the request stopped before the end (then nextCursor says where to go
            on).
        problem (Problem | Unset): RFC 9457 problem details.
        next_cursor (CleanupCursor | Unset): Where an unfinished cleanup goes on: send it back as `cursor` with the same
            filters. Example: {'region': 'eu-west-1', 'after': 'ci-runner-0412'}.
    """

    dry_run: bool
    items: list[CleanupItem]
    unmanaged_skipped: int
    stopped: CleanupResultStopped | Unset = UNSET
    problem: Problem | Unset = UNSET
    next_cursor: CleanupCursor | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        unmanaged_skipped = self.unmanaged_skipped

        stopped: str | Unset = UNSET
        if not isinstance(self.stopped, Unset):
            stopped = self.stopped.value

        problem: dict[str, Any] | Unset = UNSET
        if not isinstance(self.problem, Unset):
            problem = self.problem.to_dict()

        next_cursor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.next_cursor, Unset):
            next_cursor = self.next_cursor.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dryRun": dry_run,
                "items": items,
                "unmanagedSkipped": unmanaged_skipped,
            }
        )
        if stopped is not UNSET:
            field_dict["stopped"] = stopped
        if problem is not UNSET:
            field_dict["problem"] = problem
        if next_cursor is not UNSET:
            field_dict["nextCursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cleanup_cursor import CleanupCursor
        from ..models.cleanup_item import CleanupItem
        from ..models.problem import Problem

        d = dict(src_dict)
        dry_run = d.pop("dryRun")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = CleanupItem.from_dict(items_item_data)

            items.append(items_item)

        unmanaged_skipped = d.pop("unmanagedSkipped")

        _stopped = d.pop("stopped", UNSET)
        stopped: CleanupResultStopped | Unset
        if isinstance(_stopped, Unset):
            stopped = UNSET
        else:
            stopped = CleanupResultStopped(_stopped)

        _problem = d.pop("problem", UNSET)
        problem: Problem | Unset
        if isinstance(_problem, Unset):
            problem = UNSET
        else:
            problem = Problem.from_dict(_problem)

        _next_cursor = d.pop("nextCursor", UNSET)
        next_cursor: CleanupCursor | Unset
        if isinstance(_next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = CleanupCursor.from_dict(_next_cursor)

        cleanup_result = cls(
            dry_run=dry_run,
            items=items,
            unmanaged_skipped=unmanaged_skipped,
            stopped=stopped,
            problem=problem,
            next_cursor=next_cursor,
        )

        return cleanup_result
