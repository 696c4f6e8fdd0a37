from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.problem_usage_auto_scaling_groups_item import (
        ProblemUsageAutoScalingGroupsItem,
    )
    from ..models.problem_usage_fleets_item import ProblemUsageFleetsItem
    from ..models.problem_usage_incomplete_item import ProblemUsageIncompleteItem
    from ..models.problem_usage_instances_item import ProblemUsageInstancesItem
    from ..models.problem_usage_launch_configurations_item import (
        ProblemUsageLaunchConfigurationsItem,
    )
    from ..models.problem_usage_launch_templates_item import (
        ProblemUsageLaunchTemplatesItem,
    )
    from ..models.problem_usage_spot_fleet_requests_item import (
        ProblemUsageSpotFleetRequestsItem,
    )
    from ..models.problem_usage_spot_instance_requests_item import (
        ProblemUsageSpotInstanceRequestsItem,
    )


T = TypeVar("T", bound="ProblemUsage")


@_attrs_define
class ProblemUsage:
    """key-in-use and usage-unknown: what names the key (nothing was deleted; force=true deletes anyway).

    Example:
        {'instances': [{'instanceId': 'i-0123456789abcdef0', 'state': 'stopped'}], 'launchTemplates':
            [{'launchTemplateId': 'lt-0123456789abcdef0', 'launchTemplateName': 'web', 'versions': [3]}],
            'launchConfigurations': [], 'autoScalingGroups': [{'name': 'web-asg'}], 'spotInstanceRequests': [],
            'spotFleetRequests': [], 'fleets': [], 'complete': True, 'incomplete': []}

    Attributes:
        instances (list[ProblemUsageInstancesItem]): Instances launched with the key, in every state but terminated.
        launch_templates (list[ProblemUsageLaunchTemplatesItem]): Launch templates whose default or latest version, or a
            version an Auto Scaling group, Spot Fleet or EC2 Fleet launches from, names the key.
        launch_configurations (list[ProblemUsageLaunchConfigurationsItem]):
        auto_scaling_groups (list[ProblemUsageAutoScalingGroupsItem]): Groups that launch from one of these launch
            template versions or launch configurations, or run one of these instances.
        spot_instance_requests (list[ProblemUsageSpotInstanceRequestsItem]): Spot Instance requests that launch with the
            key when fulfilled: persistent ones open or active, one-time ones still open.
        spot_fleet_requests (list[ProblemUsageSpotFleetRequestsItem]): Spot Fleet requests of type maintain, not
            cancelled, whose launch specifications name the key or that launch from one of these launch template versions.
        fleets (list[ProblemUsageFleetsItem]): EC2 Fleets of type maintain, not deleted, that launch from one of these
            launch template versions.
        complete (bool): Whether every kind above was checked; if not, `incomplete` says what and why. Only these kinds
            are checked (e.g. not fleets of type request or instant).
        incomplete (list[ProblemUsageIncompleteItem]):
    """

    instances: list[ProblemUsageInstancesItem]
    launch_templates: list[ProblemUsageLaunchTemplatesItem]
    launch_configurations: list[ProblemUsageLaunchConfigurationsItem]
    auto_scaling_groups: list[ProblemUsageAutoScalingGroupsItem]
    spot_instance_requests: list[ProblemUsageSpotInstanceRequestsItem]
    spot_fleet_requests: list[ProblemUsageSpotFleetRequestsItem]
    fleets: list[ProblemUsageFleetsItem]
    complete: bool
    incomplete: list[ProblemUsageIncompleteItem]

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
        from ..models.problem_usage_auto_scaling_groups_item import (
            ProblemUsageAutoScalingGroupsItem,
        )
        from ..models.problem_usage_fleets_item import ProblemUsageFleetsItem
        from ..models.problem_usage_incomplete_item import ProblemUsageIncompleteItem
        from ..models.problem_usage_instances_item import ProblemUsageInstancesItem
        from ..models.problem_usage_launch_configurations_item import (
            ProblemUsageLaunchConfigurationsItem,
        )
        from ..models.problem_usage_launch_templates_item import (
            ProblemUsageLaunchTemplatesItem,
        )
        from ..models.problem_usage_spot_fleet_requests_item import (
            ProblemUsageSpotFleetRequestsItem,
        )
        from ..models.problem_usage_spot_instance_requests_item import (
            ProblemUsageSpotInstanceRequestsItem,
        )

        d = dict(src_dict)
        instances = []
        _instances = d.pop("instances")
        for instances_item_data in _instances:
            instances_item = ProblemUsageInstancesItem.from_dict(instances_item_data)

            instances.append(instances_item)

        launch_templates = []
        _launch_templates = d.pop("launchTemplates")
        for launch_templates_item_data in _launch_templates:
            launch_templates_item = ProblemUsageLaunchTemplatesItem.from_dict(
                launch_templates_item_data
            )

            launch_templates.append(launch_templates_item)

        launch_configurations = []
        _launch_configurations = d.pop("launchConfigurations")
        for launch_configurations_item_data in _launch_configurations:
            launch_configurations_item = ProblemUsageLaunchConfigurationsItem.from_dict(
                launch_configurations_item_data
            )

            launch_configurations.append(launch_configurations_item)

        auto_scaling_groups = []
        _auto_scaling_groups = d.pop("autoScalingGroups")
        for auto_scaling_groups_item_data in _auto_scaling_groups:
            auto_scaling_groups_item = ProblemUsageAutoScalingGroupsItem.from_dict(
                auto_scaling_groups_item_data
            )

            auto_scaling_groups.append(auto_scaling_groups_item)

        spot_instance_requests = []
        _spot_instance_requests = d.pop("spotInstanceRequests")
        for spot_instance_requests_item_data in _spot_instance_requests:
            spot_instance_requests_item = (
                ProblemUsageSpotInstanceRequestsItem.from_dict(
                    spot_instance_requests_item_data
                )
            )

            spot_instance_requests.append(spot_instance_requests_item)

        spot_fleet_requests = []
        _spot_fleet_requests = d.pop("spotFleetRequests")
        for spot_fleet_requests_item_data in _spot_fleet_requests:
            spot_fleet_requests_item = ProblemUsageSpotFleetRequestsItem.from_dict(
                spot_fleet_requests_item_data
            )

            spot_fleet_requests.append(spot_fleet_requests_item)

        fleets = []
        _fleets = d.pop("fleets")
        for fleets_item_data in _fleets:
            fleets_item = ProblemUsageFleetsItem.from_dict(fleets_item_data)

            fleets.append(fleets_item)

        complete = d.pop("complete")

        incomplete = []
        _incomplete = d.pop("incomplete")
        for incomplete_item_data in _incomplete:
            incomplete_item = ProblemUsageIncompleteItem.from_dict(incomplete_item_data)

            incomplete.append(incomplete_item)

        problem_usage = cls(
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

        return problem_usage
