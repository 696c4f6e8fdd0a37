from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="KeyUsageLaunchTemplatesItem")


@_attrs_define
class KeyUsageLaunchTemplatesItem:
    """
    Attributes:
        launch_template_id (str):
        launch_template_name (str):
        versions (list[int]):
    """

    launch_template_id: str
    launch_template_name: str
    versions: list[int]

    def to_dict(self) -> dict[str, Any]:
        launch_template_id = self.launch_template_id

        launch_template_name = self.launch_template_name

        versions = self.versions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "launchTemplateId": launch_template_id,
                "launchTemplateName": launch_template_name,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        launch_template_id = d.pop("launchTemplateId")

        launch_template_name = d.pop("launchTemplateName")

        versions = cast(list[int], d.pop("versions"))

        key_usage_launch_templates_item = cls(
            launch_template_id=launch_template_id,
            launch_template_name=launch_template_name,
            versions=versions,
        )

        return key_usage_launch_templates_item
