from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.created_key_pair_usage_auto_scaling_groups_item import (
        CreatedKeyPairUsageAutoScalingGroupsItem,
    )
    from ..models.created_key_pair_usage_fleets_item import (
        CreatedKeyPairUsageFleetsItem,
    )
    from ..models.created_key_pair_usage_incomplete_item import (
        CreatedKeyPairUsageIncompleteItem,
    )
    from ..models.created_key_pair_usage_instances_item import (
        CreatedKeyPairUsageInstancesItem,
    )
    from ..models.created_key_pair_usage_launch_configurations_item import (
        CreatedKeyPairUsageLaunchConfigurationsItem,
    )
    from ..models.created_key_pair_usage_launch_templates_item import (
        CreatedKeyPairUsageLaunchTemplatesItem,
    )
    from ..models.created_key_pair_usage_spot_fleet_requests_item import (
        CreatedKeyPairUsageSpotFleetRequestsItem,
    )
    from ..models.created_key_pair_usage_spot_instance_requests_item import (
        CreatedKeyPairUsageSpotInstanceRequestsItem,
    )


T = TypeVar("T", bound="CreatedKeyPairUsage")


@_attrs_define
class CreatedKeyPairUsage:
    """What names this key; only with includeUsage=true.

    Example:
        {'instances': [{'instanceId': 'i-0123456789abcdef0', 'state': 'stopped'}], 'launchTemplates':
            [{'launchTemplateId': 'lt-0123456789abcdef0', 'launchTemplateName': 'web', 'versions': [3]}],
            'launchConfigurations': [], 'autoScalingGroups': [{'name': 'web-asg'}], 'spotInstanceRequests': [],
            'spotFleetRequests': [], 'fleets': [], 'complete': True, 'incomplete': []}

    Attributes:
        instances (list[CreatedKeyPairUsageInstancesItem]): Instances launched with the key, in every state but
            terminated.
        launch_templates (list[CreatedKeyPairUsageLaunchTemplatesItem]): Launch templates whose default or latest
            version, or a version an Auto Scaling group, Spot Fleet or EC2 Fleet launches from, names the key.
        launch_configurations (list[CreatedKeyPairUsageLaunchConfigurationsItem]):
        auto_scaling_groups (list[CreatedKeyPairUsageAutoScalingGroupsItem]): Groups that launch from one of these
            launch template versions or launch configurations, or run one of these instances.
        spot_instance_requests (list[CreatedKeyPairUsageSpotInstanceRequestsItem]): Spot Instance requests that launch
            with the key when fulfilled: persistent ones open or active, one-time ones still open.
        spot_fleet_requests (list[CreatedKeyPairUsageSpotFleetRequestsItem]): Spot Fleet requests of type maintain, not
            cancelled, whose launch specifications name the key or that launch from one of these launch template versions.
        fleets (list[CreatedKeyPairUsageFleetsItem]): EC2 Fleets of type maintain, not deleted, that launch from one of
            these launch template versions.
        complete (bool): Whether every kind above was checked; if not, `incomplete` says what and why. Only these kinds
            are checked (e.g. not fleets of type request or instant).
        incomplete (list[CreatedKeyPairUsageIncompleteItem]):
    """

    instances: list[CreatedKeyPairUsageInstancesItem]
    launch_templates: list[CreatedKeyPairUsageLaunchTemplatesItem]
    launch_configurations: list[CreatedKeyPairUsageLaunchConfigurationsItem]
    auto_scaling_groups: list[CreatedKeyPairUsageAutoScalingGroupsItem]
    spot_instance_requests: list[CreatedKeyPairUsageSpotInstanceRequestsItem]
    spot_fleet_requests: list[CreatedKeyPairUsageSpotFleetRequestsItem]
    fleets: list[CreatedKeyPairUsageFleetsItem]
    complete: bool
    incomplete: list[CreatedKeyPairUsageIncompleteItem]

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
        from ..models.created_key_pair_usage_auto_scaling_groups_item import (
            CreatedKeyPairUsageAutoScalingGroupsItem,
        )
        from ..models.created_key_pair_usage_fleets_item import (
            CreatedKeyPairUsageFleetsItem,
        )
        from ..models.created_key_pair_usage_incomplete_item import (
            CreatedKeyPairUsageIncompleteItem,
        )
        from ..models.created_key_pair_usage_instances_item import (
            CreatedKeyPairUsageInstancesItem,
        )
        from ..models.created_key_pair_usage_launch_configurations_item import (
            CreatedKeyPairUsageLaunchConfigurationsItem,
        )
        from ..models.created_key_pair_usage_launch_templates_item import (
            CreatedKeyPairUsageLaunchTemplatesItem,
        )
        from ..models.created_key_pair_usage_spot_fleet_requests_item import (
            CreatedKeyPairUsageSpotFleetRequestsItem,
        )
        from ..models.created_key_pair_usage_spot_instance_requests_item import (
            CreatedKeyPairUsageSpotInstanceRequestsItem,
        )

        d = dict(src_dict)
        instances = []
        _instances = d.pop("instances")
        for instances_item_data in _instances:
            instances_item = CreatedKeyPairUsageInstancesItem.from_dict(
                instances_item_data
            )

            instances.append(instances_item)

        launch_templates = []
        _launch_templates = d.pop("launchTemplates")
        for launch_templates_item_data in _launch_templates:
            launch_templates_item = CreatedKeyPairUsageLaunchTemplatesItem.from_dict(
                launch_templates_item_data
            )

            launch_templates.append(launch_templates_item)

        launch_configurations = []
        _launch_configurations = d.pop("launchConfigurations")
        for launch_configurations_item_data in _launch_configurations:
            launch_configurations_item = (
                CreatedKeyPairUsageLaunchConfigurationsItem.from_dict(
                    launch_configurations_item_data
                )
            )

            launch_configurations.append(launch_configurations_item)

        auto_scaling_groups = []
        _auto_scaling_groups = d.pop("autoScalingGroups")
        for auto_scaling_groups_item_data in _auto_scaling_groups:
            auto_scaling_groups_item = (
                CreatedKeyPairUsageAutoScalingGroupsItem.from_dict(
                    auto_scaling_groups_item_data
                )
            )

            auto_scaling_groups.append(auto_scaling_groups_item)

        spot_instance_requests = []
        _spot_instance_requests = d.pop("spotInstanceRequests")
        for spot_instance_requests_item_data in _spot_instance_requests:
            spot_instance_requests_item = (
                CreatedKeyPairUsageSpotInstanceRequestsItem.from_dict(
                    spot_instance_requests_item_data
                )
            )

            spot_instance_requests.append(spot_instance_requests_item)

        spot_fleet_requests = []
        _spot_fleet_requests = d.pop("spotFleetRequests")
        for spot_fleet_requests_item_data in _spot_fleet_requests:
            spot_fleet_requests_item = (
                CreatedKeyPairUsageSpotFleetRequestsItem.from_dict(
                    spot_fleet_requests_item_data
                )
            )

            spot_fleet_requests.append(spot_fleet_requests_item)

        fleets = []
        _fleets = d.pop("fleets")
        for fleets_item_data in _fleets:
            fleets_item = CreatedKeyPairUsageFleetsItem.from_dict(fleets_item_data)

            fleets.append(fleets_item)

        complete = d.pop("complete")

        incomplete = []
        _incomplete = d.pop("incomplete")
        for incomplete_item_data in _incomplete:
            incomplete_item = CreatedKeyPairUsageIncompleteItem.from_dict(
                incomplete_item_data
            )

            incomplete.append(incomplete_item)

        created_key_pair_usage = cls(
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

        return created_key_pair_usage
