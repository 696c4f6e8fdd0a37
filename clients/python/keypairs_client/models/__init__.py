"""Contains all the data models used in inputs/outputs"""

from .create_key_pair_body import CreateKeyPairBody
from .created_key_pair import CreatedKeyPair
from .created_key_pair_tags import CreatedKeyPairTags
from .created_key_pair_usage import CreatedKeyPairUsage
from .created_key_pair_usage_auto_scaling_groups_item import (
    CreatedKeyPairUsageAutoScalingGroupsItem,
)
from .created_key_pair_usage_fleets_item import CreatedKeyPairUsageFleetsItem
from .created_key_pair_usage_incomplete_item import CreatedKeyPairUsageIncompleteItem
from .created_key_pair_usage_incomplete_item_check import (
    CreatedKeyPairUsageIncompleteItemCheck,
)
from .created_key_pair_usage_instances_item import CreatedKeyPairUsageInstancesItem
from .created_key_pair_usage_launch_configurations_item import (
    CreatedKeyPairUsageLaunchConfigurationsItem,
)
from .created_key_pair_usage_launch_templates_item import (
    CreatedKeyPairUsageLaunchTemplatesItem,
)
from .created_key_pair_usage_spot_fleet_requests_item import (
    CreatedKeyPairUsageSpotFleetRequestsItem,
)
from .created_key_pair_usage_spot_instance_requests_item import (
    CreatedKeyPairUsageSpotInstanceRequestsItem,
)
from .dry_run_result import DryRunResult
from .dry_run_result_operation import DryRunResultOperation
from .dry_run_result_usage import DryRunResultUsage
from .dry_run_result_usage_auto_scaling_groups_item import (
    DryRunResultUsageAutoScalingGroupsItem,
)
from .dry_run_result_usage_fleets_item import DryRunResultUsageFleetsItem
from .dry_run_result_usage_incomplete_item import DryRunResultUsageIncompleteItem
from .dry_run_result_usage_incomplete_item_check import (
    DryRunResultUsageIncompleteItemCheck,
)
from .dry_run_result_usage_instances_item import DryRunResultUsageInstancesItem
from .dry_run_result_usage_launch_configurations_item import (
    DryRunResultUsageLaunchConfigurationsItem,
)
from .dry_run_result_usage_launch_templates_item import (
    DryRunResultUsageLaunchTemplatesItem,
)
from .dry_run_result_usage_spot_fleet_requests_item import (
    DryRunResultUsageSpotFleetRequestsItem,
)
from .dry_run_result_usage_spot_instance_requests_item import (
    DryRunResultUsageSpotInstanceRequestsItem,
)
from .escrowed_key_pair import EscrowedKeyPair
from .escrowed_key_pair_tags import EscrowedKeyPairTags
from .escrowed_key_pair_usage import EscrowedKeyPairUsage
from .escrowed_key_pair_usage_auto_scaling_groups_item import (
    EscrowedKeyPairUsageAutoScalingGroupsItem,
)
from .escrowed_key_pair_usage_fleets_item import EscrowedKeyPairUsageFleetsItem
from .escrowed_key_pair_usage_incomplete_item import EscrowedKeyPairUsageIncompleteItem
from .escrowed_key_pair_usage_incomplete_item_check import (
    EscrowedKeyPairUsageIncompleteItemCheck,
)
from .escrowed_key_pair_usage_instances_item import EscrowedKeyPairUsageInstancesItem
from .escrowed_key_pair_usage_launch_configurations_item import (
    EscrowedKeyPairUsageLaunchConfigurationsItem,
)
from .escrowed_key_pair_usage_launch_templates_item import (
    EscrowedKeyPairUsageLaunchTemplatesItem,
)
from .escrowed_key_pair_usage_spot_fleet_requests_item import (
    EscrowedKeyPairUsageSpotFleetRequestsItem,
)
from .escrowed_key_pair_usage_spot_instance_requests_item import (
    EscrowedKeyPairUsageSpotInstanceRequestsItem,
)
from .gateway_message import GatewayMessage
from .get_open_api_document_response_200 import GetOpenApiDocumentResponse200
from .import_key_pair_body import ImportKeyPairBody
from .key_format import KeyFormat
from .key_pair import KeyPair
from .key_pair_list import KeyPairList
from .key_pair_list_regions import KeyPairListRegions
from .key_pair_tags import KeyPairTags
from .key_pair_usage import KeyPairUsage
from .key_pair_usage_auto_scaling_groups_item import KeyPairUsageAutoScalingGroupsItem
from .key_pair_usage_fleets_item import KeyPairUsageFleetsItem
from .key_pair_usage_incomplete_item import KeyPairUsageIncompleteItem
from .key_pair_usage_incomplete_item_check import KeyPairUsageIncompleteItemCheck
from .key_pair_usage_instances_item import KeyPairUsageInstancesItem
from .key_pair_usage_launch_configurations_item import (
    KeyPairUsageLaunchConfigurationsItem,
)
from .key_pair_usage_launch_templates_item import KeyPairUsageLaunchTemplatesItem
from .key_pair_usage_spot_fleet_requests_item import KeyPairUsageSpotFleetRequestsItem
from .key_pair_usage_spot_instance_requests_item import (
    KeyPairUsageSpotInstanceRequestsItem,
)
from .key_type import KeyType
from .known_problem_type import KnownProblemType
from .problem import Problem
from .problem_field_error import ProblemFieldError
from .problem_usage import ProblemUsage
from .problem_usage_auto_scaling_groups_item import ProblemUsageAutoScalingGroupsItem
from .problem_usage_fleets_item import ProblemUsageFleetsItem
from .problem_usage_incomplete_item import ProblemUsageIncompleteItem
from .problem_usage_incomplete_item_check import ProblemUsageIncompleteItemCheck
from .problem_usage_instances_item import ProblemUsageInstancesItem
from .problem_usage_launch_configurations_item import (
    ProblemUsageLaunchConfigurationsItem,
)
from .problem_usage_launch_templates_item import ProblemUsageLaunchTemplatesItem
from .problem_usage_spot_fleet_requests_item import ProblemUsageSpotFleetRequestsItem
from .problem_usage_spot_instance_requests_item import (
    ProblemUsageSpotInstanceRequestsItem,
)
from .region import Region
from .region_listing_type_0 import RegionListingType0
from .region_listing_type_0_status import RegionListingType0Status
from .region_listing_type_1 import RegionListingType1
from .region_listing_type_1_status import RegionListingType1Status
from .tags import Tags

