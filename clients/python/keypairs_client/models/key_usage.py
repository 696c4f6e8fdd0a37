from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.key_usage_auto_scaling_groups_item import (
        KeyUsageAutoScalingGroupsItem,
    )
    from ..models.key_usage_fleets_item import KeyUsageFleetsItem
    from ..models.key_usage_incomplete_item import KeyUsageIncompleteItem
    from ..models.key_usage_instances_item import KeyUsageInstancesItem
    from ..models.key_usage_launch_configurations_item import (
        KeyUsageLaunchConfigurationsItem,
    )
    from ..models.key_usage_launch_templates_item import KeyUsageLaunchTemplatesItem
    from ..models.key_usage_spot_fleet_requests_item import (
        KeyUsageSpotFleetRequestsItem,
    )
    from ..models.key_usage_spot_instance_requests_item import (
        KeyUsageSpotInstanceRequestsItem,
    )


T = TypeVar("T", bound="KeyUsage")


@_attrs_define
class KeyUsage:
    """
    Example:
        {'instances': [{'instanceId': 'i-0123456789abcdef0', 'state': 'stopped'}], 'launchTemplates':
            [{'launchTemplateId': 'lt-0123456789abcdef0', 'launchTemplateName': 'web', 'versions': [3]}],
            'launchConfigurations': [], 'autoScalingGroups': [{'name': 'web-asg'}], 'spotInstanceRequests': [],
            'spotFleetRequests': [], 'fleets': [], 'complete': True, 'incomplete': []}

    Attributes:
        instances (list[KeyUsageInstancesItem]): Instances launched with the key, in every state but terminated.
        launch_templates (list[KeyUsageLaunchTemplatesItem]): Launch templates whose default or latest version, or a
            version an Auto Scaling group, Spot Fleet or EC2 Fleet launches from, names the key.
        launch_configurations (list[KeyUsageLaunchConfigurationsItem]):
        auto_scaling_groups (list[KeyUsageAutoScalingGroupsItem]): Groups that launch from one of these launch template
            versions or launch configurations, or run one of these instances.
        spot_instance_requests (list[KeyUsageSpotInstanceRequestsItem]): Spot Instance requests that launch with the key
            when fulfilled: persistent ones open or active, one-time ones still open.
        spot_fleet_requests (list[KeyUsageSpotFleetRequestsItem]): Spot Fleet requests of type maintain, not cancelled,
            whose launch specifications name the key or that launch from one of these launch template versions.
        fleets (list[KeyUsageFleetsItem]): EC2 Fleets of type maintain, not deleted, that launch from one of these
            launch template versions.
        complete (bool): Whether every kind above was checked; if not, `incomplete` says what and why. Only these kinds
            are checked (e.g. not fleets of type request or instant).
        incomplete (list[KeyUsageIncompleteItem]):
    """

    instances: list[KeyUsageInstancesItem]
    launch_templates: list[KeyUsageLaunchTemplatesItem]
    launch_configurations: list[KeyUsageLaunchConfigurationsItem]
    auto_scaling_groups: list[KeyUsageAutoScalingGroupsItem]
    spot_instance_requests: list[KeyUsageSpotInstanceRequestsItem]
    spot_fleet_requests: list[KeyUsageSpotFleetRequestsItem]
    fleets: list[KeyUsageFleetsItem]
    complete: bool
    incomplete: list[KeyUsageIncompleteItem]

    def to_dict(self) -> dict[str, Any]:
        instances = []
        for instances_item_data in self.instances:
            instances_item = instances_item_data.to_dict()
            instances.append(instances_item)

        launch_templates = []
        for launch_templates_item_data in self.launch_templates:
            launch_templates_item = launch_templates_item_data.to_dict()
            launch_templates.append(launch_templates_item)

        launch_configurations = []
        for launch_configurations_item_data in self.launch_configurations:
            launch_configurations_item = launch_configurations_item_data.to_dict()
            launch_configurations.append(launch_configurations_item)

        auto_scaling_groups = []
        for auto_scaling_groups_item_data in self.auto_scaling_groups:
            auto_scaling_groups_item = auto_scaling_groups_item_data.to_dict()
            auto_scaling_groups.append(auto_scaling_groups_item)

        spot_instance_requests = []
        for spot_instance_requests_item_data in self.spot_instance_requests:
            spot_instance_requests_item = spot_instance_requests_item_data.to_dict()
            spot_instance_requests.append(spot_instance_requests_item)

        spot_fleet_requests = []
        for spot_fleet_requests_item_data in self.spot_fleet_requests:
            spot_fleet_requests_item = spot_fleet_requests_item_data.to_dict()
            spot_fleet_requests.append(spot_fleet_requests_item)

        fleets = []
        for fleets_item_data in self.fleets:
            fleets_item = fleets_item_data.to_dict()
            fleets.append(fleets_item)

        complete = self.complete

        incomplete = []
        for incomplete_item_data in self.incomplete:
            incomplete_item = incomplete_item_data.to_dict()
            incomplete.append(incomplete_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instances": instances,
                "launchTemplates": launch_templates,
                "launchConfigurations": launch_configurations,
                "autoScalingGroups": auto_scaling_groups,
                "spotInstanceRequests": spot_instance_requests,
                "spotFleetRequests": spot_fleet_requests,
                "fleets": fleets,
                "complete": complete,
                "incomplete": incomplete,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_usage_auto_scaling_groups_item import (
            KeyUsageAutoScalingGroupsItem,
        )
        from ..models.key_usage_fleets_item import KeyUsageFleetsItem
        from ..models.key_usage_incomplete_item import KeyUsageIncompleteItem
        from ..models.key_usage_instances_item import KeyUsageInstancesItem
        from ..models.key_usage_launch_configurations_item import (
            KeyUsageLaunchConfigurationsItem,
        )
        from ..models.key_usage_launch_templates_item import KeyUsageLaunchTemplatesItem
        from ..models.key_usage_spot_fleet_requests_item import (
            KeyUsageSpotFleetRequestsItem,
        )
        from ..models.key_usage_spot_instance_requests_item import (
            KeyUsageSpotInstanceRequestsItem,
        )

        d = dict(src_dict)
        instances = []
        _instances = d.pop("instances")
        for instances_item_data in _instances:
            instances_item = KeyUsageInstancesItem.from_dict(instances_item_data)

            instances.append(instances_item)

        launch_templates = []
        _launch_templates = d.pop("launchTemplates")
        for launch_templates_item_data in _launch_templates:
            launch_templates_item = KeyUsageLaunchTemplatesItem.from_dict(
                launch_templates_item_data
            )

            launch_templates.append(launch_templates_item)

        launch_configurations = []
        _launch_configurations = d.pop("launchConfigurations")
        for launch_configurations_item_data in _launch_configurations:
            launch_configurations_item = KeyUsageLaunchConfigurationsItem.from_dict(
                launch_configurations_item_data
            )

            launch_configurations.append(launch_configurations_item)

        auto_scaling_groups = []
        _auto_scaling_groups = d.pop("autoScalingGroups")
        for auto_scaling_groups_item_data in _auto_scaling_groups:
            auto_scaling_groups_item = KeyUsageAutoScalingGroupsItem.from_dict(
                auto_scaling_groups_item_data
            )

            auto_scaling_groups.append(auto_scaling_groups_item)

        spot_instance_requests = []
        _spot_instance_requests = d.pop("spotInstanceRequests")
        for spot_instance_requests_item_data in _spot_instance_requests:
            spot_instance_requests_item = KeyUsageSpotInstanceRequestsItem.from_dict(
                spot_instance_requests_item_data
            )

            spot_instance_requests.append(spot_instance_requests_item)

        spot_fleet_requests = []
        _spot_fleet_requests = d.pop("spotFleetRequests")
        for spot_fleet_requests_item_data in _spot_fleet_requests:
            spot_fleet_requests_item = KeyUsageSpotFleetRequestsItem.from_dict(
                spot_fleet_requests_item_data
            )

            spot_fleet_requests.append(spot_fleet_requests_item)

        fleets = []
        _fleets = d.pop("fleets")
        for fleets_item_data in _fleets:
            fleets_item = KeyUsageFleetsItem.from_dict(fleets_item_data)

            fleets.append(fleets_item)

        complete = d.pop("complete")

        incomplete = []
        _incomplete = d.pop("incomplete")
        for incomplete_item_data in _incomplete:
            incomplete_item = KeyUsageIncompleteItem.from_dict(incomplete_item_data)

            incomplete.append(incomplete_item)

        key_usage = cls(
            instances=instances,
            launch_templates=launch_templates,
            launch_configurations=launch_configurations,
            auto_scaling_groups=auto_scaling_groups,
            spot_instance_requests=spot_instance_requests,
            spot_fleet_requests=spot_fleet_requests,
            fleets=fleets,
            complete=complete,
            incomplete=incomplete,
        )

        return key_usage
