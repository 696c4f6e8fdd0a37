"""Contains all the data models used in inputs/outputs"""

from .clean_up_key_pairs_body import CleanUpKeyPairsBody
from .cleanup_cursor import CleanupCursor
from .cleanup_item import CleanupItem
from .cleanup_item_outcome import CleanupItemOutcome
from .cleanup_result import CleanupResult
from .cleanup_result_stopped import CleanupResultStopped
from .create_key_pair_body import CreateKeyPairBody
from .created_key_pair import CreatedKeyPair
from .dry_run_result import DryRunResult
from .dry_run_result_operation import DryRunResultOperation
from .escrowed_key_pair import EscrowedKeyPair
from .gateway_message import GatewayMessage
from .get_open_api_document_response_200 import GetOpenApiDocumentResponse200
from .import_key_pair_body import ImportKeyPairBody
from .key_format import KeyFormat
from .key_pair import KeyPair
from .key_pair_list import KeyPairList
from .key_pair_list_regions import KeyPairListRegions
from .key_pair_list_scopes import KeyPairListScopes
from .key_pair_list_scopes_additional_property import (
    KeyPairListScopesAdditionalProperty,
)
from .key_pair_report import KeyPairReport
from .key_pair_report_regions import KeyPairReportRegions
from .key_pair_tags import KeyPairTags
from .key_type import KeyType
from .key_usage import KeyUsage
from .key_usage_auto_scaling_groups_item import KeyUsageAutoScalingGroupsItem
from .key_usage_fleets_item import KeyUsageFleetsItem
from .key_usage_incomplete_item import KeyUsageIncompleteItem
from .key_usage_incomplete_item_check import KeyUsageIncompleteItemCheck
from .key_usage_instances_item import KeyUsageInstancesItem
from .key_usage_launch_configurations_item import KeyUsageLaunchConfigurationsItem
from .key_usage_launch_templates_item import KeyUsageLaunchTemplatesItem
from .key_usage_spot_fleet_requests_item import KeyUsageSpotFleetRequestsItem
from .key_usage_spot_instance_requests_item import KeyUsageSpotInstanceRequestsItem
from .known_problem_type import KnownProblemType
from .problem import Problem
from .problem_field_error import ProblemFieldError
from .problem_key_pair import ProblemKeyPair
from .region import Region
from .region_listing_type_0 import RegionListingType0
from .region_listing_type_0_status import RegionListingType0Status
from .region_listing_type_1 import RegionListingType1
from .region_listing_type_1_status import RegionListingType1Status
from .report_row import ReportRow
from .report_row_age import ReportRowAge
from .scope_listing import ScopeListing
from .scope_listing_status import ScopeListingStatus
from .set_key_pair_expiry_body import SetKeyPairExpiryBody
from .set_key_pair_expiry_by_id_body import SetKeyPairExpiryByIdBody
from .tags import Tags
from .update_key_pair_tags_body import UpdateKeyPairTagsBody
from .update_key_pair_tags_by_id_body import UpdateKeyPairTagsByIdBody

__all__ = (
    "CleanUpKeyPairsBody",
    "CleanupCursor",
    "CleanupItem",
    "CleanupItemOutcome",
    "CleanupResult",
    "CleanupResultStopped",
    "CreateKeyPairBody",
    "CreatedKeyPair",
    "DryRunResult",
    "DryRunResultOperation",
    "EscrowedKeyPair",
    "GatewayMessage",
    "GetOpenApiDocumentResponse200",
    "ImportKeyPairBody",
    "KeyFormat",
    "KeyPair",
    "KeyPairList",
    "KeyPairListRegions",
    "KeyPairListScopes",
    "KeyPairListScopesAdditionalProperty",
    "KeyPairReport",
    "KeyPairReportRegions",
    "KeyPairTags",
    "KeyType",
    "KeyUsage",
    "KeyUsageAutoScalingGroupsItem",
    "KeyUsageFleetsItem",
    "KeyUsageIncompleteItem",
    "KeyUsageIncompleteItemCheck",
    "KeyUsageInstancesItem",
    "KeyUsageLaunchConfigurationsItem",
    "KeyUsageLaunchTemplatesItem",
    "KeyUsageSpotFleetRequestsItem",
    "KeyUsageSpotInstanceRequestsItem",
    "KnownProblemType",
    "Problem",
    "ProblemFieldError",
    "ProblemKeyPair",
    "Region",
    "RegionListingType0",
    "RegionListingType0Status",
    "RegionListingType1",
    "RegionListingType1Status",
    "ReportRow",
    "ReportRowAge",
    "ScopeListing",
    "ScopeListingStatus",
    "SetKeyPairExpiryBody",
    "SetKeyPairExpiryByIdBody",
    "Tags",
    "UpdateKeyPairTagsBody",
    "UpdateKeyPairTagsByIdBody",
)