__all__ = (
    "CreateKeyPairBody",
    "CreatedKeyPair",
    "CreatedKeyPairTags",
    "CreatedKeyPairUsage",
    "CreatedKeyPairUsageAutoScalingGroupsItem",
    "CreatedKeyPairUsageFleetsItem",
    "CreatedKeyPairUsageIncompleteItem",
    "CreatedKeyPairUsageIncompleteItemCheck",
    "CreatedKeyPairUsageInstancesItem",
    "CreatedKeyPairUsageLaunchConfigurationsItem",
    "CreatedKeyPairUsageLaunchTemplatesItem",
    "CreatedKeyPairUsageSpotFleetRequestsItem",
    "CreatedKeyPairUsageSpotInstanceRequestsItem",
    "DryRunResult",
    "DryRunResultOperation",
    "DryRunResultUsage",
    "DryRunResultUsageAutoScalingGroupsItem",
    "DryRunResultUsageFleetsItem",
    "DryRunResultUsageIncompleteItem",
    "DryRunResultUsageIncompleteItemCheck",
    "DryRunResultUsageInstancesItem",
    "DryRunResultUsageLaunchConfigurationsItem",
    "DryRunResultUsageLaunchTemplatesItem",
    "DryRunResultUsageSpotFleetRequestsItem",
    "DryRunResultUsageSpotInstanceRequestsItem",
    "EscrowedKeyPair",
    "EscrowedKeyPairTags",
    "EscrowedKeyPairUsage",
    "EscrowedKeyPairUsageAutoScalingGroupsItem",
    "EscrowedKeyPairUsageFleetsItem",
    "EscrowedKeyPairUsageIncompleteItem",
    "EscrowedKeyPairUsageIncompleteItemCheck",
    "EscrowedKeyPairUsageInstancesItem",
    "EscrowedKeyPairUsageLaunchConfigurationsItem",
    "EscrowedKeyPairUsageLaunchTemplatesItem",
    "EscrowedKeyPairUsageSpotFleetRequestsItem",
    "EscrowedKeyPairUsageSpotInstanceRequestsItem",
    "GatewayMessage",
    "GetOpenApiDocumentResponse200",
    "ImportKeyPairBody",
    "KeyFormat",
    "KeyPair",
    "KeyPairList",
    "KeyPairListRegions",
    "KeyPairTags",
    "KeyPairUsage",
    "KeyPairUsageAutoScalingGroupsItem",
    "KeyPairUsageFleetsItem",
    "KeyPairUsageIncompleteItem",
    "KeyPairUsageIncompleteItemCheck",
    "KeyPairUsageInstancesItem",
    "KeyPairUsageLaunchConfigurationsItem",
    "KeyPairUsageLaunchTemplatesItem",
    "KeyPairUsageSpotFleetRequestsItem",
    "KeyPairUsageSpotInstanceRequestsItem",
    "KeyType",
    "KnownProblemType",
    "Problem",
    "ProblemFieldError",
    "ProblemUsage",
    "ProblemUsageAutoScalingGroupsItem",
    "ProblemUsageFleetsItem",
    "ProblemUsageIncompleteItem",
    "ProblemUsageIncompleteItemCheck",
    "ProblemUsageInstancesItem",
    "ProblemUsageLaunchConfigurationsItem",
    "ProblemUsageLaunchTemplatesItem",
    "ProblemUsageSpotFleetRequestsItem",
    "ProblemUsageSpotInstanceRequestsItem",
    "Region",
    "RegionListingType0",
    "RegionListingType0Status",
    "RegionListingType1",
    "RegionListingType1Status",
    "Tags",
)
